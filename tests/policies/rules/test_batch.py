"""The batch file against its policy: funding, service terms, and overrides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.factories import BATCH
from tests.policies.scenario import (
    BATCH_FILE,
    base_batch,
    base_expert,
    check,
    found,
    line_of,
    only,
)


def _funding(per_person: str) -> dict[str, Any]:
    return {"per_person": per_person, "tranches": [{"amount": per_person, "when": "on_duty"}]}


@pytest.mark.parametrize(
    ("profile", "per_person", "code"),
    [
        ("hubei-2020", "50000", None),
        ("hubei-2020", "60000", "policy.funding"),
        ("wuhan-2022", "40000", "policy.funding"),
        ("special-action-2020", "100000", None),  # 10万 exactly
        ("special-action-2020", "100001", "policy.max-funding"),
        ("deepened", "200000", None),
    ],
)
def test_funding(tmp_path: Path, profile: str, per_person: str, code: str | None) -> None:
    batch = base_batch(profile, funding=_funding(per_person))
    findings = check(tmp_path, profile, batch=batch)
    line = line_of(tmp_path, BATCH_FILE, "per_person")
    assert found(findings) == ([(code, "error", BATCH_FILE, line)] if code else [])


def test_funding_messages(tmp_path: Path) -> None:
    findings = check(
        tmp_path, "hubei-2020", batch=base_batch("hubei-2020", funding=_funding("60000"))
    )
    assert only(findings, "policy.funding").message == (
        "每人工作保障经费 60000 元，与政策规定的 50000 元不一致"
        "（如确需调整，请在 policy_overrides 中设置 funding_per_person）"
        "（鄂经信科技〔2020〕73号 五(一)）"
    )


def test_max_funding_message(tmp_path: Path) -> None:
    batch = base_batch("special-action-2020", funding=_funding("120000"))
    findings = check(tmp_path, "special-action-2020", batch=batch)
    assert only(findings, "policy.max-funding").message == (
        "每人（每项）支持经费 120000 元，超过 100000 元上限（鄂科技通〔2020〕67号 四(二)）"
    )


@pytest.mark.parametrize(
    ("profile", "service", "code", "key"),
    [
        ("hubei-2020", {"years": "2", "min_days_per_month": "7"}, None, None),  # 7 exactly
        (
            "hubei-2020",
            {"years": "2", "min_days_per_month": "6"},
            "policy.service-days",
            "min_days_per_month",
        ),
        (
            "wuhan-2022",
            {"years": "2", "min_months_per_year": "3"},
            "policy.service-days",
            "service",
        ),
        ("deepened", {"years": "2", "min_months_per_year": "3"}, None, None),
        (
            "deepened",
            {"years": "2", "min_months_per_year": "2"},
            "policy.service-months",
            "min_months_per_year",
        ),
        ("hubei-2020", {"years": "3", "min_days_per_month": "7"}, "policy.term-years", "years"),
        ("special-action-2020", {"years": "1", "min_days_per_month": "1"}, None, None),
    ],
)
def test_service_terms(
    tmp_path: Path, profile: str, service: dict[str, str], code: str | None, key: str | None
) -> None:
    findings = check(tmp_path, profile, batch=base_batch(profile, service=service))
    expected = (
        [(code, "error", BATCH_FILE, line_of(tmp_path, BATCH_FILE, key))] if code and key else []
    )
    assert found(findings) == expected


def test_service_messages(tmp_path: Path) -> None:
    batch = base_batch("wuhan-2022", service={"years": "3", "min_months_per_year": "3"})
    findings = check(tmp_path, "wuhan-2022", batch=batch)
    assert only(findings, "policy.service-days").message == (
        "每月最少服务天数为 未填写，少于政策规定的 7 天（武汉市经信局2022年选派“科技副总”通知 三）"
    )
    assert only(findings, "policy.term-years").message == (
        "服务期 3 年，与政策规定的 2 年不一致（武汉市经信局2022年选派“科技副总”通知 三）"
    )


def test_service_months_message(tmp_path: Path) -> None:
    batch = base_batch("deepened", service={"years": "2", "min_months_per_year": "1"})
    findings = check(tmp_path, "deepened", batch=batch)
    assert only(findings, "policy.service-months").message == (
        "每年最少服务月数为 1，少于政策规定的 3 个月（《深化“科技副总”工作实施方案》四）"
    )


# ---- overrides -------------------------------------------------------------------------------


def test_override_applies_and_is_cited(tmp_path: Path) -> None:
    batch = base_batch("hubei-2020", policy_overrides={"max_age": "50"})
    old = base_expert("hubei-2020", birth_date="1971-03-16")  # 50 exactly
    assert found(check(tmp_path, "hubei-2020", batch=batch, experts=[old])) == []


def test_overridden_limit_cites_the_batch(tmp_path: Path) -> None:
    batch = base_batch("hubei-2020", policy_overrides={"max_age": "40"})
    findings = check(tmp_path, "hubei-2020", batch=batch)
    assert only(findings, "policy.age").message == (
        "年龄 44 岁，超过 40 岁上限（按基准日 2022-03-15 计算）"
        "（批次“wuhan-2022”policy_overrides.max_age）"
    )


def test_override_switches_a_rule_on(tmp_path: Path) -> None:
    batch = base_batch(
        "hubei-2020", policy_overrides={"min_intended_amount": "50", "require_category": "true"}
    )
    findings = check(tmp_path, "hubei-2020", batch=batch)
    assert [d.code for d in findings] == ["policy.intended-amount"]
    assert findings.items[0].clause == "批次“wuhan-2022”policy_overrides.min_intended_amount"


def test_override_lists_and_null(tmp_path: Path) -> None:
    overrides = {
        "max_age": None,
        "institution_types": ["高校"],
        "required_qualifications": ["两清零企业"],
    }
    batch = base_batch("wuhan-2022", policy_overrides=overrides)
    expert = base_expert("wuhan-2022", birth_date="1950-01-01", institution_type="科研院所")
    findings = check(tmp_path, "wuhan-2022", batch=batch, experts=[expert])
    assert sorted(d.code for d in findings) == ["policy.institution-type", "policy.qualification"]


def test_unknown_override_with_suggestion(tmp_path: Path) -> None:
    batch = base_batch("hubei-2020", policy_overrides={"max_ag": "50", "年龄上限（周岁）": "50"})
    findings = check(tmp_path, "hubei-2020", batch=batch)
    diags = [d for d in findings if d.code == "policy.override-unknown"]
    assert [(d.severity.value, d.location.field) for d in diags] == [
        ("error", "policy_overrides.max_ag"),
        ("error", "policy_overrides.年龄上限（周岁）"),
    ]
    assert diags[0].location.line == line_of(tmp_path, BATCH_FILE, "max_ag")
    assert diags[0].message == "未知的政策参数“max_ag”，您是不是想写“max_age”？"
    assert (
        diags[1].message
        == "未知的政策参数“年龄上限（周岁）”，“年龄上限（周岁）”对应的字段名是“max_age”"
    )


def test_invalid_override_is_reported_and_the_rest_still_apply(tmp_path: Path) -> None:
    batch = base_batch(
        "hubei-2020", policy_overrides={"max_age": "四十五", "min_title_level": "正高级"}
    )
    findings = check(tmp_path, "hubei-2020", batch=batch)
    assert [(d.code, d.location.field) for d in findings.sorted()] == [
        ("field.type", "policy_overrides.max_age"),
        ("policy.title-level", "title_level"),
    ]
    assert findings.sorted()[0].message == "“年龄上限（周岁）”（max_age）应为整数，填写的是“四十五”"


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"duplicate_enterprise": "sometimes"}, "field.choice"),
        ({"max_age": "200"}, "field.range"),
        ({"min_intended_amount": "lots"}, "field.type"),
    ],
)
def test_override_values_are_checked(tmp_path: Path, overrides: dict[str, str], code: str) -> None:
    findings = check(
        tmp_path, "hubei-2020", batch=base_batch("hubei-2020", policy_overrides=overrides)
    )
    assert [(d.code, d.severity.value) for d in findings] == [(code, "error")]


def test_factory_batch_is_clean_under_its_own_profile(tmp_path: Path) -> None:
    assert BATCH["policy"] == "wuhan-2022"
    assert found(check(tmp_path, "wuhan-2022", batch=dict(BATCH))) == []
