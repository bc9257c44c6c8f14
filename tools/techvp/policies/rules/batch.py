"""The batch file against its policy: overrides that exist and parse, funding and service terms."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from techvp.diagnostics import Diagnostic, error
from techvp.messages import policy as text
from techvp.models import Batch
from techvp.policies.profiles import Policy
from techvp.repo import Dataset, Loaded

if TYPE_CHECKING:
    from techvp.policies import RuleContext


def _funding(item: Loaded[Batch], policy: Policy) -> Iterator[Diagnostic]:
    p, funding = policy.params, item.record.funding
    where = item.doc.locate(("funding", "per_person"))
    if p.funding_per_person is not None and funding.per_person != p.funding_per_person:
        yield error(
            "policy.funding",
            where,
            policy.clause("funding", "funding_per_person"),
            value=f"{funding.per_person:f}",
            limit=f"{p.funding_per_person:f}",
        )
    if p.max_funding_per_person is not None and funding.per_person > p.max_funding_per_person:
        yield error(
            "policy.max-funding",
            where,
            policy.clause("max-funding", "max_funding_per_person"),
            value=f"{funding.per_person:f}",
            limit=f"{p.max_funding_per_person:f}",
        )


def _service(item: Loaded[Batch], policy: Policy) -> Iterator[Diagnostic]:
    p, service = policy.params, item.record.service
    checks = (
        ("policy.service-days", "service-days", "min_days_per_month", p.min_days_per_month),
        ("policy.service-months", "service-months", "min_months_per_year", p.min_months_per_year),
    )
    for code, key, name, limit in checks:
        value = getattr(service, name)
        if limit is not None and (value is None or value < limit):
            yield error(
                code,
                item.doc.locate(("service", name) if value is not None else ("service",), key=True),
                policy.clause(key, name),
                value=text.NOT_GIVEN if value is None else value,
                limit=limit,
            )
    if p.term_years is not None and service.years != p.term_years:
        yield error(
            "policy.term-years",
            item.doc.locate(("service", "years")),
            policy.clause("term", "term_years"),
            value=service.years,
            limit=p.term_years,
        )


def batch_policy(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    for batch_id, (policy, problems) in ctx.views_of(ds).resolved.items():
        item = ds.batches[batch_id]
        yield from problems
        yield from _funding(item, policy)
        yield from _service(item, policy)
