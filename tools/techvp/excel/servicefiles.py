"""Writing seed 002's forms for one batch: 附件1 考核表 (one sheet per expert) and the tables
附件2–5, one file per form, as `techvp export` and the build's staff files do."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from techvp.excel.accounts import read_accounts
from techvp.excel.forms import batch_time
from techvp.excel.layout import Sheet, write_form
from techvp.excel.serviceforms import (
    ACCOUNTS_FORM,
    ASSESSMENTS,
    STATISTICS,
    UNSIGNED,
    assessed_rows,
    batch_label,
    paid_rows,
    service_rows,
    statistics_rows,
    unsigned_rows,
)
from techvp.messages import excel as text
from techvp.models import Batch
from techvp.repo import Dataset


def batch_experts(dataset: Dataset, batch: Batch) -> dict[str, str]:
    """The batch's expert ids and names (what an accounts file's rows are matched against)."""
    return {
        k: v.record.name for k, v in sorted(dataset.experts.items()) if v.record.batch == batch.id
    }


def write_service_forms(
    dataset: Dataset, batch: Batch, out: Path, accounts: Path | None = None
) -> list[Path]:
    """附件1–5 of seed 002 under out; bank details only from the accounts file."""
    found = read_accounts(accounts, batch_experts(dataset, batch)) if accounts else None
    rows = service_rows(dataset, batch, found)
    label = batch_label(batch)
    when = batch_time(batch)
    years = text.YEARS.get(batch.service.years, f"{batch.service.years}年")
    statistics = replace(STATISTICS, notes=(text.STATISTICS_NOTE.format(batch=label, years=years),))
    tables = (
        (ASSESSMENTS, assessed_rows(rows)),
        (UNSIGNED, unsigned_rows(rows)),
        (ACCOUNTS_FORM, paid_rows(rows)),
        (statistics, statistics_rows(rows, label)),
    )
    from techvp.excel.assessform import write_assessment_forms

    written = [write_assessment_forms(assessed_rows(rows), label, out, when)]
    for form, items in tables:
        sheet = Sheet(form.name.split(" ", 1)[-1], form.title.format(batch=label), items)
        written.append(write_form(form, [sheet], out / f"{form.name}.xlsx", when))
    return written
