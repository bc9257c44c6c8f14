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
from techvp.diagnostics import Diagnostic, Severity, kept_location
from techvp.incremental.folders import Folders
from techvp.reportjson import part

_FILE = "rules.bin"
_SEVERITIES = {severity.value: severity for severity in Severity}
Found = tuple[Diagnostic, ...]


@dataclass
class Memo:
    program: bytes  # techvp.cache.program_key: a change to the program starts afresh
    root: str  # where the repository was (the paths on disk derive from it)
    stamp: bytes  # the cache index saved with it (techvp.cache.RecordCache.stamp)
    context: tuple[Any, ...]  # policies.now_key and whether the files under review were known
    added: frozenset[str] = frozenset()  # the files under review (the deadline rules)
    keys: dict[str, str] = field(default_factory=dict)  # each file's join keys (keys.joined)
    loaded: dict[str, Found] = field(default_factory=dict)  # reading each file found (bytes)
    named: dict[str, Found] = field(default_factory=dict)  # its name, by the guard
    ruled: dict[str, Found] = field(default_factory=dict)  # the rules, located in it
    checked: int = 0  # how many files the rules checked in the run that kept it
    # The walk (incremental.folders): the folders, stamped (None: not to be trusted), the
    # record files in walk order, the other entries, and which file holds each id (those
    # whose id another holds: `taken`).
    folders: Folders | None = None
    order: list[str] = field(default_factory=list)
    strays: list[str] = field(default_factory=list)
    owners: dict[str, dict[Any, str]] = field(default_factory=dict)
    taken: list[str] = field(default_factory=list)

    def save(self, root: Path) -> None:
        # By marshal, many times faster than pickle: one string per file, and each finding as
        # plain values with its JSON form (techvp.diagnostics.Diagnostic.as_dict) and its part
        # of the JSON report (techvp.reportjson), all a report reads; only the context (dates)
        # by pickle.
        added = sorted(self.added)
        found = [{rel: [_flat(d) for d in f] for rel, f in t.items()} for t in self.tables()]
        walked = (self.folders, self.order, self.strays, self.owners, self.taken)
        head = marshal.dumps(
            (self.program, self.root, self.stamp, added, self.keys, self.checked, walked)
        )
        body = marshal.dumps(found)
        tail = pickle.dumps(self.context, protocol=5)
        sizes = len(head).to_bytes(8, "big") + len(body).to_bytes(8, "big")
        write_signed(root / FOLDER / _FILE, sizes + head + body + tail)

    def tables(self) -> tuple[dict[str, Found], ...]:
        return self.loaded, self.named, self.ruled


def load_memo(root: Path, program: bytes, stamp: bytes) -> Memo | None:
    """The memo this program kept for this folder beside the cache index signed `stamp`."""
    blob = read_signed(root / FOLDER / _FILE) if stamp else None
    if blob is None:
        return None
    try:
        head, body = int.from_bytes(blob[:8], "big"), int.from_bytes(blob[8:16], "big")
        kept, where, signed, added, keys, checked, walked = marshal.loads(blob[16 : 16 + head])
        if (kept, where, signed) != (program, str(root), stamp):
            return None
        tables = marshal.loads(blob[16 + head : 16 + head + body])
        context = pickle.loads(blob[16 + head + body :])
        loaded, named, ruled = (
            {rel: tuple(map(_unflat, f)) for rel, f in t.items()} for t in tables
        )
    except Exception:  # a memo this program cannot read is no memo
        return None
    folders, order, strays, owners, taken = walked
    return Memo(
        program,
        where,
        stamp,
        context,
        frozenset(added),
        keys,
        loaded,
        named,
        ruled,
        checked,
        folders,
        order,
        strays,
        owners,
        taken,
    )


def _flat(diag: Diagnostic) -> tuple[Any, ...]:
    loc = diag.location
    return (
        diag.code,
        diag.severity.value,
        loc.file,
        loc.line,
        loc.column,
        loc.key_path,
        diag.clause,
        diag.as_dict(),
        part(diag),
    )


def _unflat(flat: tuple[Any, ...]) -> Diagnostic:
    """A finding as kept: its parameters in their JSON form, and its JSON form as made."""
    code, severity, file, line, column, key_path, clause, made, json = flat
    location = kept_location(file, line, column, tuple(key_path))
    return Diagnostic.known(code, _SEVERITIES[severity], location, clause, made, json)
