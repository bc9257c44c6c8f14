"""Generated files kept in sync with their generator, one way for all of them.

A test renders what a committed, generated file must contain (schemas/, templates/,
docs/privacy.md, README's internal-field list, the shipped demo) and calls `assert_golden`
(or `assert_golden_tree` for a folder). A stale file fails the test and names the command to
refresh; `python -m pytest --regen` rewrites every stale file instead (review `git diff`, commit).
"""

from __future__ import annotations

from pathlib import Path

REFRESH = "stale generated file: run `python -m pytest --regen`, review `git diff`, commit"
REGEN = False  # set from the --regen option by tests/conftest.py


def assert_golden(path: Path, text: str) -> None:
    """path holds exactly text (UTF-8); with --regen, make it so."""
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if current == text:
        return
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert current == text, f"{path}: {REFRESH}"


def assert_golden_tree(root: Path, files: dict[str, str]) -> None:
    """root holds exactly these files (relative path → text) and no others; --regen makes it so."""
    present = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    extra = sorted(present - set(files))
    if REGEN:
        for rel in extra:
            (root / rel).unlink()
    else:
        assert extra == [], f"{root}: not generated any more: {extra[:5]}; {REFRESH}"
    stale = [rel for rel, text in sorted(files.items()) if not _same(root / rel, text)]
    if REGEN:
        for rel in stale:
            assert_golden(root / rel, files[rel])
    else:
        assert stale == [], f"{root}: {len(stale)} stale, e.g. {stale[:5]}; {REFRESH}"


def _same(path: Path, text: str) -> bool:
    return path.is_file() and path.read_bytes() == text.encode("utf-8")
