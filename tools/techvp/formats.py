"""Findings as text for people, JSON for programs, GitHub workflow annotations, or a Markdown job
summary for reviewers; and the eligibility rows of a batch as a table or JSON. Every value a user
typed is masked on the way out. Each findings format can leave out the lower severities (`least`);
its counts always cover everything found.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any, Protocol

from techvp import jsontext, reportjson
from techvp.diagnostics import Diagnostic, Findings, Severity
from techvp.guard.scan import redact
from techvp.messages import SEVERITY_LABELS
from techvp.messages import forge as ftext
from techvp.messages import policy as ptext
from techvp.messages.cli import SUMMARY
from techvp.policies.eligibility import Row, counts


def _source_line(root: Path, diag: Diagnostic, cache: dict[str, list[str]]) -> str | None:
    loc = diag.location
    if loc.line is None:
        return None
    if loc.file not in cache:
        try:
            text = (root / loc.file).read_bytes()[:2_000_000].decode("utf-8", errors="replace")
            cache[loc.file] = text.splitlines()
        except OSError:
            cache[loc.file] = []
    lines = cache[loc.file]
    return redact(lines[loc.line - 1]) if 0 < loc.line <= len(lines) else None


def _message(diag: Diagnostic) -> str:
    """The message with any ID/card number or secret a user typed into a value masked."""
    return redact(diag.message)


# Most serious first: `least` keeps a severity and everything above it.
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.PRIORITY: 2}


def shown(findings: Findings, least: Severity = Severity.PRIORITY) -> list[Diagnostic]:
    """The diagnostics a format lists, in the stable order: those at `least` or more serious."""
    return [d for d in findings.sorted() if _RANK[d.severity] <= _RANK[least]]


def summary(findings: Findings, least: Severity = Severity.PRIORITY) -> str:
    """The counts of everything found, and a note when `least` left some out of the list."""
    counts = SUMMARY.format(**findings.counts())
    if least is Severity.PRIORITY or all(_RANK[d.severity] <= _RANK[least] for d in findings):
        return counts
    return counts + ftext.HIDDEN.format(shown=ftext.SHOWN[least.value])


def as_text(findings: Findings, root: Path, least: Severity = Severity.PRIORITY) -> str:
    """Grouped by file, each problem with the offending line and a caret under the column."""
    out: list[str] = []
    cache: dict[str, list[str]] = {}
    for file, group in groupby(shown(findings, least), key=lambda d: d.location.file):
        out.append(file)
        for diag in group:
            loc = diag.location
            where = f"{loc.line}:{loc.column}" if loc.column else f"{loc.line or '-'}"
            field = f" [{loc.field}]" if loc.field else ""
            label = SEVERITY_LABELS[diag.severity.value]
            out.append(f"  {where}  {label}  {_message(diag)}{field}  ({diag.code})")
            line = _source_line(root, diag, cache)
            if line is not None and loc.column:
                shown_line = line.replace("\t", " ")[:200]
                out.append(f"      {loc.line:>4} | {shown_line}")
                out.append(f"           | {' ' * (min(loc.column, 200) - 1)}^")
        out.append("")
    out.append(summary(findings, least))
    return "\n".join(out) + "\n"


def as_json(findings: Findings, root: Path, least: Severity = Severity.PRIORITY) -> str:
    return reportjson.report(shown(findings, least), findings.counts())


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.PRIORITY: "notice"}


def _changed_first(diags: list[Diagnostic], first: Collection[str]) -> list[Diagnostic]:
    """The same diagnostics, those in the files of `first` (the change under review) first."""
    return sorted(diags, key=lambda d: d.location.file not in first)


def as_github(
    findings: Findings,
    root: Path,
    least: Severity = Severity.PRIORITY,
    *,
    first: Collection[str] = (),
) -> str:
    """One workflow command per diagnostic, so each shows on the pull request's changed line.

    GitHub shows only the first ten annotations of each level in a step, so errors come first,
    then warnings, then notices, and within each the files of `first` (those the pull request
    changes) before the rest. A file's path is the one in the diff (relative to the repository's
    top, where the workflow runs)."""
    out = []
    ordered = _changed_first(shown(findings, least), first)
    for diag in sorted(ordered, key=lambda d: _RANK[d.severity]):
        loc = diag.location
        props = [f"file={_escape_property(loc.file)}"]
        if loc.line:
            props.append(f"line={loc.line}")
        if loc.column:
            props.append(f"col={loc.column}")
        props.append(f"title={_escape_property(diag.code)}")
        message = _escape_data(_message(diag))
        out.append(f"::{_GITHUB_LEVEL[diag.severity]} {','.join(props)}::{message}")
    out.append(summary(findings, least))
    return "\n".join(out) + "\n"


# ---- the reviewer's job summary (GitHub-flavoured Markdown, $GITHUB_STEP_SUMMARY) --------------

# A step summary holds at most 1 MiB: long lists are cut with a note to run techvp validate.
SUMMARY_FILES = 100
SUMMARY_ITEMS = 50  # warnings to decide, priorities
SUMMARY_FILE_ITEMS = 10  # problems listed under each file
_MARKDOWN = {c: "\\" + c for c in "\\`*_[]|~#!"} | {
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
    "@": "&#64;",  # no @mention from a value someone typed
    "\n": " ",
    "\r": " ",
}


def _md(text: str) -> str:
    """Text a user may have typed, shown literally in Markdown (no markup, links or mentions)."""
    return "".join(_MARKDOWN.get(c, c) for c in text)


def _where(diag: Diagnostic) -> str:
    loc = diag.location
    if loc.line is None:
        where = ftext.AT_FILE
    elif loc.column:
        where = ftext.AT_LINE_COLUMN.format(line=loc.line, column=loc.column)
    else:
        where = ftext.AT_LINE.format(line=loc.line)
    return where + ("，" + ftext.FIELD.format(field=_md(loc.field)) if loc.field else "")


def _item(diag: Diagnostic, file: bool) -> str:
    label = SEVERITY_LABELS[diag.severity.value]
    head = f"{_md(diag.location.file)} " if file else ""
    return f"**{label}** {head}{_where(diag)}：{_md(_message(diag))}（{diag.code}）"


def _capped(lines: list[str], limit: int) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], "- " + ftext.MORE_ITEMS.format(count=len(lines) - limit)]


def _verdict(findings: Findings) -> str:
    counts = findings.counts()
    if counts["error"]:
        return ftext.VERDICT_ERRORS.format(**counts)
    if counts["warning"]:
        return ftext.VERDICT_WARNINGS.format(**counts)
    return ftext.VERDICT_CLEAN


def _by_file(diags: list[Diagnostic], first: Collection[str]) -> list[str]:
    """A table of counts per file, then each file's problems; at most SUMMARY_FILES files."""
    files = [(f, list(g)) for f, g in groupby(diags, key=lambda d: d.location.file)]
    out = [ftext.FILES_TITLE, "", ftext.FILE_COLUMNS, "| --- | ---: | ---: | ---: |"]
    names = {f: _md(f) + (ftext.CHANGED if f in first else "") for f, _ in files}
    for file, group in files[:SUMMARY_FILES]:
        cells = [str(sum(1 for d in group if d.severity is s)) for s in Severity]
        out.append(f"| {names[file]} | {' | '.join(cells)} |")
    for file, group in files[:SUMMARY_FILES]:
        out += ["", f"#### {names[file]}", ""]
        out += _capped([f"- {_item(d, False)}" for d in group], SUMMARY_FILE_ITEMS)
    if len(files) > SUMMARY_FILES:
        out += ["", ftext.MORE_FILES.format(count=len(files) - SUMMARY_FILES)]
    return out


def as_summary(
    findings: Findings,
    root: Path,
    least: Severity = Severity.PRIORITY,
    *,
    first: Collection[str] = (),
) -> str:
    """What a reviewer reads first: the verdict, the warnings to decide (a checklist), the
    priorities, then every file with its errors, warnings and priorities; in each list the files
    of `first` (those the pull request changes, marked so) before the rest."""
    diags = _changed_first(shown(findings, least), first)
    out = [ftext.SUMMARY_TITLE, "", summary(findings, least), "", _verdict(findings)]
    warnings = [d for d in diags if d.severity is Severity.WARNING]
    if warnings:
        out += ["", ftext.DECIDE_TITLE, "", ftext.DECIDE_INTRO, ""]
        out += _capped([f"- [ ] {_item(d, True)}" for d in warnings], SUMMARY_ITEMS)
    priorities = [d for d in diags if d.severity is Severity.PRIORITY]
    if priorities:
        out += ["", ftext.PRIORITY_TITLE, "", ftext.PRIORITY_INTRO, ""]
        out += _capped([f"- {_item(d, True)}" for d in priorities], SUMMARY_ITEMS)
    if diags:
        out += ["", *_by_file(diags, first)]
    return "\n".join(out) + "\n"


class Formatter(Protocol):
    def __call__(
        self, findings: Findings, root: Path, least: Severity = Severity.PRIORITY
    ) -> str: ...


class ReviewFormatter(Protocol):
    def __call__(
        self,
        findings: Findings,
        root: Path,
        least: Severity = Severity.PRIORITY,
        *,
        first: Collection[str] = (),
    ) -> str: ...


# The formats for a change under review: they put the files it changes first.
REVIEW_FORMATS: dict[str, ReviewFormatter] = {"github": as_github, "summary": as_summary}

FORMATS: dict[str, Formatter] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
    "summary": as_summary,
}


# ---- `techvp eligibility`: one row per need and expert of a batch ------------------------------


def _width(value: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def _pad(value: str, width: int) -> str:
    return value + " " * (width - _width(value))


def _reasons(row: Row) -> list[str]:
    """Why the row has its verdict, masked like every other message."""
    lead = [ptext.WITHDRAWN] if row.withdrawn else []
    if row.unreadable:
        lead = [ptext.UNREADABLE.format(file=row.file)]
    return lead + [_message(d) for d in row.reasons]


def _name(row: Row) -> str:
    """The record's name, or a note that it could not be read (the reason names the file)."""
    return row.name or ptext.UNREADABLE_NAME


def rows_as_text(rows: Sequence[Row], batch: str) -> str:
    """An aligned table; reasons after the last column, one per line."""
    table = [(ptext.KIND_LABELS[r.kind], r.id, _name(r), ptext.VERDICTS[r.verdict]) for r in rows]
    header = ptext.TABLE_HEADERS
    widths = [max([_width(h), *(_width(t[i]) for t in table)]) for i, h in enumerate(header[:4])]
    lines = [
        "  ".join(_pad(h, w) for h, w in zip(header[:4], widths, strict=True)) + "  " + header[4]
    ]
    indent = " " * (sum(widths) + 2 * len(widths))
    for row, cells in zip(rows, table, strict=True):
        priorities = [ptext.PRIORITY_PREFIX + _message(p) for p in row.priorities]
        notes = [*_reasons(row), *priorities] or [""]
        lines.append(
            "  ".join(_pad(c, w) for c, w in zip(cells, widths, strict=True)) + "  " + notes[0]
        )
        lines.extend(indent + note for note in notes[1:])
    lines.append(ptext.TABLE_SUMMARY.format(batch=batch, **counts(rows)))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _row_dict(row: Row) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "kind_label": ptext.KIND_LABELS[row.kind],
        "id": row.id,
        "name": row.name,
        "file": row.file,
        "verdict": row.verdict,
        "verdict_label": ptext.VERDICTS[row.verdict],
        "reasons": _reasons(row),
        "priorities": [_message(p) for p in row.priorities],
        "withdrawn": row.withdrawn,
        "unreadable": row.unreadable,
    }


def rows_as_json(rows: Sequence[Row], batch: str) -> str:
    payload = {"batch": batch, "rows": [_row_dict(r) for r in rows], "counts": counts(rows)}
    return jsontext.dumps(payload) + "\n"


ROW_FORMATS: dict[str, Callable[[Sequence[Row], str], str]] = {
    "text": rows_as_text,
    "json": rows_as_json,
}
