"""Pages shared with a forked process (techvp.site.shared): every item is done once the call
returns, whichever process did it, and a failure anywhere is raised in the caller."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from techvp.site import shared


@pytest.fixture(autouse=True)
def _small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shared, "MIN_ITEMS", 1)
    monkeypatch.setattr(shared, "CHUNK", 3)


def _writer(out: Path, fail_in_fork: bool = False) -> Callable[[Sequence[int]], None]:
    """Appends a line naming the writing process to one file per item."""
    parent = os.getpid()

    def each(chunk: Sequence[int]) -> None:
        if fail_in_fork and os.getpid() != parent:
            raise OSError("disk full")
        for item in chunk:
            with (out / f"{item}.txt").open("a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")

    return each


def _children() -> set[str]:
    """This process's children, zombies included (Linux)."""
    tasks = Path("/proc/self/task").iterdir()
    return {pid for task in tasks for pid in (task / "children").read_text().split()}


def _lines(out: Path) -> dict[int, list[str]]:
    return {int(p.stem): p.read_text().splitlines() for p in out.glob("*.txt")}


def test_every_item_is_written_exactly_once_by_one_of_two_processes(tmp_path: Path) -> None:
    shared.share(list(range(60)), _writer(tmp_path), lambda: None)
    lines = _lines(tmp_path)
    assert sorted(lines) == list(range(60))
    assert all(len(by) == 1 for by in lines.values())


def test_what_the_forked_process_failed_to_do_is_done_again_by_the_caller(tmp_path: Path) -> None:
    shared.share(list(range(60)), _writer(tmp_path, fail_in_fork=True), lambda: None)
    lines = _lines(tmp_path)
    assert sorted(lines) == list(range(60))
    assert {pid for by in lines.values() for pid in by} == {str(os.getpid())}


def test_an_error_in_the_caller_is_raised_and_leaves_no_process_behind(tmp_path: Path) -> None:
    def first() -> None:
        raise ValueError("bad record")

    before = _children()
    with pytest.raises(ValueError, match="bad record"):
        shared.share(list(range(60)), _writer(tmp_path), first)
    assert _children() <= before
