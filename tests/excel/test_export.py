"""The exported forms read back with openpyxl: the seed's headers, merges, typed values, print
settings, and the same bytes on every run."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.excel.forms import export_batch
from techvp.messages import excel as text
from techvp.repo import Dataset

SEED_HEADERS_TOP = [
    "序号",
    "企业所在地",
    "申报企业名称",
    "所属行业",
    "企业从业人数（名）",
    "上年营业收入（万元）",
    "期望专家研究领域",
    "期望科技副总帮助解决的技术创新难题",
    "期望与“科技副总”派出单位开展的项目合作",
    "指定专家",
    None,
    None,
    None,
    None,
    None,
    "不指定专家（打√）",
]
SEED_HEADERS_UNDER = [
    "期望专家备选人员1所在单位",
    "期望专家备选人员1姓名",
    "是否已经协商一致",
    "期望专家备选人员2所在单位",
    "期望专家备选人员2姓名",
    "是否已经协商一致",
]


def _rows(path: Path) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def test_needs_form_has_the_seed_title_stamp_line_and_two_level_headers(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported / "需求汇总表.xlsx").active
    rows = list(ws.iter_rows(max_row=4, values_only=True))
    assert rows[0][0] == "2022年企业“科技副总”选派需求汇总表（经信部门填报）"
    stamp = str(rows[1][0])
    for label in ["填报单位（加盖公章）：", "填报人：", "联系方式：", "填报日期："]:
        assert label in stamp
    assert list(rows[2]) == SEED_HEADERS_TOP
    assert list(rows[3][9:15]) == SEED_HEADERS_UNDER
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:P1", "A2:P2", "J3:O3", "A3:A4", "I3:I4", "P3:P4"} <= merged
    assert len(merged) == 2 + 1 + 10  # title, stamp, the group, ten single columns


def test_needs_form_prints_like_the_paper_form(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported / "需求汇总表.xlsx").active
    assert ws.freeze_panes == "A5"
    assert ws.print_title_rows == "$3:$4"
    setup = ws.page_setup
    fit_width = setup.fitToWidth or 1  # an absent fitToWidth is 1 (ECMA-376 CT_PageSetup)
    assert (setup.orientation, setup.paperSize, fit_width, setup.fitToHeight) == (
        "landscape",
        9,
        1,
        0,
    )
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    head, body = ws["H3"], ws["H5"]
    assert head.font.name == body.font.name == "宋体"
    assert head.font.bold and body.alignment.wrap_text
    assert body.border.left.style == body.border.bottom.style == "thin"
    assert ws.column_dimensions["H"].width >= 40  # the problem text column is the widest
    assert ws.row_dimensions[5].height > 40  # tall enough for the wrapped problem text


def test_needs_rows_are_typed_and_follow_the_records(exported: Path, demo: Dataset) -> None:
    rows = _rows(exported / "需求汇总表.xlsx")[4:]
    live = [n.record for n in demo.needs.values() if not n.record.withdrawn]
    assert [r[0] for r in rows] == list(range(1, len(live) + 1))
    by_name = {r[2]: r for r in rows}
    need = demo.needs["changhu-bream-breeding"].record
    row = by_name[need.enterprise.name]
    assert row[1] == "蔡甸区"
    assert row[4] == 55 and isinstance(row[4], int)
    assert row[5] == 1680 and isinstance(row[5], int)
    assert row[9:16] == ("华中农业大学", "汪德明", "是", "湖北省农业科学院", "熊国华", "是", None)
    unnamed = [r for r in rows if r[9] is None]
    assert unnamed and all(r[15] == "√" for r in unnamed)
    fractional = [r[5] for r in rows if isinstance(r[5], float)]
    assert fractional, "a revenue with decimals stays a number"


def test_experts_form_has_dates_as_dates_and_grouped_headers(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported / "科技人员汇总表.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "2022年“科技副总”科技人员汇总表"
    assert "专业技术职称" in rows[2] and "联系方式" in rows[2]
    assert {"职称", "职称级别", "联系手机"} <= set(rows[3])
    first = rows[4]
    assert first[1] == "白露" and first[3] is not None
    assert first[3].date() == date(1979, 10, 30)
    assert ws["D5"].number_format == "yyyy-mm-dd"
    col = {v: i for i, v in enumerate(rows[2]) if v} | {v: i for i, v in enumerate(rows[3]) if v}
    assert first[col["近3年内无不良记录"]] in ("是", "否")
    assert first[col["人员类型"]] == "在职科研人员"
    patents = [r[col["专利"]] for r in rows[4:] if r[col["专利"]]]
    assert patents and all(line.startswith(("发明：", "实用新型：")) for line in patents)
    assert any(str(r[0]).startswith("注：专利每项一行") for r in rows if r[0])


def test_export_is_byte_identical_and_zip_entries_carry_a_fixed_date(
    demo: Dataset, tmp_path: Path, exported: Path
) -> None:
    export_batch(demo, "wuhan-2022", tmp_path)
    for name in ["需求汇总表.xlsx", "科技人员汇总表.xlsx"]:
        assert (tmp_path / name).read_bytes() == (exported / name).read_bytes()
        with zipfile.ZipFile(tmp_path / name) as archive:
            assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            core = archive.read("docProps/core.xml").decode()
        assert "2022-03-15T00:00:00Z" in core


def test_region_export_holds_that_region_only(demo: Dataset, tmp_path: Path) -> None:
    written = export_batch(demo, "wuhan-2022", tmp_path, region="蔡甸区")
    assert [p.name for p in written] == ["需求汇总表.xlsx"]
    wb = openpyxl.load_workbook(written[0])
    assert wb.sheetnames == ["蔡甸区"]
    regions = {r[1] for r in list(wb.active.iter_rows(values_only=True))[4:]}
    assert regions == {"蔡甸区"}


def test_export_command_writes_the_files_and_refuses_an_unknown_region(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    runner = CliRunner()
    args = ["export", "--batch", "wuhan-2022", "--root", str(root), "--out", str(tmp_path)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "需求汇总表.xlsx").exists() and (tmp_path / "科技人员汇总表.xlsx").exists()
    result = runner.invoke(main, [*args, "--region", "火星区"])
    assert result.exit_code == 2
    assert "地区“火星区”不在批次 wuhan-2022 中" in result.output
    assert "excel.unknown-region" in result.output
    result = runner.invoke(main, ["export", "--batch", "nope", "--root", str(root), "--out", "x"])
    assert result.exit_code == 2 and "批次“nope”不存在" in result.output


def test_build_writes_the_staff_forms_outside_the_site(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from techvp.build import build

    root = Path(__file__).resolve().parents[2]
    _, names = build(root, datetime(2022, 3, 1, tzinfo=UTC), out_dir=tmp_path)
    assert "excel" in names and "site" in names
    assert (tmp_path / "excel" / "wuhan-2022" / "需求汇总表.xlsx").exists()
    assert (tmp_path / "site" / "index.html").exists()
    assert list((tmp_path / "site").rglob("*.xlsx")) == []


@pytest.mark.parametrize("name", ["export", "excel-templates"])
def test_excel_commands_have_chinese_short_help(name: str) -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert text.SHORT_HELP[name] in result.output


def test_blank_templates_have_drop_downs_for_regions_industries_and_yes_no(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    args = ["excel-templates", "--root", str(root), "--out", str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(tmp_path / "需求汇总表.xlsx").active
    assert ws["A1"].value == "2022年企业“科技副总”选派需求汇总表（经信部门填报）"
    assert [c.value for c in ws[5]] == [None] * 16
    assert ws.max_row == 24  # 20 bordered blank rows under the header
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["B5:B24"].startswith('"江岸区,江汉区,')
    assert "光电子信息" in lists["D5:D24"]
    assert lists["L5:L24"] == lists["O5:O24"] == '"是,否"'
    ws = openpyxl.load_workbook(tmp_path / "科技人员汇总表.xlsx").active
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["C5:C24"] == '"男,女"' and lists["P5:P24"] == '"是,否"'
    assert lists["H5:H24"] == '"高校,科研院所,新型研发机构,省级以上实验室"'
    empty = tmp_path / "empty"
    result = CliRunner().invoke(
        main, ["excel-templates", "--root", str(empty), "--out", str(empty)]
    )
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(empty / "需求汇总表.xlsx").active
    assert ws["A1"].value.startswith("    年企业")
    assert [str(dv.sqref) for dv in ws.data_validations.dataValidation] == ["L5:L24", "O5:O24"]


def test_a_long_catalogue_is_a_drop_down_from_a_hidden_sheet(tmp_path: Path) -> None:
    """Excel takes at most 255 characters of list in a drop-down's rule; a longer catalogue is
    listed on a hidden sheet the drop-down points to."""
    from techvp.excel.forms import write_templates
    from techvp.models import Batch
    from tests.factories import BATCH, record

    industries = [f"第{i}类制造业及相关技术服务" for i in range(40)]
    batch = Batch.model_validate(record(BATCH, industries=industries))
    write_templates(tmp_path, batch, "2022", datetime(2022, 3, 15))
    wb = openpyxl.load_workbook(tmp_path / "需求汇总表.xlsx")
    ws, hidden = wb["需求汇总表"], wb["下拉列表"]
    assert hidden.sheet_state == "hidden"
    assert [c.value for c in hidden["A"]] == industries
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["D5:D24"] == "'下拉列表'!$A$1:$A$40"
    assert lists["B5:B24"] == '"江岸区,东湖新技术开发区"'
