"""The form-to-PR workflow's own `run:` scripts, read from form-to-pr.yml and run with bash as
GitHub runs them, for an issue opened, then edited, and for a body that cannot be read.

GitHub itself cannot run here, so two things stand in for it, and only for it: a bare Git
repository takes the push to github.com (through Git's `url.<base>.insteadOf`), and a `gh`
on PATH records each call and answers as GitHub's CLI would. Everything else is real: techvp,
jq (installed by .ci/run where missing, as on GitHub's runners), git, the record written and
the commit pushed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import git

from tests.factories import NEED
from tests.workflows import OPEN_BATCH, remote, run_step
from tests.workflows import steps as workflow_steps

BODIES = Path(__file__).parent / "bodies"
REPOSITORY = "district/records"
TOKEN = "token-for-the-test"
FAKE_GH = """#!{python}
import json, os, sys
args = sys.argv[1:]
with open(os.environ["FAKE_GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(args, ensure_ascii=False) + "\\n")
if args[:2] == ["pr", "list"]:  # --jq length: gh prints the count
    print(os.environ["FAKE_GH_OPEN_PRS"])
elif args[:2] == ["api", "--paginate"]:
    print(open(os.environ["FAKE_GH_COMMENTS"], encoding="utf-8").read())
elif args[:1] == ["api"]:
    print("{{}}")
else:
    print("https://github.com/{repository}/pull/1")
"""


class Runner:
    """One GitHub job at a time: a fresh clone of the remote's main, the job's temp folder and
    step outputs, and the steps' environment as the workflow's expressions would give it."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.remote = remote(tmp, batch=[OPEN_BATCH], need=[NEED])
        bin_dir = tmp / "bin"
        bin_dir.mkdir()
        gh = bin_dir / "gh"
        gh.write_text(FAKE_GH.format(python=sys.executable, repository=REPOSITORY), "utf-8")
        gh.chmod(0o755)
        self.log = tmp / "gh.log"
        self.comments = tmp / "comments.json"
        self.comments.write_text("[]", "utf-8")
        url = f"https://x-access-token:{TOKEN}@github.com/{REPOSITORY}.git"
        self.env = {
            "PATH": str(bin_dir),  # before techvp's and the system's (tests.workflows)
            "FAKE_GH_LOG": str(self.log),
            "FAKE_GH_COMMENTS": str(self.comments),
            "FAKE_GH_OPEN_PRS": "0",
            "GIT_CONFIG_COUNT": "1",
            "GIT_CONFIG_KEY_0": f"url.{self.remote.as_uri()}.insteadOf",
            "GIT_CONFIG_VALUE_0": url,
        }
        self.jobs = 0

    def job(self, body: str, number: int = 7) -> Path:
        """Run the job for issue `number` with this body; returns the job's temp folder."""
        self.jobs += 1
        work, temp = self.tmp / f"job{self.jobs}", self.tmp / f"runner-temp{self.jobs}"
        git.Repo.clone_from(self.remote, work, branch="main")
        temp.mkdir()
        output = temp / "output"
        output.touch()
        steps = workflow_steps("form-to-pr.yml", "submission")
        common = {"RUNNER_TEMP": str(temp), "GITHUB_OUTPUT": str(output), "GH_TOKEN": TOKEN}
        issue = {
            "ISSUE_BODY": body,
            "ISSUE_NUMBER": str(number),
            "AUTHOR": "octocat",
            "AUTHOR_ID": "583231",
            "FORM": "need",
        }
        self._run(steps["表单内容 → 记录，并校验"], work, {**common, **issue})
        if "written=true" in output.read_text("utf-8"):  # the step's `if:`
            pr = {"REPOSITORY": REPOSITORY, "BASE": "main"}
            self._run(steps["提交到本议题的分支，打开或更新合并请求"], work, {**common, **pr})
        reply = {"REPOSITORY": REPOSITORY, "ISSUE_NUMBER": str(number)}
        self._run(steps["在议题下回复结果（只保留一条，原地更新）"], work, {**common, **reply})
        return temp

    def _run(self, step: dict[str, Any], cwd: Path, env: dict[str, str]) -> None:
        done = run_step(step, cwd, {**self.env, **env})
        assert done.returncode == 0, f"{step['name']}\n{done.stdout}\n{done.stderr}"

    def calls(self) -> list[list[str]]:
        lines = self.log.read_text("utf-8").splitlines() if self.log.exists() else []
        self.log.unlink(missing_ok=True)
        return [json.loads(line) for line in lines]


def test_an_opened_issue_becomes_a_pushed_branch_a_pull_request_and_one_reply(
    tmp_path: Path,
) -> None:
    runner = Runner(tmp_path)
    temp = runner.job((BODIES / "need-clean.md").read_text("utf-8"))
    result = json.loads((temp / "result.json").read_text("utf-8"))
    remote = git.Repo(runner.remote)
    head = remote.commit("submission/issue-7")
    assert head.parents[0] == remote.commit("main")
    assert [Path(p).as_posix() for p in head.stats.files] == [result["path"]]
    assert "Co-authored-by: octocat <583231+octocat@users.noreply.github.com>" in head.message
    calls = runner.calls()
    assert calls[0][:2] == ["pr", "list"]
    create = calls[1]
    assert create[:2] == ["pr", "create"]
    assert create[create.index("--head") + 1] == "submission/issue-7"
    assert create[create.index("--base") + 1] == "main"
    assert create[create.index("--title") + 1] == result["pull_request"]["title"]
    assert calls[2][:2] == ["api", "--paginate"]
    assert calls[3][:3] == ["issue", "comment", "7"]
    reply = Path(calls[3][calls[3].index("--body-file") + 1]).read_text("utf-8")
    assert reply.startswith(result["marker"])


def test_an_edited_issue_updates_the_same_branch_pull_request_and_reply(tmp_path: Path) -> None:
    runner = Runner(tmp_path)
    body = (BODIES / "need-clean.md").read_text("utf-8")
    first = runner.job(body)
    runner.calls()
    marker = json.loads((first / "result.json").read_text("utf-8"))["marker"]
    # The bot's reply from the first run, and a reply by someone else quoting the same marker.
    runner.comments.write_text(
        json.dumps(
            [
                {"id": 11, "user": {"login": "mallory"}, "body": marker + " 伪造"},
                {"id": 22, "user": {"login": "github-actions[bot]"}, "body": marker + " 旧"},
            ]
        ),
        "utf-8",
    )
    runner.env["FAKE_GH_OPEN_PRS"] = "1"
    runner.job(body.replace("120", "150", 1))
    remote = git.Repo(runner.remote)
    head = remote.commit("submission/issue-7")
    assert head.parents[0] == remote.commit("main")  # regenerated from main, force-pushed
    path = json.loads((first / "result.json").read_text("utf-8"))["path"]
    assert "150" in (head.tree / path).data_stream.read().decode("utf-8")
    calls = runner.calls()
    assert [c[:2] for c in calls] == [
        ["pr", "list"],
        ["pr", "edit"],
        ["api", "--paginate"],
        ["api", "--method"],
    ]
    assert calls[1][2] == "submission/issue-7"
    assert calls[3][3].endswith("/issues/comments/22")


def test_a_body_that_cannot_be_read_gets_a_reply_and_no_branch(tmp_path: Path) -> None:
    runner = Runner(tmp_path)
    temp = runner.job((BODIES / "need-malformed.md").read_text("utf-8"))
    assert "submission/issue-7" not in [ref.name for ref in git.Repo(runner.remote).heads]
    calls = runner.calls()
    assert [c[:2] for c in calls] == [["api", "--paginate"], ["issue", "comment"]]
    reply = (temp / "comment.md").read_text("utf-8")
    assert "企业从业人数（名）" in reply
