"""How well an expert fits a need, in [0, 1], from the Chinese text of both records.

Chinese has no spaces between words, so the text is cut into character 2- and 3-grams inside
each run of Chinese characters (a run of Latin letters or digits is one term), weighted by TF-IDF
(scikit-learn, sublinear term frequency, L2-normalised rows, fitted on the batch's needs and
experts together). Two cosine similarities come out of it:

- `text`: the need's 期望专家研究领域, 技术创新难题 and 所属行业 against the expert's 研究领域,
  科研成果, patent titles and 院系;
- `field`: the need's 期望专家研究领域 and 所属行业 against the expert's 研究领域 alone.

The affinity is TEXT × text + FIELD × field + APPLIED × applied + NAMED × named, where `applied`
is 1 when the expert applied to the need and `named` is 1 when the need named the expert and both
agreed (the weights sum to 1). Scores are rounded to four decimals (`SCALE`) before anything is
ranked, and equal scores rank by id, so the same records always give the same order.

Nothing here builds a needs × experts matrix: candidate pairs are scored from their own rows
(`pair_scores`), and the top k of each row are found chunk by chunk (`top_for_needs`,
`top_for_experts`) with sparse products.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from techvp.models import Expert, Need

TEXT, FIELD, APPLIED, NAMED = 0.5, 0.3, 0.15, 0.05
SCALE = 10_000  # scores are kept as integers in units of 1/SCALE
CHUNK = 512  # rows scored at once when looking for the top k
_RUNS = re.compile(r"[\u3400-\u9fff]+|[a-z0-9]+")

Pair = tuple[str, str]  # (need id, expert id)
Ranked = tuple[str, str, int, float]  # (need id, expert id, rank from 1, score)


def terms_of(text: str) -> list[str]:
    """The terms of a text: character 2- and 3-grams of each Chinese run, Latin words whole."""
    out: list[str] = []
    for run in _RUNS.findall(text.lower()):
        if run.isascii():
            if len(run) > 1 and not run.isdigit():
                out.append(run)
            continue
        out += [run[i : i + 2] for i in range(len(run) - 1)]
        out += [run[i : i + 3] for i in range(len(run) - 2)]
    return out


class _LineTerms:
    """`terms_of` line by line, each distinct line cut once: no term spans a line break, so a
    text's terms are its lines' terms in turn (the field texts are lines of the full texts)."""

    def __init__(self) -> None:
        self.cache: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for line in text.split("\n"):
            terms = self.cache.get(line)
            if terms is None:
                terms = self.cache[line] = terms_of(line)
            out += terms
        return out


def need_text(need: Need) -> str:
    return "\n".join([need.expert_field, need.problem, need.enterprise.industry])


def need_field(need: Need) -> str:
    return "\n".join([need.expert_field, need.enterprise.industry])


def expert_text(expert: Expert) -> str:
    parts = [*expert.research_fields, *expert.achievements, *(p.title for p in expert.patents)]
    return "\n".join([*parts, expert.department or ""])


def expert_field(expert: Expert) -> str:
    return "\n".join(expert.research_fields)


@dataclass(frozen=True)
class Components:
    """One pair's affinity and what it is made of (each in [0, 1]); `score` is rounded."""

    score: float
    text: float
    field: float
    applied: bool
    named: bool


class Affinity:
    """The text model of one batch: needs and experts in id order, as given."""

    def __init__(
        self,
        needs: Sequence[Need],
        experts: Sequence[Expert],
        applied: Collection[Pair],
        named: Collection[Pair],
    ) -> None:
        self.need_ids = [n.id for n in needs]
        self.expert_ids = [e.id for e in experts]
        self.need_index = {nid: i for i, nid in enumerate(self.need_ids)}
        self.expert_index = {eid: j for j, eid in enumerate(self.expert_ids)}
        vectorizer = TfidfVectorizer(
            analyzer=_LineTerms(), sublinear_tf=True, dtype=np.float64, lowercase=False
        )
        docs = [need_text(n) for n in needs] + [expert_text(e) for e in experts]
        matrix = vectorizer.fit_transform(docs) if docs else sparse.csr_matrix((0, 0))
        self.vocabulary = vectorizer.get_feature_names_out() if docs else np.array([])
        self.need_vec = sparse.csr_matrix(matrix[: len(needs)])
        self.expert_vec = sparse.csr_matrix(matrix[len(needs) :])
        self.need_field = _transform(vectorizer, [need_field(n) for n in needs], matrix.shape[1])
        self.expert_field = _transform(
            vectorizer, [expert_field(e) for e in experts], matrix.shape[1]
        )
        self.applied = frozenset(applied)
        self.named = frozenset(named)
        self._bonus = self._bonus_matrix()

    def _bonus_matrix(self) -> sparse.csr_matrix:
        """APPLIED and NAMED as a sparse needs × experts matrix (only the pairs that have one)."""
        rows, cols, vals = [], [], []
        for pairs, weight in ((self.applied, APPLIED), (self.named, NAMED)):
            for need_id, expert_id in pairs:
                if need_id in self.need_index and expert_id in self.expert_index:
                    rows.append(self.need_index[need_id])
                    cols.append(self.expert_index[expert_id])
                    vals.append(weight)
        shape = (len(self.need_ids), len(self.expert_ids))
        return sparse.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64)

    def pair_scores(self, pairs: Sequence[Pair]) -> list[Components]:
        """The components of each pair, from the pairs' rows only (no dense matrix)."""
        if not pairs:
            return []
        ni = np.array([self.need_index[n] for n, _ in pairs])
        ej = np.array([self.expert_index[e] for _, e in pairs])
        text = _rowwise_dot(self.need_vec, self.expert_vec, ni, ej)
        field = _rowwise_dot(self.need_field, self.expert_field, ni, ej)
        applied = np.array([pair in self.applied for pair in pairs])
        named = np.array([pair in self.named for pair in pairs])
        # The same operations, in the same order, as one pair at a time (bit for bit).
        raw = TEXT * text + FIELD * field + APPLIED * applied + NAMED * named
        columns = [_rounded_all(raw), _rounded_all(text), _rounded_all(field), applied, named]
        return [Components(*row) for row in zip(*(c.tolist() for c in columns), strict=True)]

    def top_both(self, k: int) -> tuple[list[Ranked], list[Ranked]]:
        """(need id, expert id, rank, score) of the k best experts of each need (applied or
        not), then of the k best needs of each expert, from one pass over the pairs."""
        for_need, for_expert = _top_both(
            self.need_vec, self.expert_vec, self.need_field, self.expert_field, self._bonus, k
        )
        names = self.need_ids, self.expert_ids
        return (
            [(names[0][i], names[1][j], r, s) for i, j, r, s in for_need],
            [(names[0][i], names[1][j], r, s) for i, j, r, s in for_expert],
        )

    def top_for_needs(self, k: int) -> list[Ranked]:
        return self.top_both(k)[0]

    def top_for_experts(self, k: int) -> list[Ranked]:
        return self.top_both(k)[1]

    def matched_terms(self, need_id: str, expert_id: str, limit: int = 5) -> list[str]:
        """The terms that weigh most in the pair's text similarity (see matched_terms_many)."""
        return list(self.matched_terms_many([(need_id, expert_id)], limit)[need_id, expert_id])

    def matched_terms_many(
        self, pairs: Sequence[Pair], limit: int = 5
    ) -> dict[Pair, tuple[str, ...]]:
        """For each pair, up to `limit` terms weighing most in its text similarity, heaviest
        first, none inside another (see `_distinct`)."""
        unique = sorted(set(pairs))
        if not unique:
            return {}
        ni = np.array([self.need_index[n] for n, _ in unique])
        ej = np.array([self.expert_index[e] for _, e in unique])
        product = sparse.csr_matrix(self.need_vec[ni].multiply(self.expert_vec[ej]))
        rows, cols = _heaviest(product, limit * 4)
        vocabulary = self.vocabulary.tolist()
        ends = np.searchsorted(rows, np.arange(len(unique) + 1)).tolist()
        cols_list = cols.tolist()
        return {
            pair: _distinct([vocabulary[c] for c in cols_list[ends[k] : ends[k + 1]]], limit)
            for k, pair in enumerate(unique)
        }


def _heaviest(product: sparse.csr_matrix, keep: int) -> tuple[NDArray[np.int_], NDArray[np.int_]]:
    """(row, column) of the `keep` heaviest entries of each row, by row, heaviest first, then
    by column (vocabulary order), in one sort of all entries."""
    product.sum_duplicates()
    rows = np.repeat(np.arange(product.shape[0]), np.diff(product.indptr))
    order = np.lexsort((product.indices, -product.data, rows))
    rows, cols = rows[order], product.indices[order]
    rank = np.arange(len(rows)) - product.indptr[rows]
    return rows[rank < keep], cols[rank < keep]


def _distinct(terms: list[str], limit: int) -> tuple[str, ...]:
    """The first `limit` terms none of which contains another; a term that contains one chosen
    earlier takes its place (激光焊 replaces 激光), one inside a chosen term is skipped."""
    chosen: list[str] = []
    for term in terms:
        if term in "\n".join(chosen):  # inside a chosen term (no term holds a line break)
            continue
        inside = [i for i, c in enumerate(chosen) if c in term]
        if inside:
            chosen[inside[0]] = term
            chosen = [c for i, c in enumerate(chosen) if i not in inside[1:]]
        elif len(chosen) == limit:
            break
        else:
            chosen.append(term)
    return tuple(chosen)


def _transform(vectorizer: TfidfVectorizer, texts: list[str], width: int) -> sparse.csr_matrix:
    """The texts' TF-IDF rows (none for no text: scikit-learn refuses an empty list)."""
    if not texts:
        return sparse.csr_matrix((0, width))
    return vectorizer.transform(texts).tocsr()


def _rounded_all(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each value rounded to the nearest 1/SCALE (half to even, as numpy rounds)."""
    return np.rint(values * SCALE) / SCALE


def _rowwise_dot(
    a: sparse.csr_matrix, b: sparse.csr_matrix, ai: NDArray[np.int_], bj: NDArray[np.int_]
) -> NDArray[np.float64]:
    """a[ai[k]] · b[bj[k]] for every k, in chunks of rows."""
    out = np.zeros(len(ai))
    step = 20_000
    for start in range(0, len(ai), step):
        sl = slice(start, start + step)
        out[sl] = np.asarray(a[ai[sl]].multiply(b[bj[sl]]).sum(axis=1)).ravel()
    return np.clip(out, 0.0, 1.0)


def _top_both(
    rows_text: sparse.csr_matrix,
    cols_text: sparse.csr_matrix,
    rows_field: sparse.csr_matrix,
    cols_field: sparse.csr_matrix,
    bonus: sparse.csr_matrix,
    k: int,
    chunk: int = CHUNK,
) -> tuple[list[tuple[int, int, int, float]], list[tuple[int, int, int, float]]]:
    """(row, col, rank from 1, score) of the k best columns of each row, and of the k best rows
    of each column: best score first, then lowest index. Rows are scored `chunk` at a time; each
    column keeps its k best rows so far (`_merge_columns`)."""
    n_rows, n_cols = rows_text.shape[0], cols_text.shape[0]
    if n_rows == 0 or n_cols == 0:
        return [], []
    text_t, field_t = cols_text.T.tocsr(), cols_field.T.tocsr()
    # Keys order by score (descending), then index; int32 when they fit (half the memory).
    key_type: type[np.int32] | type[np.int64] = (
        np.int32 if (SCALE + 1) * max(n_rows, n_cols) < 2**31 else np.int64
    )
    by_row: list[tuple[int, int, int, float]] = []
    kept_keys = np.empty((0, n_cols), dtype=key_type)  # per column: -score * n_rows + row
    raw, part = np.empty((chunk, n_cols)), np.empty((chunk, n_cols))
    for start in range(0, n_rows, chunk):
        stop = min(start + chunk, n_rows)
        raw_c, part_c = raw[: stop - start], part[: stop - start]
        (rows_text[start:stop] @ text_t).toarray(out=raw_c)
        raw_c *= TEXT
        (rows_field[start:stop] @ field_t).toarray(out=part_c)
        part_c *= FIELD
        raw_c += part_c
        bonus[start:stop].toarray(out=part_c)
        raw_c += part_c
        np.clip(raw_c, 0.0, 1.0, out=raw_c)
        raw_c *= SCALE
        scores: NDArray[np.int_] = np.rint(raw_c, out=raw_c).astype(key_type)
        row_keys = -scores * n_cols + np.arange(n_cols, dtype=key_type)[None, :]
        for r, cols in enumerate(_smallest(row_keys, k, axis=1)):
            by_row += [(start + r, c, i + 1, int(scores[r, c]) / SCALE) for i, c in enumerate(cols)]
        del row_keys
        col_keys = -scores * n_rows + np.arange(start, stop, dtype=key_type)[:, None]
        kept_keys = _merge_columns(kept_keys, col_keys, k)
    by_col: list[tuple[int, int, int, float]] = []
    order = np.sort(kept_keys, axis=0).astype(np.int64)
    for c in range(n_cols):
        for i, key in enumerate(order[:, c].tolist()):
            row = key % n_rows
            by_col.append((row, c, i + 1, -(key - row) // n_rows / SCALE))
    return by_row, by_col


def _merge_columns(kept: NDArray[np.int_], keys: NDArray[np.int_], k: int) -> NDArray[np.int_]:
    """Per column, the k smallest of the kept keys and a chunk's keys (all keys differ). Once a
    column holds k, only the chunk's keys below its largest kept key can enter: few, after the
    first chunk, so they are merged as a list instead of selecting over the whole chunk."""
    if kept.shape[0] < k:
        both = np.vstack([kept, keys])
        return np.take_along_axis(both, _smallest_index(both, k, axis=0), axis=0)
    rows, cols = np.nonzero(keys < kept.max(axis=0)[None, :])
    if len(cols) == 0:
        return kept
    touched = np.unique(cols)
    all_cols = np.concatenate([np.tile(touched, k), cols])
    all_keys = np.concatenate([kept[:, touched].ravel(), keys[rows, cols]])
    order = np.lexsort((all_keys, all_cols))
    all_cols, all_keys = all_cols[order], all_keys[order]
    starts = np.searchsorted(all_cols, touched)
    rank = np.arange(len(all_cols)) - np.repeat(starts, np.diff(np.append(starts, len(all_cols))))
    out = kept.copy()
    out[:, touched] = all_keys[rank < k].reshape(len(touched), k).T
    return out


def _smallest_index(keys: NDArray[np.int_], k: int, axis: int) -> NDArray[np.int_]:
    """Indices of the k smallest keys along `axis` (all of them when there are at most k)."""
    size = keys.shape[axis]
    if size <= k:
        return np.indices(keys.shape)[axis]
    return np.argpartition(keys, k - 1, axis=axis).take(range(k), axis=axis)


def _smallest(keys: NDArray[np.int_], k: int, axis: int) -> list[list[int]]:
    """Per row (axis=1): the columns of its k smallest keys, smallest first."""
    idx = _smallest_index(keys, k, axis)
    ordered = np.take_along_axis(idx, np.argsort(np.take_along_axis(keys, idx, axis), axis), axis)
    return ordered.tolist()  # type: ignore[no-any-return]
