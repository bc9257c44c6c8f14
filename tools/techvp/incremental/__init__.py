"""`techvp validate` through the cache: after a change, only what it can affect is done again.

The content-hash cache (techvp.cache) spares reading the files that did not change; the memo
(incremental.memo) spares the rest. Files are related by join keys (incremental.keys), so after
a change the rules run again on the changed files and their neighbours only, loading those
neighbours' neighbours for them, and every other file keeps the findings the memo holds for it.
A known path is not classified again and a known name not scanned again. What is cheap runs in
full: duplicate ids, stray files and folders, bank-account tables.

Everything is checked again when something besides records changed: the program, the folder,
a batch file, or `--now` where the rules can tell (policies.now_key). The result is the same as
a cold run's (tests/test_incremental.py edits repositories at random and compares).

A run holds the cache folder (techvp.cache.FolderLock) from reading it to writing it again; the
writing can wait until the report is out (`later`: the CLI does it in a process of its own, which
the next run's imports outlast).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from techvp.cache import FolderLock, RecordCache
from techvp.changes import work_tree_later
from techvp.diagnostics import Diagnostic, Findings, Location, TechvpError, error
from techvp.guard.accounts import scan_accounts
from techvp.guard.scan import scan_bytes, scan_tree
from techvp.incremental.folders import Folders, Listing, known_entries, unchanged
from techvp.incremental.folders import stamp as folder_stamp
from techvp.incremental.keys import (
    APPOINTMENTS,
    HINTED,
    IDS,
    join_keys,
    joined,
    neighbourhood,
    split,
    widen,
)
from techvp.incremental.memo import Found, Memo, load_memo
from techvp.layout import (
    LAYOUT,
    MAX_FILES,
    SUBMISSIONS,
    Candidate,
    Entry,
    find_candidates,
    walk,
)
from techvp.models import KINDS
from techvp.policies import RuleContext, now_key, run_rules
from techvp.reading import MAX_SECONDS
from techvp.repo import claim, make_dataset
from techvp.reportjson import part
from techvp.yamlio import YamlDocument

_BATCHES = f"{SUBMISSIONS}/{KINDS['batch'].folder}/"
Added = Callable[[], frozenset[str] | None]
Work = Callable[[], None]


def validate(
    root: Path, now: datetime, added: Added, later: Callable[[Work], None] | None = None
) -> Findings | None:
    """What loading and checking every record finds (techvp.validate's `load` and `check`),
    doing again only what the changes since the previous run can affect. None when this run
    cannot say (the time budget ran out, too many files): the plain run then does. `added`
    gives the files under review (techvp.changes.added_files_later) when they are needed.
    What was found is kept for the next run now, or by the work handed to `later`."""
    if not (root / SUBMISSIONS).is_dir():
        raise TechvpError(error("root.no-submissions", Location("."), root=str(root)))
    lock = FolderLock(root)
    try:
        run = _Run(root, now, added)
        if not run.complete:
            lock.release()
            return None
        findings, keep = run.findings()
    except BaseException:
        lock.release()
        raise

    def finish() -> None:
        try:
            keep()
        finally:
            lock.release()

    (later or _at_once)(finish)
    return findings


def _at_once(work: Work) -> None:
    work()


class _Run:
    def __init__(self, root: Path, now: datetime, added: Added) -> None:
        self.root, self.now, self.added_later = root, now, added
        tree = work_tree_later(root)  # git runs while the index and memo are read, files walked
        self.added: frozenset[str] | None = None
        self.base = str(root / SUBMISSIONS)
        self.kept = RecordCache(root, scan_bytes)
        self.memo = load_memo(root, self.kept.program, self.kept.stamp)
        self.paths = Findings()  # what the layout says of paths that are no records
        self.order: list[str] = []  # the record files, in walk order
        self.new: dict[str, Candidate] = {}  # those not in the memo
        self.unknown: list[Entry] = []  # entries not in the memo (folders too)
        self.strays: list[str] = []  # the entries that are no records (folders too)
        self.same_folders = False  # the walk is the previous run's (incremental.folders)
        self.folders: Folders | None = None  # as walked, for the next run
        self.taken: list[str] = []  # files whose id another file holds
        self.unpickled: dict[str, tuple[Any, YamlDocument]] = {}  # unchanged files read
        self.keys_now: dict[str, str] = {}  # touched files' keys
        self._walk()
        changed = self.kept.probe(self.order, self._path, tree())
        self.changed = set(changed)
        misses = [self.candidate(rel) for rel in changed]
        self.fresh = self.kept.read_changed(misses, MAX_SECONDS)
        self.complete = len(self.fresh) == len(misses) and len(self.order) <= MAX_FILES

    @cached_property
    def present(self) -> set[str]:
        """The record files, as a set (made once the walk is done)."""
        return set(self.order)

    def _path(self, rel: str) -> str:
        return f"{self.root}{os.sep}{rel.replace('/', os.sep)}"

    def _walk(self) -> None:
        memo = self.memo
        if memo is not None and unchanged(self.base, memo.folders):
            self.same_folders = True
            self.order, self.strays, self.folders = memo.order, memo.strays, memo.folders
            self.unknown = known_entries(self.base, memo.strays)
            find_candidates(self.root, self.paths, self.unknown)  # what they are: no records
            return
        listing = Listing(self.base)
        known = memo.keys if memo is not None else {}
        cut = len(self.base) + 1
        for entry in walk(self.base):
            rel = f"{SUBMISSIONS}/{entry.path[cut:]}"
            if os.sep != "/":
                rel = rel.replace(os.sep, "/")
            if rel in known and not entry.is_symlink() and entry.is_file(follow_symlinks=False):
                self.order.append(rel)
                continue
            if entry.is_dir(follow_symlinks=False):  # stamped before the walk lists it
                listing.add(rel[len(SUBMISSIONS) + 1 :], folder_stamp(entry.path))
            self.unknown.append(entry)
            found = find_candidates(self.root, self.paths, [entry])
            for cand in found:
                self.order.append(rel)
                self.new[rel] = cand
            if not found:
                self.strays.append(rel)
        self.folders = listing.folders

    def candidate(self, rel: str) -> Candidate:
        if rel in self.new:
            return self.new[rel]
        parts = rel.split("/")  # a path the layout accepted before (techvp.layout.classify)
        kind, roles = LAYOUT[parts[1]]
        folders = dict(zip(roles, parts[2:-1], strict=True))
        return Candidate(rel, self._path(rel), KINDS[kind], folders, parts[-1][: -len(".yaml")])

    def _kind_key(self, rel: str) -> tuple[str, Any]:
        if rel in self.new:
            return self.new[rel].kind.name, self.new[rel].key
        parts = rel.split("/")
        kind, stem = LAYOUT[parts[1]][0], parts[-1][: -len(".yaml")]
        return kind, (parts[3], stem) if kind == "report" else stem

    def _got(self, rel: str) -> tuple[Any, YamlDocument]:
        """The file's (record, document), read or unpickled once in a run."""
        if rel in self.changed:
            return self.fresh[rel]
        if rel not in self.unpickled:
            self.unpickled[rel] = self.kept.cached(self.candidate(rel))
        return self.unpickled[rel]

    def _keys(self, rel: str) -> str:
        """A touched file's join keys as they are now (incremental.keys.joined), made once."""
        if rel not in self.keys_now:
            record, doc = self._got(rel)
            self.keys_now[rel] = joined(join_keys(*self._kind_key(rel), record, doc.data))
        return self.keys_now[rel]

    def findings(self) -> tuple[Findings, Work]:
        """What the records give, and the work that keeps it for the next run."""
        self.added = self.added_later()
        findings = Findings(files_checked=len(self.order))
        findings.extend(self.paths)
        owners, claimed = self._owners(findings)
        batches = _files_of(_BATCHES, owners["batch"], self.taken)
        memo, touched, again, load = self._scope(owners, claimed, batches)
        wanted = load.union(batches)
        docs = {rel: self._got(rel) for rel in self.order if rel in wanted}  # in walk order
        read = [(self.candidate(rel), *docs[rel]) for rel in docs if rel in claimed]
        dataset = make_dataset(self.root, owners, read, self.order)
        ruled = _by_file(run_rules(dataset, RuleContext.create(dataset, self.now, self.added)))
        scanned = _by_file(scan_tree(self.root, skip=self.order, entries=self.unknown))
        out = self._update(memo, docs, touched, again, batches, ruled, scanned)
        out.owners = owners
        for table in out.tables():
            for found in table.values():
                findings.extend(found)
        for found in scanned.values():  # stray files and folders: never kept
            findings.extend(found)
        findings.extend(scan_accounts(self.root))
        out.checked = len(again)

        def keep() -> None:
            self.kept.complete = True
            self.kept.save()
            out.stamp = self.kept.stamp
            out.save(self.root)

        return findings, keep

    def _owners(self, findings: Findings) -> tuple[dict[str, dict[Any, str]], set[str]]:
        """Each id's file (the first holding it), and those files; a second file with a taken
        id is reported, as a cold run does (techvp.repo.claim). The previous run's when the
        walk is."""
        if self.same_folders and self.memo is not None:
            self.taken = self.memo.taken
            for rel in self.taken:  # a taken id is only reported
                claim(self.memo.owners, self.candidate(rel), findings)
            return self.memo.owners, self.present.difference(self.taken)
        owners: dict[str, dict[Any, str]] = {k: {} for k in KINDS}
        claimed: set[str] = set()
        self.taken = []
        for rel in self.order:
            kind, key = self._kind_key(rel)
            if key not in owners[kind]:
                owners[kind][key] = rel
                claimed.add(rel)
            else:
                self.taken.append(rel)
                claim(owners, self.candidate(rel), findings)  # says whose id it is
        return owners, claimed

    def _scope(
        self, owners: dict[str, dict[Any, str]], claimed: set[str], batches: list[str]
    ) -> tuple[Memo, set[str], set[str], set[str]]:
        """(the memo to build on, the files touched, to check again, to load): everything when
        there is no memo or what besides records the rules depend on changed."""
        records = [self._got(rel)[0] for rel in batches if rel in claimed]
        context = (now_key([r for r in records if r is not None], self.now), self.added is None)
        memo = self.memo
        if memo is None or memo.context != context or self._batches_changed(memo, batches):
            every = set(self.present)
            return Memo(self.kept.program, str(self.root), b"", context), every, every, every
        touched = self.changed | set(self.new)
        touched |= (memo.added ^ (self.added or frozenset())) & self.present  # judged anew
        again, load = self._affected(memo, owners, touched)
        return memo, touched, again, load

    def _update(
        self,
        memo: Memo,
        docs: dict[str, tuple[Any, YamlDocument]],
        touched: set[str],
        again: set[str],
        batches: list[str],
        ruled: dict[str, Found],
        scanned: dict[str, Found],
    ) -> Memo:
        """The memo for the next run: the previous one with what this run did again."""
        out = Memo(memo.program, memo.root, b"", memo.context, self.added or frozenset())
        out.folders = self.folders
        out.order, out.strays, out.taken = self.order, self.strays, self.taken
        out.keys, out.loaded = dict(memo.keys), dict(memo.loaded)
        out.named, out.ruled = dict(memo.named), dict(memo.ruled)
        for rel in memo.keys.keys() - self.present:  # removed
            out.keys.pop(rel)
            for table in out.tables():
                table.pop(rel, None)
        for rel in self.new:
            _put(out.named, rel, scanned.pop(rel, ()))
        for rel in touched:
            out.keys[rel] = self._keys(rel)
            _put(out.loaded, rel, tuple(docs[rel][1].diagnostics))
        for rel in again | set(batches):
            found = ruled.get(rel, ())
            _put(out.ruled, rel, found)
            keys = split(out.keys[rel])
            if rel in again and any(d.code in HINTED for d in found) and IDS not in keys:
                out.keys[rel] = joined((*keys, IDS))
        return out

    def _batches_changed(self, memo: Memo, batches: list[str]) -> bool:
        before = _files_of(_BATCHES, memo.owners.get("batch", {}), memo.taken)
        return before != batches or any(rel in self.changed for rel in batches)

    def _affected(
        self, memo: Memo, owners: dict[str, dict[Any, str]], touched: set[str]
    ) -> tuple[set[str], set[str]]:
        """(the files to check again, the files to load for that)."""
        removed = memo.keys.keys() - self.present
        before = {rel: memo.keys[rel] for rel in touched | removed if rel in memo.keys}
        table = dict(memo.keys)
        for rel in removed:
            del table[rel]
        for rel in touched:
            table[rel] = self._keys(rel)
        then = {**table, **before}
        seeds = {key for rel in touched for key in split(widen(rel, table, owners))}
        seeds.update(key for rel in before for key in split(widen(rel, then, owners)))
        if removed or any(rel not in memo.keys for rel in touched):
            seeds.add(IDS)  # the set of ids changed: every "did you mean" may change
        appointments = _files_of(APPOINTMENTS, owners["appointment"], self.taken)
        return neighbourhood(table, owners, touched, seeds, appointments)


def _files_of(folder: str, owned: Mapping[Any, str], taken: Iterable[str]) -> list[str]:
    """The record files of one kind (its folder, the files holding its ids), in order."""
    return sorted({*owned.values(), *(rel for rel in taken if rel.startswith(folder))})


def _put(table: dict[str, Found], rel: str, found: Found) -> None:
    """Keep what was found in a file (rendered once, for every later report), or forget the
    file when nothing was."""
    if found:
        for diag in found:
            part(diag)
        table[rel] = found
    else:
        table.pop(rel, None)


def _by_file(diags: Iterable[Diagnostic]) -> dict[str, Found]:
    out: dict[str, list[Diagnostic]] = {}
    for diag in diags:
        out.setdefault(diag.location.file, []).append(diag)
    return {rel: tuple(found) for rel, found in out.items()}


__all__ = ["validate"]
