"""Load every record file under `submissions/` into an immutable Dataset indexed by id.

Loading never stops at a bad file: each problem becomes a diagnostic and the walk goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from techvp.cache import RecordCache
from techvp.diagnostics import Findings, Location, error
from techvp.layout import SUBMISSIONS, Candidate, find_candidates
from techvp.models import KINDS, Appointment, Assessment, Batch, Expert, Need, Report
from techvp.reading import MAX_SECONDS, Inspector, read_all
from techvp.yamlio import YamlDocument

T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """A valid record with the document it came from, so rules can point into the file."""

    record: T
    doc: YamlDocument

    @property
    def file(self) -> str:
        return self.doc.file


@dataclass(frozen=True)
class Dataset:
    root: Path
    batches: Mapping[str, Loaded[Batch]]
    needs: Mapping[str, Loaded[Need]]
    experts: Mapping[str, Loaded[Expert]]
    appointments: Mapping[str, Loaded[Appointment]]  # by expert id
    reports: Mapping[tuple[str, str], Loaded[Report]]  # by (expert id, period)
    assessments: Mapping[str, Loaded[Assessment]]  # by expert id
    # Every id that has a file, valid or not: a reference to a broken record is not "unknown".
    known_ids: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Kind → each id (key) → the file holding it (the first, if several do), valid or not.
    owners: Mapping[str, Mapping[Any, str]] = field(default_factory=dict)
    # Every record file that was read (valid or not), relative to the root.
    files: frozenset[str] = frozenset()
    # Records with a file that did not load, by kind and key; `doc.data` is the raw YAML (None
    # when it did not parse), so rules can say which finding depends on a broken record.
    unloaded: Mapping[str, Mapping[Any, YamlDocument]] = field(default_factory=dict)


def load_dataset(
    root: Path,
    inspect: Inspector | None = None,
    budget_seconds: float = MAX_SECONDS,
    cache: RecordCache | None = None,
    entries: Iterable[os.DirEntry[str]] | None = None,
) -> tuple[Dataset, Findings]:
    """Load every record under root/submissions; never raises for bad input.

    `inspect` sees each record file's bytes as they are read; loading stops with a
    `limit.time` error once `budget_seconds` of wall-clock time are spent. With a `cache` (made
    for the same inspector) only the files that changed since it was saved are read.
    `entries`: root/submissions' `layout.walk`, when the caller has it already.
    """
    findings = Findings()
    candidates = find_candidates(root, findings, entries)
    findings.files_checked = len(candidates)
    owners: dict[str, dict[Any, str]] = {k: {} for k in KINDS}  # key → first file holding it
    read: list[tuple[Candidate, Any, YamlDocument]] = []
    if cache is not None:
        results = cache.read_all(candidates, budget_seconds)
    else:
        results = read_all(candidates, inspect, budget_seconds)
    done = 0
    for cand, record, doc in results:
        done += 1
        findings.extend(doc.diagnostics)
        if claim(owners, cand, findings):
            read.append((cand, record, doc))
    if done < len(candidates):
        remaining = len(candidates) - done
        loc = Location(SUBMISSIONS)
        findings.add(error("limit.time", loc, limit=budget_seconds, remaining=remaining))
    return make_dataset(root, owners, read, [c.rel for c in candidates[:done]]), findings


def claim(owners: dict[str, dict[Any, str]], cand: Candidate, findings: Findings) -> bool:
    """Record the file as its key's owner, or report it as a second file with a taken id."""
    kind, key = cand.kind.name, cand.key
    if key in owners[kind]:
        other = owners[kind][key]
        loc = Location(cand.rel, 1, 1)
        findings.add(error("dup.id", loc, value=cand.stem, other=other, kind=cand.kind.title))
        return False
    owners[kind][key] = cand.rel
    return True


def make_dataset(
    root: Path,
    owners: Mapping[str, Mapping[Any, str]],
    read: Iterable[tuple[Candidate, Any, YamlDocument]],
    files: Iterable[str],
) -> Dataset:
    """The Dataset of the records read (each its key's owner); `owners` and `files` may cover
    more files than were read (techvp.incremental reads only the part a change touches)."""
    tables: dict[str, dict[Any, Loaded[Any]]] = {k: {} for k in KINDS}
    unloaded: dict[str, dict[Any, YamlDocument]] = {k: {} for k in KINDS}
    for cand, record, doc in read:
        if record is not None:
            tables[cand.kind.name][cand.key] = Loaded(record, doc)
        else:
            unloaded[cand.kind.name][cand.key] = doc
    return Dataset(
        root=root,
        batches=MappingProxyType(tables["batch"]),
        needs=MappingProxyType(tables["need"]),
        experts=MappingProxyType(tables["expert"]),
        appointments=MappingProxyType(tables["appointment"]),
        reports=MappingProxyType(tables["report"]),
        assessments=MappingProxyType(tables["assessment"]),
        known_ids=MappingProxyType(
            {k: frozenset(key[0] if k == "report" else key for key in v) for k, v in owners.items()}
        ),
        owners=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in owners.items()}),
        files=frozenset(files),
        unloaded=MappingProxyType({k: MappingProxyType(v) for k, v in unloaded.items()}),
    )
