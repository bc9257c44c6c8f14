"""Findings as text for people, JSON for programs, or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

from techvp.diagnostics import Diagnostic, Findings, Severity
from techvp.guard.scan import redact
from techvp.messages import SEVERITY_LABELS
from techvp.messages.cli import SUMMARY


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


def summary(findings: Findings) -> str:
    return SUMMARY.format(**findings.counts())


def as_text(findings: Findings, root: Path) -> str:
    """Grouped by file, each problem with the offending line and a caret under the column."""
    out: list[str] = []
    cache: dict[str, list[str]] = {}
    for file, group in groupby(findings.sorted(), key=lambda d: d.location.file):
        out.append(file)
        for diag in group:
            loc = diag.location
            where = f"{loc.line}:{loc.column}" if loc.column else f"{loc.line or '-'}"
            field = f" [{loc.field}]" if loc.field else ""
            label = SEVERITY_LABELS[diag.severity.value]
            out.append(f"  {where}  {label}  {_message(diag)}{field}  ({diag.code})")
            line = _source_line(root, diag, cache)
            if line is not None and loc.column:
                shown = line.replace("\t", " ")[:200]
                out.append(f"      {loc.line:>4} | {shown}")
                out.append(f"           | {' ' * (min(loc.column, 200) - 1)}^")
        out.append("")
    out.append(summary(findings))
    return "\n".join(out) + "\n"


def as_json(findings: Findings, root: Path) -> str:
    payload = {
        "diagnostics": [{**d.as_dict(), "message": _message(d)} for d in findings.sorted()],
        "counts": findings.counts(),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.PRIORITY: "notice"}


def as_github(findings: Findings, root: Path) -> str:
    """One workflow command per diagnostic, so each shows on the pull request's changed line."""
    out = []
    for diag in findings.sorted():
        loc = diag.location
        props = [f"file={_escape_property(loc.file)}"]
        if loc.line:
            props.append(f"line={loc.line}")
        if loc.column:
            props.append(f"col={loc.column}")
        props.append(f"title={_escape_property(diag.code)}")
        out.append(
            f"::{_GITHUB_LEVEL[diag.severity]} {','.join(props)}::{_escape_data(diag.message)}"
        )
    out.append(summary(findings))
    return "\n".join(out) + "\n"


FORMATS: dict[str, Callable[[Findings, Path], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}
