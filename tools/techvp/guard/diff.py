"""`techvp scan-diff REF`: the guard over everything a pull request adds relative to REF.

Compares the merge base of REF and HEAD with HEAD, so commits on REF since the branch started
are not blamed on the pull request. Only added lines are scanned (a removed secret is still in
history, but that is the history's problem, not this pull request's); every new or renamed
file's path is scanned too. All files count, not only submissions/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import git

from techvp.diagnostics import Diagnostic
from techvp.guard.scan import decode, scan_name, scan_text
from techvp.messages.guard import PLACE_DIFF

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")


class DiffError(Exception):
    """REF cannot be resolved or the folder is not a Git repository."""


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


def _scan_change(change: git.Diff) -> list[Diagnostic]:
    path = change.b_path or change.a_path or ""
    out: list[Diagnostic] = []
    if change.new_file or change.renamed_file:
        for part in path.split("/"):
            out.extend(scan_name(part, path))
    patch = change.diff if isinstance(change.diff, bytes) else b""
    for first_line, text in added_blocks(patch):
        out.extend(scan_text(text, path, first_line=first_line, place=PLACE_DIFF))
    return out


def scan_diff(root: Path, ref: str) -> list[Diagnostic]:
    """Every forbidden value that HEAD adds relative to the merge base with `ref`."""
    try:
        repo = git.Repo(root, search_parent_directories=True)
        head = repo.head.commit
        bases = repo.merge_base(ref, head)
    except (git.GitError, ValueError) as exc:
        raise DiffError(str(exc).strip().splitlines()[-1] if str(exc).strip() else ref) from None
    if not bases or bases[0] is None:
        raise DiffError(ref)
    changes = bases[0].diff(head, create_patch=True, unified=0, text=True)
    out: list[Diagnostic] = []
    for change in changes:
        if change.deleted_file:
            continue
        out.extend(_scan_change(change))
    return sorted(out, key=Diagnostic.sort_key)
