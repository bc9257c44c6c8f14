"""The forms that follow a matching: 配额分配表, 推荐对接清单 and 选派名单.

The seeds name these lists (seed 000 四(四), seed 004) without printing a layout, so they follow
the other forms: title, stamp line, header, borders. 选派名单 lists the batch's appointment
records once staff have written any; before that it is the matching's proposal, marked 建议.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from techvp.excel.forms import batch_time
from techvp.excel.layout import Column, Form, Sheet, write_form
from techvp.matching.records import MatchResult
from techvp.messages import excel as text
from techvp.models import Batch
from techvp.models.appointment import STATUS_LABELS
from techvp.repo import Dataset

Q = text.QUOTA_HEADERS
R = text.RECOMMEND_HEADERS
S = text.SELECTION_HEADERS


@dataclass(frozen=True)
class PairRow:
    """One line naming a need and an expert, with what the list says about the pair."""

    number: int
    need: str
    expert: str
    dataset: Dataset
    regions: dict[str, str]
    rank: int | None = None
    score: float | None = None
    terms: str = ""
    status: str = ""

    def enterprise(self, attr: str) -> Any:
        item = self.dataset.needs.get(self.need)
        if item is None:
            return None
        return (
            self.regions.get(item.record.region)
            if attr == "region"
            else item.record.enterprise.name
        )

    def person(self, attr: str) -> Any:
        item = self.dataset.experts.get(self.expert)
        return getattr(item.record, attr) if item is not None else None


QUOTA = Form(
    name=text.QUOTA_FILE,
    title=text.QUOTA_TITLE,
    columns=(
        Column(Q["number"], lambda r: r[0], 6, kind="int"),
        Column(Q["region"], lambda r: r[1].name, 22),
        Column(Q["needs"], lambda r: r[1].needs, 12, kind="int"),
        Column(Q["share"], lambda r: Decimal(r[1].share_text()), 14, kind="number"),
        Column(Q["quota"], lambda r: r[1].quota, 12, kind="int"),
        Column(Q["assigned"], lambda r: r[1].assigned, 14, kind="int"),
    ),
    notes=text.QUOTA_NOTES,
)

RECOMMEND = Form(
    name=text.RECOMMEND_FILE,
    title=text.RECOMMEND_TITLE,
    columns=(
        Column(R["number"], lambda r: r.number, 6, kind="int"),
        Column(R["region"], lambda r: r.enterprise("region"), 14),
        Column(R["enterprise"], lambda r: r.enterprise("name"), 26),
        Column(R["need"], lambda r: r.need, 22),
        Column(R["rank"], lambda r: r.rank, 8, kind="int"),
        Column(R["expert"], lambda r: r.person("name"), 10),
        Column(R["institution"], lambda r: r.person("institution"), 20),
        Column(R["expert_id"], lambda r: r.expert, 20),
        Column(R["score"], lambda r: r.score, 8, kind="number"),
        Column(R["terms"], lambda r: r.terms, 30),
    ),
)

SELECTION = Form(
    name=text.SELECTION_FILE,
    title=text.SELECTION_TITLE,
    columns=(
        Column(S["number"], lambda r: r.number, 6, kind="int"),
        Column(S["region"], lambda r: r.enterprise("region"), 14),
        Column(S["enterprise"], lambda r: r.enterprise("name"), 28),
        Column(S["name"], lambda r: r.person("name"), 12),
        Column(S["institution"], lambda r: r.person("institution"), 22),
        Column(S["title"], lambda r: r.person("title"), 12),
        Column(S["status"], lambda r: r.status, 12),
        Column(S["score"], lambda r: r.score, 8, kind="number"),
    ),
)


def _region_names(batch: Batch) -> dict[str, str]:
    return {r.slug: r.name for r in batch.regions}


def _selection_rows(dataset: Dataset, batch: Batch, proposal: MatchResult) -> list[PairRow]:
    """Appointment records when the batch has any, else the proposal; by region order, need."""
    regions = _region_names(batch)
    order = {slug: i for i, slug in enumerate(regions)}
    scores = {(a.need_id, a.expert_id): a.score for a in proposal.assignments}
    appointed = [a.record for a in dataset.appointments.values() if a.record.batch == batch.id]
    if appointed:
        pairs = [(a.need, a.expert, STATUS_LABELS[a.status]) for a in appointed]
    else:
        pairs = [(a.need_id, a.expert_id, text.SELECTION_PROPOSED) for a in proposal.assignments]

    def where(pair: tuple[str, str, str]) -> tuple[int, str, str]:
        need = dataset.needs.get(pair[0])
        return (order.get(need.record.region, len(order)) if need else len(order), *pair[:2])

    return [
        PairRow(i, need, expert, dataset, regions, score=scores.get((need, expert)), status=label)
        for i, (need, expert, label) in enumerate(sorted(pairs, key=where), start=1)
    ]


def write_match_forms(
    dataset: Dataset, batch: Batch, proposal: MatchResult, out: Path
) -> list[Path]:
    """配额分配表, 推荐对接清单 (one sheet per direction) and 选派名单 for one batch under out."""
    year = batch.reference_date.year
    when = batch_time(batch)
    regions = _region_names(batch)
    quota = Sheet(
        text.QUOTA_FILE, QUOTA.title.format(year=year), list(enumerate(proposal.quota, 1))
    )
    sheets = []
    for direction, name in text.RECOMMEND_SHEETS.items():
        recs = [r for r in proposal.recommendations if r.direction == direction]
        rows = [
            PairRow(
                i,
                r.need_id,
                r.expert_id,
                dataset,
                regions,
                r.rank,
                r.score,
                text.LIST_SEP.join(r.matched_terms),
            )
            for i, r in enumerate(recs, start=1)
        ]
        sheets.append(Sheet(name, RECOMMEND.title.format(year=year), rows))
    chosen = _selection_rows(dataset, batch, proposal)
    appointed = any(a.record.batch == batch.id for a in dataset.appointments.values())
    selection_form = (
        SELECTION if appointed else _with_notes(SELECTION, text.SELECTION_PROPOSAL_NOTES)
    )
    selection = Sheet(text.SELECTION_FILE, SELECTION.title.format(year=year), chosen)
    return [
        write_form(QUOTA, [quota], out / f"{QUOTA.name}.xlsx", when),
        write_form(RECOMMEND, sheets, out / f"{RECOMMEND.name}.xlsx", when),
        write_form(selection_form, [selection], out / f"{SELECTION.name}.xlsx", when),
    ]


def _with_notes(form: Form, notes: tuple[str, ...]) -> Form:
    return Form(form.name, form.title, form.columns, form.stamp, notes)
