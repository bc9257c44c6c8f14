"""When each record file was first submitted and last changed, from one `git log` pass."""

from __future__ import annotations

import subprocess
from pathlib import Path

_MARK = "\x00commit "


def file_dates(root: Path, under: str = "submissions") -> dict[str, tuple[str, str]]:
    """Path (relative to root) → (first commit date, last commit date), YYYY-MM-DD.

    One `git log` over the whole folder, newest commit first; a path's last change is the first
    commit naming it and its first submission the last one. {} outside a Git work tree."""
    try:
        top = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-prefix"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        out = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00commit %cI", "--name-only", "--", under],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, tuple[str, str]] = {}
    day = ""
    for line in out.splitlines():
        if line.startswith(_MARK):
            day = line[len(_MARK) : len(_MARK) + 10]
        elif line:
            rel = line.removeprefix(top) if top else line
            last = dates[rel][1] if rel in dates else day
            dates[rel] = (day, last)
    return dates
