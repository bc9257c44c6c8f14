"""Demo records written by staff: named experts, appointments, bi-monthly reports, assessments."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from techvp.demo.reference import BATCH_ID
from techvp.policies.rules.expert import age_on

Record = dict[str, Any]

ACTIVITIES = (
    "深入企业生产一线调研，梳理产品开发和工艺中的关键技术问题，形成问题清单",
    "组织企业技术骨干开展专题培训，讲解相关领域最新技术进展",
    "协助企业制定研发项目实施方案，明确技术路线和阶段目标",
    "带领研究生驻厂开展试验，完成工艺参数优化的对比测试",
    "协助企业申报市级科技计划项目，完善申报材料",
    "对接派出单位实验平台，为企业开放检测设备并完成样品测试",
    "参与企业新产品评审，提出结构与材料改进建议",
    "推动企业与派出单位签订技术开发合同，明确双方权责",
    "协助企业引进硕士研究生，充实研发团队",
    "指导企业建设企业技术中心，完善研发管理制度",
)
NOT_SIGNED_REASONS = (
    "企业因经营调整暂停相关产品研发，经协商未签订三方协议。",
    "专家因承担国家重点研发任务，时间无法保证，经派出单位同意不再派驻。",
)
FAIL_REASON = "服务期内实际服务天数明显不足，企业考核评价为“不满意”。"


def _prefer(need: Record, expert: Record, agreed: bool) -> None:
    named = need.setdefault("preferred_experts", [])
    if len(named) < 2 and all(p["expert"] != expert["id"] for p in named):
        named.append(
            {
                "institution": expert["institution"],
                "name": expert["name"],
                "agreed": agreed,
                "expert": expert["id"],
            }
        )


def name_preferred_experts(needs: list[Record], experts: list[Record], reference: date) -> None:
    """Enterprises name applicants they know. Every applicant over 45 is named and agreed on
    (seed 004 二(三) lets the age limit relax then, for a reviewer to confirm); some enterprises
    name a younger applicant without having agreed yet."""
    by_id = {n["id"]: n for n in needs}
    for k, expert in enumerate(experts):
        if not expert["applications"]:
            continue
        need = by_id[expert["applications"][0]]
        if age_on(expert["birth_date"], reference) > 45:
            _prefer(need, expert, agreed=True)
        elif k % 9 == 4:
            _prefer(need, expert, agreed=False)


def add_review_cases(
    needs: list[Record], experts: list[Record], aliases: dict[str, list[str]]
) -> None:
    """Two situations reviewers must judge: one enterprise posting a second need (same credit
    code), and an enterprise incubated by an applicant's institution, written by its short name."""
    if len(needs) > 11:
        first, second = needs[10]["enterprise"], needs[11]["enterprise"]
        second["name"], second["credit_code"] = first["name"], first["credit_code"]
    by_id = {n["id"]: n for n in needs}
    for expert in experts[5:]:
        short = aliases.get(expert["institution"])
        if expert["applications"] and short:
            need = by_id[expert["applications"][0]]
            need["enterprise"]["affiliated_institutions"] = [short[0]]
            return


def _dates(rng: random.Random) -> tuple[date, date]:
    signed = date(2022, 6, 6) + timedelta(days=rng.randint(0, 14))
    return signed, signed + timedelta(days=rng.randint(1, 8))


def _report(expert: Record, period: str, rng: random.Random) -> Record:
    year, month = int(period[:4]), int(period[5:])
    return {
        "expert": expert["id"],
        "batch": BATCH_ID,
        "period": period,
        "days_served": {
            f"{year:04d}-{month - 1:02d}": rng.randint(7, 10),
            period: rng.randint(7, 10),
        },
        "activities": rng.sample(ACTIVITIES, 2),
        "outcomes": {
            "problems_solved": rng.randint(0, 2),
            "trainees": rng.choice([0, 0, 8, 15, 20]),
            "agreements": rng.randint(0, 1),
        },
    }


def _assessment(expert: Record, reports: list[Record], failed: bool, rng: random.Random) -> Record:
    def total(key: str) -> int:
        return sum(r["outcomes"][key] for r in reports)

    agreements = total("agreements") + rng.randint(0, 2)
    return {
        "expert": expert["id"],
        "batch": BATCH_ID,
        "outcomes": {
            "problems_solved": total("problems_solved") + rng.randint(1, 3),
            "transfers": rng.randint(0, 2),
            "trainees": total("trainees") + rng.randint(10, 40),
            "talents": rng.randint(0, 3),
            "agreements": agreements,
            "agreement_amount": agreements * rng.choice([10, 20, 35, 50]),
            "platforms": rng.randint(0, 1),
        },
        "first_fund_received": True,
        "funds_used_properly": not failed,
        "summary": {
            "achievements": "服务期内围绕企业关键技术问题开展联合攻关，"
            + "；".join(rng.sample(ACTIVITIES, 3))
            + "，帮助企业提升了研发组织能力和产品质量。",
            "experience": "坚持问题导向，定期驻厂，依托派出单位平台资源，做到企业出题、专家答题。",
        },
        "shortcomings": "受教学科研任务影响，部分月份驻厂时间集中，成果转化周期较长。",
        "enterprise_evaluation": {
            "contract_fulfilled": not failed,
            "days_met": not failed,
            "innovation_improved": True,
            "economic_benefit": not failed,
            "satisfaction": "不满意" if failed else rng.choice(["很满意", "很满意", "满意"]),
            "violations": False,
        },
        "result": "不通过" if failed else "通过",
        **({"fail_reason": FAIL_REASON} if failed else {}),
    }


def staff_records(
    needs: list[Record], experts: list[Record], quota: int, rng: random.Random
) -> tuple[list[Record], list[Record], list[Record]]:
    """Appoint applicants greedily up to the quota; most serve the full term and are assessed."""
    taken: set[str] = set()
    appointments: list[Record] = []
    reports: list[Record] = []
    assessments: list[Record] = []
    for expert in experts:
        if len(appointments) >= quota:
            break
        need_id = next((n for n in expert["applications"] if n not in taken), None)
        if need_id is None:
            continue
        taken.add(need_id)
        k = len(appointments)
        record: Record = {"expert": expert["id"], "need": need_id, "batch": BATCH_ID}
        if k % 12 == 5:
            record |= {
                "status": "not_signed",
                "not_signed_reason": NOT_SIGNED_REASONS[k % len(NOT_SIGNED_REASONS)],
            }
            appointments.append(record)
            continue
        signed, on_duty = _dates(rng)
        status = "terminated" if k % 12 == 11 else "completed"
        record |= {"status": status, "signed_on": signed, "on_duty_on": on_duty}
        appointments.append(record)
        mine = [_report(expert, p, rng) for p in ("2022-08", "2022-10", "2022-12")]
        reports.extend(mine)
        if status == "completed":
            assessments.append(_assessment(expert, mine, failed=k % 12 == 7, rng=rng))
    return appointments, reports, assessments
