"""`techvp status` and `techvp funding` as text (Chinese, aligned columns) or JSON (sorted keys,
the same bytes for the same records and `--now`). Returns strings; only the CLI prints."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import Any

from techvp.lifecycle.funding import BatchFunding, Payment
from techvp.lifecycle.status import STATUS_ORDER, Action, BatchStatus
from techvp.messages import lifecycle as text


def _width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as lines with columns padded to their widest cell (CJK counted double)."""
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]


def _region_names(regions: Sequence[tuple[str, str]]) -> dict[str, str]:
    return {slug: name for slug, name in regions}


def action_text(action: Action, names: dict[str, str]) -> str:
    return text.ACTIONS[action.key].format(
        name=names.get(action.expert) or action.expert, expert=action.expert, **action.params
    )


def status_text(status: BatchStatus) -> str:
    totals = status.totals()
    shown = [k for k in STATUS_ORDER if totals[k]] or list(STATUS_ORDER[:1])
    region_names = _region_names(status.regions)
    rows = [[text.STATUS_HEADER, *(text.STATUS_LABELS[k] for k in shown)]]
    for slug, counts in status.counts().items():
        if any(counts.values()):
            name = region_names.get(slug) or text.UNKNOWN_REGION
            rows.append([name, *(str(counts[k]) for k in shown)])
    rows.append([text.STATUS_TOTAL, *(str(totals[k]) for k in shown)])
    term = status.term
    lines = [
        text.STATUS_TITLE.format(
            batch=status.batch, day=status.day, start=term.start, end=term.end
        ),
        "",
        *table(rows),
        "",
    ]
    names = {s.expert: s.name for s in status.standings}
    if not status.actions:
        lines.append(text.NO_ACTIONS)
    else:
        lines.append(text.ACTIONS_TITLE.format(count=len(status.actions)))
        for slug, _ in [*status.regions, ("", "")]:
            mine = [a for a in status.actions if a.region == slug]
            if mine:
                lines.append(f"  {region_names.get(slug) or text.UNKNOWN_REGION}：")
                lines.extend(f"    - {action_text(a, names)}" for a in mine)
    late = [s for s in status.standings if s.late]
    if late:
        lines += ["", text.LATE_TITLE]
        for s in late:
            periods = "、".join(s.late)
            lines.append(
                "  - " + text.LATE_NOTE.format(name=s.name, expert=s.expert, periods=periods)
            )
    return "\n".join(lines) + "\n"


def status_json(status: BatchStatus) -> str:
    data: dict[str, Any] = {
        "batch": status.batch,
        "day": status.day.isoformat(),
        "term": {"start": status.term.start.isoformat(), "end": status.term.end.isoformat()},
        "counts": status.counts(),
        "totals": status.totals(),
        "appointments": [
            {
                "expert": s.expert,
                "name": s.name,
                "need": s.need,
                "region": s.region,
                "status": s.status,
                "overdue": list(s.overdue),
                "late": list(s.late),
                "reported": list(s.reported),
            }
            for s in status.standings
        ],
        "actions": [
            {"key": a.key, "expert": a.expert, "region": a.region, **dict(a.params)}
            for a in status.actions
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _payment_row(p: Payment, region_names: dict[str, str]) -> list[str]:
    return [
        region_names.get(p.region) or text.UNKNOWN_REGION,
        p.expert,
        p.name,
        text.TRANCHE_LABELS[p.when],
        f"{p.amount:f}",
        p.due_from.isoformat() if p.due_from else "—",
        text.FUNDING_REASONS[p.reason],
    ]


def funding_text(funding: BatchFunding) -> str:
    region_names = _region_names(funding.regions)
    rows = [list(text.FUNDING_HEADERS)]
    rows += [_payment_row(p, region_names) for p in funding.payments]
    lines = [
        text.FUNDING_TITLE.format(
            batch=funding.batch, day=funding.day, per_person=f"{funding.per_person:f}"
        ),
        "",
        *table(rows),
        "",
        text.FUNDING_TOTALS_TITLE,
    ]
    for slug, t in funding.totals().items():
        if t.count or t.pending:
            region = region_names.get(slug) or text.UNKNOWN_REGION
            lines.append(
                "  "
                + text.FUNDING_TOTAL_LINE.format(
                    region=region, due=f"{t.due:f}", count=t.count, pending=f"{t.pending:f}"
                )
            )
    t = funding.total()
    lines.append(
        "  "
        + text.FUNDING_BATCH_LINE.format(due=f"{t.due:f}", count=t.count, pending=f"{t.pending:f}")
    )
    return "\n".join(lines) + "\n"


def funding_json(funding: BatchFunding) -> str:
    def total(t: Any) -> dict[str, Any]:
        return {"due": f"{t.due:f}", "count": t.count, "pending": f"{t.pending:f}"}

    data = {
        "batch": funding.batch,
        "day": funding.day.isoformat(),
        "per_person": f"{funding.per_person:f}",
        "payments": [
            {
                "expert": p.expert,
                "name": p.name,
                "region": p.region,
                "tranche": p.index,
                "when": p.when,
                "amount": f"{p.amount:f}",
                "due_from": p.due_from.isoformat() if p.due_from else None,
                "reason": p.reason,
            }
            for p in funding.payments
        ],
        "regions": {slug: total(t) for slug, t in funding.totals().items()},
        "total": total(funding.total()),
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
