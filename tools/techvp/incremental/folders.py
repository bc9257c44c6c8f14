"""The folders under submissions/ as the previous run walked them.

A folder's modification time changes whenever an entry is added to it, removed from it or
renamed in it, so when no folder has changed since it was listed, the record files, the other
entries (folders, stray files) and which file holds each id are the previous run's, and nothing
is walked again: a walk of 40,000 files took a tenth of a warm `techvp validate`. Like a file
in Git's index, a folder changed within two seconds of being listed is not trusted (the clock
that stamps it may not have moved between a change and the listing).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Sequence

from techvp.layout import Entry

_RACY_NS = 2_000_000_000
Stamp = tuple[int, int, int]  # (mtime_ns, ctime_ns, inode)
Folders = list[tuple[str, Stamp]]  # each folder's path under root, "" for root itself


def stamp(path: str) -> Stamp | None:
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_ctime_ns, st.st_ino


class Listing:
    """The folders met by a walk, each stamped before it is listed: a change made while the
    walk runs shows on the next run. `folders` is None when one is too recent to trust."""

    def __init__(self, base: str) -> None:
        self.base, self.start = base, time.time_ns()
        self.folders: Folders | None = []
        self.add("", stamp(base))

    def add(self, rel: str, stamped: Stamp | None) -> None:
        if self.folders is None:
            return
        if stamped is None or stamped[0] + _RACY_NS >= self.start:
            self.folders = None
        else:
            self.folders.append((rel, stamped))


def unchanged(base: str, folders: Folders | None) -> bool:
    """Whether every folder is as the previous walk found it."""
    if not folders:
        return False
    sep = os.sep
    return all(
        stamp(f"{base}{sep}{rel.replace('/', sep)}" if rel else base) == tuple(stamped)
        for rel, stamped in folders
    )


class KnownEntry:
    """An entry the previous walk found in a folder that has not changed since: what
    techvp.layout and techvp.guard.scan read of an os.DirEntry, looked up when asked."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.name = os.path.basename(path)
        self._mode: int | None = None

    def _lstat(self) -> int:
        if self._mode is None:
            try:
                self._mode = os.lstat(self.path).st_mode
            except OSError:
                self._mode = 0
        return self._mode

    def is_symlink(self) -> bool:
        return stat.S_ISLNK(self._lstat())

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return stat.S_ISDIR(self._lstat() if not follow_symlinks else _mode(self.path))

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        return stat.S_ISREG(self._lstat() if not follow_symlinks else _mode(self.path))


def _mode(path: str) -> int:
    try:
        return os.stat(path).st_mode
    except OSError:
        return 0


def known_entries(base: str, rels: Sequence[str]) -> list[Entry]:
    """Entries by their paths under base's parent (`submissions/…`, as the memo keeps them)."""
    top = os.path.dirname(base)
    return [KnownEntry(f"{top}{os.sep}{rel.replace('/', os.sep)}") for rel in rels]
