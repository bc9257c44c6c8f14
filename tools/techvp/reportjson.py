"""`techvp validate --format json` text: each finding's part made once and kept with it (the
memo of techvp.incremental keeps it from run to run), so a large report is put together from
parts, not encoded again. The text is exactly `jsontext.dumps` of the whole report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from techvp import jsontext
from techvp.diagnostics import Diagnostic
from techvp.guard.scan import redact

_ITEM = "\n    "  # a finding's lines inside {"diagnostics": [...]}: two levels in


def masked(diag: Diagnostic) -> dict[str, Any]:
    """The finding's JSON form with every ID/card number or secret a user typed masked."""
    plain = diag.as_dict()
    plain["message"] = redact(plain["message"])
    plain["params"] = _masked(plain["params"])
    return plain


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_masked(v) for v in value]
    if isinstance(value, dict):
        return {k: _masked(v) for k, v in value.items()}
    return value


def part(diag: Diagnostic) -> str:
    """The finding as it stands in the report, made on first use. JSON strings hold no raw
    line break, so indenting every line break nests the finding's own text."""
    made = diag._json
    if made is None:
        made = jsontext.dumps(masked(diag)).replace("\n", _ITEM)
        object.__setattr__(diag, "_json", made)
    return made


def report(diags: Iterable[Diagnostic], counts: Mapping[str, int]) -> str:
    """The report {"counts": ..., "diagnostics": [...]} as jsontext.dumps writes it."""
    items = ("," + _ITEM).join(part(d) for d in diags)
    listed = f"[{_ITEM}{items}\n  ]" if items else "[]"
    head = jsontext.dumps({"counts": dict(counts)})[: -len("\n}")]
    return f'{head},\n  "diagnostics": {listed}\n}}\n'


__all__ = ["masked", "part", "report"]
