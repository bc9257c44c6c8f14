"""The forms as declarations, and the export of a batch's staff files.

需求汇总表 is seed 000 附件2, column for column. 科技人员汇总表 has no paper original in the
seeds; it lists what the expert records hold for staff. Both carry internal fields (named experts,
birth dates, phones): they are written only where staff ask (`techvp export --out`, or the build's
out_dir/excel/<batch>/), never under the public site.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time
from pathlib import Path
from typing import Any, get_args

from techvp.diagnostics import Location, TechvpError, error
from techvp.excel.layout import Column, Form, Sheet, write_form
from techvp.history import FileHistory, History
from techvp.messages import excel as text
from techvp.models import Batch, Expert, Need
from techvp.repo import Dataset

H = text.NEEDS_HEADERS
E = text.EXPERTS_HEADERS


@dataclass(frozen=True)
class NeedRow:
    number: int
    need: Need
    region: str  # the region's name

    def preferred(self, index: int, attr: str) -> Any:
        named = self.need.preferred_experts
        return getattr(named[index], attr) if index < len(named) else None


def _named(index: int) -> tuple[Column, ...]:
    n = index + 1
    return (
        Column(H[f"institution{n}"], lambda r: r.preferred(index, "institution"), 16, H["named"]),
        Column(H[f"name{n}"], lambda r: r.preferred(index, "name"), 10, H["named"]),
        Column(
            H[f"agreed{n}"],
            lambda r: r.preferred(index, "agreed"),
            9,
            H["named"],
            "yesno",
            "yesno",
        ),
    )


NEEDS = Form(
    name=text.NEEDS_FILE,
    title=text.NEEDS_TITLE,
    columns=(
        Column(H["number"], lambda r: r.number, 6, kind="int"),
        Column(H["region"], lambda r: r.region, 12, choices="region"),
        Column(H["name"], lambda r: r.need.enterprise.name, 24),
        Column(H["industry"], lambda r: r.need.enterprise.industry, 14, choices="industry"),
        Column(H["employees"], lambda r: r.need.enterprise.employees, 10, kind="int"),
        Column(H["revenue"], lambda r: r.need.enterprise.revenue_last_year, 12, kind="number"),
        Column(H["expert_field"], lambda r: r.need.expert_field, 18),
        Column(H["problem"], lambda r: r.need.problem, 48),
        Column(H["cooperation"], lambda r: r.need.cooperation, 30),
        *_named(0),
        *_named(1),
        Column(H["unnamed"], lambda r: not r.need.preferred_experts, 9, kind="tick"),
    ),
)


@dataclass(frozen=True)
class ExpertRow:
    number: int
    expert: Expert
    enterprises: str
    history: FileHistory | None = None  # the record file's Git history, when known

    def change(self, which: str) -> str | None:
        """`2022-03-01 张三` for the first or last change of the record, None when unknown."""
        return getattr(self.history, which).label() if self.history else None


def _patents(expert: Expert) -> str:
    """One patent a line, as the import reads it back (expertrows.parse_patent)."""
    return "\n".join(f"{p.kind}：{p.title}（{p.number}）" for p in expert.patents)


EXPERTS = Form(
    name=text.EXPERTS_FILE,
    title=text.EXPERTS_TITLE,
    columns=(
        Column(E["number"], lambda r: r.number, 6, kind="int"),
        Column(E["name"], lambda r: r.expert.name, 10),
        Column(E["gender"], lambda r: r.expert.gender, 6, choices="gender"),
        Column(E["birth_date"], lambda r: r.expert.birth_date, 12, kind="date"),
        Column(E["political_status"], lambda r: r.expert.political_status, 10),
        Column(E["institution"], lambda r: r.expert.institution, 20),
        Column(E["department"], lambda r: r.expert.department, 16),
        Column(E["institution_type"], lambda r: r.expert.institution_type, 10, choices="itype"),
        Column(E["person_type"], lambda r: r.expert.person_type, 10, choices="ptype"),
        Column(E["title"], lambda r: r.expert.title, 12, E["title_group"]),
        Column(
            E["title_level"], lambda r: r.expert.title_level, 9, E["title_group"], choices="level"
        ),
        Column(E["degree"], lambda r: r.expert.degree, 7, choices="degree"),
        Column(E["position"], lambda r: r.expert.position, 12),
        Column(E["research_fields"], lambda r: text.LIST_SEP.join(r.expert.research_fields), 24),
        Column(E["patents"], lambda r: _patents(r.expert), 36),
        Column(
            E["clean_record"], lambda r: r.expert.clean_record_3y, 9, kind="yesno", choices="yesno"
        ),
        Column(E["phone"], lambda r: r.expert.contact.phone, 14, E["contact_group"]),
        Column(E["email"], lambda r: r.expert.contact.email, 20, E["contact_group"]),
        Column(E["applications"], lambda r: r.enterprises, 30),
    ),
    notes=text.EXPERTS_NOTES,
)

FORMS: tuple[Form, ...] = (NEEDS, EXPERTS)

# The exported 科技人员汇总表 (no seed form fixes its columns) also says who submitted each
# record first and who changed it last; blank templates leave these out.
EXPERTS_EXPORT = replace(
    EXPERTS,
    columns=(
        *EXPERTS.columns,
        Column(E["first_submitted"], lambda r: r.change("first"), 18, E["history_group"]),
        Column(E["last_changed"], lambda r: r.change("last"), 18, E["history_group"]),
    ),
)


def batch_time(batch: Batch) -> datetime:
    """The documents' time: the batch's reference date, so a file's bytes depend on records only."""
    return datetime.combine(batch.reference_date, time())


def batch_of(dataset: Dataset, batch_id: str) -> Batch:
    if batch_id not in dataset.batches:
        choices = sorted(dataset.batches)
        raise TechvpError(
            error(
                "eligibility.unknown-batch",
                Location("submissions/batches"),
                batch=batch_id,
                choices=choices,
            )
        )
    return dataset.batches[batch_id].record


def region_of(batch: Batch, value: str) -> str | None:
    """A region's slug from its slug or name."""
    for region in batch.regions:
        if value in (region.slug, region.name):
            return region.slug
    return None


def need_rows(dataset: Dataset, batch: Batch, region: str | None = None) -> list[NeedRow]:
    """The batch's needs in the order of its regions, then by id; withdrawn needs left out."""
    order = {r.slug: i for i, r in enumerate(batch.regions)}
    names = {r.slug: r.name for r in batch.regions}
    needs = sorted(
        (
            item.record
            for item in dataset.needs.values()
            if item.record.batch == batch.id
            and not item.record.withdrawn
            and (region is None or item.record.region == region)
        ),
        key=lambda n: (order.get(n.region, len(order)), n.id),
    )
    return [NeedRow(i, n, names.get(n.region, n.region)) for i, n in enumerate(needs, start=1)]


def application_names(dataset: Dataset, batch: Batch) -> dict[str, str]:
    """How 申报企业 names each need: the enterprise's name, with the need's id added
    (企业名称（需求编号）) when the enterprise has more than one need in the batch."""
    needs = [n.record for n in dataset.needs.values() if n.record.batch == batch.id]
    count = Counter(n.enterprise.name for n in needs)
    return {
        n.id: n.enterprise.name
        if count[n.enterprise.name] == 1
        else f"{n.enterprise.name}（{n.id}）"
        for n in needs
    }


def expert_rows(dataset: Dataset, batch: Batch, history: History | None = None) -> list[ExpertRow]:
    """The batch's experts by id, each with its record file's history when `history` knows it."""
    names = application_names(dataset, batch)
    experts = sorted(
        (e for e in dataset.experts.values() if e.record.batch == batch.id),
        key=lambda e: e.record.id,
    )
    return [
        ExpertRow(
            i,
            e.record,
            text.LIST_SEP.join(names.get(a, a) for a in e.record.applications),
            (history or {}).get(e.file),
        )
        for i, e in enumerate(experts, start=1)
    ]


def export_batch(
    dataset: Dataset,
    batch_id: str,
    out: Path,
    region: str | None = None,
    history: History | None = None,
) -> list[Path]:
    """Write 需求汇总表.xlsx and 科技人员汇总表.xlsx for one batch under out; `history` (Git's, see
    techvp.history) fills the experts' 首次提交 and 最后修改 columns."""
    batch = batch_of(dataset, batch_id)
    year = batch.reference_date.year
    slug = None
    if region is not None:
        slug = region_of(batch, region)
        if slug is None:
            choices = [r.name for r in batch.regions]
            where = text.EXPORT_REGION
            raise TechvpError(
                error(
                    "excel.unknown-region",
                    Location("--region"),
                    where=where,
                    value=region,
                    batch=batch.id,
                    choices=choices,
                )
            )
    sheet_name = (
        next(r.name for r in batch.regions if r.slug == slug) if slug else text.NEEDS_ALL_SHEET
    )
    when = batch_time(batch)
    needs = Sheet(sheet_name, NEEDS.title.format(year=year), need_rows(dataset, batch, slug))
    written = [write_form(NEEDS, [needs], out / f"{NEEDS.name}.xlsx", when)]
    if slug is None:
        rows = expert_rows(dataset, batch, history)
        experts = Sheet(text.EXPERTS_FILE, EXPERTS.title.format(year=year), rows)
        target = out / f"{EXPERTS.name}.xlsx"
        written.append(write_form(EXPERTS_EXPORT, [experts], target, when))
    return written


def choices_for(batch: Batch | None) -> dict[str, Sequence[str]]:
    """The drop-down lists of the blank forms."""
    lists: dict[str, Sequence[str]] = {"yesno": (text.YES, text.NO)}
    lists.update(_ENUMS)
    if batch is not None:
        lists["region"] = [r.name for r in batch.regions]
        lists["industry"] = list(batch.industries)
    return lists


def _literal(name: str) -> tuple[str, ...]:
    """The values an enumerated field of the expert model allows."""
    return tuple(get_args(Expert.model_fields[name].annotation))


_ENUMS = {
    "gender": _literal("gender"),
    "itype": _literal("institution_type"),
    "ptype": _literal("person_type"),
    "level": _literal("title_level"),
    "degree": _literal("degree"),
}
BLANK_TIME = datetime(2020, 1, 1)
BLANK_BATCH = "            "  # room to write the batch's name by hand


def write_templates(out: Path, batch: Batch | None, year: str, when: datetime) -> list[Path]:
    """The forms blank, 20 bordered rows each, with drop-down lists for regions, industries and
    是/否; a blank 考核表 (seed 002 附件1); the accounts file's blank template (filled locally,
    never committed)."""
    lists = choices_for(batch)
    written = []
    for form in FORMS:
        sheet = Sheet(form.name, form.title.format(year=year), (), blank_rows=20, choices=lists)
        written.append(write_form(form, [sheet], out / f"{form.name}.xlsx", when))
    from techvp.excel.accounts import write_accounts_template  # for export --accounts
    from techvp.excel.assessform import write_assessment_forms
    from techvp.excel.serviceforms import batch_label

    label = batch_label(batch) if batch is not None else BLANK_BATCH
    written.append(write_assessment_forms([], label, out, when))  # a blank 考核表 to fill by hand
    written.append(write_accounts_template(out, when))
    return written


def templates_for(root: Path, batch_id: str | None, out: Path) -> list[Path]:
    """Blank forms for a batch (its regions and industries as drop-downs), or, with no batch
    given, for the repository's only batch; with none, the year is left blank to fill by hand."""
    batch: Batch | None = None
    if batch_id is not None or (root / "submissions").is_dir():
        from techvp.repo import load_dataset

        dataset, _ = load_dataset(root)
        if batch_id is not None:
            batch = batch_of(dataset, batch_id)
        elif len(dataset.batches) == 1:
            batch = next(iter(dataset.batches.values())).record
    if batch is None:
        return write_templates(out, None, "    ", BLANK_TIME)
    return write_templates(out, batch, str(batch.reference_date.year), batch_time(batch))


def excel_output_dir(out_dir: Path, batch: str) -> Path:
    return out_dir / "excel" / batch


def build_output(dataset: Dataset, out_dir: Path, history: History | None = None) -> None:
    """The build's staff files: each batch's forms under out_dir/excel/<batch>/."""
    for batch_id in sorted(dataset.batches):
        export_batch(dataset, batch_id, excel_output_dir(out_dir, batch_id), history=history)


__all__ = ["EXPERTS", "FORMS", "NEEDS", "NeedRow", "export_batch", "need_rows", "write_templates"]
