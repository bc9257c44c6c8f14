"""The export engine: a form is a declaration (title, columns, groups); `write_form` lays it out
like the paper form and saves it byte-identically.

Every sheet: the title merged across the table; the stamp line (填报单位（加盖公章）：…); one or
two header rows (a column with a `group` sits under that group's merged cell, a column without
one is merged over both rows); thin borders, wrapped text, a CJK font; the header frozen and
repeated on every printed page; A4 landscape, fitted to the page width.

Sheets are streamed with openpyxl's write-only mode, which keeps merged cells, data validations,
freeze panes and print settings (they are written after the rows). Saving goes through
`ExcelWriter` with the document times set by the caller, and the zip is then rewritten with a
fixed date on every entry, so the same records give the same bytes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from techvp.messages import excel as text

FONT_NAME = "宋体"  # SimSun; LibreOffice falls back to an installed CJK font (Noto CJK)
# "digits": text of digits (an account number) that Excel must keep as text, format "@".
Kind = Literal["text", "int", "number", "date", "tick", "yesno", "digits"]
LINE_POINTS = 14.5  # one line of 11-point text
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry

_WIDE = re.compile("[\u2e80-\U0010ffff]")
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_TITLE_FONT = Font(name=FONT_NAME, size=16, bold=True)
_HEAD_FONT = Font(name=FONT_NAME, size=11, bold=True)
_BODY_FONT = Font(name=FONT_NAME, size=11)
_NUMBER_FORMATS = {"int": "0", "number": "0.##", "date": "yyyy-mm-dd", "digits": "@"}


@dataclass(frozen=True)
class Column:
    """One column: its header, the group above it (two-level headers), where its value comes from,
    its width in characters, and its kind (how the value is written and read back)."""

    header: str
    value: Callable[[Any], Any]
    width: float = 12
    group: str | None = None
    kind: Kind = "text"
    choices: str | None = None  # a named list of allowed values for blank templates
    merge_runs: bool = False  # equal values in consecutive rows merged into one cell


@dataclass(frozen=True)
class Form:
    """A paper form: its file name, title template ({year} and the like), and columns."""

    name: str
    title: str
    columns: tuple[Column, ...]
    stamp: str = text.STAMP_LINE
    notes: tuple[str, ...] = ()

    @property
    def two_level(self) -> bool:
        return any(c.group for c in self.columns)

    @property
    def header_rows(self) -> int:
        return 2 if self.two_level else 1

    @property
    def first_data_row(self) -> int:
        return 3 + self.header_rows


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook: its tab name, its title, and the records behind its rows."""

    name: str
    title: str
    rows: Iterable[Any]
    blank_rows: int = 0  # empty bordered rows (blank templates)
    choices: dict[str, Sequence[str]] = field(default_factory=dict)


def cell_value(kind: Kind, value: Any) -> Any:
    """A value as the cell holds it: numbers as numbers, dates as dates, √ for a tick."""
    if value is None:
        return None
    if kind == "tick":
        return text.TICK if value else None
    if kind == "yesno":
        return text.YES if value else text.NO
    if kind == "int":
        return int(value)
    if kind == "number":
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)
    if kind == "date":
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    return str(value)


def display_units(value: str) -> int:
    """Width of a line in Excel's units (a digit): a CJK or full-width character takes two."""
    return len(value) + len(_WIDE.findall(value))


def row_height(values: Sequence[Any], widths: Sequence[float]) -> float:
    """The height in points that shows every wrapped line: viewers do not size rows that a
    streaming writer leaves unsized, and the printed form must show the whole text."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if not isinstance(value, str) or len(value) * 2 <= width - 1.5:
            continue  # a number, a date, or text that surely fits one line
        usable = int(max(width - 1.5, 1))
        count = sum(max(1, -(-display_units(part) // usable)) for part in value.split("\n"))
        lines = max(lines, count)
    return round(lines * LINE_POINTS + 4, 1)


def _cell(ws: Any, value: Any, font: Font, align: Alignment, fmt: str | None = None) -> Any:
    cell = WriteOnlyCell(ws, value=value)
    cell.font, cell.alignment, cell.border = font, align, _BORDER
    if fmt is not None:
        cell.number_format = fmt
    return cell


def _column_styles(ws: Any, form: Form) -> list[Any]:
    """Each column's cell style, made once: styling every cell anew hashes its font, border and
    alignment against the workbook's tables, which was half the time of a large export. The style
    array is openpyxl's own (`Cell(style_array=...)` copies it)."""
    styles = []
    for col in form.columns:
        align = _CENTER if col.kind not in ("text", "digits") else _WRAP
        proto = _cell(ws, None, _BODY_FONT, align, _NUMBER_FORMATS.get(col.kind))
        styles.append(proto._style)
    return styles


def _plain(ws: Any, value: Any, font: Font, align: Alignment) -> Any:
    cell = WriteOnlyCell(ws, value=value)
    cell.font, cell.alignment = font, align
    return cell


def _header_rows(form: Form, ws: Any) -> list[list[Any]]:
    """The header cells (a merged cell's covered cells carry its borders) and their merges."""
    cols = form.columns
    if not form.two_level:
        return [[_cell(ws, c.header, _HEAD_FONT, _CENTER) for c in cols]]
    top: list[Any] = []
    bottom: list[Any] = []
    row = 3
    start = 0
    while start < len(cols):
        col = cols[start]
        end = start
        while col.group and end + 1 < len(cols) and cols[end + 1].group == col.group:
            end += 1
        first, last = get_column_letter(start + 1), get_column_letter(end + 1)
        if col.group:
            top.append(_cell(ws, col.group, _HEAD_FONT, _CENTER))
            top.extend(_cell(ws, None, _HEAD_FONT, _CENTER) for _ in range(end - start))
            bottom.extend(_cell(ws, c.header, _HEAD_FONT, _CENTER) for c in cols[start : end + 1])
            if end > start:
                ws.merged_cells.add(f"{first}{row}:{last}{row}")
        else:
            top.append(_cell(ws, col.header, _HEAD_FONT, _CENTER))
            bottom.append(_cell(ws, None, _HEAD_FONT, _CENTER))
            ws.merged_cells.add(f"{first}{row}:{first}{row + 1}")
        start = end + 1
    return [top, bottom]


class _Runs:
    """Columns declared `merge_runs`: a value repeated in the rows below one cell (a region
    beside its experts) is written once, merged down over the run, as on the paper form."""

    def __init__(self, form: Form) -> None:
        self.columns = [i for i, c in enumerate(form.columns) if c.merge_runs]
        self.open: dict[int, tuple[Any, int, int]] = {}  # column → value, first and last row
        self.ranges: list[str] = []

    def next(self, values: list[Any], row: int) -> list[Any]:
        shown = list(values)
        for index in self.columns:
            value, first, last = self.open.get(index, (None, 0, 0))
            if value is not None and value == values[index] and last == row - 1:
                self.open[index] = (value, first, row)
                shown[index] = None
            else:
                self._end(index)
                self.open[index] = (values[index], row, row)
        return shown

    def _end(self, index: int) -> None:
        value, first, last = self.open.pop(index, (None, 0, 0))
        if value is not None and last > first:
            letter = get_column_letter(index + 1)
            self.ranges.append(f"{letter}{first}:{letter}{last}")

    def close(self) -> list[str]:
        for index in list(self.open):
            self._end(index)
        return self.ranges


def _add_choices(ws: Any, form: Form, sheet: Sheet, last_row: int) -> None:
    for index, col in enumerate(form.columns, start=1):
        values = sheet.choices.get(col.choices or "")
        if not values:
            continue
        letter = get_column_letter(index)
        listed = ",".join(values)
        dv = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
        dv.error, dv.errorTitle = text.CHOICE_ERROR, text.CHOICE_ERROR_TITLE
        dv.prompt = text.CHOICE_PROMPT
        dv.showErrorMessage = dv.showInputMessage = True
        dv.add(f"{letter}{form.first_data_row}:{letter}{last_row}")
        ws.data_validations.append(dv)


def _write_sheet(wb: Workbook, form: Form, sheet: Sheet) -> None:
    ws = wb.create_sheet(sheet.name)
    ncols = len(form.columns)
    last = get_column_letter(ncols)
    for index, col in enumerate(form.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = col.width
    ws.row_dimensions[1].height = 36
    # Written with the first row (the sheet's top part), so set before any row.
    ws.freeze_panes = f"A{form.first_data_row}"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.append([_plain(ws, sheet.title, _TITLE_FONT, _CENTER)])
    ws.merged_cells.add(f"A1:{last}1")
    lines = form.stamp.count("\n") + 1  # seed 002 附件2's stamp has two lines
    if lines > 1:
        ws.row_dimensions[2].height = round(lines * LINE_POINTS + 4, 1)
    stamp_align = Alignment(vertical="center", wrap_text=lines > 1 or None)
    ws.append([_plain(ws, form.stamp, _BODY_FONT, stamp_align)])
    ws.merged_cells.add(f"A2:{last}2")
    widths = [c.width for c in form.columns]
    for number, row in enumerate(_header_rows(form, ws), start=3):
        ws.row_dimensions[number].height = row_height([c.value for c in row], widths)
        ws.append(row)
    count = 0
    styles = _column_styles(ws, form)
    runs = _Runs(form)
    for record in sheet.rows:
        count += 1
        values = [cell_value(c.kind, c.value(record)) for c in form.columns]
        ws.row_dimensions[form.first_data_row + count - 1].height = row_height(values, widths)
        shown = runs.next(values, form.first_data_row + count - 1)
        ws.append([Cell(ws, 1, 1, v, st) for v, st in zip(shown, styles, strict=True)])
    for merged in runs.close():
        ws.merged_cells.add(merged)
    for _ in range(sheet.blank_rows):
        count += 1
        ws.append(
            [_cell(ws, None, _BODY_FONT, _WRAP, _NUMBER_FORMATS.get(c.kind)) for c in form.columns]
        )
    for note in form.notes:
        ws.append([_plain(ws, note, _BODY_FONT, Alignment(vertical="top"))])
    last_row = form.first_data_row + max(count, 1) - 1
    _add_choices(ws, form, sheet, last_row)
    ws.print_title_rows = f"3:{form.first_data_row - 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4


def write_form(form: Form, sheets: Sequence[Sheet], path: Path, when: datetime) -> Path:
    """Write the sheets of one form to path (an .xlsx); `when` is the document's time."""
    wb = Workbook(write_only=True)
    for sheet in sheets:
        _write_sheet(wb, form, sheet)
    return save(wb, form.name, path, when)


def save(wb: Workbook, title: str, path: Path, when: datetime) -> Path:
    """Save a workbook with `when` as the document's time and fixed zip dates."""
    wb.properties.creator = text.CREATOR
    wb.properties.title = title
    wb.properties.created = wb.properties.modified = when
    raw = BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:  # compressed once, below
        ExcelWriter(wb, archive).save()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fixed_zip(raw.getvalue()))
    return path


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_DATE (openpyxl stamps the time of saving)."""
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


__all__ = ["Column", "Form", "Sheet", "cell_value", "fixed_zip", "save", "write_form"]
