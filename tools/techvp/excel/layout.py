"""The export engine: a form is a declaration (title, columns, groups); `write_form` lays it out
like the paper form and saves it byte-identically.

Every sheet: the title merged across the table; the stamp line (填报单位（加盖公章）：…); one or
two header rows (a column with a `group` sits under that group's merged cell, a column without
one is merged over both rows); thin borders, wrapped text, a CJK font; the header frozen and
repeated on every printed page; A4 landscape, fitted to the page width.

Written with XlsxWriter, which writes the same features as openpyxl (merged cells, data
validations, freeze panes, print settings) about three times faster (benchmarks/excel.py). Every
cell is written by its type (write_string, never write(), which would turn text that looks like a
formula or a link into one). The document times are the caller's, and the zip is rewritten with a
fixed date on every entry, so the same records give the same bytes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from techvp.messages import excel as text

FONT_NAME = "宋体"  # SimSun; LibreOffice falls back to an installed CJK font (Noto CJK)
# "digits": text of digits (an account number) that Excel must keep as text, format "@".
Kind = Literal["text", "int", "number", "date", "tick", "yesno", "digits"]
LINE_POINTS = 14.5  # one line of 11-point text
LIST_LIMIT = 255  # characters of a drop-down list written into its rule
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry

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
    """Width of a line in Excel's units (a digit): a CJK or full-width character takes two.
    Counted from the UTF-8 length (1 byte: one unit; 3 bytes — CJK, and the quotes and dashes a
    CJK font also draws full-width: two), which is done in C: a regex was an eighth of an
    export's time."""
    return len(value) + (len(value.encode("utf-8")) - len(value)) // 2


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


class _Formats:
    """The workbook's cell formats, made once: a format per kind of cell, one per body column."""

    def __init__(self, wb: Workbook, form: Form) -> None:
        base = {"font_name": FONT_NAME, "font_size": 11, "valign": "vcenter"}
        boxed = {**base, "border": 1, "text_wrap": True}
        self.title = wb.add_format({**base, "font_size": 16, "bold": True, "align": "center"})
        self.title.set_text_wrap()
        # seed 002 附件2's stamp has two lines: wrapped at its line break
        self.stamp = wb.add_format({**base, "text_wrap": "\n" in form.stamp})
        self.note = wb.add_format({**base, "valign": "top"})
        self.head = wb.add_format({**boxed, "bold": True, "align": "center"})
        self.body = [
            wb.add_format(
                {
                    **boxed,
                    **({"align": "center"} if col.kind not in ("text", "digits") else {}),
                    **(
                        {"num_format": _NUMBER_FORMATS[col.kind]}
                        if col.kind in _NUMBER_FORMATS
                        else {}
                    ),
                }
            )
            for col in form.columns
        ]


def write_value(ws: Worksheet, row: int, col: int, value: Any, fmt: Format) -> None:
    """One typed cell: write() would turn text that looks like a formula or a link into one."""
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        ws.write_string(row, col, value, fmt)
    elif isinstance(value, date):
        ws.write_datetime(row, col, value, fmt)
    else:
        ws.write_number(row, col, value, fmt)


def _write_header(ws: Worksheet, form: Form, fmt: Format) -> None:
    """One or two header rows: a group's merged cell above its columns, a column without one
    merged over both rows."""
    cols = form.columns
    if not form.two_level:
        for index, col in enumerate(cols):
            write_value(ws, 2, index, col.header, fmt)
        return
    start = 0
    while start < len(cols):
        col = cols[start]
        end = start
        while col.group and end + 1 < len(cols) and cols[end + 1].group == col.group:
            end += 1
        if col.group:
            if end > start:
                ws.merge_range(2, start, 2, end, col.group, fmt)
            else:
                ws.write_string(2, start, col.group, fmt)
            for index in range(start, end + 1):
                write_value(ws, 3, index, cols[index].header, fmt)
        else:
            ws.merge_range(2, start, 3, start, col.header, fmt)
        start = end + 1


class _Runs:
    """Columns declared `merge_runs`: a value repeated in the rows below one cell (a region
    beside its experts) is written once, merged down over the run, as on the paper form."""

    def __init__(self, form: Form) -> None:
        self.columns = [i for i, c in enumerate(form.columns) if c.merge_runs]
        self.open: dict[int, tuple[Any, int, int]] = {}  # column → value, first and last row
        self.ranges: list[tuple[int, int, int, Any]] = []  # column, first and last row, value

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
            self.ranges.append((index, first, last, value))

    def close(self) -> list[tuple[int, int, int, Any]]:
        for index in list(self.open):
            self._end(index)
        return self.ranges


def _header_heights(form: Form) -> list[float]:
    widths = [c.width for c in form.columns]
    if not form.two_level:
        return [row_height([c.header for c in form.columns], widths)]
    top = [c.group or c.header for c in form.columns]
    bottom = [c.header if c.group else None for c in form.columns]
    return [row_height(top, widths), row_height(bottom, widths)]


def _list_source(wb: Workbook, values: Sequence[str]) -> list[str] | str:
    """A drop-down's values, or, when they are longer than the 255 characters Excel allows in
    the rule itself, a range of a hidden sheet that holds them (one column per list)."""
    if len(",".join(values)) <= LIST_LIMIT:
        return list(values)
    hidden = wb.get_worksheet_by_name(text.CHOICES_SHEET)
    if hidden is None:
        hidden = wb.add_worksheet(text.CHOICES_SHEET)
        hidden.hide()
    col = 0 if hidden.dim_colmax is None else hidden.dim_colmax + 1
    for row, value in enumerate(values):
        hidden.write_string(row, col, value)
    letter = xl_col_to_name(col)
    return f"='{text.CHOICES_SHEET}'!${letter}$1:${letter}${len(values)}"


def _add_choices(wb: Workbook, ws: Worksheet, form: Form, sheet: Sheet, last_row: int) -> None:
    for index, col in enumerate(form.columns):
        values = sheet.choices.get(col.choices or "")
        if not values:
            continue
        options = {
            "validate": "list",
            "source": _list_source(wb, values),
            "ignore_blank": True,
            "error_title": text.CHOICE_ERROR_TITLE,
            "error_message": text.CHOICE_ERROR,
            "input_message": text.CHOICE_PROMPT,
        }
        ws.data_validation(form.first_data_row - 1, index, last_row - 1, index, options)


def _write_sheet(wb: Workbook, form: Form, sheet: Sheet) -> None:
    ws = wb.add_worksheet(sheet.name)
    fmt = _Formats(wb, form)
    ncols = len(form.columns)
    widths = [c.width for c in form.columns]
    for index, col in enumerate(form.columns):
        ws.set_column(index, index, col.width)
    ws.set_row(0, 36)
    ws.merge_range(0, 0, 0, ncols - 1, sheet.title, fmt.title)
    lines = form.stamp.count("\n") + 1  # seed 002 附件2's stamp has two lines
    if lines > 1:
        ws.set_row(1, round(lines * LINE_POINTS + 4, 1))
    ws.merge_range(1, 0, 1, ncols - 1, form.stamp, fmt.stamp)
    for number, height in enumerate(_header_heights(form), start=2):
        ws.set_row(number, height)
    _write_header(ws, form, fmt.head)
    row = form.first_data_row - 1  # 0-based
    runs = _Runs(form)
    for record in sheet.rows:
        values = [cell_value(c.kind, c.value(record)) for c in form.columns]
        ws.set_row(row, row_height(values, widths))
        shown = runs.next(values, row)
        for index, value in enumerate(shown):
            write_value(ws, row, index, value, fmt.body[index])
        row += 1
    for index, first, last, value in runs.close():
        ws.merge_range(first, index, last, index, None, fmt.body[index])
        write_value(ws, first, index, value, fmt.body[index])
    for _ in range(sheet.blank_rows):
        for index in range(ncols):
            ws.write_blank(row, index, None, fmt.body[index])  # typed, e.g. digits stay text
        row += 1
    for note in form.notes:
        ws.write_string(row, 0, note, fmt.note)
        row += 1
    last_row = max(row - len(form.notes), form.first_data_row)
    _add_choices(wb, ws, form, sheet, last_row)
    ws.freeze_panes(form.first_data_row - 1, 0)
    ws.repeat_rows(2, form.first_data_row - 2)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.4, right=0.4)


def write_form(form: Form, sheets: Sequence[Sheet], path: Path, when: datetime) -> Path:
    """Write the sheets of one form to path (an .xlsx); `when` is the document's time."""
    wb, raw = new_workbook(form.name, when)
    for sheet in sheets:
        _write_sheet(wb, form, sheet)
    return save_workbook(wb, raw, path)


def new_workbook(title: str, when: datetime) -> tuple[Workbook, BytesIO]:
    """A workbook written in memory, text always written as text, `when` its document time."""
    raw = BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    wb = Workbook(raw, options)
    wb.set_properties({"title": title, "author": text.CREATOR, "created": when})
    return wb, raw


def save_workbook(wb: Workbook, raw: BytesIO, path: Path) -> Path:
    """Close a workbook from `new_workbook` and write it to path with fixed zip dates."""
    wb.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fixed_zip(raw.getvalue()))
    return path


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ZIP_DATE and the same attributes and compression,
    whatever the writer stamped."""
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


__all__ = [
    "Column",
    "Form",
    "Sheet",
    "cell_value",
    "fixed_zip",
    "new_workbook",
    "save_workbook",
    "write_form",
    "write_value",
]
