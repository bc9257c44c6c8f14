"""Field problems the other tests do not reach: a region code's shape, the service rule, and a
value pydantic cannot read for a reason of its own."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import codes, run_validate
from tests.factories import BATCH, NEED, record, write_repo

BATCH_FILE = "submissions/batches/wuhan-2022.yaml"


def test_a_region_code_of_five_digits(tmp_path: Path) -> None:
    regions = [{**BATCH["regions"][0], "code": "42010"}, BATCH["regions"][1]]
    write_repo(tmp_path, batch=[record(BATCH, regions=regions)])
    [diag] = run_validate(tmp_path)
    assert (diag.code, diag.location.field) == ("field.format", "regions[0].code")
    assert "格式不正确：6 位 GB/T 2260 代码" in diag.message


def test_a_service_rule_needs_days_or_months(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[record(BATCH, service={"years": "2"})])
    assert [c for c, f, _ in codes(run_validate(tmp_path))] == ["field.service-rule"]


def test_a_number_too_long_to_read_is_reported_at_its_field(tmp_path: Path) -> None:
    enterprise = {**NEED["enterprise"], "employees": "9" * 5000}
    write_repo(tmp_path, batch=[BATCH], need=[record(NEED, enterprise=enterprise)])
    [diag] = run_validate(tmp_path)
    assert (diag.code, diag.location.field) == ("field.range", "enterprise.employees")


def test_a_constraint_without_its_own_message_is_still_reported_at_its_field() -> None:
    """field.invalid is the fallback for a pydantic error type no message maps (here a
    `multiple_of` constraint, which no record model uses today): reported, located, no crash."""
    from pydantic import BaseModel, Field

    from techvp.modelcheck import check_record
    from techvp.yamlio import parse_text

    class Shift(BaseModel):
        hours: int = Field(title="工时", multiple_of=4)

    record, [diag] = check_record(Shift, parse_text("hours: 6\n", "shift.yaml"))
    assert record is None
    assert (diag.code, diag.location.line, diag.location.field) == ("field.invalid", 1, "hours")
    assert diag.message.startswith("“工时”")
