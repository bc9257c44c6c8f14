"""Form sheets: a printable paper form (label cells and answer cells) declared as lines of boxes,
as `layout.Form` declares a table.

A `Line` is one printed row of the form; each `Box` covers `span` columns and, for a label
standing beside a block, `rows` lines downwards (the columns it covers are skipped by the lines
below, as in an HTML table). A `long` line holds one text that may run over several sheet rows
(a row is at most 409 points high, and a row split across pages prints badly): the text is cut
at line ends into rows of at most LONG_ROW_LINES lines, ruled as one block. One sheet per record;
A4 portrait, fitted to the page width, page breaks where the paper form has them. Written with
XlsxWriter through layout.py's workbook helpers, as the tables are (fixed document times and zip
dates: the same records give the same bytes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from techvp.excel.layout import (
    FONT_NAME,
    LINE_POINTS,
    Kind,
    cell_value,
    display_units,
    new_workbook,
    row_height,
    save_workbook,
    write_value,
)

Align = Literal["left", "center", "right"]
LONG_ROW_LINES = 20
_SIDES = {"t": "top", "b": "bottom", "l": "left", "r": "right"}  # a ruled side's format key


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


class _Formats:
    """The workbook's cell formats, one per look (label or answer, alignment, kind, ruled sides),
    made when first needed: a form has a few dozen looks over thousands of cells."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.known: dict[tuple[Any, ...], Format] = {}
        self.covers: dict[tuple[Box, str], list[tuple[int, int, Format]]] = {}
        title = {"font_name": FONT_NAME, "font_size": 16, "bold": True, "text_wrap": True}
        self.title = wb.add_format({**title, "align": "center", "valign": "vcenter"})

    def get(self, box: Box, edges: str) -> Format:
        key = (box.label, box.align, box.top, box.kind, edges)
        known = self.known.get(key)
        if known is None:
            props: dict[str, Any] = {
                "font_name": FONT_NAME,
                "font_size": 11,
                "bold": box.label,
                "text_wrap": True,
                "align": box.align,
                "valign": "top" if box.top else "vcenter",
                **{_SIDES[side]: 1 for side in edges},
            }
            if box.kind in ("int", "number"):
                props["num_format"] = "0" if box.kind == "int" else "0.##"
            known = self.known[key] = self.wb.add_format(props)
        return known


Cover = list[tuple[int, int, Format]]  # a merged block's covered cells: row, column offsets


def _cover(box: Box, edges: str, fmt: _Formats) -> Cover:
    """Each cell a block covers besides its first, with the block's outer rules on its sides."""
    cells = []
    for r in range(box.rows):
        for c in range(box.span):
            if r == c == 0:
                continue
            at = {"t": r == 0, "b": r == box.rows - 1, "l": c == 0, "r": c == box.span - 1}
            sides = "".join(side for side in "tblr" if at[side] and side in edges)
            cells.append((r, c, fmt.get(box, sides)))
    return cells


def _place(
    ws: Worksheet, at: tuple[int, int], box: Box, value: Any, edges: str, fmt: _Formats
) -> None:
    """Write one box at (row, col), 1-based, styled; merged over its span and rows. The first
    cell carries all the block's rules (readers, openpyxl too, take them from it), each covered
    cell the block's outer rules on its own sides."""
    row, col = at[0] - 1, at[1] - 1
    first = fmt.get(box, edges)
    if box.span > 1 or box.rows > 1:
        cover = fmt.covers.get((box, edges))
        if cover is None:
            cover = fmt.covers[(box, edges)] = _cover(box, edges, fmt)
        ws.merge_range(row, col, row + box.rows - 1, col + box.span - 1, None, first)
        for r, c, look in cover:
            ws.write_blank(row + r, col + c, None, look)
    write_value(ws, row, col, value, first)


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
    ws: Worksheet, form: FormSheet, line: Line, record: Any, at: tuple[int, _Grid], fmt: _Formats
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
            _place(ws, (row + index, cols[0]), box, piece or None, edges, fmt)
            # A line to spare: viewers wrap CJK text a little differently from the estimate.
            height = max(row_height([piece], [width]) + LINE_POINTS, line.lines * LINE_POINTS + 4)
            ws.set_row(row + index - 1, height)
        return row + len(pieces)
    heights = [line.lines * LINE_POINTS + 4]
    used = 0
    for box in line.boxes:
        col = cols[used]
        value = _value(box, record)
        _place(ws, (row, col), box, value, box.edges, fmt)
        grid.take(row, col, box)
        width = sum(form.widths[col - 1 : col - 1 + box.span])
        if box.rows == 1:
            heights.append(row_height([value], [width]))
        used += box.span
    ws.set_row(row - 1, max(heights))
    return row + 1


def _sheet(
    wb: Workbook, form: FormSheet, name: str, title: str, record: Any, fmt: _Formats
) -> None:
    ws = wb.add_worksheet(name)
    last = len(form.widths) - 1
    for index, width in enumerate(form.widths):
        ws.set_column(index, index, width)
    ws.set_row(0, 48)
    ws.merge_range(0, 0, 0, last, None, fmt.title)
    write_value(ws, 0, 0, title, fmt.title)
    row, grid, breaks = 2, _Grid(), []
    for line in form.lines:
        if line.break_before:
            breaks.append(row - 1)  # a break below the row before (1-based), as Excel counts
        row = _line(ws, form, line, record, (row, grid), fmt)
    ws.set_h_pagebreaks(breaks)
    ws.set_portrait()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=1, bottom=1)
    ws.set_header("", {"margin": 0.5})
    ws.set_footer("", {"margin": 0.5})
    ws.print_area(0, 0, row - 2, last)


def write_form_sheets(
    form: FormSheet, sheets: Sequence[tuple[str, str, Any]], path: Path, when: datetime
) -> Path:
    """One sheet per (tab name, title, record), saved to path with `when` as the document's time
    and fixed zip dates (the same records give the same bytes)."""
    wb, raw = new_workbook(form.name, when)
    fmt = _Formats(wb)
    for name, title, record in sheets:
        _sheet(wb, form, name, title, record, fmt)
    return save_workbook(wb, raw, path)
