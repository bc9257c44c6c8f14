"""Seed 002's tables, declared in the export engine: 附件2 考核验收情况汇总表, 附件3 未签约到岗、
履职服务情况汇总表, 附件4 支持经费拨付个人账户信息采集表 and 附件5 服务中小微企业活动开展情况统计表.

Rows come from the appointment records and what hangs on them (expert, need, reports,
assessment). Where each appointment stands is `status_of`, the one place to switch to the
lifecycle's derived status. Bank details come only from an accounts file (`excel.accounts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from techvp.excel.accounts import Account
from techvp.excel.layout import Column, Form, Kind
from techvp.messages import excel as text
from techvp.models import Appointment, Assessment, Batch, Expert, Need
from techvp.models.outcomes import Outcomes
from techvp.repo import Dataset

A = text.ASSESSMENTS_HEADERS
U = text.UNSIGNED_HEADERS
F = text.ACCOUNTS_FORM_HEADERS
OUTCOME_FIELDS: tuple[str, ...] = tuple(text.OUTCOME_HEADERS)
# Statuses in which an expert took up the post (附件5 counts their outcomes), of those the
# ones who serve to the end of the term (附件1/2 assess them), and those a first tranche is for
# (附件4).
SERVED = frozenset({"on_duty", "completed", "terminated"})
ASSESSED = frozenset({"on_duty", "completed"})
SIGNED = frozenset({"signed", "on_duty", "completed"})


def status_of(dataset: Dataset, appointment: Appointment) -> str:
    """Where an appointment stands. Today the record's own status; the lifecycle's derived status
    (from dates, reports and assessments) replaces this one call."""
    del dataset
    return appointment.status


def batch_label(batch: Batch) -> str:
    """The batch as the seed's titles name it (“湖北省第二批”): the batch title up to “选派” or
    “科技副总”, e.g. 2022年武汉市."""
    head = re.split(r"选派|“科技副总”", batch.title, maxsplit=1)[0]
    return head or batch.title


def choice(options: Sequence[str], chosen: str | None) -> str:
    """（√）通过验收    （  ）不通过验收: the paper's choice line, the answer ticked."""
    return text.CHOICE_GAP.join(
        (text.CHOICE_ON if o == chosen else text.CHOICE_OFF) + o for o in options
    )


def yes_no(value: bool | None) -> str:
    return choice((text.YES, text.NO), None if value is None else text.YES if value else text.NO)


def add_outcomes(items: Iterable[Outcomes]) -> Outcomes:
    totals: dict[str, Any] = dict.fromkeys(OUTCOME_FIELDS, 0)
    for item in items:
        for name in OUTCOME_FIELDS:
            totals[name] += getattr(item, name)
    return Outcomes.model_validate(totals)


@dataclass(frozen=True)
class ServiceRow:
    """One appointed expert with the records behind the seed's rows."""

    number: int
    appointment: Appointment
    status: str
    region: str  # the region's name
    expert: Expert | None
    need: Need | None
    assessment: Assessment | None
    outcomes: Outcomes
    account: Account | None = None

    def person(self, attr: str) -> Any:
        return getattr(self.expert, attr) if self.expert is not None else None

    @property
    def name(self) -> str:
        return self.expert.name if self.expert is not None else self.appointment.expert

    @property
    def institution(self) -> str | None:
        """派出单位及院系."""
        if self.expert is None:
            return None
        return " ".join(p for p in (self.expert.institution, self.expert.department) if p)

    @property
    def title(self) -> str | None:
        """职称职务."""
        if self.expert is None:
            return None
        return text.LIST_SEP.join(p for p in (self.expert.title, self.expert.position) if p)

    @property
    def enterprise(self) -> str | None:
        return self.need.enterprise.name if self.need is not None else None

    @property
    def result(self) -> str | None:
        return self.assessment.result if self.assessment is not None else None

    def account_cell(self) -> str | None:
        """开户行（含支行）：…\\n银行账号：… for a passed (or not yet assessed) expert."""
        if self.result == "不通过":
            return None
        bank, number = (self.account.bank, self.account.number) if self.account else ("", "")
        return "\n".join(
            label + value for label, value in zip(text.ACCOUNT_LABELS, (bank, number), strict=True)
        )


def expert_outcomes(dataset: Dataset, expert_id: str) -> Outcomes:
    """Two years' outcomes: the assessment's when there is one, else the sum of the reports."""
    assessed = dataset.assessments.get(expert_id)
    if assessed is not None:
        return assessed.record.outcomes
    return add_outcomes(
        item.record.outcomes for key, item in sorted(dataset.reports.items()) if key[0] == expert_id
    )


def service_rows(
    dataset: Dataset, batch: Batch, accounts: Mapping[str, Account] | None = None
) -> list[ServiceRow]:
    """Every appointment of the batch, by region order, need, expert; numbered from 1."""
    order = {r.slug: i for i, r in enumerate(batch.regions)}
    names = {r.slug: r.name for r in batch.regions}
    rows = []
    for item in dataset.appointments.values():
        appointment = item.record
        if appointment.batch != batch.id:
            continue
        need = dataset.needs.get(appointment.need)
        expert = dataset.experts.get(appointment.expert)
        assessed = dataset.assessments.get(appointment.expert)
        region = need.record.region if need is not None else ""
        rows.append(
            (
                (order.get(region, len(order)), appointment.need, appointment.expert),
                ServiceRow(
                    0,
                    appointment,
                    status_of(dataset, appointment),
                    names.get(region, region),
                    expert.record if expert is not None else None,
                    need.record if need is not None else None,
                    assessed.record if assessed is not None else None,
                    expert_outcomes(dataset, appointment.expert),
                    (accounts or {}).get(appointment.expert),
                ),
            )
        )
    rows.sort(key=lambda pair: pair[0])
    return [_renumber(row, i) for i, (_, row) in enumerate(rows, start=1)]


def _renumber(row: ServiceRow, number: int) -> ServiceRow:
    from dataclasses import replace

    return replace(row, number=number)


def numbered(rows: Iterable[ServiceRow]) -> list[ServiceRow]:
    return [_renumber(row, i) for i, row in enumerate(rows, start=1)]


def assessed_rows(rows: Iterable[ServiceRow]) -> list[ServiceRow]:
    """附件1/附件2: experts serving to the end of the term, or assessed (those who never took
    up the post take no part; one terminated and replaced is not assessed)."""
    return numbered(r for r in rows if r.status in ASSESSED or r.assessment is not None)


def unsigned_rows(rows: Iterable[ServiceRow]) -> list[ServiceRow]:
    """附件3: experts who did not sign and take up the post."""
    return numbered(r for r in rows if r.status == "not_signed")


def paid_rows(rows: Iterable[ServiceRow]) -> list[ServiceRow]:
    """附件4: experts who signed (the first tranche's account details)."""
    return numbered(r for r in rows if r.status in SIGNED)


ASSESSMENTS = Form(
    name=text.ASSESSMENTS_FILE,
    title=text.ASSESSMENTS_TITLE,
    stamp=text.STAMP_ASSESSMENT,
    columns=(
        Column(A["region"], lambda r: r.region, 10, merge_runs=True),
        Column(A["number"], lambda r: r.number, 6, kind="int"),
        Column(A["name"], lambda r: r.name, 10),
        Column(A["institution"], lambda r: r.institution, 22),
        Column(A["title"], lambda r: r.title, 12),
        Column(A["enterprise"], lambda r: r.enterprise, 24),
        Column(A["result"], lambda r: choice(text.ASSESSED_CHOICES, _passed(r.result)), 30),
        Column(A["fail_reason"], lambda r: r.assessment and r.assessment.fail_reason, 24),
        Column(A["account"], lambda r: r.account_cell(), 34),
    ),
)


def _passed(result: str | None) -> str | None:
    return {"通过": text.ASSESSED_CHOICES[0], "不通过": text.ASSESSED_CHOICES[1]}.get(result or "")


UNSIGNED = Form(
    name=text.UNSIGNED_FILE,
    title=text.UNSIGNED_TITLE,
    stamp=text.STAMP_DISTRICT,
    columns=(
        Column(U["number"], lambda r: r.number, 6, kind="int"),
        Column(U["name"], lambda r: r.name, 12),
        Column(U["institution"], lambda r: r.institution, 24),
        Column(U["title"], lambda r: r.title, 14),
        Column(U["enterprise"], lambda r: r.enterprise, 26),
        Column(U["reason"], lambda r: r.appointment.not_signed_reason, 48),
    ),
)


def _satisfaction(row: ServiceRow) -> str | None:
    if row.assessment is None:
        return None
    value = row.assessment.enterprise_evaluation.satisfaction
    return value if value in text.SATISFACTION_CHOICES else None


ACCOUNTS_FORM = Form(
    name=text.ACCOUNTS_FORM_FILE,
    title=text.ACCOUNTS_FORM_TITLE,
    stamp=text.STAMP_DISTRICT,
    columns=(
        Column(F["name"], lambda r: r.name, 10),
        Column(F["gender"], lambda r: r.person("gender"), 6),
        Column(F["political_status"], lambda r: r.person("political_status"), 10),
        Column(F["bank"], lambda r: r.account and r.account.bank, 24),
        Column(F["account"], lambda r: r.account and r.account.number, 24, kind="digits"),
        Column(F["enterprise"], lambda r: r.enterprise, 24),
        Column(F["signed"], lambda r: r.status in SIGNED, 10, kind="yesno"),
        Column(F["on_duty"], lambda r: r.status in SERVED, 10, kind="yesno"),
        Column(F["effect"], lambda r: None, 10),  # a judgement staff write by hand
        Column(F["satisfaction"], _satisfaction, 12),
        Column(F["phone"], lambda r: r.expert and r.expert.contact.phone, 14),
    ),
)


@dataclass(frozen=True)
class TotalRow:
    """One line of 附件5: a district (or 合计) and its seven outcome figures."""

    region: str
    batch: str
    outcomes: Outcomes


def statistics_rows(rows: Iterable[ServiceRow], label: str) -> list[TotalRow]:
    """附件5: per region (in the rows' order) the sum of its experts' outcomes, then 合计, the
    sum of those lines."""
    groups: dict[str, list[Outcomes]] = {}
    for row in rows:
        if row.status in SERVED or row.assessment is not None:
            groups.setdefault(row.region, []).append(row.outcomes)
    lines = [TotalRow(region, label, add_outcomes(items)) for region, items in groups.items()]
    total = add_outcomes(line.outcomes for line in lines)
    return [*lines, TotalRow(text.STATISTICS_TOTAL, "", total)]


def _outcome_column(name: str) -> Column:
    kind: Kind = "number" if name == "agreement_amount" else "int"
    return Column(
        text.OUTCOME_HEADERS[name], lambda r: Decimal(getattr(r.outcomes, name)), 13, kind=kind
    )


STATISTICS = Form(
    name=text.STATISTICS_FILE,
    title=text.STATISTICS_TITLE,
    stamp=text.STAMP_DISTRICT,
    columns=(
        Column(text.STATISTICS_REGION, lambda r: r.region, 16),
        Column(text.STATISTICS_BATCH, lambda r: r.batch, 14),
        *(_outcome_column(name) for name in OUTCOME_FIELDS),
    ),
)
