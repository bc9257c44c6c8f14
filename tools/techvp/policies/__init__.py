"""Rules over loaded records: references between records now; eligibility policies build on it.

A rule is a pure function: it reads the Dataset and the RuleContext (no I/O, no clock) and
yields Diagnostics. `RULES` lists them in the order they run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from techvp.diagnostics import Diagnostic
from techvp.policies.rules import refs
from techvp.repo import Dataset


@dataclass(frozen=True)
class RuleContext:
    now: datetime  # the time of validation, aware; `--now` overrides it


Rule = Callable[[Dataset, RuleContext], Iterable[Diagnostic]]

RULES: tuple[Rule, ...] = (
    refs.need_references,
    refs.expert_references,
    refs.staff_record_references,
)


def run_rules(dataset: Dataset, context: RuleContext) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for rule in RULES:
        out.extend(rule(dataset, context))
    return out
