"""Where `techvp demo` may write, and the one Git commit that makes its output a repository.

The demo writes only into a new or empty folder, so it can never mix with or overwrite other
files. `--force` empties a folder first, but only one that an earlier demo made: a Git repository
whose one commit is the demo's, holding nothing but `submissions/`. Never a clone with committed
work, a folder inside another repository, or a folder of files without the demo's commit.

The output is committed once, with a fixed author and date, so `techvp validate --root DIR` judges
no record against today's date (as in the shipped demo) and the same seed gives the same commit.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import git

from techvp.cache import FOLDER as CACHE_FOLDER
from techvp.diagnostics import Location, TechvpError, error

AUTHOR = git.Actor("techvp demo", "demo@techvp.invalid")
# The demo batch's reference date, before its first submission deadline.
COMMIT_DATE = datetime(2022, 3, 15, 9, tzinfo=timezone(timedelta(hours=8)))
_OWN = frozenset({"submissions", ".git", CACHE_FOLDER})  # validating it leaves the cache


def _refuse(code: str, out: str, **params: str) -> TechvpError:
    return TechvpError(error(code, Location(out), out=out, **params))


def _made_by_demo(repo: git.Repo) -> bool:
    """Exactly one commit, made by the demo."""
    if not repo.head.is_valid():
        return False
    commits = list(repo.iter_commits(max_count=2))
    return len(commits) == 1 and commits[0].author.email == AUTHOR.email


def _check_force(path: Path, shown: str, entries: list[Path]) -> None:
    """Refuse to empty anything but an earlier demo's output."""
    try:
        repo: git.Repo | None = git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        repo = None
    top = Path(repo.working_tree_dir or path).resolve() if repo is not None else None
    ours = repo is not None and top == path and _made_by_demo(repo)
    if repo is not None and not ours and repo.head.is_valid():
        raise _refuse("demo.in-repository", shown, repository=str(top))
    if not ours or any(entry.name not in _OWN for entry in entries):
        raise _refuse("demo.not-demo", shown)


def prepare_output(out: Path, force: bool) -> None:
    """Make out a new or empty folder, or refuse with a diagnostic (TechvpError)."""
    shown = str(out)
    path = out.resolve()
    if path.exists() and not path.is_dir():
        raise _refuse("demo.not-a-folder", shown)
    entries = sorted(path.iterdir()) if path.is_dir() else []
    if entries and not force:
        raise _refuse("demo.not-empty", shown)
    if entries:
        _check_force(path, shown, entries)
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    path.mkdir(parents=True, exist_ok=True)


def commit_output(out: Path, message: str) -> str:
    """Make out a Git repository whose one commit holds everything in it; returns the commit id."""
    repo = git.Repo.init(out, initial_branch="main")
    repo.git.add("--all")
    commit = repo.index.commit(
        message,
        author=AUTHOR,
        committer=AUTHOR,
        author_date=COMMIT_DATE,
        commit_date=COMMIT_DATE,
    )
    return commit.hexsha
