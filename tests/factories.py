"""Small valid records and a writer that lays them out as a real submissions/ tree.

Tests start from these, change one thing, and assert the diagnostic codes and locations.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from techvp.layout import record_path
from techvp.models.common import credit_check_char, org_check_char
from techvp.yamlwrite import dump_record


def credit_code(division: str = "420102", serial: str = "MA4K0TEW") -> str:
    """A valid 统一社会信用代码 for a division; `serial` is 8 chars (its own check is added)."""
    org = serial[:8]
    body = "91" + division + org + org_check_char(org)
    return body + credit_check_char(body)


BATCH: dict[str, Any] = {
    "id": "wuhan-2022",
    "title": "2022年武汉市选派“科技副总”服务中小微企业",
    "policy": "wuhan-2022",
    "reference_date": "2022-03-15",
    "deadlines": {
        "needs": "2022-03-15T17:00:00+08:00",
        "experts": "2022-04-20T17:00:00+08:00",
        "matching": "2022-04-30T17:00:00+08:00",
        "selection": "2022-05-30T17:00:00+08:00",
        "on_duty": "2022-06-30T17:00:00+08:00",
    },
    "quota": 10,
    "regions": [
        {"slug": "jiangan", "name": "江岸区", "code": "420102"},
        {"slug": "donghu-gaoxin", "name": "东湖新技术开发区", "code": "420100"},
    ],
    "industries": ["光电子信息", "高端装备制造", "生物医药及医疗器械"],
    "funding": {
        "per_person": "50000",
        "tranches": [
            {"amount": "30000", "when": "on_duty"},
            {"amount": "20000", "when": "passed_assessment"},
        ],
    },
    "service": {"years": "2", "min_days_per_month": "7"},
}

NEED: dict[str, Any] = {
    "id": "laser-weld",
    "batch": "wuhan-2022",
    "region": "jiangan",
    "enterprise": {
        "name": "武汉睿光激光科技有限公司",
        "credit_code": credit_code(),
        "industry": "光电子信息",
        "employees": "120",
        "revenue_last_year": "3200.5",
        "qualifications": ["高新技术企业", "科技型中小企业"],
    },
    "category": "产品创新与技术攻关",
    "expert_field": "激光焊接与光束整形",
    "problem": "公司动力电池极耳激光焊接良品率仅为 92%，飞溅和虚焊问题突出，需要优化工艺。",
    "cooperation": "共建激光焊接联合实验室",
    "intended_amount": "30",
    "contact": {"name": "王工", "phone": "027-85317029", "email": "wang@example.cn"},
}

EXPERT: dict[str, Any] = {
    "id": "li-ming-hust",
    "batch": "wuhan-2022",
    "name": "李明",
    "gender": "男",
    "birth_date": "1985-06-01",
    "institution": "华中科技大学",
    "department": "光学与电子信息学院",
    "institution_type": "高校",
    "title": "副教授",
    "title_level": "副高级",
    "degree": "博士",
    "research_fields": ["激光焊接", "光束整形"],
    "achievements": ["主持国家自然科学基金项目“高功率激光焊接熔池动力学”"],
    "patents": [{"number": "ZL202110123456.7", "title": "一种激光焊接方法", "kind": "发明"}],
    "clean_record_3y": "true",
    "applications": ["laser-weld"],
    "contact": {"phone": "13807100000"},
}

APPOINTMENT: dict[str, Any] = {
    "expert": "li-ming-hust",
    "need": "laser-weld",
    "batch": "wuhan-2022",
    "status": "on_duty",
    "signed_on": "2022-06-10",
    "on_duty_on": "2022-06-20",
}

REPORT: dict[str, Any] = {
    "expert": "li-ming-hust",
    "batch": "wuhan-2022",
    "period": "2022-08",
    "days_served": {"2022-07": "8", "2022-08": "7"},
    "activities": ["现场调研焊接产线，提出工艺参数优化方案"],
    "outcomes": {"problems_solved": "1", "trainees": "12"},
}

ASSESSMENT: dict[str, Any] = {
    "expert": "li-ming-hust",
    "batch": "wuhan-2022",
    "outcomes": {
        "problems_solved": "3",
        "transfers": "1",
        "trainees": "30",
        "agreement_amount": "50",
    },
    "first_fund_received": "是",
    "funds_used_properly": "是",
    "summary": {"achievements": "帮助企业提升焊接良品率至 98%。", "experience": "驻厂调研。"},
    "shortcomings": "服务时间受教学任务影响。",
    "enterprise_evaluation": {
        "contract_fulfilled": "是",
        "days_met": "是",
        "innovation_improved": "是",
        "economic_benefit": "是",
        "satisfaction": "很满意",
        "violations": "否",
    },
    "result": "通过",
}


def record(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of a sample with top-level keys changed (None removes the key)."""
    out = copy.deepcopy(base)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def dump(data: dict[str, Any]) -> str:
    """A record's file text, written as every tool writes records."""
    return dump_record(data)


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def write_repo(root: Path, **kinds: list[dict[str, Any]]) -> Path:
    """Write records, e.g. write_repo(tmp, batch=[BATCH], need=[NEED]); returns root."""
    (root / "submissions").mkdir(parents=True, exist_ok=True)
    for kind, items in kinds.items():
        for data in items:
            write(root, record_path(kind, data), dump(data))
    return root


def full_repo(root: Path) -> Path:
    """One valid record of every kind."""
    return write_repo(
        root,
        batch=[BATCH],
        need=[NEED],
        expert=[EXPERT],
        appointment=[APPOINTMENT],
        report=[REPORT],
        assessment=[ASSESSMENT],
    )
