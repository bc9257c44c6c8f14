"""Which record files the change under review adds, so deadlines judge only new submissions.

A record merged long ago was judged when it was submitted; judging it again at today's date would
call every old record late. Outside a Git work tree nothing is known and every file is judged.
"""

from __future__ import annotations

from pathlib import Path

from techvp.diagnostics import Location, TechvpError, error
from techvp.history import open_repo, root_prefix
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
    import git

    repo = open_repo(root)
    if repo is None:
        return None
    prefix = root_prefix(repo, root)
    names = set(repo.untracked_files)
    against = "HEAD"
    if base is not None:
        try:
            against = repo.git.merge_base(base, "HEAD")
        except git.GitCommandError:
            raise TechvpError(error("git.bad-ref", Location("."), ref=base)) from None
    # In commits since base, staged, or in the work tree (tracked files only).
    names.update(
        repo.git.diff("--name-only", f"--diff-filter={diff_filter}", "-z", against).split("\0")
    )
    out = set()
    for name in names:
        if name.startswith(prefix) and name[len(prefix) :].startswith(SUBMISSIONS + "/"):
            out.add(name[len(prefix) :])
    return frozenset(out)
