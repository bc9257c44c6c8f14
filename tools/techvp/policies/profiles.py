"""The built-in policy profiles as data, and how a batch's overrides are applied to them.

Every parameter defaults to "no requirement", so a batch may switch any rule on or off with
`policy_overrides`; the four profiles set what their notice says (seeds 000, 001, 003, 004).
The enterprise-size rule is an error where the notice's programme is for 中小微企业 (seeds 000,
004) and a warning where it speaks of 中小科技型企业 or 科技型中小企业 (seeds 001, 003), whose
qualifications have their own size tests that the 300号 standard only approximates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from techvp.diagnostics import Diagnostic, Location
from techvp.messages import policy as text
from techvp.modelcheck import check_record
from techvp.models.batch import Batch
from techvp.models.expert import InstitutionType, PersonType, TitleLevel
from techvp.models.need import Qualification
from techvp.policies.sme import StandardIndustry
from techvp.repo import Loaded
from techvp.yamlio import YamlDocument

Certificate = Literal["初级", "中级", "高级"]
PriorityCarrier = Literal["省级高新技术园区", "市级以上科技企业孵化器"]
ALL_INSTITUTIONS: list[InstitutionType] = list(get_args(InstitutionType))
ALL_QUALIFICATIONS: list[Qualification] = list(get_args(Qualification))


def _p(title: str, description: str, default: Any) -> Any:
    return Field(default=default, title=title, description=description)


class PolicyParams(BaseModel):
    """Every parameter a batch can override, with its Chinese title."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # 科技人员
    min_title_level: TitleLevel | None = _p("最低职称级别", "如 副高级；不填表示不要求", None)
    degree_alternative: Literal["博士", "硕士"] | None = _p(
        "可替代职称的学位", "具有此学位者可不满足职称要求（深化方案：博士）", None
    )
    research_output: Literal["none", "patent-or-result", "invention-or-result"] = _p(
        "专利或科研成果要求",
        "none 不要求；patent-or-result 专利或科研成果；invention-or-result 发明专利或科研成果",
        "none",
    )
    max_age: int | None = Field(None, title="年龄上限（周岁）", description="含本数", ge=16, le=100)
    age_relax_named_agreed: bool = _p(
        "企业指定并协商一致可放宽年龄", "超龄但有需求指定该专家且已协商一致时，只给出警告", False
    )
    relax_for_core_ip: bool = _p(
        "核心知识产权或上期优秀可放宽",
        "拥有核心知识产权或上期考核优秀者，超龄、学历或职称不足时只给出警告",
        False,
    )
    priority_max_age: int | None = Field(
        None, title="优先支持的年龄上限（周岁）", description="含本数", ge=16, le=100
    )
    require_clean_record: bool = _p("须近3年内无不良记录", "", False)
    institution_types: list[InstitutionType] = _p(
        "允许的派出单位类型", "高校 / 科研院所 / 新型研发机构 / 省级以上实验室", ALL_INSTITUTIONS
    )
    person_types: list[PersonType] = _p(
        "允许的人员类型", "在职科研人员 / 博士后 / 全日制在读博士", ["在职科研人员"]
    )
    min_contract_years: int | None = Field(
        None, title="聘用合同最少剩余年数", description="不足时须有续聘证明", ge=0, le=10
    )
    min_training_certificate: Certificate | None = _p(
        "技术经理人培训证书最低级别", "初级 / 中级 / 高级；到岗前须取得", None
    )
    # 企业需求
    require_credit_code: bool = _p("须填写统一社会信用代码", "", False)
    local_registration: Literal["none", "province", "city", "district"] = _p(
        "企业须本地注册",
        "按统一社会信用代码第 3–8 位与批次地区代码比对：none / province 省 / city 市 / district 区",
        "none",
    )
    required_qualifications: list[Qualification] = _p(
        "企业须具备的资质（之一）", "不填表示不要求", []
    )
    priority_qualifications: list[Qualification] = _p("优先支持的企业资质", "", [])
    priority_carriers: list[PriorityCarrier] = _p("优先支持的创新载体", "", [])
    min_intended_amount: Decimal | None = Field(
        None, title="项目意向金额下限（万元）", description="含本数", ge=0, le=Decimal("1e8")
    )
    require_category: bool = _p("须填写需求类别", "", False)
    sme_size: Literal["off", "warning", "error"] = _p(
        "企业须为中小微企业",
        "按《中小企业划型标准规定》（工信部联企业〔2011〕300号）第四条，以所属行业的从业人员、"
        "营业收入判断是否为大型企业：off 不查 / warning 警告 / error 错误",
        "off",
    )
    size_industries: dict[str, list[StandardIndustry]] = _p(
        "行业对应的划型行业",
        "批次行业目录中的行业 → 《中小企业划型标准规定》中的行业，如 高端装备制造: [工业]；"
        "GB/T 4754 门类已内置",
        {},
    )
    # 跨记录
    duplicate_enterprise: Literal["allow", "warning", "error"] = _p(
        "同一企业重复提交需求", "allow 允许 / warning 警告 / error 错误", "allow"
    )
    experts_per_enterprise: int | None = Field(
        None, title="每家企业选派人数上限", description="不填表示不限", ge=1, le=100
    )
    more_experts_on_request: bool = _p(
        "企业申请后可多于上限", "上限取该企业需求人数（capacity）之和", False
    )
    conflict_of_interest: Literal["off", "warning", "error"] = _p(
        "利益冲突审查",
        "派出单位创办、入股或孵化的企业：off 不查 / warning 警告 / error 错误",
        "off",
    )
    enforce_deadlines: bool = _p("检查截止时间", "截止后提交的需求和申报为错误", True)
    # 批次
    funding_per_person: Decimal | None = Field(
        None, title="每人工作保障经费（元）", description="批次经费须与此一致", ge=0
    )
    max_funding_per_person: Decimal | None = Field(
        None, title="每人（每项）支持经费上限（元）", description="", ge=0
    )
    funding_within_contract: bool = _p(
        "支持经费不高于技术开发合同金额",
        "选派记录须填写合同金额（contract_amount），拨付以合同金额为限",
        False,
    )
    min_days_per_month: int | None = Field(
        None, title="每月最少服务天数", description="", ge=1, le=31
    )
    min_months_per_year: int | None = Field(
        None, title="每年最少服务月数", description="", ge=1, le=12
    )
    term_years: int | None = Field(None, title="服务期（年）", description="", ge=1, le=10)
    # 匹配
    match_recommended_min: Decimal | None = Field(
        None,
        title="推荐配对的最低匹配度",
        description="0–1；填写后，系统推荐（专家未申报）且匹配度不低于此值的配对也可安排；"
        "不填表示只安排专家申报的需求（及企业指定并协商一致的专家）",
        ge=0,
        le=1,
    )


_HUBEI = PolicyParams(
    min_title_level="副高级",
    research_output="patent-or-result",
    max_age=45,
    age_relax_named_agreed=True,
    require_clean_record=True,
    institution_types=["高校", "科研院所"],
    duplicate_enterprise="warning",
    conflict_of_interest="warning",
    sme_size="error",
    funding_per_person=Decimal(50000),
    min_days_per_month=7,
    term_years=2,
)

PROFILES: dict[str, PolicyParams] = {
    "hubei-2020": _HUBEI,
    "wuhan-2022": _HUBEI.model_copy(
        update={
            "research_output": "invention-or-result",
            "priority_qualifications": ["专精特新中小企业", '专精特新"小巨人"企业'],
        }
    ),
    "deepened": PolicyParams(
        min_title_level="副高级",
        degree_alternative="博士",
        max_age=55,
        relax_for_core_ip=True,
        priority_max_age=40,
        min_contract_years=3,
        min_training_certificate="初级",
        require_credit_code=True,
        local_registration="city",
        required_qualifications=ALL_QUALIFICATIONS,
        priority_carriers=["省级高新技术园区", "市级以上科技企业孵化器"],
        sme_size="warning",
        duplicate_enterprise="error",
        experts_per_enterprise=1,
        more_experts_on_request=True,
        conflict_of_interest="error",
        min_months_per_year=3,
        term_years=2,
    ),
    "special-action-2020": PolicyParams(
        person_types=["在职科研人员", "博士后", "全日制在读博士"],
        require_credit_code=True,
        local_registration="province",
        required_qualifications=["科技型中小企业"],
        min_intended_amount=Decimal(10),
        require_category=True,
        sme_size="warning",
        experts_per_enterprise=1,
        conflict_of_interest="warning",
        max_funding_per_person=Decimal(100000),
        funding_within_contract=True,
    ),
}


@dataclass(frozen=True)
class Policy:
    """A batch's parameters after its overrides, and where each rule's authority comes from."""

    batch: str
    name: str
    params: PolicyParams
    overridden: frozenset[str] = frozenset()

    def clause(self, key: str, *params: str) -> str:
        """The clause behind a rule: the batch file if it changed a parameter, else the notice."""
        for param in params:
            if param in self.overridden:
                return text.OVERRIDE_CLAUSE.format(batch=self.batch, param=param)
        found = text.CLAUSES.get(self.name, {}).get(key)
        return found or text.BATCH_CLAUSE.format(batch=self.batch)


def _overrides_document(item: Loaded[Batch], data: dict[str, Any]) -> YamlDocument:
    """A view of the batch file rooted at policy_overrides, so positions stay right."""
    doc = item.doc
    prefix = ("policy_overrides",)

    def shift(table: dict[Any, Any]) -> dict[Any, Any]:
        return {k[1:]: v for k, v in table.items() if k[:1] == prefix and len(k) > 1}

    return YamlDocument(
        doc.file, data, shift(doc.key_positions), shift(doc.value_positions), diagnostics=[]
    )


def _rebase(diag: Diagnostic) -> Diagnostic:
    loc = diag.location
    where = Location(loc.file, loc.line, loc.column, ("policy_overrides", *loc.key_path))
    if diag.code == "field.unknown":
        return replace(diag, code="policy.override-unknown", location=where)
    return replace(diag, location=where)


def resolve(item: Loaded[Batch]) -> tuple[Policy, list[Diagnostic]]:
    """The batch's policy; overrides that are unknown or invalid are reported and ignored."""
    batch = item.record
    base = PROFILES[batch.policy]
    overrides = dict(batch.policy_overrides)
    problems: list[Diagnostic] = []
    while overrides:
        merged = {**base.model_dump(), **overrides}
        params, found = check_record(PolicyParams, _overrides_document(item, merged))
        if params is not None:
            return Policy(batch.id, batch.policy, params, frozenset(overrides)), problems
        problems.extend(_rebase(d) for d in found)
        bad = {d.location.key_path[0] for d in found if d.location.key_path}
        kept = {k: v for k, v in overrides.items() if k not in bad}
        if len(kept) == len(overrides):  # nothing attributable: give up on the overrides
            break
        overrides = kept
    return Policy(batch.id, batch.policy, base), problems
