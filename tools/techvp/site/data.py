"""What the site shows, computed once from a BuildResult: public fields only.

Every record reaches the site through `public_record`, the one allow-list of published fields.
A need's status: "appointed" when an appointment names it (selected, signed, on duty or
completed); "proposed" when the matching step proposes an expert for it and the batch has no
appointment record yet (the proposal is provisional until staff write them); otherwise "open".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from techvp.build import BuildResult
from techvp.history import History
from techvp.models import Appointment, Batch, Expert, Need
from techvp.models.visibility import public_record

STATUS_LABELS = {"open": "可申报", "proposed": "已提出人选", "appointed": "已选派"}
_APPOINTED = frozenset({"selected", "signed", "on_duty", "completed"})


def batches_with_appointments(result: BuildResult) -> frozenset[str]:
    """Batches whose staff have written appointment records: their proposal is superseded."""
    return frozenset(a.record.batch for a in result.dataset.appointments.values())


def proposed_pairs(result: BuildResult, batch: str) -> list[tuple[str, str]]:
    """(need id, expert id) of the matching's proposal for a batch with no appointment record
    yet (techvp.matching); none once staff have written the appointments."""
    if batch in batches_with_appointments(result) or batch not in result.policies:
        return []
    return [(a.need_id, a.expert_id) for a in result.proposal(batch).assignments]


def proposed_needs(result: BuildResult) -> frozenset[str]:
    """Needs with a proposed (not yet appointed) expert, in every batch."""
    return frozenset(n for b in sorted(result.policies) for n, _ in proposed_pairs(result, b))


@dataclass
class NeedView:
    """One published need as the site shows it."""

    data: dict[str, Any]  # public fields only
    batch_title: str
    region_name: str
    status: str
    file: str
    url: str  # relative to docs/generated/
    submitted: str = ""
    changed: str = ""
    experts: list[dict[str, Any]] = field(default_factory=list)  # appointed, public fields

    @property
    def fields(self) -> list[tuple[str, str]]:
        return labelled(Need, self.data, frozenset({"id", "batch", "region", "withdrawn"}))


def _public(model: type[Any], record: Any) -> dict[str, Any]:
    return public_record(model, record.model_dump(mode="json"))


def appointed_by_need(result: BuildResult) -> dict[str, list[tuple[Appointment, Expert | None]]]:
    ds = result.dataset
    found: dict[str, list[tuple[Appointment, Expert | None]]] = {}
    for expert_id in sorted(ds.appointments):
        appointment = ds.appointments[expert_id].record
        if appointment.status in _APPOINTED:
            expert = ds.experts.get(expert_id)
            found.setdefault(appointment.need, []).append(
                (appointment, expert.record if expert else None)
            )
    return found


def need_views(result: BuildResult, history: History) -> list[NeedView]:
    """Every published (not withdrawn) need, by batch then id."""
    ds = result.dataset
    appointed = appointed_by_need(result)
    proposed = proposed_needs(result)
    views = []
    for need_id in sorted(ds.needs, key=lambda n: (ds.needs[n].record.batch, n)):
        loaded = ds.needs[need_id]
        need = loaded.record
        if need.withdrawn or need.batch not in ds.batches:
            continue
        batch = ds.batches[need.batch].record
        regions = {r.slug: r.name for r in batch.regions}
        status = "appointed" if need_id in appointed else "open"
        if status == "open" and need_id in proposed:
            status = "proposed"
        known = history.get(loaded.file)
        experts = [
            {**_public(Appointment, a), "expert_public": _public(Expert, e) if e else {}}
            for a, e in appointed.get(need_id, [])
        ]
        views.append(
            NeedView(
                data=_public(Need, need),
                batch_title=batch.title,
                region_name=regions.get(need.region, need.region),
                status=status,
                file=loaded.file,
                url=f"needs/{need.batch}/{need_id}.md",
                submitted=known.first.day.isoformat() if known else "",
                changed=known.last.day.isoformat() if known else "",
                experts=experts,
            )
        )
    return views


def batches(result: BuildResult) -> list[dict[str, Any]]:
    ds = result.dataset
    return [_public(Batch, ds.batches[b].record) for b in sorted(ds.batches)]


_STAGES = (
    ("needs", "企业需求征集"),
    ("experts", "专家推荐"),
    ("matching", "供需对接"),
    ("selection", "确定选派人选"),
    ("on_duty", "签约到岗"),
)


def timeline(batch: Batch, now: datetime) -> list[dict[str, Any]]:
    """The batch's stages with their deadlines; exactly one is `current` (or none when past)."""
    rows = []
    current_found = False
    for key, label in _STAGES:
        deadline: datetime = getattr(batch.deadlines, key)
        current = not current_found and now < deadline
        current_found = current_found or current
        rows.append(
            {
                "label": label,
                "deadline": deadline.strftime("%Y-%m-%d %H:%M"),
                "past": now >= deadline,
                "current": current,
            }
        )
    return rows


def counts(views: list[NeedView], key: Callable[[NeedView], str]) -> list[tuple[str, int]]:
    """(label, count) sorted by count descending then label: deterministic."""
    tally = Counter(key(v) for v in views)
    return sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))


def labelled(
    model: type[BaseModel], data: dict[str, Any], skip: frozenset[str]
) -> list[tuple[str, str]]:
    """(Chinese field title, shown value) for each public leaf field present, in model order."""
    from techvp.models.visibility import field_visibilities

    rows = []
    for f in field_visibilities(model):
        if f.effective != "public" or f.structured or f.path[0] in skip:
            continue
        value: Any = data
        for key in f.path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is None or value == [] or value == "":
            continue
        if isinstance(value, bool):
            value = "是" if value else "否"
        elif isinstance(value, list):
            value = "、".join(str(v) for v in value)
        rows.append((f.title, str(value)))
    return rows
