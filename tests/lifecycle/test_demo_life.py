"""The shipped demo batch's whole life: every status and every warning-level rule shows at some
`--now`, and no day of it has an error."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from techvp.build import run
from techvp.lifecycle.funding import batch_funding
from techvp.lifecycle.status import batch_status
from tests.lifecycle.helpers import at

ROOT = Path(__file__).resolve().parents[2]


def _life(day: str) -> tuple[Counter[str], dict[str, int], list[str]]:
    result = run(ROOT, at(day))
    assert [d.message for d in result.findings if d.severity == "error"] == []
    codes = Counter(d.code for d in result.findings if d.code.startswith("lifecycle."))
    status = batch_status(result.dataset, "wuhan-2022", at(day))
    return codes, status.totals(), [a.key for a in status.actions]


def test_the_demo_batch_inside_its_term() -> None:
    codes, totals, actions = _life("2023-05-01")
    assert totals["on_duty"] > 0 and totals["overdue"] > 0 and totals["replaced"] == 1
    assert totals["not_signed"] == 2 and totals["terminated"] == 2
    assert "report-overdue" in actions and "not-signed-unreplaced" in actions
    assert codes["lifecycle.report-missing"] > 0 and codes["lifecycle.report-late"] > 0


def test_the_demo_batch_before_and_after_its_term() -> None:
    _, before, _ = _life("2022-06-08")
    assert before["selected"] > 0 and before["signed"] > 0
    codes, after, actions = _life("2026-01-01")
    assert after["passed"] > 0 and after["failed"] == 2 and after["assessing"] == 2
    assert after["on_duty"] == after["overdue"] == 0
    assert "opinions-missing" in actions
    assert codes["lifecycle.report-missing"] == 0
    assert codes["lifecycle.days-below"] > 0 and codes["lifecycle.opinions-missing"] == 2


def test_the_demo_batch_funding_after_its_term() -> None:
    result = run(ROOT, at("2026-01-01"))
    found = batch_funding(result.dataset, "wuhan-2022", at("2026-01-01"), None)
    reasons = Counter((p.when, p.reason) for p in found.payments)
    assert reasons[("passed_assessment", "failed")] == 2
    assert reasons[("on_duty", "not_signed")] == 2
    assert reasons[("passed_assessment", "not_assessed")] == 2
    assert found.total().due == sum(t.due for t in found.totals().values())
