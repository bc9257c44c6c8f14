"""A content-hash cache of what reading one record file gives (parsed, checked, guarded), so
re-validating a large repository only reads again the files that changed.

What one file gives depends on its path, its bytes and the program alone: the cross-file rules
are not cached and always run again. An entry is keyed by the path and a BLAKE2 hash of the bytes;
the whole cache by a hash of the program (every source file of the techvp package, the Python,
pydantic and PyYAML versions and the inspector), so a change to any of them starts afresh.

Like Git's index, a file whose size, modification and change times and inode are those recorded
is taken as unchanged without being read, unless it was modified within two seconds of being
hashed (a "racy" entry, which is read again). Everything else is read and hashed.

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
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from techvp.layout import Candidate
from techvp.reading import Inspector, Result, read_all
from techvp.recordpickle import Payload
from techvp.recordpickle import dumps as _dumps
from techvp.recordpickle import pack as _pack
from techvp.recordpickle import unpack as _unpack
from techvp.yamlio import YamlDocument

FOLDER = ".techvp-cache"
_FILE = "records.bin"
_MAGIC = b"techvp-cache-4\n"
_RACY_NS = 2_000_000_000  # file times closer than this to the hashing are not trusted
_PACKAGE = Path(__file__).resolve().parent
# A file's entry: (size, mtime_ns, ctime_ns, inode, hashed at ns, content digest).
Entry = tuple[int, int, int, int, int, bytes]
# What reading it gave (a techvp.recordpickle Payload) is pickled by shard (a file's shard: a hash
# of its path), so a change pickles one shard again.
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


def _stat(path: str) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


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
        self.blobs: list[bytes] = [b""] * _SHARDS  # each shard's payloads, pickled
        self.digests: list[bytes] = [b""] * _SHARDS  # their SHA-256 (b"" for an empty shard)
        self._load()
        self.shards: dict[int, dict[str, Payload]] = {}  # the shards unpickled so far
        self.seen: dict[str, Entry] = {}  # this run's files
        self.dirty: set[int] = set()  # shards whose files changed
        self.fresh: dict[str, Payload] = {}  # what the files read in this run gave
        self.complete = False
        self.reused = 0  # files whose cached result this run used

    def _load(self) -> None:
        if self.key is None:
            return
        try:
            blob = self.path.read_bytes()
        except OSError:
            return
        head = len(_MAGIC) + 32
        body = blob[head:]
        signed = hmac.compare_digest(_sign(self.key, body), blob[len(_MAGIC) : head])
        if blob[: len(_MAGIC)] != _MAGIC or not signed:
            return
        try:
            program, index, digests = marshal.loads(body)
        except (EOFError, ValueError, TypeError):
            return
        if program != self.program or len(digests) != _SHARDS:
            return
        blobs = [self._shard_blob(shard, digest) for shard, digest in enumerate(digests)]
        if all(blob is not None for blob in blobs):
            self.index, self.digests = index, digests
            self.blobs = [blob or b"" for blob in blobs]

    def _shard_file(self, shard: int) -> Path:
        return self.path.with_name(f"shard-{shard:02d}.bin")

    def _shard_blob(self, shard: int, digest: bytes) -> bytes | None:
        """The shard's pickles if the file holds what the signed index says, else None."""
        if not digest:
            return b""
        try:
            blob = self._shard_file(shard).read_bytes()
        except OSError:
            return None
        return blob if hmac.compare_digest(_shard_digest(blob), digest) else None

    def _payloads(self, shard: int) -> dict[str, Payload]:
        if shard not in self.shards:
            blob = self.blobs[shard]
            self.shards[shard] = pickle.loads(blob) if blob else {}
        return self.shards[shard]

    def _hit(self, cand: Candidate, now_ns: int) -> tuple[Any, YamlDocument] | None:
        """The cached (record, document) of a file whose bytes are unchanged, else None."""
        old = self.index.get(cand.rel)
        stat = _stat(cand.path) if old is not None else None
        if old is None or stat is None:
            return None
        if old[:4] != stat or max(stat[1], stat[2]) + _RACY_NS >= old[4]:
            digest = _digest(cand.path)
            if digest != old[5]:
                return None
            old = (*stat, now_ns, digest)  # known unchanged now: trusted by its times next run
        self.seen[cand.rel] = old
        self.reused += 1
        return _unpack(cand.rel, self._payloads(_shard(cand.rel))[cand.rel])

    def read_all(self, cands: Sequence[Candidate], budget_seconds: float) -> Iterator[Result]:
        """What `techvp.reading.read_all` gives, in the same order, reading only the files that
        changed; each file read is added to the cache (kept by `save`)."""
        now_ns = time.time_ns()
        hits = [self._hit(cand, now_ns) for cand in cands]
        misses = [cand for cand, hit in zip(cands, hits, strict=True) if hit is None]
        before = {cand.rel: (_stat(cand.path), _digest(cand.path)) for cand in misses}
        fresh = {
            cand.rel: (record, doc)
            for cand, record, doc in read_all(misses, self.inspect, budget_seconds)
        }
        for cand, hit in zip(cands, hits, strict=True):
            got = hit if hit is not None else fresh.get(cand.rel)
            if got is None:
                return  # the time budget ran out before this file was read: nothing is kept
            if hit is None:
                self._store(cand.rel, before[cand.rel], now_ns, got)
            yield cand, *got
        self.complete = True

    def _store(
        self, rel: str, seen: tuple[Any, bytes | None], now_ns: int, got: tuple[Any, Any]
    ) -> None:
        stat, digest = seen
        self.dirty.add(_shard(rel))
        if stat is not None and digest is not None:
            self.seen[rel] = (*stat, now_ns, digest)
            self.fresh[rel] = _pack(*got)

    def save(self) -> None:
        """Keep the entries of this run's files (only theirs) when anything changed; only the
        shards holding a changed, new or removed file are pickled again."""
        self.dirty.update(_shard(rel) for rel in self.index.keys() - self.seen.keys())
        if self.key is None or not self.complete or self.seen == self.index:
            return
        fresh: dict[int, dict[str, Payload]] = {}
        for rel, payload in self.fresh.items():
            fresh.setdefault(_shard(rel), {})[rel] = payload
        blobs, digests = list(self.blobs), list(self.digests)
        for shard in self.dirty:
            kept = {rel: p for rel, p in self._payloads(shard).items() if rel in self.seen}
            kept.update(fresh.get(shard, {}))
            blobs[shard] = _dumps(kept) if kept else b""
            digests[shard] = _shard_digest(blobs[shard]) if kept else b""
        body = marshal.dumps((self.program, self.seen, digests))
        folder = self.path.parent
        try:
            folder.mkdir(exist_ok=True)
            (folder / ".gitignore").write_text("*\n", encoding="utf-8")
            # Shards first, the index last: an index never names a shard not yet written (a
            # run stopped in between leaves a shard that does not match: no cache).
            for shard in sorted(self.dirty):
                if blobs[shard]:
                    _replace(self._shard_file(shard), blobs[shard])
            _replace(self.path, _MAGIC + _sign(self.key, body) + body)
        except OSError:
            return


def _shard_digest(blob: bytes) -> bytes:
    return hashlib.sha256(blob).digest()


def _replace(path: Path, data: bytes) -> None:
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    os.replace(partial, path)
