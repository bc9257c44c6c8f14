"""A small batch after selection: one need per expert, each expert appointed, dated as asked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from techvp.repo import Dataset, load_dataset
from tests.factories import APPOINTMENT, ASSESSMENT, BATCH, EXPERT, NEED, REPORT, record, write_repo

CHINA_NOON = "T12:00:00+08:00"


def at(day: str) -> datetime:
    """Noon in China on `day` (YYYY-MM-DD)."""
    return datetime.fromisoformat(day + CHINA_NOON)


def need(need_id: str, **changes: Any) -> dict[str, Any]:
    enterprise = {**NEED["enterprise"], "name": f"{need_id}科技有限公司"}
    enterprise.pop("credit_code", None)
    return record(NEED, id=need_id, enterprise=enterprise, **changes)


NAMES = {"wang-fang-whu": "王芳"}


def expert(expert_id: str, need_id: str, **changes: Any) -> dict[str, Any]:
    changes.setdefault("name", NAMES.get(expert_id, EXPERT["name"]))
    return record(EXPERT, id=expert_id, applications=[need_id], **changes)


def appointment(expert_id: str, need_id: str, **changes: Any) -> dict[str, Any]:
    return record(APPOINTMENT, expert=expert_id, need=need_id, **changes)


def report(expert_id: str, period: str, **changes: Any) -> dict[str, Any]:
    year, month = int(period[:4]), int(period[5:])
    changes.setdefault("days_served", {f"{year:04d}-{month - 1:02d}": "8", period: "8"})
    return record(REPORT, expert=expert_id, period=period, **changes)


def assessment(expert_id: str, **changes: Any) -> dict[str, Any]:
    return record(ASSESSMENT, expert=expert_id, **changes)


def periods(first: str, last: str) -> list[str]:
    out, (year, month) = [], (int(first[:4]), int(first[5:]))
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 2) if month == 12 else (year, month + 2)
    return out


def batch_repo(root: Path, pairs: list[tuple[str, str]], **kinds: list[dict[str, Any]]) -> Path:
    """The factory batch with one need and one applying expert per (expert, need) pair, plus
    whatever staff records `kinds` holds."""
    base = {
        "batch": [BATCH],
        "need": [need(n) for _, n in pairs],
        "expert": [expert(e, n) for e, n in pairs],
    }
    for kind, items in kinds.items():
        base.setdefault(kind, []).extend(items)
    return write_repo(root, **base)


def dataset(root: Path) -> Dataset:
    return load_dataset(root)[0]
