"""The content-hash cache: a warm run gives exactly what a cold one gives, and a change to a
record, the batch file or the program reads again what it must."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

import techvp
from techvp.cache import FOLDER, FolderLock, RecordCache, program_key
from techvp.cli import main
from techvp.diagnostics import Findings
from techvp.guard.scan import scan_bytes
from techvp.layout import Candidate, find_candidates
from techvp.repo import load_dataset
from tests.factories import BATCH, EXPERT, NEED, dump, record, write, write_repo

NEED_FILE = "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml"
BATCH_FILE = "submissions/batches/wuhan-2022.yaml"
OTHER = [record(NEED, id=f"need-{n:03d}", problem=f"第 {n} 项技术难题：激光焊接") for n in range(8)]


@pytest.fixture(autouse=True)
def own_key(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test signs its caches with a key of its own (kept where XDG_CACHE_HOME says)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("home-cache")))


def validate(root: Path, *options: str) -> tuple[int, str]:
    args = ["validate", "--root", str(root), "--now", "2022-03-01T09:00:00+08:00", *options]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, result.output


def outputs(root: Path) -> list[tuple[int, str]]:
    """Text and JSON output through the cache, then both again without it."""
    cached = [validate(root), validate(root, "--format", "json")]
    cold = [validate(root, "--no-cache"), validate(root, "--no-cache", "--format", "json")]
    assert cached == cold
    return cached


def repo(root: Path) -> Path:
    write_repo(root, batch=[BATCH], need=[NEED, *OTHER], expert=[EXPERT])
    # A broken file and a file with a finding are cached as they are.
    write(root, "submissions/needs/wuhan-2022/jiangan/broken.yaml", "id: broken\nbatch: [\n")
    return root


def reused(root: Path) -> int:
    cache = RecordCache(root, scan_bytes)
    load_dataset(root, inspect=scan_bytes, cache=cache)
    return cache.reused


def test_warm_runs_are_byte_identical_to_cold_ones(tmp_path: Path) -> None:
    root = repo(tmp_path)
    first = outputs(root)
    assert (root / FOLDER / ".gitignore").read_text() == "*\n"
    assert outputs(root) == first
    assert reused(root) == 12  # every file: the batch, ten needs (one broken), the expert


def test_a_changed_record_is_read_again(tmp_path: Path) -> None:
    root = repo(tmp_path)
    before = outputs(root)
    write(root, NEED_FILE, dump(record(NEED, employees="abc")))
    after = outputs(root)
    assert after != before and "employees" in after[0][1]
    assert reused(root) == 12
    (root / NEED_FILE).unlink()
    assert NEED_FILE not in outputs(root)[1][1]
    assert reused(root) == 11


def test_a_changed_batch_file_changes_every_rule_that_reads_it(tmp_path: Path) -> None:
    root = repo(tmp_path)
    before = outputs(root)
    write(root, BATCH_FILE, dump(record(BATCH, industries=["高端装备制造"])))
    after = outputs(root)
    assert after != before and after[0][0] == 1  # the needs' industry is no longer listed


def test_the_program_is_part_of_the_key(tmp_path: Path) -> None:
    package = Path(techvp.__file__).parent
    copy = shutil.copytree(package, tmp_path / "techvp", ignore=shutil.ignore_patterns("*.pyc"))
    assert program_key(scan_bytes, copy) == program_key(scan_bytes, package)
    with (copy / "models" / "need.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# a changed rule\n")
    assert program_key(scan_bytes, copy) != program_key(scan_bytes, package)
    assert program_key(None) != program_key(scan_bytes)
    root = repo(tmp_path / "records")
    outputs(root)
    assert reused(root) == 12
    changed = RecordCache(root, scan_bytes, copy)
    assert changed.index == {}
    load_dataset(root, inspect=scan_bytes, cache=changed)
    assert changed.reused == 0


def test_a_cache_signed_by_someone_else_or_damaged_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = repo(tmp_path)
    first = outputs(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-user"))
    assert reused(root) == 0
    assert outputs(root) == first
    data = root / FOLDER / "records.bin"
    data.write_bytes(data.read_bytes()[:-100])
    assert outputs(root) == first
    data.write_bytes(b"")
    assert outputs(root) == first


def test_the_command_uses_the_cache_and_no_cache_bypasses_it(tmp_path: Path) -> None:
    root = repo(tmp_path)
    command = [
        sys.executable,
        "-m",
        "techvp",
        "validate",
        "--root",
        str(root),
        "--now",
        "2022-03-01",
    ]
    runs = [subprocess.run([*command, *extra], capture_output=True) for extra in ([], [])]
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == 1
    FolderLock(root).release()  # the program keeps its findings after its report: wait for it
    shutil.rmtree(root / FOLDER)
    bypass = subprocess.run([*command, "--no-cache"], capture_output=True)
    assert bypass.stdout == runs[0].stdout and not (root / FOLDER).exists()


def test_files_unchanged_since_long_before_are_known_by_their_times(tmp_path: Path) -> None:
    """Like Git's index: old, untouched files are not read; a file edited in place (same size)
    has a new change time and is read again."""
    root = repo(tmp_path)
    time.sleep(2.1)  # older than the racy margin by the time they are hashed
    first = outputs(root)
    cache = RecordCache(root, scan_bytes)
    load_dataset(root, inspect=scan_bytes, cache=cache)
    assert cache.reused == 12 and cache.seen == cache.index  # nothing read, nothing to save
    text = (root / NEED_FILE).read_text(encoding="utf-8")
    (root / NEED_FILE).write_text(text.replace("120", "1z0"), encoding="utf-8")
    assert outputs(root) != first
    assert reused(root) == 12


def test_records_from_the_cache_are_the_records_read_afresh(tmp_path: Path) -> None:
    """The cache keeps models in its own compact form: they come back equal, with the same set
    fields (what `exclude_unset` dumps and the record writer rely on), and still frozen."""
    root = repo(tmp_path)
    cold, _ = load_dataset(root, inspect=scan_bytes)
    outputs(root)  # fills the cache
    cache = RecordCache(root, scan_bytes)
    warm, _ = load_dataset(root, inspect=scan_bytes, cache=cache)
    assert cache.reused == 12
    assert warm.needs.keys() == cold.needs.keys() and len(warm.needs) == 9
    for key, loaded in cold.needs.items():
        again = warm.needs[key].record
        assert again == loaded.record and again is not loaded.record
        assert again.model_dump(exclude_unset=True) == loaded.record.model_dump(exclude_unset=True)
        assert again.model_fields_set == loaded.record.model_fields_set
    first, second = (loaded.record for loaded in list(warm.needs.values())[:2])
    with pytest.raises(ValidationError):
        first.id = "other"
    # Records share their set of set fields in the cache; a copy with changes has its own.
    copy = first.model_copy(update={"employees": 7})
    assert copy.employees == 7 and first.model_fields_set == second.model_fields_set
    assert "employees" in copy.model_fields_set


def shard_files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / FOLDER).glob("shard-*.bin"))}


def test_a_changed_file_rewrites_one_shard_and_a_tampered_shard_is_not_used(
    tmp_path: Path,
) -> None:
    root = repo(tmp_path)
    first = outputs(root)
    before = shard_files(root)
    write(root, NEED_FILE, dump(record(NEED, employees=121)))
    changed = outputs(root)
    after = shard_files(root)
    assert after.keys() == before.keys()
    assert sum(after[name] != before[name] for name in after) == 1
    write(root, NEED_FILE, dump(record(NEED)))
    assert outputs(root) == first != changed
    name = next(iter(after))
    (root / FOLDER / name).write_bytes(after[name] + b"\n")
    assert reused(root) == 0
    assert outputs(root) == first
    assert reused(root) == 12


def test_a_shard_is_read_only_when_needed_and_checked_when_its_file_was_replaced(
    tmp_path: Path,
) -> None:
    root = repo(tmp_path)
    outputs(root)
    cache = RecordCache(root, scan_bytes)
    assert all(blob is None for blob in cache.blobs if blob != b"")  # trusted by their times
    # Replaced after the index was read: the hash no longer matches, so nothing of it is
    # unpickled and its files are read afresh.
    name = next(iter(shard_files(root)))
    (root / FOLDER / name).write_bytes(pickle.dumps({NEED_FILE: b"not a payload"}))
    got = {cand.rel: (record, doc.data) for cand, record, doc in cache.read_all(cands(root), 60)}
    fresh = RecordCache(tmp_path / "nowhere", scan_bytes)  # no cache: everything read
    assert got == {c.rel: (r, d.data) for c, r, d in fresh.read_all(cands(root), 60)}
    # A copied cache (every time changed, the same bytes) is trusted by its hashes.
    shutil.rmtree(root / FOLDER)
    outputs(root)
    shutil.copytree(root / FOLDER, tmp_path / "copy")
    shutil.rmtree(root / FOLDER)
    shutil.copytree(tmp_path / "copy", root / FOLDER)
    assert reused(root) == 12


def cands(root: Path) -> list[Candidate]:
    return find_candidates(root, Findings())
