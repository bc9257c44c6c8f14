"""The files `techvp match` and `techvp build` write for one batch, and the appointment records
`--write-appointments` adds.

CSV files are UTF-8 with a BOM (so Excel opens them as UTF-8), "\\r\\n" line ends as the csv
module writes them; `match.json` is `MatchResult.to_json()` with sorted keys. Same result, same
bytes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from techvp.layout import record_path
from techvp.matching.records import TERM_SEP, MatchResult, score_text
from techvp.models import Appointment
from techvp.repo import Dataset
from techvp.yamlwrite import dump_record, schema_ref

FILES = ("quota.csv", "assignments.csv", "unmatched.csv", "recommendations.csv", "match.json")
ASSIGNMENT_COLUMNS = [
    "need_id",
    "expert_id",
    "score",
    "text",
    "field",
    "applied",
    "named",
    "matched_terms",
]


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def _flag(value: bool) -> int:
    return 1 if value else 0


def render(result: MatchResult) -> dict[str, str]:
    """File name → text, for every file of FILES."""
    quota = [[r.region, r.needs, r.share_text(), r.quota, r.assigned] for r in result.quota]
    assignments: list[list[object]] = [
        [
            a.need_id,
            a.expert_id,
            score_text(a.score),
            score_text(a.text),
            score_text(a.field),
            _flag(a.applied),
            _flag(a.named),
            TERM_SEP.join(a.matched_terms),
        ]
        for a in result.assignments
    ]
    recs: list[list[object]] = [
        [
            r.direction,
            r.need_id,
            r.expert_id,
            r.rank,
            score_text(r.score),
            TERM_SEP.join(r.matched_terms),
        ]
        for r in result.recommendations
    ]
    return {
        "quota.csv": _csv(["region", "needs", "share", "quota", "assigned"], list(quota)),
        "assignments.csv": _csv(ASSIGNMENT_COLUMNS, assignments),
        "unmatched.csv": _csv(
            ["need_id", "reason"], [[u.need_id, u.reason_text] for u in result.unmatched]
        ),
        "recommendations.csv": _csv(
            ["direction", "need_id", "expert_id", "rank", "score", "matched_terms"], recs
        ),
        "match.json": json.dumps(result.to_json(), ensure_ascii=False, sort_keys=True, indent=1)
        + "\n",
    }


def write_files(result: MatchResult, out: Path) -> list[Path]:
    """Write every file of FILES under `out` (created if missing); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render(result).items():
        path = out / name
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written


def write_appointments(result: MatchResult, dataset: Dataset) -> list[str]:
    """A `selected` appointment record for each proposed pair whose expert has none yet;
    returns the paths written, relative to the repository root."""
    written = []
    for a in result.assignments:
        if a.expert_id in dataset.appointments or a.expert_id in dataset.known_ids.get(
            "appointment", frozenset()
        ):
            continue
        record = Appointment(
            expert=a.expert_id, need=a.need_id, batch=result.batch, status="selected"
        )
        rel = record_path("appointment", record.model_dump())
        path = dataset.root / rel
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(dump_record(record, schema_ref("appointment", rel)).encode("utf-8"))
        written.append(rel)
    return written
