"""Answers as people type them → record values: full-width forms, numbers with units, dates.

Each reader takes the answer's text and returns the value, or raises `Unreadable` with the code
and parameters of the Chinese message that names the form field.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from techvp.issueform.spec import Element
from techvp.messages import issueform as text

_PATENT_KINDS = ("实用新型", "外观设计", "发明")  # longest first: 发明 is in no other kind
# Words around a number that do not change it: 约120人, 大约 8500 万元, 共计 3 人, 120人左右.
_APPROX = re.compile(r"^(约|大约|近|将近|接近|超过|逾|共|共计|合计|计|为)|(左右|上下|余|多)$")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(亿|万|千|百)?(元|人民币|人|名|个|位)?")
_FACTORS = {"": 1, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_YUAN = {"万元": 10_000, "元": 1}
_DATE = re.compile(r"(\d{4})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*[日号]?")
_LINE = re.compile(r"\n+")
_NAME_SEP = re.compile(r"[\n、；;，,]+")  # names hold none of these; sentences do
_ID_SEP = re.compile(r"[\s、；;，,]+")


class Unreadable(Exception):
    """An answer that cannot be read: the message code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def folded(answer: str) -> str:
    """Full-width letters, digits and punctuation as their ASCII forms (NFKC)."""
    return unicodedata.normalize("NFKC", answer)


def _code(answer: str) -> str:
    """Credit codes, phones, e-mail, ids: NFKC and no spaces (027 8531 7029 is one number)."""
    return re.sub(r"\s", "", folded(answer))


def _number(element: Element, answer: str) -> Decimal:
    typed = re.sub(r"[\s,]", "", folded(answer))
    typed = _APPROX.sub("", _APPROX.sub("", typed))
    match = _NUMBER.fullmatch(typed)
    if match is None:
        raise Unreadable("form.not-number", value=answer, hint=_hint(element))
    number = Decimal(match.group(1)) * _FACTORS[match.group(2) or ""]
    unit = match.group(3) or ""
    money = element.reader == "money"
    if unit and money != (unit in ("元", "人民币")):  # 120元 of people, 8500人 of money
        expected = (element.unit or text.UNITS["元"]) if money else text.PEOPLE
        raise Unreadable("form.bad-unit", value=answer, unit=unit, expected=expected)
    if money and (unit or match.group(2)):
        # 8500万元 → 8500 in a 万元 field, 50000元 → 5; 1.2亿 without 元 means yuan too
        number = number / _YUAN.get(element.unit, 1)
    return number


def _hint(element: Element) -> str:
    return text.HINTS[element.reader].format(unit=element.unit)


def plain_number(value: Decimal) -> int | float:
    """A number as the record writer writes it plainly (8500, 1860.5)."""
    try:
        value = value.normalize()
    except InvalidOperation:
        return float(value)
    return int(value) if value == value.to_integral_value() else float(value)


def read_count(element: Element, answer: str) -> int:
    number = _number(element, answer)
    if number != number.to_integral_value():
        raise Unreadable("form.not-integer", value=answer)
    return int(number)


def read_date(element: Element, answer: str) -> date:
    typed = folded(answer).strip()
    match = _DATE.fullmatch(typed) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", typed)
    try:
        if match is None:
            raise ValueError(typed)
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise Unreadable("form.not-date", value=answer, hint=text.HINTS["date"]) from None


def read_choice(element: Element, answer: str) -> Any:
    typed = answer.strip()
    for option in element.options:
        if typed == option or folded(typed) == folded(option):
            return element.value_of(option)
    raise Unreadable("form.not-option", value=answer, choices=list(element.options))


def read_lines(answer: str, separators: re.Pattern[str] = _LINE) -> list[str]:
    """One item a line (names: also 、，；), bullets and numbering (- 1. ①) taken off."""
    items = []
    for part in separators.split(answer):
        item = re.sub(r"^\s*([-*•·]|\d+[.、)）]|[①-⑳])\s*", "", part).strip()
        if item:
            items.append(item)
    return items


def read_patents(element: Element, answer: str) -> list[dict[str, str]]:
    patents = []
    for number, line in enumerate((x.strip() for x in answer.splitlines()), start=1):
        line = re.sub(r"^\s*([-*•·]|\d+[.、)）])\s+", "", line)
        if not line:
            continue
        kind = next((k for k in _PATENT_KINDS if line.endswith(k)), None)
        parts = re.split(r"[\s,，、|｜]+", line[: -len(kind)] if kind else line, maxsplit=1)
        if kind is None or len(parts) < 2:
            raise Unreadable("form.bad-patent", line=number, value=line)
        title = parts[1].strip(" ,，、|｜\t")
        patents.append({"number": _code(parts[0]).upper(), "title": title, "kind": kind})
    return patents


def read_checked(element: Element, answer: str) -> list[Any]:
    """Ticked boxes (`- [X] option`; a line someone typed without a box counts as ticked)."""
    out = []
    for line in answer.splitlines():
        box = re.fullmatch(r"\s*[-*]?\s*\[([ xX✓√]?)\]\s*(.*?)\s*", line)
        if box is not None and not box.group(1).strip():
            continue
        option = (box.group(2) if box is not None else line).strip()
        if option:
            out.append(read_choice(element, option))
    return out


def read(element: Element, answer: str) -> Any:
    """The value of one answered element (never called for an empty answer)."""
    reader = element.reader
    if reader == "text":
        return answer.strip()
    if reader == "code":
        if element.widget == "textarea":
            return [_code(item).lower() for item in read_lines(folded(answer), _ID_SEP)]
        return _code(answer)
    if reader == "count":
        return read_count(element, answer)
    if reader == "money":
        return plain_number(_number(element, answer))
    if reader == "date":
        return read_date(element, answer)
    if reader == "choice":
        return read_choice(element, answer)
    if reader == "choices":
        return read_checked(element, answer)
    if reader == "lines":
        return read_lines(answer)
    if reader == "names":
        return read_lines(answer, _NAME_SEP)
    if reader == "patents":
        return read_patents(element, answer)
    raise AssertionError(reader)
