"""Reading a 需求汇总表 as districts fill it: the sheet's cells, where its header is, and each
cell's text cleaned of what Excel and WPS users leave in it.

Both .xlsx and the older .xls go through python-calamine: one reader for both formats that also
reports merged ranges, and several times faster than openpyxl. Cells are addressed from A1 (the
sheet's used area may start lower, and row numbers in messages must be Excel's).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from techvp.diagnostics import Location, TechvpError, error

SUFFIXES = (".xlsx", ".xlsm", ".xls")
HEADER_SEARCH_ROWS = 12
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_UNTIDY = re.compile(r"[^\S ]| {2}")  # a line break, a tab, a full-width or no-break space, "  "
TICKS = frozenset({"√", "✓", "✔", "☑", "是", "v", "V", "y", "Y", "1", "有"})
NOS = frozenset({"否", "×", "✗", "x", "X", "n", "N", "0", "无"})


@dataclass(frozen=True)
class SheetData:
    name: str
    rows: list[list[Any]]  # from A1; short rows are padded on read
    merged: list[tuple[int, int, int, int]]  # 0-based first row, first col, last row, last col

    def cell(self, row: int, col: int) -> Any:
        cells = self.rows[row] if row < len(self.rows) else []
        return cells[col] if col < len(cells) else None


def read_workbook(path: Path, shown: str) -> list[SheetData]:
    """Every sheet of the file; an unreadable or unsupported file is a TechvpError."""
    from python_calamine import CalamineWorkbook

    if path.suffix.lower() not in SUFFIXES:
        raise TechvpError(error("excel.unsupported", Location(shown), suffix=path.suffix))
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            rows = [list(r) for r in sheet.to_python(skip_empty_area=False)]
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            sheets.append(SheetData(name, rows, merged))
    except OSError:
        raise
    except Exception as exc:  # calamine's errors for a damaged or mislabelled file
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        found = error("excel.unreadable", Location(shown), path=shown, reason=reason)
        raise TechvpError(found) from None
    return sheets


def where(sheet: str, row: int, col: int | None = None) -> str:
    """工作表“汇总”第 7 行 E 列 (row and col 0-based)."""
    place = f"工作表“{sheet}”第 {row + 1} 行"
    return f"{place} {get_column_letter(col + 1)} 列" if col is not None else place


def header_key(value: Any) -> str:
    """A header as compared: no spaces or line breaks, full-width and half-width forms alike,
    quotes dropped (“科技副总” is typed with straight quotes too)."""
    folded = unicodedata.normalize("NFKC", str(value or ""))
    return re.sub(r"[\s\"'“”‘’]", "", folded)


def is_blank(value: Any) -> bool:
    """None, or text of spaces only (full-width and no-break spaces too)."""
    return value is None or (isinstance(value, str) and (not value or value.isspace()))


def clean_text(value: Any) -> str | None:
    """Text as typed, without stray spaces: each line trimmed (full-width spaces too), empty lines
    dropped, Windows line breaks made plain."""
    if is_blank(value):
        return None
    if isinstance(value, str) and not _UNTIDY.search(value):
        return value.strip()  # most cells: nothing to tidy but the ends (a quick path)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    lines = [_SPACES.sub(" ", line).strip() for line in str(value).replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line) or None


def clean_name(value: Any) -> str | None:
    """A name on one line: spaces between Chinese characters removed (公司 名称 → 公司名称)."""
    cleaned = clean_text(value)
    if cleaned is None or (" " not in cleaned and "\n" not in cleaned):
        return cleaned
    one_line = _SPACES.sub(" ", cleaned.replace("\n", " "))
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", one_line)


def _digits(value: Any) -> str:
    folded = unicodedata.normalize("NFKC", str(value))
    return _SPACES.sub("", folded).replace(",", "")


def parse_int(value: Any) -> int | None:
    """A whole number typed as a number, as text, or in full-width digits; None if it is not."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    digits = _digits(value)
    return int(digits) if re.fullmatch(r"\d+", digits) else None


def parse_number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    digits = _digits(value).removesuffix("万元")
    if not re.fullmatch(r"\d+(\.\d+)?", digits):
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None


def parse_yes(value: Any) -> bool | None:
    """√/✓/是 → True, 否/× → False; None for anything else (the caller reports it)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        value = int(value) if float(value).is_integer() else value
    token = _SPACES.sub("", unicodedata.normalize("NFKC", str(value)))
    token = unicodedata.normalize("NFKC", token)
    if token in TICKS or str(value).strip() in TICKS:
        return True
    if token in NOS:
        return False
    return None


def find_header(sheet: SheetData, first: str, second: str) -> int | None:
    """The 0-based row holding both header texts among the first rows."""
    wanted = {header_key(first), header_key(second)}
    for index, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if wanted <= {header_key(v) for v in row if not is_blank(v)}:
            return index
    return None


def stamp_values(sheet: SheetData, before: int) -> dict[str, str]:
    """What is written after 填报人：, 联系方式：, 填报单位… in the rows above the header."""
    found: dict[str, str] = {}
    labels = ("填报单位", "填报人", "联系方式", "填报日期")
    for row in sheet.rows[:before]:
        line = " ".join(str(v) for v in row if not is_blank(v))
        line = line.replace("\u3000", " ")
        for label in labels:
            match = re.search(
                rf"{label}(?:（加盖公章）|\(加盖公章\))?[:：]\s*(.*?)\s*(?=(?:{'|'.join(labels)})|$)",
                line,
            )
            if match and match.group(1).strip():
                found[label] = match.group(1).strip()
    return found


def covered(merged: Sequence[tuple[int, int, int, int]], rows: set[int]) -> list[str]:
    """Merged ranges (A1 notation) that touch any of these 0-based rows."""
    out = []
    for r1, c1, r2, c2 in merged:
        if (r2 > r1 or c2 > c1) and any(r1 <= r <= r2 for r in rows):
            first = f"{get_column_letter(c1 + 1)}{r1 + 1}"
            out.append(f"{first}:{get_column_letter(c2 + 1)}{r2 + 1}")
    return out
