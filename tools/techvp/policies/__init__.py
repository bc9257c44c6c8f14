"""Rules over loaded records: references, the batch policy, eligibility, and cross-record checks.

A rule is a pure function: it reads the Dataset and the RuleContext (no I/O, no clock) and
yields Diagnostics. `RULES` lists them in the order they run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from techvp.diagnostics import Diagnostic
from techvp.policies.rules import batch, cross, expert, need, refs
from techvp.repo import Dataset


@dataclass(frozen=True)
class RuleContext:
    now: datetime  # the time of validation, aware; `--now` overrides it
    # Files (relative to the root) added by the change under review. None: not known, so every
    # need and application is judged as if submitted at `now` (deadline rules).
    added: frozenset[str] | None = None


Rule = Callable[[Dataset, RuleContext], Iterable[Diagnostic]]

RULES: tuple[Rule, ...] = (
    refs.need_references,
    refs.expert_references,
    refs.staff_record_references,
    batch.batch_policy,
    expert.expert_eligibility,
    need.need_eligibility,
    cross.duplicate_enterprises,
    cross.enterprise_appointments,
    cross.conflicts_of_interest,
    cross.late_submissions,
)


def run_rules(dataset: Dataset, context: RuleContext) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for rule in RULES:
        out.extend(rule(dataset, context))
    return out
