"""One batch's matching, from the loaded records to a `MatchResult` staff can review.

Which pairs may be assigned (the candidates):
- the expert applied to the need (申报需求), or the need named the expert and both agreed
  (指定专家，已协商一致: the expert's consent is on record);
- when the batch sets `match_recommended_min`, also each pair pushed by the recommendations
  (top 5 either way) whose affinity is at least that value;
- and never a pair whose need or expert is 不合格 (eligibility verdict `not_eligible`,
  withdrawn or unreadable), nor one with a conflict of interest as
  `techvp.policies.relations.conflict_of_interest` finds it, whatever level the batch gives
  the conflict rule: a proposal never pairs what the rule flags.

Records to be reviewed (需复核) take part. `techvp.matching.assign` then chooses the pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from techvp.matching.affinity import SCALE, Affinity, Pair
from techvp.matching.assign import Candidate, Problem, solve
from techvp.matching.quota import QuotaRow, batch_quota, eligible_need_ids
from techvp.matching.records import (
    Assignment,
    MatchResult,
    Recommendation,
    Unmatched,
)
from techvp.messages.matching import REASONS
from techvp.models import Expert, Need
from techvp.policies.eligibility import Row
from techvp.policies.relations import conflict_of_interest
from techvp.policies.views import DatasetViews

TOP_K = 5


@dataclass
class _Batch:
    """The records of one batch that matching reads, in id order."""

    id: str
    needs: list[Need]
    experts: list[Expert]
    eligible_needs: set[str]
    eligible_experts: set[str]
    applied: set[Pair]
    named: set[Pair]


def _gather(views: DatasetViews, rows: Sequence[Row], batch: str) -> _Batch:
    needs = [n.record for n in views.needs_by_batch.get(batch, [])]
    experts = [e.record for e in views.experts_by_batch.get(batch, [])]
    need_ids = {n.id for n in needs}
    applied = {(nid, e.id) for e in experts for nid in e.applications if nid in need_ids}
    expert_ids = {e.id for e in experts}
    named = {
        (naming.need, expert_id)
        for expert_id, namings in views.namings.items()
        if expert_id in expert_ids
        for naming in namings
        if naming.need in need_ids
    }
    eligible_experts = {
        r.id
        for r in rows
        if r.kind == "expert" and r.verdict != "not_eligible" and not r.unreadable
    }
    return _Batch(
        batch, needs, experts, set(eligible_need_ids(rows)), eligible_experts, applied, named
    )


def match_batch(views: DatasetViews, rows: Sequence[Row], batch: str) -> MatchResult:
    """The proposal for one batch; `rows` are its eligibility rows (techvp.policies.eligibility)."""
    data = _gather(views, rows, batch)
    record = views.dataset.batches[batch].record
    affinity = Affinity(data.needs, data.experts, data.applied, data.named)
    for_need, for_expert = affinity.top_both(TOP_K)
    threshold = views.policies[batch].params.match_recommended_min
    sources = data.applied | data.named
    if threshold is not None:
        floor = float(threshold)
        sources |= {(n, e) for n, e, _, s in for_need + for_expert if s >= floor}
    region_of = {n.id: n.region for n in data.needs}
    table = batch_quota(record, data.needs, data.eligible_needs)
    allowed, excluded = _allowed(data, views, batch, sorted(sources))
    components = dict(zip(allowed, affinity.pair_scores(allowed), strict=True))
    problem = Problem(
        [
            Candidate(n, e, round(components[n, e].score * SCALE), (n, e) in data.named)
            for n, e in allowed
        ],
        {n.id: n.capacity for n in data.needs},
        region_of,
        {row.region: row.quota for row in table},
    )
    chosen = solve(problem)
    chosen_pairs = [(c.need, c.expert) for c in chosen]
    terms = affinity.matched_terms_many(
        chosen_pairs + [(n, e) for n, e, _, _ in for_need + for_expert]
    )
    assignments = tuple(Assignment.of(n, e, components[n, e], terms[n, e]) for n, e in chosen_pairs)
    assigned = _per_region(chosen_pairs, region_of)
    table = [_with_assigned(row, assigned.get(row.region, 0)) for row in table]
    unmatched = _unmatched(data, sources, excluded, chosen_pairs, table, region_of)
    recs = tuple(
        [Recommendation("for_need", n, e, r, s, terms[n, e]) for n, e, r, s in for_need]
        + [Recommendation("for_expert", n, e, r, s, terms[n, e]) for n, e, r, s in for_expert]
    )
    return MatchResult(
        batch, record.quota, tuple(table), assignments, unmatched, recs, len(data.named)
    )


def _allowed(
    data: _Batch, views: DatasetViews, batch: str, pairs: list[Pair]
) -> tuple[list[Pair], dict[Pair, str]]:
    """The pairs the rules allow, and why each other one is excluded (reason code)."""
    needs = {n.id: n for n in data.needs}
    experts = {e.id: e for e in data.experts}
    institutions = views.institutions[batch]
    allowed: list[Pair] = []
    excluded: dict[Pair, str] = {}
    for need_id, expert_id in pairs:
        if need_id not in data.eligible_needs:
            excluded[need_id, expert_id] = "ineligible"
        elif expert_id not in data.eligible_experts:
            excluded[need_id, expert_id] = "applicants_ineligible"
        elif conflict_of_interest(institutions, experts[expert_id], needs[need_id]) is not None:
            excluded[need_id, expert_id] = "only_conflicted"
        else:
            allowed.append((need_id, expert_id))
    return allowed, excluded


def _per_region(pairs: list[Pair], region_of: dict[str, str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for need_id, _ in pairs:
        out[region_of[need_id]] = out.get(region_of[need_id], 0) + 1
    return out


def _with_assigned(row: QuotaRow, assigned: int) -> QuotaRow:
    return QuotaRow(row.region, row.name, row.needs, row.share, row.quota, assigned)


def _unmatched(
    data: _Batch,
    sources: set[Pair],
    excluded: dict[Pair, str],
    chosen: list[Pair],
    table: list[QuotaRow],
    region_of: dict[str, str],
) -> tuple[Unmatched, ...]:
    """Each need that got no expert, with the first reason that applies (REASONS order)."""
    served = {n for n, _ in chosen}
    full = {row.region for row in table if row.assigned >= row.quota}
    by_need: dict[str, list[Pair]] = {}
    for pair in sources:
        by_need.setdefault(pair[0], []).append(pair)
    out = []
    for need in data.needs:
        if need.id in served:
            continue
        offered = by_need.get(need.id, [])
        reasons = {excluded[p] for p in offered if p in excluded}
        if need.id not in data.eligible_needs:
            reason = "ineligible"
        elif not offered:
            reason = "no_applicant"
        elif len(reasons) and all(p in excluded for p in offered):
            reason = "only_conflicted" if "only_conflicted" in reasons else "applicants_ineligible"
        elif region_of[need.id] in full:
            reason = "region_full"
        else:
            reason = "placed_elsewhere"
        out.append(Unmatched(need.id, reason, REASONS[reason]))
    return tuple(out)
