"""Rules across records: one enterprise twice, too many experts for one enterprise, conflicts of
interest, and needs or applications submitted after their deadline.

Each rule builds its indexes once (credit code → needs, enterprise → appointments), so the whole
family is linear in the number of records.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from techvp.diagnostics import Diagnostic, error, warning
from techvp.messages import policy as text
from techvp.models import Need
from techvp.policies.relations import conflict_of_interest
from techvp.repo import Dataset, Loaded

if TYPE_CHECKING:
    from techvp.policies import RuleContext

CHINA = timezone(timedelta(hours=8))
ACTIVE = frozenset({"selected", "signed", "on_duty", "completed"})
_MAKE = {"error": error, "warning": warning}


def _enterprise_key(need: Need) -> str:
    """The credit code when given; otherwise the need alone stands for its enterprise."""
    return need.enterprise.credit_code or f"need:{need.id}"


def duplicate_enterprises(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """The same credit code in two live needs of one batch, where the policy allows one."""
    policies = ctx.views_of(ds).policies
    first: dict[tuple[str, str], str] = {}
    for need_id in sorted(ds.needs):
        item = ds.needs[need_id]
        need = item.record
        policy = policies.get(need.batch)
        code = need.enterprise.credit_code
        if policy is None or code is None or need.withdrawn:
            continue
        mode = policy.params.duplicate_enterprise
        key = (need.batch, code)
        if key not in first:
            first[key] = need_id
        elif mode != "allow":
            yield _MAKE[mode](
                "policy.duplicate-enterprise",
                item.doc.locate(("enterprise", "credit_code")),
                policy.clause("duplicate-enterprise", "duplicate_enterprise"),
                value=code,
                other=first[key],
                hint=text.DUPLICATE_HINTS[mode],
            )


def enterprise_appointments(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """No more active appointments per enterprise than the policy allows (seeds 001, 003)."""
    policies = ctx.views_of(ds).policies
    capacity: dict[tuple[str, str], int] = {}
    for need_id in sorted(ds.needs):
        need = ds.needs[need_id].record
        key = (need.batch, _enterprise_key(need))
        capacity[key] = capacity.get(key, 0) + need.capacity
    held: dict[tuple[str, str], list[str]] = {}
    for expert_id in sorted(ds.appointments):
        rec = ds.appointments[expert_id].record
        need_item = ds.needs.get(rec.need)
        if rec.status in ACTIVE and need_item is not None:
            held.setdefault((rec.batch, _enterprise_key(need_item.record)), []).append(expert_id)
    for key in sorted(held):
        policy = policies.get(key[0])
        if policy is None or policy.params.experts_per_enterprise is None:
            continue
        limit = policy.params.experts_per_enterprise
        if policy.params.more_experts_on_request:
            limit = max(limit, capacity.get(key, 0))
        experts = held[key]
        for expert_id in experts[limit:]:
            item = ds.appointments[expert_id]
            enterprise = ds.needs[item.record.need].record.enterprise
            yield error(
                "policy.enterprise-appointments",
                item.doc.locate(("need",)),
                policy.clause(
                    "experts-per-enterprise", "experts_per_enterprise", "more_experts_on_request"
                ),
                enterprise=enterprise.name,
                value=enterprise.credit_code or item.record.need,
                count=len(experts),
                limit=limit,
                others=tuple(experts[:limit]),
            )


def conflicts_of_interest(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """An expert applying or appointed to an enterprise their institution founded, invested in
    or incubated (seed 001 二(二)1); institution names compared tolerantly."""
    views = ctx.views_of(ds)
    policies, insts = views.policies, views.institutions
    pairs: list[tuple[Loaded[Any], tuple[Any, ...], str, str]] = []
    for expert_id in sorted(ds.experts):
        applicant = ds.experts[expert_id]
        for i, need_id in enumerate(applicant.record.applications):
            pairs.append((applicant, ("applications", i), expert_id, need_id))
    for expert_id in sorted(ds.appointments):
        appointed = ds.appointments[expert_id]
        pairs.append((appointed, ("need",), expert_id, appointed.record.need))
    for item, path, expert_id, need_id in pairs:
        need_item = ds.needs.get(need_id)
        if need_item is None or not need_item.record.enterprise.affiliated_institutions:
            continue  # nothing to compare; unknown needs are reported by the reference rules
        expert, need = ds.experts.get(expert_id), need_item.record
        policy = policies.get(need.batch)
        if expert is None or policy is None or policy.params.conflict_of_interest == "off":
            continue
        affiliated = conflict_of_interest(insts[need.batch], expert.record, need)
        if affiliated is not None:
            yield _MAKE[policy.params.conflict_of_interest](
                "policy.conflict-of-interest",
                item.doc.locate(path),
                policy.clause("conflict", "conflict_of_interest"),
                institution=expert.record.institution,
                enterprise=need.enterprise.name,
                affiliated=affiliated,
            )


def shown_time(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def late_submissions(ds: Dataset, ctx: RuleContext) -> Iterator[Diagnostic]:
    """Needs and applications judged at `ctx.now` against the batch's deadlines."""
    policies = ctx.views_of(ds).policies
    tables: tuple[tuple[str, Any], ...] = (("needs", ds.needs), ("experts", ds.experts))
    for key, table in tables:
        # The batches whose deadline for this kind has passed; usually none or all.
        passed = {
            batch_id: getattr(ds.batches[batch_id].record.deadlines, key)
            for batch_id, policy in policies.items()
            if policy.params.enforce_deadlines
            and ctx.now > getattr(ds.batches[batch_id].record.deadlines, key)
        }
        if not passed:
            continue
        for record_id in sorted(table):
            item = table[record_id]
            deadline = passed.get(item.record.batch)
            if deadline is None or (ctx.added is not None and item.file not in ctx.added):
                continue
            policy = policies[item.record.batch]
            yield error(
                "policy.late",
                item.doc.locate(("id",)),
                policy.clause(f"deadline-{key}", "enforce_deadlines"),
                what=text.LATE_WHAT[key],
                now=shown_time(ctx.now),
                deadline=shown_time(deadline),
                key=key,
            )
