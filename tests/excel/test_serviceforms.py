"""Seed 002's tables (附件2–5) read back with openpyxl: the seed's titles and headers, stamp lines,
rows chosen by status, typed values, print settings, 附件5's 合计, the same bytes on every run."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from techvp.excel.servicefiles import write_service_forms
from techvp.excel.serviceforms import (
    ACCOUNTS_FORM,
    ASSESSMENTS,
    OUTCOME_FIELDS,
    STATISTICS,
    UNSIGNED,
    ServiceRow,
    statistics_rows,
)
from techvp.models import Appointment
from techvp.models.outcomes import Outcomes
from techvp.repo import Dataset, load_dataset
from tests.excel.service import SEED_FORMS, SEED_STAMPS, flat, seed_text, service_repo
from tests.factories import APPOINTMENT

FILES = {
    "附件2": "附件2 考核验收情况汇总表.xlsx",
    "附件3": "附件3 未签约到岗、履职服务情况汇总表.xlsx",
    "附件4": "附件4 支持经费拨付个人账户信息采集表.xlsx",
    "附件5": "附件5 服务中小微企业活动开展情况统计表.xlsx",
}
FORMS = {"附件2": ASSESSMENTS, "附件3": UNSIGNED, "附件4": ACCOUNTS_FORM, "附件5": STATISTICS}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    root = service_repo(tmp_path_factory.mktemp("service"))
    loaded, findings = load_dataset(root)
    assert findings.ok, [d.message for d in findings.sorted()]
    return loaded


@pytest.fixture(scope="module")
def written(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("forms")
    write_service_forms(dataset, dataset.batches["wuhan-2022"].record, out)
    return out


def _sheet(written: Path, key: str) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(written / FILES[key]).active


def _rows(written: Path, key: str) -> list[tuple[object, ...]]:
    return list(_sheet(written, key).iter_rows(values_only=True))


@pytest.mark.parametrize("key", sorted(FILES))
def test_titles_and_headers_are_the_seeds(written: Path, key: str) -> None:
    words, seed_title, headers = SEED_FORMS[key]
    form = FORMS[key]
    assert [c.header or None for c in form.columns] == headers  # the declaration
    assert form.title.format(batch=words) == seed_title
    rows = _rows(written, key)
    assert rows[0][0] == form.title.format(batch="2022年武汉市")
    assert list(rows[2]) == headers  # the file
    for label in SEED_STAMPS.get(key, SEED_STAMPS["附件3"]):
        assert label in str(rows[1][0])
    ws = _sheet(written, key)
    last = openpyxl.utils.get_column_letter(len(headers))
    assert {f"A1:{last}1", f"A2:{last}2"} <= {str(r) for r in ws.merged_cells.ranges}
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$3:$3"
    setup = ws.page_setup
    fit_width = setup.fitToWidth or 1  # an absent fitToWidth is 1 (ECMA-376 CT_PageSetup)
    assert (setup.orientation, setup.paperSize, fit_width, setup.fitToHeight) == (
        "landscape",
        9,
        1,
        0,
    )


def test_transcribed_titles_and_headers_match_the_seed_text() -> None:
    body = seed_text()
    if body is None:
        pytest.skip("seed 002's text is not on this machine")
    for key, (_, title, headers) in SEED_FORMS.items():
        part = body[body.index(flat(title)) :]
        at = 0
        for header in headers:
            if header is None:
                continue
            found = part.find(flat(header), at)
            assert found >= at, (key, header)
            at = found + len(flat(header))


def test_assessment_summary_lists_who_served_the_term_with_the_result_ticked(
    written: Path,
) -> None:
    ws = _sheet(written, "附件2")
    assert ws.row_dimensions[2].height >= 30  # the two-line stamp is shown whole
    rows = _rows(written, "附件2")[3:]
    assert [r[:3] for r in rows] == [
        ("江岸区", 1, "李明"),
        (None, 2, "张伟"),  # 市州 merged down over its rows, as on the paper form
        ("东湖新技术开发区", 3, "王芳"),
    ]
    assert "A4:A5" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A5"].border.left.style == "thin"
    li, zhang, wang = rows
    assert isinstance(li[1], int)
    assert li[3] == "华中科技大学 光学与电子信息学院" and zhang[4] == "副教授、系主任"
    assert li[6] == "（√）通过验收    （  ）不通过验收"
    assert zhang[6] == "（  ）通过验收    （√）不通过验收"
    assert zhang[7] == "服务天数不足，企业评价为不满意。" and zhang[8] is None
    assert wang[6] == "（  ）通过验收    （  ）不通过验收"  # not yet assessed
    assert li[8] == "开户行（含支行）：\n银行账号："  # no --accounts: labels only


def test_unsigned_summary_holds_the_not_signed_with_their_reason(written: Path) -> None:
    rows = _rows(written, "附件3")[3:]
    assert rows == [
        (
            1,
            "赵磊",
            "华中科技大学 光学与电子信息学院",
            "副教授",
            "武汉绿涂新材料有限公司",
            "专家承担国家重点研发任务，经派出单位同意不再派驻。",
        )
    ]


def test_accounts_form_lists_the_signed_without_bank_data(written: Path) -> None:
    rows = _rows(written, "附件4")[3:]
    assert [r[0] for r in rows] == ["李明", "张伟", "王芳"]
    li, zhang, wang = rows
    assert li[1:3] == ("男", "中共党员") and wang[1] == "女"
    assert all(r[3] is None and r[4] is None for r in rows)  # bank columns only from --accounts
    assert li[6:8] == ("是", "是")
    assert li[9] == "很满意" and zhang[9] == "不满意" and wang[9] is None
    assert li[10] == "13807100000" and isinstance(li[10], str)
    assert _sheet(written, "附件4")["E4"].number_format == "@"  # account numbers stay text


def test_statistics_sum_each_region_and_total_every_column(written: Path) -> None:
    rows = _rows(written, "附件5")
    body = rows[3:-1]
    assert [r[:2] for r in body] == [
        ("江岸区", "2022年武汉市"),
        ("东湖新技术开发区", "2022年武汉市"),
        ("合计", None),
    ]
    jiangan, donghu, total = body
    # 江岸区: the two assessments; 东湖: 王芳's two reports and 孙强's one (赵磊 never served).
    assert jiangan[2:] == (4, 1, 35, 0, 0, 57.5, 0)
    assert donghu[2:] == (4, 0, 24, 0, 0, 12.5, 0)
    for col in range(2, 9):
        assert total[col] == sum(r[col] for r in body[:-1])
    assert isinstance(jiangan[2], int) and isinstance(jiangan[7], float)
    assert rows[-1][0] == "注：汇总数据为2022年武汉市“科技副总”两年服务期内取得的成效数据。"


_COUNT = st.integers(min_value=0, max_value=1000)
_AMOUNT = st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False)
_OUTCOMES = st.builds(
    Outcomes,
    problems_solved=_COUNT,
    transfers=_COUNT,
    trainees=_COUNT,
    talents=_COUNT,
    agreements=_COUNT,
    agreement_amount=_AMOUNT,
    platforms=_COUNT,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["江岸区", "江汉区", "洪山区"]), _OUTCOMES), max_size=12))
def test_statistics_total_is_the_sum_of_its_rows(items: list[tuple[str, Outcomes]]) -> None:
    appointment = Appointment.model_validate(APPOINTMENT)
    rows = [
        ServiceRow(i, appointment, "on_duty", region, None, None, None, outcomes)
        for i, (region, outcomes) in enumerate(items, start=1)
    ]
    lines = statistics_rows(rows, "第二批")
    assert [line.region for line in lines[:-1]] == list(dict.fromkeys(r for r, _ in items))
    total = lines[-1]
    assert total.region == "合计"
    for name in OUTCOME_FIELDS:
        column = [getattr(line.outcomes, name) for line in lines[:-1]]
        assert getattr(total.outcomes, name) == sum(column, Decimal(0))
        assert sum(column, Decimal(0)) == sum((getattr(o, name) for _, o in items), Decimal(0))


def test_service_forms_are_byte_identical(dataset: Dataset, written: Path, tmp_path: Path) -> None:
    paths = write_service_forms(dataset, dataset.batches["wuhan-2022"].record, tmp_path)
    assert len(paths) == 5
    for path in paths:
        assert path.read_bytes() == (written / path.name).read_bytes(), path.name
