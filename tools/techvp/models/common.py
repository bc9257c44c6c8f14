"""Types shared by the record kinds: ids, codes, phones, money, and the public/internal marker.

Validators raise PydanticCustomError whose type is a diagnostic code from techvp.messages.core,
so a failed check reaches the user as that code's Chinese text.
"""

from __future__ import annotations

import re
from operator import mul
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from techvp.models.scalars import DIGITS as DIGITS
from techvp.models.scalars import NO_WORDS as NO_WORDS
from techvp.models.scalars import YES_WORDS as YES_WORDS
from techvp.models.scalars import Count as Count
from techvp.models.scalars import Date as Date
from techvp.models.scalars import Deadline as Deadline
from techvp.models.scalars import Money as Money
from techvp.models.scalars import YesNo as YesNo
from techvp.models.scalars import text_pattern, typed_or_text

VISIBILITY_KEY = "x-visibility"
Visibility = Literal["public", "internal"]


def _field(visibility: Visibility, title: str, description: str, **kw: Any) -> Any:
    extra: dict[str, Any] = {VISIBILITY_KEY: visibility}
    return Field(title=title, description=description or title, json_schema_extra=extra, **kw)


def public(title: str, description: str = "", **kw: Any) -> Any:
    """A field that may appear on the public site, its search index and open data."""
    return _field("public", title, description, **kw)


def internal(title: str, description: str = "", **kw: Any) -> Any:
    """A field that never leaves the repository except in staff Excel files."""
    return _field("internal", title, description, **kw)


class Model(BaseModel):
    """Base of every record and nested structure: unknown keys are errors, values immutable.

    An optional field left blank (`capacity:` as the blank form ships it) means "not given" and
    takes its default; a required field left blank is still an error.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_optional_is_absent(cls, data: Any) -> Any:
        if isinstance(data, dict) and None in data.values():
            fields = cls.model_fields
            return {
                k: v
                for k, v in data.items()
                if v is not None or k not in fields or fields[k].is_required()
            }
        return data


def visibility_of(model: type[BaseModel], name: str) -> Visibility | None:
    extra = model.model_fields[name].json_schema_extra
    if isinstance(extra, dict):
        value = extra.get(VISIBILITY_KEY)
        if value in ("public", "internal"):
            return value  # type: ignore[return-value]
    return None


def _fail(code: str, value: Any, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(code, code, {"value": value, **ctx})


# ---- ids -------------------------------------------------------------------------------------

_ID = re.compile(r"[a-z0-9][a-z0-9-]{1,62}[a-z0-9]")
# An all-digit id typed unquoted is a number to an editor; a leading zero is lost there.
_ID_SCHEMA = typed_or_text("integer", f"^{_ID.pattern}$", "record-id", minimum=100)


def is_record_id(value: str) -> bool:
    return _ID.fullmatch(value) is not None


def _check_id(value: str) -> str:
    if not is_record_id(value):
        raise _fail("field.record-id", value)
    return value


RecordId = Annotated[str, AfterValidator(_check_id), WithJsonSchema(_ID_SCHEMA)]

# ---- 统一社会信用代码 (GB 32100-2015) ----------------------------------------------------------

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# GB/T 2260 province-level codes; chars 3–8 of a credit code start with one of these.
_PROVINCES = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62"
PROVINCE_CODES = frozenset((_PROVINCES + " 63 64 65 71 81 82").split())


_CREDIT_VALUE = {c: i for i, c in enumerate(CREDIT_CHARS)}
# Any character not in CREDIT_CHARS (I, O, S, V and Z are left out of the code's alphabet).
_CREDIT_OUTSIDE = re.compile("[^0-9A-HJ-NP-RTUWXY]")


def credit_check_char(first17: str) -> str:
    if len(first17) != len(_CREDIT_WEIGHTS):
        raise ValueError("credit_check_char takes the first 17 characters")
    values = map(CREDIT_CHARS.index, first17)  # a character outside the alphabet: ValueError
    total = sum(map(mul, values, _CREDIT_WEIGHTS))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def org_check_char(first8: str) -> str:
    """GB 11714 check character of the organisation code held in chars 9–17."""
    values = map(_org_value, first8)
    total = sum(map(mul, values, _ORG_WEIGHTS))
    rest = 11 - total % 11
    return "X" if rest == 10 else "0" if rest == 11 else str(rest)


def _org_value(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - 55


def credit_division(code: str) -> str:
    """Chars 3–8: the registering administrative division (行政区划代码)."""
    return code[2:8]


def _check_credit_code(value: str) -> str:
    value = value.upper()  # codes are printed in capitals; a lower-case copy means the same
    if len(value) != 18:
        raise _fail("field.credit-code-length", value, length=len(value))
    outside = _CREDIT_OUTSIDE.search(value)
    if outside is not None:
        raise _fail("field.credit-code-charset", value, char=outside.group())
    division = credit_division(value)
    if not division.isdigit() or division[:2] not in PROVINCE_CODES:
        raise _fail("field.credit-code-division", value, division=division)
    # Which character is wrong cannot be known, so no "correct" check character is suggested:
    # a clerk told one would change it, and a typo elsewhere would then pass.
    if value[17] != credit_check_char(value[:17]):
        raise _fail("field.credit-code-checksum", value)
    if value[16] != org_check_char(value[8:16]):
        raise _fail("field.credit-code-org-checksum", value)
    return value


_CREDIT_CHAR = "[0-9A-HJ-NP-RTUWXYa-hj-np-rtuwxy]"
_PROVINCE = "(" + "|".join(sorted(PROVINCE_CODES)) + ")"
CREDIT_PATTERN = f"^{_CREDIT_CHAR}{{2}}{_PROVINCE}[0-9]{{4}}{_CREDIT_CHAR}{{10}}$"
CreditCode = Annotated[
    str,
    AfterValidator(_check_credit_code),
    WithJsonSchema(
        # The check characters are not expressible; an all-digit code is a number to editors.
        typed_or_text("integer", CREDIT_PATTERN, "credit-code", minimum=10**17, maximum=10**18 - 1)
    ),
]

# ---- contact formats -------------------------------------------------------------------------

_PHONE = re.compile(
    r"(\+86[- ]?)?1[3-9]\d{9}"  # mobile
    r"|(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?"  # landline, area code optional, extension
    r"|[48]00-?\d{3}-?\d{4}",  # 400/800 service numbers
    re.ASCII,  # full-width digits are not a phone number a computer can dial
)
# Unquoted, a phone is a number to an editor (027 85317029 loses its 0): 7 to 11 digits, or
# +86 and a mobile.
_PHONE_SCHEMA = {
    "anyOf": [
        text_pattern(f"^({_PHONE.pattern})$", "phone"),
        {"type": "integer", "minimum": 2_000_000, "maximum": 99_999_999_999},
        {"type": "integer", "minimum": 8_613_000_000_000, "maximum": 8_619_999_999_999},
    ]
}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


def _check_phone(value: str) -> str:
    if _PHONE.fullmatch(value) is None:
        raise _fail("field.phone", value)
    return value


def _check_email(value: str) -> str:
    if len(value) > 254 or _EMAIL.fullmatch(value) is None:  # RFC 5321 length limit
        raise _fail("field.email", value)
    return value


Phone = Annotated[str, AfterValidator(_check_phone), WithJsonSchema(_PHONE_SCHEMA)]
Email = Annotated[
    str,
    AfterValidator(_check_email),
    WithJsonSchema({**text_pattern(f"^{_EMAIL.pattern}$", "email"), "maxLength": 254}),
]

# ---- patents -----------------------------------------------------------------------------------

_APPLICATION = re.compile(r"(?:ZL)?(\d{12}|\d{8})\.([\dX])", re.ASCII)
_PUBLICATION = re.compile(r"CN\d{7,9}[ABCUSY]\d?", re.ASCII)
_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def patent_check_char(digits: str) -> str:
    rest = sum(map(mul, map(int, digits), _PATENT_WEIGHTS)) % 11
    return "X" if rest == 10 else str(rest)


def _check_patent_number(value: str) -> str:
    if _PUBLICATION.fullmatch(value):
        return value
    match = _APPLICATION.fullmatch(value)
    if match is None:
        raise _fail("field.patent-number", value)
    expected = patent_check_char(match.group(1))
    if match.group(2) != expected:
        raise _fail("field.patent-checksum", value, expected=expected)
    return value


PatentNumber = Annotated[
    str,
    AfterValidator(_check_patent_number),
    WithJsonSchema(
        # Unquoted, 202110123456.7 is a number to an editor; its check digit is techvp's.
        typed_or_text(
            "number",
            f"^({_APPLICATION.pattern}|{_PUBLICATION.pattern})$",
            "patent",
            minimum=10_000_000,
            maximum=999_999_999_999.9,
        )
    ),
]

# ---- numbers, yes/no and dates: see techvp.models.scalars -------------------------------------


# Beside AfterValidator(unique_items), so the schema says it too.
UNIQUE_ITEMS = Field(json_schema_extra={"uniqueItems": True})


def unique_items(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value in seen:
            raise _fail("field.duplicate-item", value, at=str(index))  # points at the repeat
        seen.add(value)
    return values


# Short text: names, titles. Long text: descriptions users write in forms.
Name = Annotated[str, Field(min_length=1, max_length=100)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
