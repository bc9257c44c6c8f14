"""附件5-style activity statistics (seed 002): the outcomes of the service reports counted at
`now`, summed per region of the appointed expert's need, with the batch's total."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from techvp.lifecycle.status import known_batch, today
from techvp.models.outcomes import Outcomes
from techvp.repo import Dataset

FIELDS: tuple[str, ...] = tuple(Outcomes.model_fields)


@dataclass(frozen=True)
class Activity:
    regions: tuple[tuple[str, str, tuple[Decimal, ...]], ...]  # (slug, name, sums by FIELDS)
    total: tuple[Decimal, ...]
    reports: int  # how many reports were summed


def batch_activity(ds: Dataset, batch_id: str, now: datetime) -> Activity:
    """Every region of the batch (in its order, zeros too), then any unknown region."""
    batch = known_batch(ds, batch_id)
    day = today(now)
    names = {r.slug: r.name for r in batch.regions}
    sums: dict[str, list[Decimal]] = {slug: [Decimal(0)] * len(FIELDS) for slug in names}
    counted = 0
    for (expert_id, _), item in sorted(ds.reports.items()):
        report = item.record
        appointed = ds.appointments.get(expert_id)
        need = ds.needs.get(appointed.record.need) if appointed else None
        sent = report.submitted_on
        if report.batch != batch_id or need is None or (sent is not None and sent > day):
            continue
        counted += 1
        row = sums.setdefault(need.record.region, [Decimal(0)] * len(FIELDS))
        for i, name in enumerate(FIELDS):
            row[i] += Decimal(getattr(report.outcomes, name))
    regions = tuple((slug, names.get(slug, slug), tuple(row)) for slug, row in sums.items())
    total = tuple(sum((r[2][i] for r in regions), Decimal(0)) for i in range(len(FIELDS)))
    return Activity(regions, total, counted)
