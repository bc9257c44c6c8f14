"""References between records: batches, regions, industries, needs and experts must exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from techvp.diagnostics import Diagnostic, error
from techvp.repo import Dataset, Loaded

if TYPE_CHECKING:
    from techvp.policies import RuleContext


def _hint(value: str, known: frozenset[str]) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.75)
    return f"，您是不是想写“{close[0]}”？" if close else ""


def _batch_ok(ds: Dataset, item: Loaded[Any], batch: str) -> Iterator[Diagnostic]:
    if batch not in ds.known_ids["batch"]:
        yield error("ref.unknown-batch", item.doc.locate(("batch",)), value=batch)


def need_references(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    for need_id in sorted(ds.needs):
        item = ds.needs[need_id]
        need = item.record
        yield from _batch_ok(ds, item, need.batch)
        batch = ds.batches.get(need.batch)
        if batch is not None:
            slugs = [r.slug for r in batch.record.regions]
            if need.region not in slugs:
                yield error(
                    "ref.unknown-region",
                    item.doc.locate(("region",)),
                    value=need.region,
                    batch=need.batch,
                    choices="、".join(slugs),
                )
            if need.enterprise.industry not in batch.record.industries:
                hint = _hint(need.enterprise.industry, frozenset(batch.record.industries))
                yield error(
                    "ref.unknown-industry",
                    item.doc.locate(("enterprise", "industry")),
                    value=need.enterprise.industry,
                    batch=need.batch,
                    hint=hint,
                )
        for i, pref in enumerate(need.preferred_experts):
            if pref.expert is not None:
                yield from _expert_ref(
                    ds, item, ("preferred_experts", i, "expert"), pref.expert, need.batch
                )


def _expert_ref(
    ds: Dataset, item: Loaded[Any], path: tuple[Any, ...], expert_id: str, batch: str
) -> Iterator[Diagnostic]:
    known = ds.known_ids["expert"]
    if expert_id not in known:
        yield error(
            "ref.unknown-expert",
            item.doc.locate(path),
            value=expert_id,
            hint=_hint(expert_id, known),
        )
        return
    other = ds.experts.get(expert_id)
    if other is not None and other.record.batch != batch:
        yield error(
            "ref.other-batch",
            item.doc.locate(path),
            what="科技人员",
            value=expert_id,
            other=other.record.batch,
            batch=batch,
        )


def _need_ref(
    ds: Dataset, item: Loaded[Any], path: tuple[Any, ...], need_id: str, batch: str
) -> Iterator[Diagnostic]:
    known = ds.known_ids["need"]
    if need_id not in known:
        yield error(
            "ref.unknown-need", item.doc.locate(path), value=need_id, hint=_hint(need_id, known)
        )
        return
    other = ds.needs.get(need_id)
    if other is not None and other.record.batch != batch:
        yield error(
            "ref.other-batch",
            item.doc.locate(path),
            what="需求",
            value=need_id,
            other=other.record.batch,
            batch=batch,
        )


def expert_references(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    for expert_id in sorted(ds.experts):
        item = ds.experts[expert_id]
        expert = item.record
        yield from _batch_ok(ds, item, expert.batch)
        for i, need_id in enumerate(expert.applications):
            yield from _need_ref(ds, item, ("applications", i), need_id, expert.batch)


def staff_record_references(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Appointments, reports and assessments name an expert (and a need) of their batch."""
    for key in sorted(ds.appointments):
        item = ds.appointments[key]
        rec = item.record
        yield from _batch_ok(ds, item, rec.batch)
        yield from _expert_ref(ds, item, ("expert",), rec.expert, rec.batch)
        yield from _need_ref(ds, item, ("need",), rec.need, rec.batch)
        if rec.replaced_by is not None:
            yield from _expert_ref(ds, item, ("replaced_by",), rec.replaced_by, rec.batch)
    others: list[Loaded[Any]] = [ds.reports[k] for k in sorted(ds.reports)]
    others += [ds.assessments[k] for k in sorted(ds.assessments)]
    for item in others:
        rec = item.record
        yield from _batch_ok(ds, item, rec.batch)
        yield from _expert_ref(ds, item, ("expert",), rec.expert, rec.batch)
