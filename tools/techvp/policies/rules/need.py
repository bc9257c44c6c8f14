"""Eligibility of each enterprise need under the batch's policy (seeds 000, 001, 003)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from techvp.diagnostics import Diagnostic, error, priority, warning
from techvp.messages import policy as text
from techvp.models import Batch, Need
from techvp.models.batch import Region
from techvp.models.common import credit_division
from techvp.models.need import Category
from techvp.policies import sme
from techvp.policies.profiles import Policy
from techvp.repo import Dataset, Loaded

if TYPE_CHECKING:
    from techvp.policies import RuleContext

_SCOPE_DIGITS = {"province": 2, "city": 4, "district": 6}
_CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]


def _registration(
    item: Loaded[Need], policy: Policy, batch: Batch, region: Region | None
) -> Iterator[Diagnostic]:
    """The credit code is given when required, and its registering division (chars 3–8) is
    within the batch's area when the policy requires local registration (an error), and is the
    need's own region (a warning otherwise: enterprises move, and clerks pick the wrong region)."""
    enterprise = item.record.enterprise
    p = policy.params
    code = enterprise.credit_code
    if code is None:
        if p.require_credit_code:
            clause = policy.clause("credit-code", "require_credit_code")
            yield error("policy.credit-code-required", item.doc.locate(("enterprise",)), clause)
        return
    division = credit_division(code)
    if p.local_registration != "none":
        digits = _SCOPE_DIGITS[p.local_registration]
        allowed = sorted({region.code[:digits] for region in batch.regions})
        if division[:digits] not in allowed:
            yield error(
                "policy.local-registration",
                item.doc.locate(("enterprise", "credit_code")),
                policy.clause("local", "local_registration"),
                division=division,
                scope=text.LOCAL_SCOPES[p.local_registration],
                prefixes=tuple(allowed),
            )
            return  # the policy's own verdict; the region comparison would repeat it
    if region is not None:
        yield from _region_division(item, policy, division, region)


def precision(code: str) -> int:
    """How many leading digits of a GB/T 2260 code name a place: 2 for a province (420000),
    4 for a city (420100, also what a 开发区 without its own code is given), 6 for a district."""
    return 2 if code.endswith("0000") else 4 if code.endswith("00") else 6


def _region_division(
    item: Loaded[Need], policy: Policy, division: str, region: Region
) -> Iterator[Diagnostic]:
    """Compared as finely as both codes allow: a city-level code (registered with the city's
    bureau, or a 开发区 region) matches any district of that city."""
    digits = min(precision(division), precision(region.code))
    if division[:digits] == region.code[:digits]:
        return
    same_city = division[:4] == region.code[:4]
    local = policy.params.local_registration != "none"
    yield warning(
        "policy.registration-district" if same_city else "policy.registration-elsewhere",
        item.doc.locate(("enterprise", "credit_code")),
        policy.clause("local", "local_registration") if local else None,
        division=division,
        region=region.name,
        region_code=region.code,
    )


def _qualifications(item: Loaded[Need], policy: Policy) -> Iterator[Diagnostic]:
    enterprise = item.record.enterprise
    p = policy.params
    held = enterprise.qualifications
    where = item.doc.locate(("enterprise", "qualifications"))
    if p.required_qualifications and not set(held) & set(p.required_qualifications):
        yield error(
            "policy.qualification",
            where,
            policy.clause("qualification", "required_qualifications"),
            value=tuple(held),
            expected=tuple(p.required_qualifications),
        )
    favoured = [q for q in held if q in p.priority_qualifications]
    if favoured:
        clause = policy.clause("qualification-priority", "priority_qualifications")
        first = ("enterprise", "qualifications", held.index(favoured[0]))
        yield priority(
            "policy.qualification-priority",
            item.doc.locate(first),
            clause,
            value=tuple(favoured),
        )
    if enterprise.carrier in p.priority_carriers:
        yield priority(
            "policy.carrier-priority",
            item.doc.locate(("enterprise", "carrier")),
            policy.clause("carrier-priority", "priority_carriers"),
            value=enterprise.carrier,
        )


def _project(item: Loaded[Need], policy: Policy) -> Iterator[Diagnostic]:
    """Intended amount and category (seed 003)."""
    need, p = item.record, policy.params
    minimum = p.min_intended_amount
    if minimum is not None:
        clause = policy.clause("amount", "min_intended_amount")
        where = item.doc.locate(("intended_amount",))
        if need.intended_amount is None:
            yield error("policy.intended-amount-missing", where, clause, limit=_money(minimum))
        elif need.intended_amount < minimum:
            yield error(
                "policy.intended-amount",
                where,
                clause,
                value=_money(need.intended_amount),
                limit=_money(minimum),
            )
    if p.require_category and need.category is None:
        yield error(
            "policy.category-required",
            item.doc.locate(("category",)),
            policy.clause("category", "require_category"),
            expected=_CATEGORIES,
        )


def _size(item: Loaded[Need], policy: Policy) -> Iterator[Diagnostic]:
    """Staff on the payroll, and whether the enterprise is 中小微 at all (policies.sme)."""
    enterprise, mode = item.record.enterprise, policy.params.sme_size
    if enterprise.employees == 0:
        yield error("policy.no-employees", item.doc.locate(("enterprise", "employees")))
        return
    if mode == "off":
        return
    found = sme.judge(
        enterprise.industry,
        enterprise.employees,
        enterprise.revenue_last_year,
        policy.params.size_industries,
    )
    if found is None:
        return
    where = item.doc.locate(("enterprise", "employees"))
    limits = found.limits
    clause = f"{policy.clause('sme', 'sme_size', 'size_industries')}；{sme.STANDARD} {limits.item}"
    params = {
        "employees": enterprise.employees,
        "revenue": _money(enterprise.revenue_last_year),
        "industry": enterprise.industry,
        "standard": found.standard,
        "limits": text.size_limits(limits.employees, limits.revenue, limits.assets),
    }
    if found.verdict == "large":
        make = error if mode == "error" else warning
        yield make("policy.enterprise-size", where, clause, **params)
    else:
        code = (
            "policy.enterprise-size-review" if found.standard else "policy.enterprise-size-unmapped"
        )
        yield warning(code, where, clause, **params)


def _money(value: object) -> str:
    """10 → "10", 10.50 → "10.5": amounts as people write them."""
    shown = f"{value:f}" if not isinstance(value, int) else str(value)
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def need_eligibility(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    views = ctx.views_of(ds)
    policies, regions = views.policies, views.regions
    for need_id in sorted(ds.needs):
        item = ds.needs[need_id]
        policy = policies.get(item.record.batch)
        if policy is None or item.record.withdrawn:
            continue
        region = regions[policy.batch].get(item.record.region)
        yield from _registration(item, policy, ds.batches[policy.batch].record, region)
        yield from _qualifications(item, policy)
        yield from _project(item, policy)
        yield from _size(item, policy)
