"""One small repository per test: a batch under a chosen profile, and records that pass it.

`base_expert(profile)` and `base_need(profile)` are eligible under that profile with no finding
at all, so a test changes one thing and asserts exactly what appears.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from techvp.diagnostics import Diagnostic, Findings
from techvp.messages import policy as text
from tests.conftest import run_validate
from tests.factories import APPOINTMENT, BATCH, EXPERT, NEED, record, write_repo

PROFILES = ("hubei-2020", "wuhan-2022", "deepened", "special-action-2020")
NOW = datetime(2022, 3, 1, tzinfo=UTC)
EXPERT_FILE = "submissions/experts/wuhan-2022/li-ming-hust.yaml"
NEED_FILE = "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml"
BATCH_FILE = "submissions/batches/wuhan-2022.yaml"


def base_batch(profile: str, **changes: Any) -> dict[str, Any]:
    service = (
        {"years": "2", "min_months_per_year": "3"}
        if profile == "deepened"
        else {"years": "2", "min_days_per_month": "7"}
    )
    return record(BATCH, **{"policy": profile, "service": service, **changes})


def base_expert(profile: str, **changes: Any) -> dict[str, Any]:
    extra: dict[str, Any] = {"birth_date": "1978-01-01"}  # 44 on 2022-03-15
    if profile == "deepened":
        extra |= {"contract_end": "2030-12-31", "training_certificate": "初级"}
    return record(EXPERT, **{**extra, **changes})


def base_need(profile: str, **changes: Any) -> dict[str, Any]:
    need = record(NEED)
    need["enterprise"]["qualifications"] = ["科技型中小企业", "高新技术企业"]
    return record(need, **changes)


def enterprise(profile: str, **changes: Any) -> dict[str, Any]:
    """The base need's enterprise block with some keys changed."""
    return {**base_need(profile)["enterprise"], **changes}


def appointment(expert: str, need: str, status: str = "on_duty") -> dict[str, Any]:
    return record(APPOINTMENT, expert=expert, need=need, status=status)


def check(
    root: Path,
    profile: str,
    *,
    batch: dict[str, Any] | None = None,
    needs: list[dict[str, Any]] | None = None,
    experts: list[dict[str, Any]] | None = None,
    appointments: list[dict[str, Any]] | None = None,
    now: datetime = NOW,
) -> Findings:
    write_repo(
        root,
        batch=[batch or base_batch(profile)],
        need=needs if needs is not None else [base_need(profile)],
        expert=experts if experts is not None else [base_expert(profile)],
        appointment=appointments or [],
    )
    findings = run_validate(root, now)
    if batch is None or not batch.get("policy_overrides"):
        for diag in findings:  # every rule a profile switches on cites that profile's notice
            assert diag.clause != text.BATCH_CLAUSE.format(batch="wuhan-2022"), diag
    return findings


def found(findings: Findings) -> list[tuple[str, str, str, int | None]]:
    """(code, severity, file, line), sorted: what the policy tests assert on."""
    return [(d.code, d.severity.value, d.location.file, d.location.line) for d in findings.sorted()]


def only(findings: Findings, code: str) -> Diagnostic:
    hits = [d for d in findings if d.code == code]
    assert len(hits) == 1, found(findings)
    return hits[0]


def line_of(root: Path, file: str, key: str) -> int:
    """1-based line of the first line starting with `key:` (after indentation)."""
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(f"{key}:"))
