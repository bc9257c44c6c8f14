"""A printed form read back with openpyxl as text, one line per box: what a reviewer compares
when a form's layout changes (its golden file's diff shows the change)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries


def _ruled(ws: Any, bounds: tuple[int, int, int, int]) -> str:
    """The sides a reader sees ruled around a box: every cell along that side carries the rule."""
    left, top, right, bottom = bounds
    sides = {
        "t": [ws.cell(top, c).border.top for c in range(left, right + 1)],
        "b": [ws.cell(bottom, c).border.bottom for c in range(left, right + 1)],
        "l": [ws.cell(r, left).border.left for r in range(top, bottom + 1)],
        "r": [ws.cell(r, right).border.right for r in range(top, bottom + 1)],
    }
    return "".join(side for side, rules in sides.items() if all(x.style for x in rules)) or "-"


def _box(ws: Any, bounds: tuple[int, int, int, int]) -> str:
    left, top, right, bottom = bounds
    cell = ws.cell(top, left)
    where = cell.coordinate
    if (right, bottom) != (left, top):
        where += f":{get_column_letter(right)}{bottom}"
    font, align = cell.font, cell.alignment
    look = f"{font.name} {font.sz:g}{' bold' if font.b else ''}"
    look += f" {align.horizontal}/{align.vertical}{' wrap' if align.wrap_text else ''}"
    if cell.number_format != "General":
        look += f" {cell.number_format}"
    return f"  {where} {cell.value!r} · {look} · ruled {_ruled(ws, bounds)}"


def dump_form(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    out = [f"{path.name}: {wb.properties.title} by {wb.properties.creator}"]
    for ws in wb.worksheets:
        setup, margins = ws.page_setup, ws.page_margins
        out.append(
            f"sheet {ws.title} · {setup.orientation} paper {setup.paperSize}"
            f" · fit {setup.fitToWidth or 1}×{setup.fitToHeight}"
            f" · centred {ws.print_options.horizontalCentered}"
            f" · margins {margins.left}/{margins.right}/{margins.top}/{margins.bottom}"
            f" · area {ws.print_area} · breaks after {[b.id for b in ws.row_breaks.brk]}"
        )
        widths = [
            f"{get_column_letter(d.min)}:{get_column_letter(d.max)} {d.width:.2f}"
            for d in ws.column_dimensions.values()
            if d.width
        ]
        out.append(f"widths {', '.join(widths)}")
        anchors: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        covered: set[tuple[int, int]] = set()
        for merged in ws.merged_cells.ranges:
            bounds = range_boundaries(str(merged))
            anchors[(bounds[1], bounds[0])] = bounds
            covered |= set(_cells(bounds)) - {(bounds[1], bounds[0])}
        for row in range(1, ws.max_row + 1):
            out.append(f"row {row} · {ws.row_dimensions[row].height} pt")
            for col in range(1, ws.max_column + 1):
                if (row, col) not in covered:
                    out.append(_box(ws, anchors.get((row, col), (col, row, col, row))))
    return "\n".join(out) + "\n"


def _cells(bounds: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    left, top, right, bottom = bounds
    return [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]
