"""What the record models say about their fields, for the forms, the messages and the schemas.

One walk over a model's fields gives each field's Chinese title and description, whether it is
required, who may see it, its allowed values and the structure nested in it. The blank templates
(template.py) and the error messages (modelcheck.py) both read fields through here, so a form and
a message can never describe the same field differently.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from techvp.models.common import NO_WORDS, YES_WORDS, Visibility, visibility_of


def inner_models(annotation: Any) -> list[type[BaseModel]]:
    """Models nested anywhere in an annotation (Optional, list, dict, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(inner_models(arg))
    return found


def choices(annotation: Any) -> tuple[str, ...]:
    """The allowed values of a Literal or yes/no field, however it is wrapped."""
    if typing.get_origin(annotation) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(annotation))
    if annotation is bool:
        return (YES_WORDS[0], NO_WORDS[0])
    out: list[str] = []
    for arg in typing.get_args(annotation):
        out.extend(choices(arg))
    return tuple(out)


def is_list(annotation: Any) -> bool:
    """Whether the value is written as a list (looking through Optional and Annotated only)."""
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        return any(is_list(a) for a in typing.get_args(annotation))
    return False


@dataclass(frozen=True)
class FieldSpec:
    """One field of one model, as the user meets it."""

    name: str
    title: str
    description: str
    required: bool
    visibility: Visibility | None
    choices: tuple[str, ...]
    is_list: bool
    inner: type[BaseModel] | None  # the structure written under this key, if any
    owner: type[BaseModel]
    default: str | None  # what an optional field left blank means, as the user would write it

    @property
    def inner_has_required(self) -> bool:
        """Whether the nested structure cannot be left entirely blank."""
        return self.inner is not None and any(f.required for f in fields(self.inner))


def _spec(model: type[BaseModel], name: str, info: FieldInfo) -> FieldSpec:
    inner = inner_models(info.annotation)
    title = info.title or name
    return FieldSpec(
        name=name,
        title=title,
        description=info.description or title,
        required=info.is_required(),
        visibility=visibility_of(model, name),
        choices=choices(info.annotation),
        is_list=is_list(info.annotation),
        inner=inner[0] if inner else None,
        owner=model,
        default=_shown_default(info),
    )


def _shown_default(info: FieldInfo) -> str | None:
    if info.is_required() or info.default_factory is not None:
        return None
    value = info.default
    if isinstance(value, bool):
        return YES_WORDS[0] if value else NO_WORDS[0]
    return None if value is None else str(value)


@cache
def fields(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The fields of a model in the order they are declared."""
    return tuple(_spec(model, name, info) for name, info in model.model_fields.items())


@cache
def field_index(model: type[BaseModel]) -> dict[tuple[str, ...], FieldSpec]:
    """Every field path of a model, list indexes dropped, → its field."""
    index: dict[tuple[str, ...], FieldSpec] = {}
    for spec in fields(model):
        index[(spec.name,)] = spec
        for inner in inner_models(spec.owner.model_fields[spec.name].annotation):
            for sub, value in field_index(inner).items():
                index[(spec.name, *sub)] = value
    return index


def children(model: type[BaseModel], parent: tuple[str, ...]) -> dict[str, FieldSpec]:
    """The fields directly under a path (the top level for an empty path)."""
    if not parent:
        return {spec.name: spec for spec in fields(model)}
    return {
        names[-1]: spec
        for names, spec in field_index(model).items()
        if names[:-1] == parent and len(names) == len(parent) + 1
    }
