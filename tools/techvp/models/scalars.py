"""Numbers, yes/no answers, dates and deadlines, as people type them, and as editors see them.

techvp reads every value as the text the user typed; each type here says which texts it takes
(plain digits, plain decimals, 是/否, YYYY-MM-DD…) rather than pydantic's looser defaults (a
unix timestamp is not a birth date). An editor reads the same file with YAML 1.2 typing, where an
unquoted `180` is a number and a quoted `'180'` is text, so each type's JSON Schema accepts both
spellings of what techvp accepts: the typed value within the same range, or the text matching
the same pattern.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AwareDatetime, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from techvp.messages.core import EDITOR_HINTS

# Only words whose meaning cannot be mistaken: 无 in “近3年内无不良记录: 无” means “no bad record”,
# i.e. 是, so 有/无/没有 (and 1/0, yes/no, √/×) are refused rather than guessed.
YES_WORDS = ("是", "true")
NO_WORDS = ("否", "false")
YES_NO_PATTERN = "^(是|否|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"

_DIGITS = re.compile("-?[0-9]+")  # a minus is read, so the range check can name the bound
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# RFC 3339 with a time zone; seconds may be left out, a space may stand for the T.
DATETIME_PATTERN = (
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?"
    "([Zz]|[+-][0-9]{2}:?[0-9]{2})$"
)


def typed_or_text(typed: str, pattern: str, hint: str, **bounds: Any) -> dict[str, Any]:
    """The schema of a value an editor sees either typed (`typed`: integer, number, boolean) or as
    text. JSON Schema applies `pattern` to text only and the bounds to numbers only, so one schema
    holds both, and an editor's message names the pattern or the bound that was missed; `hint`
    (a key of EDITOR_HINTS) is what yaml-language-server shows instead of the bare pattern."""
    message = EDITOR_HINTS[hint].format(**bounds_text(bounds))
    return {"type": [typed, "string"], "pattern": pattern, "patternErrorMessage": message, **bounds}


def text_pattern(pattern: str, hint: str) -> dict[str, Any]:
    """The schema of text that must match `pattern`, with its message for editors."""
    return {"type": "string", "pattern": pattern, "patternErrorMessage": EDITOR_HINTS[hint]}


def bounds_text(bounds: dict[str, Any]) -> dict[str, str]:
    return {"low": f"{bounds.get('minimum', '')}", "high": f"{bounds.get('maximum', '')}"}


def _text_matching(pattern: re.Pattern[str], error: str) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, str) and pattern.fullmatch(value) is None:
            raise PydanticCustomError(error, error, {"value": value})
        return value

    return BeforeValidator(check)


def _yes_no(value: Any) -> Any:
    """Accept 是/否 and true/false (any case); anything else asks for 是 or 否."""
    if isinstance(value, bool) or value is None:
        return value
    text = str(value)
    word = text.lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise PydanticCustomError("field.yes-no", "yes/no", {"value": text})


YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema(typed_or_text("boolean", YES_NO_PATTERN, "yes-no")),
]

# A whole number written as digits. Its range goes in the same Annotated, before this marker
# (`Annotated[int, Field(ge=1, le=10), DIGITS]`), so that it is the integer's own range, which the
# schema generator (techvp.schema) writes both as numbers and as a pattern on digit strings.
DIGITS = _text_matching(_DIGITS, "int_parsing")


Count = Annotated[int, Field(ge=0, le=1_000_000), DIGITS]

MONEY_WHOLE_DIGITS, MONEY_PLACES = 12, 4
MONEY_MAX = Decimal("999999999999.9999")
MONEY_PATTERN = f"^0*[0-9]{{1,{MONEY_WHOLE_DIGITS}}}(\\.[0-9]{{1,{MONEY_PLACES}}}0*)?$"
_MONEY = re.compile(MONEY_PATTERN[1:-1])


def _money_text(value: Any) -> Any:
    """Digits and places checked on the text as typed: one regular expression costs far less
    than pydantic's max_digits/decimal_places, which count digits in Python for every value."""
    if isinstance(value, str):
        if _DECIMAL.fullmatch(value) is None:
            raise PydanticCustomError("decimal_parsing", "decimal_parsing", {"value": value})
        if value[:1] != "-" and _MONEY.fullmatch(value) is None:
            raise PydanticCustomError("decimal_max_places", "decimal_max_places", {"value": value})
    return value


# Money in 万元 or 元, kept exact; absurd values are refused rather than silently accepted.
Money = Annotated[
    Decimal,
    BeforeValidator(_money_text),
    Field(ge=0, le=MONEY_MAX),
    WithJsonSchema(
        typed_or_text("number", MONEY_PATTERN, "money", minimum=0, maximum=float(MONEY_MAX))
    ),
]

Date = Annotated[
    date,
    _text_matching(re.compile(DATE_PATTERN[1:-1]), "date_parsing"),
    WithJsonSchema({**text_pattern(DATE_PATTERN, "date"), "format": "date"}),
]
Deadline = Annotated[
    AwareDatetime,
    _text_matching(re.compile(DATETIME_PATTERN[1:-1]), "datetime_parsing"),
    WithJsonSchema(text_pattern(DATETIME_PATTERN, "datetime")),
]


def integer_pattern(low: int, high: int) -> str:
    """A regular expression for the digit strings of the whole numbers low..high (leading zeros
    allowed, as `int` reads them)."""
    parts: list[str] = []
    for width in range(len(str(low)), len(str(high)) + 1):
        start = max(low, 10 ** (width - 1) if width > 1 else 0)
        end = min(high, 10**width - 1)
        if start <= end:
            parts.extend(_same_width(str(start), str(end)))
    return "^0*(" + "|".join(parts) + ")$"


def _digit_class(a: str, b: str) -> str:
    return a if a == b else f"[{a}-{b}]"


def _same_width(a: str, b: str) -> list[str]:
    """Patterns for the numbers a..b, both written with the same number of digits."""
    rest = len(a) - 1
    tail = f"[0-9]{{{rest}}}" if rest else ""
    if a == b:
        return [a]
    if a[1:] == "0" * rest and b[1:] == "9" * rest:
        return [_digit_class(a[0], b[0]) + tail]
    if a[0] == b[0]:
        return [a[0] + p for p in _same_width(a[1:], b[1:])]
    parts = _same_width(a, a[0] + "9" * rest)
    if int(a[0]) + 1 <= int(b[0]) - 1:
        parts.append(_digit_class(str(int(a[0]) + 1), str(int(b[0]) - 1)) + tail)
    return parts + _same_width(b[0] + "0" * rest, b)
