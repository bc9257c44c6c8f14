"""Git history as data, and the reviewer's warning about changes to someone else's record: real
Git repositories made with GitPython, commits by different people on different days."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import git
import openpyxl
from click.testing import CliRunner

from techvp.build import run
from techvp.cli import main
from techvp.excel.forms import export_batch
from techvp.history import file_history, ownership
from tests.factories import BATCH, EXPERT, NEED, dump, record, write, write_repo

NOW = datetime(2022, 3, 1, tzinfo=UTC)
BATCH_FILE = "submissions/batches/wuhan-2022.yaml"
NEED_FILE = "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml"
EXPERT_FILE = "submissions/experts/wuhan-2022/li-ming-hust.yaml"
OTHER_FILE = "submissions/needs/wuhan-2022/jiangan/other-need.yaml"

CITY = git.Actor("市科技局", "city@example.cn")
JIANGAN = git.Actor("江岸区科技局", "jiangan@example.cn")
HUST = git.Actor("华中科技大学", "hust@example.cn")


def commit(repo: git.Repo, message: str, who: git.Actor, when: str) -> None:
    """Stage everything under submissions/ (deletions too) and commit it as `who` on `when`."""
    repo.git.add("-A", "submissions")
    moment = datetime.fromisoformat(f"{when}T10:00:00+08:00")
    stamp = f"{int(moment.timestamp())} +0800"  # Git's own date format
    repo.index.commit(message, author=who, committer=who, author_date=stamp, commit_date=stamp)


def three_commits(root: Path) -> git.Repo:
    """The city adds the batch, the district a need and an expert; the expert is changed by
    the university, the other need added and then withdrawn (its file deleted)."""
    repo = git.Repo.init(root, initial_branch="main")
    write_repo(root, batch=[BATCH])
    commit(repo, "批次", CITY, "2022-02-20")
    write_repo(root, need=[NEED], expert=[EXPERT])
    write(root, OTHER_FILE, dump(record(NEED, id="other-need")))
    commit(repo, "需求与专家", JIANGAN, "2022-02-25")
    write(root, EXPERT_FILE, dump(record(EXPERT, department="机械科学与工程学院")))
    (root / OTHER_FILE).unlink()
    commit(repo, "修改专家，撤回一条需求", HUST, "2022-03-01")
    return repo


def test_first_and_last_change_and_withdrawal_per_record(tmp_path: Path) -> None:
    three_commits(tmp_path)
    history = file_history(tmp_path)
    assert sorted(history) == sorted([BATCH_FILE, NEED_FILE, EXPERT_FILE, OTHER_FILE])
    batch = history[BATCH_FILE]
    assert (batch.first.day, batch.first.author, batch.first.email) == (
        date(2022, 2, 20),
        "市科技局",
        "city@example.cn",
    )
    assert batch.last == batch.first and not batch.withdrawn
    expert = history[EXPERT_FILE]
    assert (expert.first.day, expert.first.author) == (date(2022, 2, 25), "江岸区科技局")
    assert (expert.last.day, expert.last.author) == (date(2022, 3, 1), "华中科技大学")
    assert not expert.withdrawn
    other = history[OTHER_FILE]
    assert other.withdrawn and other.last.author == "华中科技大学"
    assert other.first.author == "江岸区科技局"
    assert file_history(tmp_path, [NEED_FILE]).keys() == {NEED_FILE}


def test_a_co_author_is_the_submitter_and_a_sub_folder_root_works(tmp_path: Path) -> None:
    """The forge's bot commits an enterprise's form with the enterprise as co-author."""
    project = tmp_path / "programme"
    repo = git.Repo.init(tmp_path, initial_branch="main")
    write_repo(project, batch=[BATCH], need=[NEED])
    repo.git.add("-A", "programme")
    bot = git.Actor("github-actions[bot]", "bot@example.cn")
    message = "企业需求\n\nCo-authored-by: 武汉睿光激光科技有限公司 <ruiguang@example.cn>\n"
    repo.index.commit(message, author=bot, committer=bot)
    history = file_history(project)
    assert history[NEED_FILE].first.author == "武汉睿光激光科技有限公司"
    assert history[NEED_FILE].first.email == "ruiguang@example.cn"


def test_outside_git_nothing_is_known(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH], need=[NEED])
    assert file_history(tmp_path) == {}
    assert run(tmp_path, NOW).history == {}


def test_build_result_gives_the_history_to_the_site_and_the_staff_form(tmp_path: Path) -> None:
    three_commits(tmp_path)
    result = run(tmp_path, NOW)
    assert result.history is result.history  # read once
    assert result.history[NEED_FILE].first.day == date(2022, 2, 25)
    from techvp.site.data import need_views

    (view,) = need_views(result, result.history)
    assert (view.submitted, view.changed) == ("2022-02-25", "2022-02-25")
    export_batch(result.dataset, "wuhan-2022", tmp_path / "out", history=result.history)
    ws = openpyxl.load_workbook(tmp_path / "out" / "科技人员汇总表.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert "提交记录" in rows[2]
    first, last = rows[3].index("首次提交"), rows[3].index("最后修改")
    assert rows[4][first] == "2022-02-25 江岸区科技局"
    assert rows[4][last] == "2022-03-01 华中科技大学"


def branch(repo: git.Repo, root: Path, who: git.Actor, path: str = EXPERT_FILE) -> None:
    """A pull request branch on which `who` changes one record."""
    repo.git.checkout("-b", "pr")
    write(root, path, dump(record(EXPERT, position="研究所副所长")))
    commit(repo, "修改", who, "2022-03-02")


def owner_warnings(root: Path, base: str = "main") -> list[tuple[str, dict[str, object]]]:
    findings = run(root, NOW, base).findings
    return [
        (d.location.file, dict(d.params)) for d in findings if d.code == "history.not-submitter"
    ]


def test_a_change_to_a_record_someone_else_submitted_warns_the_reviewer(tmp_path: Path) -> None:
    repo = three_commits(tmp_path)
    branch(repo, tmp_path, HUST)
    assert owner_warnings(tmp_path) == [
        (
            EXPERT_FILE,
            {"submitter": "江岸区科技局", "submitted": "2022-02-25", "changers": "华中科技大学"},
        )
    ]
    (diag,) = ownership(tmp_path, "main")
    assert diag.severity == "warning" and diag.clause is None
    assert diag.message == (
        "这条记录由 江岸区科技局 于 2022-02-25 首次提交，本次由 华中科技大学 修改："
        "请审核人确认修改已征得原提交人同意"
    )


def test_the_submitter_changing_their_own_record_or_a_new_record_is_no_warning(
    tmp_path: Path,
) -> None:
    repo = three_commits(tmp_path)
    branch(repo, tmp_path, JIANGAN)
    write(tmp_path, "submissions/needs/wuhan-2022/jiangan/new-need.yaml", dump(NEED))
    commit(repo, "新需求", HUST, "2022-03-02")
    assert owner_warnings(tmp_path) == []
    assert owner_warnings(tmp_path, "HEAD") == []  # nothing on the branch


def test_deleting_someone_elses_record_warns_and_the_json_output_carries_it(
    tmp_path: Path,
) -> None:
    repo = three_commits(tmp_path)
    repo.git.checkout("-b", "pr")
    (tmp_path / NEED_FILE).unlink()
    commit(repo, "删除需求", CITY, "2022-03-03")
    args = ["validate", "--root", str(tmp_path), "--base", "main", "--format", "json"]
    args += ["--now", "2022-03-01"]
    out = CliRunner().invoke(main, args)
    found = [
        d for d in json.loads(out.output)["diagnostics"] if d["code"] == "history.not-submitter"
    ]
    assert [(d["file"], d["severity"], d["params"]["changers"]) for d in found] == [
        (NEED_FILE, "warning", "市科技局")
    ]
