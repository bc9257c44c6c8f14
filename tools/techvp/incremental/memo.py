"""What the previous `techvp validate` through the cache found, file by file, kept signed in
root/.techvp-cache/rules.bin (techvp.cache.write_signed): never unpickled unless this user's
program wrote it."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from techvp.cache import FOLDER, read_signed, write_signed
from techvp.diagnostics import Diagnostic

_FILE = "rules.bin"
Found = tuple[Diagnostic, ...]
# A record file as the previous run saw it: (content hash, kind, key, stem, folders as
# (role, name) pairs, join keys).
Entry = tuple[bytes, str, Any, str, tuple[tuple[str, str], ...], tuple[str, ...]]


@dataclass
class Memo:
    program: bytes  # techvp.cache.program_key: a change to the program starts afresh
    root: str  # where the repository was (the paths on disk derive from it)
    context: tuple[Any, ...]  # policies.now_key and whether the files under review were known
    added: frozenset[str] = frozenset()  # the files under review (the deadline rules)
    files: dict[str, Entry] = field(default_factory=dict)  # in walk order
    loaded: dict[str, Found] = field(default_factory=dict)  # reading each file found (bytes)
    named: dict[str, Found] = field(default_factory=dict)  # its name, by the guard
    ruled: dict[str, Found] = field(default_factory=dict)  # the rules, located in it

    def save(self, root: Path) -> None:
        write_signed(root / FOLDER / _FILE, pickle.dumps(self, protocol=5))


def load_memo(root: Path, program: bytes) -> Memo | None:
    """The memo this program kept for this folder, or None."""
    blob = read_signed(root / FOLDER / _FILE)
    try:
        memo = pickle.loads(blob) if blob is not None else None
    except Exception:  # a memo this program cannot read is no memo
        return None
    if not isinstance(memo, Memo) or memo.program != program or memo.root != str(root):
        return None
    return memo
