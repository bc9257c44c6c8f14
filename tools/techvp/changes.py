"""Which record files the change under review adds, so deadlines judge only new submissions.

A record merged long ago was judged when it was submitted; judging it again at today's date would
call every old record late. Outside a Git work tree nothing is known and every file is judged.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
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
    changed = _start(root, *diff, "--", SUBMISSIONS)

    def result() -> frozenset[str] | None:
        if _finish(head) is None:
            _finish(untracked), _finish(changed)
            return None  # not a work tree, or no commit yet
        names = f"{_finish(untracked) or ''}\0{_finish(changed) or ''}".split("\0")
        return frozenset(name for name in names if name.startswith(SUBMISSIONS + "/"))

    return result


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
