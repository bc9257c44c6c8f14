"""Blank, commented YAML forms for each record kind, written from the models themselves.

Every field gets its Chinese title, description, whether it is required and its allowed values
as a comment above an empty value, so the form and the schema can never disagree. An optional
field left blank means "not given", so a form with only its required fields filled is valid.
An optional structure that has required fields of its own (指定专家, 专利, 上期任职…) is shown
commented out: left as it is, it is simply not given; to fill it, the user deletes the first
“#” of each of its lines.

The `$schema` line is written for where the README tells the user to put the copy
(`submissions/needs/<批次>/<地区>/` is four folders below the repository root), so editors find
the schema once the form is in place.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from techvp.layout import EXPECTED_PATHS
from techvp.messages.core import (
    TEMPLATE_CHOICES,
    TEMPLATE_DEFAULT,
    TEMPLATE_HEAD,
    TEMPLATE_INTERNAL,
    TEMPLATE_OPTIONAL,
    TEMPLATE_REQUIRED,
    TEMPLATE_UNCOMMENT,
)
from techvp.models import KINDS
from techvp.models.introspect import FieldSpec, fields

SCHEMA_LINE = "# yaml-language-server: $schema="


def destination(kind_name: str) -> str:
    """Where the README says a filled copy of this kind's form goes."""
    return EXPECTED_PATHS[KINDS[kind_name].folder]


def schema_path(kind_name: str) -> str:
    """The schema, relative to the folder a filled form is put in."""
    depth = destination(kind_name).count("/")
    return "../" * depth + f"schemas/{kind_name}.schema.json"


def _comment(spec: FieldSpec, indent: str) -> list[str]:
    notes = [TEMPLATE_REQUIRED if spec.required else TEMPLATE_OPTIONAL]
    if spec.visibility == "internal":
        notes.append(TEMPLATE_INTERNAL)
    text = f"{indent}# {spec.title}（{'，'.join(notes)}）"
    if spec.description != spec.title:
        text += f"：{spec.description}"
    lines = [text]
    if spec.choices:
        lines.append(f"{indent}#   {TEMPLATE_CHOICES}{' / '.join(spec.choices)}")
    if spec.default is not None:
        lines.append(f"{indent}#   {TEMPLATE_DEFAULT.format(default=spec.default)}")
    return lines


def _commented(lines: list[str]) -> list[str]:
    """Lines that become the given ones again when their first “#” is deleted."""
    return ["#" + line for line in lines]


def _structure(spec: FieldSpec, inner: type[BaseModel], indent: str) -> list[str]:
    if spec.is_list:
        item = _fields(inner, indent + "    ")
        first = next(i for i, line in enumerate(item) if not line.lstrip().startswith("#"))
        item[first] = f"{indent}  - " + item[first].lstrip()  # the list's one example item
        return item
    return _fields(inner, indent + "  ")


def _fields(model: type[BaseModel], indent: str) -> list[str]:
    lines: list[str] = []
    for spec in fields(model):
        lines.extend(_comment(spec, indent))
        if spec.inner is not None:
            body = _structure(spec, spec.inner, indent)
            if not spec.required and (spec.is_list or spec.inner_has_required):
                lines.append(f"{indent}#   {TEMPLATE_UNCOMMENT}")
                body = _commented(body)
            lines.append(f"{indent}{spec.name}:")
            lines.extend(body)
        elif spec.is_list:
            lines.append(f"{indent}{spec.name}: []")
        else:
            lines.append(f"{indent}{spec.name}:")
    return lines


def render_template(kind_name: str) -> str:
    kind = KINDS[kind_name]
    head = [
        f"{SCHEMA_LINE}{schema_path(kind_name)}",
        TEMPLATE_HEAD.format(title=kind.title, destination=destination(kind_name)),
    ]
    return "\n".join([*head, *_fields(kind.model, "")]) + "\n"


def write_templates(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in KINDS:
        path = out / f"{name}.yaml"
        path.write_text(render_template(name), encoding="utf-8")
        written.append(path)
    return written
