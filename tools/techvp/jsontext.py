"""JSON text exactly as `json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)` writes
it, several times faster: `indent` turns json's C encoder off, and a large repository's report
holds thousands of findings."""

from __future__ import annotations

from json.encoder import encode_basestring  # the C function where there is one
from typing import Any

_INDENT = "  "
_INFINITY = float("inf")


def dumps(value: Any) -> str:
    """`value` (dicts with string keys, lists, tuples, strings, numbers, None) as JSON text."""
    out: list[str] = []
    _write(value, "\n", out)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        finite = value == value and abs(value) != _INFINITY
        out.append(float.__repr__(value) if finite else _special(value))
    elif isinstance(value, dict):
        _mapping(value, newline, out)
    elif isinstance(value, list | tuple):
        _sequence(value, newline, out)
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _special(value: float) -> str:
    if value != value:
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


def _mapping(value: dict[str, Any], newline: str, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + _INDENT
    separator = "{" + inner
    for key in sorted(value):
        if not isinstance(key, str):
            raise TypeError(f"keys must be str, not {type(key).__name__}")
        out.append(separator)
        out.append(encode_basestring(key))
        out.append(": ")
        _write(value[key], inner, out)
        separator = "," + inner
    out.append(newline + "}")


def _sequence(value: list[Any] | tuple[Any, ...], newline: str, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + _INDENT
    separator = "[" + inner
    for item in value:
        out.append(separator)
        _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "]")
