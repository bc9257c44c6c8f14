"""The one problem type every check yields and every output format renders."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum, StrEnum
from pathlib import PurePath
from typing import Any

from techvp import messages


class Severity(StrEnum):
    ERROR = "error"  # blocks the merge
    WARNING = "warning"  # a reviewer must decide
    PRIORITY = "priority"  # a policy says this one goes first


KeyPath = tuple[str | int, ...]


def format_key_path(path: KeyPath) -> str:
    """`("patents", 0, "kind")` → `patents[0].kind`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: file relative to the repository root, 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None
    key_path: KeyPath = ()

    @property
    def field(self) -> str:
        return format_key_path(self.key_path)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    severity: Severity
    location: Location
    params: Mapping[str, Any] = field(default_factory=dict)
    clause: str | None = None
    # `as_dict` once made (rendering the message is most of a report's time); kept when the
    # diagnostic is pickled (techvp.incremental keeps findings from run to run), never compared
    # and never carried over by dataclasses.replace.
    _plain: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)
    # Its part of the JSON report, kept alike (techvp.reportjson).
    _json: str | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def known(
        cls,
        code: str,
        severity: Severity,
        location: Location,
        clause: str | None,
        made: dict[str, Any],
        json: str | None = None,
    ) -> Diagnostic:
        """A diagnostic kept from an earlier run (techvp.incremental) by its JSON form `made`
        (`as_dict`) and report part `json`: its parameters are the JSON ones, its message the
        one made then."""
        diag = _new(cls)
        set_code, set_severity, set_location, set_params, set_clause, set_plain, set_json = _SLOTS
        set_code(diag, code)
        set_severity(diag, severity)
        set_location(diag, location)
        set_params(diag, made["params"])
        set_clause(diag, clause)
        set_plain(diag, made)
        set_json(diag, json)
        return diag

    @property
    def message(self) -> str:
        if self._plain is not None:
            return str(self._plain["message"])
        text = messages.render(self.code, self.params)
        return f"{text}（{self.clause}）" if self.clause else text

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        field = loc.field if self._plain is None else self._plain["field"]  # made once
        return (loc.file, loc.line or 0, loc.column or 0, self.code, field)

    def as_dict(self) -> dict[str, Any]:
        """The diagnostic as JSON can hold it (a new dict each call; its values are shared)."""
        if self._plain is None:
            loc = self.location
            made = {
                "file": loc.file,
                "line": loc.line,
                "column": loc.column,
                "field": loc.field,
                "code": self.code,
                "severity": self.severity.value,
                "message": self.message,
                "clause": self.clause,
                "params": plain(dict(self.params)),
            }
            object.__setattr__(self, "_plain", made)
            return dict(made)
        return dict(self._plain)


# A run through the cache rebuilds thousands of kept findings: their slots are filled directly,
# as a frozen dataclass's __init__ does one by one through object.__setattr__, three times slower.
_new = object.__new__
_SLOTS = tuple(
    getattr(Diagnostic, name).__set__
    for name in ("code", "severity", "location", "params", "clause", "_plain", "_json")
)
_SET_FILE, _SET_LINE, _SET_COLUMN, _SET_KEY_PATH = (
    getattr(Location, name).__set__ for name in ("file", "line", "column", "key_path")
)


def kept_location(file: str, line: int | None, column: int | None, key_path: KeyPath) -> Location:
    """`Location(file, line, column, key_path)`, for a finding kept from an earlier run."""
    loc = _new(Location)
    _SET_FILE(loc, file)
    _SET_LINE(loc, line)
    _SET_COLUMN(loc, column)
    _SET_KEY_PATH(loc, key_path)
    return loc


def plain(value: Any) -> Any:
    """A parameter as JSON can hold it, the same every run: decimals as exact strings ("1.50"),
    dates as ISO 8601, tuples as lists, sets sorted, mappings with string keys."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, PurePath):
        return value.as_posix()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set | frozenset):
        return sorted((plain(v) for v in value), key=str)
    if isinstance(value, Iterable):
        return [plain(v) for v in value]
    return str(value)


@dataclass
class Findings:
    """Everything found in one run, kept in a stable order."""

    items: list[Diagnostic] = field(default_factory=list)
    files_checked: int = 0

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=Diagnostic.sort_key)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.items if d.severity is severity)

    @property
    def ok(self) -> bool:
        return self.count(Severity.ERROR) == 0

    def counts(self) -> dict[str, int]:
        return {
            "files": self.files_checked,
            **{s.value: self.count(s) for s in Severity},
        }


class TechvpError(Exception):
    """A fatal problem: wraps one Diagnostic so raised and collected problems share a type."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic

    def __reduce__(self) -> tuple[type[TechvpError], tuple[Diagnostic]]:
        # Pickled whole, so one raised in an output's own process (techvp.build) reaches the CLI.
        return (TechvpError, (self.diagnostic,))


def error(code: str, location: Location, clause: str | None = None, **params: Any) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, location, params, clause)


def warning(code: str, location: Location, clause: str | None = None, **params: Any) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, location, params, clause)


def priority(code: str, location: Location, clause: str | None = None, **params: Any) -> Diagnostic:
    return Diagnostic(code, Severity.PRIORITY, location, params, clause)
