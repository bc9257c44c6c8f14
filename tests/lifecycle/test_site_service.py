"""The batch page's service statistics (techvp.site.pages.service_view) on the shipped demo
after its term: statuses counted, 附件5's 合计 the sum of its rows in every column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from techvp.build import run
from techvp.lifecycle.activity import batch_activity
from techvp.site.pages import service_view
from tests.lifecycle.helpers import at

ROOT = Path(__file__).resolve().parents[2]


def test_status_counts_and_activity_totals_on_the_demo() -> None:
    result = run(ROOT, at("2026-01-01"))
    view = service_view(result, "wuhan-2022", at("2026-01-01"))
    assert view is not None
    statuses = dict(view["statuses"])
    assert statuses["考核通过"] > 0 and statuses["考核未通过"] == 2 and statuses["已替补"] == 1
    assert sum(statuses.values()) == len(result.dataset.appointments)
    columns = list(zip(*(values for _, values in view["rows"]), strict=True))
    assert [f"{sum(Decimal(v) for v in c):f}" for c in columns] == view["total"]
    assert view["reports"] == len(result.dataset.reports)
    assert Decimal(view["total"][0]) == sum(
        r.record.outcomes.problems_solved for r in result.dataset.reports.values()
    )


def test_reports_sent_after_now_are_not_counted_yet() -> None:
    result = run(ROOT, at("2023-05-01"))
    later = batch_activity(result.dataset, "wuhan-2022", at("2023-05-01"))
    assert 0 < later.reports < len(result.dataset.reports)
    sent = [
        r
        for r in result.dataset.reports.values()
        if r.record.submitted_on <= at("2023-05-01").date()
    ]
    assert later.reports == len(sent)
