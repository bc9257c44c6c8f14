"""`pytest --regen` refreshes every stale generated file; without it, a stale file fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import golden


def test_a_stale_file_fails_and_names_the_command(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("old", encoding="utf-8")
    with pytest.raises(AssertionError, match="--regen"):
        golden.assert_golden(tmp_path / "a.json", "new")
    with pytest.raises(AssertionError, match="--regen"):
        golden.assert_golden(tmp_path / "missing.json", "new")


def test_regen_rewrites_stale_files_and_removes_files_no_longer_generated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "needs").mkdir()
    (tmp_path / "needs/old.yaml").write_text("id: old\n", encoding="utf-8")
    (tmp_path / "needs/kept.yaml").write_text("id: stale\n", encoding="utf-8")
    files = {"needs/kept.yaml": "id: kept\n", "needs/new.yaml": "id: new\n"}
    with pytest.raises(AssertionError, match=r"old\.yaml"):
        golden.assert_golden_tree(tmp_path, files)
    monkeypatch.setattr(golden, "REGEN", True)
    golden.assert_golden_tree(tmp_path, files)
    monkeypatch.setattr(golden, "REGEN", False)
    golden.assert_golden_tree(tmp_path, files)
    assert sorted(p.name for p in (tmp_path / "needs").iterdir()) == ["kept.yaml", "new.yaml"]
