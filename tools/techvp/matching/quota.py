"""The batch quota shared over its regions by largest remainder (seed 003: 按各区需求占比分配).

Each region's share is its number of eligible needs (not withdrawn, not 不合格) over the batch's
total. With `quota` places and `total` eligible needs, region r with `n` needs first gets
floor(quota × n / total); the places left over go one at a time in remainder order: the largest
remainder quota × n mod total first; equal remainders go to the region with more eligible needs,
then to the region listed first in the batch file. A region never gets more places than it has
eligible needs; when the quota is larger than the eligible needs, every region gets all of its
needs and the rest of the quota stays unused.

Integer arithmetic only, so the split is exact and the same on every machine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from techvp.models import Batch, Need
from techvp.policies.eligibility import Row


@dataclass(frozen=True)
class QuotaRow:
    """One region's line of the quota table."""

    region: str  # slug
    name: str  # the region's Chinese name
    needs: int  # eligible needs
    share: Fraction  # needs / all eligible needs of the batch (0 when there are none)
    quota: int  # places given to the region
    assigned: int = 0  # places the assignment filled (set by the matching)

    def share_text(self) -> str:
        """The share with four decimals, rounded half up, as the CSV and JSON show it."""
        scaled = self.share * 10_000
        whole = int(scaled + Fraction(1, 2))
        return f"{whole // 10_000}.{whole % 10_000:04d}"


def eligible_need_ids(rows: Iterable[Row]) -> list[str]:
    """The needs that can be matched: eligible or to be reviewed, neither withdrawn nor 不合格."""
    return [
        r.id
        for r in rows
        if r.kind == "need" and r.verdict != "not_eligible" and not r.withdrawn and not r.unreadable
    ]


def split(quota: int, needs: Mapping[str, int], order: Sequence[str]) -> dict[str, int]:
    """Places per region: `needs` maps each region (listed in `order`) to its eligible needs."""
    total = sum(needs.get(r, 0) for r in order)
    if total == 0:
        return dict.fromkeys(order, 0)
    if quota >= total:
        return {r: needs.get(r, 0) for r in order}
    places = {r: quota * needs.get(r, 0) // total for r in order}
    position = {r: i for i, r in enumerate(order)}
    ranked = sorted(
        order,
        key=lambda r: (-(quota * needs.get(r, 0) % total), -needs.get(r, 0), position[r]),
    )
    left = quota - sum(places.values())
    while left > 0:
        for region in ranked:
            if left > 0 and places[region] < needs.get(region, 0):
                places[region] += 1
                left -= 1
    return places


def quota_table(
    quota: int, regions: Sequence[tuple[str, str]], needs: Mapping[str, int]
) -> list[QuotaRow]:
    """The table for `regions` ((slug, name) in batch order) and eligible needs per slug."""
    order = [slug for slug, _ in regions]
    places = split(quota, needs, order)
    total = sum(needs.get(r, 0) for r in order)
    return [
        QuotaRow(
            slug,
            name,
            needs.get(slug, 0),
            Fraction(needs.get(slug, 0), total) if total else Fraction(0),
            places[slug],
        )
        for slug, name in regions
    ]


def batch_quota(batch: Batch, needs: Iterable[Need], eligible: Iterable[str]) -> list[QuotaRow]:
    """The batch's table from its needs and the ids of the eligible ones: what the matching
    starts from, and all the site needs once appointments exist."""
    region_of = {need.id: need.region for need in needs}
    counts: dict[str, int] = {}
    for need_id in set(eligible):
        counts[region_of[need_id]] = counts.get(region_of[need_id], 0) + 1
    return quota_table(batch.quota, [(r.slug, r.name) for r in batch.regions], counts)
