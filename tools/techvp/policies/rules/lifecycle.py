"""Rules over the service after selection: reports, service days, capacity, assessments, funding.

Judged at `ctx.now` the same way `techvp status` is (techvp.lifecycle.status): a record dated
after `now` does not count yet, so the repository read at any `--now` tells the same story.
What staff must chase (a report not yet sent, an assessment still missing an opinion) is a
warning: an error would block every unrelated merge request until someone else acts. What no
one can act on because the records contradict each other (two experts on a one-person need, a
report from an expert never on duty, an appointment to a withdrawn or ineligible need) is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from techvp.diagnostics import Diagnostic, Severity, error, warning
from techvp.lifecycle.funding import cap_of
from techvp.lifecycle.status import (
    OPINION_KEYS,
    Term,
    batch_term,
    due_date,
    missing_opinions,
    report_index,
    report_periods,
    standing,
    today,
)
from techvp.messages import lifecycle as text
from techvp.messages.policy import CLAUSES as PROFILE_CLAUSES
from techvp.models import Appointment, Batch
from techvp.models.outcomes import Outcomes
from techvp.models.report import period_months
from techvp.policies.profiles import Policy
from techvp.policies.rules.cross import ACTIVE
from techvp.policies.rules.expert import expert_eligibility
from techvp.policies.rules.need import need_eligibility
from techvp.repo import Dataset, Loaded

if TYPE_CHECKING:
    from techvp.policies import RuleContext

OUTCOME_FIELDS = tuple(Outcomes.model_fields)


def _clause(policy: Policy, key: str, profile_key: str = "", *params: str) -> str:
    """The profile's own clause for `profile_key` when it has one (or the batch file when the
    batch changed one of `params`), else the notice behind the lifecycle rule."""
    if any(p in policy.overridden for p in params):
        return policy.clause(profile_key, *params)
    found = PROFILE_CLAUSES.get(policy.name, {}).get(profile_key) if profile_key else None
    return found or text.CLAUSES[key]


def _batches(ds: Dataset, ctx: RuleContext) -> dict[str, tuple[Batch, Policy, Term]]:
    policies = ctx.views_of(ds).policies
    return {
        b: (ds.batches[b].record, policies[b], batch_term(ds.batches[b].record)) for b in policies
    }


def report_deadlines(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Each period that ended without a report (at the appointment), each report sent after its
    26th or before its period began (at the report)."""
    batches, day = _batches(ds, ctx), today(ctx.now)
    index = report_index(ds)
    for expert_id in sorted(ds.appointments):
        item = ds.appointments[expert_id]
        found = batches.get(item.record.batch)
        if found is None:
            continue
        _, policy, term = found
        s = standing(ds, item.record, term, day, index)
        clause = _clause(policy, "report")
        for period in s.overdue:
            yield warning(
                "lifecycle.report-missing",
                item.doc.locate(("expert",)),
                clause,
                period=period,
                due=due_date(period).isoformat(),
                today=day.isoformat(),
            )
        for period in s.late:
            yield from _late(ds.reports[(expert_id, period)], period, clause)


def _late(item: Loaded[Any], period: str, clause: str) -> Iterator[Diagnostic]:
    yield warning(
        "lifecycle.report-late",
        item.doc.locate(("submitted_on",)),
        clause,
        period=period,
        submitted=item.record.submitted_on.isoformat(),
        due=due_date(period).isoformat(),
    )


def report_owners(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """A report from an expert with no appointment, or one who never signed (an appointment
    still at 已选派 or 已签约 may just lag behind the service); a report dated before its period
    began."""
    for key in sorted(ds.reports):
        item = ds.reports[key]
        rec = item.record
        appointed = ds.appointments.get(rec.expert)
        if rec.expert in ds.experts and (
            appointed is None or appointed.record.status == "not_signed"
        ):
            yield error(
                "lifecycle.report-unappointed",
                item.doc.locate(("expert",)),
                text.CLAUSES["report"],
                expert=rec.expert,
            )
        start = period_months(rec.period)[0] + "-01"
        if rec.submitted_on is not None and rec.submitted_on.isoformat() < start:
            yield warning(
                "lifecycle.report-early",
                item.doc.locate(("submitted_on",)),
                text.CLAUSES["report"],
                submitted=rec.submitted_on.isoformat(),
                period=rec.period,
                start=start,
            )


def service_days(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Days served below the batch's monthly minimum (seeds 000, 004: 7 days), or months served
    in a calendar year below its yearly minimum (seed 001: 3 months), once the year is reported."""
    batches = _batches(ds, ctx)
    by_expert: dict[str, list[Loaded[Any]]] = {}
    for key in sorted(ds.reports):
        by_expert.setdefault(key[0], []).append(ds.reports[key])
    for expert_id, reports in by_expert.items():
        found = batches.get(reports[0].record.batch)
        if found is None:
            continue
        batch, policy, term = found
        minimum = batch.service.min_days_per_month
        if minimum is not None:
            for item in reports:
                for month, days in sorted(item.record.days_served.items()):
                    if days < minimum:
                        yield warning(
                            "lifecycle.days-below",
                            item.doc.locate(("days_served", month)),
                            _clause(policy, "days", "service-days"),
                            month=month,
                            value=days,
                            limit=minimum,
                        )
        if batch.service.min_months_per_year is not None:
            yield from _months(ds, expert_id, reports, batch, policy, term)


def _months(
    ds: Dataset,
    expert_id: str,
    reports: list[Loaded[Any]],
    batch: Batch,
    policy: Policy,
    term: Term,
) -> Iterator[Diagnostic]:
    appointed = ds.appointments.get(expert_id)
    limit = batch.service.min_months_per_year
    if appointed is None or limit is None:
        return
    owed = report_periods(appointed.record, term)
    have = {item.record.period: item for item in reports}
    for year in sorted({p[:4] for p in owed}):
        periods = [p for p in owed if p[:4] == year]
        if not all(p in have for p in periods):
            continue  # judged once the year is fully reported
        served = [m for p in periods for m, d in have[p].record.days_served.items() if d > 0]
        if len(served) < limit:
            last = have[periods[-1]]
            yield warning(
                "lifecycle.months-below",
                last.doc.locate(("days_served",)),
                _clause(policy, "months", "service-months"),
                year=year,
                value=len(served),
                limit=limit,
            )


def _active(rec: Appointment) -> bool:
    return rec.status in ACTIVE and rec.replaced_by is None


def need_capacity(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """No more active appointments for a need than its 需求人数 (capacity)."""
    held: dict[str, list[str]] = {}
    for expert_id in sorted(ds.appointments):
        rec = ds.appointments[expert_id].record
        if _active(rec) and rec.need in ds.needs:
            held.setdefault(rec.need, []).append(expert_id)
    for need_id in sorted(held):
        limit, experts = ds.needs[need_id].record.capacity, held[need_id]
        for expert_id in experts[limit:]:
            yield error(
                "lifecycle.over-capacity",
                ds.appointments[expert_id].doc.locate(("need",)),
                text.CLAUSES["capacity"],
                need=need_id,
                limit=limit,
                count=len(experts),
                experts=tuple(experts),
            )


def assessment_completeness(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Once the term is over, an assessment lacking one of the four opinions, or with all four
    but no overall result. (Over-long texts and a fail without a reason are refused by the
    model itself: field.summary-too-long, string_too_long, field.fail-reason.)"""
    batches, day = _batches(ds, ctx), today(ctx.now)
    for expert_id in sorted(ds.assessments):
        item = ds.assessments[expert_id]
        found = batches.get(item.record.batch)
        if found is None or day <= found[2].end:
            continue
        clause = _clause(found[1], "assessment")
        missing = missing_opinions(item.record)
        if missing:
            path = ("opinions",) if len(missing) < len(OPINION_KEYS) else ("expert",)
            yield warning(
                "lifecycle.opinions-missing",
                item.doc.locate(path),
                clause,
                end=found[2].end.isoformat(),
                which=tuple(text.OPINION_LABELS[k] for k in missing),
            )
        elif item.record.result is None:
            yield warning("lifecycle.result-missing", item.doc.locate(("opinions",)), clause)


def _ineligible_files(ds: Dataset, ctx: RuleContext) -> set[str]:
    """Files of needs and experts with an eligibility error (不合格), or that did not load."""
    found = [*expert_eligibility(ds, ctx), *need_eligibility(ds, ctx)]
    files = {d.location.file for d in found if d.severity is Severity.ERROR}
    for kind in ("need", "expert"):
        files.update(doc.file for doc in ds.unloaded.get(kind, {}).values())
    return files


def appointed_records(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An active appointment to a withdrawn need, or of a need or expert that is not eligible."""
    active = [ds.appointments[k] for k in sorted(ds.appointments)]
    active = [item for item in active if _active(item.record)]
    if not active:
        return
    bad = _ineligible_files(ds, ctx)
    unloaded = {kind: ds.unloaded.get(kind, {}) for kind in ("need", "expert")}
    for item in active:
        rec = item.record
        need = ds.needs.get(rec.need)
        if need is not None and need.record.withdrawn:
            yield error(
                "lifecycle.appointed-withdrawn",
                item.doc.locate(("need",)),
                text.CLAUSES["appointed"],
                need=rec.need,
            )
            continue
        expert = ds.experts.get(rec.expert)
        for kind, ref, loaded in (("need", rec.need, need), ("expert", rec.expert, expert)):
            file = loaded.file if loaded is not None else None
            if file is None and ref in unloaded[kind]:
                file = unloaded[kind][ref].file
            if file is not None and file in bad:
                yield error(
                    "lifecycle.appointed-ineligible",
                    item.doc.locate((kind,)),
                    text.CLAUSES["appointed"],
                    what=text.WHAT[kind],
                    value=ref,
                    file=file,
                )


def outcome_totals(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An assessment's two-year outcomes below the sum of its reports' (a warning: the reports
    may have over-counted)."""
    sums: dict[str, dict[str, Decimal]] = {}
    for (expert_id, _), item in sorted(ds.reports.items()):
        mine = sums.setdefault(expert_id, dict.fromkeys(OUTCOME_FIELDS, Decimal(0)))
        for name in OUTCOME_FIELDS:
            mine[name] += Decimal(getattr(item.record.outcomes, name))
    for expert_id in sorted(ds.assessments):
        assessed = ds.assessments[expert_id]
        reported = sums.get(expert_id)
        if reported is None:
            continue
        for name in OUTCOME_FIELDS:
            value = Decimal(getattr(assessed.record.outcomes, name))
            if value < reported[name]:
                yield warning(
                    "lifecycle.outcomes-below",
                    assessed.doc.locate(("outcomes", name)),
                    text.CLAUSES["outcomes"],
                    field=Outcomes.model_fields[name].title,
                    value=f"{value:f}",
                    reported=f"{reported[name]:f}",
                )


def contract_funding(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Where the policy pays no more than the contract (seed 003 四(二)): a signed appointment
    must give its contract amount, and the batch's support above it is capped."""
    for batch_id, (batch, policy, _) in _batches(ds, ctx).items():
        if not policy.params.funding_within_contract:
            continue
        clause = _clause(policy, "contract", "", "funding_within_contract")
        for expert_id in sorted(ds.appointments):
            item = ds.appointments[expert_id]
            rec = item.record
            if rec.batch != batch_id or rec.signed_on is None:
                continue
            if rec.contract_amount is None:
                yield warning("lifecycle.contract-missing", item.doc.locate(("expert",)), clause)
            elif cap_of(batch.funding.per_person, rec, None, True) < batch.funding.per_person:
                yield warning(
                    "lifecycle.funding-over-contract",
                    item.doc.locate(("contract_amount",)),
                    clause,
                    value=f"{batch.funding.per_person:f}",
                    limit=f"{rec.contract_amount:f}",
                )
