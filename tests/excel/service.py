"""A small batch with an expert in every state seed 002's forms care about, written as a repo.

Built from tests/factories.py, not from the shipped demo (whose life another change rewrites):
- li-ming-hust (江岸区): completed, assessed 通过, four opinions dated, a long summary;
- zhang-wei-whu (江岸区): completed, assessed 不通过 with a reason;
- wang-fang-wut (东湖新技术开发区): on duty, not assessed, two reports;
- zhao-lei-ccnu (东湖新技术开发区): not signed, with a reason;
- sun-qiang-hbut (东湖新技术开发区): served, one report, then terminated (not assessed).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tests.factories import (
    APPOINTMENT,
    ASSESSMENT,
    BATCH,
    EXPERT,
    NEED,
    REPORT,
    credit_code,
    record,
    write_repo,
)

SEED = next((Path("/work/shared/seeds")).glob("002_*.txt"), None)
LONG = "在企业驻点期间围绕焊接工艺开展攻关，逐项分析产线数据并提出改进方案。" * 30  # ~1000 chars


def _need(slug: str, region: str, name: str, serial: str) -> dict:
    division = "420102" if region == "jiangan" else "420100"
    enterprise = {**NEED["enterprise"], "name": name, "credit_code": credit_code(division, serial)}
    return record(NEED, id=slug, region=region, enterprise=enterprise)


def _expert(slug: str, name: str, need: str, phone: str, **more: object) -> dict:
    return record(EXPERT, id=slug, name=name, applications=[need], contact={"phone": phone}, **more)


OPINION = {"text": "同意通过考核验收。", "date": "2024-06-20"}


def service_repo(root: Path) -> Path:
    needs = [
        _need("laser-weld", "jiangan", "武汉睿光激光科技有限公司", "MA4K0TE1"),
        _need("smart-pump", "jiangan", "武汉江岸智能泵业有限公司", "MA4K0TE2"),
        _need("bio-chip", "donghu-gaoxin", "武汉光谷芯测生物科技有限公司", "MA4K0TE3"),
        _need("green-coat", "donghu-gaoxin", "武汉绿涂新材料有限公司", "MA4K0TE4"),
        _need("cold-chain", "donghu-gaoxin", "武汉冷链物联科技有限公司", "MA4K0TE5"),
    ]
    experts = [
        _expert("li-ming-hust", "李明", "laser-weld", "13807100000", political_status="中共党员"),
        _expert("zhang-wei-whu", "张伟", "smart-pump", "13807100001", position="系主任"),
        _expert("wang-fang-wut", "王芳", "bio-chip", "13807100002", gender="女"),
        _expert("zhao-lei-ccnu", "赵磊", "green-coat", "13807100003"),
        _expert("sun-qiang-hbut", "孙强", "cold-chain", "13807100004"),
    ]
    done = {"status": "completed", "signed_on": "2022-06-10", "on_duty_on": "2022-06-20"}
    appointments = [
        record(APPOINTMENT, expert="li-ming-hust", need="laser-weld", **done),
        record(APPOINTMENT, expert="zhang-wei-whu", need="smart-pump", **done),
        record(APPOINTMENT, expert="wang-fang-wut", need="bio-chip"),
        record(APPOINTMENT, expert="sun-qiang-hbut", need="cold-chain", status="terminated"),
        record(
            APPOINTMENT,
            expert="zhao-lei-ccnu",
            need="green-coat",
            status="not_signed",
            signed_on=None,
            on_duty_on=None,
            not_signed_reason="专家承担国家重点研发任务，经派出单位同意不再派驻。",
        ),
    ]
    reports = [
        record(REPORT, expert="wang-fang-wut"),
        record(REPORT, expert="sun-qiang-hbut"),
        record(
            REPORT,
            expert="wang-fang-wut",
            period="2022-10",
            days_served={"2022-09": "7", "2022-10": "9"},
            outcomes={"problems_solved": "2", "agreement_amount": "12.5"},
        ),
    ]
    opinions = dict.fromkeys(["enterprise", "institution", "econ_dept", "org_dept"], OPINION)
    assessments = [
        record(
            ASSESSMENT,
            summary={"achievements": LONG, "experience": "驻厂调研，企业出题、专家答题。"},
            opinions=opinions,
        ),
        record(
            ASSESSMENT,
            expert="zhang-wei-whu",
            outcomes={"problems_solved": "1", "trainees": "5", "agreement_amount": "7.5"},
            result="不通过",
            fail_reason="服务天数不足，企业评价为不满意。",
            enterprise_evaluation={
                **ASSESSMENT["enterprise_evaluation"],
                "satisfaction": "不满意",
                "days_met": "否",
            },
        ),
    ]
    return write_repo(
        root,
        batch=[BATCH],
        need=needs,
        expert=experts,
        appointment=appointments,
        report=reports,
        assessment=assessments,
    )


def flat(value: object) -> str:
    """Text as compared with the seed: half-width forms (the seed's text lost its full-width
    punctuation), no spaces."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", str(value or "")))


# Seed 002's titles (with the seed's batch words) and headers, transcribed once from its text
# (full-width punctuation restored; 附件2's “通过验验收” slip not copied).
OUTCOMES = [
    "解决技术难题数（个）",
    "促成科技成果转化数（个）",
    "为企业培训人次（位）",
    "为企业引进人才数（位）",
    "达成项目协议数（个）",
    "达成协议金额（万元）",
    "推动共建平台数（个）",
]
SEED_FORMS = {
    "附件2": (
        "湖北省第二批",
        "湖北省第二批“科技副总”服务中小微企业工作考核验收情况汇总表",
        [
            "市州",
            "序号",
            "“科技副总”姓名",
            "派出单位及院系",
            "职称职务",
            "接收企业",
            "考核验收总体意见",
            "未通过考核验收的原因",
            "通过验收的“科技副总”个人账号信息",
        ],
    ),
    "附件3": (
        "湖北省第四批",
        "湖北省第四批“科技副总”未签约到岗、履职服务情况汇总表",
        [
            "序号",
            "“科技副总”姓名",
            "派出单位及院系",
            "职称职务",
            "接收企业",
            "未能签约到岗、履职服务原因（300字以内）",
        ],
    ),
    "附件4": (
        "湖北省第四批",
        "湖北省第四批“科技副总”支持经费第一次拨付个人账户信息采集表",
        [
            "“科技副总”姓名",
            "性别",
            "党派",
            "开户行（支行）",
            "银行账号",
            "服务企业",
            "是否已与企业签约（是/否）",
            "是否到岗履职（是/否）",
            "服务成效（很好/一般/没有）",
            "企业满意度（很满意/满意/不满意）",
            "联系手机",
        ],
    ),
    "附件5": (
        "湖北省第二批省级",
        "湖北省第二批省级“科技副总”服务中小微企业活动开展情况统计表",
        [None, "批次", *OUTCOMES],
    ),
}
SEED_STAMPS = {
    "附件2": ["各区党委组织部（盖章）：", "各区经信局（盖章）：", "填报人：", "填报日期："],
    "附件3": ["各区经信局（盖章）：", "填报人：", "填报日期："],
}
SEED_SLIPS = {"通过验验收": "通过验收"}


def seed_text() -> str | None:
    """Seed 002's text, flattened, when the seeds are on this machine (not in a fresh clone)."""
    if SEED is None:
        return None
    body = flat(SEED.read_text(encoding="utf-8"))
    for slip, fixed in SEED_SLIPS.items():
        body = body.replace(slip, fixed)
    return body
