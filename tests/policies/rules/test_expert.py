"""Expert eligibility: each rule passes, fails, and holds at its boundary under each profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from techvp.models.common import patent_check_char
from techvp.policies.rules.expert import add_years, age_on
from tests.policies.scenario import (
    EXPERT_FILE,
    PROFILES,
    appointment,
    base_expert,
    base_need,
    check,
    found,
    line_of,
    only,
)

AGE_LIMITED = ("hubei-2020", "wuhan-2022")


def _patent(kind: str) -> dict[str, str]:
    digits = "202120123456" if kind == "实用新型" else "202110123456"
    return {"number": f"ZL{digits}.{patent_check_char(digits)}", "title": "一种装置", "kind": kind}


# ---- age -----------------------------------------------------------------------------------


def test_age_on_counts_the_birthday_itself() -> None:
    assert age_on(date(1977, 3, 15), date(2022, 3, 15)) == 45
    assert age_on(date(1977, 3, 16), date(2022, 3, 15)) == 44
    assert age_on(date(2000, 2, 29), date(2022, 2, 28)) == 21
    assert add_years(date(2020, 2, 29), 3) == date(2023, 2, 28)


@pytest.mark.parametrize("profile", AGE_LIMITED)
@pytest.mark.parametrize(
    ("birth", "codes"),
    [
        ("1976-03-16", []),  # 45 exactly on the reference date: allowed
        ("1977-03-15", []),  # 45, turned so on the reference date
        ("1976-03-15", [("policy.age", "error")]),  # 46 on the very day of the birthday
        ("1970-01-01", [("policy.age", "error")]),
    ],
)
def test_age_limit_45(
    tmp_path: Path, profile: str, birth: str, codes: list[tuple[str, str]]
) -> None:
    findings = check(tmp_path, profile, experts=[base_expert(profile, birth_date=birth)])
    line = line_of(tmp_path, EXPERT_FILE, "birth_date")
    assert found(findings) == [(c, s, EXPERT_FILE, line) for c, s in codes]


def test_age_message(tmp_path: Path) -> None:
    findings = check(
        tmp_path, "hubei-2020", experts=[base_expert("hubei-2020", birth_date="1975-01-01")]
    )
    assert only(findings, "policy.age").message == (
        "年龄 47 岁，超过 45 岁上限（按基准日 2022-03-15 计算）（鄂经信科技〔2020〕73号 二(三)）"
    )


@pytest.mark.parametrize("profile", AGE_LIMITED)
def test_age_relaxed_when_a_need_named_the_expert_and_agreed(tmp_path: Path, profile: str) -> None:
    named = {"institution": "华中科技大学", "name": "李明", "agreed": "true"}
    need = base_need(profile, preferred_experts=[named])
    expert = base_expert(profile, birth_date="1975-01-01")
    findings = check(tmp_path, profile, needs=[need], experts=[expert])
    line = line_of(tmp_path, EXPERT_FILE, "birth_date")
    assert found(findings) == [("policy.age-relaxed", "warning", EXPERT_FILE, line)]
    assert "需求“laser-weld”指定该专家且已协商一致，可适当放宽，请审核" in findings.items[0].message


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        ({"institution": "华中科大机械学院", "name": "李明", "agreed": "是"}, "warning"),
        ({"institution": "武汉大学", "name": "李明", "agreed": "true"}, "error"),
        (
            {"institution": "某单位", "name": "别名", "agreed": "true", "expert": "li-ming-hust"},
            "warning",
        ),
        ({"institution": "华中科技大学", "name": "李明", "agreed": "false"}, "error"),
    ],
)
def test_who_counts_as_named(tmp_path: Path, named: dict[str, str], expected: str) -> None:
    batch_changes = {"institution_aliases": {"华中科技大学": ["华中科大"]}}
    from tests.policies.scenario import base_batch

    findings = check(
        tmp_path,
        "hubei-2020",
        batch=base_batch("hubei-2020", **batch_changes),
        needs=[base_need("hubei-2020", preferred_experts=[named])],
        experts=[base_expert("hubei-2020", birth_date="1975-01-01")],
    )
    assert [(d.code.startswith("policy.age"), d.severity.value) for d in findings] == [
        (True, expected)
    ]


def test_withdrawn_need_does_not_relax(tmp_path: Path) -> None:
    named = {"institution": "华中科技大学", "name": "李明", "agreed": "true"}
    need = base_need("hubei-2020", preferred_experts=[named], withdrawn="true")
    findings = check(
        tmp_path,
        "hubei-2020",
        needs=[need],
        experts=[base_expert("hubei-2020", birth_date="1975-01-01")],
    )
    assert [d.code for d in findings] == ["policy.age"]


@pytest.mark.parametrize(
    ("birth", "changes", "codes"),
    [
        ("1966-03-16", {}, []),  # 55 exactly
        ("1966-03-15", {}, [("policy.age", "error")]),  # 56 on the birthday
        ("1960-01-01", {"core_ip": "true"}, [("policy.age-relaxed", "warning")]),
        (
            "1960-01-01",
            {"previous_term": {"batch": "2020年第一批", "result": "优秀"}},
            [("policy.age-relaxed", "warning")],
        ),
        (
            "1960-01-01",
            {"previous_term": {"batch": "2020年第一批", "result": "通过"}},
            [("policy.age", "error")],
        ),
        ("1981-03-16", {}, [("policy.age-priority", "priority")]),  # 40 exactly: priority
        ("1982-03-15", {}, [("policy.age-priority", "priority")]),  # turns 40 that day
        ("1981-03-15", {}, []),  # 41 on the birthday: no priority
    ],
)
def test_deepened_age(
    tmp_path: Path, birth: str, changes: dict[str, object], codes: list[tuple[str, str]]
) -> None:
    expert = base_expert("deepened", birth_date=birth, **changes)
    findings = check(tmp_path, "deepened", experts=[expert])
    line = line_of(tmp_path, EXPERT_FILE, "birth_date")
    assert found(findings) == [(c, s, EXPERT_FILE, line) for c, s in codes]


def test_age_priority_message(tmp_path: Path) -> None:
    findings = check(
        tmp_path, "deepened", experts=[base_expert("deepened", birth_date="1990-01-01")]
    )
    assert only(findings, "policy.age-priority").message == (
        "年龄 32 岁，属 40 岁（含）以下青年科技人才，同等条件下优先支持"
        "（《深化“科技副总”工作实施方案》二(一)3）"
    )


@pytest.mark.parametrize("profile", ["special-action-2020"])
def test_no_age_limit_in_special_action(tmp_path: Path, profile: str) -> None:
    findings = check(tmp_path, profile, experts=[base_expert(profile, birth_date="1950-01-01")])
    assert found(findings) == []


# ---- title and degree ----------------------------------------------------------------------


@pytest.mark.parametrize("profile", AGE_LIMITED)
@pytest.mark.parametrize(
    ("title", "level", "codes"),
    [
        ("副教授", "副高级", []),  # the boundary: 副高级 itself
        ("教授", "正高级", []),
        ("讲师", "中级", [("policy.title-level", "error")]),
    ],
)
def test_title_level(
    tmp_path: Path, profile: str, title: str, level: str, codes: list[tuple[str, str]]
) -> None:
    findings = check(
        tmp_path, profile, experts=[base_expert(profile, title=title, title_level=level)]
    )
    line = line_of(tmp_path, EXPERT_FILE, "title_level")
    assert found(findings) == [(c, s, EXPERT_FILE, line) for c, s in codes]


def test_title_level_message(tmp_path: Path) -> None:
    expert = base_expert("wuhan-2022", title="讲师", title_level="中级")
    findings = check(tmp_path, "wuhan-2022", experts=[expert])
    assert only(findings, "policy.title-level").message == (
        "职称级别“中级”，低于“副高级”的要求（武汉市经信局2022年选派“科技副总”通知 二）"
    )


@pytest.mark.parametrize(
    ("changes", "codes"),
    [
        ({"title": "讲师", "title_level": "中级", "degree": "博士"}, []),
        ({"title": "副教授", "title_level": "副高级", "degree": "硕士"}, []),
        (
            {"title": "讲师", "title_level": "中级", "degree": "硕士"},
            [("policy.degree-or-title", "error")],
        ),
        (
            {"title": "讲师", "title_level": "中级", "degree": "硕士", "core_ip": "true"},
            [("policy.degree-or-title-relaxed", "warning")],
        ),
    ],
)
def test_deepened_degree_or_title(
    tmp_path: Path, changes: dict[str, str], codes: list[tuple[str, str]]
) -> None:
    findings = check(tmp_path, "deepened", experts=[base_expert("deepened", **changes)])
    line = line_of(tmp_path, EXPERT_FILE, "title_level")
    assert found(findings) == [(c, s, EXPERT_FILE, line) for c, s in codes]


def test_degree_or_title_messages(tmp_path: Path) -> None:
    expert = base_expert(
        "deepened", title="讲师", title_level="中级", degree="硕士", core_ip="true"
    )
    findings = check(tmp_path, "deepened", experts=[expert])
    assert only(findings, "policy.degree-or-title-relaxed").message == (
        "学位“硕士”、职称级别“中级”，不满足博士学位或副高级及以上职称的要求；"
        "但其拥有核心知识产权或成熟科技成果，可适当放宽，请审核（《深化“科技副总”工作实施方案》二(一)3）"
    )


def test_degree_or_title_error_message(tmp_path: Path) -> None:
    expert = base_expert("deepened", title="讲师", title_level="中级", degree="硕士")
    findings = check(tmp_path, "deepened", experts=[expert])
    assert only(findings, "policy.degree-or-title").message.startswith(
        "学位“硕士”、职称级别“中级”：须具有博士学位或副高级及以上职称"
    )


def test_special_action_has_no_title_requirement(tmp_path: Path) -> None:
    expert = base_expert("special-action-2020", title="助教", title_level="初级", degree="硕士")
    assert found(check(tmp_path, "special-action-2020", experts=[expert])) == []


# ---- patents and results -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "patents", "achievements", "fails"),
    [
        ("hubei-2020", ["实用新型"], [], False),
        ("hubei-2020", [], ["一项成果"], False),
        ("hubei-2020", [], [], True),
        ("wuhan-2022", ["发明"], [], False),
        ("wuhan-2022", [], ["一项成果"], False),
        ("wuhan-2022", ["实用新型"], [], True),
        ("wuhan-2022", [], [], True),
        ("deepened", [], [], False),
        ("special-action-2020", [], [], False),
    ],
)
def test_research_output(
    tmp_path: Path, profile: str, patents: list[str], achievements: list[str], fails: bool
) -> None:
    expert = base_expert(profile, patents=[_patent(k) for k in patents], achievements=achievements)
    if not patents:
        expert.pop("patents")
    if not achievements:
        expert.pop("achievements")
    findings = check(tmp_path, profile, experts=[expert])
    assert [(d.code, d.severity.value) for d in findings] == (
        [("policy.research-output", "error")] if fails else []
    )


def test_research_output_message_and_location(tmp_path: Path) -> None:
    expert = base_expert("wuhan-2022", patents=[_patent("实用新型")])
    expert.pop("achievements")
    findings = check(tmp_path, "wuhan-2022", experts=[expert])
    diag = only(findings, "policy.research-output")
    assert diag.location.line == line_of(tmp_path, EXPERT_FILE, "patents") + 1
    assert diag.message == (
        "未填写发明专利或科研成果（专利 1 项，其中发明专利 0 项；科研成果 0 项）"
        "（武汉市经信局2022年选派“科技副总”通知 二）"
    )


# ---- clean record, institution and person types ---------------------------------------------


@pytest.mark.parametrize(("profile", "fails"), [(p, p in AGE_LIMITED) for p in PROFILES])
def test_clean_record(tmp_path: Path, profile: str, fails: bool) -> None:
    findings = check(tmp_path, profile, experts=[base_expert(profile, clean_record_3y="false")])
    line = line_of(tmp_path, EXPERT_FILE, "clean_record_3y")
    assert found(findings) == (
        [("policy.clean-record", "error", EXPERT_FILE, line)] if fails else []
    )
    if fails and profile == "hubei-2020":
        assert findings.items[0].message == (
            "未确认近 3 年内无不良记录（clean_record_3y 为否）（鄂经信科技〔2020〕73号 二(四)）"
        )


@pytest.mark.parametrize(
    ("profile", "kind", "fails"),
    [
        ("hubei-2020", "科研院所", False),
        ("hubei-2020", "新型研发机构", True),
        ("wuhan-2022", "省级以上实验室", True),
        ("deepened", "新型研发机构", False),
        ("special-action-2020", "省级以上实验室", False),
    ],
)
def test_institution_type(tmp_path: Path, profile: str, kind: str, fails: bool) -> None:
    findings = check(tmp_path, profile, experts=[base_expert(profile, institution_type=kind)])
    line = line_of(tmp_path, EXPERT_FILE, "institution_type")
    assert found(findings) == (
        [("policy.institution-type", "error", EXPERT_FILE, line)] if fails else []
    )
    if fails and profile == "hubei-2020":
        assert findings.items[0].message == (
            "派出单位类型为“新型研发机构”，本批次只接受：高校、科研院所"
            "（鄂经信科技〔2020〕73号 二）"
        )


@pytest.mark.parametrize(
    ("profile", "kind", "fails"),
    [
        ("special-action-2020", "全日制在读博士", False),
        ("special-action-2020", "博士后", False),
        ("wuhan-2022", "博士后", True),
        ("deepened", "全日制在读博士", True),
    ],
)
def test_person_type(tmp_path: Path, profile: str, kind: str, fails: bool) -> None:
    findings = check(tmp_path, profile, experts=[base_expert(profile, person_type=kind)])
    line = line_of(tmp_path, EXPERT_FILE, "person_type")
    assert found(findings) == (
        [("policy.person-type", "error", EXPERT_FILE, line)] if fails else []
    )
    if fails and profile == "deepened":
        assert findings.items[0].message == (
            "人员类型为“全日制在读博士”，本批次只接受：在职科研人员（《深化“科技副总”工作实施方案》二(一)1）"
        )


# ---- contract and certificate (seed 001) ----------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"contract_end": "2025-03-15"}, None),  # exactly 3 years after the reference date
        ({"contract_end": "2025-03-14"}, "policy.contract-years"),
        ({"contract_end": "2023-01-01", "renewal_proof": "true"}, None),
        ({"contract_end": None}, "policy.contract-missing"),
        ({"contract_end": None, "renewal_proof": "是"}, None),
    ],
)
def test_contract_years(tmp_path: Path, changes: dict[str, str | None], code: str | None) -> None:
    findings = check(tmp_path, "deepened", experts=[base_expert("deepened", **changes)])
    assert [(d.code, d.severity.value) for d in findings] == ([(code, "error")] if code else [])


def test_contract_messages_and_other_profiles(tmp_path: Path) -> None:
    findings = check(
        tmp_path, "deepened", experts=[base_expert("deepened", contract_end="2024-06-30")]
    )
    diag = only(findings, "policy.contract-years")
    assert diag.location.line == line_of(tmp_path, EXPERT_FILE, "contract_end")
    assert diag.message == (
        "聘用合同 2024-06-30 到期，按基准日 2022-03-15 剩余聘期不足 3 年，且未出具到期续聘证明"
        "（《深化“科技副总”工作实施方案》二(一)1）"
    )


@pytest.mark.parametrize("profile", AGE_LIMITED)
def test_no_contract_rule_elsewhere(tmp_path: Path, profile: str) -> None:
    assert (
        found(check(tmp_path, profile, experts=[base_expert(profile, contract_end="2022-06-30")]))
        == []
    )


def test_contract_missing_message(tmp_path: Path) -> None:
    findings = check(tmp_path, "deepened", experts=[base_expert("deepened", contract_end=None)])
    assert only(findings, "policy.contract-missing").message.startswith(
        "未填写聘用合同到期日（contract_end），无法判断剩余聘期是否满 3 年"
    )


@pytest.mark.parametrize(
    ("certificate", "on_duty", "expected"),
    [
        ("初级", True, []),  # the boundary: 初级 itself
        ("高级", False, []),
        ("无", False, [("policy.training-pending", "warning")]),
        ("无", True, [("policy.training-certificate", "error")]),
    ],
)
def test_training_certificate(
    tmp_path: Path, certificate: str, on_duty: bool, expected: list[tuple[str, str]]
) -> None:
    expert = base_expert("deepened", training_certificate=certificate)
    appointments = [appointment("li-ming-hust", "laser-weld")] if on_duty else []
    findings = check(tmp_path, "deepened", experts=[expert], appointments=appointments)
    line = line_of(tmp_path, EXPERT_FILE, "training_certificate")
    # (The appointment of an expert with an error has its own, lifecycle.appointed-ineligible.)
    mine = [f for f in found(findings) if f[2] == EXPERT_FILE]
    assert mine == [(c, s, EXPERT_FILE, line) for c, s in expected]


def test_training_messages(tmp_path: Path) -> None:
    expert = base_expert("deepened", training_certificate="无")
    findings = check(tmp_path, "deepened", experts=[expert])
    assert only(findings, "policy.training-pending").message == (
        "技术经理人培训证书为“无”，须在到岗前取得初级及以上证书，请核实（《深化“科技副总”工作实施方案》二(一)1）"
    )


def test_training_error_message(tmp_path: Path) -> None:
    expert = base_expert("deepened", training_certificate="无")
    findings = check(
        tmp_path,
        "deepened",
        experts=[expert],
        appointments=[appointment("li-ming-hust", "laser-weld")],
    )
    assert only(findings, "policy.training-certificate").message.startswith(
        "已到岗，但技术经理人培训证书为“无”，须具备初级及以上证书"
    )
