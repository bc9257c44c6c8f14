"""The seven outcome counts of seed 002 附件1/附件5, shared by reports and assessments."""

from __future__ import annotations

from techvp.models.common import Count, Model, Money, public


class Outcomes(Model):
    problems_solved: Count = public("解决技术难题数（个）", default=0)
    transfers: Count = public("促成科技成果转化数（个）", default=0)
    trainees: Count = public("为企业培训人次（位）", default=0)
    talents: Count = public("为企业引进人才数（位）", default=0)
    agreements: Count = public("达成项目协议数（个）", default=0)
    agreement_amount: Money = public("达成协议金额（万元）", default=0)
    platforms: Count = public("推动共建平台数（个）", default=0)
