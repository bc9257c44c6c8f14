"""`techvp eligibility`: every need and expert of a batch with its verdict and reasons."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from techvp.build import run
from techvp.cli import main
from techvp.policies.eligibility import Row
from tests.factories import write
from tests.policies.scenario import NOW, base_expert, base_need, check

NOW_ARG = ("--now", "2022-03-01T08:00:00+08:00")


def _repo(root: Path) -> Path:
    named = {"institution": "华中科技大学", "name": "王强", "agreed": "true"}
    check(
        root,
        "wuhan-2022",
        needs=[
            base_need("wuhan-2022", preferred_experts=[named]),
            base_need("wuhan-2022", id="gone-need", withdrawn="true"),
        ],
        experts=[
            base_expert("wuhan-2022"),
            base_expert("wuhan-2022", id="wang-qiang-hust", name="王强", birth_date="1970-01-01"),
            base_expert("wuhan-2022", id="zhao-lei", name="赵磊", title="讲师", title_level="中级"),
        ],
    )
    write(root, "submissions/experts/wuhan-2022/broken-one.yaml", "id: broken-one\nname: [\n")
    return root


def eligibility_report(root: Path, now: datetime, batch: str) -> tuple[Row, ...]:
    return run(root, now).eligibility(batch)


def test_rows_and_verdicts(tmp_path: Path) -> None:
    rows = eligibility_report(_repo(tmp_path), NOW, "wuhan-2022")
    assert [(r.kind, r.id, r.verdict) for r in rows] == [
        ("need", "gone-need", "not_eligible"),
        ("need", "laser-weld", "eligible"),
        ("expert", "li-ming-hust", "eligible"),
        ("expert", "wang-qiang-hust", "review"),
        ("expert", "zhao-lei", "not_eligible"),
        ("expert", "broken-one", "not_eligible"),
    ]
    by_id = {r.id: r for r in rows}
    assert by_id["gone-need"].withdrawn and by_id["gone-need"].reasons == ()
    assert [d.code for d in by_id["wang-qiang-hust"].reasons] == ["policy.age-relaxed"]
    assert by_id["zhao-lei"].reasons[0].code == "policy.title-level"
    assert by_id["broken-one"].unreadable
    assert by_id["broken-one"].reasons[0].code == "yaml.syntax"


def test_priorities_are_listed_beside_the_verdict(tmp_path: Path) -> None:
    need = base_need("wuhan-2022")
    need["enterprise"]["qualifications"] = ["专精特新中小企业"]
    check(tmp_path, "wuhan-2022", needs=[need])
    rows = eligibility_report(tmp_path, NOW, "wuhan-2022")
    assert rows[0].verdict == "eligible"
    assert rows[0].priorities[0].message.startswith("企业为专精特新中小企业，优先支持")


def test_text_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["eligibility", "--batch", "wuhan-2022", "--root", str(_repo(tmp_path)), *NOW_ARG]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["类型", "编号", "名称", "结论", "原因"]
    assert any(line.startswith("科技人员  wang-qiang-hust") and "需复核" in line for line in lines)
    assert lines[-1] == "批次“wuhan-2022”：共 6 条，合格 2，不合格 3，需复核 1"
    broken = lines.index(next(line for line in lines if "broken-one" in line))
    assert lines[broken].split() == [
        "科技人员",
        "broken-one",
        "（无法读取）",
        "不合格",
        "记录未通过格式校验，无法判断资格，请先修改",
        "submissions/experts/wuhan-2022/broken-one.yaml",
    ]
    assert lines[broken + 1].strip() == "YAML 格式错误：缺少内容"


def test_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "eligibility",
            "--batch",
            "wuhan-2022",
            "--root",
            str(_repo(tmp_path)),
            "--format",
            "json",
            *NOW_ARG,
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["counts"] == {"total": 6, "eligible": 2, "not_eligible": 3, "review": 1}
    row = next(r for r in payload["rows"] if r["id"] == "wang-qiang-hust")
    assert (row["verdict"], row["verdict_label"], row["kind_label"]) == (
        "review",
        "需复核",
        "科技人员",
    )
    broken = next(r for r in payload["rows"] if r["id"] == "broken-one")
    assert (broken["name"], broken["file"], broken["unreadable"]) == (
        "",
        "submissions/experts/wuhan-2022/broken-one.yaml",
        True,
    )


def test_unknown_batch_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["eligibility", "--batch", "nope", "--root", str(_repo(tmp_path))]
    )
    assert result.exit_code == 2
    assert "批次“nope”不存在，可选：wuhan-2022" in result.output


def test_help_is_chinese() -> None:
    result = CliRunner().invoke(main, ["eligibility", "--help"])
    assert result.exit_code == 0
    assert "合格、不合格或需复核" in result.output


def test_a_number_typed_into_a_field_is_masked_in_the_table(tmp_path: Path) -> None:
    from tests.test_guard import ID

    expert = base_expert("wuhan-2022", contact={"phone": ID})
    check(tmp_path, "wuhan-2022", experts=[expert])
    for fmt in ("text", "json"):
        result = CliRunner().invoke(
            main,
            ["eligibility", "--batch", "wuhan-2022", "--root", str(tmp_path), "--format", fmt],
        )
        assert result.exit_code == 0, result.output
        assert "不合格" in result.output and ID[-4:] in result.output and ID not in result.output
