"""批次: one selection round, its policy, dates, quota and regions."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from techvp.models.common import (
    DIGITS,
    Date,
    Deadline,
    Model,
    Money,
    Name,
    RecordId,
    Text,
    internal,
    public,
    text_pattern,
    typed_or_text,
    unique_items,
)

PolicyName = Literal["hubei-2020", "wuhan-2022", "deepened", "special-action-2020"]
POLICIES: tuple[str, ...] = get_args(PolicyName)

# GB/T 4754-2017 门类, the default controlled vocabulary for 所属行业.
GB4754_SECTIONS = (
    "农、林、牧、渔业",
    "采矿业",
    "制造业",
    "电力、热力、燃气及水生产和供应业",
    "建筑业",
    "批发和零售业",
    "交通运输、仓储和邮政业",
    "住宿和餐饮业",
    "信息传输、软件和信息技术服务业",
    "金融业",
    "房地产业",
    "租赁和商务服务业",
    "科学研究和技术服务业",
    "水利、环境和公共设施管理业",
    "居民服务、修理和其他服务业",
    "教育",
    "卫生和社会工作",
    "文化、体育和娱乐业",
    "公共管理、社会保障和社会组织",
    "国际组织",
)


# GB/T 2260 codes start with a province-level code, 11 to 82.
_DIVISION = "^[1-8][0-9]{5}$"
DivisionCode = Annotated[
    str,
    Field(pattern=_DIVISION),
    WithJsonSchema(
        typed_or_text("integer", _DIVISION, "division", minimum=100_000, maximum=899_999)
    ),
]


# A GitHub user (wang-jiangan) or team (techvp/city-office), written without the “@” (a plain
# YAML value cannot start with one). `techvp codeowners` writes them into .github/CODEOWNERS.
_HANDLE = "^[A-Za-z0-9][A-Za-z0-9-]{0,38}(/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$"
GitHubHandle = Annotated[
    str, Field(pattern=_HANDLE), WithJsonSchema(text_pattern(_HANDLE, "github-handle"))
]
_HANDLE_HINT = "GitHub 用户名（如 wang-jiangan）或团队（如 techvp/city-office），不写“@”"


class Region(Model):
    slug: RecordId = public("地区编号", "英文小写字母、数字和“-”，用作目录名，如 jiangan")
    name: Name = public("地区名称", "如 江岸区、东湖新技术开发区")
    code: DivisionCode = public(
        "行政区划代码", "6 位 GB/T 2260 代码，如 420102；用于判断企业是否本地注册"
    )
    reviewers: list[GitHubHandle] = internal(
        "地区审核人",
        f"审核本地区企业需求的区（开发区）工作人员：{_HANDLE_HINT}；"
        "techvp codeowners 据此生成 .github/CODEOWNERS",
        default_factory=list,
    )


class Deadlines(Model):
    needs: Deadline = public("需求征集截止", "如 2022-03-15T17:00:00+08:00")
    experts: Deadline = public("专家推荐截止")
    matching: Deadline = public("供需对接截止")
    selection: Deadline = public("确定选派人选截止")
    on_duty: Deadline = public("到岗履职截止")


class Tranche(Model):
    amount: Money = public("拨付金额（元）")
    when: Literal["on_duty", "passed_assessment"] = public(
        "拨付时点", "on_duty：签约到岗后；passed_assessment：期满考核通过后"
    )


class Funding(Model):
    per_person: Money = public("每人工作保障经费（元）", "如 50000")
    tranches: list[Tranche] = public("分次拨付", "各次金额之和应等于每人经费", min_length=1)

    @model_validator(mode="after")
    def _sum_matches(self) -> Funding:
        total = sum(t.amount for t in self.tranches)
        if total != self.per_person:
            raise PydanticCustomError(
                "field.tranche-sum",
                "tranche sum",
                {"total": total, "expected": self.per_person, "at": "tranches"},
            )
        return self


class Service(Model):
    years: Annotated[int, Field(ge=1, le=10), DIGITS] = public("服务期（年）", default=2)
    min_days_per_month: Annotated[int, Field(ge=1, le=31), DIGITS] | None = public(
        "每月最少服务天数", default=None
    )
    min_months_per_year: Annotated[int, Field(ge=1, le=12), DIGITS] | None = public(
        "每年最少服务月数", default=None
    )

    @model_validator(mode="after")
    def _one_rule(self) -> Service:
        if self.min_days_per_month is None and self.min_months_per_year is None:
            raise PydanticCustomError("field.service-rule", "service rule", {})
        return self


def _unique_regions(regions: list[Region]) -> list[Region]:
    unique_items([r.slug for r in regions])
    return regions


class Batch(Model):
    id: RecordId = public("批次编号", "与文件名相同，如 wuhan-2022")
    title: Name = public("批次名称", "如 2022年武汉市选派“科技副总”")
    policy: PolicyName = public(
        "政策模板", "内置政策：hubei-2020、wuhan-2022、deepened、special-action-2020"
    )
    policy_overrides: dict[str, Any] = public(
        "政策参数调整", "参数名 → 值，覆盖政策模板的默认参数", default_factory=dict
    )
    reference_date: Date = public("年龄计算基准日", "年龄按此日期计算")
    deadlines: Deadlines = public("各环节截止时间")
    quota: Annotated[int, Field(ge=1, le=100_000), DIGITS] = public("选派名额", "本批次选派总人数")
    regions: Annotated[list[Region], AfterValidator(_unique_regions)] = public(
        "地区", "参与本批次的区（开发区）", min_length=1
    )
    industries: list[Name] = public(
        "行业目录",
        "企业“所属行业”的可选值，默认 GB/T 4754-2017 门类",
        default_factory=lambda: list(GB4754_SECTIONS),
    )
    institution_aliases: dict[str, list[Name]] = public(
        "单位简称",
        "单位全称 → 简称列表，用于利益冲突比对，如 华中科技大学: [华中科大, 华科]",
        default_factory=dict,
    )
    funding: Funding = public("经费")
    service: Service = public("服务要求", "每月最少服务天数、每年最少服务月数至少填写一项")
    contact: Text | None = internal("联系人", "主办处室联系人及电话", default=None)
    reviewers: list[GitHubHandle] = internal(
        "市级审核人",
        f"审核批次文件、科技人员申报、选派记录、服务报告和考核表的市级主管部门工作人员：{_HANDLE_HINT}；"
        "地区未填审核人时也由他们审核该地区的企业需求",
        default_factory=list,
    )
