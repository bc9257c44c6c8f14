"""Record ids from names: an enterprise's or a person's name → a file name anyone can type.

The Excel importer (techvp.excel.importer) and the issue forms (techvp.issueform) both derive ids
here, so a need imported from a district's table and one submitted through an issue get the same
id for the same enterprise.
"""

from __future__ import annotations

import functools
import hashlib
import re

from techvp.models.common import is_record_id

_COMPANY_FORM = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|公司)$")


def enterprise_key(name: str) -> str:
    """An enterprise's name without spaces and brackets, to tell whether two names are one."""
    return re.sub(r"[\s\u3000（）()]", "", name)


@functools.cache
def _syllable(char: str) -> str:
    """One character's pinyin without tone (its most common reading); "" for punctuation."""
    from pypinyin import lazy_pinyin

    reading = lazy_pinyin(char)[0].lower()
    return reading if reading.isascii() and reading.isalnum() else ""


def pinyin_slug(text: str) -> str:
    """Letter runs kept, each Chinese character as its pinyin, one hyphen between them."""
    words = re.findall(r"[A-Za-z0-9]+|[^\x00-\x7f]", text)  # letter runs, single characters
    parts = [w.lower() if w.isascii() else _syllable(w) for w in words]
    return "-".join(p for p in parts if p)[:56].rstrip("-")


def slug_id(text: str, taken: set[str] | frozenset[str], fallback: str, key: str) -> str:
    """`pinyin_slug(text)`, or with a short hash of `key` added when that id is taken or not a
    valid id; `fallback` and the hash when the text has no letters at all."""
    slug = pinyin_slug(text)
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    if not is_record_id(slug) or slug in taken:
        slug = f"{slug}-{digest}".strip("-") if slug else f"{fallback}-{digest}"
    return slug


def need_id(name: str, taken: set[str] | frozenset[str]) -> str:
    """An id from the enterprise's name: its pinyin without the company-form suffix, one
    syllable per hyphen; a short hash of the full name is added when that id is taken."""
    core = _COMPANY_FORM.sub("", name) or name
    return slug_id(core, taken, "need", name)


def expert_id(name: str, institution: str, taken: set[str] | frozenset[str]) -> str:
    """An id from the person's name (wang-wei); two people of one name are told apart by a
    short hash of name and institution."""
    return slug_id(name, taken, "expert", f"{name}\n{institution}")
