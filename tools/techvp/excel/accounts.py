"""Bank details for the support funds (seed 002 附件4, and 附件2's account column): read only
from a local file given to `techvp export --accounts FILE`, never written into the repository.

The file (CSV in UTF-8 or GBK, or .xlsx/.xls; its blank template is written by `techvp
excel-templates`) has the columns of ACCOUNT_HEADERS, one row per expert; rows are matched by
人员编号, or by 姓名 when the number is left blank and the name is unique in the batch. Account
numbers must be typed as text: a number cell has already lost the digits after the fifteenth.
Such files belong under local/ (ignored by Git); `techvp.guard.accounts` fails validation when
one is tracked.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from techvp.diagnostics import Location, TechvpError, error
from techvp.excel.layout import Column, Form, Sheet, write_form
from techvp.excel.sheets import SheetData, clean_name, clean_text, header_key, read_workbook, where
from techvp.messages import excel as text

H = text.ACCOUNT_HEADERS
_NUMBER = re.compile(r"[0-9]{8,30}")
_SEPARATORS = re.compile(r"[\s\u3000-]+")


@dataclass(frozen=True)
class Account:
    expert: str
    bank: str
    number: str


ACCOUNTS_TEMPLATE = Form(
    name=text.ACCOUNTS_TEMPLATE_FILE,
    title=text.ACCOUNTS_TEMPLATE_TITLE,
    stamp=text.ACCOUNTS_TEMPLATE_STAMP,
    columns=(
        Column(H["expert"], lambda r: None, 22),
        Column(H["name"], lambda r: None, 12),
        Column(H["bank"], lambda r: None, 30),
        Column(H["number"], lambda r: None, 28, kind="digits"),
    ),
    notes=text.ACCOUNTS_TEMPLATE_NOTES,
)


def write_accounts_template(out: Path, when: datetime) -> Path:
    sheet = Sheet(text.ACCOUNTS_TEMPLATE_SHEET, ACCOUNTS_TEMPLATE.title, (), blank_rows=20)
    return write_form(ACCOUNTS_TEMPLATE, [sheet], out / f"{ACCOUNTS_TEMPLATE.name}.xlsx", when)


def _read(path: Path, shown: str) -> list[SheetData]:
    if path.suffix.lower() not in (".csv", ".txt"):
        return read_workbook(path, shown)
    raw = path.read_bytes()
    try:
        body = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        body = raw.decode("gb18030", errors="replace")
    rows = [list(r) for r in csv.reader(io.StringIO(body))]
    return [SheetData(path.stem, rows, [])]


def _problem(shown: str, place: str, reason: str) -> TechvpError:
    return TechvpError(error("excel.accounts-row", Location(shown), where=place, reason=reason))


def _columns(sheet: SheetData, shown: str) -> tuple[int, dict[str, int]]:
    """The header row (0-based: the first holding 银行账号) and each known column's index."""
    wanted = {header_key(h): key for key, h in H.items()}
    for index, row in enumerate(sheet.rows[:12]):
        found = {wanted[header_key(v)]: c for c, v in enumerate(row) if header_key(v) in wanted}
        if "number" not in found:
            continue
        if "bank" not in found:
            raise _column_error(shown, sheet.name, H["bank"])
        if "expert" not in found and "name" not in found:
            raise _column_error(shown, sheet.name, H["expert"])
        return index, found
    raise _column_error(shown, sheet.name, H["number"])


def _column_error(shown: str, sheet: str, column: str) -> TechvpError:
    columns = "、".join(H.values())
    found = error(
        "excel.accounts-column",
        Location(shown),
        where=f"工作表“{sheet}”",
        column=column,
        columns=columns,
    )
    return TechvpError(found)


def _number(value: Any, shown: str, place: str) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise _problem(shown, place, text.ACCOUNTS_NUMBER_AS_NUMBER)
    digits = _SEPARATORS.sub("", str(clean_text(value) or ""))
    if not _NUMBER.fullmatch(digits):
        raise _problem(shown, place, text.ACCOUNTS_BAD_NUMBER.format(value=len(digits)))
    return digits


def read_accounts(
    path: Path, experts: Mapping[str, str], shown: str | None = None
) -> dict[str, Account]:
    """Accounts by expert id; `experts` maps the batch's expert ids to their names.

    Raises TechvpError naming the sheet, row and column of the first problem."""
    shown = shown or str(path)
    if not path.is_file():
        raise TechvpError(
            error("excel.unreadable", Location(shown), path=shown, reason=text.ACCOUNTS_NO_FILE)
        )
    sheet = _read(path, shown)[0]
    head, cols = _columns(sheet, shown)
    by_name: dict[str, list[str]] = {}
    for expert_id, name in experts.items():
        by_name.setdefault(name, []).append(expert_id)
    out: dict[str, Account] = {}
    for index in range(head + 1, len(sheet.rows)):
        row = [sheet.cell(index, c) for c in cols.values()]
        filled = [clean_text(v) for v in row if clean_text(v) is not None]
        if not filled:
            continue
        if len(filled) == 1 and str(filled[0]).startswith(("注：", "注:")):
            break  # the notes under the table (the template has one)
        expert = _expert(sheet, index, cols, experts, by_name, shown)
        bank = clean_name(sheet.cell(index, cols["bank"]))
        if bank is None:
            raise _problem(shown, where(sheet.name, index, cols["bank"]), text.ACCOUNTS_NO_BANK)
        place = where(sheet.name, index, cols["number"])
        number = _number(sheet.cell(index, cols["number"]), shown, place)
        if expert in out:
            raise _problem(shown, where(sheet.name, index), text.ACCOUNTS_TWICE.format(id=expert))
        out[expert] = Account(expert, bank, number)
    return out


def _expert(
    sheet: SheetData,
    index: int,
    cols: Mapping[str, int],
    experts: Mapping[str, str],
    by_name: Mapping[str, Sequence[str]],
    shown: str,
) -> str:
    if "expert" in cols:
        value = clean_name(sheet.cell(index, cols["expert"]))
        if value is not None:
            if value not in experts:
                place = where(sheet.name, index, cols["expert"])
                raise _problem(shown, place, text.ACCOUNTS_UNKNOWN_ID.format(value=value))
            return value
    name = clean_name(sheet.cell(index, cols["name"])) if "name" in cols else None
    place = where(sheet.name, index, cols.get("name", cols.get("expert", 0)))
    ids = by_name.get(name or "", [])
    if len(ids) != 1:
        reason = text.ACCOUNTS_AMBIGUOUS if ids else text.ACCOUNTS_UNKNOWN_NAME
        raise _problem(shown, place, reason.format(value=name or ""))
    return ids[0]
