"""Need eligibility: credit code and local registration, qualifications, amount and category."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import credit_code
from tests.policies.scenario import (
    NEED_FILE,
    PROFILES,
    base_need,
    check,
    enterprise,
    found,
    line_of,
    only,
)

# ---- credit code and registration ------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "fails"), [(p, p in ("deepened", "special-action-2020")) for p in PROFILES]
)
def test_credit_code_required(tmp_path: Path, profile: str, fails: bool) -> None:
    need = base_need(profile, enterprise=enterprise(profile, credit_code=None))
    findings = check(tmp_path, profile, needs=[need])
    line = line_of(tmp_path, NEED_FILE, "name")  # the enterprise block's first line
    assert found(findings) == (
        [("policy.credit-code-required", "error", NEED_FILE, line)] if fails else []
    )


def test_credit_code_required_message(tmp_path: Path) -> None:
    need = base_need("deepened", enterprise=enterprise("deepened", credit_code=None))
    findings = check(tmp_path, "deepened", needs=[need])
    assert only(findings, "policy.credit-code-required").message == (
        "本批次要求填写企业统一社会信用代码（enterprise.credit_code）"
        "（《深化“科技副总”工作实施方案》二(二)1）"
    )


LOCAL = [("policy.local-registration", "error")]
DISTRICT = [("policy.registration-district", "warning")]
ELSEWHERE = [("policy.registration-elsewhere", "warning")]


@pytest.mark.parametrize(
    ("profile", "division", "expected"),
    [
        ("deepened", "420102", []),  # 江岸区, the need's own region
        ("deepened", "420100", []),  # registered with 武汉市's bureau: any district of it
        ("deepened", "420115", DISTRICT),  # 江夏区: another district of 武汉市 (4201)
        ("deepened", "420501", LOCAL),  # 宜昌市: same province, another city
        ("special-action-2020", "420501", ELSEWHERE),  # the province is enough for the policy
        ("special-action-2020", "110101", LOCAL),
        ("hubei-2020", "110101", ELSEWHERE),
        ("wuhan-2022", "110101", ELSEWHERE),
        ("wuhan-2022", "420115", DISTRICT),
    ],
)
def test_local_registration(
    tmp_path: Path, profile: str, division: str, expected: list[tuple[str, str]]
) -> None:
    need = base_need(profile, enterprise=enterprise(profile, credit_code=credit_code(division)))
    findings = check(tmp_path, profile, needs=[need])
    line = line_of(tmp_path, NEED_FILE, "credit_code")
    assert found(findings) == [(code, sev, NEED_FILE, line) for code, sev in expected]


def test_a_development_zone_region_takes_any_district_of_its_city(tmp_path: Path) -> None:
    # 东湖新技术开发区 has no code of its own: the batch gives it 武汉市's 420100.
    code = credit_code("420111")  # 洪山区
    need = base_need("wuhan-2022", region="donghu-gaoxin")
    need["enterprise"]["credit_code"] = code
    assert found(check(tmp_path, "wuhan-2022", needs=[need])) == []


def test_registration_in_another_district_message(tmp_path: Path) -> None:
    changed = enterprise("wuhan-2022", credit_code=credit_code("420115"))
    findings = check(tmp_path, "wuhan-2022", needs=[base_need("wuhan-2022", enterprise=changed)])
    assert only(findings, "policy.registration-district").message == (
        "统一社会信用代码登记地为 420115，与所在地区江岸区（420102）同市不同区；"
        "企业可能已迁址，请核实所在地区（region）和信用代码是否填写正确"
    )


def test_registration_elsewhere_message_cites_the_local_rule(tmp_path: Path) -> None:
    changed = enterprise("special-action-2020", credit_code=credit_code("420501"))
    need = base_need("special-action-2020", enterprise=changed)
    findings = check(tmp_path, "special-action-2020", needs=[need])
    assert only(findings, "policy.registration-elsewhere").message == (
        "统一社会信用代码登记地为 420501，不在所在地区江岸区（420102）所在的市；"
        "请核实所在地区（region）和信用代码是否填写正确（鄂科技通〔2020〕67号 一(一)）"
    )


def test_local_registration_message(tmp_path: Path) -> None:
    need = base_need(
        "deepened", enterprise=enterprise("deepened", credit_code=credit_code("420501"))
    )
    findings = check(tmp_path, "deepened", needs=[need])
    assert only(findings, "policy.local-registration").message == (
        "统一社会信用代码登记地为 420501，不在本批次的市范围内（登记地代码应以 4201 开头）"
        "（《深化“科技副总”工作实施方案》二(二)1）"
    )


# ---- qualifications, carriers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "held", "fails"),
    [
        ("deepened", ["两清零企业"], False),  # any one of the list is enough
        ("deepened", [], True),
        ("special-action-2020", ["科技型中小企业"], False),
        ("special-action-2020", ["高新技术企业"], True),
        ("hubei-2020", [], False),
        ("wuhan-2022", [], False),
    ],
)
def test_required_qualifications(
    tmp_path: Path, profile: str, held: list[str], fails: bool
) -> None:
    need = base_need(profile, enterprise=enterprise(profile, qualifications=held))
    findings = check(tmp_path, profile, needs=[need])
    line = line_of(tmp_path, NEED_FILE, "qualifications") + (1 if held else 0)  # first item
    assert found(findings) == (
        [("policy.qualification", "error", NEED_FILE, line)] if fails else []
    )


def test_required_qualifications_message(tmp_path: Path) -> None:
    need = base_need(
        "special-action-2020", enterprise=enterprise("special-action-2020", qualifications=[])
    )
    findings = check(tmp_path, "special-action-2020", needs=[need])
    assert only(findings, "policy.qualification").message == (
        "企业资质为“无”，须至少具备以下之一：科技型中小企业（鄂科技通〔2020〕67号 一(一)）"
    )


@pytest.mark.parametrize(
    ("profile", "held", "flagged"),
    [
        ("wuhan-2022", ["专精特新中小企业"], True),
        ("wuhan-2022", ['专精特新"小巨人"企业'], True),
        ("wuhan-2022", ["高新技术企业"], False),
        ("hubei-2020", ["专精特新中小企业"], False),
        ("deepened", ["专精特新中小企业"], False),
    ],
)
def test_specialised_enterprises_have_priority(
    tmp_path: Path, profile: str, held: list[str], flagged: bool
) -> None:
    need = base_need(profile, enterprise=enterprise(profile, qualifications=held))
    findings = check(tmp_path, profile, needs=[need])
    line = line_of(tmp_path, NEED_FILE, "qualifications") + 1  # the list's first item
    expected = [("policy.qualification-priority", "priority", NEED_FILE, line)] if flagged else []
    assert found(findings) == expected


def test_qualification_priority_message(tmp_path: Path) -> None:
    need = base_need(
        "wuhan-2022", enterprise=enterprise("wuhan-2022", qualifications=["专精特新中小企业"])
    )
    findings = check(tmp_path, "wuhan-2022", needs=[need])
    assert only(findings, "policy.qualification-priority").message == (
        "企业为专精特新中小企业，优先支持（武汉市经信局2022年选派“科技副总”通知 四(一)、五(二)）"
    )


@pytest.mark.parametrize(
    ("profile", "carrier", "flagged"),
    [
        ("deepened", "省级高新技术园区", True),
        ("deepened", "市级以上科技企业孵化器", True),
        ("deepened", "无", False),
        ("wuhan-2022", "省级高新技术园区", False),
    ],
)
def test_carrier_priority(tmp_path: Path, profile: str, carrier: str, flagged: bool) -> None:
    need = base_need(profile, enterprise=enterprise(profile, carrier=carrier))
    findings = check(tmp_path, profile, needs=[need])
    expected = [
        ("policy.carrier-priority", "priority", NEED_FILE, line_of(tmp_path, NEED_FILE, "carrier"))
    ]
    assert found(findings) == (expected if flagged else [])
    if flagged and carrier == "省级高新技术园区":
        assert findings.items[0].message == (
            "企业所在创新载体为省级高新技术园区，优先支持（《深化“科技副总”工作实施方案》二(二)3）"
        )


# ---- intended amount and category (seed 003) ---------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("10", None),  # 10万 exactly
        ("10.0000", None),
        ("9.99", "policy.intended-amount"),
        (None, "policy.intended-amount-missing"),
        ("500", None),
    ],
)
def test_intended_amount(tmp_path: Path, amount: str | None, code: str | None) -> None:
    need = base_need("special-action-2020", intended_amount=amount)
    findings = check(tmp_path, "special-action-2020", needs=[need])
    assert [(d.code, d.severity.value) for d in findings] == ([(code, "error")] if code else [])


def test_intended_amount_messages(tmp_path: Path) -> None:
    need = base_need("special-action-2020", intended_amount="9.5")
    findings = check(tmp_path, "special-action-2020", needs=[need])
    diag = only(findings, "policy.intended-amount")
    assert diag.location.line == line_of(tmp_path, NEED_FILE, "intended_amount")
    assert diag.message == "项目意向金额 9.5 万元，低于 10 万元（鄂科技通〔2020〕67号 一(一)）"


def test_intended_amount_missing_message(tmp_path: Path) -> None:
    need = base_need("special-action-2020", intended_amount=None)
    findings = check(tmp_path, "special-action-2020", needs=[need])
    assert only(findings, "policy.intended-amount-missing").message == (
        "未填写项目意向金额（intended_amount），单个需求须不低于 10 万元"
        "（鄂科技通〔2020〕67号 一(一)）"
    )


@pytest.mark.parametrize("profile", ["hubei-2020", "wuhan-2022", "deepened"])
def test_no_amount_rule_elsewhere(tmp_path: Path, profile: str) -> None:
    assert found(check(tmp_path, profile, needs=[base_need(profile, intended_amount="1")])) == []


@pytest.mark.parametrize(("profile", "fails"), [(p, p == "special-action-2020") for p in PROFILES])
def test_category_required(tmp_path: Path, profile: str, fails: bool) -> None:
    findings = check(tmp_path, profile, needs=[base_need(profile, category=None)])
    assert [(d.code, d.severity.value) for d in findings] == (
        [("policy.category-required", "error")] if fails else []
    )
    if fails:
        assert findings.items[0].message.startswith(
            "未填写需求类别（category），须为：产品创新与技术攻关、行业关键共性技术突破、"
        )


def test_withdrawn_needs_are_not_judged(tmp_path: Path) -> None:
    need = base_need("special-action-2020", intended_amount=None, category=None, withdrawn="true")
    assert found(check(tmp_path, "special-action-2020", needs=[need])) == []
