"""The enterprise must be 中小微 (工信部联企业〔2011〕300号), and must have staff at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from techvp.diagnostics import Findings
from tests.conftest import run_validate
from tests.policies.scenario import (
    NEED_FILE,
    NOW,
    PROFILES,
    base_batch,
    base_need,
    check,
    enterprise,
    found,
    line_of,
    only,
)

SEVERITY = {
    "hubei-2020": "error",
    "wuhan-2022": "error",
    "deepened": "warning",
    "special-action-2020": "warning",
}


def _judge(
    root: Path, profile: str, industry: str, employees: str, revenue: str, **batch: Any
) -> list[tuple[str, str, str, int | None]]:
    """A batch with the GB/T 4754 门类 as its industries, and one need of that size."""
    changed = enterprise(profile, industry=industry, employees=employees, revenue_last_year=revenue)
    need = base_need(profile, enterprise=changed)
    findings = check(
        root, profile, batch=base_batch(profile, industries=None, **batch), needs=[need]
    )
    return found(findings)


def _at(root: Path, code: str, severity: str) -> list[tuple[str, str, str, int | None]]:
    return [(code, severity, NEED_FILE, line_of(root, NEED_FILE, "employees"))]


@pytest.mark.parametrize("profile", PROFILES)
def test_a_large_manufacturer_is_not_an_sme(tmp_path: Path, profile: str) -> None:
    findings = _judge(tmp_path, profile, "制造业", "5000", "9999999")
    assert findings == _at(tmp_path, "policy.enterprise-size", SEVERITY[profile])


def test_large_enterprise_message_cites_the_notice_and_the_standard(tmp_path: Path) -> None:
    changed = enterprise("wuhan-2022", industry="制造业", employees="5000")
    changed["revenue_last_year"] = "9999999"
    need = base_need("wuhan-2022", enterprise=changed)
    batch = base_batch("wuhan-2022", industries=None)
    findings = check(tmp_path, "wuhan-2022", batch=batch, needs=[need])
    assert only(findings, "policy.enterprise-size").message == (
        "企业从业人数 5000 人、上年营业收入 9999999 万元，按工业的标准（从业人员 1000 人以下"
        "或营业收入 40000 万元以下为中小微企业）属大型企业，本批次面向中小微企业"
        "（武汉市经信局2022年选派“科技副总”通知 一；工信部联企业〔2011〕300号 四(二)）"
    )


@pytest.mark.parametrize(
    ("industry", "employees", "revenue", "code"),
    [
        ("制造业", "999", "9999999", None),  # 或: fewer than 1000 staff is enough
        ("制造业", "5000", "39999.9", None),
        ("制造业", "1000", "40000", "policy.enterprise-size"),  # 以下 excludes the limit
        ("批发和零售业", "350", "45000", "policy.enterprise-size"),  # large as 批发 and 零售
        ("批发和零售业", "250", "45000", "policy.enterprise-size-review"),  # only as 批发业
        ("建筑业", "9000", "90000", "policy.enterprise-size-review"),  # 资产总额 decides
        ("科学研究和技术服务业", "300", "1", "policy.enterprise-size"),  # 其他未列明行业
        ("金融业", "90000", "9999999", None),  # outside the standard
    ],
)
def test_limits_by_industry(
    tmp_path: Path, industry: str, employees: str, revenue: str, code: str | None
) -> None:
    findings = _judge(tmp_path, "hubei-2020", industry, employees, revenue)
    severity = "error" if code == "policy.enterprise-size" else "warning"
    assert findings == (_at(tmp_path, code, severity) if code else [])


def test_review_message_names_the_industry_it_is_large_under(tmp_path: Path) -> None:
    _judge(tmp_path, "hubei-2020", "批发和零售业", "250", "45000")
    findings = check_again(tmp_path)
    assert only(findings, "policy.enterprise-size-review").message == (
        "企业从业人数 250 人、上年营业收入 45000 万元，按批发业的标准（从业人员 200 人以下"
        "或营业收入 40000 万元以下为中小微企业）属大型企业；请核实企业所属细分行业或资产总额"
        "（鄂经信科技〔2020〕73号 一；工信部联企业〔2011〕300号 四(四)）"
    )


def check_again(root: Path) -> Findings:
    """Validate the repository a previous `_judge` wrote."""
    return run_validate(root, NOW)


def test_a_batch_industry_of_its_own_is_flagged_only_when_large_under_every_limit(
    tmp_path: Path,
) -> None:
    # The demo batch lists 高端装备制造, which is no GB/T 4754 门类.
    changed = enterprise("wuhan-2022", industry="高端装备制造", employees="5000")
    changed["revenue_last_year"] = "9999999"
    findings = check(tmp_path, "wuhan-2022", needs=[base_need("wuhan-2022", enterprise=changed)])
    diag = only(findings, "policy.enterprise-size-unmapped")
    assert diag.severity.value == "warning"
    assert "policy_overrides.size_industries" in diag.message
    changed["employees"] = "620"  # the demo's largest enterprise: nothing to say
    findings = check(tmp_path, "wuhan-2022", needs=[base_need("wuhan-2022", enterprise=changed)])
    assert found(findings) == []


def test_a_batch_maps_its_own_industries(tmp_path: Path) -> None:
    changed = enterprise("wuhan-2022", industry="高端装备制造", employees="5000")
    changed["revenue_last_year"] = "9999999"
    batch = base_batch(
        "wuhan-2022", policy_overrides={"size_industries": {"高端装备制造": ["工业"]}}
    )
    findings = check(
        tmp_path, "wuhan-2022", batch=batch, needs=[base_need("wuhan-2022", enterprise=changed)]
    )
    diag = only(findings, "policy.enterprise-size")
    assert diag.severity.value == "error"
    assert diag.clause == (
        "批次“wuhan-2022”policy_overrides.size_industries；工信部联企业〔2011〕300号 四(二)"
    )


def test_the_rule_can_be_switched_off(tmp_path: Path) -> None:
    findings = _judge(
        tmp_path, "hubei-2020", "制造业", "5000", "9999999", policy_overrides={"sme_size": "off"}
    )
    assert findings == []


@pytest.mark.parametrize("profile", PROFILES)
def test_no_employees_is_an_error(tmp_path: Path, profile: str) -> None:
    findings = _judge(tmp_path, profile, "制造业", "0", "100")
    assert findings == _at(tmp_path, "policy.no-employees", "error")


def test_no_employees_message(tmp_path: Path) -> None:
    _judge(tmp_path, "hubei-2020", "制造业", "0", "100")
    assert only(check_again(tmp_path), "policy.no-employees").message == (
        "企业从业人数填写为 0：接收“科技副总”的企业应有从业人员，请填写实际人数"
    )
