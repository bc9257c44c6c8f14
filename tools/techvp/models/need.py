"""企业需求 (seed 000 附件2, seed 003): what an enterprise needs from a 科技副总."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from techvp.models.common import (
    DIGITS,
    UNIQUE_ITEMS,
    Count,
    CreditCode,
    Email,
    Model,
    Money,
    Name,
    Phone,
    RecordId,
    Text,
    YesNo,
    internal,
    public,
    unique_items,
)

Qualification = Literal[
    "高新技术企业",
    "科技型中小企业",
    "专精特新中小企业",
    '专精特新"小巨人"企业',
    "技术先进型服务企业",
    "两清零企业",
]
Carrier = Literal["省级高新技术园区", "市级以上科技企业孵化器", "无"]
Category = Literal[
    "产品创新与技术攻关",
    "行业关键共性技术突破",
    "技术改造与转型升级",
    "共建研发平台",
    "高端创新管理与工业设计",
]


class Enterprise(Model):
    name: Name = public("申报企业名称")
    credit_code: CreditCode | None = public(
        "统一社会信用代码",
        "18 位，GB 32100-2015；第 3–8 位为登记机关行政区划代码。政策要求时必填",
        default=None,
    )
    industry: Name = public("所属行业", "须为批次行业目录中的一项")
    employees: Count = public("企业从业人数（名）")
    revenue_last_year: Money = public("上年营业收入（万元）")
    qualifications: Annotated[list[Qualification], AfterValidator(unique_items), UNIQUE_ITEMS] = (
        public("企业资质", "高新技术企业、科技型中小企业、专精特新中小企业等", default_factory=list)
    )
    carrier: Carrier = public(
        "创新载体", "省级高新技术园区 / 市级以上科技企业孵化器 / 无", default="无"
    )
    affiliated_institutions: list[Name] = public(
        "关联单位",
        "创办、入股或孵化本企业的高校或科研机构（用于利益冲突审查）",
        default_factory=list,
    )


class PreferredExpert(Model):
    institution: Name = internal("期望专家所在单位")
    name: Name = internal("期望专家姓名")
    agreed: YesNo = internal("是否已经协商一致")
    expert: RecordId | None = internal(
        "专家编号", "若该专家已提交申报，填写其编号以便准确对应", default=None
    )


class Contact(Model):
    name: Name = internal("联系人")
    phone: Phone = internal("联系电话", "手机或固话，如 13912345678、027-85317029")
    email: Email | None = internal("电子邮箱", default=None)


class Need(Model):
    id: RecordId = public("需求编号", "与文件名相同")
    batch: RecordId = public("批次", "批次编号，与所在目录相同")
    region: RecordId = public("企业所在地", "批次中的地区编号，与所在目录相同")
    enterprise: Enterprise = public("企业信息")
    category: Category | None = public(
        "需求类别",
        "产品创新与技术攻关 / 行业关键共性技术突破 / 技术改造与转型升级 / "
        "共建研发平台 / 高端创新管理与工业设计",
        default=None,
    )
    expert_field: Name = public("期望专家研究领域")
    problem: Annotated[str, Field(min_length=10, max_length=2000)] = public(
        "技术创新难题", "期望科技副总帮助解决的技术创新难题"
    )
    cooperation: Text | None = public(
        "项目合作意向", "期望与“科技副总”派出单位开展的项目合作", default=None
    )
    intended_amount: Money | None = public("项目意向金额（万元）", default=None)
    capacity: Annotated[int, Field(ge=1, le=10), DIGITS] = public(
        "需求人数", "希望选派的科技副总人数，默认 1", default=1
    )
    preferred_experts: list[PreferredExpert] = internal(
        "指定专家", "0–2 名；不填表示不指定专家", default_factory=list, max_length=2
    )
    contact: Contact = internal("企业联系人")
    submitted_by: Name | None = internal("提交账号", "提交人的代码托管平台账号", default=None)
    withdrawn: YesNo = public("已撤回", default=False)
