"""References between records: batches, regions, industries, needs and experts must exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from techvp.diagnostics import Diagnostic, error
from techvp.models import KINDS
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
                    choices=tuple(slugs),
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
                path = ("preferred_experts", i, "expert")
                yield from _ref(ds, item, path, "expert", pref.expert, need.batch)


_UNKNOWN = {"expert": "ref.unknown-expert", "need": "ref.unknown-need"}


def _ref(
    ds: Dataset, item: Loaded[Any], path: tuple[Any, ...], kind: str, ref_id: str, batch: str
) -> Iterator[Diagnostic]:
    """A reference to an expert or a need: it must exist and belong to the same batch."""
    known = ds.known_ids[kind]
    if ref_id not in known:
        hint = _hint(ref_id, known)
        yield error(_UNKNOWN[kind], item.doc.locate(path), value=ref_id, hint=hint)
        return
    table: Mapping[str, Loaded[Any]] = ds.experts if kind == "expert" else ds.needs
    other = table.get(ref_id)
    if other is not None and other.record.batch != batch:
        yield error(
            "ref.other-batch",
            item.doc.locate(path),
            what=KINDS[kind].title,
            value=ref_id,
            other=other.record.batch,
            batch=batch,
        )


def expert_references(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    for expert_id in sorted(ds.experts):
        item = ds.experts[expert_id]
        expert = item.record
        yield from _batch_ok(ds, item, expert.batch)
        for i, need_id in enumerate(expert.applications):
            yield from _ref(ds, item, ("applications", i), "need", need_id, expert.batch)


def staff_record_references(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Appointments, reports and assessments name an expert (and a need) of their batch."""
    for key in sorted(ds.appointments):
        item = ds.appointments[key]
        rec = item.record
        yield from _batch_ok(ds, item, rec.batch)
        yield from _ref(ds, item, ("expert",), "expert", rec.expert, rec.batch)
        yield from _ref(ds, item, ("need",), "need", rec.need, rec.batch)
        if rec.replaced_by is not None:
            yield from _ref(ds, item, ("replaced_by",), "expert", rec.replaced_by, rec.batch)
    others: list[Loaded[Any]] = [ds.reports[k] for k in sorted(ds.reports)]
    others += [ds.assessments[k] for k in sorted(ds.assessments)]
    for item in others:
        rec = item.record
        yield from _batch_ok(ds, item, rec.batch)
        yield from _ref(ds, item, ("expert",), "expert", rec.expert, rec.batch)
