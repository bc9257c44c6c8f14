"""JSON Schema for each record kind, so editors offer completion and the Chinese descriptions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from techvp.models import KINDS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind_name: str) -> dict[str, Any]:
    kind = KINDS[kind_name]
    schema = kind.model.model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = kind.title
    return schema


def render_schema(kind_name: str) -> str:
    return json.dumps(schema_for(kind_name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_filename(kind_name: str) -> str:
    return f"{kind_name}.schema.json"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in KINDS:
        path = out / schema_filename(name)
        path.write_text(render_schema(name), encoding="utf-8")
        written.append(path)
    return written
