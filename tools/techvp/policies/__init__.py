"""Rules over loaded records: references, the batch policy, eligibility, and cross-record checks.

A rule is a pure function: it reads the Dataset and the RuleContext (no I/O, no clock) and
yields Diagnostics. `RULES` lists them in the order they run. What several rules derive from
the dataset (resolved policies, alias tables, records by batch) is computed once, in the
context's `DatasetViews`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from techvp.diagnostics import Diagnostic
from techvp.lifecycle.status import today
from techvp.models import Batch
from techvp.policies.rules import batch, cross, expert, lifecycle, need, refs
from techvp.policies.rules.cross import shown_time
from techvp.policies.views import DatasetViews
from techvp.repo import Dataset


@dataclass(frozen=True)
class RuleContext:
    now: datetime  # the time of validation, aware; `--now` overrides it
    # Files (relative to the root) added by the change under review. None: not known, so every
    # need and application is judged as if submitted at `now` (deadline rules).
    added: frozenset[str] | None = None
    # Views of the dataset the rules run on; `create` fills them, `run_rules` fills them when
    # missing, so `RuleContext(now=...)` alone works too.
    views: DatasetViews | None = None

    @classmethod
    def create(
        cls, dataset: Dataset, now: datetime, added: frozenset[str] | None = None
    ) -> RuleContext:
        """A context whose views belong to `dataset`."""
        return cls(now, added, DatasetViews(dataset))

    def views_of(self, dataset: Dataset) -> DatasetViews:
        """The shared views when they belong to `dataset`; otherwise fresh ones (a rule run
        on its own)."""
        if self.views is not None and self.views.dataset is dataset:
            return self.views
        return DatasetViews(dataset)


Rule = Callable[[Dataset, RuleContext], Iterable[Diagnostic]]

# `techvp validate` through the cache runs these again only on the records a change can reach
# through ids, credit codes and people's names (techvp.incremental.keys): a rule that relates
# records by anything else must add that to the join keys (tests/test_incremental.py compares
# cached runs with cold ones after random edits).

RULES: tuple[Rule, ...] = (
    refs.need_references,
    refs.region_names,
    refs.expert_references,
    refs.staff_record_references,
    batch.batch_policy,
    expert.expert_eligibility,
    need.need_eligibility,
    cross.duplicate_enterprises,
    cross.enterprise_appointments,
    cross.conflicts_of_interest,
    cross.late_submissions,
    lifecycle.report_deadlines,
    lifecycle.report_owners,
    lifecycle.service_days,
    lifecycle.need_capacity,
    lifecycle.assessment_completeness,
    lifecycle.appointed_records,
    lifecycle.outcome_totals,
    lifecycle.contract_funding,
)


def now_key(batches: Iterable[Batch], now: datetime) -> tuple[object, ...]:
    """Everything about `now` that the rules' results depend on, so a later run whose key is
    the same may reuse them (techvp.incremental): the day in China (the lifecycle rules), the
    deadlines already passed, and the time the late-submission messages print when any has.
    A rule that reads `ctx.now` some other way must be reflected here."""
    passed = tuple(
        (batch.id, key)
        for batch in sorted(batches, key=lambda b: b.id)
        for key in type(batch.deadlines).model_fields
        if now > getattr(batch.deadlines, key)
    )
    return (today(now), passed, shown_time(now) if passed else "")


def run_rules(dataset: Dataset, context: RuleContext) -> list[Diagnostic]:
    """Every rule in order, sharing one set of views of the dataset."""
    if context.views is None or context.views.dataset is not dataset:
        context = replace(context, views=DatasetViews(dataset))
    out: list[Diagnostic] = []
    for rule in RULES:
        out.extend(rule(dataset, context))
    return out


__all__ = ["RULES", "DatasetViews", "Rule", "RuleContext", "now_key", "run_rules"]
