"""Time `techvp validate` on a large generated repository beside its floor, in the same run.

Floor: reading and parsing the same files with PyYAML's C loader alone, nothing else.
Cold runs pass --no-cache; the warm cases time a run through the cache (the content-hash cache
and the incremental rules) after one need file was edited in different ways (the cache filled
by the run before), against the cold run.
Run by hand: python benchmarks/validate.py [--needs 20000] [--experts 20000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from demo_repo import generate


def floor(root: Path) -> tuple[float, int]:
    start = time.perf_counter()
    files = sorted((root / "submissions").rglob("*.yaml"))
    for path in files:
        with path.open("rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start, len(files)


# A user's Python keeps each module's bytecode; this sandbox sets PYTHONDONTWRITEBYTECODE, which
# would have every run compile techvp's own modules again (0.15 s).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def ours(root: Path, one_core: bool = False, cache: bool = False) -> tuple[float, int]:
    """techvp validate as a user runs it; `one_core` pins it to one core like the floor; without
    `cache`, --no-cache (a cold run)."""
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "techvp",
            "validate",
            "--root",
            str(root),
            "--format",
            "json",
            "--now",
            "2022-03-01T09:00:00+08:00",
            *([] if cache else ["--no-cache"]),
        ],
        capture_output=True,
        check=False,
        env=_ENV,
        preexec_fn=_one_core if one_core else None,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(result.stderr.decode())
    return elapsed, result.returncode


# One record file changed between warm runs, each edit to the same need: what a district
# re-checking after an edit does. `run` makes each edit differ from the last.
EDITS: dict[str, Callable[[str, int], str]] = {
    "nothing changed": lambda text, run: text,
    "a comment line appended": lambda text, run: text + f"# 改动 {run}\n",
    "a value the rules read (employees)": lambda text, run: re.sub(
        r"^  employees: .*$", f"  employees: {120 + run}", text, count=1, flags=re.M
    ),
    "a value no rule reads (problem)": lambda text, run: re.sub(
        r"^problem: ", f"problem: 第{run}版。", text, count=1, flags=re.M
    ),
}


def checked(root: Path) -> int:
    """How many files the rules checked in the last run through the cache (once it has kept
    what it found, after its report)."""
    from techvp.cache import FolderLock, RecordCache
    from techvp.guard.scan import scan_bytes
    from techvp.incremental.memo import load_memo

    FolderLock(root).release()
    cache = RecordCache(root, scan_bytes)
    memo = load_memo(root, cache.program, cache.stamp)
    return -1 if memo is None else memo.checked


def warm(root: Path, runs: int) -> tuple[float, dict[str, tuple[float, int]]]:
    """(filling an empty cache, each edit's best warm run and the files it checked), all cores."""
    shutil.rmtree(root / ".techvp-cache", ignore_errors=True)
    filling = ours(root, cache=True)[0]
    changed = sorted((root / "submissions" / "needs").rglob("*.yaml"))[0]
    original = changed.read_text(encoding="utf-8")
    out: dict[str, tuple[float, int]] = {}
    try:
        for label, edit in EDITS.items():
            times = []
            for run in range(runs):
                changed.write_text(edit(original, run + 1), encoding="utf-8")
                times.append(ours(root, cache=True)[0])
            out[label] = (min(times), checked(root))
    finally:
        changed.write_text(original, encoding="utf-8")
    return filling, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--needs", type=int, default=20_000)
    parser.add_argument("--experts", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="reuse or keep the generated repository here")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="techvp-bench-"))
    if not (root / "submissions").exists():
        seconds = generate(root, args.needs, args.experts, "--seed", str(args.seed), "--no-staff")
        print(f"generated in {seconds:.1f} s")

    # Warm the page cache once so neither side pays for the first read alone.
    floor(root)
    floors, times, pinned = [], [], []
    for _ in range(args.runs):
        seconds, files = floor(root)
        floors.append(seconds)
        seconds, code = ours(root)
        times.append(seconds)
        pinned.append(ours(root, one_core=True)[0])
    best_floor, best_ours, best_pinned = min(floors), min(times), min(pinned)
    print(f"files: {files}   techvp exit code: {code}   cores: {len(os.sched_getaffinity(0))}")
    print(f"{'floor (PyYAML C loader only, one core)':<40}{best_floor:6.2f} s")
    for label, seconds in (
        ("techvp validate (all cores)", best_ours),
        ("techvp validate (one core)", best_pinned),
    ):
        print(f"{label:<40}{seconds:6.2f} s   ratio {seconds / best_floor:.2f}")
    print("goal: ratio ≤ 1.5 and ≤ 15 s")
    filling, edits = warm(root, args.runs)
    label = "cold, filling an empty cache"
    print(f"{label:<40}{filling:6.2f} s   vs cold {filling / best_ours:.2f}")
    for label, (seconds, files) in edits.items():
        print(f"{'warm, ' + label:<40}{seconds:6.2f} s   vs cold {seconds / best_ours:.2f}", end="")
        print(f"   files checked again: {files}")
    print("goal: warm ≤ 1 s")


if __name__ == "__main__":
    main()
