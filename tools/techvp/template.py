"""Blank, commented YAML forms for each record kind, written from the models themselves.

Every field gets its Chinese title, description, whether it is required and its allowed values
as a comment above an empty value, so the form and the schema can never disagree.
"""

from __future__ import annotations

import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from techvp.modelcheck import inner_models
from techvp.models import KINDS
from techvp.models.common import visibility_of

REQUIRED, OPTIONAL, INTERNAL = "必填", "选填", "不公开"


def _choices(annotation: object) -> list[str]:
    """The allowed values of a Literal field, however it is wrapped."""
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    out: list[str] = []
    for arg in typing.get_args(annotation):
        out.extend(_choices(arg))
    return out


def _is_list(annotation: object) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(_is_list(a) for a in typing.get_args(annotation))


def _comment(model: type[BaseModel], name: str, info: FieldInfo, indent: str) -> list[str]:
    notes = [REQUIRED if info.is_required() else OPTIONAL]
    if visibility_of(model, name) == "internal":
        notes.append(INTERNAL)
    title = info.title or name
    text = f"{indent}# {title}（{'，'.join(notes)}）"
    if info.description and info.description != title:
        text += f"：{info.description}"
    lines = [text]
    choices = _choices(info.annotation)
    if choices:
        lines.append(f"{indent}#   可选：{' / '.join(choices)}")
    return lines


def _fields(model: type[BaseModel], indent: str) -> list[str]:
    lines: list[str] = []
    for name, info in model.model_fields.items():
        lines.extend(_comment(model, name, info, indent))
        inner = inner_models(info.annotation)
        if inner and _is_list(info.annotation):
            lines.append(f"{indent}{name}:")
            item = _fields(inner[0], indent + "    ")
            first = next(i for i, line in enumerate(item) if not line.lstrip().startswith("#"))
            item[first] = f"{indent}  - " + item[first].lstrip()  # the list's one example item
            lines.extend(item)
        elif inner:
            lines.append(f"{indent}{name}:")
            lines.extend(_fields(inner[0], indent + "  "))
        elif _is_list(info.annotation):
            lines.append(f"{indent}{name}: []")
        else:
            lines.append(f"{indent}{name}:")
    return lines


def render_template(kind_name: str, schema_path: str) -> str:
    kind = KINDS[kind_name]
    head = [
        f"# yaml-language-server: $schema={schema_path}",
        f"# {kind.title}：在冒号后填写；选填项不需要可整行删除。",
    ]
    return "\n".join([*head, *_fields(kind.model, "")]) + "\n"


def write_templates(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in KINDS:
        path = out / f"{name}.yaml"
        path.write_text(render_template(name, f"../schemas/{name}.schema.json"), encoding="utf-8")
        written.append(path)
    return written
