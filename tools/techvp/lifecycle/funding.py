"""Which support-fund tranche each appointment is due at `now`, from when, and why not yet.

The batch's `funding.tranches` say when each part is paid: `on_duty` once the expert has taken up
the post (seed 002 三(一): 3万 to those 签约到岗), `passed_assessment` once the end-of-term
assessment has passed (2万; none when it failed). Each appointment is due each tranche at most
once, and never before its condition holds at `now`. Where the policy caps the support
(special action, seed 003 四(二): at most 10万 and never above the 技术开发合同金额), the tranches
are paid in order up to the cap and the rest is not due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from techvp.lifecycle.status import (
    Standing,
    Term,
    assessment_date,
    batch_term,
    known_batch,
    report_index,
    standing,
    today,
)
from techvp.models import Appointment
from techvp.repo import Dataset

if TYPE_CHECKING:  # a run-time import would cycle through techvp.policies' rules
    from techvp.policies.profiles import Policy

Reason = Literal[
    "due",
    "not_on_duty",
    "not_signed",
    "terminated",
    "replaced",
    "not_assessed",
    "failed",
    "capped",
]
# Reasons after which the tranche may still fall due later.
PENDING: frozenset[str] = frozenset({"not_on_duty", "not_assessed"})


@dataclass(frozen=True)
class Payment:
    expert: str
    name: str
    region: str
    index: int  # the tranche's position in the batch's funding.tranches
    when: str  # on_duty / passed_assessment
    amount: Decimal  # after the cap; the tranche's full amount when there is none
    due_from: date | None  # the day its condition was met (None: not due)
    reason: Reason


@dataclass(frozen=True)
class RegionTotal:
    due: Decimal
    count: int
    pending: Decimal


@dataclass(frozen=True)
class BatchFunding:
    batch: str
    day: date
    per_person: Decimal
    regions: tuple[tuple[str, str], ...]  # (slug, name) in the batch's order
    payments: tuple[Payment, ...]  # by expert, then tranche

    def totals(self) -> dict[str, RegionTotal]:
        """Region slug → what is due, how many payments, what may still fall due."""
        slugs = [slug for slug, _ in self.regions]
        slugs += sorted({p.region for p in self.payments} - set(slugs))
        return {slug: _total([p for p in self.payments if p.region == slug]) for slug in slugs}

    def total(self) -> RegionTotal:
        return _total(list(self.payments))


def _total(payments: list[Payment]) -> RegionTotal:
    due = [p.amount for p in payments if p.reason == "due"]
    pending = sum((p.amount for p in payments if p.reason in PENDING), Decimal(0))
    return RegionTotal(sum(due, Decimal(0)), len(due), pending)


def _on_duty(a: Appointment, s: Standing, day: date) -> tuple[Reason, date | None]:
    if a.on_duty_on is not None and a.on_duty_on <= day and a.status != "not_signed":
        return "due", a.on_duty_on
    if s.status in ("not_signed", "terminated", "replaced"):
        return s.status, None
    return "not_on_duty", None


def _passed(ds: Dataset, s: Standing, term: Term) -> tuple[Reason, date | None]:
    if s.status == "passed":
        return "due", assessment_date(ds.assessments[s.expert].record) or term.end
    if s.status in ("failed", "not_signed", "terminated", "replaced"):
        return s.status, None
    return "not_assessed", None


def cap_of(per_person: Decimal, a: Appointment, limit: Decimal | None, contract: bool) -> Decimal:
    """What one appointment may receive in all: the batch's amount, within the policy's cap and,
    where the policy says so, the contract amount."""
    cap = per_person if limit is None else min(per_person, limit)
    if contract and a.contract_amount is not None:
        cap = min(cap, a.contract_amount)
    return cap


def batch_funding(ds: Dataset, batch_id: str, now: datetime, policy: Policy | None) -> BatchFunding:
    """Every appointment's tranches at `now`, capped as the batch's policy says
    (max_funding_per_person, funding_within_contract); raises UnknownBatch."""
    batch = known_batch(ds, batch_id)
    limit = policy.params.max_funding_per_person if policy else None
    within_contract = policy.params.funding_within_contract if policy else False
    term, day = batch_term(batch), today(now)
    payments: list[Payment] = []
    reports = report_index(ds)
    for expert_id in sorted(ds.appointments):
        a = ds.appointments[expert_id].record
        if a.batch != batch_id:
            continue
        s = standing(ds, a, term, day, reports)
        left = cap_of(batch.funding.per_person, a, limit, within_contract)
        for index, tranche in enumerate(batch.funding.tranches):
            if tranche.when == "on_duty":
                reason, since = _on_duty(a, s, day)
            else:
                reason, since = _passed(ds, s, term)
            amount = min(tranche.amount, left)
            left -= amount
            if amount == 0 and tranche.amount > 0:
                reason, since = "capped", None
            payments.append(
                Payment(expert_id, s.name, s.region, index, tranche.when, amount, since, reason)
            )
    return BatchFunding(
        batch=batch_id,
        day=day,
        per_person=batch.funding.per_person,
        regions=tuple((r.slug, r.name) for r in batch.regions),
        payments=tuple(payments),
    )
