"""Where each appointment of a batch stands at `now`, and what staff must do next.

Pure: reads a loaded Dataset and a moment, never the clock. A record dated after `now` (signed,
on duty, terminated, a report's 报送日期, an assessment's opinions) does not count yet, so the same
repository read at an earlier `--now` shows the batch as it stood then.

The service term is the batch's: it starts at the on-duty deadline (deadlines.on_duty) and lasts
service.years. A service report is due for each even month by its 26th (seed 002 一): the first
period is the first whose two months both follow the month the expert took up the post, the last
the one ending with the term's last month; a terminated appointment owes reports due up to its
终止日期 only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Literal, get_args

from techvp.messages.lifecycle import OPINION_LABELS
from techvp.models import Appointment, Assessment, Batch
from techvp.repo import Dataset

CHINA = timezone(timedelta(hours=8))
REPORT_DAY = 26  # 每双月26日前报送服务情况 (seed 002 一)

StatusKey = Literal[
    "selected",
    "signed",
    "on_duty",
    "overdue",
    "assessing",
    "passed",
    "failed",
    "not_signed",
    "terminated",
    "replaced",
]
STATUS_ORDER: tuple[StatusKey, ...] = get_args(StatusKey)  # tables list statuses in this order
ActionKey = Literal[
    "report-overdue",
    "not-on-duty",
    "not-signed-unreplaced",
    "assessment-missing",
    "opinions-missing",
    "result-missing",
]
OPINION_KEYS = ("enterprise", "institution", "econ_dept", "org_dept")


def today(now: datetime) -> date:
    """The calendar day in China at `now` (an aware datetime)."""
    return now.astimezone(CHINA).date()


def _plus_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Term:
    start: date
    end: date


def batch_term(batch: Batch) -> Term:
    """The service term: from the on-duty deadline, service.years long."""
    start = today(batch.deadlines.on_duty)
    return Term(start, _plus_years(start, batch.service.years))


def due_date(period: str) -> date:
    """The day a period's report is due: `2022-08` → 2022-08-26."""
    return date(int(period[:4]), int(period[5:7]), REPORT_DAY)


def _month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def _period(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def report_periods(appointment: Appointment, term: Term) -> list[str]:
    """The periods this appointment owes a report for over its whole service (not only those
    already due): none before it took up the post."""
    if appointment.on_duty_on is None:
        return []
    first = _month_number(appointment.on_duty_on) + 2  # the period after the on-duty month
    if first % 12 % 2 == 0:  # month numbers are 0-based: an odd calendar month
        first += 1
    last = _month_number(term.end)
    out = [_period(n) for n in range(first, last + 1, 2)]
    if appointment.status == "terminated":
        end = appointment.terminated_on
        out = [p for p in out if end is not None and due_date(p) <= end]
    return out


def assessment_date(assessment: Assessment) -> date | None:
    """When the assessment was complete: its latest opinion's date (None: no opinion dated)."""
    dates = [o.date for k in OPINION_KEYS if (o := getattr(assessment.opinions, k)) is not None]
    return max(dates) if dates else None


def missing_opinions(assessment: Assessment) -> list[str]:
    return [k for k in OPINION_KEYS if getattr(assessment.opinions, k) is None]


@dataclass(frozen=True)
class Standing:
    """One appointment at `now`."""

    expert: str
    name: str  # the expert's name; "" when the expert record did not load
    need: str
    enterprise: str  # "" when the need did not load
    region: str  # the need's region slug; "" when unknown
    status: StatusKey
    overdue: tuple[str, ...] = ()  # periods due before `now` without a report
    late: tuple[str, ...] = ()  # periods reported after their 26th
    reported: tuple[str, ...] = ()  # periods with a report counted at `now`


@dataclass(frozen=True)
class Action:
    """Something staff must do: `key` names it (messages.lifecycle.ACTIONS), params fill it."""

    key: ActionKey
    expert: str
    region: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchStatus:
    batch: str
    day: date  # the day judged
    term: Term
    regions: tuple[tuple[str, str], ...]  # (slug, name) in the batch's order
    standings: tuple[Standing, ...]  # by expert id
    actions: tuple[Action, ...]

    def counts(self) -> dict[str, dict[str, int]]:
        """Region slug → status → count, every region and status present (zeros too)."""
        out: dict[str, dict[str, int]] = {}
        for slug, _ in self.regions:
            out[slug] = dict.fromkeys(STATUS_ORDER, 0)
        for s in self.standings:
            out.setdefault(s.region, dict.fromkeys(STATUS_ORDER, 0))[s.status] += 1
        return out

    def totals(self) -> dict[str, int]:
        out: dict[str, int] = dict.fromkeys(STATUS_ORDER, 0)
        for s in self.standings:
            out[s.status] += 1
        return out


ReportIndex = Mapping[str, Mapping[str, date | None]]


def report_index(ds: Dataset) -> dict[str, dict[str, date | None]]:
    """Expert id → period → 报送日期 of every loaded report: built once, looked up per expert."""
    out: dict[str, dict[str, date | None]] = {}
    for (expert, period), item in sorted(ds.reports.items()):
        out.setdefault(expert, {})[period] = item.record.submitted_on
    return out


def _counted_reports(index: ReportIndex, expert: str, day: date) -> dict[str, date | None]:
    """Period → 报送日期 of the expert's reports that exist at `day`."""
    mine = index.get(expert, {})
    return {p: sent for p, sent in mine.items() if sent is None or sent <= day}


def _assessment_at(ds: Dataset, expert: str, day: date) -> Assessment | None:
    item = ds.assessments.get(expert)
    if item is None:
        return None
    done = assessment_date(item.record)
    return item.record if done is None or done <= day else None


def _status(
    a: Appointment, assessment: Assessment | None, overdue: bool, day: date, term: Term
) -> StatusKey:
    if a.replaced_by is not None:
        return "replaced"
    if a.status == "not_signed":
        return "not_signed"
    if a.status == "terminated" and (a.terminated_on is None or a.terminated_on <= day):
        return "terminated"
    if a.signed_on is None or a.signed_on > day:
        return "selected"
    if a.on_duty_on is None or a.on_duty_on > day:
        return "signed"
    if assessment is not None and assessment.result is not None:
        return "passed" if assessment.result == "通过" else "failed"
    if overdue:
        return "overdue"
    return "assessing" if day > term.end else "on_duty"


def standing(
    ds: Dataset, a: Appointment, term: Term, day: date, index: ReportIndex | None = None
) -> Standing:
    """One appointment at `day`: its status and its reports (`index`: report_index(ds), given
    when many appointments are looked at)."""
    reports = _counted_reports(report_index(ds) if index is None else index, a.expert, day)
    on_duty = a.on_duty_on is not None and a.on_duty_on <= day
    owed = report_periods(a, term) if on_duty else []
    overdue = tuple(p for p in owed if due_date(p) < day and p not in reports)
    late = tuple(p for p, sent in sorted(reports.items()) if sent and sent > due_date(p))
    assessment = _assessment_at(ds, a.expert, day)
    expert, need = ds.experts.get(a.expert), ds.needs.get(a.need)
    return Standing(
        expert=a.expert,
        name=expert.record.name if expert else "",
        need=a.need,
        enterprise=need.record.enterprise.name if need else "",
        region=need.record.region if need else "",
        status=_status(a, assessment, bool(overdue), day, term),
        overdue=overdue,
        late=late,
        reported=tuple(sorted(reports)),
    )


def _actions(ds: Dataset, batch: Batch, s: Standing, day: date) -> list[Action]:
    out: list[Action] = []
    deadline = today(batch.deadlines.on_duty)
    if s.overdue:
        out.append(Action("report-overdue", s.expert, s.region, {"periods": "、".join(s.overdue)}))
    if s.status in ("selected", "signed") and day > deadline:
        out.append(Action("not-on-duty", s.expert, s.region, {"deadline": deadline.isoformat()}))
    if s.status == "not_signed":
        out.append(Action("not-signed-unreplaced", s.expert, s.region))
    term_over = day > batch_term(batch).end
    if s.status not in ("on_duty", "overdue", "assessing", "passed", "failed"):
        return out
    item = ds.assessments.get(s.expert)
    assessment = _assessment_at(ds, s.expert, day)
    if assessment is None:
        if term_over and item is None:
            out.append(Action("assessment-missing", s.expert, s.region))
        return out
    missing = missing_opinions(assessment)
    if missing:
        which = "、".join(OPINION_LABELS[k] for k in missing)
        out.append(Action("opinions-missing", s.expert, s.region, {"which": which}))
    elif assessment.result is None:
        out.append(Action("result-missing", s.expert, s.region))
    return out


def known_batch(ds: Dataset, batch_id: str) -> Batch:
    """The loaded batch; raises UnknownBatch (exit 2 in the CLI) naming the batches there are."""
    if batch_id not in ds.batches:
        # Imported here: techvp.policies' rules import this module.
        from techvp.policies.eligibility import UnknownBatch

        raise UnknownBatch(batch_id, sorted(ds.batches))
    return ds.batches[batch_id].record


def batch_status(ds: Dataset, batch_id: str, now: datetime) -> BatchStatus:
    """Every appointment of a loaded batch at `now`, and the actions they call for."""
    batch = known_batch(ds, batch_id)
    term, day = batch_term(batch), today(now)
    standings: list[Standing] = []
    actions: list[Action] = []
    index = report_index(ds)
    for expert_id in sorted(ds.appointments):
        a = ds.appointments[expert_id].record
        if a.batch != batch_id:
            continue
        s = standing(ds, a, term, day, index)
        standings.append(s)
        actions.extend(_actions(ds, batch, s, day))
    return BatchStatus(
        batch=batch_id,
        day=day,
        term=term,
        regions=tuple((r.slug, r.name) for r in batch.regions),
        standings=tuple(standings),
        actions=tuple(actions),
    )
