"""`techvp validate` through the cache: after a change, check again only what it can affect.

The content-hash cache (techvp.cache) spares reading unchanged files; this module spares the
rules. Each record file has join keys: its own id, the ids it refers to, its enterprise's credit
code, the normalised names of the people it names. A rule's finding about one record can only
depend on the records that share a key with it, directly or through others (the rules relate
records by nothing else), and on the batches. So after a change the rules run again on the
changed files and every file connected to them through shared keys (with the batches), and
every other file keeps the findings it had. The rest of a run (paths, ids, the guard) is cheap
and runs in full.

The whole run is checked again when what the rules depend on besides records changed: the
program, a batch file, `--now` where it matters (policies.now_key) or the files under review.
The previous findings are kept in root/.techvp-cache/rules.bin, signed like the cache.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from techvp.cache import FOLDER, RecordCache, read_signed, write_signed
from techvp.diagnostics import Diagnostic, Findings, Location, TechvpError, error
from techvp.guard.accounts import scan_accounts
from techvp.guard.scan import scan_bytes, scan_tree
from techvp.layout import SUBMISSIONS, Candidate, find_candidates, walk
from techvp.models import KINDS
from techvp.policies import RuleContext, now_key, run_rules
from techvp.policies.names import normalise
from techvp.policies.relations import raw_preferences
from techvp.reading import MAX_SECONDS
from techvp.repo import claim, make_dataset
from techvp.yamlio import YamlDocument

_MEMO = "rules.bin"
# Codes whose message suggests the closest known id: they depend on every id of their kind.
_HINTED = frozenset({"ref.unknown-need", "ref.unknown-expert"})
_IDS = "ids"  # the join key of those findings, and of any change to the set of ids
Owners = Mapping[str, Mapping[Any, str]]  # kind → id → its file (techvp.repo.Dataset.owners)
_APPOINTMENTS = f"{SUBMISSIONS}/{KINDS['appointment'].folder}/"


@dataclass(frozen=True)
class FileMemo:
    """What one record file gave in the previous run."""

    digest: bytes
    keys: tuple[str, ...]
    loaded: tuple[Diagnostic, ...]  # reading it: YAML, the model, the guard on its bytes
    ruled: tuple[Diagnostic, ...]  # the rules' findings located in it


@dataclass
class Memo:
    program: bytes
    context: tuple[Any, ...]
    files: dict[str, FileMemo] = field(default_factory=dict)
    added: frozenset[str] = frozenset()  # the files under review then (deadline rules)


def join_keys(cand: Candidate, record: Any, doc: YamlDocument) -> tuple[str, ...]:
    """The keys that relate this record file to others (see the module's docstring)."""
    kind = cand.kind.name
    own = cand.key if kind != "report" else cand.folders["expert"]
    keys = {f"{'expert' if kind in ('appointment', 'report', 'assessment') else kind}:{own}"}
    data = doc.data if isinstance(doc.data, dict) else {}
    if record is None:
        for expert_id, name, _ in raw_preferences(data):
            keys.add(f"expert:{expert_id}" if expert_id else f"person:{normalise(name)}")
        return tuple(sorted(keys))
    if kind == "need":
        if record.enterprise.credit_code:
            keys.add(f"credit:{record.batch}:{record.enterprise.credit_code}")
        for pref in record.preferred_experts:
            keys.add(f"person:{normalise(pref.name)}")
            if pref.expert:
                keys.add(f"expert:{pref.expert}")
    elif kind == "expert":
        keys.add(f"person:{normalise(record.name)}")
        keys.update(f"need:{need_id}" for need_id in record.applications)
    elif kind != "batch":
        keys.add(f"expert:{record.expert}")
        for ref in ("need", "replaced_by"):
            value = getattr(record, ref, None)
            keys.add(f"{'need' if ref == 'need' else 'expert'}:{value}" if value else "")
    keys.discard("")
    return tuple(sorted(keys))


def validate(root: Path, now: datetime, added: frozenset[str] | None) -> Findings | None:
    """What loading and checking every record finds (techvp.validate's `load` and `check`),
    reading and checking again only what changed since the previous run through the cache.
    None when the time budget ran out before the changed files were read (the plain run then
    says so)."""
    if not (root / SUBMISSIONS).is_dir():
        raise TechvpError(error("root.no-submissions", Location("."), root=str(root)))
    run = _Run(root, now, added)
    if not run.complete:
        return None
    return run.findings()


class _Run:
    def __init__(self, root: Path, now: datetime, added: frozenset[str] | None) -> None:
        self.root, self.now, self.added = root, now, added
        self.entries = list(walk(str(root / SUBMISSIONS)))
        self.paths = Findings()
        self.cands = find_candidates(root, self.paths, self.entries)
        self.kept = RecordCache(root, scan_bytes)
        misses = self.kept.probe(self.cands)
        self.changed = {cand.rel for cand in misses}
        self.fresh = self.kept.read_changed(misses, MAX_SECONDS)
        self.complete = len(self.fresh) == len(misses)

    def _got(self, cand: Candidate) -> tuple[Any, YamlDocument]:
        if cand.rel in self.changed:
            return self.fresh[cand.rel]
        return self.kept.cached(cand.rel)

    def findings(self) -> Findings:
        findings = Findings(files_checked=len(self.cands))
        findings.extend(self.paths)
        owners: dict[str, dict[Any, str]] = {k: {} for k in KINDS}
        claimed = [cand for cand in self.cands if claim(owners, cand, findings)]
        batches = [cand for cand in claimed if cand.kind.name == "batch"]
        loaded_batches = [r for r, _ in map(self._got, batches) if r is not None]
        context = (now_key(loaded_batches, self.now), self.added is None)
        memo = self._memo(context)
        batch_rels = {cand.rel for cand in self.cands if cand.kind.name == "batch"}
        if memo is None or self._batches_changed(memo, batch_rels):
            memo = Memo(self.kept.program, context)
            part = load = {cand.rel for cand in self.cands}
        else:
            part, load = self._affected(memo, owners)
        docs = {c.rel: self._got(c) for c in self.cands if c.rel in load or c.rel in batch_rels}
        read = [(c, *docs[c.rel]) for c in claimed if c.rel in docs]
        dataset = make_dataset(self.root, owners, read, (c.rel for c in self.cands))
        ruled = _by_file(run_rules(dataset, RuleContext.create(dataset, self.now, self.added)))
        files: dict[str, FileMemo] = {}
        for cand in self.cands:
            rel = cand.rel
            old = memo.files.get(rel)
            if rel in docs and (rel in part or old is None):
                record, doc = docs[rel]
                keys = join_keys(cand, record, doc)
                got = FileMemo(self._digest(rel), keys, tuple(doc.diagnostics), ruled.get(rel, ()))
                if rel in part and any(d.code in _HINTED for d in got.ruled):
                    got = FileMemo(got.digest, (*got.keys, _IDS), got.loaded, got.ruled)
            elif rel in batch_rels and old is not None:
                got = FileMemo(old.digest, old.keys, old.loaded, ruled.get(rel, ()))
            else:
                assert old is not None  # every file outside the part is one the memo knows
                got = old
            files[rel] = got
            findings.extend(got.loaded)
            findings.extend(got.ruled)
        every = [cand.rel for cand in self.cands]
        findings.extend(scan_tree(self.root, skip=every, entries=self.entries))
        findings.extend(scan_accounts(self.root))
        self.kept.complete = True
        self.kept.save()
        memo.files, memo.added = files, self.added or frozenset()
        write_signed(self.root / FOLDER / _MEMO, pickle.dumps(memo, protocol=5))
        return findings

    def _digest(self, rel: str) -> bytes:
        return self.kept.digest(rel) or b""

    def _memo(self, context: tuple[Any, ...]) -> Memo | None:
        blob = read_signed(self.root / FOLDER / _MEMO)
        try:
            memo = pickle.loads(blob) if blob is not None else None
        except Exception:  # a memo this program cannot read is no memo
            return None
        if not isinstance(memo, Memo) or memo.program != self.kept.program:
            return None
        return memo if memo.context == context else None

    def _batches_changed(self, memo: Memo, batch_rels: set[str]) -> bool:
        before = {rel for rel in memo.files if rel.startswith(f"{SUBMISSIONS}/batches/")}
        return before != batch_rels or any(
            memo.files[rel].digest != self._digest(rel) for rel in batch_rels
        )

    def _affected(
        self, memo: Memo, owners: Mapping[str, Mapping[Any, str]]
    ) -> tuple[set[str], set[str]]:
        """(the files to check again, the files to load for that): the changed, new and
        removed files and their neighbours, then those neighbours' neighbours."""
        now = {cand.rel: cand for cand in self.cands}
        touched = {
            rel
            for rel in now
            if rel not in memo.files or memo.files[rel].digest != self._digest(rel)
        }
        removed = memo.files.keys() - now.keys()
        own: dict[str, tuple[str, ...]] = {
            rel: join_keys(now[rel], *self._got(now[rel]))
            if rel in touched
            else memo.files[rel].keys
            for rel in now
        }
        before = {rel: memo.files[rel].keys for rel in touched | removed if rel in memo.files}
        keys = _effective(own, owners)
        seeds = {key for rel in touched if rel in keys for key in keys[rel]}
        seeds.update(key for rel in before for key in _effective(before, owners, own).get(rel, ()))
        if removed or any(rel not in memo.files for rel in touched):
            seeds.add(_IDS)  # the set of ids changed: every "did you mean" may change
        index: dict[str, list[str]] = {}
        for rel, found in keys.items():
            for key in found:
                index.setdefault(key, []).append(rel)
        again = touched | {rel for key in seeds for rel in index.get(key, ())}
        load = again | {
            rel for done in again for key in keys.get(done, ()) for rel in index.get(key, ())
        }
        return again, load


def _effective(
    own: Mapping[str, tuple[str, ...]],
    owners: Owners,
    lookup: Mapping[str, tuple[str, ...]] | None = None,
) -> dict[str, tuple[str, ...]]:
    """Each file's keys, an appointment's with those of its need and its expert: its findings
    depend on their neighbours too (the enterprise's other appointments, whether the need and
    the expert are eligible)."""
    table = own if lookup is None else lookup
    out = dict(own)
    for rel, found in own.items():
        if not rel.startswith(_APPOINTMENTS):
            continue
        extra = set(found)
        for key in found:
            kind, _, ident = key.partition(":")
            ref = owners.get(kind, {}).get(ident) if kind in ("need", "expert") else None
            extra.update(table.get(ref, ()) if ref is not None else ())
        out[rel] = tuple(sorted(extra))
    return out


def _by_file(diags: Iterable[Diagnostic]) -> dict[str, tuple[Diagnostic, ...]]:
    out: dict[str, list[Diagnostic]] = {}
    for diag in diags:
        out.setdefault(diag.location.file, []).append(diag)
    return {rel: tuple(found) for rel, found in out.items()}


__all__ = ["FileMemo", "Memo", "join_keys", "validate"]
