"""`techvp demo`: a complete, valid repository of any size, the same bytes for the same seed.

The first records come from the hand-written texts in demo/data/*.yaml; beyond those, records are
synthesised by recombining sentences and fields of the same industry, so text matching still has
signal. Every file is written by techvp.yamlwrite.dump_record, the writer every tool shares.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from techvp.demo import pools
from techvp.demo.reference import (
    BATCH_ID,
    CITY_REVIEWERS,
    DISTRICT_REVIEWERS,
    INDUSTRIES,
    INSTITUTIONS,
    REGIONS,
    SIZE_INDUSTRIES,
)
from techvp.demo.staff import Record, add_review_cases, name_preferred_experts, staff_records
from techvp.demo.texts import EXPERTS, NEEDS
from techvp.layout import record_path
from techvp.models.common import CREDIT_CHARS, credit_check_char, org_check_char, patent_check_char
from techvp.yamlwrite import dump_record, schema_ref

# (needs, experts, seed) of the demo shipped in submissions/; tests/test_demo.py keeps them equal.
SHIPPED = (52, 64, 2022)
REFERENCE_DATE = date(2022, 3, 15)
PATENT_KIND_DIGIT = {"发明": "1", "实用新型": "2", "外观设计": "3"}


def _number(text: str) -> int | float:
    """Money written as a plain YAML number, exactly as the text says."""
    value = float(text)
    return int(value) if value.is_integer() else value


def credit_code(division: str, rng: random.Random, used: set[str]) -> str:
    while True:
        org = "MA" + "".join(rng.choice(CREDIT_CHARS[:30]) for _ in range(6))
        body = f"91{division}{org}{org_check_char(org)}"
        if body not in used:
            used.add(body)
            return body + credit_check_char(body)


def patent_number(kind: str, rng: random.Random) -> str:
    digits = f"{rng.randint(2012, 2022)}{PATENT_KIND_DIGIT[kind]}{rng.randint(0, 9_999_999):07d}"
    return f"ZL{digits}.{patent_check_char(digits)}"


def _phone(rng: random.Random, landline: bool) -> str:
    if landline:
        return f"027-8{rng.randint(0, 9_999_999):07d}"
    return f"1{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}"


def _person_name(rng: random.Random) -> str:
    return rng.choice(pools.SURNAMES) + rng.choice(pools.GIVEN_NAMES)


def batch_record(quota: int) -> Record:
    deadline = "T17:00:00+08:00"
    return {
        "id": BATCH_ID,
        "title": "2022年武汉市选派“科技副总”服务中小微企业",
        "policy": "wuhan-2022",
        "policy_overrides": {"size_industries": SIZE_INDUSTRIES},
        "reference_date": REFERENCE_DATE,
        "deadlines": {
            "needs": f"2022-03-15{deadline}",
            "experts": f"2022-04-20{deadline}",
            "matching": f"2022-04-30{deadline}",
            "selection": f"2022-05-30{deadline}",
            "on_duty": f"2022-06-30{deadline}",
        },
        "quota": quota,
        "regions": [
            {"slug": s, "name": n, "code": c, "reviewers": DISTRICT_REVIEWERS[s]}
            for s, n, c in REGIONS
        ],
        "industries": list(INDUSTRIES),
        "institution_aliases": {str(i["name"]): list(i["short"]) for i in INSTITUTIONS},  # type: ignore[call-overload]
        "funding": {
            "per_person": 50000,
            "tranches": [
                {"amount": 30000, "when": "on_duty"},
                {"amount": 20000, "when": "passed_assessment"},
            ],
        },
        "service": {"years": 2, "min_days_per_month": 7},
        "contact": "市经信局科学技术与人工智能处",
        "reviewers": CITY_REVIEWERS,
    }


def _templates_by_industry() -> dict[str, list[list[str]]]:
    """Each written problem of an industry as its list of sentences."""
    out: dict[str, list[list[str]]] = {i: [] for i in INDUSTRIES}
    for need in NEEDS:
        parts = [s + "。" for s in str(need["problem"]).split("。") if s.strip()]
        out[str(need["industry"])].append(parts)
    return out


def _synth_problem(rng: random.Random, templates: list[list[str]]) -> str:
    """Sentence k from a random template for each position k: background first, ask last."""
    text, used = "", set()
    for pos in range(max(len(t) for t in templates)):
        options = [t[pos] for t in templates if len(t) > pos and t[pos] not in used]
        if not options:
            continue
        sentence = rng.choice(options)
        if len(text) + len(sentence) <= 400:
            text += sentence
            used.add(sentence)
    return text


# The demo batch's policy (wuhan-2022, seed 000 二) selects 副高级 or above from universities and
# research institutes: only such profiles go into the demo, so it validates without errors.
_INSTITUTION_TYPES = {str(i["name"]): i["type"] for i in INSTITUTIONS}
ELIGIBLE_EXPERTS = [
    e
    for e in EXPERTS
    if e["title_level"] in ("正高级", "副高级")
    and _INSTITUTION_TYPES[str(e["institution"])] in ("高校", "科研院所")
]
YOUNGEST_BIRTH = date(1995, 12, 31)
OLDEST_UNRELAXED_BIRTH = date(REFERENCE_DATE.year - 45, REFERENCE_DATE.month, REFERENCE_DATE.day)


class _Builder:
    """Builds every record as plain data; writing is separate so the same data can be checked."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used_codes: set[str] = set()
        self.templates = _templates_by_industry()
        self.regions = {s: c for s, _, c in REGIONS}
        self.institutions = {str(i["name"]): i for i in INSTITUTIONS}
        self.industry_of: dict[str, str] = {}  # expert id → the industry their profile fits

    def need(self, i: int) -> Record:
        rng = self.rng
        written = i < len(NEEDS)
        src = NEEDS[i] if written else rng.choice(NEEDS)
        industry = str(src["industry"])
        region = str(src["region"]) if written else rng.choice(REGIONS)[0]
        if written:
            name, slug = str(src["enterprise"]), str(src["slug"])
            problem = str(src["problem"])
        else:
            suffix = rng.choice(pools.ENTERPRISE_SUFFIXES[industry])
            name = (
                rng.choice(pools.ENTERPRISE_PREFIXES) + rng.choice(pools.ENTERPRISE_CORES) + suffix
            )
            slug, problem = f"need-{i:05d}", _synth_problem(rng, self.templates[industry])
        contact_name = rng.choice(pools.SURNAMES) + rng.choice(pools.CONTACT_ROLES)
        record: Record = {
            "id": slug,
            "batch": BATCH_ID,
            "region": region,
            "enterprise": {
                "name": name,
                "credit_code": credit_code(self.regions[region], rng, self.used_codes),
                "industry": industry,
                "employees": int(src["employees"]),
                "revenue_last_year": _number(str(src["revenue"])),
                "qualifications": list(src["qualifications"]),
                "carrier": src["carrier"],
            },
            "category": src["category"],
            "expert_field": src["expert_field"],
            "problem": problem,
            "cooperation": src["cooperation"],
            "intended_amount": _number(str(src["intended_amount"])),
            "contact": {
                "name": contact_name,
                "phone": _phone(rng, landline=rng.random() < 0.5),
                "email": f"{slug.replace('-', '')[:12]}@example.com",
            },
        }
        return record

    def expert(self, i: int) -> Record:
        rng = self.rng
        written = i < len(ELIGIBLE_EXPERTS)
        src = ELIGIBLE_EXPERTS[i] if written else rng.choice(ELIGIBLE_EXPERTS)
        if written:
            slug, name, birth = (
                str(src["slug"]),
                str(src["name"]),
                date.fromisoformat(str(src["birth"])),
            )
            fields = list(src["research_fields"])
            achievements = list(src["achievements"])
            patents = list(src["patents"])
        else:
            slug, name = f"expert-{i:05d}", _person_name(rng)
            span = (YOUNGEST_BIRTH - OLDEST_UNRELAXED_BIRTH).days
            birth = OLDEST_UNRELAXED_BIRTH + timedelta(days=rng.randint(1, span))
            peers = [e for e in ELIGIBLE_EXPERTS if e["industry"] == src["industry"]]
            fields = sorted({f for e in peers for f in e["research_fields"]})
            fields = rng.sample(fields, min(3, len(fields)))
            achievements = [rng.choice(list(rng.choice(peers)["achievements"]))]
            patents = list(rng.choice(peers)["patents"])
        institution = self.institutions[str(src["institution"])]
        self.industry_of[slug] = str(src["industry"])
        return {
            "id": slug,
            "batch": BATCH_ID,
            "name": name,
            "gender": src["gender"],
            "birth_date": birth,
            "institution": institution["name"],
            "department": src["department"],
            "institution_type": institution["type"],
            "title": src["title"],
            "title_level": src["title_level"],
            "degree": src["degree"],
            **({"position": src["position"]} if src["position"] else {}),
            "research_fields": fields,
            "achievements": achievements,
            "patents": [
                {
                    "number": patent_number(str(p["kind"]), rng),
                    "title": p["title"],
                    "kind": p["kind"],
                }
                for p in patents
            ],
            "clean_record_3y": True,
            "contract_end": date(2027, 12, 31),
            "training_certificate": rng.choice(["初级", "中级", "无"]),
            "applications": [],
            "political_status": rng.choice(["中共党员", "群众", "九三学社社员", "民盟盟员"]),
            "contact": {"phone": _phone(rng, landline=False)},
        }

    def apply(self, needs: list[Record], experts: list[Record], most: int = 3) -> None:
        """Each expert applies to 1–`most` needs of the industry their profile fits."""
        by_industry: dict[str, list[str]] = {}
        for need in needs:
            by_industry.setdefault(need["enterprise"]["industry"], []).append(need["id"])
        for expert in experts:
            choices = by_industry.get(self.industry_of[expert["id"]]) or [n["id"] for n in needs]
            count = min(len(choices), self.rng.randint(1, most))
            expert["applications"] = sorted(self.rng.sample(choices, count))


def build_demo(
    needs: int, experts: int, seed: int, staff: bool = True, applications: int = 3
) -> dict[str, list[Record]]:
    """Every record of the demo repository, by kind, as plain data.

    Without `staff`, only the batch, needs and experts: what the validation benchmark times.
    Each expert applies to 1–`applications` needs (the matching benchmark asks for more)."""
    builder = _Builder(seed)
    need_records = [builder.need(i) for i in range(needs)]
    expert_records = [builder.expert(i) for i in range(experts)]
    builder.apply(need_records, expert_records, applications)
    name_preferred_experts(need_records, expert_records, REFERENCE_DATE)
    quota = max(1, min(needs, experts) * 3 // 5)
    batch = batch_record(quota)
    add_review_cases(need_records, expert_records, batch["institution_aliases"])
    appointments, reports, assessments = (
        staff_records(need_records, expert_records, quota, builder.rng) if staff else ([], [], [])
    )
    return {
        "batch": [batch],
        "need": need_records,
        "expert": expert_records,
        "appointment": appointments,
        "report": reports,
        "assessment": assessments,
    }


def demo_files(
    needs: int, experts: int, seed: int, staff: bool = True, applications: int = 3
) -> dict[str, str]:
    """Every file of the demo repository: its path under the root → its text."""
    files: dict[str, str] = {}
    for kind, records in build_demo(needs, experts, seed, staff, applications).items():
        for data in records:
            rel = record_path(kind, data)
            files[rel] = dump_record(data, schema_ref(kind, rel))
    return files


def write_demo(
    out: Path, needs: int, experts: int, seed: int, staff: bool = True, applications: int = 3
) -> int:
    """Write the demo repository's submissions/ under out; returns the number of files."""
    files = demo_files(needs, experts, seed, staff, applications)
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return len(files)
