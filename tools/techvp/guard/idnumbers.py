"""居民身份证号码 (GB 11643-1999): structure and check character.

Only an 18-character string with a plausible structure counts: a 6-digit division starting with
a province code, a real birth date YYYYMMDD between 1900 and 2099, a 3-digit sequence and a
check character that passes. A string that is also a valid 统一社会信用代码 is left alone: an
all-digit credit code is not a person.
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


def mask(value: str) -> str:
    """At most the first 4 and last 4 characters: 4201**********1234."""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]
