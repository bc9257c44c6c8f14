"""The public JSON files: the catalogue the browser filters, and the open data with its schema."""

from __future__ import annotations

import json
from typing import Any

from techvp.models import Need
from techvp.models.visibility import public_paths
from techvp.site.data import STATUS_LABELS, NeedView


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def catalogue_json(views: list[NeedView]) -> str:
    """Compact rows for the catalogue page: labels once in tables, rows point into them.

    Row keys: i id, b batch, r region, d industry, c category, q qualifications, s status,
    n enterprise, f expert field, p problem, u page URL (relative to the catalogue page)."""
    tables: dict[str, list[str]] = {"b": [], "r": [], "d": [], "c": [], "q": []}
    index: dict[str, dict[str, int]] = {k: {} for k in tables}

    def ref(table: str, label: str) -> int:
        if label not in index[table]:
            index[table][label] = len(tables[table])
            tables[table].append(label)
        return index[table][label]

    rows = []
    for view in views:
        data, enterprise = view.data, view.data["enterprise"]
        rows.append(
            {
                "i": data["id"],
                "b": ref("b", view.batch_title),
                "r": ref("r", view.region_name),
                "d": ref("d", enterprise["industry"]),
                "c": ref("c", data.get("category") or "未分类"),
                "q": [ref("q", q) for q in enterprise.get("qualifications", [])],
                "s": view.status,
                "n": enterprise["name"],
                "f": data["expert_field"],
                "p": data["problem"],
                "u": view.url.removesuffix(".md") + ".html",
            }
        )
    return _dumps({"tables": tables, "status": STATUS_LABELS, "rows": rows})


def open_data_json(views: list[NeedView]) -> str:
    """{"needs": [...]} with one need per line: readable and diffable, and each line written by
    json's C encoder (`indent` runs the pure-Python one: 3.4 s of a 20,000-need build)."""
    lines = (
        json.dumps({**view.data, "status": view.status}, ensure_ascii=False, sort_keys=True)
        for view in views
    )
    return '{"needs": [\n' + ",\n".join(lines) + "\n]}\n"


def open_data_schema() -> str:
    """The need's JSON Schema with its internal fields removed, plus the site's `status`."""
    schema = Need.model_json_schema()
    public_top = {path[0] for path in public_paths(Need)}
    props = {k: v for k, v in schema["properties"].items() if k in public_top}
    props["status"] = {
        "title": "状态",
        "description": "open 可申报 / proposed 已提出人选 / appointed 已选派",
        "enum": list(STATUS_LABELS),
    }
    need = {k: v for k, v in schema.items() if k not in ("properties", "required", "$defs")}
    need["properties"] = props
    need["required"] = [k for k in schema.get("required", []) if k in props] + ["status"]
    text = json.dumps(props)
    defs = {k: v for k, v in schema.get("$defs", {}).items() if f"#/$defs/{k}" in text}
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "科技副总企业需求（公开数据）",
        "type": "object",
        "required": ["needs"],
        "properties": {"needs": {"type": "array", "items": {"$ref": "#/$defs/PublicNeed"}}},
        "$defs": {**defs, "PublicNeed": need},
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
