"""Deadlines judge only what a change adds: real Git repositories, made with GitPython."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import git
from click.testing import CliRunner

from techvp.changes import added_files
from techvp.cli import main
from tests.conftest import run_validate
from tests.factories import BATCH, EXPERT, NEED, dump, record, write, write_repo

AFTER_ALL_DEADLINES = datetime(2026, 11, 22, tzinfo=UTC)
LATE_NEED = "submissions/needs/wuhan-2022/jiangan/late-need.yaml"


def late_files(root: Path, base: str | None = None) -> list[str]:
    from techvp.build import run

    findings = run(root, AFTER_ALL_DEADLINES, base).findings
    return sorted(d.location.file for d in findings if d.code == "policy.late")


def committed_repo(root: Path) -> git.Repo:
    write_repo(root, batch=[BATCH], need=[NEED], expert=[EXPERT])
    repo = git.Repo.init(root, initial_branch="main")
    repo.index.add(["submissions"])
    repo.index.commit("demo")
    return repo


def test_outside_git_every_record_is_judged(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH], need=[NEED], expert=[EXPERT])
    assert added_files(tmp_path, None) is None
    assert late_files(tmp_path) == [
        "submissions/experts/wuhan-2022/li-ming-hust.yaml",
        "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml",
    ]


def test_committed_records_are_not_late_but_a_new_file_is(tmp_path: Path) -> None:
    committed_repo(tmp_path)
    assert late_files(tmp_path) == []
    write(tmp_path, LATE_NEED, dump(record(NEED, id="late-need")))
    assert added_files(tmp_path, None) == {LATE_NEED}
    assert late_files(tmp_path) == [LATE_NEED]


def test_pull_request_branch_judged_against_its_base(tmp_path: Path) -> None:
    repo = committed_repo(tmp_path)
    repo.git.checkout("-b", "pr")
    write(tmp_path, LATE_NEED, dump(record(NEED, id="late-need")))
    repo.index.add([LATE_NEED])
    repo.index.commit("add a need after the deadline")
    assert late_files(tmp_path) == []  # committed on the branch: not new relative to HEAD
    assert late_files(tmp_path, base="main") == [LATE_NEED]


def test_root_below_the_git_top_level(tmp_path: Path) -> None:
    project = tmp_path / "programme"
    write_repo(project, batch=[BATCH], need=[NEED])
    repo = git.Repo.init(tmp_path, initial_branch="main")
    repo.index.add(["programme/submissions"])
    repo.index.commit("demo in a sub-folder")
    write(project, LATE_NEED, dump(record(NEED, id="late-need")))
    write(tmp_path, LATE_NEED, dump(record(NEED, id="outside-the-project")))
    assert added_files(project, None) == {LATE_NEED}


def test_bad_base_is_a_usage_error(tmp_path: Path) -> None:
    committed_repo(tmp_path)
    result = CliRunner().invoke(main, ["validate", "--root", str(tmp_path), "--base", "nope"])
    assert result.exit_code == 2
    assert "找不到 Git 版本“nope”" in result.output


def test_validate_without_now_in_a_fresh_clone_of_the_demo_passes(tmp_path: Path) -> None:
    """What a newcomer runs: the shipped demo is years past its deadlines, yet valid."""
    source = Path(__file__).resolve().parent.parent
    clone = git.Repo(source).clone(tmp_path / "clone")
    result = CliRunner().invoke(main, ["build", "--root", clone.working_tree_dir])
    assert result.exit_code == 0, result.output
    assert "0 个错误" in result.output
    assert run_validate(Path(clone.working_tree_dir)).ok


def test_git_vouches_only_for_files_it_tracks_plainly() -> None:
    from techvp.changes import _tags

    assert _tags("H a.yaml\0H 需求 b.yaml\0") == ({"a.yaml", "需求 b.yaml"}, frozenset())
    # skip-worktree, assume-unchanged (lower case), unmerged: never vouched for
    assert _tags("S x\0H a\0h b\0M c\0") == ({"a"}, frozenset({"x", "b", "c"}))
    assert _tags("") == (set(), frozenset())
