"""Where each appointment stands at `now`: every status, its boundary days, and the actions."""

from __future__ import annotations

from pathlib import Path

from techvp.lifecycle.status import batch_status, batch_term, report_periods
from techvp.models import Appointment
from tests.lifecycle.helpers import (
    appointment,
    assessment,
    at,
    batch_repo,
    dataset,
    periods,
    report,
)

PAIR = [("li-ming-hust", "laser-weld")]
OPINION = {"text": "同意通过。", "date": "2024-07-10"}
ALL_OPINIONS = {k: OPINION for k in ("enterprise", "institution", "econ_dept", "org_dept")}


def status_of(root: Path, day: str) -> str:
    (standing,) = batch_status(dataset(root), "wuhan-2022", at(day)).standings
    return standing.status


def test_the_term_runs_from_the_on_duty_deadline_for_the_batch_s_years(tmp_path: Path) -> None:
    term = batch_term(dataset(batch_repo(tmp_path, PAIR)).batches["wuhan-2022"].record)
    assert (term.start.isoformat(), term.end.isoformat()) == ("2022-06-30", "2024-06-30")


def test_reports_are_owed_from_the_first_full_period_after_taking_up_the_post(
    tmp_path: Path,
) -> None:
    ds = dataset(batch_repo(tmp_path, PAIR))
    term = batch_term(ds.batches["wuhan-2022"].record)
    june = Appointment.model_validate(
        {**appointment(*PAIR[0]), "signed_on": "2022-06-10", "on_duty_on": "2022-06-20"}
    )
    assert report_periods(june, term) == periods("2022-08", "2024-06")  # 12 periods
    july = june.model_copy(update={"on_duty_on": june.on_duty_on.replace(month=7)})
    assert report_periods(july, term)[0] == "2022-10"  # July is not a full period's first month
    gone = june.model_copy(
        update={"status": "terminated", "terminated_on": june.on_duty_on.replace(month=10, day=26)}
    )
    assert report_periods(gone, term) == ["2022-08", "2022-10"]  # due on or before the 终止日期


def test_selected_then_signed_then_on_duty_as_the_dates_pass(tmp_path: Path) -> None:
    root = batch_repo(tmp_path, PAIR, appointment=[appointment(*PAIR[0])])
    assert status_of(root, "2022-06-09") == "selected"  # signed_on 2022-06-10
    assert status_of(root, "2022-06-10") == "signed"  # on_duty_on 2022-06-20
    assert status_of(root, "2022-06-20") == "on_duty"


def test_a_recorded_selection_stays_selected_and_is_an_action_after_the_on_duty_deadline(
    tmp_path: Path,
) -> None:
    rec = appointment(*PAIR[0], status="selected", signed_on=None, on_duty_on=None)
    root = batch_repo(tmp_path, PAIR, appointment=[rec])
    assert batch_status(dataset(root), "wuhan-2022", at("2022-06-30")).actions == ()
    found = batch_status(dataset(root), "wuhan-2022", at("2022-07-01"))
    assert [a.key for a in found.actions] == ["not-on-duty"]


def test_a_report_is_overdue_the_day_after_the_26th(tmp_path: Path) -> None:
    root = batch_repo(tmp_path, PAIR, appointment=[appointment(*PAIR[0])])
    assert status_of(root, "2022-08-26") == "on_duty"
    assert status_of(root, "2022-08-27") == "overdue"
    found = batch_status(dataset(root), "wuhan-2022", at("2022-10-27"))
    assert found.standings[0].overdue == ("2022-08", "2022-10")
    assert [(a.key, a.params["periods"]) for a in found.actions] == [
        ("report-overdue", "2022-08、2022-10")
    ]


def test_a_report_sent_after_its_26th_is_late_but_not_overdue(tmp_path: Path) -> None:
    reports = [
        report("li-ming-hust", "2022-08", submitted_on="2022-08-26"),
        report("li-ming-hust", "2022-10", submitted_on="2022-10-27"),
    ]
    root = batch_repo(tmp_path, PAIR, appointment=[appointment(*PAIR[0])], report=reports)
    (s,) = batch_status(dataset(root), "wuhan-2022", at("2022-11-01")).standings
    assert (s.status, s.late, s.overdue) == ("on_duty", ("2022-10",), ())
    # Before it was sent, the same report did not count yet: then it was overdue.
    assert status_of(root, "2022-10-27") == "on_duty"
    assert status_of(root, "2022-10-26") == "on_duty"
    (s,) = batch_status(dataset(root), "wuhan-2022", at("2022-10-27")).standings
    assert s.reported == ("2022-08", "2022-10")


def test_a_report_dated_after_now_does_not_count_yet(tmp_path: Path) -> None:
    late = report("li-ming-hust", "2022-08", submitted_on="2022-09-05")
    root = batch_repo(tmp_path, PAIR, appointment=[appointment(*PAIR[0])], report=[late])
    assert status_of(root, "2022-09-04") == "overdue"
    assert status_of(root, "2022-09-05") == "on_duty"


def test_after_the_term_without_an_assessment_it_awaits_one(tmp_path: Path) -> None:
    reports = [report("li-ming-hust", p) for p in periods("2022-08", "2024-06")]
    root = batch_repo(tmp_path, PAIR, appointment=[appointment(*PAIR[0])], report=reports)
    assert status_of(root, "2024-06-30") == "on_duty"
    assert status_of(root, "2024-07-01") == "assessing"
    found = batch_status(dataset(root), "wuhan-2022", at("2024-07-01"))
    assert [a.key for a in found.actions] == ["assessment-missing"]


def test_passed_and_failed_count_from_the_last_opinion_s_date(tmp_path: Path) -> None:
    reports = [report("li-ming-hust", p) for p in periods("2022-08", "2024-06")]
    done = assessment("li-ming-hust", opinions=ALL_OPINIONS)
    root = batch_repo(
        tmp_path, PAIR, appointment=[appointment(*PAIR[0])], report=reports, assessment=[done]
    )
    assert status_of(root, "2024-07-09") == "assessing"
    assert status_of(root, "2024-07-10") == "passed"
    failed = assessment(
        "li-ming-hust", opinions=ALL_OPINIONS, result="不通过", fail_reason="服务天数不足。"
    )
    root = batch_repo(
        tmp_path / "f",
        PAIR,
        appointment=[appointment(*PAIR[0])],
        report=reports,
        assessment=[failed],
    )
    assert status_of(root, "2024-07-10") == "failed"


def test_an_assessment_missing_opinions_or_its_result_is_an_action(tmp_path: Path) -> None:
    reports = [report("li-ming-hust", p) for p in periods("2022-08", "2024-06")]
    partial = assessment("li-ming-hust", opinions={"enterprise": OPINION}, result=None)
    root = batch_repo(
        tmp_path, PAIR, appointment=[appointment(*PAIR[0])], report=reports, assessment=[partial]
    )
    (action,) = batch_status(dataset(root), "wuhan-2022", at("2024-08-01")).actions
    assert action.key == "opinions-missing"
    assert action.params["which"] == "派出单位考核意见、经信部门考核意见、组织部门考核意见"
    whole = assessment("li-ming-hust", opinions=ALL_OPINIONS, result=None)
    root = batch_repo(
        tmp_path / "w",
        PAIR,
        appointment=[appointment(*PAIR[0])],
        report=reports,
        assessment=[whole],
    )
    (action,) = batch_status(dataset(root), "wuhan-2022", at("2024-08-01")).actions
    assert action.key == "result-missing"


def test_not_signed_terminated_and_replaced(tmp_path: Path) -> None:
    pairs = [
        ("a-one", "need-one"),
        ("b-two", "need-two"),
        ("c-three", "need-three"),
        ("d-four", "need-one"),
    ]
    records = [
        appointment(
            "a-one",
            "need-one",
            status="not_signed",
            signed_on=None,
            on_duty_on=None,
            not_signed_reason="企业暂停研发。",
            replaced_by="d-four",
        ),
        appointment(
            "b-two",
            "need-two",
            status="not_signed",
            signed_on=None,
            on_duty_on=None,
            not_signed_reason="时间无法保证。",
        ),
        appointment("c-three", "need-three", status="terminated", terminated_on="2023-03-01"),
        appointment("d-four", "need-one", signed_on="2022-09-01", on_duty_on="2022-09-05"),
    ]
    reports = [report("c-three", "2022-08")]
    root = batch_repo(tmp_path, pairs, appointment=records, report=reports)
    found = batch_status(dataset(root), "wuhan-2022", at("2022-09-10"))
    assert {s.expert: s.status for s in found.standings} == {
        "a-one": "replaced",
        "b-two": "not_signed",
        "c-three": "on_duty",  # terminated only from its 终止日期
        "d-four": "on_duty",
    }
    assert [(a.key, a.expert) for a in found.actions] == [("not-signed-unreplaced", "b-two")]
    later = batch_status(dataset(root), "wuhan-2022", at("2023-03-01"))
    assert {s.expert: s.status for s in later.standings}["c-three"] == "terminated"
    assert later.totals()["terminated"] == 1 and later.counts()["jiangan"]["replaced"] == 1
