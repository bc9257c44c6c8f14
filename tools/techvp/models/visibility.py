"""Which fields of a record may be published: the one allow-list for the site, open data and docs.

Every field is declared `public(...)` or `internal(...)` in its model. A field under an internal
parent is internal too, whatever it declares itself: `contact` is internal, so `contact.phone`
is. A field with no declaration is never public. Paths are field names from the record's root
(`("enterprise", "name")`); list positions are left out, so an item's fields are its list's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from techvp.models.common import Visibility, visibility_of
from techvp.models.introspect import inner_models

FieldPath = tuple[str, ...]


@dataclass(frozen=True)
class FieldVisibility:
    """One field path of a model, as declared and as it takes effect."""

    path: FieldPath
    title: str  # the field's Chinese title
    declared: Visibility | None  # None: the model declares nothing (a test forbids that)
    effective: Visibility | None  # internal when it or any parent is internal
    structured: bool  # holds a nested model (or a list of them) whose fields are listed too


def _walk(
    model: type[BaseModel], prefix: FieldPath, parent: Visibility | None
) -> list[FieldVisibility]:
    rows: list[FieldVisibility] = []
    for name, info in model.model_fields.items():
        declared = visibility_of(model, name)
        effective = "internal" if "internal" in (declared, parent) else declared
        inner = inner_models(info.annotation)
        path = (*prefix, name)
        rows.append(FieldVisibility(path, info.title or name, declared, effective, bool(inner)))
        for sub in inner:
            rows += _walk(sub, path, effective)
    return rows


@cache
def field_visibilities(model: type[BaseModel]) -> tuple[FieldVisibility, ...]:
    """Every field path of a model in declaration order, parents before their fields."""
    return tuple(_walk(model, (), "public"))


@cache
def public_paths(model: type[BaseModel]) -> frozenset[FieldPath]:
    return frozenset(f.path for f in field_visibilities(model) if f.effective == "public")


@cache
def internal_paths(model: type[BaseModel]) -> frozenset[FieldPath]:
    return frozenset(f.path for f in field_visibilities(model) if f.effective == "internal")


@cache
def _structured(model: type[BaseModel]) -> frozenset[FieldPath]:
    return frozenset(f.path for f in field_visibilities(model) if f.structured)


def is_public(model: type[BaseModel], path: tuple[str | int, ...]) -> bool:
    """Whether the value at path (list positions allowed) may be published; unknown paths not."""
    return tuple(p for p in path if isinstance(p, str)) in public_paths(model)


def public_record(model: type[BaseModel], data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a record (as read or dumped) with only its public fields; unknown keys dropped."""
    allowed, structured = public_paths(model), _structured(model)

    def keep(value: Any, path: FieldPath) -> Any:
        if path in structured and isinstance(value, Mapping):
            return {k: keep(v, (*path, k)) for k, v in value.items() if (*path, k) in allowed}
        if path in structured and isinstance(value, list):
            return [keep(item, path) for item in value]
        return value

    return {k: keep(v, (k,)) for k, v in data.items() if (k,) in allowed}
