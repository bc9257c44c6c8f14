"""The verdict on each need and expert of a batch: eligible, not eligible, or to be reviewed.

A record with an error is not eligible, one with only warnings needs review, the rest are
eligible; priority findings are kept beside the verdict. A withdrawn need is not eligible. Files
in a batch's folders that could not be read at all appear too, as not eligible.

Pure: reads a loaded Dataset and the Findings of a validation, prints and loads nothing (the
tables are in techvp.formats). Matching reads the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from techvp.diagnostics import Diagnostic, Findings, Location, Severity, TechvpError, error
from techvp.layout import SUBMISSIONS
from techvp.messages.policy import LIST_SEP, NONE
from techvp.repo import Dataset

Verdict = Literal["eligible", "not_eligible", "review"]
VERDICT_ORDER: tuple[Verdict, ...] = ("eligible", "not_eligible", "review")
Kind = Literal["need", "expert"]
_FOLDERS: tuple[tuple[Kind, str], ...] = (("need", "needs"), ("expert", "experts"))


class UnknownBatch(TechvpError):
    """The batch asked for has no valid batch file."""

    def __init__(self, batch: str, known: Sequence[str]) -> None:
        choices = LIST_SEP.join(known) or NONE
        super().__init__(
            error("eligibility.unknown-batch", Location(SUBMISSIONS), batch=batch, choices=choices)
        )


@dataclass(frozen=True)
class Row:
    kind: Kind
    id: str
    name: str  # "" when the file could not be read (see `unreadable`)
    file: str  # relative to the repository root
    verdict: Verdict
    reasons: tuple[Diagnostic, ...]  # errors and warnings, in file order
    priorities: tuple[Diagnostic, ...]
    withdrawn: bool = False  # a withdrawn need: not eligible whatever else is found
    unreadable: bool = False  # the file did not load: not eligible until it is fixed


def _verdict(diags: Iterable[Diagnostic]) -> Verdict:
    severities = {d.severity for d in diags}
    if Severity.ERROR in severities:
        return "not_eligible"
    return "review" if Severity.WARNING in severities else "eligible"


def _row(kind: Kind, rid: str, name: str, file: str, found: Iterable[Diagnostic]) -> Row:
    diags = sorted(found, key=Diagnostic.sort_key)
    reasons = tuple(d for d in diags if d.severity is not Severity.PRIORITY)
    priorities = tuple(d for d in diags if d.severity is Severity.PRIORITY)
    return Row(kind, rid, name, file, _verdict(diags), reasons, priorities)


def _by_file(findings: Findings) -> dict[str, list[Diagnostic]]:
    by_file: dict[str, list[Diagnostic]] = {}
    for diag in findings:
        by_file.setdefault(diag.location.file, []).append(diag)
    return by_file


def verdicts(dataset: Dataset, findings: Findings) -> dict[str, tuple[Row, ...]]:
    """Every batch's rows (needs by id, experts by id, then unreadable files), in one pass."""
    by_file = _by_file(findings)
    out: dict[str, list[Row]] = {batch: [] for batch in sorted(dataset.batches)}
    for need_id in sorted(dataset.needs):
        item = dataset.needs[need_id]
        if item.record.batch in out:
            found = by_file.get(item.file, ())
            row = _row("need", need_id, item.record.enterprise.name, item.file, found)
            if item.record.withdrawn:
                row = Row("need", need_id, row.name, row.file, "not_eligible", (), (), True)
            out[item.record.batch].append(row)
    for expert_id in sorted(dataset.experts):
        expert = dataset.experts[expert_id]
        if expert.record.batch in out:
            found = by_file.get(expert.file, ())
            out[expert.record.batch].append(
                _row("expert", expert_id, expert.record.name, expert.file, found)
            )
    loaded = {item.file for item in dataset.needs.values()}
    loaded.update(item.file for item in dataset.experts.values())
    files = sorted(by_file)
    for batch, rows in out.items():
        rows.extend(_unreadable(by_file, files, loaded, batch))
    return {batch: tuple(rows) for batch, rows in out.items()}


def _unreadable(
    by_file: Mapping[str, list[Diagnostic]], files: list[str], loaded: set[str], batch: str
) -> list[Row]:
    """Files in the batch's folders that did not load, with the errors that stopped them."""
    rows = []
    for kind, folder in _FOLDERS:
        prefix = f"{SUBMISSIONS}/{folder}/{batch}/"
        for file in files:
            if not file.startswith(prefix) or file in loaded or not file.endswith(".yaml"):
                continue
            errors = [d for d in by_file[file] if d.severity is Severity.ERROR]
            if errors:
                stem = file.rsplit("/", 1)[-1].removesuffix(".yaml")
                row = _row(kind, stem, "", file, errors)
                rows.append(
                    Row(kind, stem, "", file, "not_eligible", row.reasons, (), unreadable=True)
                )
    return rows


def eligibility_rows(dataset: Dataset, findings: Findings, batch: str) -> tuple[Row, ...]:
    """One row per need, then per expert, of the batch; raises UnknownBatch."""
    if batch not in dataset.batches:
        raise UnknownBatch(batch, sorted(dataset.batches))
    return verdicts(dataset, findings)[batch]


def counts(rows: Sequence[Row]) -> dict[str, int]:
    return {
        "total": len(rows),
        **{v: sum(1 for r in rows if r.verdict == v) for v in VERDICT_ORDER},
    }
