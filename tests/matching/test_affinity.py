"""Affinity from the Chinese text: related records score higher, the top k agree with the
pair-by-pair scores, and every pair can be explained by the terms that matched."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from techvp.build import run
from techvp.matching import affinity
from techvp.matching.affinity import Affinity, terms_of
from tests.factories import BATCH, EXPERT, NEED, record, write_repo


def test_terms_are_character_ngrams_within_runs() -> None:
    assert terms_of("激光焊接，PCB") == ["激光", "光焊", "焊接", "激光焊", "光焊接", "pcb"]


def _affinity(tmp_path: Path) -> Affinity:
    food = record(
        NEED,
        id="noodle",
        expert_field="食品发酵与面制品加工",
        problem="热干面生产中碱水面条保质期短，需要改进杀菌与包装工艺，延长货架期。",
    )
    other = record(
        EXPERT,
        id="wang-fang-hzau",
        name="王芳",
        research_fields=["食品加工", "面制品保鲜"],
        achievements=["湿面条保鲜与杀菌工艺研究"],
        patents=[],
        department="食品科学技术学院",
        applications=[],
    )
    write_repo(tmp_path, batch=[BATCH], need=[NEED, food], expert=[EXPERT, other])
    ds = run(tmp_path, datetime(2022, 3, 1, tzinfo=UTC)).dataset
    needs = [ds.needs[k].record for k in sorted(ds.needs)]
    experts = [ds.experts[k].record for k in sorted(ds.experts)]
    return Affinity(needs, experts, {("laser-weld", "li-ming-hust")}, set())


def test_related_pairs_score_higher_and_explain_themselves(tmp_path: Path) -> None:
    aff = _affinity(tmp_path)
    pairs = [
        ("laser-weld", "li-ming-hust"),
        ("laser-weld", "wang-fang-hzau"),
        ("noodle", "wang-fang-hzau"),
        ("noodle", "li-ming-hust"),
    ]
    laser, laser_food, food, food_laser = aff.pair_scores(pairs)
    assert laser.score > laser_food.score and food.score > food_laser.score
    assert laser.applied and not food.applied
    assert min(c.score for c in (laser, food)) >= 0 and max(laser.score, food.score) <= 1
    assert "激光焊" in aff.matched_terms("laser-weld", "li-ming-hust")
    assert any("面" in t or "食品" in t for t in aff.matched_terms("noodle", "wang-fang-hzau"))


def test_top_k_agrees_with_pair_scores(tmp_path: Path) -> None:
    aff = _affinity(tmp_path)
    for_need = aff.top_for_needs(5)
    assert [(n, e, r) for n, e, r, _ in for_need] == [
        ("laser-weld", "li-ming-hust", 1),
        ("laser-weld", "wang-fang-hzau", 2),
        ("noodle", "wang-fang-hzau", 1),
        ("noodle", "li-ming-hust", 2),
    ]
    scores = aff.pair_scores([(n, e) for n, e, _, _ in for_need])
    assert [s for *_, s in for_need] == [c.score for c in scores]
    assert {(n, e) for n, e, _, _ in aff.top_for_experts(1)} == {
        ("laser-weld", "li-ming-hust"),
        ("noodle", "wang-fang-hzau"),
    }


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 14), st.integers(1, 14), st.integers(1, 6), st.integers(0, 2**31 - 1))
def test_top_k_both_ways_equals_sorting_every_score(n: int, m: int, chunk: int, seed: int) -> None:
    """The chunked top-k (any chunk size, so columns merge across chunks) against sorting the
    whole score matrix: best score first, equal scores (frequent here) by lower index."""
    rng = np.random.default_rng(seed)
    # Quarter steps: every product and sum is exact, so the dense oracle rounds the same way.
    mats = [sparse.csr_matrix(rng.integers(0, 3, size=(r, 3)) / 4) for r in (n, m, n, m)]
    bonus = sparse.csr_matrix(rng.integers(0, 2, size=(n, m)) * affinity.APPLIED)
    k = 3
    by_row, by_col = affinity._top_both(*mats, bonus, k, chunk)
    raw = affinity.TEXT * (mats[0] @ mats[1].T).toarray()
    raw += affinity.FIELD * (mats[2] @ mats[3].T).toarray()
    raw += bonus.toarray()
    scores = np.rint(np.clip(raw, 0, 1) * affinity.SCALE).astype(int)
    want_row = [
        (i, j, r + 1, int(scores[i, j]) / affinity.SCALE)
        for i in range(n)
        for r, j in enumerate(sorted(range(m), key=lambda j: (-scores[i, j], j))[:k])
    ]
    want_col = [
        (i, j, r + 1, int(scores[i, j]) / affinity.SCALE)
        for j in range(m)
        for r, i in enumerate(sorted(range(n), key=lambda i: (-scores[i, j], i))[:k])
    ]
    assert by_row == want_row
    assert by_col == want_col
