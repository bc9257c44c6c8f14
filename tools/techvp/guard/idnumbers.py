"""居民身份证号码 (GB 11643-1999): structure and check character.

Only an 18-character string with a plausible structure counts: a 6-digit division starting with
a province code, a real birth date YYYYMMDD between 1900 and 2099, a 3-digit sequence and a
check character that passes. A string that is also a valid 统一社会信用代码 is left alone: an
all-digit credit code is not a person.

People also write the number in groups (`420106 19900307 1234`, `420106-19900307-1234`, or by
fours like a card); `grouped_ids` finds those, but only in the groupings people use, each with
one kind of separator, so phone numbers, dates and lists of figures stay quiet.
"""

from __future__ import annotations

import re
from datetime import date

from techvp.models.common import (
    CREDIT_CHARS,
    PROVINCE_CODES,
    credit_check_char,
    org_check_char,
)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# 17 digits and a check character, not inside a longer run of digits.
CANDIDATE = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")


# Digits (and a final X) in groups separated by one space or hyphen: a grouped number's shape.
GROUPED = re.compile(r"[0-9]{2,8}(?:[ -][0-9Xx]{1,8}){1,6}")
_GROUP = re.compile(r"[0-9Xx]+")
# Group lengths people write an ID number in: by its parts (division, birth date, sequence and
# check), with the birth year apart, by threes then fours, or by fours like a bank card.
GROUPINGS = frozenset(
    {
        (6, 8, 4),
        (6, 8, 3, 1),
        (6, 4, 4, 4),
        (6, 4, 2, 2, 4),
        (3, 3, 8, 4),
        (3, 3, 4, 4, 4),
        (4, 4, 4, 4, 2),
    }
)


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def _birth_date_ok(text: str) -> bool:
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    if not 1900 <= year <= 2099:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def is_credit_code(value: str) -> bool:
    """A complete, valid 统一社会信用代码 (both check characters pass)."""
    if len(value) != 18 or any(c not in CREDIT_CHARS for c in value):
        return False
    return value[17] == credit_check_char(value[:17]) and value[16] == org_check_char(value[8:16])


def is_id_number(value: str) -> bool:
    """True for an 18-character string that is structurally a valid ID number."""
    if len(value) != 18 or not value[:17].isdigit():
        return False
    if value[:2] not in PROVINCE_CODES or not _birth_date_ok(value[6:14]):
        return False
    if value[17].upper() != id_check_char(value[:17]):
        return False
    return not is_credit_code(value.upper())


def _boundary(text: str, index: int) -> bool:
    """No ASCII letter or digit, which would continue a number, at text[index] (outside the
    text counts): 身份证号420106 19900307 1234 still counts."""
    return not (0 <= index < len(text) and text[index].isascii() and text[index].isalnum())


def grouped_ids(text: str) -> list[tuple[int, int]]:
    """(start, end) of every ID number written in groups with spaces or hyphens."""
    found: list[tuple[int, int]] = []
    for run in GROUPED.finditer(text):
        if run.end() - run.start() < 19 or not _boundary(text, run.start() - 1):
            continue  # a date, a phone number, or inside a longer run of characters
        groups = [(g.start(), g.end()) for g in _GROUP.finditer(text, run.start(), run.end())]
        for first in range(len(groups)):
            span = _id_in(text, groups[first:], run.end())
            if span is not None:
                found.append(span)
                break
    return found


def _id_in(text: str, groups: list[tuple[int, int]], run_end: int) -> tuple[int, int] | None:
    """An ID number made of the first few of `groups`, if they make one."""
    total, lengths = 0, []
    for start, end in groups:
        total += end - start
        lengths.append(end - start)
        if total < 18:
            continue
        begin, stop = groups[0][0], end
        separators = {text[e] for _, e in groups[: len(lengths) - 1]}
        if total > 18 or tuple(lengths) not in GROUPINGS or len(separators) != 1:
            return None
        if stop == run_end and not _boundary(text, stop):
            return None
        digits = "".join(text[a:b] for a, b in groups[: len(lengths)])
        return (begin, stop) if is_id_number(digits) else None
    return None


def tail(value: str) -> str:
    """The last four letters or digits of a value, separators left out: what a message shows."""
    return "".join(c for c in value if c.isalnum())[-4:]


def mask(value: str) -> str:
    """Every letter and digit but the last four starred, separators kept: **************1234."""
    out, shown = [], 0
    for char in reversed(value):
        if char.isalnum() and shown < 4:
            shown += 1
            out.append(char)
        else:
            out.append("*" if char.isalnum() else char)
    return "".join(reversed(out))
