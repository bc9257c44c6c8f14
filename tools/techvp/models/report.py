"""跟踪评估 (seed 002): the bi-monthly service report, due by the 26th of each even month."""

from __future__ import annotations

import calendar
import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from techvp.models.common import DIGITS, Date, Model, RecordId, Text, public
from techvp.models.outcomes import Outcomes

_PERIOD = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def _even_month(value: str) -> str:
    match = _PERIOD.fullmatch(value)
    if match is None or int(match.group(2)) % 2:
        raise PydanticCustomError("field.even-month", "even month", {"value": value})
    return value


def period_months(period: str) -> tuple[str, str]:
    """The two months a report covers: `2022-08` → (`2022-07`, `2022-08`)."""
    year, month = int(period[:4]), int(period[5:7])
    return f"{year:04d}-{month - 1:02d}", period


class Report(Model):
    expert: RecordId = public("科技人员编号", "与所在目录相同")
    batch: RecordId = public("批次", "与所在目录相同")
    period: Annotated[str, AfterValidator(_even_month)] = public(
        "报告期", "双月，格式 YYYY-MM，与文件名相同"
    )
    days_served: dict[str, Annotated[int, Field(ge=0, le=31), DIGITS]] = public(
        "每月服务天数", "报告期两个月各自的服务天数，如 2022-07: 8"
    )
    activities: list[Text] = public("服务内容", min_length=1, max_length=50)
    outcomes: Outcomes = public("本期新增成效", default_factory=Outcomes)
    submitted_on: Date | None = public(
        "报送日期", "应在报告期（双月）26 日前报送；晚于此日期为逾期报送", default=None
    )

    @model_validator(mode="after")
    def _months_match_period(self) -> Report:
        expected = period_months(self.period)
        if tuple(sorted(self.days_served)) != expected:
            raise PydanticCustomError(
                "field.report-months",
                "report months",
                {
                    "at": "days_served",
                    "expected": "、".join(expected),
                    "value": "、".join(sorted(self.days_served)) or "无",
                },
            )
        for month, days in sorted(self.days_served.items()):
            limit = calendar.monthrange(int(month[:4]), int(month[5:]))[1]
            if days > limit:
                raise PydanticCustomError(
                    "field.days-in-month",
                    "days in month",
                    {"at": f"days_served.{month}", "month": month, "value": days, "limit": limit},
                )
        return self
