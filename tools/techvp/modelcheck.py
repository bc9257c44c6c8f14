"""Check a parsed document against its record model; pydantic errors become located diagnostics."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from techvp.diagnostics import Diagnostic, KeyPath, error, format_key_path
from techvp.guard.scan import redact
from techvp.messages.core import BOUNDS, EXPECTED_KIND, FOUND_KIND, MESSAGES, PYDANTIC_TYPES
from techvp.models.introspect import children, field_index
from techvp.yamlio import YamlDocument

_QUOTED = re.compile(r"'([^']*)'")
_BLANK_MEANS_MISSING = frozenset({"field.type", "field.choice", "field.date", "field.datetime"})
__all__ = ["check_record"]


def _names_only(path: KeyPath) -> tuple[str, ...]:
    return tuple(p for p in path if isinstance(p, str))


def _label(model: type[BaseModel], path: KeyPath) -> str:
    index = field_index(model)
    names = _names_only(path)
    while names and names not in index:
        names = names[:-1]  # a dict key such as a month: use its field's title
    dotted = format_key_path(path)
    if not names:
        return f"（{dotted}）" if dotted else "记录"
    return f"“{index[names].title}”（{dotted}）"


def _show(value: Any) -> str:
    if isinstance(value, dict | list) or value is None:
        return FOUND_KIND.get(type(value).__name__, type(value).__name__)
    text = redact(str(value))  # an ID number typed into a phone field is not echoed back
    return text if len(text) <= 60 else text[:57] + "…"


def _suggest(model: type[BaseModel], path: KeyPath) -> str:
    """ "Did you mean" for an unknown key: a near English key, or the key whose title was typed."""
    parent = _names_only(path[:-1])
    key = str(path[-1])
    siblings = {name: spec.title for name, spec in children(model, parent).items()}
    for name, title in siblings.items():
        if key == title or key in title.split("（")[0]:
            return f"，“{key}”对应的字段名是“{name}”"
    close = difflib.get_close_matches(key, sorted(siblings), n=1, cutoff=0.6)
    if close:
        return f"，您是不是想写“{close[0]}”？"
    return f"。可用的字段：{'、'.join(sorted(siblings))}"


def _params(err: Any, code: str, model: type[BaseModel], path: KeyPath) -> dict[str, Any]:
    ctx = dict(err.get("ctx") or {})
    value = err.get("input")
    params: dict[str, Any] = {
        "label": _label(model, path),
        "value": _show(ctx.pop("value", value)),
        **{k: v for k, v in ctx.items() if k != "at"},
    }
    kind = err["type"]
    if code == "field.type":
        params["expected"] = EXPECTED_KIND.get(kind, "正确的类型")
    elif code == "field.choice":
        params["expected"] = "、".join(_QUOTED.findall(str(ctx.get("expected", ""))))
    elif code in ("field.too-long", "field.too-short"):
        params["unit"] = "字" if isinstance(value, str) else "项"
        params["actual"] = len(value) if isinstance(value, str | list | dict) else "?"
    elif code == "field.range":
        params["bound"] = BOUNDS.get(kind, "在允许范围内").format(**ctx)
    elif code == "field.unknown":
        params["key"] = str(path[-1])
        params["suggestion"] = _suggest(model, path)
    elif code == "field.format":
        spec = field_index(model).get(_names_only(path))
        params["hint"] = spec.description if spec else "请检查格式"
    elif code == "field.invalid":
        params["detail"] = err.get("msg", "")
    return params


def _diagnostic(err: Any, model: type[BaseModel], doc: YamlDocument) -> Diagnostic:
    kind = err["type"]
    code = kind if kind in MESSAGES else PYDANTIC_TYPES.get(kind, "field.invalid")
    if err.get("input") is None and code in _BLANK_MEANS_MISSING:
        code = "field.blank"  # a required field left blank, as in a copied form
    path: KeyPath = tuple(err["loc"])
    at = (err.get("ctx") or {}).get("at")
    if at:
        path = (*path, *(int(p) if p.isdigit() else p for p in at.split(".")))
    params = _params(err, code, model, path)
    location = doc.locate(path, key=code == "field.unknown")
    return error(code, location, **params)


def check_record(model: type[BaseModel], doc: YamlDocument) -> tuple[Any, list[Diagnostic]]:
    """The validated record, or None and the reasons it is not valid."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_diagnostic(e, model, doc) for e in exc.errors(include_url=False)]
