"""Where each kind of record lives under `submissions/`, and the walk that finds them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from techvp.diagnostics import Diagnostic, Findings, Location, error
from techvp.models import KINDS, Kind
from techvp.models.common import is_record_id

SUBMISSIONS = "submissions"
MAX_FILES = 200_000
IGNORED_NAMES = frozenset({".gitkeep", "README.md"})
_PERIOD_STEM = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

# Folder depth under submissions/<folder>/ for each kind, and the role of each folder level.
LAYOUT: dict[str, tuple[str, tuple[str, ...]]] = {
    "batches": ("batch", ()),
    "needs": ("need", ("batch", "region")),
    "experts": ("expert", ("batch",)),
    "appointments": ("appointment", ("batch",)),
    "reports": ("report", ("batch", "expert")),
    "assessments": ("assessment", ("batch",)),
}
EXPECTED_PATHS = {
    "batches": "submissions/batches/<批次>.yaml",
    "needs": "submissions/needs/<批次>/<地区>/<需求编号>.yaml",
    "experts": "submissions/experts/<批次>/<人员编号>.yaml",
    "appointments": "submissions/appointments/<批次>/<人员编号>.yaml",
    "reports": "submissions/reports/<批次>/<人员编号>/<YYYY-MM>.yaml",
    "assessments": "submissions/assessments/<批次>/<人员编号>.yaml",
}


def record_path(kind: str, data: Mapping[str, Any]) -> str:
    """Where a record of this kind belongs, relative to the repository root."""
    folder = KINDS[kind].folder
    roles = LAYOUT[folder][1]
    parts = [str(data.get(role)) for role in roles]
    return "/".join([SUBMISSIONS, folder, *parts, f"{data.get(KINDS[kind].id_key)}.yaml"])


@dataclass(frozen=True)
class Candidate:
    """A file that sits where a record of `kind` belongs."""

    rel: str  # relative to the repository root, with "/"
    path: str  # on disk
    kind: Kind
    folders: dict[str, str]  # role → folder name, e.g. {"batch": "wuhan-2022"}
    stem: str

    @property
    def key(self) -> Any:
        """What must be unique for its kind: the id, or (expert, period) for reports."""
        return (self.folders["expert"], self.stem) if self.kind.name == "report" else self.stem


class Entry(Protocol):
    """What is read of a walk's entry (an os.DirEntry, or techvp.incremental's KnownEntry)."""

    @property
    def path(self) -> str: ...
    @property
    def name(self) -> str: ...
    def is_symlink(self) -> bool: ...
    def is_dir(self, *, follow_symlinks: bool = True) -> bool: ...
    def is_file(self, *, follow_symlinks: bool = True) -> bool: ...


def walk(base: str) -> Iterator[os.DirEntry[str]]:
    """Every entry under base, depth first, in sorted order; symlinks are reported, not followed."""
    try:
        entries = sorted(os.scandir(base), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        yield entry
        if entry.is_dir(follow_symlinks=False):
            yield from walk(entry.path)


def classify(rel_parts: list[str], rel: str, path: str) -> Candidate | list[Diagnostic]:
    """Decide which kind a path holds, or why it is in the wrong place."""
    top = rel_parts[0] if rel_parts else ""
    if top not in LAYOUT:
        hint = "submissions/ 下只能有 " + "、".join(LAYOUT) + " 这些目录"
        return [error("path.unexpected", Location(rel, 1, 1), hint=hint)]
    kind_name, roles = LAYOUT[top]
    expected = EXPECTED_PATHS[top]
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
    return Candidate(rel, path, KINDS[kind_name], folders, stem)


def find_candidates(
    root: Path, findings: Findings, entries: Iterable[Entry] | None = None
) -> list[Candidate]:
    """Every file under root/submissions that sits where a record belongs; the rest are reported.

    `entries`: that folder's `walk`, when the caller has it already (techvp.validate walks once
    for the loader and the guard)."""
    base = str(root / SUBMISSIONS)
    cut = len(base) + 1
    found: list[Candidate] = []
    for entry in walk(base) if entries is None else entries:
        rel_parts = entry.path[cut:].split(os.sep)
        rel = f"{SUBMISSIONS}/{'/'.join(rel_parts)}"
        if entry.is_symlink():
            target = os.readlink(entry.path)
            findings.add(error("path.symlink", Location(rel, 1, 1), target=target))
            continue
        if entry.is_dir(follow_symlinks=False) or entry.name in IGNORED_NAMES:
            continue
        if len(found) >= MAX_FILES:
            findings.add(error("limit.files", Location(SUBMISSIONS), count="更多", limit=MAX_FILES))
            break
        result = classify(rel_parts, rel, entry.path)
        if isinstance(result, list):
            findings.extend(result)
        else:
            found.append(result)
    return found
