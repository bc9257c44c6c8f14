"""The site is dated by the records' newest commit, not by the day it is built, so rebuilding
the same records later gives the same bytes (mkdocs reads the date from SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.site import shared
from tests.site.conftest import NOW, DemoSite

COMMITTED = "2022-03-15T10:00:00+08:00"  # a past day: a build dated today would show it


def _build(root: Path, site: Path) -> dict[str, bytes]:
    result = CliRunner().invoke(
        main, ["build", "--root", str(root), "--now", NOW, "--site-dir", str(site)]
    )
    assert result.exit_code == 0, result.output
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_builds_give_the_same_bytes_dated_by_the_newest_commit(
    demo_site: DemoSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = tmp_path / "repo"
    shutil.copytree(demo_site.root, root)
    env = {**os.environ, "GIT_COMMITTER_DATE": COMMITTED, "GIT_AUTHOR_DATE": COMMITTED}
    who = ["-c", "user.name=t", "-c", "user.email=t@example.cn"]
    commit = ["commit", "-q", "--allow-empty", "-m", "later"]
    subprocess.run(["git", "-C", str(root), *who, *commit], check=True, env=env)
    first = _build(root, tmp_path / "one")
    second = _build(root, tmp_path / "two")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert "sitemap.xml.gz" in first and "generated/data/catalogue.json" in first
    # The gzip header's mtime is the commit's day (00:00 UTC), not today.
    (mtime,) = struct.unpack("<I", first["sitemap.xml.gz"][4:8])
    assert datetime.fromtimestamp(mtime, UTC).date().isoformat() == "2022-03-15"
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_need_pages_written_by_two_processes_are_the_same_bytes(
    demo_site: DemoSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The demo has too few needs to share them with a forked process: share even one, a page a
    # chunk, so both processes write pages.
    monkeypatch.setattr(shared, "MIN_ITEMS", 1)
    monkeypatch.setattr(shared, "CHUNK", 1)
    built = _build(demo_site.root, tmp_path / "site")
    before = {
        str(p.relative_to(demo_site.site)): p.read_bytes()
        for p in demo_site.site.rglob("*")
        if p.is_file()
    }
    assert built.keys() == before.keys()
    assert [name for name in built if built[name] != before[name]] == []
    assert sum(name.startswith("generated/needs/") for name in built) > 10
