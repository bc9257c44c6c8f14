"""`techvp scan-diff REF`: the guard over everything the working tree adds relative to REF.

Compares the merge base of REF and HEAD with the working tree, so commits on REF since the branch
started are not blamed on the change, and whatever is committed, staged, modified but not staged,
or new and not yet added (unless Git ignores it) is scanned: what a pre-commit hook and a pull
request both need. Only added lines are scanned (a removed secret is still in history, but that
is the history's problem, not this change's); every new or renamed file's path is scanned too.
All files count, not only submissions/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import git

from techvp.diagnostics import Diagnostic, Location, TechvpError, error
from techvp.guard.scan import MAX_SCAN_BYTES, decode, scan_name, scan_text
from techvp.messages.guard import PLACE_DIFF

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")


class DiffError(TechvpError):
    """REF cannot be resolved, or the folder is not in a Git repository with a commit."""


@dataclass(frozen=True)
class DiffScan:
    """What the scan found, how many changed files it looked at, and the top of the work tree
    (the paths in `found` are relative to it)."""

    found: list[Diagnostic]
    files_scanned: int
    top: Path


def added_blocks(patch: bytes) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each run of consecutive added lines in a unified diff."""
    line_no = 0
    block: list[str] = []
    start = 0
    for raw in patch.split(b"\n"):
        hunk = _HUNK.match(raw)
        if hunk is not None or not raw.startswith(b"+"):
            if block:
                yield start, "\n".join(block)
                block = []
            if hunk is not None:
                line_no = int(hunk.group(1))
            elif raw.startswith(b" "):
                line_no += 1
            continue
        if not block:
            start = line_no
        block.append(decode(raw[1:]))
        line_no += 1
    if block:
        yield start, "\n".join(block)


def _scan_name(path: str) -> list[Diagnostic]:
    return [d for part in path.split("/") for d in scan_name(part, path)]


def _scan_change(change: git.Diff) -> list[Diagnostic]:
    path = change.b_path or change.a_path or ""
    out = _scan_name(path) if change.new_file or change.renamed_file else []
    patch = change.diff if isinstance(change.diff, bytes) else b""
    for first_line, text in added_blocks(patch):
        out.extend(scan_text(text, path, first_line=first_line, place=PLACE_DIFF))
    return out


def _scan_untracked(top: Path, path: str) -> list[Diagnostic]:
    """A new file Git does not know yet: all of it is added."""
    out = _scan_name(path)
    try:
        with open(top / path, "rb") as handle:
            raw = handle.read(MAX_SCAN_BYTES)
    except OSError as exc:
        return [*out, error("guard.unreadable", Location(path, 1, 1), reason=exc.strerror)]
    return out + scan_text(decode(raw), path, place=PLACE_DIFF)


def _merge_base(root: Path, ref: str) -> tuple[git.Repo, git.Commit]:
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise DiffError(error("git.no-repo", Location("."), root=str(root))) from None
    if not repo.head.is_valid():
        raise DiffError(error("git.no-repo", Location("."), root=str(root)))
    try:
        bases = repo.merge_base(ref, repo.head.commit)
    except (git.GitError, ValueError):
        bases = []
    if not bases or bases[0] is None:
        raise DiffError(error("git.bad-ref", Location("."), ref=ref))
    return repo, bases[0]


def scan_diff(root: Path, ref: str) -> DiffScan:
    """Every forbidden value the working tree adds relative to the merge base with `ref`.

    Raises DiffError for an unknown ref or a folder outside Git. Paths are relative to the top of
    the Git work tree."""
    repo, base = _merge_base(root, ref)
    top = Path(repo.working_tree_dir or root)
    changes = base.diff(None, create_patch=True, unified=0, text=True)
    out: list[Diagnostic] = []
    scanned = 0
    for change in changes:
        if change.deleted_file:
            continue
        scanned += 1
        out.extend(_scan_change(change))
    for path in sorted(repo.untracked_files):
        scanned += 1
        out.extend(_scan_untracked(top, path))
    return DiffScan(sorted(out, key=Diagnostic.sort_key), scanned, top)
