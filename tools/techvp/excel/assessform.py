"""附件1 考核表 of seed 002 as a form sheet: the paper form's labels and answers, the summary's
long texts as merged blocks, the enterprise's six indicators, and the four opinion blocks with
their seal and date lines. One workbook, one sheet per expert (a district prints it once and
files it with its 附件2); with no expert to assess, one blank form."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from techvp.excel.formsheet import Box, FormSheet, Line, label, write_form_sheets
from techvp.excel.layout import Kind
from techvp.excel.serviceforms import OUTCOME_FIELDS, ServiceRow, choice, yes_no
from techvp.messages import excel as text
from techvp.models import Assessment

T = text.ASSESSMENT_FORM
WIDTHS = (14.0, *(10.5,) * 7)
SHEET_NAME_LIMIT = 31
_SHEET_REFUSED = re.compile(r"[\[\]:*?/\\]")


def _assessment(row: ServiceRow | None) -> Assessment | None:
    return row.assessment if row is not None else None


def _get(path: str) -> Callable[[ServiceRow | None], Any]:
    """An answer from the assessment, by attribute path (None on a blank form)."""

    def value(row: ServiceRow | None) -> Any:
        found: Any = _assessment(row)
        for part in path.split("."):
            found = getattr(found, part, None) if found is not None else None
        return found

    return value


def _yes_no(path: str) -> Callable[[ServiceRow | None], str]:
    return lambda row: yes_no(_get(path)(row))


def _outcome(name: str) -> Box:
    kind: Kind = "number" if name == "agreement_amount" else "int"
    return Box(
        lambda r: getattr(r.outcomes, name) if r is not None else None, align="center", kind=kind
    )


def _indicator(number: str, content: str, field: str) -> Line:
    path = f"enterprise_evaluation.{field}"
    if field == "satisfaction":
        answer: Callable[[Any], Any] = lambda r: choice(text.SATISFACTION_LEVELS, _get(path)(r))  # noqa: E731
    elif field == "violations":
        answer = lambda r: _yes_no(path)(r) + text.VIOLATION_NOTE  # noqa: E731
    else:
        answer = _yes_no(path)
    return Line((label(number), Box(content, span=4), Box(answer, span=3, align="center")), 2)


def _date(value: date | None) -> str:
    if value is None:
        return text.DATE_BLANK
    return text.DATE_LINE.format(year=value.year, month=value.month, day=value.day)


def _opinion(key: str, name: str) -> tuple[Line, ...]:
    opinion = _get(f"opinions.{key}")
    written = Box(lambda r: getattr(opinion(r), "text", None), 7, edges="tlr", top=True)
    dated = Box(lambda r: _date(getattr(opinion(r), "date", None)), 7, align="right", edges="blr")
    return (
        Line((label(name, rows=3), written), 4),
        Line((Box(T["seal"], 7, align="right", edges="lr"),)),
        Line((dated,)),
    )


def _heading(key: str) -> Line:
    return Line((label(T[key], span=8, align="left"),))


def _long(path: str) -> Line:
    return Line((Box(_get(path), span=8, top=True),), lines=3, long=True)


ASSESSMENT_FORM = FormSheet(
    name=text.ASSESSMENT_FORM_FILE,
    title=text.ASSESSMENT_FORM_TITLE,
    widths=WIDTHS,
    lines=(
        Line(
            (
                label(T["name"]),
                Box(lambda r: r.name if r else None, 2, align="center"),
                label(T["institution"]),
                Box(lambda r: r.institution if r else None, 2, align="center"),
                label(T["title"]),
                Box(lambda r: r.title if r else None, align="center"),
            ),
            2,
        ),
        Line(
            (
                label(T["outcomes"], rows=2),
                *(label(text.OUTCOME_HEADERS[name]) for name in OUTCOME_FIELDS),
            )
        ),
        Line(tuple(_outcome(name) for name in OUTCOME_FIELDS), 2),
        Line((label(T["first_fund"], 5), Box(_yes_no("first_fund_received"), 3, align="center"))),
        Line((label(T["funds_used"], 5), Box(_yes_no("funds_used_properly"), 3, align="center"))),
        Line((label(T["enterprise"]), Box(lambda r: r.enterprise if r else None, 7)), 2),
        Line((label(T["summary"], span=8),)),
        _heading("work"),
        _heading("achievements"),
        _long("summary.achievements"),
        _heading("experience"),
        _long("summary.experience"),
        _heading("shortcomings"),
        _long("shortcomings"),
        _heading("suggestions"),
        _long("suggestions"),
        Line((label(T["evaluation"], span=8),), break_before=True),
        Line(
            (
                label(T["indicator_name"]),
                label(T["indicator_content"], 4),
                label(T["indicator_value"], 3),
            )
        ),
        *(_indicator(*item) for item in text.INDICATORS),
        *(line for key, name in text.OPINIONS for line in _opinion(key, name)),
    ),
)


def _cut(name: str, limit: int) -> str:
    """At most limit characters, not starting or ending with an apostrophe (Excel refuses it)."""
    return name[:limit].strip("'") or "_"


def sheet_names(rows: Sequence[ServiceRow]) -> list[str]:
    """Each expert's tab: the name, or name and id when two experts share a name; a character
    Excel refuses in a tab's name ([]:*?/\\) becomes _, and a name still taken once cut to
    Excel's 31 characters (compared as Excel does, ignoring case) gets a number."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.name] = counts.get(row.name, 0) + 1
    names: list[str] = []
    taken = {"history"}  # Excel reserves it
    for row in rows:
        name = row.name if counts[row.name] == 1 else f"{row.name}-{row.appointment.expert}"
        name = _SHEET_REFUSED.sub("_", name)
        tab, number = _cut(name, SHEET_NAME_LIMIT), 1
        while tab.casefold() in taken:
            number += 1
            tab = f"{_cut(name, SHEET_NAME_LIMIT - len(str(number)) - 1)}-{number}"
        taken.add(tab.casefold())
        names.append(tab)
    return names


def write_assessment_forms(
    rows: Sequence[ServiceRow], batch_label: str, out: Path, when: datetime
) -> Path:
    title = ASSESSMENT_FORM.title.format(batch=batch_label)
    sheets: list[tuple[str, str, Any]] = [
        (name, title, row) for name, row in zip(sheet_names(rows), rows, strict=True)
    ]
    if not sheets:
        sheets = [(text.ASSESSMENT_FORM_BLANK_SHEET, title, None)]
    return write_form_sheets(ASSESSMENT_FORM, sheets, out / f"{ASSESSMENT_FORM.name}.xlsx", when)
