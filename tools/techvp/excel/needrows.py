"""需求汇总表 rows → need records.

The seed's table (seed 000 附件2) has no enterprise contact and no credit code. The Need model
requires a contact, so an imported need takes the district filer of the stamp line
(填报人 / 联系方式) as its contact, named “<填报人>（区经信部门填报人）” so that nobody takes it for
the enterprise's own; a sheet that adds 企业联系人 and 联系电话 columns gives the enterprise's
own. A policy that requires the credit code (or the category) needs that column in the sheet,
and says so, naming it.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from techvp.build import BuildResult
from techvp.diagnostics import Diagnostic
from techvp.excel.sheets import clean_name, header_key, stamp_values
from techvp.excel.tables import Field, Table, TableSpec
from techvp.messages import excel as text
from techvp.models import Batch, Need
from techvp.recordids import enterprise_key, need_id

H = {**text.NEEDS_HEADERS, **text.NEEDS_EXTRA_HEADERS}
FILER_MARK = "（区经信部门填报人）"
SPEC = TableSpec(
    fields=(
        Field("number", H["number"], "int"),
        Field("region", H["region"], required=True),
        Field("name", H["name"], required=True),
        Field("industry", H["industry"], required=True),
        Field("employees", H["employees"], "int", required=True),
        Field("revenue", H["revenue"], "number", required=True),
        Field("expert_field", H["expert_field"], required=True),
        Field("problem", H["problem"], "text", required=True),
        Field("cooperation", H["cooperation"], "text"),
        Field("institution1", H["institution1"]),
        Field("name1", H["name1"]),
        Field("agreed1", H["agreed1"], "yesno"),
        Field("institution2", H["institution2"]),
        Field("name2", H["name2"]),
        Field("agreed2", H["agreed2"], "yesno"),
        Field("unnamed", H["unnamed"], "yesno"),
        Field("credit_code", H["credit_code"]),
        Field("category", H["category"]),
        Field("contact_name", H["contact_name"]),
        Field("contact_phone", H["contact_phone"], "phone"),
    ),
    anchors=((H["number"], H["name"]), (H["region"], H["name"])),
    identity="name",
)
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


def region_slug(batch: Batch, value: str) -> str | None:
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


class NeedRows:
    """The needs kind of the import: its table, its records, what makes two rows one need."""

    kind = "need"
    model = Need
    spec = SPEC
    field_columns = FIELD_COLUMNS

    def __init__(self, result: BuildResult, batch: Batch) -> None:
        self.batch = batch
        self.policy = result.policies[batch.id].params
        self.taken = set(result.dataset.known_ids.get("need", frozenset()))
        self.existing = {
            enterprise_key(item.record.enterprise.name): item.file
            for item in result.dataset.needs.values()
            if item.record.batch == batch.id
        }
        self.allow_repeat = self.policy.duplicate_enterprise != "error"
        self._contact: dict[str, str] | None = None
        self._per_row = False

    def begin(self, table: Table) -> None:
        """Checks of the whole sheet: the columns the policy demands, the filer as contact
        (without one no row makes a record; reported once for the sheet)."""
        demands = [("credit_code", self.policy.require_credit_code, "统一社会信用代码")]
        demands.append(("category", self.policy.require_category, "需求类别"))
        for key, required, label in demands:
            if required and key not in table.columns:
                table.problems.append(
                    table.problem(
                        "excel.policy-column",
                        table.head,
                        None,
                        batch=self.batch.id,
                        field=label,
                        column=H.get(key, label),
                    )
                )
        self._contact = None
        self._per_row = "contact_name" in table.columns and "contact_phone" in table.columns
        if self._per_row:
            return
        stamp = stamp_values(table.sheet, table.head)
        filer = clean_name(stamp.get("填报人")) or ""
        phone = re.sub(r"\s", "", unicodedata.normalize("NFKC", stamp.get("联系方式", "")))
        if not filer or not re.fullmatch(r"[0-9\-+]{7,20}", phone):
            shown = f"填报人：{filer} 联系方式：{phone}"
            table.problems.append(table.problem("excel.no-contact", 1, None, value=shown))
            return
        self._contact = {"name": f"{filer}{FILER_MARK}", "phone": phone}

    def record(
        self, table: Table, r: int, row: dict[str, Any], found: list[Diagnostic]
    ) -> dict[str, Any] | None:
        cols = table.columns
        if row.get("region"):
            slug = region_slug(self.batch, row["region"])
            if slug is None:
                choices = [reg.name for reg in self.batch.regions]
                found.append(
                    table.problem(
                        "excel.unknown-region",
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
            found.append(table.problem("excel.named-and-unnamed", r, cols["unnamed"]))
        if found or (self._contact is None and not self._per_row):
            return None
        contact = self._contact or {
            "name": row.get("contact_name") or "",
            "phone": row.get("contact_phone") or "",
        }
        row["id"] = need_id(row["name"], self.taken)
        return _record(row, self.batch, contact)

    def accept(self, record: dict[str, Any]) -> None:
        self.taken.add(record["id"])

    def key(self, record: dict[str, Any]) -> str:
        return enterprise_key(record["enterprise"]["name"])

    def name(self, record: dict[str, Any]) -> str:
        return str(record["enterprise"]["name"])

    def details(self, record: dict[str, Any]) -> dict[str, str]:
        return {}

    def repeats(self, earlier: dict[str, Any], record: dict[str, Any]) -> bool:
        """Two rows of one enterprise are two needs where the policy allows it and their
        problems differ."""
        return not self.allow_repeat or earlier["problem"] == record["problem"]


__all__ = ["FILER_MARK", "SPEC", "NeedRows", "region_slug"]
