"""Importing 需求汇总表 sheets made the way districts make them, and broken ones."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.excel.importer import import_file
from techvp.recordids import need_id
from techvp.repo import Dataset, load_dataset
from tests.factories import BATCH, credit_code, record, write_repo

NOW = datetime(2022, 3, 1, tzinfo=UTC)
TOP = [
    "序号",
    "企业所在地",
    "申报企业名称",
    "所属行业",
    "企业从业人数\n（名）",  # a line break typed into the header
    "上年营业收入(万元)",  # half-width parentheses
    "期望专家研究领域",
    "期望科技副总帮助解决的技术创新难题",
    '期望与"科技副总"派出单位开展的项目合作',  # straight quotes
    "指定专家",
    None,
    None,
    None,
    None,
    None,
    "不指定专家（打√）",
]
UNDER = [None] * 9 + [
    "期望专家备选人员1所在单位",
    "期望专家备选人员1姓名",
    "是否已经协商一致",
    "期望专家备选人员2所在单位",
    "期望专家备选人员2姓名",
    "是否已经协商一致",
    None,
]
STAMP = (
    "填报单位（加盖公章）：江岸区经信局　　填报人：李　明　　联系方式：８５３１７０２９　　"
    "填报日期："
)
PROBLEM = "产线激光焊接良品率只有92%，\r\n飞溅和虚焊问题突出，希望优化工艺参数。"


def row(**changes: Any) -> list[Any]:
    values: dict[int, Any] = {
        0: 1,
        1: "江岸区",
        2: "武汉睿光激光科技有限公司",
        3: "光电子信息",
        4: 120,
        5: 2150,
        6: "激光焊接工艺",
        7: PROBLEM,
        8: "共建联合实验室",
        15: "√",
    }
    for key, value in changes.items():
        values[int(key.removeprefix("c"))] = value
    return [values.get(i) for i in range(16)]


def sheet_file(path: Path, rows: list[list[Any]], merges: list[str] = (), **kw: Any) -> Path:
    """A workbook laid out like the seed's form: title, stamp line, two header rows, data."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = kw.get("title", "汇总")
    ws.append(["2022年企业“科技副总”选派需求汇总表（经信部门填报）"])
    ws.append([kw.get("stamp", STAMP)])
    ws.append(kw.get("top", TOP))
    ws.append(kw.get("under", UNDER))
    for values in rows:
        ws.append(values)
    for span in ["A1:P1", "A2:P2", "J3:O3", "A3:A4", "B3:B4", *merges]:
        ws.merge_cells(span)
    wb.save(path)
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo", batch=[BATCH])


def needs(root: Path) -> dict[str, Any]:
    dataset, findings = load_dataset(root)
    assert findings.ok, [d.message for d in findings]
    return {n.record.enterprise.name: n.record for n in dataset.needs.values()}


def messages(outcome: Any) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in outcome.findings.sorted()]


def test_a_sheet_as_districts_fill_it_imports_every_quirk(repo: Path, tmp_path: Path) -> None:
    rows = [
        row(c2=" 武汉 睿光激光科技有限公司　", c4="１２０", c5="2,150.5", c15="✓"),
        [None] * 16,  # a blank row
        row(
            c0=2,
            c1="东湖新技术开发区",
            c2="武汉光谷智造装备有限公司",
            c3="高端装备制造",
            c4="85",  # a number stored as text
            c5=3600,
            c9="华中科技大学",
            c10="张 伟",
            c11="是",
            c15=None,
        ),
        ["……"] + [None] * 15,  # the form's own ellipsis row
        ["注：本表由各区经信部门汇总填报，企业名称须与营业执照一致。"] + [None] * 15,
    ]
    path = sheet_file(tmp_path / "江岸区.xlsx", rows, merges=["A10:P10"])
    outcome = import_file(path, "wuhan-2022", repo, NOW)
    assert messages(outcome) == []
    assert len(outcome.written) == 2
    found = needs(repo)
    first = found["武汉睿光激光科技有限公司"]
    assert first.region == "jiangan"
    assert (first.enterprise.employees, str(first.enterprise.revenue_last_year)) == (120, "2150.5")
    assert first.problem == "产线激光焊接良品率只有92%，\n飞溅和虚焊问题突出，希望优化工艺参数。"
    assert first.preferred_experts == []
    assert first.contact.name == "李明（区经信部门填报人）"
    assert first.contact.phone == "85317029"
    assert first.enterprise.credit_code is None
    second = found["武汉光谷智造装备有限公司"]
    assert second.region == "donghu-gaoxin" and second.enterprise.employees == 85
    assert [(p.institution, p.name, p.agreed) for p in second.preferred_experts] == [
        ("华中科技大学", "张伟", True)
    ]
    assert sorted(outcome.written) == [
        "submissions/needs/wuhan-2022/donghu-gaoxin/wu-han-guang-gu-zhi-zao-zhuang-bei.yaml",
        "submissions/needs/wuhan-2022/jiangan/wu-han-rui-guang-ji-guang-ke-ji.yaml",
    ]
    # Importing the same file again changes nothing and says why.
    before = {p: p.read_bytes() for p in (repo / "submissions").rglob("*.yaml")}
    again = import_file(path, "wuhan-2022", repo, NOW)
    assert again.written == [] and again.findings.ok
    assert {c for c, _ in messages(again)} == {"excel.enterprise-exists"}
    assert "本行未导入" in messages(again)[0][1]
    assert {p: p.read_bytes() for p in (repo / "submissions").rglob("*.yaml")} == before


def test_text_in_a_number_column_is_named_by_row_and_column(repo: Path, tmp_path: Path) -> None:
    path = sheet_file(tmp_path / "a.xlsx", [row(), row(c2="武汉甲公司", c4="约120", c5="abc")])
    outcome = import_file(path, "wuhan-2022", repo, NOW)
    assert messages(outcome) == [
        ("excel.not-integer", "工作表“汇总”第 6 行 E 列：企业从业人数应为整数，实为“约120”"),
        ("excel.not-number", "工作表“汇总”第 6 行 F 列：上年营业收入应为数字，实为“abc”"),
    ]
    assert outcome.written == []  # the good row is not written either
    assert not (repo / "submissions" / "needs").exists()
    partial = import_file(path, "wuhan-2022", repo, NOW, partial=True)
    assert len(partial.written) == 1 and not partial.findings.ok


def test_unknown_region_missing_values_and_bad_ticks(repo: Path, tmp_path: Path) -> None:
    rows = [
        row(c1="火星区"),
        row(c2="武汉乙公司", c7=None),
        row(c2="武汉丙公司", c9="武汉大学", c10="王五", c11="也许", c15=None),
        row(c2="武汉丁公司", c9="武汉大学", c10="王五", c11="否"),  # named, and ticked 不指定
        row(c2="武汉戊公司", c7="太短了"),
    ]
    outcome = import_file(sheet_file(tmp_path / "b.xlsx", rows), "wuhan-2022", repo, NOW)
    found = messages(outcome)
    assert [c for c, _ in found] == [
        "excel.unknown-region",
        "excel.required",
        "excel.not-yesno",
        "excel.named-and-unnamed",
        "excel.invalid",
    ]
    assert found[0][1].startswith("工作表“汇总”第 5 行 B 列：地区“火星区”不在批次 wuhan-2022 中")
    assert found[1][1] == "工作表“汇总”第 6 行 H 列：期望科技副总帮助解决的技术创新难题不能为空"
    assert "第 7 行 L 列：是否已经协商一致应填“是”或“否”，实为“也许”" in found[2][1]
    assert "第 9 行 H 列" in found[4][1] and "10" in found[4][1]


def test_a_missing_header_column_is_named(repo: Path, tmp_path: Path) -> None:
    top = [h if h != "所属行业" else "行业" for h in TOP]
    outcome = import_file(
        sheet_file(tmp_path / "c.xlsx", [row()], top=top), "wuhan-2022", repo, NOW
    )
    assert messages(outcome) == [
        ("excel.missing-column", "工作表“汇总”第 3 行：表头缺少“所属行业”列")
    ]


def test_no_header_at_all(repo: Path, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["名单"])
    wb.save(tmp_path / "d.xlsx")
    outcome = import_file(tmp_path / "d.xlsx", "wuhan-2022", repo, NOW)
    assert [c for c, _ in messages(outcome)] == ["excel.no-header"]


def test_merged_data_cells_are_refused(repo: Path, tmp_path: Path) -> None:
    rows = [row(), row(c1=None, c2="武汉乙公司")]
    path = sheet_file(tmp_path / "e.xlsx", rows, merges=["B5:B6"])
    outcome = import_file(path, "wuhan-2022", repo, NOW)
    assert messages(outcome)[0] == (
        "excel.merged-data",
        "工作表“汇总”：B5:B6 是合并单元格：数据区每行每列应各填一格，请取消合并后逐行填写",
    )
    assert outcome.written == []


def test_the_same_enterprise_twice_in_one_file(repo: Path, tmp_path: Path) -> None:
    outcome = import_file(sheet_file(tmp_path / "f.xlsx", [row(), row()]), "wuhan-2022", repo, NOW)
    assert [c for c, _ in messages(outcome)] == ["excel.duplicate-row"]
    assert len(outcome.written) == 1


def test_without_a_filer_there_is_no_contact(repo: Path, tmp_path: Path) -> None:
    stamp = "填报单位（加盖公章）：    填报人：    联系方式：    填报日期："
    path = sheet_file(tmp_path / "g.xlsx", [row()], stamp=stamp)
    outcome = import_file(path, "wuhan-2022", repo, NOW)
    assert [c for c, _ in messages(outcome)] == ["excel.no-contact"]


def test_a_policy_that_demands_the_credit_code_names_the_column(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", batch=[record(BATCH, policy="deepened")])
    outcome = import_file(sheet_file(tmp_path / "h.xlsx", [row()]), "wuhan-2022", root, NOW)
    assert messages(outcome) == [
        (
            "excel.policy-column",
            "工作表“汇总”第 3 行：批次 wuhan-2022 的政策要求填写统一社会信用代码，"
            "表中没有“统一社会信用代码”列，请增加此列后重新导入",
        )
    ]


def test_files_that_are_not_spreadsheets(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b")
    (tmp_path / "y.xlsx").write_bytes(b"not a zip")
    runner = CliRunner()
    for name, code in [("x.csv", "excel.unsupported"), ("y.xlsx", "excel.unreadable")]:
        args = ["import-excel", str(tmp_path / name), "--batch", "wuhan-2022", "--root", str(repo)]
        result = runner.invoke(main, args)
        assert result.exit_code == 2 and code in result.output, result.output


def test_import_command_exit_codes(repo: Path, tmp_path: Path) -> None:
    good = sheet_file(tmp_path / "ok.xlsx", [row()])
    args = ["--batch", "wuhan-2022", "--root", str(repo), "--now", "2022-03-01T08:00:00+08:00"]
    result = CliRunner().invoke(main, ["import-excel", str(good), *args])
    assert result.exit_code == 0 and "已写入 1 条记录，跳过 0 行。" in result.output
    bad = sheet_file(tmp_path / "bad.xlsx", [row(c2="武汉乙公司", c4="约120")])
    result = CliRunner().invoke(main, ["import-excel", str(bad), *args])
    assert result.exit_code == 1 and "未写入任何文件" in result.output


def test_ids_are_pinyin_and_stable() -> None:
    assert need_id("武汉睿光激光科技有限公司", set()) == "wu-han-rui-guang-ji-guang-ke-ji"
    taken = {"wu-han-rui-guang-ji-guang-ke-ji"}
    assert need_id("武汉睿光激光科技有限公司", taken).startswith("wu-han-rui-guang-ji-guang-ke-ji-")
    assert need_id("ABC有限公司", set()) == "abc"


def _carried(need: Any) -> tuple[Any, ...]:
    e = need.enterprise
    named = tuple((p.institution, p.name, p.agreed) for p in need.preferred_experts)
    return (
        need.region,
        e.name,
        e.industry,
        e.employees,
        e.revenue_last_year,
        need.expert_field,
        need.problem,
        need.cooperation,
        named,
    )


def test_round_trip_of_the_demo_batch(demo: Dataset, exported: Path, tmp_path: Path) -> None:
    """Export the shipped batch's 需求汇总表, import it into a repository without those needs:
    every field the table carries is equal."""
    wb = openpyxl.load_workbook(exported / "需求汇总表.xlsx")
    wb.active["A2"] = (
        "填报单位（加盖公章）：市经信局  填报人：段志雄  联系方式：85317029  填报日期："
    )
    wb.save(tmp_path / "filled.xlsx")
    root = write_repo(tmp_path / "repo", batch=[])
    shutil.copytree(
        demo.root / "submissions" / "batches", root / "submissions" / "batches", dirs_exist_ok=True
    )
    outcome = import_file(tmp_path / "filled.xlsx", "wuhan-2022", root, NOW)
    assert outcome.findings.ok, messages(outcome)
    live = [n.record for n in demo.needs.values() if not n.record.withdrawn]
    assert len(outcome.written) == len(live)
    back = load_dataset(root)[0].needs.values()
    assert sorted(_carried(n.record) for n in back) == sorted(_carried(n) for n in live)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_an_xls_saved_by_old_excel_or_wps_imports(repo: Path, tmp_path: Path) -> None:
    source = sheet_file(tmp_path / "old.xlsx", [row(c4="１２０")])
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    outcome = import_file(tmp_path / "old.xls", "wuhan-2022", repo, NOW)
    assert messages(outcome) == [] and len(outcome.written) == 1
    assert needs(repo)["武汉睿光激光科技有限公司"].enterprise.employees == 120


def test_added_columns_give_the_enterprise_contact_and_credit_code(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "r", batch=[record(BATCH, policy="deepened")])
    top = [*TOP, "统一社会信用代码", "企业联系人", "联系电话"]
    under = [*UNDER, None, None, None]
    values = [*row(), credit_code(), "周 敏", "13912345678"]
    path = sheet_file(tmp_path / "i.xlsx", [values], top=top, under=under, stamp="")
    outcome = import_file(path, "wuhan-2022", root, NOW)
    assert messages(outcome) == []
    need = needs(root)["武汉睿光激光科技有限公司"]
    assert (need.contact.name, need.contact.phone) == ("周敏", "13912345678")
    assert need.enterprise.credit_code == credit_code()
