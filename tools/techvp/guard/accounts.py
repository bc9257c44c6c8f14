"""Bank-account files (the `techvp export --accounts` input) must never enter the repository.

Among the files Git tracks (committed or staged: `git add` is enough), a table (.csv, .tsv,
.xlsx, .xlsm, .xls) is refused when its name says it holds accounts (账户、账号、银行、account,
bank, as the blank template's name does), or when one of its columns holds a bank-card number
(`guard.cards`, the header counting as the banking context). Such files belong under local/,
which .gitignore excludes. Outside a Git work tree there is nothing to check.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from techvp.diagnostics import Diagnostic, Location, error
from techvp.guard import cards
from techvp.guard.scan import MAX_SCAN_BYTES, decode
from techvp.messages import guard as text

TABLES = (".csv", ".tsv", ".xlsx", ".xlsm", ".xls")
ACCOUNT_NAME = re.compile(r"账户|帐户|账号|帐号|银行|account|bank", re.IGNORECASE)


def candidate_files(root: Path) -> list[str]:
    """Tables under root that Git tracks (committed or staged), relative to root (sorted).

    Untracked files are left alone: the staff's own exports (build/, or a demo repository with
    no .gitignore) carry 附件4's name and are no commit until someone adds them."""
    # git picks the tables itself: a work tree may track tens of thousands of records
    tables = [f":(icase)*{suffix}" for suffix in TABLES]
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--", *tables],
            cwd=root,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):  # no git, or not a work tree
        return []
    names = {n for n in listed.decode("utf-8", "replace").split("\0") if n}
    return sorted(n for n in names if Path(n).suffix.lower() in TABLES)


def _rows(path: Path) -> list[Sequence[Any]]:
    raw = path.read_bytes()[:MAX_SCAN_BYTES]
    if path.suffix.lower() in (".csv", ".tsv"):
        body = decode(raw)
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        return list(csv.reader(io.StringIO(body), delimiter=delimiter))
    from python_calamine import CalamineWorkbook

    rows: list[Sequence[Any]] = []
    book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    for name in book.sheet_names:
        rows.extend(book.get_sheet_by_name(name).to_python())
    return rows


def card_columns(rows: Sequence[Sequence[Any]]) -> Iterator[int]:
    """0-based columns holding a bank-card number (typed as text or digits)."""
    context: dict[int, bool] = {}
    found: set[int] = set()
    for row in rows:
        for col, value in enumerate(row):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            cell = str(value).strip() if value is not None else ""
            if cards.BANKING_CONTEXT.search(cell):
                context[col] = True
            elif col not in found and cards.is_card_number(cell, context.get(col, False)):
                found.add(col)
    return iter(sorted(found))


def scan_accounts(root: Path) -> list[Diagnostic]:
    """An error for each accounts file Git tracks under root."""
    out = []
    for rel in candidate_files(root):
        if ACCOUNT_NAME.search(Path(rel).name):
            out.append(error("guard.accounts-file", Location(rel), why=text.ACCOUNTS_BY_NAME))
            continue
        try:
            columns = list(card_columns(_rows(root / rel)))
        except Exception as exc:  # a damaged table: say it could not be checked
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            out.append(error("guard.unreadable", Location(rel), reason=reason))
            continue
        if columns:
            why = text.ACCOUNTS_BY_CONTENT.format(column=_letter(columns[0]))
            out.append(error("guard.accounts-file", Location(rel), why=why))
    return out


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col + 1)
