"""validate.yml's own `run:` scripts on a pull request's checkout (a full clone, as its
`fetch-depth: 0` asks, with origin/<base> to compare against), run with bash as GitHub runs them:
the reviewer's summary is written and never fails the job by itself, the annotations step fails
on errors (not on warnings) and marks the changed file, and the diff scan fails on an ID
number."""

from __future__ import annotations

from pathlib import Path

import git

from techvp.layout import record_path
from tests.factories import NEED, dump, record
from tests.workflows import OPEN_BATCH, remote, run_step, steps

JOB = steps("validate.yml", "validate")
SUMMARY = JOB["审核摘要（写入本次运行的摘要页）"]
ANNOTATE = JOB["校验全部记录（问题标注在改动的行上）"]
SCAN = JOB["检查新增内容中的身份证号码、银行卡号和密钥"]


def _pull_request(tmp: Path, *needs: dict[str, object]) -> tuple[Path, dict[str, str]]:
    """A clone of the remote with a branch adding these needs checked out; the steps' env."""
    origin = remote(tmp, batch=[OPEN_BATCH], need=[NEED])
    work = tmp / "work"
    repo = git.Repo.clone_from(origin, work)
    repo.git.switch("--create", "new-needs")
    for need in needs:
        path = work / record_path("need", need)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(need), "utf-8")
        repo.git.add(str(path))
    repo.index.commit("新增需求")
    summary = tmp / "summary.md"
    summary.touch()
    return work, {"GITHUB_BASE_REF": "main", "GITHUB_STEP_SUMMARY": str(summary)}


def test_a_pull_request_with_an_error_gets_a_summary_and_fails_on_the_annotations(
    tmp_path: Path,
) -> None:
    bad = record(
        NEED, id="bad-credit-code", enterprise={**NEED["enterprise"], "credit_code": "123"}
    )
    work, env = _pull_request(tmp_path, bad)
    summary = run_step(SUMMARY, work, env)
    assert summary.returncode == 0, summary.stderr  # the records' errors fail the next step
    written = Path(env["GITHUB_STEP_SUMMARY"]).read_text("utf-8")
    assert "不能合并" in written and "bad-credit-code.yaml" in written
    annotate = run_step(ANNOTATE, work, env)
    assert annotate.returncode == 1
    assert f"::error file={record_path('need', bad)},line=6,col=16," in annotate.stdout


def test_a_pull_request_with_only_a_warning_passes_and_asks_the_reviewer(tmp_path: Path) -> None:
    # The same enterprise (credit code) as the need already on main: a warning, not an error.
    work, env = _pull_request(tmp_path, record(NEED, id="second-need"))
    for step in (SUMMARY, ANNOTATE, SCAN):
        done = run_step(step, work, env)
        assert done.returncode == 0, (step["name"], done.stdout, done.stderr)
    written = Path(env["GITHUB_STEP_SUMMARY"]).read_text("utf-8")
    assert "需要审核人判断" in written and "policy.duplicate-enterprise" in written


def test_an_id_number_added_by_the_pull_request_fails_the_scan(tmp_path: Path) -> None:
    leak = record(
        NEED, id="leaky", problem="联系人身份证 11010519491231002X，需要专家帮助改进工艺。"
    )
    work, env = _pull_request(tmp_path, leak)
    scan = run_step(SCAN, work, env)
    assert scan.returncode == 1
    assert f"::error file={record_path('need', leak)}" in scan.stdout
    assert "11010519491231002X" not in scan.stdout  # never echoed back into the log
