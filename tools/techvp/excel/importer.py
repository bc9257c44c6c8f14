"""`techvp import-excel`: a district's 需求汇总表 → one need record per row.

The seed's table (seed 000 附件2) has no enterprise contact and no credit code. The Need model
requires a contact, so an imported need takes the district filer of the stamp line
(填报人 / 联系方式) as its contact, named “<填报人>（区经信部门填报人）” so that nobody takes it for
the enterprise's own; a sheet that adds 企业联系人 and 联系电话 columns gives the enterprise's
own. A policy that requires the credit code (or the category) needs that column in the sheet,
and says so, naming it.

Nothing is written unless every row imports cleanly (or `partial`); an enterprise that already
has a need in the batch is reported and skipped, so importing the same file again changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from techvp.build import BuildResult, run
from techvp.diagnostics import Diagnostic, Findings, Location, error, warning
from techvp.excel.forms import batch_of
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
    read_workbook,
    stamp_values,
    where,
)
from techvp.layout import record_path
from techvp.messages import excel as text
from techvp.modelcheck import check_record
from techvp.models import Batch, Need
from techvp.recordids import enterprise_key, need_id
from techvp.yamlio import YamlDocument
from techvp.yamlwrite import dump_record, schema_ref

H = {**text.NEEDS_HEADERS, **text.NEEDS_EXTRA_HEADERS}
REQUIRED = ("region", "name", "industry", "employees", "revenue", "expert_field", "problem")
FILER_MARK = "（区经信部门填报人）"
# Which column a field of the Need model came from, for its errors.
FIELD_COLUMNS = {
    ("enterprise", "name"): "name",
    ("enterprise", "industry"): "industry",
    ("enterprise", "employees"): "employees",
    ("enterprise", "revenue_last_year"): "revenue",
    ("enterprise", "credit_code"): "credit_code",
    ("expert_field",): "expert_field",
    ("problem",): "problem",
    ("cooperation",): "cooperation",
    ("category",): "category",
    ("contact", "name"): "contact_name",
    ("contact", "phone"): "contact_phone",
}


@dataclass
class ImportResult:
    findings: Findings = field(default_factory=Findings)
    written: list[str] = field(default_factory=list)
    skipped: int = 0


@dataclass
class _Row:
    sheet: str
    row: int  # 0-based
    data: dict[str, Any]


def _columns(sheet: SheetData, head: int) -> tuple[dict[str, int], int]:
    """Column index by field key, and the number of header rows (1 or 2)."""
    wanted = {header_key(v): k for k, v in H.items() if k not in ("agreed1", "agreed2", "named")}
    agreed = header_key(H["agreed1"])
    found: dict[str, int] = {}
    rows = 1
    below = sheet.rows[head + 1] if head + 1 < len(sheet.rows) else []
    if any(header_key(v) == header_key(H["institution1"]) for v in below):
        rows = 2
    width = max(len(sheet.rows[head]), len(below))
    agreed_seen = 0
    for col in range(width):
        under = sheet.cell(head + 1, col) if rows == 2 else None
        label = header_key(under if not is_blank(under) else sheet.cell(head, col))
        if label == agreed:
            agreed_seen += 1
            found.setdefault(f"agreed{agreed_seen}", col)
        elif label in wanted:
            found.setdefault(wanted[label], col)
    return found, rows


def _cell(
    sheet: SheetData, r: int, cols: dict[str, int], key: str, out: list[Diagnostic], file: str
) -> Any:
    """The cleaned, typed value of one cell; a problem is added to out (value None)."""
    if key not in cols:
        return None
    col = cols[key]
    raw = sheet.cell(r, col)
    if is_blank(raw):
        if key in REQUIRED:
            out.append(_err("excel.required", file, sheet, r, col, column=H[key]))
        return None
    if key == "employees":
        value: Any = parse_int(raw)
        code = "excel.not-integer"
    elif key == "revenue":
        value, code = parse_number(raw), "excel.not-number"
    elif key in ("agreed1", "agreed2", "unnamed"):
        value, code = parse_yes(raw), "excel.not-yesno"
    elif key in ("problem", "cooperation"):
        return clean_text(raw)
    else:
        return clean_name(raw)
    if value is None:
        shown = clean_text(raw) or ""
        out.append(_err(code, file, sheet, r, col, column=H[key].split("（")[0], value=shown))
    return value


def _err(code: str, file: str, sheet: SheetData, r: int, col: int | None, **params: Any) -> Any:
    loc = Location(file, r + 1, None if col is None else col + 1, (sheet.name,))
    return error(code, loc, where=where(sheet.name, r, col), **params)


def _region(batch: Batch, value: str) -> str | None:
    key = header_key(value)
    for region in batch.regions:
        if key in (header_key(region.name), region.slug):
            return region.slug
    close = [r.slug for r in batch.regions if len(key) >= 2 and header_key(r.name).startswith(key)]
    return close[0] if len(close) == 1 else None


def _number(value: Decimal) -> int | float:
    """A number as the YAML writer writes it plainly (2150, 1860.5)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _record(row: dict[str, Any], batch: Batch, contact: dict[str, str]) -> dict[str, Any]:
    enterprise = {
        "name": row["name"],
        "credit_code": row.get("credit_code"),
        "industry": row["industry"],
        "employees": row["employees"],
        "revenue_last_year": _number(row["revenue"]),
    }
    named = []
    for n in (1, 2):
        institution, name = row.get(f"institution{n}"), row.get(f"name{n}")
        if institution or name:
            agreed = row.get(f"agreed{n}")
            named.append({"institution": institution, "name": name, "agreed": bool(agreed)})
    record = {
        "id": row["id"],
        "batch": batch.id,
        "region": row["region_slug"],
        "enterprise": {k: v for k, v in enterprise.items() if v is not None},
        "category": row.get("category"),
        "expert_field": row["expert_field"],
        "problem": row["problem"],
        "cooperation": row.get("cooperation"),
        "preferred_experts": named,
        "contact": contact,
    }
    return {k: v for k, v in record.items() if v not in (None, [])}


class _SheetImport:
    """One sheet's rows → records, with every problem found on the way."""

    def __init__(self, result: BuildResult, batch: Batch, file: str, taken: set[str]) -> None:
        self.result, self.batch, self.file = result, batch, file
        self.policy = result.policies[batch.id].params
        self.taken = taken
        self.out: list[Diagnostic] = []
        self.rows: list[_Row] = []

    def run(self, sheet: SheetData) -> bool:
        head = find_header(sheet, H["number"], H["name"])
        if head is None:
            head = find_header(sheet, H["region"], H["name"])
        if head is None:
            return False
        cols, header_rows = _columns(sheet, head)
        missing = [H[k] for k in REQUIRED if k not in cols]
        for name in missing:
            self.out.append(_err("excel.missing-column", self.file, sheet, head, None, column=name))
        self._policy_columns(sheet, head, cols)
        if missing:
            return True
        contact = self._contact(sheet, head, cols)
        first = head + header_rows
        data_rows = [r for r in range(first, len(sheet.rows)) if self._is_data(sheet, r, cols)]
        for span in covered(sheet.merged, set(data_rows)):
            loc = Location(self.file, None, None, (sheet.name,))
            self.out.append(
                error("excel.merged-data", loc, where=f"工作表“{sheet.name}”", range=span)
            )
        for r in data_rows:
            self._row(sheet, r, cols, contact)
        return True

    def _policy_columns(self, sheet: SheetData, head: int, cols: dict[str, int]) -> None:
        demands = [("credit_code", self.policy.require_credit_code, "统一社会信用代码")]
        demands.append(("category", self.policy.require_category, "需求类别"))
        for key, required, label in demands:
            if required and key not in cols:
                self.out.append(
                    _err(
                        "excel.policy-column",
                        self.file,
                        sheet,
                        head,
                        None,
                        batch=self.batch.id,
                        field=label,
                        column=H.get(key, label),
                    )
                )

    def _is_data(self, sheet: SheetData, r: int, cols: dict[str, int]) -> bool:
        """A row with the enterprise's name, or with three filled data cells; a blank row, a
        note under the table (注：…) or the form's “……” row is not."""
        filled = [k for k, c in cols.items() if k != "number" and not is_blank(sheet.cell(r, c))]
        return "name" in filled or len(filled) >= 3

    def _contact(self, sheet: SheetData, head: int, cols: dict[str, int]) -> dict[str, str] | None:
        if "contact_name" in cols and "contact_phone" in cols:
            return None  # per row
        stamp = stamp_values(sheet, head)
        filer = clean_name(stamp.get("填报人")) or ""
        phone = re.sub(r"\s", "", unicodedata.normalize("NFKC", stamp.get("联系方式", "")))
        if not filer or not re.fullmatch(r"[0-9\-+]{7,20}", phone):
            shown = f"填报人：{filer} 联系方式：{phone}"
            self.out.append(_err("excel.no-contact", self.file, sheet, 1, None, value=shown))
            return None
        return {"name": f"{filer}{FILER_MARK}", "phone": phone}

    def _row(
        self, sheet: SheetData, r: int, cols: dict[str, int], contact: dict[str, str] | None
    ) -> None:
        found: list[Diagnostic] = []
        row = {key: _cell(sheet, r, cols, key, found, self.file) for key in cols}
        if row.get("region"):
            slug = _region(self.batch, row["region"])
            if slug is None:
                choices = [reg.name for reg in self.batch.regions]
                found.append(
                    _err(
                        "excel.unknown-region",
                        self.file,
                        sheet,
                        r,
                        cols["region"],
                        value=row["region"],
                        batch=self.batch.id,
                        choices=choices,
                    )
                )
            row["region_slug"] = slug
        named = any(row.get(k) for k in ("institution1", "name1", "institution2", "name2"))
        if named and row.get("unnamed"):
            found.append(_err("excel.named-and-unnamed", self.file, sheet, r, cols["unnamed"]))
        if found:
            self.out.extend(found)
            return
        if contact is None and "contact_name" in cols:
            contact = {
                "name": row.get("contact_name") or "",
                "phone": row.get("contact_phone") or "",
            }
        if contact is None:
            return  # reported once for the sheet
        row["id"] = need_id(row["name"], self.taken)
        record = _record(row, self.batch, contact)
        doc = YamlDocument(self.file, record)
        _, problems = check_record(Need, doc)
        for problem in problems:
            key = FIELD_COLUMNS.get(tuple(str(p) for p in problem.location.key_path[:2]))
            col = cols.get(key) if key else None
            self.out.append(
                _err(
                    "excel.invalid",
                    self.file,
                    sheet,
                    r,
                    col,
                    column=H.get(key or "", ""),
                    reason=problem.message,
                )
            )
        if not problems:
            self.taken.add(row["id"])
            self.rows.append(_Row(sheet.name, r, record))


def import_needs(
    path: Path, batch_id: str, root: Path, now: datetime, partial: bool = False, shown: str = ""
) -> ImportResult:
    """Read the file and write the needs it holds (see the module's docstring)."""
    shown = shown or path.name
    sheets = read_workbook(path, shown)
    result = run(root, now)
    batch = batch_of(result.dataset, batch_id)
    outcome = ImportResult()
    taken = {k for k in result.dataset.known_ids.get("need", frozenset())}
    importer = _SheetImport(result, batch, shown, taken)
    if not any([importer.run(sheet) for sheet in sheets]):
        loc = Location(shown)
        importer.out.append(error("excel.no-header", loc, where=shown, rows=12))
    outcome.findings.extend(importer.out)
    allow_repeat = importer.policy.duplicate_enterprise != "error"
    rows = list(_new_rows(importer.rows, result, batch_id, outcome, shown, allow_repeat))
    failed = not outcome.findings.ok
    if failed and not partial:
        outcome.skipped = len(importer.rows)
        return outcome
    for item in rows:
        rel = record_path("need", item.data)
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_record(item.data, schema_ref("need", rel)), encoding="utf-8")
        outcome.written.append(rel)
    return outcome


def _new_rows(
    rows: list[_Row],
    result: BuildResult,
    batch_id: str,
    outcome: ImportResult,
    shown: str,
    allow_repeat: bool,
) -> Iterator[_Row]:
    """Rows whose enterprise has no need in the batch yet. Two rows of one enterprise in the file
    are two needs where the policy allows it and their problems differ; else the second is
    reported."""
    existing = {
        enterprise_key(item.record.enterprise.name): item.file
        for item in result.dataset.needs.values()
        if item.record.batch == batch_id
    }
    seen: dict[str, tuple[int, str]] = {}
    for item in rows:
        key = enterprise_key(item.data["enterprise"]["name"])
        earlier = seen.get(key)
        repeat = earlier is not None and (not allow_repeat or earlier[1] == item.data["problem"])
        loc = Location(shown, item.row + 1, None, (item.sheet,))
        place = where(item.sheet, item.row)
        name = item.data["enterprise"]["name"]
        if key in existing:
            outcome.findings.add(
                warning("excel.enterprise-exists", loc, where=place, name=name, file=existing[key])
            )
            outcome.skipped += 1
        elif repeat and earlier is not None:
            outcome.findings.add(
                warning("excel.duplicate-row", loc, where=place, name=name, other=earlier[0])
            )
            outcome.skipped += 1
        else:
            seen.setdefault(key, (item.row + 1, item.data["problem"]))
            yield item


__all__ = ["ImportResult", "import_needs"]
