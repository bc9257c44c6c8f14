"""Every record kind: its valid form, and each way it can be invalid, with the right field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from techvp.modelcheck import check_record
from techvp.models import KINDS
from techvp.models.common import credit_check_char, org_check_char, patent_check_char
from techvp.yamlio import parse_text
from tests.factories import (
    APPOINTMENT,
    ASSESSMENT,
    BATCH,
    EXPERT,
    NEED,
    REPORT,
    credit_code,
    dump,
    record,
)

SAMPLES = {
    "batch": BATCH,
    "need": NEED,
    "expert": EXPERT,
    "appointment": APPOINTMENT,
    "report": REPORT,
    "assessment": ASSESSMENT,
}


def check(kind: str, data: Any) -> tuple[Any, list[tuple[str, str, int | None]]]:
    doc = parse_text(dump(data), "f.yaml")
    model, diags = check_record(KINDS[kind].model, doc)
    return model, [(d.code, d.location.field, d.location.line) for d in diags]


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_valid_sample_of_each_kind(kind: str) -> None:
    model, problems = check(kind, SAMPLES[kind])
    assert problems == []
    assert model is not None


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_each_kind_refuses_an_unknown_key_and_a_missing_one(kind: str) -> None:
    data = dict(SAMPLES[kind])
    first_required = next(n for n, f in KINDS[kind].model.model_fields.items() if f.is_required())
    del data[first_required]
    data["colour"] = "red"
    _, problems = check(kind, data)
    assert ("field.missing", first_required, 1) in problems
    assert next(p for p in problems if p[0] == "field.unknown")[1] == "colour"


def test_values_are_converted_by_the_model_types() -> None:
    need, _ = check("need", NEED)
    assert need.enterprise.employees == 120
    assert need.enterprise.revenue_last_year == Decimal("3200.5")
    assert need.contact.phone == "027-85317029"
    expert, _ = check("expert", record(EXPERT, contact={"phone": "13807100000"}))
    assert expert.clean_record_3y is True


def test_phone_written_as_a_bare_number_stays_a_string() -> None:
    text = dump(NEED)
    assert "phone: 027-85317029\n" in text
    doc = parse_text(text.replace("phone: 027-85317029\n", "phone: 85317029\n"), "f.yaml")
    need, problems = check_record(KINDS["need"].model, doc)
    assert problems == []
    assert need.contact.phone == "85317029"


def test_contact_name_no_stays_no() -> None:
    data = record(NEED, contact={"name": "no", "phone": "85317029"})
    need, problems = check("need", data)
    assert problems == [] and need.contact.name == "no"


def test_yes_no_accepts_chinese() -> None:
    a, _ = check("assessment", ASSESSMENT)
    assert a.first_fund_received is True
    assert a.enterprise_evaluation.violations is False


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (credit_code(), None),
        (
            credit_code()[:-1] + ("0" if credit_code()[-1] != "0" else "1"),
            "field.credit-code-checksum",
        ),
        ("91420102MA4K0TEW2", "field.credit-code-length"),
        ("91420102MA4K0TEI24", "field.credit-code-charset"),
        ("91420102MA4K0TEO24", "field.credit-code-charset"),
        ("91990102MA4K0TEW24", "field.credit-code-division"),
        ("9142010ZMA4K0TEW24", "field.credit-code-charset"),
        (credit_code().lower(), None),
    ],
)
def test_credit_code(code: str, expected: str | None) -> None:
    ent = dict(NEED["enterprise"], credit_code=code)
    _, problems = check("need", record(NEED, enterprise=ent))
    assert [p[0] for p in problems] == ([expected] if expected else [])


def test_credit_code_known_real_example() -> None:
    # 91350100M000100Y43 is the worked example in GB 32100-2015 附录.
    assert credit_check_char("91350100M000100Y4") == "3"
    assert org_check_char("M000100Y") == "4"


def test_credit_code_org_check_mismatch() -> None:
    body = "91420102" + "MA4K0TEW" + ("0" if org_check_char("MA4K0TEW") != "0" else "1")
    code = body + credit_check_char(body)
    ent = dict(NEED["enterprise"], credit_code=code)
    _, problems = check("need", record(NEED, enterprise=ent))
    assert [p[0] for p in problems] == ["field.credit-code-org-checksum"]


def test_patent_check_digit_matches_published_example() -> None:
    assert patent_check_char("201710601862") == "3"
    assert patent_check_char("95115608") == "X"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("ZL201710601862.3", None),
        ("201710601862.3", None),
        ("ZL95115608.X", None),
        ("CN112345678A", None),
        ("ZL201710601862.4", "field.patent-checksum"),
        ("专利一", "field.patent-number"),
    ],
)
def test_patent_numbers(number: str, expected: str | None) -> None:
    patents = [{"number": number, "title": "一种方法", "kind": "发明"}]
    _, problems = check("expert", record(EXPERT, patents=patents))
    assert [p[0] for p in problems] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("phone", "ok"),
    [
        ("13807100000", True),
        ("+86 13807100000", True),
        ("027-85317029", True),
        ("85317029", True),
        ("02785317029", True),
        ("027-85317029-123", True),
        ("400-123-4567", True),
        ("12345", False),
        ("1380710000", False),
        ("电话", False),
    ],
)
def test_phone_formats(phone: str, ok: bool) -> None:
    _, problems = check("expert", record(EXPERT, contact={"phone": phone}))
    assert (problems == []) is ok
    if not ok:
        assert problems[0][:2] == ("field.phone", "contact.phone")


def test_email_format() -> None:
    _, problems = check("need", record(NEED, contact={**NEED["contact"], "email": "wang@"}))
    assert problems[0][:2] == ("field.email", "contact.email")


@pytest.mark.parametrize("value", ["2022-02-30", "2022-13-01", "15/03/2022", "昨天"])
def test_impossible_dates(value: str) -> None:
    _, problems = check("expert", record(EXPERT, birth_date=value))
    assert problems[0][:2] == ("field.date", "birth_date")


def test_deadline_needs_a_timezone() -> None:
    deadlines = dict(BATCH["deadlines"], needs="2022-03-15T17:00:00")
    _, problems = check("batch", record(BATCH, deadlines=deadlines))
    assert problems[0][:2] == ("field.datetime", "deadlines.needs")


@pytest.mark.parametrize("value", ["-1", "abc", "1.5", "99999999999"])
def test_bad_counts(value: str) -> None:
    ent = dict(NEED["enterprise"], employees=value)
    _, problems = check("need", record(NEED, enterprise=ent))
    assert problems[0][1] == "enterprise.employees"
    assert problems[0][0] in ("field.range", "field.type")


def test_negative_money() -> None:
    _, problems = check("need", record(NEED, intended_amount="-5"))
    assert problems[0][:2] == ("field.range", "intended_amount")


def test_title_must_match_level() -> None:
    _, problems = check("expert", record(EXPERT, title="教授", title_level="副高级"))
    assert problems[0][:2] == ("field.title-level", "title_level")


def test_unknown_title_is_not_judged() -> None:
    _, problems = check("expert", record(EXPERT, title="特聘专家", title_level="正高级"))
    assert problems == []


def test_enum_values_are_the_chinese_ones() -> None:
    _, problems = check("expert", record(EXPERT, degree="PhD"))
    assert problems[0][:2] == ("field.choice", "degree")


def test_choice_message_lists_the_options() -> None:
    doc = parse_text(dump(record(EXPERT, gender="M")), "f.yaml")
    _, diags = check_record(KINDS["expert"].model, doc)
    assert diags[0].message == "“性别”（gender）只能填写以下之一：男、女；填写的是“M”"


def test_unknown_key_suggests_near_and_chinese_named_keys() -> None:
    doc = parse_text(dump(record(NEED, cooperaton="x", 期望专家研究领域="y")), "f.yaml")
    _, diags = check_record(KINDS["need"].model, doc)
    messages = {d.location.field: d.message for d in diags if d.code == "field.unknown"}
    assert "您是不是想写“cooperation”" in messages["cooperaton"]
    assert "expert_field" in messages["期望专家研究领域"]


def test_preferred_experts_at_most_two() -> None:
    pref = {"institution": "武汉大学", "name": "张三", "agreed": "是"}
    _, problems = check("need", record(NEED, preferred_experts=[pref, pref, pref]))
    assert problems[0][:2] == ("field.too-long", "preferred_experts")


def test_lengths_from_seed_002() -> None:
    _, problems = check("assessment", record(ASSESSMENT, shortcomings="短" * 201))
    assert problems[0][:2] == ("field.too-long", "shortcomings")
    summary = {"achievements": "成" * 1000, "experience": "经" * 501}
    _, problems = check("assessment", record(ASSESSMENT, summary=summary))
    assert problems[0][:2] == ("field.summary-too-long", "summary")
    summary = {"achievements": "成" * 1000, "experience": "经" * 500}
    assert check("assessment", record(ASSESSMENT, summary=summary))[1] == []
    reason = "因" * 301
    _, problems = check(
        "appointment", record(APPOINTMENT, status="not_signed", not_signed_reason=reason)
    )
    assert problems[0][:2] == ("field.too-long", "not_signed_reason")


def test_failed_assessment_needs_a_reason() -> None:
    _, problems = check("assessment", record(ASSESSMENT, result="不通过"))
    assert problems[0][:2] == ("field.fail-reason", "fail_reason")


def test_status_needs_its_dates() -> None:
    _, problems = check("appointment", record(APPOINTMENT, on_duty_on=None))
    assert problems[0][:2] == ("field.requires", "on_duty_on")
    _, problems = check("appointment", record(APPOINTMENT, status="not_signed"))
    assert problems[0][:2] == ("field.requires", "not_signed_reason")


def test_report_period_must_be_even_month_with_its_two_months() -> None:
    _, problems = check("report", record(REPORT, period="2022-07"))
    assert problems[0][:2] == ("field.even-month", "period")
    _, problems = check("report", record(REPORT, days_served={"2022-08": "7"}))
    assert problems[0][:2] == ("field.report-months", "days_served")
    _, problems = check("report", record(REPORT, days_served={"2022-07": "8", "2022-08": "32"}))
    assert problems[0][0] == "field.range"


def test_report_days_cannot_exceed_the_month() -> None:
    data = record(REPORT, period="2022-02", days_served={"2022-01": "3", "2022-02": "30"})
    _, problems = check("report", data)
    assert problems[0][:2] == ("field.days-in-month", "days_served.2022-02")


def test_batch_tranches_must_add_up() -> None:
    funding = {"per_person": "50000", "tranches": [{"amount": "30000", "when": "on_duty"}]}
    _, problems = check("batch", record(BATCH, funding=funding))
    assert problems[0][:2] == ("field.tranche-sum", "funding.tranches")


def test_batch_region_slugs_unique() -> None:
    regions = [BATCH["regions"][0], BATCH["regions"][0]]
    _, problems = check("batch", record(BATCH, regions=regions))
    assert problems[0][:2] == ("field.duplicate-item", "regions[1]")


def test_record_ids_are_lowercase_ascii() -> None:
    for bad in ["AB", "ab", "张三", "a_b", "-ab", "x" * 65]:
        _, problems = check("need", record(NEED, id=bad))
        assert problems[0][:2] == ("field.record-id", "id"), bad
