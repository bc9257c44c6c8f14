"""The service rules (techvp.policies.rules.lifecycle), each with a pass, a fail and its boundary,
judged through `techvp validate`'s own pipeline at a chosen `now`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from techvp.build import run
from techvp.diagnostics import Diagnostic
from tests.factories import BATCH, record
from tests.lifecycle.helpers import (
    appointment,
    assessment,
    at,
    batch_repo,
    expert,
    need,
    periods,
    report,
)

LI = ("li-ming-hust", "laser-weld")
OPINION = {"text": "同意通过。", "date": "2024-07-10"}
ALL_OPINIONS = {k: OPINION for k in ("enterprise", "institution", "econ_dept", "org_dept")}
FULL_TERM = periods("2022-08", "2024-06")


def findings(root: Path, day: str, prefix: str = "lifecycle.") -> list[Diagnostic]:
    return [d for d in run(root, at(day)).findings.sorted() if d.code.startswith(prefix)]


def codes(root: Path, day: str) -> list[tuple[str, str, str]]:
    return [
        (d.code, d.severity.value, d.location.file.rsplit("/", 1)[-1]) for d in findings(root, day)
    ]


def li_repo(root: Path, **kinds: list[dict[str, Any]]) -> Path:
    kinds.setdefault("appointment", [appointment(*LI)])
    return batch_repo(root, [LI], **kinds)


def test_a_report_is_missing_from_the_day_after_its_26th(tmp_path: Path) -> None:
    root = li_repo(tmp_path)
    assert codes(root, "2022-08-26") == []
    (diag,) = findings(root, "2022-08-27")
    assert (diag.code, diag.severity.value) == ("lifecycle.report-missing", "warning")
    assert diag.location.file == "submissions/appointments/wuhan-2022/li-ming-hust.yaml"
    assert diag.message.startswith(
        "报告期 2022-08 的服务报告应于 2022-08-26 前报送，截至 2022-08-27 仍未报送"
    )
    assert "2023年跟踪评估和考核验收通知 一" in diag.message  # seed 002's clause
    sent = li_repo(tmp_path / "sent", report=[report("li-ming-hust", "2022-08")])
    assert codes(sent, "2022-08-27") == []


def test_a_report_sent_after_its_26th_is_late(tmp_path: Path) -> None:
    sent = report("li-ming-hust", "2022-08", submitted_on="2022-08-26")
    assert codes(li_repo(tmp_path, report=[sent]), "2022-09-01") == []
    late = li_repo(
        tmp_path / "late", report=[report("li-ming-hust", "2022-08", submitted_on="2022-09-05")]
    )
    assert codes(late, "2022-09-05") == [("lifecycle.report-late", "warning", "2022-08.yaml")]
    # Read before it was sent, the report does not exist yet: the period is missing instead.
    missing = [("lifecycle.report-missing", "warning", "li-ming-hust.yaml")]
    assert codes(late, "2022-09-04") == missing


def test_a_report_sent_before_its_period_began(tmp_path: Path) -> None:
    first_day = li_repo(
        tmp_path, report=[report("li-ming-hust", "2022-08", submitted_on="2022-07-01")]
    )
    assert codes(first_day, "2022-08-01") == []
    early = li_repo(
        tmp_path / "e", report=[report("li-ming-hust", "2022-08", submitted_on="2022-06-30")]
    )
    assert codes(early, "2022-08-01") == [("lifecycle.report-early", "warning", "2022-08.yaml")]


def test_a_report_from_an_expert_who_never_took_up_the_post(tmp_path: Path) -> None:
    gone = appointment(
        *LI, status="not_signed", signed_on=None, on_duty_on=None, not_signed_reason="未签约。"
    )
    root = li_repo(tmp_path, appointment=[gone], report=[report("li-ming-hust", "2022-08")])
    assert codes(root, "2022-08-01") == [("lifecycle.report-unappointed", "error", "2022-08.yaml")]
    served = li_repo(tmp_path / "s", report=[report("li-ming-hust", "2022-08")])
    assert codes(served, "2022-08-01") == []
    # An appointment still at 已选派 may lag behind the service it reports: not an error.
    lagging = appointment(*LI, status="selected", signed_on=None, on_duty_on=None)
    root = li_repo(
        tmp_path / "l", appointment=[lagging], report=[report("li-ming-hust", "2022-08")]
    )
    assert codes(root, "2022-08-01") == []


def test_days_below_the_monthly_minimum(tmp_path: Path) -> None:
    seven = report("li-ming-hust", "2022-08", days_served={"2022-07": "7", "2022-08": "7"})
    assert codes(li_repo(tmp_path, report=[seven]), "2022-08-01") == []
    six = report("li-ming-hust", "2022-08", days_served={"2022-07": "7", "2022-08": "6"})
    (diag,) = findings(li_repo(tmp_path / "six", report=[six]), "2022-08-01")
    assert diag.code == "lifecycle.days-below" and diag.location.key_path == (
        "days_served",
        "2022-08",
    )
    assert diag.message.startswith("2022-08 服务 6 天，少于每月 7 天的要求")
    assert "鄂经信科技〔2020〕73号 三" in diag.message or "通知 三" in diag.message


def _months_repo(root: Path, served: int, periods_sent: list[str]) -> Path:
    batch = record(
        BATCH, service={"years": "2", "min_days_per_month": "1", "min_months_per_year": "3"}
    )
    months = [f"2022-{m:02d}" for m in range(7, 13)]
    reports = []
    for p in periods_sent:
        first, second = f"{p[:5]}{int(p[5:]) - 1:02d}", p
        days = {m: ("8" if months.index(m) < served else "0") for m in (first, second)}
        reports.append(report("li-ming-hust", p, days_served=days))
    return batch_repo(root, [LI], batch=[batch], appointment=[appointment(*LI)], report=reports)


def test_months_served_in_a_year_below_the_yearly_minimum(tmp_path: Path) -> None:
    year = ["2022-08", "2022-10", "2022-12"]
    three = [c for c in codes(_months_repo(tmp_path, 3, year), "2023-01-01") if "months" in c[0]]
    assert three == []
    (diag,) = [
        d
        for d in findings(_months_repo(tmp_path / "2", 2, year), "2023-01-01")
        if "months" in d.code
    ]
    assert (diag.code, diag.severity.value) == ("lifecycle.months-below", "warning")
    assert diag.message.startswith("2022 年有服务的月份为 2 个，少于每年 3 个月的要求")
    # Not judged until the whole year is reported.
    partial = _months_repo(tmp_path / "p", 1, year[:2])
    assert [c for c in codes(partial, "2022-11-01") if "months" in c[0]] == []


def test_more_appointments_than_the_need_s_capacity(tmp_path: Path) -> None:
    pairs = [LI, ("wang-fang-whu", "laser-weld")]
    two = [appointment(*LI), appointment("wang-fang-whu", "laser-weld")]
    root = batch_repo(
        tmp_path,
        pairs[:1],
        expert=[expert("wang-fang-whu", "laser-weld", name="王芳")],
        appointment=two,
    )
    assert codes(root, "2022-07-01") == [("lifecycle.over-capacity", "error", "wang-fang-whu.yaml")]
    # capacity 2 (the boundary) holds both; a replaced expert does not count.
    roomy = batch_repo(
        tmp_path / "2",
        [],
        need=[need("laser-weld", capacity="2")],
        expert=[expert(*LI), expert("wang-fang-whu", "laser-weld", name="王芳")],
        appointment=two,
    )
    assert codes(roomy, "2022-07-01") == []
    swapped = [
        appointment(
            *LI, status="terminated", terminated_on="2022-06-25", replaced_by="wang-fang-whu"
        ),
        appointment("wang-fang-whu", "laser-weld"),
    ]
    root = batch_repo(
        tmp_path / "r",
        pairs[:1],
        expert=[expert("wang-fang-whu", "laser-weld", name="王芳")],
        appointment=swapped,
    )
    assert codes(root, "2022-07-01") == []


def _assessed(root: Path, **changes: Any) -> Path:
    reports = [report("li-ming-hust", p, outcomes={}) for p in FULL_TERM]
    return li_repo(root, report=reports, assessment=[assessment("li-ming-hust", **changes)])


def test_an_assessment_missing_opinions_once_the_term_is_over(tmp_path: Path) -> None:
    some = _assessed(tmp_path, opinions={"enterprise": OPINION})
    assert codes(some, "2024-06-30") == []  # the term's last day: still being filled in
    (diag,) = findings(some, "2024-07-01")
    assert diag.code == "lifecycle.opinions-missing" and diag.severity.value == "warning"
    assert "考核表缺少派出单位考核意见、经信部门考核意见、组织部门考核意见" in diag.message
    assert codes(_assessed(tmp_path / "all", opinions=ALL_OPINIONS), "2024-08-01") == []
    undecided = _assessed(tmp_path / "u", opinions=ALL_OPINIONS, result=None)
    assert codes(undecided, "2024-08-01") == [
        ("lifecycle.result-missing", "warning", "li-ming-hust.yaml")
    ]


def test_over_long_texts_and_a_fail_without_reason_are_refused_by_the_model(tmp_path: Path) -> None:
    long = {**ALL_OPINIONS, "org_dept": {"text": "很" * 501, "date": "2024-07-10"}}
    root = _assessed(tmp_path, opinions=long)
    assert [d.code for d in findings(root, "2024-08-01", "field.")] == ["field.too-long"]
    just = {**ALL_OPINIONS, "org_dept": {"text": "很" * 500, "date": "2024-07-10"}}
    assert findings(_assessed(tmp_path / "j", opinions=just), "2024-08-01", "field.") == []
    failed = _assessed(tmp_path / "f", opinions=ALL_OPINIONS, result="不通过")
    assert [d.code for d in findings(failed, "2024-08-01", "field.")] == ["field.fail-reason"]
    summary = {"achievements": "成" * 1000, "experience": "经" * 501}
    assert [
        d.code for d in findings(_assessed(tmp_path / "s", summary=summary), "2024-08-01", "field.")
    ] == ["field.summary-too-long"]


def test_an_appointment_to_a_withdrawn_need(tmp_path: Path) -> None:
    root = batch_repo(
        tmp_path,
        [],
        need=[need("laser-weld", withdrawn="是")],
        expert=[expert(*LI)],
        appointment=[appointment(*LI)],
    )
    assert codes(root, "2022-07-01") == [
        ("lifecycle.appointed-withdrawn", "error", "li-ming-hust.yaml")
    ]
    gone = appointment(
        *LI,
        status="not_signed",
        signed_on=None,
        on_duty_on=None,
        not_signed_reason="企业撤回需求。",
    )
    root = batch_repo(
        tmp_path / "n",
        [],
        need=[need("laser-weld", withdrawn="是")],
        expert=[expert(*LI)],
        appointment=[gone],
    )
    assert codes(root, "2022-07-01") == []


def test_an_appointment_of_an_ineligible_expert(tmp_path: Path) -> None:
    bad = expert(*LI, clean_record_3y="false")  # policy.clean-record: an error under wuhan-2022
    root = batch_repo(
        tmp_path, [], need=[need("laser-weld")], expert=[bad], appointment=[appointment(*LI)]
    )
    (diag,) = findings(root, "2022-07-01")
    assert diag.code == "lifecycle.appointed-ineligible" and diag.location.key_path == ("expert",)
    file = "submissions/experts/wuhan-2022/li-ming-hust.yaml"
    assert f"选派的科技人员“li-ming-hust”不符合本批次条件（{file} 有错误）" in diag.message
    assert codes(li_repo(tmp_path / "ok"), "2022-07-01") == []


def test_assessment_outcomes_below_the_reports_sum(tmp_path: Path) -> None:
    reports = [
        report("li-ming-hust", p, outcomes={"trainees": "10"}) for p in ("2022-08", "2022-10")
    ]
    equal = li_repo(
        tmp_path,
        report=reports,
        assessment=[assessment("li-ming-hust", outcomes={"trainees": "20"})],
    )
    assert codes(equal, "2022-11-01") == []
    below = li_repo(
        tmp_path / "b",
        report=reports,
        assessment=[assessment("li-ming-hust", outcomes={"trainees": "19"})],
    )
    (diag,) = findings(below, "2022-11-01")
    assert (diag.code, diag.severity.value) == ("lifecycle.outcomes-below", "warning")
    assert diag.message.startswith("考核表中“为企业培训人次（位）”为 19，少于各期服务报告之和 20")


def _contract_repo(root: Path, amount: str | None) -> Path:
    batch = record(BATCH, policy_overrides={"funding_within_contract": True})
    rec = appointment(*LI, **({"contract_amount": amount} if amount else {}))
    return batch_repo(
        root, [LI], batch=[batch], appointment=[rec], report=[report("li-ming-hust", "2022-08")]
    )


def test_funding_against_the_contract_amount(tmp_path: Path) -> None:
    assert codes(_contract_repo(tmp_path, "50000"), "2022-08-01") == []  # equal: the boundary
    (diag,) = findings(_contract_repo(tmp_path / "low", "49999.99"), "2022-08-01")
    assert diag.code == "lifecycle.funding-over-contract"
    assert diag.message.startswith("每人支持经费 50000 元，高于技术开发合同金额 49999.99 元")
    assert "policy_overrides.funding_within_contract" in diag.message
    assert codes(_contract_repo(tmp_path / "none", None), "2022-08-01") == [
        ("lifecycle.contract-missing", "warning", "li-ming-hust.yaml")
    ]
    plain = li_repo(tmp_path / "plain")  # wuhan-2022 itself does not tie funds to a contract
    assert codes(plain, "2022-08-01") == []
