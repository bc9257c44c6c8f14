"""Which record files the change under review adds, so deadlines judge only new submissions.

A record merged long ago was judged when it was submitted; judging it again at today's date would
call every old record late. Outside a Git work tree nothing is known and every file is judged.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from techvp.diagnostics import Location, TechvpError, error
from techvp.history import in_work_tree
from techvp.layout import SUBMISSIONS


def added_files(root: Path, base: str | None) -> frozenset[str] | None:
    """Files under submissions/ (relative to root) added since `base`, or not yet committed.

    None when root is not in a Git work tree or the repository has no commit yet."""
    return added_files_later(root, base)()


def added_files_later(root: Path, base: str | None) -> Callable[[], frozenset[str] | None]:
    """`added_files`, with git started now and waited for when the result is asked for: the
    caller reads records meanwhile. Raises TechvpError for an unknown `base` when asked."""
    return _files_since(root, base, "A")


def changed_files(root: Path, base: str | None) -> frozenset[str]:
    """Files under submissions/ added, changed or renamed since `base` or not yet committed: the
    ones a reviewer of the change looks at first. Empty outside a Git work tree."""
    return _files_since(root, base, "ACMR")() or frozenset()


def _files_since(
    root: Path, base: str | None, diff_filter: str
) -> Callable[[], frozenset[str] | None]:
    """Git itself, not GitPython: `techvp validate` through the cache runs in about a second,
    and importing GitPython alone took a third of one. Three git commands run side by side:
    whether there is a commit, the untracked files (not ignored), and the files in commits
    since `base` (or HEAD), staged, or in the work tree; paths relative to root."""
    if not in_work_tree(root):
        return lambda: None
    against = "HEAD"
    if base is not None:
        found = _git(root, "merge-base", base, "HEAD")
        if found is None:
            raise TechvpError(error("git.bad-ref", Location("."), ref=base))
        against = found.strip()
    head = _start(root, "rev-parse", "--verify", "--quiet", "HEAD")
    untracked = _start(root, "ls-files", "--others", "--exclude-standard", "-z", "--", SUBMISSIONS)
    diff = ["diff", "--name-only", f"--diff-filter={diff_filter}", "--relative", "-z", against]
    if diff_filter == "A":  # a file new to the work tree is untracked or staged: no stat of each
        diff.insert(1, "--cached")
    changed = _start(root, *diff, "--", SUBMISSIONS)

    def result() -> frozenset[str] | None:
        if _finish(head) is None:
            _finish(untracked), _finish(changed)
            return None  # not a work tree, or no commit yet
        names = f"{_finish(untracked) or ''}\0{_finish(changed) or ''}".split("\0")
        return frozenset(name for name in names if name.startswith(SUBMISSIONS + "/"))

    return result


@dataclass(frozen=True)
class WorkTree:
    """Git's word on the record files, like `git status` without refreshing the index: `index`
    the index file's (size, mtime, ctime, inode) when it was read; `clean` the files whose bytes
    are those the index records; `dirty` the other files the index holds (or those git could not
    vouch for: assume-unchanged, skip-worktree, unmerged). Paths relative to root."""

    index: tuple[int, int, int, int]
    clean: frozenset[str]
    dirty: frozenset[str]


def work_tree_later(root: Path) -> Callable[[], WorkTree | None]:
    """`WorkTree`, with git started now and waited for when asked for; None outside a Git work
    tree, or when the index changed while git read it. Two git commands run side by side, in C,
    while the caller walks the files: a stat of each file by Python took a quarter of a warm
    `techvp validate` at 40,000 files."""
    found = _git(root, "rev-parse", "--git-path", "index") if in_work_tree(root) else None
    if found is None:
        return lambda: None
    index = root / found.strip()
    before = stat_of(index)
    listed = _start(root, "ls-files", "-v", "-z", "--", SUBMISSIONS)
    modified = _start(root, "diff-files", "--name-only", "--relative", "-z", "--", SUBMISSIONS)

    def result() -> WorkTree | None:
        names, dirty = _finish(listed), _finish(modified)
        if names is None or dirty is None or before is None or stat_of(index) != before:
            return None
        # "H path" is a file as Git knows it; any other tag (S skip-worktree, M unmerged,
        # lowercase for assume-unchanged) is never vouched for.
        held, others = _tags(names)
        changed = frozenset(dirty.split("\0")) - {""}
        return WorkTree(before, frozenset(held - changed), changed | others)

    return result


def _tags(listed: str) -> tuple[set[str], frozenset[str]]:
    """(the files tagged H, the others) in `git ls-files -v -z` output. Nearly always every
    file is plainly tracked (H): then the output is split on the tag, without a loop."""
    plain = f"\0{listed.removesuffix(chr(0))}".split("\0H ")
    if len(plain) - 1 == listed.count("\0"):
        return set(plain[1:]), frozenset()
    entries = listed.split("\0")
    held = {entry[2:] for entry in entries if entry[:2] == "H "}
    return held, frozenset(entry[2:] for entry in entries if entry and entry[:2] != "H ")


def stat_of(path: str | Path | int) -> tuple[int, int, int, int] | None:
    """A file's (size, mtime, ctime, inode), as Git's index and the record cache compare it
    (`path` may be an open file's descriptor)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def _start(root: Path, *args: str) -> subprocess.Popen[bytes] | None:
    try:
        return subprocess.Popen(
            ["git", *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
    except OSError:  # no git
        return None


def _finish(process: subprocess.Popen[bytes] | None) -> str | None:
    """What a started git command printed, or None when it failed."""
    if process is None:
        return None
    out, _ = process.communicate()
    return out.decode("utf-8", "surrogateescape") if process.returncode == 0 else None


def _git(root: Path, *args: str) -> str | None:
    """What a git command prints in root, or None when it fails (or there is no git)."""
    return _finish(_start(root, *args))
