"""Read and check record files: one at a time, or many at once on every core."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from techvp.diagnostics import Diagnostic, Location, error
from techvp.layout import Candidate
from techvp.modelcheck import check_record
from techvp.recordpickle import dumps, pack, unpack
from techvp.yamlio import MAX_FILE_BYTES, YamlDocument, parse_bytes

# Wall-clock budget for loading: far above a real repository (~1 ms a file), it only stops a
# pathological submission from holding CI for hours.
MAX_SECONDS = 900.0


def consistency(cand: Candidate, doc: YamlDocument) -> list[Diagnostic]:
    """The id field must equal the file stem, and batch/region/expert fields their folders."""
    data = doc.data if isinstance(doc.data, dict) else {}
    out = []
    checks = [(cand.kind.id_key, cand.stem, None), *((k, v, v) for k, v in cand.folders.items())]
    for key, expected, folder in checks:
        value = data.get(key)
        if not isinstance(value, str) or value == expected:
            continue  # a missing or mistyped value is reported by the schema check
        loc = doc.locate((key,))
        if folder is None:
            out.append(error("path.id-mismatch", loc, key=key, value=value, expected=expected))
        else:
            out.append(error("path.folder-mismatch", loc, key=key, value=value, folder=folder))
    return out


# Looks at a file's raw bytes (the personal-data guard); its findings never invalidate the record.
Inspector = Callable[[bytes, str], list[Diagnostic]]  # (raw bytes, relative path)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


def _read(path: str) -> bytes:
    """A file's bytes, refused unread above MAX_FILE_BYTES. Plain system calls: a buffered file
    object costs more than reading a record file does."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if size > MAX_FILE_BYTES:
            raise _TooLarge(size)
        raw = os.read(fd, size + 1)  # all of it in one call, unless it grew meanwhile
        if len(raw) <= size:
            return raw
        parts = [raw]
        while chunk := os.read(fd, 1 << 16):
            parts.append(chunk)
        return b"".join(parts)
    finally:
        os.close(fd)


def load_file(cand: Candidate, inspect: Inspector | None = None) -> tuple[Any, YamlDocument]:
    """Parse and check one record file; the record is None when it is not valid."""
    try:
        raw = _read(cand.path)
    except _TooLarge as exc:
        doc = YamlDocument(cand.rel)
        loc = Location(cand.rel, 1, 1)
        doc.diagnostics.append(error("yaml.too-large", loc, size=exc.size, limit=MAX_FILE_BYTES))
        return None, doc
    except OSError as exc:
        doc = YamlDocument(cand.rel)
        doc.diagnostics.append(
            error("yaml.unreadable", Location(cand.rel, 1, 1), reason=exc.strerror)
        )
        return None, doc
    record, doc = _check_bytes(cand, raw)
    # The record now holds what rules need; dropping the raw tree halves what is kept (and what
    # crosses between processes). A record that did not load keeps it: rules read it to explain
    # findings that depend on that record.
    if record is not None:
        doc.data = None
    if inspect is not None:
        doc.diagnostics.extend(inspect(raw, cand.rel))
    return record, doc


def _check_bytes(cand: Candidate, raw: bytes) -> tuple[Any, YamlDocument]:
    doc = parse_bytes(raw, cand.rel)
    if not doc.readable:  # a comment after a value still leaves the rest worth checking
        return None, doc
    if doc.data is None:
        doc.diagnostics.append(error("yaml.empty", Location(cand.rel, 1, 1)))
        return None, doc
    if not isinstance(doc.data, dict):
        found = "列表" if isinstance(doc.data, list) else f"一段文字“{str(doc.data)[:30]}”"
        doc.diagnostics.append(error("yaml.not-mapping", Location(cand.rel, 1, 1), found=found))
        return None, doc
    record, problems = check_record(cand.kind.model, doc)
    doc.diagnostics.extend(problems)
    doc.diagnostics.extend(consistency(cand, doc))
    return (record if doc.ok else None), doc


# ---- many files ------------------------------------------------------------------------------

# Below this many files a second process costs more than it saves.
PARALLEL_MIN_FILES = 4000
CHUNK = 400
Result = tuple[Candidate, Any, YamlDocument]

# What forked workers read: set just before the pool forks, so nothing is pickled on the way in.
_JOB: tuple[Sequence[Candidate], Inspector | None] = ((), None)


def _work(span: tuple[int, int]) -> bytes:
    """One chunk's (record, document) pairs, packed and pickled by techvp.recordpickle: the main
    process unpickles every record of the repository, and pickle's own way (each model's state
    dictionary, every position table) took it twice the CPU (9 s against 4.5 s at 95,001 files)."""
    cands, inspect = _JOB
    return dumps([pack(*load_file(cand, inspect)) for cand in cands[span[0] : span[1]]])


def _workers(count: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    fork = "fork" in multiprocessing.get_all_start_methods()
    return min(cores or 1, 8) if fork and count >= PARALLEL_MIN_FILES else 1


def read_all(
    cands: Sequence[Candidate], inspect: Inspector | None, budget_seconds: float
) -> Iterator[Result]:
    """Each file's (candidate, record, document), in the order given; stops early, leaving
    the rest unread, once `budget_seconds` of wall-clock time are spent."""
    deadline = time.monotonic() + budget_seconds
    workers = _workers(len(cands))
    if workers == 1:
        for cand in cands:
            if time.monotonic() > deadline:
                return
            yield (cand, *load_file(cand, inspect))
        return
    global _JOB
    _JOB = (cands, inspect)
    spans = [(i, min(i + CHUNK, len(cands))) for i in range(0, len(cands), CHUNK)]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for (start, _), results in zip(spans, pool.imap(_work, spans), strict=True):
                if time.monotonic() > deadline:
                    pool.terminate()
                    return
                for offset, payload in enumerate(pickle.loads(results)):
                    cand = cands[start + offset]
                    yield cand, *unpack(cand.rel, payload)
    finally:
        _JOB = ((), None)
