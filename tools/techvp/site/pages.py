"""Render the site's Markdown/HTML pages from the Jinja2 templates in site_templates/.

Autoescape is on for every template: record text always reaches the page escaped. Pages about
records carry `search: exclude` so record text never enters the mkdocs search index (the
catalogue filters records in the browser instead), and a front-matter title with no markup
characters, since the theme prints titles unescaped.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from techvp.build import BuildResult
from techvp.lifecycle.activity import FIELDS as OUTCOME_FIELDS
from techvp.lifecycle.activity import batch_activity
from techvp.lifecycle.status import STATUS_ORDER, batch_status
from techvp.matching.quota import batch_quota, eligible_need_ids
from techvp.messages.lifecycle import STATUS_LABELS as SERVICE_LABELS
from techvp.models import Expert
from techvp.models.appointment import STATUS_LABELS as APPOINTMENT_LABELS
from techvp.models.outcomes import Outcomes
from techvp.models.visibility import public_record
from techvp.site import charts
from techvp.site.data import (
    STATUS_LABELS,
    NeedView,
    batches,
    batches_with_appointments,
    counts,
    need_views,
    proposed_pairs,
    timeline,
)
from techvp.site.opendata import catalogue_json, open_data_json, open_data_schema
from techvp.site.shared import share

_UNSAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "\n": " "})


def plain_title(value: str) -> Markup:
    """A front-matter title with no character the theme could read as markup, as YAML."""
    return Markup(json.dumps(value.translate(_UNSAFE), ensure_ascii=False))


_YAML_UNPRINTABLE = re.compile("[\x7f-\x9f]")


def front_matter(value: object) -> Markup:
    """A value for a page's front matter as JSON, which YAML reads back unchanged: a string stays
    that string (`no`, `0271`, `- x`), nothing becomes a number, a boolean or a list. JSON
    escapes C0 controls; DEL and C1 controls, which YAML refuses raw, are escaped here."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup(_YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


def environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["plain_title"] = plain_title
    env.filters["front_matter"] = front_matter
    env.globals["STATUS_LABELS"] = STATUS_LABELS
    env.globals["APPOINTMENT_LABELS"] = APPOINTMENT_LABELS
    return env


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _batch_context(result: BuildResult, views: list[NeedView], now: datetime) -> list[Any]:
    ds = result.dataset
    found = []
    for data in batches(result):
        mine = [v for v in views if v.data["batch"] == data["id"]]
        appointed = [e for v in mine for e in v.experts]
        found.append(
            {
                "data": data,
                "timeline": timeline(ds.batches[data["id"]].record, now),
                "needs": mine,
                "open": sum(1 for v in mine if v.status == "open"),
                "appointed": sorted(
                    ((v, e) for v in mine for e in v.experts), key=lambda ve: ve[1]["expert"]
                ),
                "appointed_count": len(appointed),
                "quota": _quota(result, data["id"]),
                "proposal": _proposal(result, data["id"], mine),
                "region_chart": charts.bar_chart(
                    "各地区需求数", counts(mine, lambda v: v.region_name)
                ),
                "industry_chart": charts.bar_chart(
                    "各行业需求数", counts(mine, lambda v: v.data["enterprise"]["industry"])
                ),
                "service": service_view(result, data["id"], now),
            }
        )
    return found


def service_view(result: BuildResult, batch: str, now: datetime) -> dict[str, Any] | None:
    """Counts by status and the 附件5 activity statistics at `now`: sums and counts of public
    fields only (statuses, report outcomes), never a person's reason or opinion."""
    ds = result.dataset
    if not any(a.record.batch == batch for a in ds.appointments.values()):
        return None
    status = batch_status(ds, batch, now)
    totals = status.totals()
    items = [(SERVICE_LABELS[k], totals[k]) for k in STATUS_ORDER if totals[k]]
    activity = batch_activity(ds, batch, now)
    return {
        "day": status.day.isoformat(),
        "term": (status.term.start.isoformat(), status.term.end.isoformat()),
        "statuses": items,
        "status_chart": charts.bar_chart("各状态人数", items),
        "headers": [Outcomes.model_fields[name].title for name in OUTCOME_FIELDS],
        "rows": [(name, [f"{v:f}" for v in sums]) for _, name, sums in activity.regions],
        "total": [f"{v:f}" for v in activity.total],
        "reports": activity.reports,
        "problems_chart": charts.bar_chart(
            "各地区解决技术难题数",
            [(name, int(sums[0])) for _, name, sums in activity.regions if sums[0]],
        ),
    }


def _quota(result: BuildResult, batch: str) -> tuple[Any, ...]:
    """The quota table (regions, eligible needs, places; public by nature): the proposal's, with
    the places it filled, while the page shows a proposal; once staff have written the
    appointments, the table alone, without running the matching for a page that never shows it."""
    if batch not in result.policies:
        return ()
    if batch not in batches_with_appointments(result):
        return result.proposal(batch).quota
    needs = [n.record for n in result.views.needs_by_batch.get(batch, [])]
    eligible = eligible_need_ids(result.eligibility(batch))
    return tuple(batch_quota(result.dataset.batches[batch].record, needs, eligible))


def _proposal(result: BuildResult, batch: str, views: list[NeedView]) -> list[Any]:
    """The matching's provisional pairs as (need view, expert's public fields)."""
    by_id = {v.data["id"]: v for v in views}
    experts = result.dataset.experts
    return [
        (by_id[need], public_record(Expert, experts[expert].record.model_dump(mode="json")))
        for need, expert in proposed_pairs(result, batch)
        if need in by_id and expert in experts
    ]


def render(
    result: BuildResult,
    templates: Path,
    out: Path,
    now: datetime,
    forms: Path,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """Write every generated page and data file under `out` (docs/generated), replacing it. The
    need pages (thousands) are shared with a forked process while this one writes the rest (and
    runs `meanwhile`, work for this process to do before the next step)."""
    if out.exists():
        shutil.rmtree(out)
    env = environment(templates)
    views = need_views(result, result.history)
    page = env.get_template("need.md.j2")

    def need_pages(chunk: Sequence[NeedView]) -> None:
        for view in chunk:
            _write(out / view.url, page.render(view=view))

    def first() -> None:
        _other_pages(result, env, views, out, now, forms)
        if meanwhile is not None:
            meanwhile()

    share(views, need_pages, first)


def _other_pages(
    result: BuildResult,
    env: Environment,
    views: list[NeedView],
    out: Path,
    now: datetime,
    forms: Path,
) -> None:
    """Every generated file but the need pages."""
    context = {
        "batches": _batch_context(result, views, now),
        "views": views,
        "now": now.strftime("%Y-%m-%d"),
        "status_counts": counts(views, lambda v: STATUS_LABELS[v.status]),
        "region_chart": charts.bar_chart("各地区需求数", counts(views, lambda v: v.region_name)),
        "industry_chart": charts.bar_chart(
            "各行业需求数", counts(views, lambda v: v.data["enterprise"]["industry"])
        ),
        "category_counts": counts(views, lambda v: v.data.get("category") or "未分类"),
        "downloads": _copy_templates(forms, out),
    }
    # The home page is the site's root page, docs/index.md (ignored by Git like generated/).
    _write(out.parent / "index.md", env.get_template("index.md.j2").render(context))
    for name in ("catalogue", "batches", "stats", "downloads", "open-data"):
        _write(out / f"{name}.md", env.get_template(f"{name}.md.j2").render(context))
    batch_page = env.get_template("batch.md.j2")
    for batch in context["batches"]:
        _write(out / "batches" / f"{batch['data']['id']}.md", batch_page.render(batch=batch))
    _write(out / "data" / "catalogue.json", catalogue_json(views))
    _write(out / "data" / "needs.json", open_data_json(views))
    _write(out / "data" / "needs.schema.json", open_data_schema())


def _copy_templates(source: Path, out: Path) -> list[str]:
    """Blank forms from templates/ (they hold no record data) for the download page."""
    names = sorted(p.name for p in source.glob("*.yaml")) if source.is_dir() else []
    for name in names:
        target = out / "downloads" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
    return names
