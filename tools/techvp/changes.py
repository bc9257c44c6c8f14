"""Which record files the change under review adds, so deadlines judge only new submissions.

A record merged long ago was judged when it was submitted; judging it again at today's date would
call every old record late. Outside a Git work tree nothing is known and every file is judged.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from techvp.diagnostics import Location, TechvpError, error
from techvp.history import in_work_tree
from techvp.layout import SUBMISSIONS


def added_files(root: Path, base: str | None) -> frozenset[str] | None:
    """Files under submissions/ (relative to root) added since `base`, or not yet committed.

    None when root is not in a Git work tree or the repository has no commit yet."""
    return _files_since(root, base, "A")


def changed_files(root: Path, base: str | None) -> frozenset[str]:
    """Files under submissions/ added, changed or renamed since `base` or not yet committed: the
    ones a reviewer of the change looks at first. Empty outside a Git work tree."""
    return _files_since(root, base, "ACMR") or frozenset()


def _files_since(root: Path, base: str | None, diff_filter: str) -> frozenset[str] | None:
    """Git itself, not GitPython: `techvp validate` through the cache runs in under a second,
    and importing GitPython alone took a third of one."""
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD") is None:
        return None  # not a work tree, or no commit yet
    against = "HEAD"
    if base is not None:
        found = _git(root, "merge-base", base, "HEAD")
        if found is None:
            raise TechvpError(error("git.bad-ref", Location("."), ref=base))
        against = found.strip()
    # Untracked (not ignored), then in commits since `against`, staged, or in the work tree
    # (tracked files only); paths relative to root, under submissions/ only.
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", SUBMISSIONS)
    diff = ["diff", "--name-only", f"--diff-filter={diff_filter}", "--relative", "-z", against]
    changed = _git(root, *diff, "--", SUBMISSIONS)
    names = f"{untracked or ''}\0{changed or ''}".split("\0")
    return frozenset(name for name in names if name.startswith(SUBMISSIONS + "/"))


def _git(root: Path, *args: str) -> str | None:
    """What a git command prints in root, or None when it fails (or there is no git)."""
    if not in_work_tree(root):
        return None
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except OSError:
        return None
    return done.stdout.decode("utf-8", "surrogateescape") if done.returncode == 0 else None
