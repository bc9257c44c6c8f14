"""Demo records written by staff: named experts, appointments, bi-monthly reports, assessments."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from techvp.demo.reference import BATCH_ID
from techvp.lifecycle.status import Term, due_date, report_periods
from techvp.models import Appointment
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


# The shipped batch's service term (deadlines.on_duty + 2 years), as techvp.lifecycle reads it.
TERM = Term(date(2022, 6, 30), date(2024, 6, 30))
TERMINATED_ON = date(2023, 3, 15)
OPINIONS = {
    "enterprise": (
        "该同志认真履行四方项目合同，驻厂服务时间有保证，帮助企业解决了关键技术问题，同意通过。",
        "驻厂服务天数明显不足，合同约定任务未完成，不同意通过。",
    ),
    "institution": (
        "该同志兼顾教学科研与企业服务，工作成效明显，同意通过。",
        "该同志服务企业投入不足，同意企业意见。",
    ),
    "econ_dept": ("服务成效数据属实，同意通过考核验收。", "经核实，服务时间不足，不予通过。"),
    "org_dept": ("同意通过考核验收。", "同意不予通过。"),
}


def _dates(rng: random.Random, month: int = 6) -> tuple[date, date]:
    signed = date(2022, month, 6) + timedelta(days=rng.randint(0, 14))
    return signed, signed + timedelta(days=rng.randint(1, 8))


def _report(expert: Record, period: str, rng: random.Random, late: bool, short: bool) -> Record:
    year, month = int(period[:4]), int(period[5:])
    low, high = (3, 6) if short else (7, 10)
    due = due_date(period)
    sent = due + timedelta(days=rng.randint(3, 9)) if late else due - timedelta(rng.randint(0, 12))
    return {
        "expert": expert["id"],
        "batch": BATCH_ID,
        "period": period,
        "days_served": {
            f"{year:04d}-{month - 1:02d}": rng.randint(low, high),
            period: rng.randint(low, high),
        },
        "activities": rng.sample(ACTIVITIES, 2),
        "outcomes": _report_outcomes(rng),
        "submitted_on": sent,
    }


def _report_outcomes(rng: random.Random) -> Record:
    """A period's new outcomes: most periods solve a problem or train people; now and then a
    transfer, a hire, an agreement with its amount, or a shared platform."""
    agreements = rng.choice([0, 0, 0, 1])
    out: Record = {
        "problems_solved": rng.randint(0, 2),
        "transfers": rng.choice([0] * 7 + [1]),
        "trainees": rng.choice([0, 0, 8, 15, 20]),
        "talents": rng.choice([0] * 5 + [1]),
        "agreements": agreements,
        "agreement_amount": agreements * rng.choice([10, 20, 35, 50]),
        "platforms": rng.choice([0] * 11 + [1]),
    }
    return {k: v for k, v in out.items() if v}


def _opinions(failed: bool, complete: bool, rng: random.Random) -> Record:
    keys = list(OPINIONS) if complete else list(OPINIONS)[:3]
    day = date(2024, 7, 1)
    out: Record = {}
    for key in keys:
        day += timedelta(days=rng.randint(1, 5))
        out[key] = {"text": OPINIONS[key][1 if failed else 0], "date": day}
    return out


def _assessment(
    expert: Record, reports: list[Record], failed: bool, complete: bool, rng: random.Random
) -> Record:
    def total(key: str) -> int:
        return sum(r["outcomes"].get(key, 0) for r in reports)

    extra = rng.randint(0, 2)
    return {
        "expert": expert["id"],
        "batch": BATCH_ID,
        "outcomes": {
            "problems_solved": total("problems_solved") + rng.randint(1, 3),
            "transfers": total("transfers") + rng.randint(0, 1),
            "trainees": total("trainees") + rng.randint(10, 40),
            "talents": total("talents") + rng.randint(0, 1),
            "agreements": total("agreements") + extra,
            "agreement_amount": total("agreement_amount") + extra * rng.choice([10, 20, 35, 50]),
            "platforms": total("platforms"),
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
        "opinions": _opinions(failed, complete, rng),
        **({"result": "不通过" if failed else "通过"} if complete else {}),
        **({"fail_reason": FAIL_REASON} if failed and complete else {}),
    }


def _serve(
    expert: Record, record: Record, k: int, rng: random.Random
) -> tuple[list[Record], list[Record]]:
    """The reports (and the assessment) of one appointment that took up the post: the k-th
    appointment's place in a cycle of 12 decides its life."""
    owed = report_periods(Appointment.model_validate(record), TERM)
    failed = k % 12 == 7
    reports = [
        _report(expert, p, rng, late=k % 12 == 3 and i == 4, short=failed and i % 3 == 1)
        for i, p in enumerate(owed)
    ]
    if record["status"] != "completed":
        return reports, []
    assessment = _assessment(expert, reports, failed, complete=k % 12 != 9, rng=rng)
    return reports, [assessment]


def _substitute(need_id: str, experts: list[Record], appointed: set[str]) -> Record | None:
    """Another applicant to the need, not yet appointed: who replaces an expert who never
    signed."""
    return next(
        (e for e in experts if need_id in e["applications"] and e["id"] not in appointed), None
    )


def staff_records(
    needs: list[Record], experts: list[Record], quota: int, rng: random.Random
) -> tuple[list[Record], list[Record], list[Record]]:
    """Appoint applicants greedily up to the quota and give the batch a whole life: most serve
    the term, report every two months and are assessed (one in twelve fails, one still lacks an
    opinion); one reports late; one in twelve never signs (the first is replaced by another
    applicant to the same need), one in twelve is terminated after nine months."""
    taken: set[str] = set()
    appointed: set[str] = set()
    appointments: list[Record] = []
    reports: list[Record] = []
    assessments: list[Record] = []
    for expert in experts:
        if len(appointments) >= quota:
            break
        need_id = next((n for n in expert["applications"] if n not in taken), None)
        if need_id is None or expert["id"] in appointed:
            continue
        taken.add(need_id)
        appointed.add(expert["id"])
        k = len(appointments)
        record: Record = {"expert": expert["id"], "need": need_id, "batch": BATCH_ID}
        if k % 12 == 5:
            record |= {
                "status": "not_signed",
                "not_signed_reason": NOT_SIGNED_REASONS[k % len(NOT_SIGNED_REASONS)],
            }
            other = _substitute(need_id, experts, appointed) if k == 5 else None
            appointments.append(record)
            if other is None:
                continue
            record["replaced_by"] = other["id"]
            appointed.add(other["id"])
            signed, on_duty = _dates(rng, month=7)
            expert, record = other, {"expert": other["id"], "need": need_id, "batch": BATCH_ID}
            record |= {"status": "completed", "signed_on": signed, "on_duty_on": on_duty}
        else:
            signed, on_duty = _dates(rng)
            ended = k % 12 == 11
            record |= {"status": "terminated" if ended else "completed"}
            record |= {"signed_on": signed, "on_duty_on": on_duty}
            if ended:
                record["terminated_on"] = TERMINATED_ON
        appointments.append(record)
        mine, assessed = _serve(expert, record, k, rng)
        reports.extend(mine)
        assessments.extend(assessed)
    return appointments, reports, assessments
