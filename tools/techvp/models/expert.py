"""科技人员申报 (seeds 000/001/003/004): a researcher's profile and applications."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from techvp.models.common import (
    UNIQUE_ITEMS,
    Date,
    Email,
    Model,
    Name,
    PatentNumber,
    Phone,
    RecordId,
    Text,
    YesNo,
    internal,
    public,
    unique_items,
)

TitleLevel = Literal["正高级", "副高级", "中级", "初级"]
InstitutionType = Literal["高校", "科研院所", "新型研发机构", "省级以上实验室"]
PersonType = Literal["在职科研人员", "博士后", "全日制在读博士"]
TITLE_LEVEL_ORDER: tuple[TitleLevel, ...] = ("初级", "中级", "副高级", "正高级")

# Known professional titles and their level (职称系列), to catch inconsistent declarations.
KNOWN_TITLES: dict[str, TitleLevel] = {
    **dict.fromkeys(
        [
            "教授",
            "研究员",
            "正高级工程师",
            "正高级实验师",
            "主任医师",
            "教授级高级工程师",
            "正高级农艺师",
            "正高级经济师",
            "编审",
            "正高级会计师",
        ],
        "正高级",
    ),
    **dict.fromkeys(
        [
            "副教授",
            "副研究员",
            "高级工程师",
            "高级实验师",
            "副主任医师",
            "高级农艺师",
            "高级经济师",
            "副编审",
            "高级会计师",
        ],
        "副高级",
    ),
    **dict.fromkeys(
        ["讲师", "助理研究员", "工程师", "实验师", "主治医师", "农艺师", "经济师", "编辑"], "中级"
    ),
    **dict.fromkeys(
        ["助教", "研究实习员", "助理工程师", "助理实验师", "医师", "助理农艺师"], "初级"
    ),
}


class Patent(Model):
    number: PatentNumber = public("专利号", "如 ZL202110123456.7 或 CN112345678A")
    title: Name = public("专利名称")
    kind: Literal["发明", "实用新型", "外观设计"] = public("专利类型")


class PreviousTerm(Model):
    batch: Name = public("上期批次")
    result: Literal["优秀", "通过", "不通过"] = public("上期考核结果")


class Contact(Model):
    phone: Phone = internal("联系手机")
    email: Email | None = internal("电子邮箱", default=None)


class Expert(Model):
    id: RecordId = public("人员编号", "与文件名相同")
    batch: RecordId = public("批次", "与所在目录相同")
    name: Name = public("姓名")
    gender: Literal["男", "女"] = internal("性别")
    birth_date: Date = internal("出生日期", "用于按批次基准日计算年龄；不公开")
    institution: Name = public("派出单位")
    department: Name | None = public("院系", default=None)
    institution_type: InstitutionType = public("派出单位类型")
    person_type: PersonType = public("人员类型", default="在职科研人员")
    title: Name = public("职称", "如 教授、副研究员、高级工程师")
    title_level: TitleLevel = public("职称级别", "正高级 / 副高级 / 中级 / 初级")
    degree: Literal["博士", "硕士", "学士", "其他"] = public("学位")
    position: Name | None = public("职务", default=None)
    research_fields: Annotated[list[Name], AfterValidator(unique_items), UNIQUE_ITEMS] = public(
        "研究领域", min_length=1, max_length=10
    )
    achievements: list[Text] = public(
        "科研成果",
        "论文、项目、奖励等；政策一般要求科研成果或发明专利至少一项",
        default_factory=list,
        max_length=20,
    )
    patents: list[Patent] = public("专利", default_factory=list, max_length=50)
    core_ip: YesNo = public(
        "拥有核心知识产权或成熟科技成果",
        "可据此申请放宽年龄、学历、职称要求（深化方案 二(一)3）",
        default=False,
    )
    clean_record_3y: YesNo = internal("近3年内无不良记录")
    contract_end: Date | None = internal("聘用合同到期日", default=None)
    renewal_proof: YesNo = internal("已出具到期续聘证明", default=False)
    training_certificate: Literal["初级", "中级", "高级", "无"] = public(
        "技术经理人培训证书", default="无"
    )
    previous_term: PreviousTerm | None = public("上期任职", default=None)
    applications: Annotated[list[RecordId], AfterValidator(unique_items), UNIQUE_ITEMS] = public(
        "申报需求", "申报的企业需求编号，可多个", default_factory=list, max_length=20
    )
    political_status: Name | None = internal("党派", default=None)
    contact: Contact = internal("联系方式")
    summary: Annotated[str, Field(max_length=500)] | None = public("个人简介", default=None)

    @model_validator(mode="after")
    def _title_matches_level(self) -> Expert:
        known = KNOWN_TITLES.get(self.title)
        if known is not None and known != self.title_level:
            raise PydanticCustomError(
                "field.title-level",
                "title level",
                {
                    "title": self.title,
                    "expected": known,
                    "value": self.title_level,
                    "at": "title_level",
                },
            )
        return self
