"""JSON text exactly as `json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)` writes
it, several times faster: `indent` turns json's C encoder off, and a large repository's report
holds thousands of findings."""

from __future__ import annotations

from json.encoder import encode_basestring  # the C function where there is one
from typing import Any

_INDENT = "  "
_INFINITY = float("inf")
_KEYS: dict[str, str] = {}  # keys as written, with the colon: a report repeats a few of them


def dumps(value: Any) -> str:
    """`value` (dicts with string keys, lists, tuples, strings, numbers, None) as JSON text."""
    out: list[str] = []
    _write(value, "\n", out)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    scalar = _scalar(value)
    if scalar is not None:
        out.append(scalar)
    elif isinstance(value, dict):
        _mapping(value, newline, out)
    elif isinstance(value, list | tuple):
        _sequence(value, newline, out)
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _scalar(value: Any) -> str | None:
    """A string, number, boolean or null as JSON; None for anything else."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int or (kind is not float and isinstance(value, int)):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (_INFINITY, -_INFINITY):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    if isinstance(value, str):
        return encode_basestring(value)
    return None


def _mapping(value: dict[str, Any], newline: str, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + _INDENT
    separator = "{" + inner
    for key in sorted(value):
        if type(key) is not str:
            raise TypeError(f"keys must be str, not {type(key).__name__}")
        item = value[key]
        name = _KEYS.get(key) or _KEYS.setdefault(key, encode_basestring(key) + ": ")
        if type(item) is str:  # most values: one string, no call deeper
            out.append(f"{separator}{name}{encode_basestring(item)}")
        elif (scalar := _scalar(item)) is not None:
            out.append(f"{separator}{name}{scalar}")
        else:
            out.append(separator + name)
            _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "}")


def _sequence(value: list[Any] | tuple[Any, ...], newline: str, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + _INDENT
    separator = "[" + inner
    for item in value:
        scalar = _scalar(item)
        if scalar is not None:
            out.append(separator + scalar)
        else:
            out.append(separator)
            _write(item, inner, out)
        separator = "," + inner
    out.append(newline + "]")
