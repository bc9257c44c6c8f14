"""Walk `submissions/`, load every record file, and return an immutable, indexed Dataset.

Loading never stops at a bad file: each problem becomes a diagnostic and the walk goes on.
"""

from __future__ import annotations

import gc
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from techvp.diagnostics import Diagnostic, Findings, Location, error
from techvp.modelcheck import check_record
from techvp.models import KINDS, Appointment, Assessment, Batch, Expert, Kind, Need, Report
from techvp.models.common import is_record_id
from techvp.yamlio import MAX_FILE_BYTES, YamlDocument, parse_bytes

SUBMISSIONS = "submissions"
MAX_FILES = 200_000
# Wall-clock budget for loading: far above a real repository (~1 ms a file), it only stops a
# pathological submission from holding CI for hours.
MAX_SECONDS = 900.0
IGNORED_NAMES = frozenset({".gitkeep", "README.md"})
_PERIOD_STEM = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

# Folder depth under submissions/<folder>/ for each kind, and the role of each folder level.
_LAYOUT: dict[str, tuple[str, tuple[str, ...]]] = {
    "batches": ("batch", ()),
    "needs": ("need", ("batch", "region")),
    "experts": ("expert", ("batch",)),
    "appointments": ("appointment", ("batch",)),
    "reports": ("report", ("batch", "expert")),
    "assessments": ("assessment", ("batch",)),
}
_EXPECTED_PATHS = {
    "batches": "submissions/batches/<批次>.yaml",
    "needs": "submissions/needs/<批次>/<地区>/<需求编号>.yaml",
    "experts": "submissions/experts/<批次>/<人员编号>.yaml",
    "appointments": "submissions/appointments/<批次>/<人员编号>.yaml",
    "reports": "submissions/reports/<批次>/<人员编号>/<YYYY-MM>.yaml",
    "assessments": "submissions/assessments/<批次>/<人员编号>.yaml",
}

T = TypeVar("T")


def record_path(kind: str, data: Mapping[str, Any]) -> str:
    """Where a record of this kind belongs, relative to the repository root."""
    folder = KINDS[kind].folder
    roles = _LAYOUT[folder][1]
    parts = [str(data.get(role)) for role in roles]
    return "/".join([SUBMISSIONS, folder, *parts, f"{data.get(KINDS[kind].id_key)}.yaml"])


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


@dataclass
class _Candidate:
    """A file that sits where a record of `kind` belongs."""

    rel: str
    kind: Kind
    folders: dict[str, str]  # role → folder name, e.g. {"batch": "wuhan-2022"}
    stem: str


def _walk(base: Path) -> Iterator[os.DirEntry[str]]:
    """Every entry under base, depth first, in sorted order; symlinks are reported, not followed."""
    try:
        entries = sorted(os.scandir(base), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        yield entry
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))


def _classify(rel_parts: tuple[str, ...], rel: str) -> _Candidate | list[Diagnostic]:
    """Decide which kind a path holds, or why it is in the wrong place."""
    top = rel_parts[0] if rel_parts else ""
    if top not in _LAYOUT:
        hint = "submissions/ 下只能有 " + "、".join(_LAYOUT) + " 这些目录"
        return [error("path.unexpected", Location(rel, 1, 1), hint=hint)]
    kind_name, roles = _LAYOUT[top]
    expected = _EXPECTED_PATHS[top]
    if len(rel_parts) != len(roles) + 2:
        return [error("path.unexpected", Location(rel, 1, 1), hint=f"应为 {expected}")]
    name = rel_parts[-1]
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix != "yaml":
        return [error("path.extension", Location(rel, 1, 1), suffix="." + suffix if dot else "")]
    problems = [
        error("path.bad-name", Location(rel, 1, 1), name=part)
        for part in rel_parts[1:-1]
        if not is_record_id(part)
    ]
    stem_ok = _PERIOD_STEM.fullmatch(stem) if kind_name == "report" else is_record_id(stem)
    if not stem_ok:
        problems.append(error("path.bad-name", Location(rel, 1, 1), name=name))
    if problems:
        return problems
    folders = dict(zip(roles, rel_parts[1:-1], strict=True))
    return _Candidate(rel, KINDS[kind_name], folders, stem)


def _consistency(cand: _Candidate, doc: YamlDocument) -> list[Diagnostic]:
    """The id field must equal the file stem, and batch/region/expert fields their folders."""
    data = doc.data if isinstance(doc.data, dict) else {}
    out = []
    checks = [(cand.kind.id_key, cand.stem, None), *((k, v, v) for k, v in cand.folders.items())]
    for key, expected, folder in checks:
        value = data.get(key)
        if not isinstance(value, str) or value == expected:
            continue  # a missing or mistyped value is reported by the schema check
        loc = doc.locate((key,))
        if folder is None:
            out.append(error("path.id-mismatch", loc, key=key, value=value, expected=expected))
        else:
            out.append(error("path.folder-mismatch", loc, key=key, value=value, folder=folder))
    return out


# Looks at a file's raw bytes (the personal-data guard); its findings never invalidate the record.
Inspector = Callable[[str, bytes], list[Diagnostic]]


def load_file(
    cand: _Candidate, path: Path, inspect: Inspector | None = None
) -> tuple[Any, YamlDocument]:
    """Parse and check one record file; the record is None when it is not valid."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            doc = YamlDocument(cand.rel)
            loc = Location(cand.rel, 1, 1)
            doc.diagnostics.append(error("yaml.too-large", loc, size=size, limit=MAX_FILE_BYTES))
            return None, doc
        raw = path.read_bytes()
    except OSError as exc:
        doc = YamlDocument(cand.rel)
        doc.diagnostics.append(
            error("yaml.unreadable", Location(cand.rel, 1, 1), reason=exc.strerror)
        )
        return None, doc
    record, doc = _check_bytes(cand, raw)
    if inspect is not None:
        doc.diagnostics.extend(inspect(cand.rel, raw))
    return record, doc


def _check_bytes(cand: _Candidate, raw: bytes) -> tuple[Any, YamlDocument]:
    doc = parse_bytes(raw, cand.rel)
    if not doc.ok:
        return None, doc
    if doc.data is None:
        doc.diagnostics.append(error("yaml.empty", Location(cand.rel, 1, 1)))
        return None, doc
    if not isinstance(doc.data, dict):
        found = "列表" if isinstance(doc.data, list) else f"一段文字“{str(doc.data)[:30]}”"
        doc.diagnostics.append(error("yaml.not-mapping", Location(cand.rel, 1, 1), found=found))
        return None, doc
    record, problems = check_record(cand.kind.model, doc)
    doc.diagnostics.extend(problems)
    doc.diagnostics.extend(_consistency(cand, doc))
    return (record if doc.ok else None), doc


def _find_candidates(base: Path, findings: Findings) -> list[tuple[_Candidate, Path]]:
    found: list[tuple[_Candidate, Path]] = []
    for entry in _walk(base):
        rel_parts = Path(entry.path).relative_to(base).parts
        rel = f"{SUBMISSIONS}/{'/'.join(rel_parts)}"
        if entry.is_symlink():
            target = os.readlink(entry.path)
            findings.add(error("path.symlink", Location(rel, 1, 1), target=target))
            continue
        if entry.is_dir(follow_symlinks=False):
            continue
        if entry.name in IGNORED_NAMES:
            continue
        if len(found) >= MAX_FILES:
            findings.add(error("limit.files", Location(SUBMISSIONS), count="更多", limit=MAX_FILES))
            break
        result = _classify(rel_parts, rel)
        if isinstance(result, list):
            findings.extend(result)
        else:
            found.append((result, Path(entry.path)))
    return found


def load_dataset(
    root: Path, inspect: Inspector | None = None, budget_seconds: float = MAX_SECONDS
) -> tuple[Dataset, Findings]:
    """Load every record under root/submissions; never raises for bad input.

    `inspect` sees each record file's bytes as they are read; loading stops with a
    `limit.time` error once `budget_seconds` of wall-clock time are spent.
    """
    # Loading builds many small acyclic objects that all stay alive: cyclic GC passes over the
    # growing heap only cost time (about a third of the load), so pause it and freeze the result.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load(root, inspect, budget_seconds)
    finally:
        gc.freeze()
        if paused:
            gc.enable()


def _load(root: Path, inspect: Inspector | None, budget_seconds: float) -> tuple[Dataset, Findings]:
    findings = Findings()
    base = root / SUBMISSIONS
    candidates = _find_candidates(base, findings)
    findings.files_checked = len(candidates)
    tables: dict[str, dict[Any, Loaded[Any]]] = {k: {} for k in KINDS}
    owners: dict[str, dict[Any, str]] = {k: {} for k in KINDS}  # key → first file holding it
    deadline = time.monotonic() + budget_seconds
    for done, (cand, path) in enumerate(candidates):
        if time.monotonic() > deadline:
            remaining = len(candidates) - done
            loc = Location(SUBMISSIONS)
            findings.add(error("limit.time", loc, limit=budget_seconds, remaining=remaining))
            break
        record, doc = load_file(cand, path, inspect)
        findings.extend(doc.diagnostics)
        kind = cand.kind.name
        key: Any = (cand.folders["expert"], cand.stem) if kind == "report" else cand.stem
        if key in owners[kind]:
            other = owners[kind][key]
            loc = Location(cand.rel, 1, 1)
            findings.add(error("dup.id", loc, value=cand.stem, other=other, kind=cand.kind.title))
            continue
        owners[kind][key] = cand.rel
        if record is not None:
            tables[kind][key] = Loaded(record, doc)
    dataset = Dataset(
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
    )
    return dataset, findings
