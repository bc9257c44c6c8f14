"""Eligibility of each 科技人员 under the batch's policy (seeds 000, 001, 003, 004)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from techvp.diagnostics import Diagnostic, Location, error, priority, warning
from techvp.messages import policy as text
from techvp.models import Expert
from techvp.models.expert import TITLE_LEVEL_ORDER
from techvp.policies.profiles import Policy
from techvp.policies.relations import Naming
from techvp.repo import Dataset, Loaded

if TYPE_CHECKING:
    from techvp.policies import RuleContext

DEGREE_ORDER = ("其他", "学士", "硕士", "博士")
CERTIFICATE_ORDER = ("无", "初级", "中级", "高级")
ON_DUTY = frozenset({"on_duty", "completed"})


def age_on(birth: date, on: date) -> int:
    """Full years on a date; the birthday itself counts (born 1977-03-15 is 45 on 2022-03-15)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class _Check:
    """One expert with what the rules need to judge it."""

    item: Loaded[Expert]
    policy: Policy
    reference_date: date
    namings: list[Naming]
    on_duty: bool
    # (need id, file) of broken needs that may have named this expert (see DatasetViews).
    unconfirmed: list[tuple[str, str]]

    @property
    def expert(self) -> Expert:
        return self.item.record

    def loc(self, *path: str | int) -> Location:
        return self.item.doc.locate(path)


def _relaxation(c: _Check, *, named: bool) -> str | None:
    """Why a limit may be relaxed for this expert, or None."""
    p, e = c.policy.params, c.expert
    if named and p.age_relax_named_agreed and c.namings:
        return text.RELAX_NAMED.format(need=c.namings[0].need)
    if p.relax_for_core_ip:
        if e.core_ip:
            return text.RELAX_CORE_IP
        if e.previous_term is not None and e.previous_term.result == "优秀":
            return text.RELAX_EXCELLENT.format(batch=e.previous_term.batch)
    return None


def _age(c: _Check) -> Iterator[Diagnostic]:
    p = c.policy.params
    age = age_on(c.expert.birth_date, c.reference_date)
    ref = c.reference_date.isoformat
    if p.max_age is not None and age > p.max_age:
        clause = c.policy.clause("age", "max_age")
        reason = _relaxation(c, named=True)
        params = {"age": age, "limit": p.max_age, "reference_date": ref()}
        if reason is None and c.unconfirmed and c.policy.params.age_relax_named_agreed:
            need, file = c.unconfirmed[0]
            where = c.loc("birth_date")
            yield warning("policy.age-unconfirmed", where, clause, need=need, file=file, **params)
        elif reason is None:
            yield error("policy.age", c.loc("birth_date"), clause, **params)
        else:
            yield warning(
                "policy.age-relaxed", c.loc("birth_date"), clause, reason=reason, **params
            )
    elif p.priority_max_age is not None and age <= p.priority_max_age:
        clause = c.policy.clause("age-priority", "priority_max_age")
        limit = p.priority_max_age
        yield priority("policy.age-priority", c.loc("birth_date"), clause, age=age, limit=limit)


def _level_ok(level: str, minimum: str | None) -> bool:
    return minimum is None or TITLE_LEVEL_ORDER.index(level) >= TITLE_LEVEL_ORDER.index(minimum)


def _title(c: _Check) -> Iterator[Diagnostic]:
    p, e = c.policy.params, c.expert
    if _level_ok(e.title_level, p.min_title_level):
        return
    clause = c.policy.clause("title", "min_title_level", "degree_alternative")
    where = c.loc("title_level")
    alternative = p.degree_alternative
    if alternative is None:
        yield error(
            "policy.title-level", where, clause, value=e.title_level, limit=p.min_title_level
        )
        return
    if DEGREE_ORDER.index(e.degree) >= DEGREE_ORDER.index(alternative):
        return
    params = {
        "degree": e.degree,
        "value": e.title_level,
        "limit": p.min_title_level,
        "alternative": alternative,
    }
    reason = _relaxation(c, named=False)
    if reason is None:
        yield error("policy.degree-or-title", where, clause, **params)
    else:
        yield warning("policy.degree-or-title-relaxed", where, clause, reason=reason, **params)


def _research(c: _Check) -> Iterator[Diagnostic]:
    p, e = c.policy.params, c.expert
    if p.research_output == "none" or e.achievements:
        return
    inventions = sum(1 for pat in e.patents if pat.kind == "发明")
    if p.research_output == "patent-or-result" and e.patents:
        return
    if p.research_output == "invention-or-result" and inventions:
        return
    required = (
        text.RESEARCH_ANY if p.research_output == "patent-or-result" else text.RESEARCH_INVENTION
    )
    yield error(
        "policy.research-output",
        c.loc("patents") if e.patents else c.loc("achievements"),
        c.policy.clause("research", "research_output"),
        required=required,
        patents=len(e.patents),
        inventions=inventions,
        achievements=len(e.achievements),
    )


def _background(c: _Check) -> Iterator[Diagnostic]:
    """Clean record, institution type and person type."""
    p, e, pol = c.policy.params, c.expert, c.policy
    if p.require_clean_record and not e.clean_record_3y:
        clause = pol.clause("clean-record", "require_clean_record")
        yield error("policy.clean-record", c.loc("clean_record_3y"), clause)
    if e.institution_type not in p.institution_types:
        yield error(
            "policy.institution-type",
            c.loc("institution_type"),
            pol.clause("institution-type", "institution_types"),
            value=e.institution_type,
            expected=tuple(p.institution_types),
        )
    if e.person_type not in p.person_types:
        yield error(
            "policy.person-type",
            c.loc("person_type"),
            pol.clause("person-type", "person_types"),
            value=e.person_type,
            expected=tuple(p.person_types),
        )


def _contract(c: _Check) -> Iterator[Diagnostic]:
    years, e = c.policy.params.min_contract_years, c.expert
    if years is None or e.renewal_proof:
        return
    clause = c.policy.clause("contract", "min_contract_years")
    if e.contract_end is None:
        yield error("policy.contract-missing", c.loc("contract_end"), clause, limit=years)
    elif e.contract_end < add_years(c.reference_date, years):
        yield error(
            "policy.contract-years",
            c.loc("contract_end"),
            clause,
            value=e.contract_end.isoformat(),
            reference_date=c.reference_date.isoformat(),
            limit=years,
        )


def _training(c: _Check) -> Iterator[Diagnostic]:
    minimum, held = c.policy.params.min_training_certificate, c.expert.training_certificate
    if minimum is None or CERTIFICATE_ORDER.index(held) >= CERTIFICATE_ORDER.index(minimum):
        return
    clause = c.policy.clause("training", "min_training_certificate")
    where = c.loc("training_certificate")
    if c.on_duty:
        yield error("policy.training-certificate", where, clause, value=held, limit=minimum)
    else:
        yield warning("policy.training-pending", where, clause, value=held, limit=minimum)


CHECKS = (_title, _research, _background, _age, _contract, _training)


def expert_eligibility(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    views = ctx.views_of(ds)
    policies, namings = views.policies, views.namings
    for expert_id in sorted(ds.experts):
        item = ds.experts[expert_id]
        policy = policies.get(item.record.batch)
        if policy is None:
            continue  # unknown batch: reported by the reference rules
        appointment = ds.appointments.get(expert_id)
        check = _Check(
            item,
            policy,
            ds.batches[policy.batch].record.reference_date,
            namings.get(expert_id, []),
            appointment is not None and appointment.record.status in ON_DUTY,
            views.unconfirmed_namings.get(expert_id, []),
        )
        for rule in CHECKS:
            yield from rule(check)
