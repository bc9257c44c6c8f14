"""Which tranche each appointment is due: never before its condition, never twice, capped where
the policy says so; totals per region and for the batch."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from techvp.build import run
from techvp.lifecycle.funding import BatchFunding, batch_funding
from tests.factories import BATCH, record
from tests.lifecycle.helpers import (
    appointment,
    assessment,
    at,
    batch_repo,
    expert,
    need,
    periods,
    report,
)

LI = ("li-ming-hust", "laser-weld")
OPINION = {"text": "同意。", "date": "2024-07-10"}
ALL_OPINIONS = {k: OPINION for k in ("enterprise", "institution", "econ_dept", "org_dept")}
REPORTS = [report("li-ming-hust", p, outcomes={}) for p in periods("2022-08", "2024-06")]


def funding(root: Path, day: str) -> BatchFunding:
    result = run(root, at(day))
    return batch_funding(result.dataset, "wuhan-2022", at(day), result.policies["wuhan-2022"])


def states(root: Path, day: str) -> list[tuple[str, str, str, str | None]]:
    return [
        (p.when, f"{p.amount:f}", p.reason, p.due_from.isoformat() if p.due_from else None)
        for p in funding(root, day).payments
    ]


def repo(root: Path, batch: dict[str, Any] = BATCH, **changes: Any) -> Path:
    outcome = changes.pop("assessment", None)
    kinds: dict[str, Any] = {"batch": [batch], "appointment": [appointment(*LI, **changes)]}
    kinds["report"] = REPORTS
    if outcome is not None:
        kinds["assessment"] = [outcome]
    return batch_repo(root, [LI], **kinds)


def test_the_first_tranche_is_due_from_the_day_on_duty_and_not_before(tmp_path: Path) -> None:
    root = repo(tmp_path)  # on_duty_on 2022-06-20
    assert states(root, "2022-06-19") == [
        ("on_duty", "30000", "not_on_duty", None),
        ("passed_assessment", "20000", "not_assessed", None),
    ]
    assert states(root, "2022-06-20")[0] == ("on_duty", "30000", "due", "2022-06-20")


def test_the_second_tranche_only_after_a_passed_assessment(tmp_path: Path) -> None:
    passed = repo(tmp_path, assessment=assessment(LI[0], opinions=ALL_OPINIONS))
    assert states(passed, "2024-07-09")[1] == ("passed_assessment", "20000", "not_assessed", None)
    assert states(passed, "2024-07-10")[1] == ("passed_assessment", "20000", "due", "2024-07-10")
    failed = assessment(LI[0], opinions=ALL_OPINIONS, result="不通过", fail_reason="服务不足。")
    assert states(repo(tmp_path / "f", assessment=failed), "2024-08-01")[1][2] == "failed"


def test_no_tranche_for_an_expert_who_never_took_up_the_post(tmp_path: Path) -> None:
    root = repo(
        tmp_path, status="not_signed", signed_on=None, on_duty_on=None, not_signed_reason="未签。"
    )
    assert [s[2] for s in states(root, "2025-01-01")] == ["not_signed", "not_signed"]


def test_a_tranche_is_never_due_twice(tmp_path: Path) -> None:
    passed = repo(tmp_path, assessment=assessment(LI[0], opinions=ALL_OPINIONS))
    found = funding(passed, "2026-01-01")
    keys = [(p.expert, p.index) for p in found.payments]
    assert len(keys) == len(set(keys)) == 2
    assert found.total().due == Decimal(50000) == found.per_person
    assert found.totals()["jiangan"].count == 2 and found.totals()["donghu-gaoxin"].count == 0


def test_the_contract_amount_caps_the_support_in_tranche_order(tmp_path: Path) -> None:
    capped = record(BATCH, policy_overrides={"funding_within_contract": True})
    done = assessment(LI[0], opinions=ALL_OPINIONS)
    root = repo(tmp_path, batch=capped, contract_amount="40000", assessment=done)
    assert [s[:3] for s in states(root, "2024-08-01")] == [
        ("on_duty", "30000", "due"),
        ("passed_assessment", "10000", "due"),
    ]
    low = repo(tmp_path / "low", batch=capped, contract_amount="20000", assessment=done)
    assert [s[:3] for s in states(low, "2024-08-01")] == [
        ("on_duty", "20000", "due"),
        ("passed_assessment", "0", "capped"),
    ]
    total = funding(low, "2024-08-01").total()
    assert (total.due, total.count) == (Decimal(20000), 1)


def test_the_policy_cap_applies_without_a_contract(tmp_path: Path) -> None:
    capped = record(BATCH, policy_overrides={"max_funding_per_person": 45000})
    batch = {**capped, "funding": {**BATCH["funding"]}}
    root = repo(tmp_path, batch=batch, assessment=assessment(LI[0], opinions=ALL_OPINIONS))
    assert [s[1] for s in states(root, "2024-08-01")] == ["30000", "15000"]


def test_totals_per_region_count_what_may_still_fall_due(tmp_path: Path) -> None:
    pairs = [LI, ("wang-fang-whu", "servo-drive")]
    records = [
        appointment(*LI),
        appointment(
            "wang-fang-whu", "servo-drive", signed_on="2022-06-25", on_duty_on="2022-07-05"
        ),
    ]
    root = batch_repo(
        tmp_path, pairs[:1], need=[need("servo-drive", region="donghu-gaoxin")], appointment=records
    )
    root = batch_repo(root, [], expert=[expert("wang-fang-whu", "servo-drive", name="王芳")])
    found = funding(root, "2022-07-01")
    totals = found.totals()
    assert (totals["jiangan"].due, totals["jiangan"].pending) == (Decimal(30000), Decimal(20000))
    assert (totals["donghu-gaoxin"].due, totals["donghu-gaoxin"].pending) == (0, Decimal(50000))
    assert found.total().due == Decimal(30000) and found.total().pending == Decimal(70000)
