"""References between records: batches, regions, industries, needs and experts must exist.

An unknown reference suggests the closest id of the same batch (a typo, or only the first part of
an id), and a region written by its Chinese name suggests the region's slug.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from techvp.diagnostics import Diagnostic, error
from techvp.layout import SUBMISSIONS
from techvp.messages import rules as text
from techvp.models import KINDS
from techvp.policies.names import normalise
from techvp.repo import Dataset, Loaded

if TYPE_CHECKING:
    from techvp.policies import RuleContext


def closest(value: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The candidate a mistyped value most likely meant: the only one it begins (a shortened
    id, "laser" for "laser-weld"), else the most similar one at or above `cutoff`."""
    ordered = sorted(set(candidates))
    starts = [c for c in ordered if len(value) >= 3 and c.startswith(value)]
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(value, ordered, n=1, cutoff=cutoff)
    return close[0] if close else None


def _hint(value: str, known: Iterable[str], cutoff: float = 0.75) -> str:
    found = closest(value, known, cutoff)
    return text.DID_YOU_MEAN.format(value=found) if found else ""


# Within one batch there are few ids to confuse, so a looser match is still a good guess.
BATCH_CUTOFF = 0.6


def _batch_ok(ds: Dataset, item: Loaded[Any], batch: str) -> Iterator[Diagnostic]:
    if batch not in ds.known_ids["batch"]:
        yield error("ref.unknown-batch", item.doc.locate(("batch",)), value=batch)


def need_references(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    regions = ctx.views_of(ds).regions
    for need_id in sorted(ds.needs):
        item = ds.needs[need_id]
        need = item.record
        yield from _batch_ok(ds, item, need.batch)
        batch = ds.batches.get(need.batch)
        if batch is not None:
            if need.region not in regions[need.batch]:
                slugs = [r.slug for r in batch.record.regions]
                yield error(
                    "ref.unknown-region",
                    item.doc.locate(("region",)),
                    value=need.region,
                    batch=need.batch,
                    choices=tuple(slugs),
                    hint=_hint(need.region, slugs),
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


def region_names(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A need that did not load because its region is the region's name (江夏区) rather than
    its slug: say which slug to write."""
    for need_id in sorted(ds.unloaded.get("need", {})):
        doc = ds.unloaded["need"][need_id]
        data = doc.data if isinstance(doc.data, dict) else {}
        region, batch_id = data.get("region"), data.get("batch")
        batch = ds.batches.get(batch_id) if isinstance(batch_id, str) else None
        if not isinstance(region, str) or batch is None:
            continue
        for r in batch.record.regions:
            if normalise(region) in (normalise(r.name), normalise(r.name).rstrip("区县市")):
                yield error(
                    "ref.region-name",
                    doc.locate(("region",)),
                    value=region,
                    name=r.name,
                    slug=r.slug,
                    batch=batch_id,
                )
                break


_UNKNOWN = {"expert": "ref.unknown-expert", "need": "ref.unknown-need"}


def _ref(
    ds: Dataset, item: Loaded[Any], path: tuple[Any, ...], kind: str, ref_id: str, batch: str
) -> Iterator[Diagnostic]:
    """A reference to an expert or a need: it must exist and belong to the same batch."""
    known = ds.known_ids[kind]
    if ref_id not in known:
        same_batch = _ids_in_batch(ds, kind, batch)
        hint = _hint(ref_id, same_batch, BATCH_CUTOFF) if same_batch else _hint(ref_id, known)
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


def _ids_in_batch(ds: Dataset, kind: str, batch: str) -> list[str]:
    """The ids of this kind whose files sit in the batch's folder, loaded or not."""
    folder = f"{SUBMISSIONS}/{KINDS[kind].folder}/{batch}/"
    return [key for key, file in ds.owners.get(kind, {}).items() if file.startswith(folder)]


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
