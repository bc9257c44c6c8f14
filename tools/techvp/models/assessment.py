"""考核表 (seed 002 附件1): the end-of-term assessment of one 科技副总."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from techvp.models.common import Date, Model, RecordId, YesNo, internal, public
from techvp.models.outcomes import Outcomes

SUMMARY_LIMIT = 1500


class Summary(Model):
    achievements: Annotated[str, Field(min_length=1)] = internal(
        "主要成绩", "服务期内工作情况和取得的成果、效益；与典型经验合计 1500 字以内"
    )
    experience: Annotated[str, Field(min_length=1)] = internal("典型经验")

    @model_validator(mode="after")
    def _within_limit(self) -> Summary:
        actual = len(self.achievements) + len(self.experience)
        if actual > SUMMARY_LIMIT:
            raise PydanticCustomError("field.summary-too-long", "summary", {"actual": actual})
        return self


class EnterpriseEvaluation(Model):
    contract_fulfilled: YesNo = internal("指标1 是否充分履行了签订的四方项目合同书")
    days_met: YesNo = internal("指标2 是否提供了每月不少于7天的兼职服务")
    innovation_improved: YesNo = internal("指标3 是否帮助企业提升了创新能力")
    economic_benefit: YesNo = internal("指标4 创新成果是否帮助企业取得了经济效益")
    satisfaction: Literal["很满意", "满意", "基本满意", "不满意"] = internal(
        "指标5 对科技副总服务企业的满意度"
    )
    violations: YesNo = internal("指标6 是否存在违纪违法行为")


class Opinion(Model):
    text: Annotated[str, Field(min_length=1, max_length=500)] = internal("考核意见")
    date: Date = internal("日期")


class Opinions(Model):
    enterprise: Opinion | None = internal("接收企业考核意见", default=None)
    institution: Opinion | None = internal("派出单位考核意见", default=None)
    econ_dept: Opinion | None = internal("经信部门考核意见", default=None)
    org_dept: Opinion | None = internal("组织部门考核意见", default=None)


class Assessment(Model):
    expert: RecordId = public("科技人员编号", "与文件名相同")
    batch: RecordId = public("批次", "与所在目录相同")
    outcomes: Outcomes = public("两年服务期内取得的成效数据")
    first_fund_received: YesNo = internal("是否足额领取了第一笔工作保障经费")
    funds_used_properly: YesNo = internal("是否将工作经费充分合理地运用于服务接收企业")
    summary: Summary = internal("两年服务期工作情况总结报告")
    shortcomings: Annotated[str, Field(min_length=1, max_length=200)] = internal(
        "存在的不足", "必填，200 字以内"
    )
    suggestions: Annotated[str, Field(max_length=200)] | None = internal(
        "工作建议", "选填，200 字以内", default=None
    )
    enterprise_evaluation: EnterpriseEvaluation = internal("企业考核评价")
    opinions: Opinions = internal("考核意见", default_factory=Opinions)
    result: Literal["通过", "不通过"] | None = internal("考核验收总体意见", default=None)
    fail_reason: Annotated[str, Field(min_length=1, max_length=300)] | None = internal(
        "未通过考核验收的原因", default=None
    )

    @model_validator(mode="after")
    def _reason_when_failed(self) -> Assessment:
        if self.result == "不通过" and self.fail_reason is None:
            raise PydanticCustomError("field.fail-reason", "fail reason", {"at": "fail_reason"})
        return self
