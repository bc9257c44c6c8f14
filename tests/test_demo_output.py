"""`techvp demo --out DIR` as a newcomer runs it: a fresh Git repository that validates clean,
never mixed with or written over other files, and `--force` only ever replaces an earlier demo."""

from __future__ import annotations

from pathlib import Path

import git
import pytest
from click.testing import CliRunner, Result

from techvp.cli import main
from techvp.demo.output import prepare_output
from techvp.diagnostics import TechvpError
from techvp.yamlio import parse_text
from tests.factories import BATCH, NEED, write_repo

# No user name or e-mail configured anywhere: the demo must commit all the same.
NO_GIT_IDENTITY = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def techvp(*args: str) -> Result:
    return CliRunner(env=NO_GIT_IDENTITY).invoke(main, list(args))


def records(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.yaml"))


def test_demo_then_validate_passes_today_without_a_late_error(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    made = techvp("demo", "--out", str(out), "--needs", "6", "--experts", "8")
    assert made.exit_code == 0, made.output
    checked = techvp("validate", "--root", str(out))  # judged at today's date
    assert checked.exit_code == 0, checked.output
    assert "：0 个错误" in checked.output and "policy.late" not in checked.output
    repo = git.Repo(out)
    assert not repo.is_dirty(untracked_files=True)
    (commit,) = repo.iter_commits()
    assert commit.author.name == "techvp demo"
    assert commit.authored_datetime.isoformat() == "2022-03-15T09:00:00+08:00"


def test_same_seed_gives_the_same_commit(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert techvp("demo", "--out", str(tmp_path / name), "--needs", "3").exit_code == 0
    assert git.Repo(tmp_path / "a").head.commit == git.Repo(tmp_path / "b").head.commit


def test_a_second_run_is_refused_and_force_replaces_the_earlier_demo(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    techvp("demo", "--out", str(out), "--needs", "9", "--experts", "9", "--no-staff")
    before = records(out)
    assert techvp("validate", "--root", str(out)).exit_code == 0  # leaves .techvp-cache/
    again = techvp("demo", "--out", str(out), "--needs", "2", "--experts", "2", "--no-staff")
    assert again.exit_code == 2
    assert f"目录 {out} 不是空的" in again.output and "--force" in again.output
    assert records(out) == before
    forced = techvp(
        "demo", "--out", str(out), "--needs", "2", "--experts", "2", "--no-staff", "--force"
    )
    assert forced.exit_code == 0, forced.output
    assert len([r for r in records(out) if r.startswith("submissions/needs/")]) == 2
    assert len(list(git.Repo(out).iter_commits())) == 1
    assert techvp("validate", "--root", str(out)).exit_code == 0


def test_demo_into_a_clone_with_committed_work_is_refused_even_with_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = write_repo(tmp_path / "clone", batch=[BATCH], need=[NEED])
    repo = git.Repo.init(clone, initial_branch="main")
    repo.index.add(["submissions"])
    repo.index.commit("需求", author=git.Actor("王工", "wang@example.cn"))
    before = {p: (clone / p).read_bytes() for p in records(clone)}
    monkeypatch.chdir(clone)
    plain = techvp("demo", "--out", ".")
    assert plain.exit_code == 2 and "目录 . 不是空的" in plain.output
    forced = techvp("demo", "--out", ".", "--force")
    assert forced.exit_code == 2
    assert f"位于已有提交的 Git 仓库 {clone}" in forced.output
    assert "以免删除已提交的工作" in forced.output
    inside = techvp("demo", "--out", "submissions", "--force")
    assert inside.exit_code == 2 and "位于已有提交的 Git 仓库" in inside.output
    assert {p: (clone / p).read_bytes() for p in records(clone)} == before
    assert not repo.is_dirty(untracked_files=True)


def test_force_does_not_empty_a_folder_the_demo_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("我的笔记", encoding="utf-8")
    refused = techvp("demo", "--out", str(tmp_path), "--force")
    assert refused.exit_code == 2
    assert f"目录 {tmp_path} 不是 techvp demo 生成的示例仓库" in refused.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "我的笔记"
    a_file = techvp("demo", "--out", str(tmp_path / "notes.txt"))
    assert a_file.exit_code == 2 and "是一个文件，不是目录" in a_file.output


def test_each_refusal_is_a_diagnostic_with_its_own_code(tmp_path: Path) -> None:
    (tmp_path / "own").mkdir()
    (tmp_path / "own/notes.txt").write_text("x", encoding="utf-8")
    git.Repo.init(tmp_path / "clone").index.commit("x", author=git.Actor("王工", "w@example.cn"))
    (tmp_path / "clone/a.txt").write_text("x", encoding="utf-8")
    cases = [
        (tmp_path / "own/notes.txt", False, "demo.not-a-folder"),
        (tmp_path / "own", False, "demo.not-empty"),
        (tmp_path / "own", True, "demo.not-demo"),
        (tmp_path / "clone", True, "demo.in-repository"),
    ]
    for out, force, code in cases:
        with pytest.raises(TechvpError) as caught:
            prepare_output(out, force)
        assert caught.value.diagnostic.code == code


def test_demo_applications_sets_how_many_needs_each_expert_applies_to(tmp_path: Path) -> None:
    """The matching benchmark asks for about 5 applications an expert; the default stays 1–3."""
    out = tmp_path / "many"
    args = ["demo", "--out", str(out), "--needs", "40", "--experts", "60", "--no-staff"]
    assert CliRunner().invoke(main, [*args, "--applications", "9"]).exit_code == 0
    counts = [
        len(parse_text(p.read_text(encoding="utf-8"), p.name).data["applications"])
        for p in sorted((out / "submissions/experts").rglob("*.yaml"))
    ]
    assert max(counts) > 3 and min(counts) >= 1 and max(counts) <= 9
