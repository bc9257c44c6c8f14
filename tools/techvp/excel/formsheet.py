"""Form sheets: a printable paper form (label cells and answer cells) declared as lines of boxes,
as `layout.Form` declares a table.

A `Line` is one printed row of the form; each `Box` covers `span` columns and, for a label
standing beside a block, `rows` lines downwards (the columns it covers are skipped by the lines
below, as in an HTML table). A `long` line holds one text that may run over several sheet rows
(a row is at most 409 points high, and a row split across pages prints badly): the text is cut
at line ends into rows of at most LONG_ROW_LINES lines, ruled as one block. One sheet per record;
A4 portrait, fitted to the page width, page breaks where the paper form has them. Saved through
`save` (fixed document times and zip dates: the same records give the same bytes).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from techvp.excel.layout import (
    FONT_NAME,
    LINE_POINTS,
    Kind,
    cell_value,
    display_units,
    fixed_zip,
    row_height,
)
from techvp.messages import excel as text

Align = Literal["left", "center", "right"]
LONG_ROW_LINES = 20
_THIN = Side(style="thin")
_NONE = Side()
_TITLE = Font(name=FONT_NAME, size=16, bold=True)
_LABEL = Font(name=FONT_NAME, size=11, bold=True)
_BODY = Font(name=FONT_NAME, size=11)


@dataclass(frozen=True)
class Box:
    """One cell of the form: a label's text or where an answer comes from."""

    value: str | Callable[[Any], Any]
    span: int = 1
    rows: int = 1
    label: bool = False
    align: Align = "left"
    kind: Kind = "text"
    edges: str = "tblr"  # ruled sides: top, bottom, left, right
    top: bool = False  # text starts at the top (a block written into), else centred


def label(value: str, span: int = 1, rows: int = 1, align: Align = "center") -> Box:
    return Box(value, span, rows, label=True, align=align)


@dataclass(frozen=True)
class Line:
    boxes: tuple[Box, ...]
    lines: int = 1  # at least this many lines of text high (room to write by hand)
    long: bool = False  # one text box that may run over several rows
    break_before: bool = False  # the paper form starts a new page here


@dataclass(frozen=True)
class FormSheet:
    name: str  # the file's name
    title: str  # with {batch}
    widths: tuple[float, ...]
    lines: tuple[Line, ...]


def _lines(value: str, usable: int) -> int:
    return sum(max(1, -(-display_units(part) // usable)) for part in value.split("\n"))


def _pieces(value: str, usable: int) -> list[str]:
    """Sentences (ending in 。！？；, or a line break), a sentence longer than a line cut."""
    out = []
    for sentence in re.findall(r"[^。！？；\n]*(?:[。！？；]+|\n|$)", value):
        while display_units(sentence) > usable * 2:
            cut = len(sentence) // 2
            out.append(sentence[:cut])
            sentence = sentence[cut:]
        if sentence:
            out.append(sentence)
    return out


def split_long(value: str, width: float, limit: int = LONG_ROW_LINES) -> list[str]:
    """A long text cut into pieces of at most `limit` wrapped lines, between sentences where it
    can (a printed row ends with a sentence, not in the middle of a word)."""
    usable = int(max(width - 1.5, 1))
    chunks = [""]
    for piece in _pieces(value, usable):
        if chunks[-1] and _lines(chunks[-1] + piece, usable) > limit:
            chunks.append("")
        chunks[-1] += piece
    return [chunk for chunk in chunks if chunk]


Styles = dict[tuple[Any, ...], Any]  # a style's key → openpyxl's StyleArray, per workbook


def _style(cell: Any, box: Box, edges: str, styles: Styles) -> None:
    """Style a cell, reusing the workbook's style made for the same look: setting a font, border
    and alignment anew hashes each against the workbook's tables, most of the writing time."""
    key = (box.label, box.align, box.top, box.kind, edges)
    known = styles.get(key)
    if known is not None:
        cell._style = copy(known)
        return
    cell.font = _LABEL if box.label else _BODY
    vertical = "top" if box.top else "center"
    cell.alignment = Alignment(wrap_text=True, horizontal=box.align, vertical=vertical)
    cell.border = Border(
        top=_THIN if "t" in edges else _NONE,
        bottom=_THIN if "b" in edges else _NONE,
        left=_THIN if "l" in edges else _NONE,
        right=_THIN if "r" in edges else _NONE,
    )
    if box.kind in ("int", "number"):
        cell.number_format = "0" if box.kind == "int" else "0.##"
    styles[key] = copy(cell._style)


def _place(ws: Any, at: tuple[int, int], box: Box, value: Any, edges: str, styles: Styles) -> None:
    """Write one box at (row, col), styled; merged over its span and rows. The merge is recorded
    as the streaming writer records it: each covered cell already carries the block's outer
    rules, so openpyxl's own merge (which restyles the edges, slowly) is not needed."""
    row, col = at
    last_col, last_row = col + box.span - 1, row + box.rows - 1
    for r in range(row, last_row + 1):
        for c in range(col, last_col + 1):
            if (r, c) == (row, col):  # the first cell carries all the block's rules: readers
                _style(ws.cell(r, c), box, edges, styles)  # (openpyxl too) take them from it
                continue
            sides = "".join(
                side
                for side, edge in (("t", r == row), ("b", r == last_row), ("l", c == col))
                if edge and side in edges
            ) + ("r" if c == last_col and "r" in edges else "")
            _style(ws.cell(r, c), box, sides, styles)
    ws.cell(row, col).value = value
    if last_col > col or last_row > row:
        ws.merged_cells.add(
            f"{get_column_letter(col)}{row}:{get_column_letter(last_col)}{last_row}"
        )


class _Grid:
    """Which columns of the rows below are covered by a box with `rows` > 1."""

    def __init__(self) -> None:
        self.taken: dict[int, set[int]] = {}

    def free(self, row: int, count: int) -> list[int]:
        return [c for c in range(1, count + 1) if c not in self.taken.get(row, set())]

    def take(self, row: int, col: int, box: Box) -> None:
        for r in range(row, row + box.rows):
            self.taken.setdefault(r, set()).update(range(col, col + box.span))


def _value(box: Box, record: Any) -> Any:
    raw = box.value(record) if callable(box.value) else box.value
    return cell_value(box.kind, raw)


def _line(
    ws: Any, form: FormSheet, line: Line, record: Any, at: tuple[int, _Grid], styles: Styles
) -> int:
    """Write one line from `row` (columns covered from above skipped); returns the next row."""
    row, grid = at
    cols = grid.free(row, len(form.widths))
    if line.long:
        box = line.boxes[0]
        width = sum(form.widths[c - 1] for c in cols[: box.span])
        pieces = split_long(str(_value(box, record) or ""), width) or [""]
        for index, piece in enumerate(pieces):
            edges = "lr" + ("t" if index == 0 else "") + ("b" if index == len(pieces) - 1 else "")
            _place(ws, (row + index, cols[0]), box, piece or None, edges, styles)
            # A line to spare: viewers wrap CJK text a little differently from the estimate.
            height = max(row_height([piece], [width]) + LINE_POINTS, line.lines * LINE_POINTS + 4)
            ws.row_dimensions[row + index].height = height
        return row + len(pieces)
    heights = [line.lines * LINE_POINTS + 4]
    used = 0
    for box in line.boxes:
        col = cols[used]
        value = _value(box, record)
        _place(ws, (row, col), box, value, box.edges, styles)
        grid.take(row, col, box)
        width = sum(form.widths[col - 1 : col - 1 + box.span])
        if box.rows == 1:
            heights.append(row_height([value], [width]))
        used += box.span
    ws.row_dimensions[row].height = max(heights)
    return row + 1


def _sheet(
    wb: Workbook, form: FormSheet, name: str, title: str, record: Any, styles: Styles
) -> None:
    ws = wb.create_sheet(name)
    for index, width in enumerate(form.widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    last = get_column_letter(len(form.widths))
    ws["A1"] = title
    ws["A1"].font = _TITLE
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merged_cells.add(f"A1:{last}1")
    ws.row_dimensions[1].height = 48
    row, grid = 2, _Grid()
    for line in form.lines:
        if line.break_before:
            ws.row_breaks.append(Break(id=row - 1))
        row = _line(ws, form, line, record, (row, grid), styles)
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_area = f"A1:{last}{row - 1}"


def write_form_sheets(
    form: FormSheet, sheets: Sequence[tuple[str, str, Any]], path: Path, when: datetime
) -> Path:
    """One sheet per (tab name, title, record), saved to path."""
    wb = Workbook()
    wb.remove(wb.active)
    styles: Styles = {}
    for name, title, record in sheets:
        _sheet(wb, form, name, title, record, styles)
    return save(wb, form.name, path, when)


def save(wb: Workbook, title: str, path: Path, when: datetime) -> Path:
    """Save an openpyxl workbook with `when` as the document's time and fixed zip dates (the
    tables go through XlsxWriter in layout.write_form; a form sheet's free layout stays here)."""
    wb.properties.creator = text.CREATOR
    wb.properties.title = title
    wb.properties.created = wb.properties.modified = when
    raw = BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:  # compressed once, below
        ExcelWriter(wb, archive).save()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(fixed_zip(raw.getvalue()))
    return path
