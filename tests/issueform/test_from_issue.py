"""Issue-form bodies as GitHub renders them (tests/issueform/bodies/, written by hand, careless
ones included) → `techvp from-issue` → records where they belong that validate; bodies that
cannot be read → a Chinese message naming the form field, and nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from techvp.issueform.report import MARKER, comment
from techvp.issueform.submit import Outcome, from_issue
from tests.conftest import DEFAULT_NOW, run_validate
from tests.factories import BATCH, EXPERT, NEED, record, write_repo

BODIES = Path(__file__).parent / "bodies"
NOW = "2022-03-01T00:00:00+08:00"


def _repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo", batch=[BATCH], need=[NEED], expert=[EXPERT])


def _cli(root: Path, form: str, body: str, *extra: str) -> subprocess.CompletedProcess[str]:
    args = ["--form", form, "--body-file", str(BODIES / body), "--root", str(root), "--now", NOW]
    return subprocess.run(
        [sys.executable, "-m", "techvp", "from-issue", *args, *extra],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def _submit(root: Path, form: str, body: str, **kw: Any) -> Outcome:
    text = (BODIES / body).read_text(encoding="utf-8") if not body.startswith("#") else body
    return from_issue(root, form, text, "body.md", DEFAULT_NOW, **kw)


def _written(root: Path, outcome: Outcome) -> dict[str, Any]:
    assert outcome.path is not None
    data: dict[str, Any] = yaml.safe_load((root / outcome.path).read_text(encoding="utf-8"))
    return data


def test_a_clean_need_becomes_a_valid_record_and_json_tells_the_workflow(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    comment_file = tmp_path / "comment.md"
    done = _cli(
        root, "need", "need-clean.md", "--format", "json", "--author", "octocat",
        "--author-id", "583231", "--issue", "123", "--comment-file", str(comment_file),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    rel = "submissions/needs/wuhan-2022/jiangan/wu-han-xing-chen-guang-dian-ke-ji.yaml"
    assert (result["path"], result["id"], result["ok"]) == (
        rel,
        "wu-han-xing-chen-guang-dian-ke-ji",
        True,
    )
    data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    assert data["enterprise"]["qualifications"] == ["高新技术企业", "专精特新中小企业"]
    assert data["enterprise"]["employees"] == 120
    assert data["submitted_by"] == "octocat"
    assert "capacity" not in data and "credit_code" not in data["enterprise"]  # _No response_
    assert data["problem"].count("\n") == 1  # a multi-line answer keeps its lines
    # Only a priority (专精特新) for the reviewer, shown but not as a problem.
    assert [f["code"] for f in result["findings"]] == ["policy.qualification-priority"]
    assert result["findings"][0]["label"] == "企业资质"
    assert run_validate(root).ok
    # What the form-to-PR workflow needs: one branch per issue, named from its number only,
    # the submitter credited with their noreply address, the issue closed by the merge.
    pull = result["pull_request"]
    assert pull["branch"] == "submission/issue-123"
    assert pull["title"] == "企业需求：武汉星辰光电科技有限公司（议题 #123）"
    trailer = "Co-authored-by: octocat <583231+octocat@users.noreply.github.com>"
    assert pull["commit_message"].endswith("\n\n" + trailer + "\n")
    assert "Closes #123" in pull["body"] and rel in pull["body"]
    assert result["marker"] == MARKER
    text = comment_file.read_text(encoding="utf-8")
    assert text.startswith(MARKER) and "✅" in text and rel in text


def test_careless_typing_is_read_as_meant(tmp_path: Path) -> None:
    # Full-width digits, letters and punctuation, 约120人, 1.2亿元, 50万元, CRLF line ends,
    # numbered lines, a ### line inside a long answer.
    root = _repo(tmp_path)
    outcome = _submit(root, "need", "need-careless.md")
    data = _written(root, outcome)
    enterprise = data["enterprise"]
    assert enterprise["name"] == "武汉（光谷）精密传感有限公司"
    assert enterprise["credit_code"] == NEED["enterprise"]["credit_code"]
    assert (enterprise["employees"], enterprise["revenue_last_year"]) == (120, 12000)
    assert enterprise["affiliated_institutions"] == ["华中科技大学", "武汉理工大学"]
    assert (data["intended_amount"], data["capacity"]) == (50, 2)
    assert data["contact"] == {
        "name": "张女士",
        "phone": "027-85317029",
        "email": "zhang@example.cn",
    }
    assert data["preferred_experts"] == [
        {"institution": "华中科技大学", "name": "李明", "agreed": True}
    ]
    assert data["problem"].startswith("### 现状\n")
    assert "carrier" not in enterprise and "category" not in data
    # The record validates; the same credit code as laser-weld is a warning for the reviewer,
    # reported against the form field it came from.
    assert outcome.ok
    assert [(p.diagnostic.code, p.label) for p in outcome.problems] == [
        ("policy.duplicate-enterprise", "统一社会信用代码")
    ]
    assert "⚠️" in comment(outcome) and "**统一社会信用代码**" in comment(outcome)


def test_a_careless_expert_application_validates(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    outcome = _submit(root, "expert", "expert-careless.md")
    assert outcome.path == "submissions/experts/wuhan-2022/wang-fang.yaml"
    data = _written(root, outcome)
    assert data["birth_date"] == date(1983, 7, 9)
    assert data["contract_end"] == date(2030, 6, 30)  # 2030.6.30
    assert data["research_fields"] == ["先进陶瓷", "复合材料", "热障涂层"]
    # The "- " bullet taken off; a sentence keeps its 、, a list of names is split at it.
    assert data["achievements"][1] == "获湖北省科技进步二等奖、武汉市科技进步一等奖"
    assert data["patents"][1] == {
        "number": "ZL202110123456.7",
        "title": "一种陶瓷涂层制备装置",
        "kind": "实用新型",
    }
    assert data["contact"] == {"phone": "13807100011"}
    assert data["applications"] == ["laser-weld"]
    assert outcome.ok and outcome.problems == []
    assert run_validate(root).ok


def test_an_optional_drop_down_left_at_none_is_not_given(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    body = (BODIES / "need-clean.md").read_text(encoding="utf-8")
    body = body.replace("### 需求类别\n\n产品创新与技术攻关", "### 需求类别\n\nNone")
    data = _written(root, _submit(root, "need", body))
    assert "category" not in data


def test_a_malformed_body_names_each_field_in_chinese_and_writes_nothing(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    before = sorted(p for p in (root / "submissions").rglob("*") if p.is_file())
    done = _cli(root, "need", "need-malformed.md", "--comment-file", str(tmp_path / "c.md"))
    assert done.returncode == 1
    assert "未写入" in done.stdout and "Traceback" not in done.stderr
    lines = done.stdout.splitlines()[1:]
    assert [line.split("“")[1].split("”")[0] for line in lines] == [
        "申报企业名称",  # form.missing-heading: the heading was deleted
        "企业从业人数（名）",  # form.not-number: 一百二十人
        "上年营业收入（万元）",  # form.not-number: 8500美元
        "创新载体",  # form.not-option
        "期望专家研究领域",  # form.required
        "需求人数",  # form.not-integer: 1.5
    ]
    assert "美元" in lines[2]
    assert sorted(p for p in (root / "submissions").rglob("*") if p.is_file()) == before
    text = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "❌" in text and "“需求人数”应为整数" in text


def _answered(root: Path, field: str, answer: str) -> Outcome:
    """The clean need form with one number field answered otherwise."""
    body = (BODIES / "need-clean.md").read_text(encoding="utf-8")
    old = {"企业从业人数（名）": "120", "上年营业收入（万元）": "8500"}[field]
    return _submit(
        root, "need", body.replace(f"### {field}\n\n{old}\n", f"### {field}\n\n{answer}\n")
    )


@pytest.mark.parametrize(
    ("field", "answer", "value"),
    [
        ("企业从业人数（名）", "１２０", 120),
        ("企业从业人数（名）", "120人左右", 120),
        ("企业从业人数（名）", "1.5万人", 15000),
        ("上年营业收入（万元）", "8,500", 8500),
        ("上年营业收入（万元）", "8500万元", 8500),
        ("上年营业收入（万元）", "850万", 850),
        ("上年营业收入（万元）", "3000000元", 300),
        ("上年营业收入（万元）", "2150.5 万元", 2150.5),
    ],
)
def test_numbers_with_units_become_the_model_unit(
    tmp_path: Path, field: str, answer: str, value: int | float
) -> None:
    root = _repo(tmp_path)
    outcome = _answered(root, field, answer)
    key = "employees" if "人数" in field else "revenue_last_year"
    assert _written(root, outcome)["enterprise"][key] == value


@pytest.mark.parametrize(
    ("field", "answer", "code"),
    [
        ("企业从业人数（名）", "120万元", "form.bad-unit"),
        ("上年营业收入（万元）", "8500人", "form.bad-unit"),
        ("企业从业人数（名）", "百余人", "form.not-number"),
    ],
)
def test_a_number_in_the_wrong_unit_names_the_field(
    tmp_path: Path, field: str, answer: str, code: str
) -> None:
    root = _repo(tmp_path)
    outcome = _answered(root, field, answer)
    assert [(p.diagnostic.code, p.label) for p in outcome.problems] == [(code, field)]
    assert (
        field in outcome.problems[0].diagnostic.message
        and answer in outcome.problems[0].diagnostic.message
    )


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ("1983年13月9日", "form.not-date"),
        ("去年", "form.not-date"),
    ],
)
def test_an_unreadable_date_names_the_field(tmp_path: Path, answer: str, code: str) -> None:
    root = _repo(tmp_path)
    body = (BODIES / "expert-careless.md").read_text(encoding="utf-8")
    outcome = _submit(root, "expert", body.replace("1983年7月9日", answer))
    assert [(p.diagnostic.code, p.label) for p in outcome.problems] == [
        (code, "出生日期（不公开）")
    ]
    assert "出生日期" in outcome.problems[0].diagnostic.message and outcome.path is None


def test_a_patent_line_without_its_kind_names_the_line(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    body = (BODIES / "expert-careless.md").read_text(encoding="utf-8")
    outcome = _submit(root, "expert", body.replace(" 发明\n", "\n", 1))
    [problem] = outcome.problems
    assert problem.diagnostic.code == "form.bad-patent"
    assert "第 1 行" in problem.diagnostic.message and problem.label == "专利"


def test_a_record_problem_is_reported_against_its_form_field(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    body = (BODIES / "need-clean.md").read_text(encoding="utf-8")
    body = body.replace(
        "### 统一社会信用代码\n\n_No response_", "### 统一社会信用代码\n\n91420102MA4K0TEW25"
    )
    outcome = _submit(root, "need", body)
    assert not outcome.ok and outcome.path is not None  # written, so the pull request shows it
    codes = [(p.diagnostic.code, p.label) for p in outcome.problems if p.diagnostic.code[0] == "f"]
    assert codes == [("field.credit-code-checksum", "统一社会信用代码")]
    text = comment(outcome)
    assert "❌" in text and "- **统一社会信用代码**：" in text and outcome.path in text


def test_editing_the_issue_rewrites_the_same_file_and_a_namesake_gets_its_own_id(
    tmp_path: Path,
) -> None:
    root = _repo(tmp_path)
    first = _submit(root, "need", "need-clean.md")
    again = _submit(root, "need", "need-clean.md")
    assert again.path == first.path
    # Another enterprise whose name gives the same pinyin id gets a hashed one.
    other = (BODIES / "need-clean.md").read_text(encoding="utf-8").replace("星辰", "星晨")
    third = _submit(root, "need", other)
    assert third.record_id is not None and first.record_id is not None
    assert third.record_id.startswith(first.record_id + "-") and third.path != first.path


def test_the_same_enterprise_in_a_new_batch_gets_an_id_of_its_own(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", batch=[BATCH, record(BATCH, id="wuhan-2023")])
    first = _submit(root, "need", "need-clean.md")
    later = _submit(root, "need", "need-clean.md", batch_id="wuhan-2023")
    assert first.record_id is not None and later.record_id is not None
    assert later.record_id.startswith(first.record_id + "-")  # ids are unique across batches
    assert "dup.id" not in {d.code for d in run_validate(root)}


def test_a_body_not_from_the_form_and_an_unknown_batch(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    outcome = _submit(root, "need", "# 随便写的议题\n\n我们公司想要一名专家。")
    assert outcome.problems[0].diagnostic.code == "form.not-a-form"
    assert "企业需求" in outcome.problems[0].diagnostic.message
    body = (BODIES / "need-clean.md").read_text(encoding="utf-8")
    body = body.replace("（wuhan-2022）", "（hubei-2023）").replace("2022年武汉市", "2023年湖北省")
    [problem] = _submit(root, "need", body).problems
    assert (problem.diagnostic.code, problem.label) == ("form.unknown-batch", "批次")
    assert "wuhan-2022" in problem.diagnostic.message


def test_batch_option_overrides_the_form(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", batch=[BATCH, record(BATCH, id="wuhan-2023")])
    body = (BODIES / "need-clean.md").read_text(encoding="utf-8")
    outcome = _submit(root, "need", body, batch_id="wuhan-2023")
    assert outcome.path is not None and outcome.path.startswith("submissions/needs/wuhan-2023/")
    done = _cli(root, "need", "need-clean.md", "--batch", "nope")
    assert done.returncode == 2 and "nope" in done.stderr
