"""The list a reviewer works through: every need and expert of a batch, 合格 / 不合格 / 需复核.

A record with an error is not eligible, one with only warnings needs review, the rest are
eligible; priority flags are listed beside the verdict. Files of the batch that could not be read
at all appear too, as not eligible.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from techvp.diagnostics import Diagnostic, Findings, Severity
from techvp.messages import policy as text
from techvp.repo import Dataset
from techvp.validate import validate_repository

VERDICT_ORDER = ("eligible", "not_eligible", "review")


class UnknownBatch(Exception):
    """The batch asked for has no valid batch file."""

    def __init__(self, batch: str, known: Sequence[str]) -> None:
        super().__init__(
            text.UNKNOWN_BATCH.format(batch=batch, choices=text.LIST_SEP.join(known) or text.NONE)
        )


@dataclass(frozen=True)
class Row:
    kind: str  # "need" or "expert"
    id: str
    name: str
    file: str
    verdict: str  # one of VERDICT_ORDER
    reasons: tuple[str, ...]  # errors and warnings, in file order
    priorities: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kind_label": text.KIND_LABELS[self.kind],
            "id": self.id,
            "name": self.name,
            "file": self.file,
            "verdict": self.verdict,
            "verdict_label": text.VERDICTS[self.verdict],
            "reasons": list(self.reasons),
            "priorities": list(self.priorities),
        }


def _row(kind: str, rid: str, name: str, file: str, found: Iterable[Diagnostic]) -> Row:
    diags = sorted(found, key=Diagnostic.sort_key)
    severities = {d.severity for d in diags}
    verdict = (
        "not_eligible"
        if Severity.ERROR in severities
        else "review"
        if Severity.WARNING in severities
        else "eligible"
    )
    reasons = tuple(d.message for d in diags if d.severity is not Severity.PRIORITY)
    priorities = tuple(d.message for d in diags if d.severity is Severity.PRIORITY)
    return Row(kind, rid, name, file, verdict, reasons, priorities)


def eligibility_rows(dataset: Dataset, findings: Findings, batch: str) -> list[Row]:
    """One row per need, then per expert, of the batch; raises UnknownBatch."""
    if batch not in dataset.batches:
        raise UnknownBatch(batch, sorted(dataset.batches))
    by_file: dict[str, list[Diagnostic]] = {}
    for diag in findings:
        by_file.setdefault(diag.location.file, []).append(diag)
    rows: list[Row] = []
    seen: set[str] = set()
    for need_id in sorted(dataset.needs):
        item = dataset.needs[need_id]
        if item.record.batch == batch:
            seen.add(item.file)
            row = _row(
                "need", need_id, item.record.enterprise.name, item.file, by_file.get(item.file, ())
            )
            if item.record.withdrawn:
                row = Row(
                    row.kind, row.id, row.name, row.file, "not_eligible", (text.WITHDRAWN,), ()
                )
            rows.append(row)
    for expert_id in sorted(dataset.experts):
        expert = dataset.experts[expert_id]
        if expert.record.batch == batch:
            seen.add(expert.file)
            found = by_file.get(expert.file, ())
            rows.append(_row("expert", expert_id, expert.record.name, expert.file, found))
    rows.extend(_unreadable(by_file, seen, batch))
    return rows


def _unreadable(by_file: dict[str, list[Diagnostic]], seen: set[str], batch: str) -> list[Row]:
    """Files in the batch's folders that did not load: not eligible until they are fixed."""
    rows = []
    for kind, folder in (("need", "needs"), ("expert", "experts")):
        prefix = f"submissions/{folder}/{batch}/"
        for file in sorted(by_file):
            if file.startswith(prefix) and file not in seen and file.endswith(".yaml"):
                errors = [d for d in by_file[file] if d.severity is Severity.ERROR]
                if errors:
                    stem = file.rsplit("/", 1)[-1].removesuffix(".yaml")
                    row = _row(kind, stem, "", file, errors)
                    rows.append(
                        Row(
                            kind,
                            stem,
                            "",
                            file,
                            "not_eligible",
                            (text.UNREADABLE, *row.reasons),
                            (),
                        )
                    )
    return rows


def eligibility_report(root: Path, now: datetime, batch: str) -> list[Row]:
    dataset, findings = validate_repository(root, now)
    return eligibility_rows(dataset, findings, batch)


def counts(rows: Sequence[Row]) -> dict[str, int]:
    return {
        "total": len(rows),
        **{v: sum(1 for r in rows if r.verdict == v) for v in VERDICT_ORDER},
    }


def _width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def _pad(value: str, width: int) -> str:
    return value + " " * (width - _width(value))


def as_text(rows: Sequence[Row], batch: str) -> str:
    """An aligned table; reasons after the last column, one per line."""
    table = [(text.KIND_LABELS[r.kind], r.id, r.name, text.VERDICTS[r.verdict]) for r in rows]
    header = text.TABLE_HEADERS
    widths = [max([_width(h), *(_width(t[i]) for t in table)]) for i, h in enumerate(header[:4])]
    lines = [
        "  ".join(_pad(h, w) for h, w in zip(header[:4], widths, strict=True)) + "  " + header[4]
    ]
    indent = " " * (sum(widths) + 2 * len(widths))
    for row, cells in zip(rows, table, strict=True):
        notes = [*row.reasons, *(text.PRIORITY_PREFIX + p for p in row.priorities)] or [""]
        lines.append(
            "  ".join(_pad(c, w) for c, w in zip(cells, widths, strict=True)) + "  " + notes[0]
        )
        lines.extend(indent + note for note in notes[1:])
    lines.append(text.TABLE_SUMMARY.format(batch=batch, **counts(rows)))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def as_json(rows: Sequence[Row], batch: str) -> str:
    payload = {"batch": batch, "rows": [r.as_dict() for r in rows], "counts": counts(rows)}
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


FORMATS = {"text": as_text, "json": as_json}
