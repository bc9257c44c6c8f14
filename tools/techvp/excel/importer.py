"""`techvp import-excel`: filled-in 需求汇总表 and 科技人员汇总表 → one record per row.

Which table a sheet holds is told by its header (序号 + 申报企业名称: needs; 姓名 + 派出单位:
experts), so one file may carry both, on separate sheets. Reading, header finding and cell
cleaning are one path for both (`tables`); what a row becomes is the kind's (`needrows`,
`expertrows`).

Nothing is written unless every row imports cleanly (or `partial`); a row whose enterprise
already has a need, or whose person is already in the batch, is reported and skipped, so
importing the same file again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from techvp.build import run
from techvp.diagnostics import Diagnostic, Findings, Location, error, warning
from techvp.excel.expertrows import ExpertRows
from techvp.excel.forms import batch_of
from techvp.excel.needrows import NeedRows
from techvp.excel.sheets import HEADER_SEARCH_ROWS, read_workbook, where
from techvp.excel.tables import Table, TableSpec, locate
from techvp.layout import record_path
from techvp.modelcheck import check_record
from techvp.yamlio import YamlDocument
from techvp.yamlwrite import dump_record, schema_ref

_EXISTS = {"need": "excel.enterprise-exists", "expert": "excel.expert-exists"}
_REPEAT = {"need": "excel.duplicate-row", "expert": "excel.duplicate-person"}


class RowKind(Protocol):
    """What one kind of table makes of its rows (NeedRows, ExpertRows)."""

    kind: str
    spec: TableSpec
    field_columns: dict[tuple[str, ...], str]
    existing: dict[str, str]  # key → file of the records already in the batch

    @property
    def model(self) -> type[BaseModel]: ...

    def begin(self, table: Table) -> None: ...
    def record(
        self, table: Table, r: int, row: dict[str, Any], found: list[Diagnostic]
    ) -> dict[str, Any] | None: ...
    def accept(self, record: dict[str, Any]) -> None: ...
    def key(self, record: dict[str, Any]) -> str: ...
    def name(self, record: dict[str, Any]) -> str: ...
    def details(self, record: dict[str, Any]) -> dict[str, str]: ...
    def repeats(self, earlier: dict[str, Any], record: dict[str, Any]) -> bool: ...


@dataclass
class ImportResult:
    findings: Findings = field(default_factory=Findings)
    written: list[str] = field(default_factory=list)
    skipped: int = 0


@dataclass
class _Row:
    kind: RowKind
    sheet: str
    row: int  # 0-based
    data: dict[str, Any]


def _sheet_rows(kind: RowKind, table: Table, out: list[Diagnostic]) -> Iterator[_Row]:
    """The records of one located table; every problem is added to out."""
    kind.begin(table)
    out.extend(table.problems)
    for r in table.data_rows:
        found: list[Diagnostic] = []
        values = table.read(r, found)
        record = kind.record(table, r, values, found)
        out.extend(found)
        if record is None:
            continue
        _, problems = check_record(kind.model, YamlDocument(table.file, record))
        for problem in problems:
            path = tuple(str(p) for p in problem.location.key_path)
            key = kind.field_columns.get(path[:2]) or kind.field_columns.get(path[:1])
            col = table.columns.get(key) if key else None
            label = kind.spec.label(key or "")
            out.append(table.problem("excel.invalid", r, col, column=label, reason=problem.message))
        if not problems:
            kind.accept(record)
            yield _Row(kind, table.sheet.name, r, record)


def import_file(
    path: Path, batch_id: str, root: Path, now: datetime, partial: bool = False, shown: str = ""
) -> ImportResult:
    """Read the file and write the records it holds (see the module's docstring)."""
    shown = shown or path.name
    sheets = read_workbook(path, shown)
    result = run(root, now)
    batch = batch_of(result.dataset, batch_id)
    kinds: list[RowKind] = [NeedRows(result, batch), ExpertRows(result, batch)]
    out: list[Diagnostic] = []
    rows: list[_Row] = []
    located = False
    for sheet in sheets:
        for kind in kinds:
            table = locate(sheet, kind.spec, shown)
            if table is not None:
                located = True
                rows.extend(_sheet_rows(kind, table, out))
                break
    outcome = ImportResult()
    if not located:
        loc = Location(shown)
        out.append(error("excel.no-header", loc, where=shown, rows=HEADER_SEARCH_ROWS))
    outcome.findings.extend(out)
    new = list(_new_rows(rows, outcome, shown))
    if not outcome.findings.ok and not partial:
        outcome.skipped = len(rows)
        return outcome
    for item in new:
        rel = record_path(item.kind.kind, item.data)
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_record(item.data, schema_ref(item.kind.kind, rel)), encoding="utf-8")
        outcome.written.append(rel)
    return outcome


def _new_rows(rows: list[_Row], outcome: ImportResult, shown: str) -> Iterator[_Row]:
    """Rows whose record is not in the batch yet, nor earlier in the file (unless the kind
    says two such rows are two records)."""
    seen: dict[tuple[str, str], _Row] = {}
    for item in rows:
        kind = item.kind
        key = kind.key(item.data)
        earlier = seen.get((kind.kind, key))
        loc = Location(shown, item.row + 1, None, (item.sheet,))
        params = {"where": where(item.sheet, item.row), "name": kind.name(item.data)}
        params.update(kind.details(item.data))
        if key in kind.existing:
            found = warning(_EXISTS[kind.kind], loc, file=kind.existing[key], **params)
        elif earlier is not None and kind.repeats(earlier.data, item.data):
            found = warning(_REPEAT[kind.kind], loc, other=earlier.row + 1, **params)
        else:
            seen.setdefault((kind.kind, key), item)
            yield item
            continue
        outcome.findings.add(found)
        outcome.skipped += 1


__all__ = ["ImportResult", "import_file"]
