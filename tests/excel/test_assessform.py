"""附件1 考核表 read back: one printable form per expert, laid out like the paper one — label and
answer cells, the outcome grid, long texts as merged blocks, the six indicators, the four opinion
blocks with seal and date lines — A4 portrait, fitted to the page width."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from techvp.excel.assessform import ASSESSMENT_FORM, sheet_names, write_assessment_forms
from techvp.excel.forms import BLANK_BATCH, BLANK_TIME
from techvp.excel.formsheet import LONG_ROW_LINES, split_long
from techvp.excel.layout import display_units
from techvp.excel.servicefiles import write_service_forms
from techvp.excel.serviceforms import ServiceRow, assessed_rows, service_rows
from techvp.messages import excel as text
from techvp.repo import load_dataset
from tests.excel.formdump import dump_form
from tests.excel.service import LONG, OUTCOMES, flat, seed_text, service_repo
from tests.golden import assert_golden

FILE = "附件1 考核表.xlsx"
GOLDEN = Path(__file__).parent / "golden"
# The paper form's own words, transcribed from seed 002 附件1 (full-width punctuation restored).
SEED_LABELS = [
    "湖北省第二批“科技副总”服务中小微企业考核表",
    "姓名",
    "派出单位及院系",
    "职务职称",
    "两年服务期内取得的成效数据",
    *OUTCOMES,
    "是否足额领取了第一笔工作保障经费（3万元/人）",
    "是否将工作经费充分合理的运用于服务接收企业",
    "接收企业",
    "两年服务期工作情况总结报告",
    "一、工作开展情况（必填，1500字以内）",
    "（一）主要成绩",
    "（二）典型经验",
    "二、存在的不足（必填，200字以内）",
    "三、工作建议（选填，200字以内）",
    "企业考核评价（由“科技副总”接收企业填写）",
    "指标名称",
    "指标内容",
    "指标评价",
    "指标1",
    "“科技副总”是否充分履行了签订四方项目合同书",
    "指标2",
    "“科技副总”是否提供了每月不少于7天的兼职服务",
    "指标3",
    "“科技副总”是否帮助企业提升了创新能力",
    "指标4",
    "“科技副总”的创新成果是否帮助企业取得了经济效益",
    "指标5",
    "对“科技副总”服务企业的满意度",
    "指标6",
    "“科技副总”是否存在违纪违法行为",
    "接收企业考核意见",
    "派出单位考核意见",
    "经信部门考核意见",
    "组织部门考核意见",
]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    root = service_repo(tmp_path_factory.mktemp("repo"))
    dataset, _ = load_dataset(root)
    out = tmp_path_factory.mktemp("out")
    write_service_forms(dataset, dataset.batches["wuhan-2022"].record, out)
    return openpyxl.load_workbook(out / FILE)


def _labels(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [flat(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_one_form_per_expert_who_took_up_the_post(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == ["李明", "张伟", "王芳"]  # 赵磊 never signed: no 考核表


def test_the_form_carries_the_papers_labels_in_its_order(book: openpyxl.Workbook) -> None:
    ws = book["李明"]
    assert ws["A1"].value == "2022年武汉市“科技副总”服务中小微企业考核表"
    labels = [flat(x) for x in SEED_LABELS[1:]]
    found = _labels(ws)
    assert found[0] == flat(ws["A1"].value)
    assert [x for x in found if x in labels] == labels  # each once, in the paper's order
    body = seed_text()
    if body is not None:  # the transcription against the seed's own text
        at = body.index(flat(SEED_LABELS[0]))
        for label in SEED_LABELS:
            found_at = body.find(flat(label), at)
            assert found_at >= at, label
            at = found_at + len(flat(label))


def test_label_and_answer_cells_hold_the_records_typed(book: openpyxl.Workbook) -> None:
    ws = book["李明"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:H1", "B2:C2", "E2:F2", "A3:A4"} <= merged
    assert (ws["A2"].value, ws["B2"].value, ws["G2"].value, ws["H2"].value) == (
        "姓名",
        "李明",
        "职务职称",
        "副教授",
    )
    assert ws["E2"].value == "华中科技大学 光学与电子信息学院"
    assert [ws.cell(3, c).value for c in range(2, 9)] == OUTCOMES
    values = [ws.cell(4, c).value for c in range(2, 9)]
    assert values == [3, 1, 30, 0, 0, 50, 0]
    assert all(isinstance(v, int) for v in values)
    assert ws["A5"].value.startswith("是否足额领取") and "A5:E5" in merged
    assert ws["F5"].value == "（√）是    （  ）否"
    assert (ws["A7"].value, ws["B7"].value) == ("接收企业", "武汉睿光激光科技有限公司")
    zhang = book["张伟"]
    values = {c.value for row in zhang.iter_rows() for c in row}
    assert "（  ）是    （√）否" in values  # 指标2: days not met
    assert "（  ）很满意    （  ）满意    （  ）基本满意    （√）不满意" in values
    assert [zhang.cell(4, c).value for c in (2, 4, 7)] == [1, 5, 7.5]


def _rows_of(ws: openpyxl.worksheet.worksheet.Worksheet, heading: str) -> int:
    return next(c.row for row in ws.iter_rows() for c in row if c.value == heading)


def test_a_long_text_is_a_ruled_block_of_rows_that_print(book: openpyxl.Workbook) -> None:
    ws = book["李明"]
    first = _rows_of(ws, "（一）主要成绩") + 1
    last = _rows_of(ws, "（二）典型经验") - 1
    assert last > first  # about 1000 characters: more than one sheet row
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert all(f"A{r}:H{r}" in merged for r in range(first, last + 1))
    assert "".join(ws[f"A{r}"].value for r in range(first, last + 1)) == LONG
    assert all(ws.row_dimensions[r].height <= 409 for r in range(first, last + 1))
    assert ws[f"A{first}"].border.top.style == "thin"
    assert ws[f"A{first}"].border.bottom.style is None  # one block, not boxed lines
    assert ws[f"H{last}"].border.bottom.style == "thin"
    assert ws[f"A{first}"].alignment.vertical == "top"


def test_split_long_keeps_every_character_and_the_row_limit() -> None:
    text_ = "第一段" * 200 + "\n" + "第二段" * 5
    pieces = split_long(text_, 80)
    assert "".join(pieces) == text_
    for piece in pieces:
        lines = sum(max(1, -(-display_units(p) // 78)) for p in piece.split("\n"))
        assert lines <= LONG_ROW_LINES


def test_opinion_blocks_have_seal_and_date_lines(book: openpyxl.Workbook) -> None:
    ws = book["李明"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    for _, name in text.OPINIONS:
        row = _rows_of(ws, name)
        assert f"A{row}:A{row + 2}" in merged
        assert ws[f"B{row}"].value == "同意通过考核验收。"
        assert ws[f"B{row + 1}"].value == "（盖章）"
        assert ws[f"B{row + 2}"].value == "2024年6月20日"
        assert ws[f"B{row + 2}"].alignment.horizontal == "right"
    wang = book["王芳"]  # not assessed: blank lines to write on
    row = _rows_of(wang, "接收企业\n考核意见")
    assert wang[f"B{row}"].value is None
    assert wang[f"B{row + 2}"].value == text.DATE_BLANK


def test_printed_on_a4_portrait_with_the_evaluation_on_a_new_page(
    book: openpyxl.Workbook,
) -> None:
    ws = book["李明"]
    setup = ws.page_setup
    fit_width = setup.fitToWidth or 1  # an absent fitToWidth is 1 (ECMA-376 CT_PageSetup)
    assert (setup.orientation, setup.paperSize, fit_width, setup.fitToHeight) == (
        "portrait",
        9,
        1,
        0,
    )
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    evaluation = _rows_of(ws, "企业考核评价（由“科技副总”接收企业填写）")
    assert [b.id for b in ws.row_breaks.brk] == [evaluation - 1]
    assert ws.print_area == f"'李明'!$A$1:$H${ws.max_row}"
    assert ws["B2"].font.name == "宋体"


def test_with_no_expert_to_assess_a_blank_form_is_written(tmp_path: Path) -> None:
    path = write_assessment_forms([], "2022年武汉市", tmp_path, datetime(2022, 3, 15))
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "考核表"
    assert ws["B2"].value is None and ws["F5"].value == "（  ）是    （  ）否"
    assert ASSESSMENT_FORM.name == "附件1 考核表"


def _renamed(row: ServiceRow, name: str) -> ServiceRow:
    assert row.expert is not None
    return replace(row, expert=row.expert.model_copy(update={"name": name}))


def test_tabs_are_names_excel_accepts_whatever_the_experts_names(tmp_path: Path) -> None:
    dataset, _ = load_dataset(service_repo(tmp_path / "repo"))
    rows = assessed_rows(service_rows(dataset, dataset.batches["wuhan-2022"].record))
    names = ["李[明]/工作室", "History", "'王芳'"]  # Excel refuses each as a tab's name
    odd = [_renamed(row, name) for row, name in zip(rows, names, strict=True)]
    path = write_assessment_forms(odd, "2022年武汉市", tmp_path, datetime(2022, 3, 15))
    assert openpyxl.load_workbook(path).sheetnames == ["李_明__工作室", "History-2", "王芳"]
    long = "欧阳" * 20  # two experts of one 40-character name: name-id, cut to 31, still equal
    assert sheet_names([_renamed(rows[0], long), _renamed(rows[1], long)]) == [
        long[:31],
        f"{long[:29]}-2",
    ]


def test_the_blank_form_as_a_reviewer_compares_it(tmp_path: Path) -> None:
    """Every box of the blank 考核表 (`techvp excel-templates`): text, font, alignment, ruled
    sides, row heights, column widths and print setup; a layout change shows in the diff."""
    path = write_assessment_forms([], BLANK_BATCH, tmp_path, BLANK_TIME)
    assert_golden(GOLDEN / "assessment-form-blank.txt", dump_form(path))
