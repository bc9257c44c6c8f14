"""What the previous `techvp validate` through the cache found, file by file, kept signed in
root/.techvp-cache/rules.bin (techvp.cache.write_signed): never unpickled unless this user's
program wrote it, and used only beside the cache index saved in the same run."""

from __future__ import annotations

import marshal
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from techvp.cache import FOLDER, read_signed, write_signed
from techvp.diagnostics import Diagnostic

_FILE = "rules.bin"
_SEP = "\0"  # between a file's join keys (no key holds it)
Found = tuple[Diagnostic, ...]


@dataclass
class Memo:
    program: bytes  # techvp.cache.program_key: a change to the program starts afresh
    root: str  # where the repository was (the paths on disk derive from it)
    stamp: bytes  # the cache index saved with it (techvp.cache.RecordCache.stamp)
    context: tuple[Any, ...]  # policies.now_key and whether the files under review were known
    added: frozenset[str] = frozenset()  # the files under review (the deadline rules)
    keys: dict[str, str] = field(default_factory=dict)  # each record file's join keys, joined
    loaded: dict[str, Found] = field(default_factory=dict)  # reading each file found (bytes)
    named: dict[str, Found] = field(default_factory=dict)  # its name, by the guard
    ruled: dict[str, Found] = field(default_factory=dict)  # the rules, located in it
    checked: int = 0  # how many files the rules checked in the run that kept it

    def save(self, root: Path) -> None:
        # The per-file table by marshal (one string per file: many times faster than pickle),
        # the findings by pickle.
        added = sorted(self.added)
        head = marshal.dumps((self.program, self.root, self.stamp, added, self.keys, self.checked))
        tail = pickle.dumps((self.context, self.loaded, self.named, self.ruled), protocol=5)
        write_signed(root / FOLDER / _FILE, len(head).to_bytes(8, "big") + head + tail)


def load_memo(root: Path, program: bytes, stamp: bytes) -> Memo | None:
    """The memo this program kept for this folder beside the cache index signed `stamp`."""
    blob = read_signed(root / FOLDER / _FILE) if stamp else None
    if blob is None:
        return None
    try:
        size = int.from_bytes(blob[:8], "big")
        kept, where, signed, added, keys, checked = marshal.loads(blob[8 : 8 + size])
        if (kept, where, signed) != (program, str(root), stamp):
            return None
        context, loaded, named, ruled = pickle.loads(blob[8 + size :])
    except Exception:  # a memo this program cannot read is no memo
        return None
    found = (loaded, named, ruled)
    return Memo(program, where, stamp, context, frozenset(added), keys, *found, checked)


def split(keys: str) -> tuple[str, ...]:
    return tuple(keys.split(_SEP)) if keys else ()


def joined(keys: tuple[str, ...]) -> str:
    return _SEP.join(keys)
