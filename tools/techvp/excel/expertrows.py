"""科技人员汇总表 rows → expert records.

The table carries what staff need of a person (the layout `techvp export` writes); what it does
not carry (科研成果, 个人简介, 上期任职 …) is left to the record's defaults, to be added in the
record. 申报企业 names the enterprises; each becomes the id of that enterprise's need in the batch.
A person is the same person by name and 派出单位: one already in the batch is reported, not
written again.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from techvp.build import BuildResult
from techvp.diagnostics import Diagnostic
from techvp.excel.sheets import header_key
from techvp.excel.tables import Field, Table, TableSpec
from techvp.messages import excel as text
from techvp.models import Batch, Expert
from techvp.recordids import enterprise_key, expert_id

E = text.EXPERTS_HEADERS
SPEC = TableSpec(
    fields=(
        Field("number", E["number"], "int"),
        Field("name", E["name"], required=True),
        Field("gender", E["gender"], required=True),
        Field("birth_date", E["birth_date"], "date", required=True),
        Field("political_status", E["political_status"]),
        Field("institution", E["institution"], required=True),
        Field("department", E["department"]),
        Field("institution_type", E["institution_type"], required=True),
        Field("person_type", E["person_type"]),
        Field("title", E["title"], required=True),
        Field("title_level", E["title_level"], required=True),
        Field("degree", E["degree"], required=True),
        Field("position", E["position"]),
        Field("research_fields", E["research_fields"], "list", required=True),
        Field("patents", E["patents"], "lines"),
        Field("clean_record", E["clean_record"], "yesno", required=True),
        Field("phone", E["phone"], "phone", required=True),
        Field("email", E["email"]),
        Field("applications", E["applications"], "list"),
    ),
    anchors=((E["name"], E["institution"]),),
    identity="name",
)
FIELD_COLUMNS = {
    ("name",): "name",
    ("gender",): "gender",
    ("birth_date",): "birth_date",
    ("political_status",): "political_status",
    ("institution",): "institution",
    ("department",): "department",
    ("institution_type",): "institution_type",
    ("person_type",): "person_type",
    ("title",): "title",
    ("title_level",): "title_level",
    ("degree",): "degree",
    ("position",): "position",
    ("research_fields",): "research_fields",
    ("patents",): "patents",
    ("clean_record_3y",): "clean_record",
    ("contact", "phone"): "phone",
    ("contact", "email"): "email",
    ("applications",): "applications",
}
_PATENT = re.compile(
    r"(?:(?P<kind>发明|实用新型|外观设计)(?:专利)?\s*[:：]\s*)?"
    r"(?P<title>.+?)\s*[（(]\s*(?P<number>[^（）()\s]+)\s*[）)]"
)
_WITH_ID = re.compile(r"(?P<name>.+?)[（(](?P<id>[a-z0-9][a-z0-9-]*)[）)]")
# The type digit of a Chinese patent application number (ZL2021 1 0123456.7; old: 98 1 00001.2).
_KIND_DIGIT = {"1": "发明", "2": "实用新型", "3": "外观设计", "8": "发明", "9": "实用新型"}


def patent_line(kind: str, title: str, number: str) -> str:
    """One patent as the table writes it: 发明：一种激光焊接方法（ZL202110123456.7）."""
    return f"{kind}：{title}（{number}）"


def parse_patent(line: str) -> dict[str, str] | None:
    """A line of the 专利 cell as a patent; the type, when not written, read from the number."""
    match = _PATENT.fullmatch(line.strip())
    if match is None:
        return None
    number = unicodedata.normalize("NFKC", match["number"]).upper()
    kind = match["kind"] or _kind_of(number)
    if kind is None:
        return None
    return {"number": number, "title": match["title"], "kind": kind}


def _kind_of(number: str) -> str | None:
    if number.startswith("CN"):  # a publication number: its last letter says the type
        return {"A": "发明", "B": "发明", "U": "实用新型", "Y": "实用新型", "S": "外观设计"}.get(
            number[-1]
        )
    digits = number.removeprefix("ZL")
    digit = digits[4] if len(digits) > 12 else digits[2] if len(digits) > 2 else ""
    return _KIND_DIGIT.get(digit)


class ExpertRows:
    """The experts kind of the import: its table, its records, what makes two rows one person."""

    kind = "expert"
    model = Expert
    spec = SPEC
    field_columns = FIELD_COLUMNS

    def __init__(self, result: BuildResult, batch: Batch) -> None:
        self.batch = batch
        self.taken = set(result.dataset.known_ids.get("expert", frozenset()))
        self.existing = {
            self._key(item.record.name, item.record.institution): item.file
            for item in result.dataset.experts.values()
            if item.record.batch == batch.id
        }
        self.needs: dict[str, list[str]] = {}
        for need_id in sorted(result.dataset.needs):
            need = result.dataset.needs[need_id].record
            if need.batch == batch.id:
                self.needs.setdefault(enterprise_key(need.enterprise.name), []).append(need_id)

    def begin(self, table: Table) -> None:
        """Nothing to check for the whole sheet beyond its columns."""

    def record(
        self, table: Table, r: int, row: dict[str, Any], found: list[Diagnostic]
    ) -> dict[str, Any] | None:
        patents = []
        for line in row.get("patents") or []:
            patent = parse_patent(line)
            if patent is None:
                col = table.columns["patents"]
                found.append(table.problem("excel.not-patent", r, col, value=line))
            else:
                patents.append(patent)
        applications = self._applications(table, r, row.get("applications") or [], found)
        if found:
            return None
        record = {
            "id": expert_id(row["name"], row["institution"], self.taken),
            "batch": self.batch.id,
            **{k: row.get(k) for k in ("name", "gender", "birth_date", "institution")},
            **{k: row.get(k) for k in ("department", "institution_type", "person_type")},
            **{k: row.get(k) for k in ("title", "title_level", "degree", "position")},
            "research_fields": row["research_fields"],
            "patents": patents,
            "clean_record_3y": row["clean_record"],
            "applications": applications,
            "political_status": row.get("political_status"),
            "contact": {k: v for k in ("phone", "email") if (v := row.get(k)) is not None},
        }
        return {k: v for k, v in record.items() if v not in (None, [])}

    def _applications(
        self, table: Table, r: int, names: list[str], found: list[Diagnostic]
    ) -> list[str]:
        """The need ids of the enterprises named. An enterprise with several needs in the batch
        is written 企业名称（需求编号）, as the export writes it."""
        ids: list[str] = []
        col = table.columns.get("applications")
        for name in names:
            match = _WITH_ID.fullmatch(name)
            wanted = match["id"] if match else None
            candidates = self.needs.get(enterprise_key(match["name"] if match else name), [])
            if wanted is not None and wanted in candidates:
                ids.append(wanted)
            elif len(candidates) == 1 and wanted is None:
                ids.append(candidates[0])
            elif len(candidates) > 1 and wanted is None:
                ids_text = text.LIST_SEP.join(candidates)
                found.append(
                    table.problem("excel.ambiguous-enterprise", r, col, value=name, ids=ids_text)
                )
            else:
                found.append(
                    table.problem(
                        "excel.unknown-enterprise", r, col, value=name, batch=self.batch.id
                    )
                )
        return ids

    @staticmethod
    def _key(name: str, institution: str) -> str:
        return f"{header_key(name)}\n{header_key(institution)}"

    def accept(self, record: dict[str, Any]) -> None:
        self.taken.add(record["id"])

    def key(self, record: dict[str, Any]) -> str:
        return self._key(record["name"], record["institution"])

    def name(self, record: dict[str, Any]) -> str:
        return str(record["name"])

    def details(self, record: dict[str, Any]) -> dict[str, str]:
        return {"institution": str(record["institution"])}

    def repeats(self, earlier: dict[str, Any], record: dict[str, Any]) -> bool:
        return True


__all__ = ["SPEC", "ExpertRows", "parse_patent", "patent_line"]
