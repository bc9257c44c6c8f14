"""The editor's schema and techvp agree: check-jsonschema (the real client, run as a command on
files in a folder) against techvp's record checks, on the shipped demo and on typed variants.

An editor types YAML (1.2) before checking: `19735562365` becomes a number, `'180'` and `是` stay
text, `no` stays text, a blank is null. techvp reads the text as typed. For every variant below
the two must give the same verdict, except those listed in SCHEMA_LOOSER: what YAML typing erases
(`+5` is just 5 once typed) or no schema can express (check digits), which only techvp refuses.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from techvp.modelcheck import check_record
from techvp.models import KINDS
from techvp.schema import schema_filename
from techvp.yamlio import parse_text
from tests.factories import BATCH, EXPERT, NEED, credit_code, dump, record
from tests.forms import fill, schema_client

ROOT = Path(__file__).resolve().parent.parent
PREFERRED = [{"institution": "华中科技大学", "name": "李明", "agreed": "是"}]
ENTERPRISE = dict(NEED["enterprise"], carrier="无")
BASES = {  # every field the variants retype is written out
    "need": dump(
        record(
            NEED,
            enterprise=ENTERPRISE,
            capacity="1",
            preferred_experts=PREFERRED,
            withdrawn="否",
        )
    ),
    "expert": dump(
        record(EXPERT, contract_end="2026-06-30", previous_term={"batch": "2020", "result": "通过"})
    ),
    "batch": dump(BATCH),
}
CC = credit_code()

# (kind, key path, what is typed after the colon, whether techvp accepts it)
VARIANTS: list[tuple[str, str, str, bool]] = [
    # phones: unquoted they are numbers to the editor
    ("need", "contact.phone", "19735562365", True),
    ("need", "contact.phone", "'19735562365'", True),
    ("need", "contact.phone", "+8619735562365", True),
    ("need", "contact.phone", "027-85317029", True),
    ("need", "contact.phone", "85317029", True),
    ("need", "contact.phone", "02785317029", True),
    ("need", "contact.phone", "400-123-4567", True),
    ("need", "contact.phone", "12", False),
    ("need", "contact.phone", "'12345'", False),
    ("need", "contact.phone", "1234567890123", False),
    ("need", "contact.phone", "１３９１２３４５６７８", False),
    ("need", "contact.phone", "027 8531 7029", False),
    # counts: a number, or digits in quotes
    ("need", "enterprise.employees", "180", True),
    ("need", "enterprise.employees", "'180'", True),
    ("need", "enterprise.employees", "0", True),
    ("need", "enterprise.employees", "1000000", True),
    ("need", "enterprise.employees", "-5", False),
    ("need", "enterprise.employees", "'-5'", False),
    ("need", "enterprise.employees", "1000001", False),
    ("need", "enterprise.employees", "'1000001'", False),
    ("need", "enterprise.employees", "12.5", False),
    ("need", "enterprise.employees", "'1,000'", False),
    ("need", "enterprise.employees", "一百", False),
    ("need", "enterprise.employees", "", False),
    ("need", "capacity", "2", True),
    ("need", "capacity", "'10'", True),
    ("need", "capacity", "", True),
    ("need", "capacity", "0", False),
    ("need", "capacity", "'11'", False),
    # money
    ("need", "enterprise.revenue_last_year", "3200.5", True),
    ("need", "enterprise.revenue_last_year", "'3200.5'", True),
    ("need", "enterprise.revenue_last_year", "0", True),
    ("need", "enterprise.revenue_last_year", "'12.50000'", True),
    ("need", "enterprise.revenue_last_year", "-1", False),
    ("need", "enterprise.revenue_last_year", "'12.12345'", False),
    ("need", "enterprise.revenue_last_year", "'1e3'", False),
    ("need", "enterprise.revenue_last_year", "9999999999999", False),
    ("need", "enterprise.revenue_last_year", "3200万", False),
    ("need", "intended_amount", "", True),
    # yes/no: a boolean, or 是/否/true/false as text
    ("need", "withdrawn", "是", True),
    ("need", "withdrawn", "否", True),
    ("need", "withdrawn", "true", True),
    ("need", "withdrawn", "FALSE", True),
    ("need", "withdrawn", "'false'", True),
    ("need", "withdrawn", "tRUE", True),
    ("need", "withdrawn", "", True),
    ("need", "withdrawn", "no", False),
    ("need", "withdrawn", "yes", False),
    ("need", "withdrawn", "无", False),
    ("need", "withdrawn", "有", False),
    ("need", "withdrawn", "1", False),
    ("need", "withdrawn", "0", False),
    ("need", "withdrawn", "on", False),
    ("need", "preferred_experts.agreed", "是", True),
    ("need", "preferred_experts.agreed", "没有", False),
    ("need", "preferred_experts.agreed", "", False),
    # credit codes
    ("need", "enterprise.credit_code", CC, True),
    ("need", "enterprise.credit_code", CC.lower(), True),
    ("need", "enterprise.credit_code", "", True),
    ("need", "enterprise.credit_code", CC[:17], False),
    ("need", "enterprise.credit_code", CC[:10] + "I" + CC[11:], False),
    ("need", "enterprise.credit_code", "91990102MA4K0TEW24", False),
    # choices, blanks, text and unknown keys
    ("need", "enterprise.carrier", "", True),
    ("need", "enterprise.carrier", "省级高新技术园区", True),
    ("need", "enterprise.carrier", "园区", False),
    ("need", "category", "", True),
    ("need", "expert_field", "", False),
    ("need", "expert_field", "2046", True),
    ("need", "contact.name", "no", True),
    ("need", "contact.email", "wang@example", False),
    ("need", "contact.email", "", True),
    ("need", "preferred_experts", "", True),
    ("need", "id", "Laser_Weld", False),
    ("need", "id", "2022", True),
    ("need", "+colour", "red", False),
    # experts: dates, patents, lists
    ("expert", "birth_date", "1985-06-01", True),
    ("expert", "birth_date", "1985/06/01", False),
    ("expert", "birth_date", "'19850601'", False),
    ("expert", "birth_date", "489024000", False),
    ("expert", "birth_date", "1985-02-30", False),
    ("expert", "contract_end", "", True),
    ("expert", "patents.number", "ZL202110123456.7", True),
    ("expert", "patents.number", "202110123456.7", True),
    ("expert", "patents.number", "CN112345678A", True),
    ("expert", "patents.number", "ZL2021101234.7", False),
    ("expert", "clean_record_3y", "无", False),
    ("expert", "clean_record_3y", "是", True),
    ("expert", "research_fields", "[激光焊接, 激光焊接]", False),
    ("expert", "research_fields", "[]", False),
    ("expert", "applications", "", True),
    ("expert", "previous_term", "", True),
    # batches: region codes and deadlines
    ("batch", "regions.code", "420102", True),
    ("batch", "regions.code", "'420102'", True),
    ("batch", "regions.code", "'012345'", False),
    ("batch", "regions.code", "999999", False),
    ("batch", "regions.code", "42010", False),
    ("batch", "deadlines.needs", "2022-03-15T17:00:00+08:00", True),
    ("batch", "deadlines.needs", "2022-03-15T17:00+08:00", True),
    ("batch", "deadlines.needs", "2022-03-15 17:00:00+08:00", True),
    ("batch", "deadlines.needs", "2022-03-15T17:00:00", False),
    ("batch", "deadlines.needs", "2022-03-15", False),
    ("batch", "quota", "'10'", True),
    ("batch", "quota", "0", False),
    ("batch", "service.years", "", True),
]

# Refused by techvp, accepted by the schema: the spelling YAML typing erases, or a check no
# schema can express. Each is still caught by `techvp validate` in CI.
SCHEMA_LOOSER: list[tuple[str, str, str, bool]] = [
    ("need", "enterprise.employees", "+5", False),  # typed, it is the number 5
    ("need", "enterprise.employees", "1_000", False),  # YAML 1.1 digit grouping: 1000 typed
    ("need", "enterprise.revenue_last_year", "12.12345", False),  # a float's decimals
    ("need", "contact.phone", "12345678901", False),  # typed, only its size can be checked
    ("need", "enterprise.credit_code", CC[:-1] + ("0" if CC[-1] != "0" else "1"), False),
    ("expert", "patents.number", "ZL202110123456.8", False),  # check digit
    ("batch", "deadlines.needs", "2022-02-30T17:00:00+08:00", False),  # no such day
]


def variant(kind: str, path: str, typed: str) -> str:
    if path.startswith("+"):
        return BASES[kind] + f"{path[1:]}: {typed}\n"
    return fill(BASES[kind], {path: typed})


def techvp_accepts(kind: str, text: str) -> bool:
    doc = parse_text(text, f"{kind}.yaml")
    if not doc.ok:
        return False
    _, problems = check_record(KINDS[kind].model, doc)
    return not problems


def schema_rejects(folder: Path, kind: str, files: list[str]) -> set[str]:
    """The files check-jsonschema finds invalid against the committed schema."""
    schema = ROOT / "schemas" / schema_filename(kind)
    done = schema_client("-o", "json", "--schemafile", str(schema), *files, cwd=folder)
    report = json.loads(done.stdout)
    assert report.get("parse_errors", []) == [], report["parse_errors"]
    return {error["filename"] for error in report.get("errors", [])}


def _verdicts(tmp_path: Path, cases: list[tuple[str, str, str, bool]]) -> list[tuple]:
    by_kind: dict[str, list[str]] = {}
    for index, (kind, path, typed, _) in enumerate(cases):
        name = f"v{index:03d}-{kind}.yaml"
        (tmp_path / name).write_text(variant(kind, path, typed), encoding="utf-8")
        by_kind.setdefault(kind, []).append(name)
    rejected = set().union(*(schema_rejects(tmp_path, k, f) for k, f in by_kind.items()))
    out = []
    for index, (kind, path, typed, accepted) in enumerate(cases):
        text = (tmp_path / f"v{index:03d}-{kind}.yaml").read_text(encoding="utf-8")
        techvp = techvp_accepts(kind, text)
        schema = f"v{index:03d}-{kind}.yaml" not in rejected
        out.append((kind, path, typed, accepted, techvp, schema))
    return out


def test_the_bases_are_valid_records() -> None:
    for kind, text in BASES.items():
        assert techvp_accepts(kind, text), kind


def test_schema_and_techvp_agree_on_every_variant(tmp_path: Path) -> None:
    results = _verdicts(tmp_path, VARIANTS)
    wrong_techvp = [r[:4] for r in results if r[4] != r[3]]
    assert wrong_techvp == [], "techvp's verdict is not the one listed"
    disagree = [(*r[:3], f"techvp {r[4]}", f"schema {r[5]}") for r in results if r[4] != r[5]]
    assert disagree == []


def test_what_the_schema_cannot_see_is_still_refused_by_techvp(tmp_path: Path) -> None:
    results = _verdicts(tmp_path, SCHEMA_LOOSER)
    assert [r[:3] for r in results if r[4]] == []  # techvp refuses each
    assert [r[:3] for r in results if not r[5]] == []  # if the schema does too, move it up


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_shipped_demo_passes_its_schema(kind: str) -> None:
    folder = ROOT / "submissions" / KINDS[kind].folder
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.yaml"))
    assert files
    assert schema_rejects(folder, kind, files) == set()


def test_what_the_schema_client_sees_after_typing_yaml(tmp_path: Path) -> None:
    """check-jsonschema reads YAML with ruamel (YAML 1.2 typing), as the editor does."""
    seen = {
        "phone": ("19735562365", "integer"),
        "quoted": ("'180'", "string"),
        "shi": ("是", "string"),
        "no": ("no", "string"),
        "true": ("True", "boolean"),
        "blank": ("", "null"),
        "zero_led": ("02785317029", "integer"),
        "patent": ("202110123456.7", "number"),
        "date": ("2022-03-15", "string"),
    }
    schema = {"type": "object", "properties": {k: {"type": t} for k, (_, t) in seen.items()}}
    (tmp_path / "s.json").write_text(json.dumps(schema), encoding="utf-8")
    text = "".join(f"{k}: {v}\n" for k, (v, _) in seen.items())
    (tmp_path / "f.yaml").write_text(text, encoding="utf-8")
    done = schema_client("--schemafile", "s.json", "f.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
