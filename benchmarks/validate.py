"""Time `techvp validate` on a large generated repository beside its floor, in the same run.

Floor: reading and parsing the same files with PyYAML's C loader alone, nothing else.
Cold runs pass --no-cache; the warm case times a run through the content-hash cache after one
record file changed (the cache filled by the run before), against the cold run.
Run by hand: python benchmarks/validate.py [--needs 20000] [--experts 20000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
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
        preexec_fn=_one_core if one_core else None,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(result.stderr.decode())
    return elapsed, result.returncode


def warm(root: Path, runs: int) -> tuple[float, float]:
    """(filling an empty cache, best warm run after one record file changed), all cores."""
    shutil.rmtree(root / ".techvp-cache", ignore_errors=True)
    filling = ours(root, cache=True)[0]
    changed = sorted((root / "submissions" / "needs").rglob("*.yaml"))[0]
    original = changed.read_bytes()
    times = []
    try:
        for run in range(runs):
            changed.write_bytes(original + f"# 改动 {run}\n".encode())
            times.append(ours(root, cache=True)[0])
    finally:
        changed.write_bytes(original)
    return filling, min(times)


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
    filling, best_warm = warm(root, args.runs)
    for label, seconds in (
        ("cold, filling an empty cache", filling),
        ("warm, one file changed", best_warm),
    ):
        print(f"{label:<40}{seconds:6.2f} s   vs cold {seconds / best_ours:.2f}")
    print("goal: warm ≤ 1 s")


if __name__ == "__main__":
    main()
