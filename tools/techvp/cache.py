"""A content-hash cache of what reading one record file gives (parsed, checked, guarded), so
re-validating a large repository only reads again the files that changed.

What one file gives depends on its path, its bytes and the program alone: the cross-file rules
are not cached and always run again. An entry is keyed by the path and a BLAKE2 hash of the bytes;
the whole cache by a hash of the program (every source file of the techvp package, the Python,
pydantic and PyYAML versions and the inspector), so a change to any of them starts afresh.

Like Git's index, a file whose size, modification and change times and inode are those recorded
is taken as unchanged without being read, unless it was modified within two seconds of being
hashed (a "racy" entry, which is read again). Everything else is read and hashed. In a Git work
tree, Git's own index spares even the stat: a file Git finds clean now and found clean in the
previous run, against the same index, has the bytes it had then (techvp.changes.WorkTree).

The cache lives in root/.techvp-cache/ (its own .gitignore keeps it out of Git): an index and
64 shard files of pickles, so a change writes the index and one shard, not everything. Pickles
must not come from anyone else, so the index is signed with a key kept outside the repository (in
the user's cache folder) and holds each shard's SHA-256: a cache file anyone else wrote, committed
to a branch for instance, is never unpickled.
Any problem with the cache (missing, stale, unsigned, unreadable, unwritable) means no cache.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import pickle
import secrets
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

try:
    import fcntl
except ImportError:  # Windows: no locks
    fcntl = None  # type: ignore[assignment]

from techvp.changes import WorkTree, stat_of
from techvp.layout import Candidate
from techvp.reading import Inspector, Result, load_file, read_all
from techvp.recordpickle import dumps as _dumps
from techvp.recordpickle import pack as _pack
from techvp.recordpickle import unpack as _unpack
from techvp.yamlio import YamlDocument

FOLDER = ".techvp-cache"
_FILE = "records.bin"
_MAGIC = b"techvp-cache-7\n"
_RACY_NS = 2_000_000_000  # file times closer than this to the hashing are not trusted
_PACKAGE = Path(__file__).resolve().parent
# A file's entry: (size, mtime_ns, ctime_ns, inode, hashed at ns, content digest).
Entry = tuple[int, int, int, int, int, bytes]
# What reading it gave (a techvp.recordpickle Payload) is pickled on its own and kept in its
# shard (a hash of its path): a change writes one shard again, and a run unpickles only the
# files it needs.
_SHARDS = 64


def program_key(inspect: Inspector | None, package: Path = _PACKAGE) -> bytes:
    """A hash of everything besides a file's path and bytes that reading it depends on: the
    package's source files (`package`: the techvp package folder), versions and inspector."""
    import pydantic
    import yaml

    digest = hashlib.blake2b(digest_size=16)
    for part in (sys.version, pydantic.VERSION, yaml.__version__, _name(inspect)):
        digest.update(part.encode() + b"\0")
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return digest.digest()


def _name(inspect: Inspector | None) -> str:
    return "" if inspect is None else f"{inspect.__module__}.{inspect.__qualname__}"


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "techvp" / "cache-key"


def _signing_key() -> bytes | None:
    """This user's key for signing caches, made on first use; None when it cannot be kept."""
    path = _key_file()
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = b""
    except OSError:
        return None
    if len(key) == 32:
        return key
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        os.replace(partial, path)
    except OSError:
        return None
    return key


def _sign(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, body, "sha256").digest()  # SHA-256 runs in hardware: 2× BLAKE2 here


def _digest(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).digest()
    except OSError:
        return None


def _shard(rel: str) -> int:
    return zlib.crc32(rel.encode()) % _SHARDS


class RecordCache:
    """The cache of one records' root for one inspector; `read_all` reads through it."""

    def __init__(self, root: Path, inspect: Inspector | None, package: Path = _PACKAGE) -> None:
        self.path = root / FOLDER / _FILE
        self.inspect = inspect
        self.program = program_key(inspect, package)
        self.key = _signing_key()
        self.index: dict[str, Entry] = {}  # as saved
        # Each shard's payloads, pickled; None: not read yet (its file's times and inode are
        # those recorded, so it is read, and checked again, only if a file of it is needed).
        self.blobs: list[bytes | None] = [b""] * _SHARDS
        self.digests: list[bytes] = [b""] * _SHARDS  # their SHA-256 (b"" for an empty shard)
        self.stats: list[Any] = [()] * _SHARDS  # their files' (size, mtime, ctime, inode)
        # The signature of the index as loaded, then as saved: what was kept beside this cache
        # from the same run (techvp.incremental's memo) names it, to be sure they agree.
        self.stamp = b""
        # Git's index when the files were last seen, and the files it did not vouch for then.
        self.git: tuple[Any, list[str]] | None = None
        self.git_now: tuple[Any, list[str]] | None = None
        self._load()
        # The shards unpickled so far: each file's payload is a pickle of its own, unpickled
        # only when asked for (a warm run needs a few of them).
        self.shards: dict[int, dict[str, bytes]] = {}
        self.seen: dict[str, Entry] = {}  # this run's files (but those vouched for)
        self.vouched: set[str] = set()  # files taken as unchanged on Git's word: entries kept
        self.dirty: set[int] = set()  # shards whose files changed
        self.fresh: dict[str, bytes] = {}  # what the files read in this run gave, pickled
        self.complete = False
        self.reused = 0  # files whose cached result this run used
        self.damaged: set[int] = set()  # shards found changed when read (a file replaced)

    def _load(self) -> None:
        if self.key is None:
            return
        try:
            blob = self.path.read_bytes()
        except OSError:
            return
        head = len(_MAGIC) + 32
        body, signature = blob[head:], blob[len(_MAGIC) : head]
        signed = hmac.compare_digest(_sign(self.key, body), signature)
        if blob[: len(_MAGIC)] != _MAGIC or not signed:
            return
        try:
            program, index, digests, stats, git = marshal.loads(body)
        except (EOFError, ValueError, TypeError):
            return
        if program != self.program or len(digests) != _SHARDS or len(stats) != _SHARDS:
            return
        self.digests, self.stats = digests, stats
        shards = [
            None
            if digest and stat_of(str(self._shard_file(shard))) == stats[shard]
            # Times differ (copied, touched, replaced): trusted only if its hash is the one
            # recorded.
            else self._shard_blob(shard)
            for shard, digest in enumerate(digests)
        ]
        if all(shard is not False for shard in shards):
            self.index, self.stamp, self.git = index, signature, git
            self.blobs = [shard if shard is not False else b"" for shard in shards]
        else:
            self.digests, self.stats = [b""] * _SHARDS, [()] * _SHARDS

    def _shard_file(self, shard: int) -> Path:
        return self.path.with_name(f"shard-{shard:02d}.bin")

    def _shard_blob(self, shard: int) -> bytes | Literal[False]:
        """The shard's pickles if its file holds what the signed index says, else False."""
        digest = self.digests[shard]
        if not digest:
            return b""
        try:
            with open(self._shard_file(shard), "rb") as handle:
                stamped = stat_of(handle.fileno())
                blob = handle.read()
        except OSError:
            return False
        if stamped == tuple(self.stats[shard]):
            return blob  # the very file written with the index (read through one handle)
        return blob if hmac.compare_digest(_shard_digest(blob), digest) else False

    def _payloads(self, shard: int) -> dict[str, bytes]:
        if shard not in self.shards:
            blob = self.blobs[shard]
            if blob is None:
                read = self._shard_blob(shard)
                if read is False:  # changed since the index was read: its files are read again
                    self.damaged.add(shard)
                blob = self.blobs[shard] = read or b""
            self.shards[shard] = pickle.loads(blob) if blob else {}
        return self.shards[shard]

    def probe(
        self, files: Sequence[str], path: Callable[[str], str], tree: WorkTree | None = None
    ) -> list[str]:
        """Of the files given (relative paths; `path` gives each one's path on disk), those
        whose bytes changed since the cache was saved (or are new to it); the others count as
        seen, unchanged, without being read or unpickled. Like Git's index, a file whose size,
        times and inode are those saved, long enough after it last changed, is taken as
        unchanged; any other is hashed. Files `tree` (Git, now) vouches for are not even
        stat'ed."""
        now_ns = time.time_ns()
        index, seen, stat = self.index, self.seen, os.stat
        vouched = self.vouched = set(self._vouched(tree).intersection(files) & index.keys())
        self.reused += len(vouched)
        changed: list[str] = []
        for rel in files:  # one stat each, inline
            if rel in vouched:
                continue
            old = index.get(rel)
            try:
                st = stat(path(rel)) if old is not None else None
            except OSError:
                st = None
            if old is None or st is None:
                changed.append(rel)
                continue
            times = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            if times != old[:4] or max(times[1], times[2]) + _RACY_NS >= old[4]:
                digest = _digest(path(rel))
                if digest != old[5]:
                    changed.append(rel)
                    continue
                old = (*times, now_ns, digest)  # known unchanged now: trusted by its times next run
            seen[rel] = old
            self.reused += 1
        return changed

    def _vouched(self, tree: WorkTree | None) -> frozenset[str]:
        """The files Git finds clean now and found clean when the cache was saved, against
        the same index: their bytes are those seen then."""
        if tree is None:
            return frozenset()
        self.git_now = (tree.index, sorted(tree.dirty))
        if self.git is None or tuple(self.git[0]) != tree.index:
            return frozenset()
        return tree.clean.difference(self.git[1])

    def cached(self, cand: Candidate) -> tuple[Any, YamlDocument]:
        """The (record, document) kept for a file `probe` found unchanged (read again, should
        its shard have changed since the index was read)."""
        payload = self._payloads(_shard(cand.rel)).get(cand.rel)
        if payload is None:
            self.seen.pop(cand.rel, None)  # not to be kept as cached
            self.vouched.discard(cand.rel)
            return load_file(cand, self.inspect)
        return _unpack(cand.rel, pickle.loads(payload))

    def read_changed(
        self, misses: Sequence[Candidate], budget_seconds: float
    ) -> dict[str, tuple[Any, YamlDocument]]:
        """Read the files `probe` returned and add them to the cache; a file the time budget
        left unread is missing from the result."""
        now_ns = time.time_ns()
        before = {cand.rel: (stat_of(cand.path), _digest(cand.path)) for cand in misses}
        fresh = {
            cand.rel: (record, doc)
            for cand, record, doc in read_all(misses, self.inspect, budget_seconds)
        }
        for rel, got in fresh.items():
            self._store(rel, before[rel], now_ns, got)
        return fresh

    def read_all(self, cands: Sequence[Candidate], budget_seconds: float) -> Iterator[Result]:
        """What `techvp.reading.read_all` gives, in the same order, reading only the files that
        changed; each file read is added to the cache (kept by `save`)."""
        paths = {cand.rel: cand.path for cand in cands}
        changed = set(self.probe(list(paths), paths.__getitem__))
        misses = [cand for cand in cands if cand.rel in changed]
        fresh = self.read_changed(misses, budget_seconds)
        for cand in cands:
            if cand.rel not in changed:
                yield cand, *self.cached(cand)
            elif cand.rel in fresh:
                yield cand, *fresh[cand.rel]
            else:
                return  # the time budget ran out before this file was read: nothing is kept
        self.complete = True

    def _store(
        self, rel: str, seen: tuple[Any, bytes | None], now_ns: int, got: tuple[Any, Any]
    ) -> None:
        stat, digest = seen
        self.dirty.add(_shard(rel))
        if stat is not None and digest is not None:
            self.seen[rel] = (*stat, now_ns, digest)
            self.fresh[rel] = _dumps(_pack(*got))

    def save(self) -> None:
        """Keep the entries of this run's files (only theirs) when anything changed; only the
        shards holding a changed, new or removed file are pickled again."""
        if self.vouched:  # their entries as they were
            self.seen.update({rel: self.index[rel] for rel in self.vouched if rel not in self.seen})
            self.vouched = set()
        self.dirty.update(_shard(rel) for rel in self.index.keys() - self.seen.keys())
        self.dirty |= self.damaged
        unchanged = self.seen == self.index and self.git_now == self.git
        if self.key is None or not self.complete or unchanged:
            return
        fresh: dict[int, dict[str, bytes]] = {}
        for rel, payload in self.fresh.items():
            fresh.setdefault(_shard(rel), {})[rel] = payload
        blobs: dict[int, bytes] = {}
        digests, stats = list(self.digests), list(self.stats)
        for shard in self.dirty:
            kept = {rel: p for rel, p in self._payloads(shard).items() if rel in self.seen}
            kept.update(fresh.get(shard, {}))
            blobs[shard] = pickle.dumps(kept, protocol=5) if kept else b""
            digests[shard] = _shard_digest(blobs[shard]) if kept else b""
            stats[shard] = ()
        try:
            _make_folder(self.path.parent)
            # Shards first, the index last: an index never names a shard not yet written (a
            # run stopped in between leaves a shard that does not match: no cache).
            for shard in sorted(self.dirty):
                if blobs[shard]:
                    _replace(self._shard_file(shard), blobs[shard])
                    stats[shard] = stat_of(str(self._shard_file(shard)))
            body = marshal.dumps((self.program, self.seen, digests, stats, self.git_now))
            signature = _sign(self.key, body)
            _replace(self.path, _MAGIC + signature + body)
        except OSError:
            return
        self.stamp = signature


def write_signed(path: Path, blob: bytes) -> None:
    """Keep `blob` at `path` (in a cache folder), signed with this user's key: `read_signed`
    gives it back only unchanged and only to this user. Does nothing when it cannot be kept."""
    key = _signing_key()
    if key is None:
        return
    try:
        _make_folder(path.parent)
        _replace(path, _MAGIC + _sign(key, blob) + blob)
    except OSError:
        return


def read_signed(path: Path) -> bytes | None:
    """What `write_signed` kept at `path`, or None (missing, unreadable, or not signed by this
    user's key: never to be unpickled)."""
    key = _signing_key()
    try:
        data = path.read_bytes() if key is not None else b""
    except OSError:
        return None
    head = len(_MAGIC) + 32
    if key is None or data[: len(_MAGIC)] != _MAGIC:
        return None
    body, signature = data[head:], data[len(_MAGIC) : head]
    return body if hmac.compare_digest(_sign(key, body), signature) else None


class FolderLock:
    """The cache folder held by one run from reading it to writing it again: a second
    `techvp validate` of the same folder waits for the first to have written what it found
    (which it may do after its report, in a process of its own). Without locks (no fcntl, a
    folder that cannot be written) runs are not kept apart: the signatures still keep a cache
    from being read half-written."""

    def __init__(self, root: Path) -> None:
        self.fd: int | None = None
        if fcntl is None:
            return
        try:
            folder = _make_folder(root / FOLDER)
            self.fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError:
            self.release()

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # the lock goes with the last open copy (a forked child's)
            self.fd = None


def _make_folder(folder: Path) -> Path:
    """The cache folder, with its .gitignore (written once, not on each of a run's saves)."""
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.is_file():
        ignore.write_text("*\n", encoding="utf-8")
    return folder


def _shard_digest(blob: bytes) -> bytes:
    return hashlib.sha256(blob).digest()


def _replace(path: Path, data: bytes) -> None:
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    os.replace(partial, path)
