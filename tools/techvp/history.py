"""Git history as data: who first submitted each record file, who changed it last, and when.

One `git log` pass over submissions/ (newest commit first) gives every path its newest change
(the first commit naming it) and its first submission (the last one). The submitter of a commit
is its first `Co-authored-by:` trailer when it has one (a pull request opened for an enterprise
by the forge's bot credits the enterprise that way), else its author. Outside a Git work tree, or
before the first commit, nothing is known: every lookup is empty.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from techvp.diagnostics import Diagnostic, Location, TechvpError, error, warning
from techvp.layout import SUBMISSIONS

# A commit's header line: NUL, then NUL-separated hash, committer date, author, email, trailers.
_FORMAT = "--format=%x00%H%x00%cI%x00%an%x00%ae%x00" + (
    "%(trailers:key=Co-authored-by,valueonly,separator=%x1f)"
)
_PERSON = re.compile(r"^\s*(?P<name>.*?)\s*<(?P<email>[^<>]*)>\s*$")
# Above this many paths one log over the whole folder is cheaper than naming each path.
_MAX_PATHSPECS = 500


@dataclass(frozen=True)
class Change:
    """One commit's change to a file: the day it was committed and who made it."""

    day: date
    author: str  # the person's name as Git records it
    email: str

    @property
    def who(self) -> str:
        """The identity compared between commits: the e-mail address, else the name."""
        return self.email.lower() or self.author

    def label(self) -> str:
        """As staff forms show it: `2022-03-01 张三`."""
        return f"{self.day.isoformat()} {self.author}"


@dataclass(frozen=True)
class FileHistory:
    """A record file's history: first submitted, last changed, and whether it was withdrawn (its
    file deleted in the newest commit that touched it; a need's own `withdrawn: true` is a field
    of the record, not history)."""

    first: Change
    last: Change
    withdrawn: bool = False


History = Mapping[str, FileHistory]  # path relative to the records' root → its history


def open_repo(root: Path) -> Any:
    """The GitPython repository holding root, or None (no Git, not a work tree, no commit)."""
    if not in_work_tree(root):
        return None  # known without importing GitPython (a third of a second)
    try:
        import git
    except ImportError:  # GitPython needs the git program; without it nothing is known
        return None
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    if not repo.head.is_valid():
        return None
    return repo


def in_work_tree(root: Path) -> bool:
    """Whether root or a folder above it holds .git (or Git is told where it is)."""
    if "GIT_DIR" in os.environ:
        return True
    here = root.resolve()
    return any((folder / ".git").exists() for folder in (here, *here.parents))


def root_prefix(repo: Any, root: Path) -> str:
    """root's path inside the work tree, with a trailing slash ("" at the top)."""
    top = Path(repo.working_tree_dir or root).resolve()
    prefix = root.resolve().relative_to(top).as_posix()
    return "" if prefix == "." else prefix + "/"


def _change(header: str) -> Change:
    _, _, when, name, email, trailers = header.split("\0", 5)
    for person in trailers.split("\x1f"):
        match = _PERSON.match(person)
        if match:
            name, email = match["name"], match["email"]
            break
    return Change(date.fromisoformat(when[:10]), name, email)


def _parse(out: str, prefix: str) -> dict[str, list[tuple[Change, str]]]:
    """`git log --name-status` output → path → [(change, status letter)], newest first."""
    found: dict[str, list[tuple[Change, str]]] = {}
    change: Change | None = None
    for line in out.splitlines():
        if line.startswith("\0"):
            change = _change(line)
        elif "\t" in line and change is not None:
            status, _, name = line.partition("\t")
            if name.startswith(prefix):
                found.setdefault(name[len(prefix) :], []).append((change, status[:1]))
    return found


def _log(repo: Any, prefix: str, revision: str, paths: Iterable[str] | None) -> str:
    names = sorted(paths) if paths is not None else None
    if names is not None and not names:
        return ""
    if names is None or len(names) > _MAX_PATHSPECS:
        specs = [prefix + SUBMISSIONS]
    else:
        specs = [prefix + name for name in names]
    # Chinese file names as they are, not octal-escaped. Not for every command: GitPython's
    # untracked_files decodes quoted names as ASCII escapes (techvp.changes uses it).
    repo.git.set_persistent_git_options(c="core.quotePath=false")
    return str(repo.git.log(revision, "--no-renames", "--name-status", _FORMAT, "--", *specs))


def _history(found: dict[str, list[tuple[Change, str]]]) -> dict[str, FileHistory]:
    return {
        path: FileHistory(first=changes[-1][0], last=changes[0][0], withdrawn=changes[0][1] == "D")
        for path, changes in sorted(found.items())
    }


def file_history(root: Path, paths: Iterable[str] | None = None) -> dict[str, FileHistory]:
    """Every record file under root/submissions that Git has seen (or only `paths`, relative to
    root) → its history, from one `git log`. {} outside a Git work tree."""
    repo = open_repo(root)
    if repo is None:
        return {}
    prefix = root_prefix(repo, root)
    found = _parse(_log(repo, prefix, "HEAD", paths), prefix)
    wanted = set(paths) if paths is not None else None
    return _history({p: c for p, c in found.items() if wanted is None or p in wanted})


def ownership(root: Path, base: str) -> list[Diagnostic]:
    """A warning for each record file that commits since `base` (from its merge base with HEAD)
    change or delete but did not add, when someone other than its first submitter made one of
    them: the reviewer should check the submitter agreed. Raises TechvpError for a bad ref."""
    repo = open_repo(root)
    if repo is None:
        return []
    import git

    try:
        since = repo.git.merge_base(base, "HEAD")
    except git.GitCommandError:
        raise TechvpError(error("git.bad-ref", Location("."), ref=base)) from None
    prefix = root_prefix(repo, root)
    branch = _parse(_log(repo, prefix, f"{since}..HEAD", None), prefix)
    before = _history(_parse(_log(repo, prefix, since, branch), prefix))
    found = []
    for path in sorted(branch):
        if path not in before or before[path].withdrawn:
            continue  # submitted on this branch (or re-submitted after a withdrawal)
        first = before[path].first
        others = sorted({c.author for c, _ in branch[path] if c.who != first.who})
        if others:
            found.append(
                warning(
                    "history.not-submitter",
                    Location(path, 1, 1),
                    submitter=first.author,
                    submitted=first.day.isoformat(),
                    changers="、".join(others),
                )
            )
    return found
