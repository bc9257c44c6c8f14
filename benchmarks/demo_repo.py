"""The generated repository every benchmark times: `techvp demo` run as a user runs it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def generate(root: Path, needs: int, experts: int, *options: str) -> float:
    """Write a demo repository of this size into root (new or empty); returns the seconds taken.

    `options` are further `techvp demo` options, e.g. "--seed", "7" or "--no-staff"."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "techvp", "demo", "--out", str(root)]
    sizes = ["--needs", str(needs), "--experts", str(experts)]
    subprocess.run(
        [*command, *sizes, *options],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start
