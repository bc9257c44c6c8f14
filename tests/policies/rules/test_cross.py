"""Cross-record rules: one enterprise twice, experts per enterprise, conflicts, deadlines."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from techvp.policies import RuleContext, run_rules
from techvp.repo import load_dataset
from tests.factories import credit_code
from tests.policies.scenario import (
    EXPERT_FILE,
    NEED_FILE,
    PROFILES,
    appointment,
    base_batch,
    base_expert,
    base_need,
    check,
    enterprise,
    found,
    line_of,
    only,
)

SECOND_FILE = "submissions/needs/wuhan-2022/jiangan/laser-two.yaml"


def _second(profile: str, **changes: object) -> dict[str, object]:
    return base_need(profile, id="laser-two", **changes)


# ---- the same enterprise twice -------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "severity"),
    [
        ("hubei-2020", "warning"),
        ("wuhan-2022", "warning"),
        ("deepened", "error"),
        ("special-action-2020", None),  # 企业可发布的技术需求数量不限
    ],
)
def test_duplicate_enterprise(tmp_path: Path, profile: str, severity: str | None) -> None:
    findings = check(tmp_path, profile, needs=[base_need(profile), _second(profile)])
    # laser-two sorts first, so the later laser-weld is the duplicate
    line = line_of(tmp_path, NEED_FILE, "credit_code")
    expected = [("policy.duplicate-enterprise", severity, NEED_FILE, line)] if severity else []
    assert found(findings) == expected


@pytest.mark.parametrize("profile", ["wuhan-2022", "deepened"])
def test_different_or_withdrawn_enterprises_are_not_duplicates(
    tmp_path: Path, profile: str
) -> None:
    other = _second(
        profile, enterprise=enterprise(profile, credit_code=credit_code(serial="MA4K0TEX"))
    )
    withdrawn = base_need(profile, id="laser-old", withdrawn="true")
    findings = check(tmp_path, profile, needs=[base_need(profile), other, withdrawn])
    assert found(findings) == []


def test_duplicate_enterprise_messages(tmp_path: Path) -> None:
    findings = check(tmp_path, "deepened", needs=[base_need("deepened"), _second("deepened")])
    assert only(findings, "policy.duplicate-enterprise").message == (
        f"统一社会信用代码 {credit_code()} 与需求“laser-two”为同一企业；每家企业只提交一条需求，"
        "需要多名科技副总时请在该需求中填写需求人数（capacity）"
        "（《深化“科技副总”工作实施方案》四 2）"
    )


# ---- experts per enterprise ------------------------------------------------------------------


def _two_appointed(
    tmp_path: Path, profile: str, capacity: str = "1"
) -> list[tuple[str, str, str, int | None]]:
    other_code = credit_code(serial="MA4K0TEX")
    needs = [
        base_need(profile, capacity=capacity),
        # same enterprise, submitted as a separate need under another region slug is not needed:
        # appointments are grouped by enterprise, whichever need they name
    ]
    experts = [
        base_expert(profile),
        base_expert(profile, id="wang-fang-whu", name="王芳", institution="武汉大学"),
        base_expert(profile, id="zhao-lei-wut", name="赵磊", institution="武汉理工大学"),
    ]
    third = _second(profile, enterprise=enterprise(profile, credit_code=other_code))
    appointments = [
        appointment("li-ming-hust", "laser-weld"),
        appointment("wang-fang-whu", "laser-weld", status="signed"),
        appointment("zhao-lei-wut", "laser-two"),  # another enterprise: never counted
    ]
    for item in appointments[1:2]:
        item["signed_on"] = "2022-06-10"
        item.pop("on_duty_on")
    findings = check(
        tmp_path, profile, needs=[*needs, third], experts=experts, appointments=appointments
    )
    return found(findings)


APPOINTED = "submissions/appointments/wuhan-2022/wang-fang-whu.yaml"


@pytest.mark.parametrize(
    ("profile", "capacity", "fails"),
    [
        ("deepened", "1", True),
        ("deepened", "2", False),  # 确有需要：the enterprise asked for two
        ("special-action-2020", "2", True),  # 每家企业仅限一项, whatever was asked
        ("wuhan-2022", "1", False),
        ("hubei-2020", "1", False),
    ],
)
def test_experts_per_enterprise(tmp_path: Path, profile: str, capacity: str, fails: bool) -> None:
    # Two experts on one need of capacity 1 is also lifecycle.over-capacity, and the special
    # action wants contract amounts: the service rules have their own tests (tests/lifecycle).
    result = [
        f
        for f in _two_appointed(tmp_path, profile, capacity)
        if f[0] != "policy.training-pending" and not f[0].startswith("lifecycle.")
    ]
    expected = [("policy.enterprise-appointments", "error", APPOINTED, 2)] if fails else []
    assert result == expected


def test_not_signed_appointments_do_not_count(tmp_path: Path) -> None:
    experts = [base_expert("deepened"), base_expert("deepened", id="wang-fang-whu", name="王芳")]
    gone = appointment("wang-fang-whu", "laser-weld", status="not_signed")
    gone |= {"not_signed_reason": "企业停产"}
    for key in ("signed_on", "on_duty_on"):
        gone.pop(key)
    findings = check(
        tmp_path,
        "deepened",
        experts=experts,
        appointments=[appointment("li-ming-hust", "laser-weld"), gone],
    )
    assert found(findings) == []


def test_experts_per_enterprise_message(tmp_path: Path) -> None:
    _two_appointed(tmp_path, "special-action-2020")
    from tests.conftest import run_validate

    diag = only(run_validate(tmp_path), "policy.enterprise-appointments")
    assert diag.message == (
        f"企业“武汉睿光激光科技有限公司”（{credit_code()}）已有 2 名科技副总选派记录，"
        "超过 1 名的上限：li-ming-hust（鄂科技通〔2020〕67号 四(二)）"
    )


# ---- conflicts of interest -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "affiliated", "severity"),
    [
        ("deepened", ["华中科技大学"], "error"),
        ("deepened", ["华中科大"], "error"),  # alias from the batch
        ("deepened", ["华中科技大学光学与电子信息学院"], "error"),  # a school of it
        ("deepened", ["华中师范大学"], None),
        ("deepened", ["华中"], None),  # not an institution name
        ("hubei-2020", ["华中科技大学"], "warning"),
        ("wuhan-2022", ["华中科大"], "warning"),
        ("special-action-2020", ["华中科技大学"], "warning"),
    ],
)
def test_conflict_of_interest(
    tmp_path: Path, profile: str, affiliated: list[str], severity: str | None
) -> None:
    batch = base_batch(profile, institution_aliases={"华中科技大学": ["华中科大", "华科"]})
    need = base_need(profile, enterprise=enterprise(profile, affiliated_institutions=affiliated))
    findings = check(tmp_path, profile, batch=batch, needs=[need])
    line = line_of(tmp_path, EXPERT_FILE, "applications") + 1
    expected = [("policy.conflict-of-interest", severity, EXPERT_FILE, line)] if severity else []
    assert found(findings) == expected


def test_conflict_on_appointments_and_message(tmp_path: Path) -> None:
    need = base_need(
        "deepened", enterprise=enterprise("deepened", affiliated_institutions=["华中科技大学"])
    )
    expert = base_expert("deepened", applications=[])
    findings = check(
        tmp_path,
        "deepened",
        needs=[need],
        experts=[expert],
        appointments=[appointment("li-ming-hust", "laser-weld")],
    )
    file = "submissions/appointments/wuhan-2022/li-ming-hust.yaml"
    assert found(findings) == [
        ("policy.conflict-of-interest", "error", file, line_of(tmp_path, file, "need"))
    ]
    assert findings.items[0].message == (
        "派出单位“华中科技大学”与企业“武汉睿光激光科技有限公司”的关联单位“华中科技大学”相同"
        "（创办、入股或孵化），存在利益冲突（《深化“科技副总”工作实施方案》二(二)1）"
    )


# ---- deadlines -------------------------------------------------------------------------------

NEEDS_DEADLINE = datetime(2022, 3, 15, 9, 0, tzinfo=UTC)  # 17:00 +08:00


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize(
    ("now", "late"),
    [
        (NEEDS_DEADLINE, []),  # exactly at the deadline: on time
        (datetime(2022, 3, 15, 9, 0, 1, tzinfo=UTC), ["need"]),
        (datetime(2022, 4, 20, 9, 0, 1, tzinfo=UTC), ["expert", "need"]),
    ],
)
def test_late_submissions(tmp_path: Path, profile: str, now: datetime, late: list[str]) -> None:
    findings = check(tmp_path, profile, now=now)
    files = {"need": NEED_FILE, "expert": EXPERT_FILE}
    assert found(findings) == [("policy.late", "error", files[k], 1) for k in late]


def test_late_message(tmp_path: Path) -> None:
    findings = check(tmp_path, "wuhan-2022", now=datetime(2022, 3, 16, tzinfo=UTC))
    assert only(findings, "policy.late").message == (
        "企业需求提交时间 2022-03-16 08:00 已超过截止时间 2022-03-15 17:00（deadlines.needs）；"
        "如确需延期，请修改批次截止时间（武汉市经信局2022年选派“科技副总”通知 四(一)）"
    )


def test_only_added_files_are_judged_when_known(tmp_path: Path) -> None:
    check(tmp_path, "wuhan-2022")
    dataset, _ = load_dataset(tmp_path)
    late = datetime(2022, 5, 1, tzinfo=UTC)
    judged = run_rules(dataset, RuleContext(now=late, added=frozenset({EXPERT_FILE})))
    assert [(d.code, d.location.file) for d in judged] == [("policy.late", EXPERT_FILE)]
    assert run_rules(dataset, RuleContext(now=late, added=frozenset())) == []


def test_deadlines_can_be_switched_off(tmp_path: Path) -> None:
    batch = base_batch("wuhan-2022", policy_overrides={"enforce_deadlines": "false"})
    assert (
        found(check(tmp_path, "wuhan-2022", batch=batch, now=datetime(2023, 1, 1, tzinfo=UTC)))
        == []
    )
