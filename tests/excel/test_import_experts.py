"""Importing 科技人员汇总表 as officials fill it, broken sheets, and the demo's round trip."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.excel.importer import import_file
from techvp.models import Expert
from techvp.repo import Dataset, load_dataset
from tests.factories import BATCH, NEED, record, write_repo

NOW = datetime(2022, 3, 1, tzinfo=UTC)
TOP = [
    "序号",
    "姓　名",  # a full-width space typed into the header
    "性别",
    "出生日期",
    "党派",
    "派出单位",
    "院系",
    "派出单位类型",
    "人员类型",
    "专业技术职称",
    None,
    "学位",
    "职务",
    "研究领域",
    "专利",
    "近3年内无\n不良记录",  # a line break in the header
    "联系方式",
    None,
    "申报企业",
]
UNDER = [None] * 9 + ["职称", "职称级别"] + [None] * 5 + ["联系手机", "电子邮箱", None]
STAMP = "填报单位（加盖公章）：华中科技大学科技处　　填报人：张　华　　联系方式：027-87541234"
PATENTS = "发明：一种激光焊接方法（ZL202110123456.7）\r\n一种光束整形装置（ＺＬ202120654321.9）"


def row(**changes: Any) -> list[Any]:
    values: dict[int, Any] = {
        0: 1,
        1: "李　明",
        2: "男",
        3: "1985年6月1日",  # a date typed as text
        5: "华中科技大学",
        6: "光学与电子信息学院",
        7: "高校",
        9: "副教授",
        10: "副高级",
        11: "博士",
        13: "激光焊接、光束整形\n激光焊接",  # a repeated field is listed once
        14: PATENTS,
        15: "√",
        16: 13807100000,  # a phone typed as a number
        18: "武汉睿光激光科技有限公司",
    }
    for key, value in changes.items():
        values[int(key.removeprefix("c"))] = value
    return [values.get(i) for i in range(19)]


def sheet_file(path: Path, rows: list[list[Any]], merges: list[str] = (), **kw: Any) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "科技人员"
    ws.append(["2022年“科技副总”科技人员汇总表"])
    ws.append([kw.get("stamp", STAMP)])
    ws.append(kw.get("top", TOP))
    ws.append(kw.get("under", UNDER))
    for values in rows:
        ws.append(values)
    ws.append([])
    ws.append(["注：专利每项一行。"])  # a note under the table
    for span in ["A1:S1", "A2:S2", "J3:K3", "Q3:R3", "A3:A4", *merges]:
        ws.merge_cells(span)
    wb.save(path)
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo", batch=[BATCH], need=[NEED])


def experts(root: Path) -> dict[str, Expert]:
    dataset, findings = load_dataset(root)
    assert findings.ok, [d.message for d in findings]
    return {e.record.name: e.record for e in dataset.experts.values()}


def messages(outcome: Any) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in outcome.findings.sorted()]


def test_a_list_as_officials_fill_it_imports_every_quirk(repo: Path, tmp_path: Path) -> None:
    rows = [
        row(),
        [None] * 19,  # a blank row
        row(
            c0="２",
            c1="王 芳",
            c2="女",
            c3=datetime(1990, 2, 3),
            c9="研究员",
            c10="正高级",
            c13="生物医药",
            c14=None,
            c15="否",
            c16="１３９ １２３４ ５６７８",
            c18=None,
            c8="博士后",
            c17=" wang@example.cn ",
        ),
    ]
    path = sheet_file(tmp_path / "experts.xlsx", rows)
    outcome = import_file(path, "wuhan-2022", repo, NOW)
    assert messages(outcome) == []
    assert outcome.written == [
        "submissions/experts/wuhan-2022/li-ming.yaml",
        "submissions/experts/wuhan-2022/wang-fang.yaml",
    ]
    li, wang = experts(repo)["李明"], experts(repo)["王芳"]
    assert li.birth_date == date(1985, 6, 1) and li.contact.phone == "13807100000"
    assert li.research_fields == ["激光焊接", "光束整形"]
    assert [(p.kind, p.title, p.number) for p in li.patents] == [
        ("发明", "一种激光焊接方法", "ZL202110123456.7"),
        ("实用新型", "一种光束整形装置", "ZL202120654321.9"),  # the type read from the number
    ]
    assert li.applications == ["laser-weld"] and li.clean_record_3y is True
    assert li.person_type == "在职科研人员"  # left blank: the record's default
    assert wang.birth_date == date(1990, 2, 3) and wang.contact.phone == "13912345678"
    assert wang.clean_record_3y is False and wang.person_type == "博士后"
    assert wang.contact.email == "wang@example.cn"

    before = {p: p.read_bytes() for p in (repo / "submissions").rglob("*.yaml")}
    again = import_file(path, "wuhan-2022", repo, NOW)
    assert again.written == [] and again.findings.ok
    assert {c for c, _ in messages(again)} == {"excel.expert-exists"}
    assert "“李明”（华中科技大学）在本批次已有记录" in messages(again)[0][1]
    assert {p: p.read_bytes() for p in (repo / "submissions").rglob("*.yaml")} == before


def test_each_problem_is_named_by_sheet_row_and_column(repo: Path, tmp_path: Path) -> None:
    rows = [
        row(c3="约1985年"),
        row(c1="王芳", c14="一种方法"),
        row(c1="赵军", c18="不存在的公司"),
        row(c1="钱进", c2="M", c15="不清楚"),
    ]
    outcome = import_file(sheet_file(tmp_path / "bad.xlsx", rows), "wuhan-2022", repo, NOW)
    found = messages(outcome)
    assert [c for c, _ in found] == [
        "excel.not-date",
        "excel.not-patent",
        "excel.unknown-enterprise",
        "excel.not-yesno",
    ]
    assert found[0][1] == (
        "工作表“科技人员”第 5 行 D 列：出生日期应为日期，如 1979-10-30，实为“约1985年”"
    )
    assert "第 6 行 O 列" in found[1][1] and "第 7 行 S 列" in found[2][1]
    assert outcome.written == [] and not (repo / "submissions" / "experts").exists()
    model = import_file(sheet_file(tmp_path / "m.xlsx", [row(c2="M")]), "wuhan-2022", repo, NOW)
    assert [c for c, _ in messages(model)] == ["excel.invalid"]
    assert "第 5 行 C 列" in messages(model)[0][1]


def test_partial_writes_the_clean_rows(repo: Path, tmp_path: Path) -> None:
    rows = [row(), row(c1="王芳", c3="不详")]
    path = sheet_file(tmp_path / "p.xlsx", rows)
    outcome = import_file(path, "wuhan-2022", repo, NOW, partial=True)
    assert [c for c, _ in messages(outcome)] == ["excel.not-date"]
    assert set(experts(repo)) == {"李明"}


def test_missing_columns_and_merged_data(repo: Path, tmp_path: Path) -> None:
    top = [v if v != "近3年内无\n不良记录" else "备注" for v in TOP]
    outcome = import_file(
        sheet_file(tmp_path / "c.xlsx", [row()], top=top), "wuhan-2022", repo, NOW
    )
    assert messages(outcome) == [
        ("excel.missing-column", "工作表“科技人员”第 3 行：表头缺少“近3年内无不良记录”列")
    ]
    rows = [row(), row(c1="王芳", c5=None)]
    merged = import_file(
        sheet_file(tmp_path / "m.xlsx", rows, merges=["F5:F6"]), "wuhan-2022", repo, NOW
    )
    assert "excel.merged-data" in {c for c, _ in messages(merged)}


def test_the_same_person_twice_and_namesakes(repo: Path, tmp_path: Path) -> None:
    rows = [row(), row(c0=2), row(c0=3, c5="武汉大学")]
    outcome = import_file(sheet_file(tmp_path / "d.xlsx", rows), "wuhan-2022", repo, NOW)
    assert [c for c, _ in messages(outcome)] == ["excel.duplicate-person"]
    assert "与第 5 行是同一人" in messages(outcome)[0][1]
    names = sorted(Path(p).stem for p in outcome.written)
    assert names[0] == "li-ming" and names[1].startswith("li-ming-")  # told apart by a hash


def test_one_file_with_both_tables(repo: Path, tmp_path: Path) -> None:
    """The command tells the tables by their headers; one workbook may carry both."""
    from tests.excel.test_import import row as need_row
    from tests.excel.test_import import sheet_file as needs_file

    path = needs_file(tmp_path / "both.xlsx", [need_row(c2="武汉乙公司")])
    wb = openpyxl.load_workbook(path)
    people = openpyxl.load_workbook(sheet_file(tmp_path / "e.xlsx", [row()])).active
    ws = wb.create_sheet("科技人员")
    for values in people.iter_rows(values_only=True):
        ws.append(values)
    wb.save(path)
    result = CliRunner().invoke(
        main, ["import-excel", str(path), "--batch", "wuhan-2022", "--root", str(repo)]
    )
    assert result.exit_code == 0, result.output
    assert "已写入 2 条记录，跳过 0 行。" in result.output
    assert set(experts(repo)) == {"李明"}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_an_xls_list_imports(repo: Path, tmp_path: Path) -> None:
    source = sheet_file(tmp_path / "old.xlsx", [row()])
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    outcome = import_file(tmp_path / "old.xls", "wuhan-2022", repo, NOW)
    assert messages(outcome) == [] and len(outcome.written) == 1
    assert experts(repo)["李明"].birth_date == date(1985, 6, 1)


def _carried(e: Expert) -> tuple[Any, ...]:
    """What the 科技人员汇总表 carries of a person."""
    return (
        e.name,
        e.gender,
        e.birth_date,
        e.political_status,
        e.institution,
        e.department,
        e.institution_type,
        e.person_type,
        e.title,
        e.title_level,
        e.degree,
        e.position,
        tuple(e.research_fields),
        tuple((p.kind, p.title, p.number) for p in e.patents),
        e.clean_record_3y,
        e.contact.phone,
        e.contact.email,
        tuple(e.applications),
    )


def test_round_trip_of_the_demo_batch(demo: Dataset, exported: Path, tmp_path: Path) -> None:
    """Export the shipped batch's 科技人员汇总表, import it into a repository that has the batch
    and its needs but not those experts: every field the table carries is equal."""
    root = write_repo(tmp_path / "repo", batch=[])
    for folder in ("batches", "needs"):
        shutil.copytree(demo.root / "submissions" / folder, root / "submissions" / folder)
    outcome = import_file(exported / "科技人员汇总表.xlsx", "wuhan-2022", root, NOW)
    assert outcome.findings.ok, messages(outcome)
    live = [e.record for e in demo.experts.values() if e.record.batch == "wuhan-2022"]
    assert len(outcome.written) == len(live)
    back = load_dataset(root)[0].experts.values()
    assert sorted(_carried(e.record) for e in back) == sorted(_carried(e) for e in live)


def test_an_enterprise_with_two_needs_is_named_with_the_need(tmp_path: Path) -> None:
    other = record(NEED, id="laser-clean", problem="激光清洗除锈效率低，希望提高清洗速度。")
    root = write_repo(tmp_path / "repo", batch=[BATCH], need=[NEED, other])
    plain = import_file(sheet_file(tmp_path / "a.xlsx", [row()]), "wuhan-2022", root, NOW)
    assert messages(plain) == [
        (
            "excel.ambiguous-enterprise",
            "工作表“科技人员”第 5 行 S 列：“武汉睿光激光科技有限公司”在本批次有多项需求"
            "（laser-clean、laser-weld），请写作“企业名称（需求编号）”",
        )
    ]
    named = row(c18="武汉睿光激光科技有限公司（laser-weld）、武汉睿光激光科技有限公司(laser-clean)")
    outcome = import_file(sheet_file(tmp_path / "b.xlsx", [named]), "wuhan-2022", root, NOW)
    assert messages(outcome) == []
    assert experts(root)["李明"].applications == ["laser-weld", "laser-clean"]
