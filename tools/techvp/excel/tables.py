"""A filled-in table as declared columns: where its header is, which column holds which field, and
each cell cleaned and typed, with every problem named by sheet, row and column letter.

Both imports (需求汇总表, 科技人员汇总表) describe their columns as a `TableSpec` and go through
this one path: the header found among the first rows under the title and the stamp line, one or
two header rows (a group's merged cell above its columns), blank rows and notes under the table
skipped, merged cells in the data refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal

from techvp.diagnostics import Diagnostic, Location, error
from techvp.excel.sheets import (
    SheetData,
    clean_name,
    clean_text,
    covered,
    find_header,
    header_key,
    is_blank,
    parse_int,
    parse_number,
    parse_yes,
    where,
)

CellKind = Literal["name", "text", "int", "number", "yesno", "date", "list", "lines", "phone"]
_PROBLEMS = {
    "int": "excel.not-integer",
    "number": "excel.not-number",
    "yesno": "excel.not-yesno",
    "date": "excel.not-date",
}
_LIST_SEPARATORS = re.compile(r"[\n、，,；;]+")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # the header text
    kind: CellKind = "name"
    required: bool = False


@dataclass(frozen=True)
class TableSpec:
    """A table's columns, the header texts that together locate its header row (any one pair),
    and the field whose cell marks a row as data."""

    fields: tuple[Field, ...]
    anchors: tuple[tuple[str, str], ...]
    identity: str

    def label(self, key: str) -> str:
        return next((f.label for f in self.fields if f.key == key), "")


@dataclass
class Table:
    """One sheet located as a table: its header row, the column of each field found, the rows
    holding data (0-based), and the problems found in its header and layout."""

    sheet: SheetData
    spec: TableSpec
    file: str
    head: int
    columns: dict[str, int]
    data_rows: list[int] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)

    def problem(self, code: str, row: int, col: int | None, **params: Any) -> Diagnostic:
        loc = Location(self.file, row + 1, None if col is None else col + 1, (self.sheet.name,))
        return error(code, loc, where=where(self.sheet.name, row, col), **params)

    def read(self, row: int, out: list[Diagnostic]) -> dict[str, Any]:
        """The row's cleaned, typed values by field key; problems are added to out."""
        return {f.key: self._cell(f, row, out) for f in self.spec.fields if f.key in self.columns}

    def _cell(self, spec: Field, row: int, out: list[Diagnostic]) -> Any:
        col = self.columns[spec.key]
        raw = self.sheet.cell(row, col)
        if is_blank(raw):
            if spec.required:
                out.append(self.problem("excel.required", row, col, column=spec.label))
            return [] if spec.kind in ("list", "lines") else None
        value = parse_cell(spec.kind, raw)
        if value is None:
            column = spec.label.split("（")[0]
            shown = clean_text(raw) or ""
            out.append(self.problem(_PROBLEMS[spec.kind], row, col, column=column, value=shown))
        return value


def parse_cell(kind: CellKind, raw: Any) -> Any:
    """A non-blank cell's value as its kind wants it; None when it cannot be read as such."""
    if kind == "int":
        return parse_int(raw)
    if kind == "number":
        return parse_number(raw)
    if kind == "yesno":
        return parse_yes(raw)
    if kind == "date":
        return parse_date(raw)
    if kind == "text":
        return clean_text(raw)
    if kind == "phone":  # full-width digits and spaces typed between groups of digits
        return re.sub(r"\s", "", unicodedata.normalize("NFKC", clean_text(raw) or ""))
    if kind == "lines":
        return (clean_text(raw) or "").split("\n")
    if kind == "list":
        cleaned = clean_text(raw) or ""
        names = (clean_name(p) for p in _LIST_SEPARATORS.split(cleaned))
        return list(dict.fromkeys(n for n in names if n))  # a name typed twice is listed once
    return clean_name(raw)


def parse_date(value: Any) -> date | None:
    """A date typed as a date, as text (1979-10-30, 1979/10/30, 1979年10月30日, full-width
    digits), or left as Excel's day number."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _EXCEL_EPOCH + timedelta(days=int(value)) if 1 <= value < 100000 else None
    folded = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE.fullmatch(folded)
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def locate(sheet: SheetData, spec: TableSpec, file: str) -> Table | None:
    """The sheet as this table, or None when its header is not among the first rows."""
    head = None
    for first, second in spec.anchors:
        head = find_header(sheet, first, second)
        if head is not None:
            break
    if head is None:
        return None
    columns, header_rows = _columns(sheet, spec, head)
    table = Table(sheet, spec, file, head, columns)
    for item in spec.fields:
        if item.required and item.key not in columns:
            table.problems.append(
                table.problem("excel.missing-column", head, None, column=item.label)
            )
    if table.problems:
        return table
    rows = range(head + header_rows, len(sheet.rows))
    table.data_rows = [r for r in rows if _is_data(table, r)]
    for span in covered(sheet.merged, set(table.data_rows)):
        loc = Location(file, None, None, (sheet.name,))
        table.problems.append(
            error("excel.merged-data", loc, where=f"工作表“{sheet.name}”", range=span)
        )
    return table


def _columns(sheet: SheetData, spec: TableSpec, head: int) -> tuple[dict[str, int], int]:
    """Column index by field key, and the number of header rows (1 or 2). A header text that
    two fields share (是否已经协商一致) goes to them in order."""
    by_label: dict[str, list[str]] = {}
    for item in spec.fields:
        by_label.setdefault(header_key(item.label), []).append(item.key)
    below = sheet.rows[head + 1] if head + 1 < len(sheet.rows) else []
    upper = {header_key(v) for v in sheet.rows[head]}
    rows = 2 if any(header_key(v) in by_label and header_key(v) not in upper for v in below) else 1
    found: dict[str, int] = {}
    for col in range(max(len(sheet.rows[head]), len(below))):
        under = sheet.cell(head + 1, col) if rows == 2 else None
        label = header_key(under if not is_blank(under) else sheet.cell(head, col))
        keys = [k for k in by_label.get(label, []) if k not in found]
        if keys:
            found[keys[0]] = col
    return found, rows


def _is_data(table: Table, row: int) -> bool:
    """A row with the identity cell filled, or three filled data cells; a blank row, a note
    under the table (注：…) or the form's “……” row is not."""
    cells = table.columns.items()
    filled = [k for k, c in cells if k != "number" and not is_blank(table.sheet.cell(row, c))]
    return table.spec.identity in filled or len(filled) >= 3


__all__ = ["Field", "Table", "TableSpec", "locate", "parse_cell", "parse_date"]
