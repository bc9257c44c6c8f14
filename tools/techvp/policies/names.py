"""Tolerant comparison of institution and person names (who named whom: policies.relations).

华中科技大学, 华中科技大学机械学院 and 华中科大 are one institution when the batch lists 华中科大
as an alias of 华中科技大学: names are normalised, aliases replaced by the full name, and a name
that continues a known institution name (a school or department of it) counts as that institution.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# A prefix only counts as an institution when it ends like one, so 武汉 never matches 武汉大学.
_UNIT_ENDINGS = ("大学", "学院", "研究院", "研究所", "科学院", "实验室", "中心", "公司", "集团")
_NOISE = re.compile(r"[\s　·•\-_/（）()【】\[\]“”\"'《》]")


def normalise(name: str) -> str:
    """A name without spaces, brackets and punctuation, full-width forms folded (NFKC)."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", name))


@dataclass
class Institutions:
    """Canonical names under one batch's alias table; results are cached per name."""

    aliases: Mapping[str, Sequence[str]]
    _table: list[tuple[str, str]] = field(default_factory=list)
    _cache: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        pairs = {}
        for full, shorts in self.aliases.items():
            canon = normalise(full)
            pairs[canon] = canon
            for short in shorts:
                pairs[normalise(short)] = canon
        # Longest first, so 华中科技大学 wins over 华中科大 when both could start a name.
        self._table = sorted(pairs.items(), key=lambda p: (-len(p[0]), p[0]))

    def canonical(self, name: str) -> str:
        """The normalised name with a leading alias replaced by the full name."""
        cached = self._cache.get(name)
        if cached is None:
            cached = normalise(name)
            for alias, full in self._table:
                if cached.startswith(alias):
                    cached = full + cached[len(alias) :]
                    break
            self._cache[name] = cached
        return cached

    def same(self, a: str, b: str) -> bool:
        """One institution, or one is a part (院系) of the other."""
        ca, cb = self.canonical(a), self.canonical(b)
        if ca == cb:
            return bool(ca)
        short, long = (ca, cb) if len(ca) < len(cb) else (cb, ca)
        return long.startswith(short) and short.endswith(_UNIT_ENDINGS)
