"""The six record kinds and where their files live."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from techvp.models.appointment import Appointment
from techvp.models.assessment import Assessment
from techvp.models.batch import Batch
from techvp.models.expert import Expert
from techvp.models.need import Need
from techvp.models.report import Report


@dataclass(frozen=True)
class Kind:
    name: str  # English key, used in file paths and schema names
    title: str  # Chinese name shown to users
    model: type[BaseModel]
    folder: str  # under submissions/
    id_key: str  # the field that must equal the file stem


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("batch", "批次", Batch, "batches", "id"),
        Kind("need", "企业需求", Need, "needs", "id"),
        Kind("expert", "科技人员", Expert, "experts", "id"),
        Kind("appointment", "选派记录", Appointment, "appointments", "expert"),
        Kind("report", "服务报告", Report, "reports", "period"),
        Kind("assessment", "考核表", Assessment, "assessments", "expert"),
    )
}

__all__ = ["KINDS", "Appointment", "Assessment", "Batch", "Expert", "Kind", "Need", "Report"]
