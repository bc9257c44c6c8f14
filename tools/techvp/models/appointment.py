"""选派、签约、到岗 (seeds 002/004): written by staff, one per appointed expert."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from techvp.models.common import Date, Model, Money, RecordId, internal, public

Status = Literal["selected", "signed", "on_duty", "not_signed", "terminated", "completed"]
STATUS_LABELS: dict[str, str] = {
    "selected": "已选派",
    "signed": "已签约",
    "on_duty": "已到岗",
    "not_signed": "未签约到岗",
    "terminated": "已终止",
    "completed": "已期满",
}
# Which date each status needs, so a record cannot claim a step it never dated.
_NEEDS_DATE = {
    "signed": ("signed_on",),
    "on_duty": ("signed_on", "on_duty_on"),
    "completed": ("signed_on", "on_duty_on"),
}


class Appointment(Model):
    expert: RecordId = public("科技人员编号", "与文件名相同")
    need: RecordId = public("需求编号", "派驻企业的需求编号")
    batch: RecordId = public("批次", "与所在目录相同")
    status: Status = public(
        "状态",
        "selected 已选派 / signed 已签约 / on_duty 已到岗 / not_signed 未签约到岗 / "
        "terminated 已终止 / completed 已期满",
    )
    signed_on: Date | None = public("签约日期", default=None)
    on_duty_on: Date | None = public("到岗日期", default=None)
    not_signed_reason: Annotated[str, Field(min_length=1, max_length=300)] | None = internal(
        "未能签约到岗、履职服务原因", "300 字以内", default=None
    )
    replaced_by: RecordId | None = public("替补人员编号", default=None)
    terminated_on: Date | None = public(
        "终止日期", "状态为“已终止”时填写；此后不再需要服务报告", default=None
    )
    contract_amount: Money | None = internal(
        "技术开发合同金额（元）",
        "科技人员服务企业专项行动：支持经费不高于技术开发合同金额",
        default=None,
    )

    @model_validator(mode="after")
    def _dates_for_status(self) -> Appointment:
        for key in _NEEDS_DATE.get(self.status, ()):
            if getattr(self, key) is None:
                raise PydanticCustomError(
                    "field.requires",
                    "requires",
                    {"at": key, "condition": f"状态为“{STATUS_LABELS[self.status]}”"},
                )
        if self.status == "not_signed" and self.not_signed_reason is None:
            raise PydanticCustomError(
                "field.requires",
                "requires",
                {"at": "not_signed_reason", "condition": "状态为“未签约到岗”"},
            )
        return self
