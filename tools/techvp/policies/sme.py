"""Is an enterprise 中小微 at all? 《中小企业划型标准规定》（工信部联企业〔2011〕300号）.

Article 4 of that standard gives, per industry, the upper limits of 中小微型企业: e.g. 工业
“从业人员1000人以下或营业收入40000万元以下的为中小微型企业”. “以下” excludes the number, and
“或” means meeting one limit is enough, so an enterprise is large only when it reaches every
limit of its industry. Some industries also use 资产总额, which a need does not record: an
enterprise at or above the limits techvp can check is then only possibly large.

A batch names industries by GB/T 4754-2017 门类 unless it lists its own. `GB4754_TO_STANDARD`
maps each 门类 onto the standard's industry list (article 3): a 门类 that spans several of them
(批发和零售业) is checked against each, and only being large under all of them is certain.
金融业 and the public sectors are outside the standard. A batch with its own industry names maps
them in `policy_overrides.size_industries`; an industry mapped nowhere is only flagged when it is
large under every limit based on staff and revenue (2000 人 and 100000 万元).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

StandardIndustry = Literal[
    "农、林、牧、渔业",
    "工业",
    "建筑业",
    "批发业",
    "零售业",
    "交通运输业",
    "仓储业",
    "邮政业",
    "住宿业",
    "餐饮业",
    "信息传输业",
    "软件和信息技术服务业",
    "房地产开发经营",
    "物业管理",
    "租赁和商务服务业",
    "其他未列明行业",
]
STANDARD_INDUSTRIES: tuple[str, ...] = get_args(StandardIndustry)
STANDARD = "工信部联企业〔2011〕300号"


@dataclass(frozen=True)
class Limits:
    """Article 4's upper limits of 中小微型企业 for one industry (None: not a criterion)."""

    item: str  # the sub-clause of article 4, e.g. "四(二)"
    employees: int | None = None  # 从业人员（人）
    revenue: int | None = None  # 营业收入（万元）
    assets: int | None = None  # 资产总额（万元）: not recorded in a need


_N = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")
_NUMERALS = (*_N, *(f"十{n}" for n in _N[:6]))

_LIMITS: tuple[tuple[int | None, int | None, int | None], ...] = (
    (None, 20000, None),  # 农、林、牧、渔业
    (1000, 40000, None),  # 工业
    (None, 80000, 80000),  # 建筑业
    (200, 40000, None),  # 批发业
    (300, 20000, None),  # 零售业
    (1000, 30000, None),  # 交通运输业
    (200, 30000, None),  # 仓储业
    (1000, 30000, None),  # 邮政业
    (300, 10000, None),  # 住宿业
    (300, 10000, None),  # 餐饮业
    (2000, 100000, None),  # 信息传输业
    (300, 10000, None),  # 软件和信息技术服务业
    (None, 200000, 10000),  # 房地产开发经营
    (1000, 5000, None),  # 物业管理
    (300, None, 120000),  # 租赁和商务服务业
    (300, None, None),  # 其他未列明行业
)
LIMITS: dict[str, Limits] = {
    name: Limits(f"四({_NUMERALS[i]})", *limits)
    for i, (name, limits) in enumerate(zip(STANDARD_INDUSTRIES, _LIMITS, strict=True))
}
_OTHER = ["其他未列明行业"]

GB4754_TO_STANDARD: dict[str, list[str]] = {
    "农、林、牧、渔业": ["农、林、牧、渔业"],
    "采矿业": ["工业"],
    "制造业": ["工业"],
    "电力、热力、燃气及水生产和供应业": ["工业"],
    "建筑业": ["建筑业"],
    "批发和零售业": ["批发业", "零售业"],
    "交通运输、仓储和邮政业": ["交通运输业", "仓储业", "邮政业"],
    "住宿和餐饮业": ["住宿业", "餐饮业"],
    "信息传输、软件和信息技术服务业": ["信息传输业", "软件和信息技术服务业"],
    "金融业": [],  # 金融业 has its own standard (银发〔2015〕309号)
    "房地产业": ["房地产开发经营", "物业管理"],
    "租赁和商务服务业": ["租赁和商务服务业"],
    "科学研究和技术服务业": _OTHER,
    "水利、环境和公共设施管理业": _OTHER,
    "居民服务、修理和其他服务业": _OTHER,
    "教育": _OTHER,
    "卫生和社会工作": _OTHER,
    "文化、体育和娱乐业": _OTHER,
    "公共管理、社会保障和社会组织": [],  # not enterprises
    "国际组织": [],
}
# For an industry mapped nowhere: large under every limit based on staff and revenue.
UNMAPPED = Limits("四", employees=2000, revenue=100000)

Verdict = Literal["large", "possibly-large"]


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    standard: tuple[str, ...]  # the standard's industries it is large under
    limits: Limits  # the limits shown in the message (the first industry's)


def _reaches(limits: Limits, employees: int, revenue: Decimal) -> bool | None:
    """Whether the enterprise reaches every limit (is large); None when only 资产总额 decides."""
    if limits.employees is not None and employees < limits.employees:
        return False
    if limits.revenue is not None and revenue < limits.revenue:
        return False
    return None if limits.assets is not None else True


def industries_for(industry: str, extra: Mapping[str, Sequence[str]]) -> list[str] | None:
    """The standard's industries a batch industry stands for; None when it is mapped nowhere."""
    if industry in extra:
        return list(extra[industry])
    found = GB4754_TO_STANDARD.get(industry)
    return None if found is None else list(found)


def judge(
    industry: str, employees: int, revenue: Decimal, extra: Mapping[str, Sequence[str]]
) -> Judgement | None:
    """None when the enterprise is 中小微 (or outside the standard); "large" when it reaches
    every limit of every standard industry it may belong to; "possibly-large" otherwise when it
    reaches some (or only 资产总额, not recorded, could make it 中小微)."""
    standard = industries_for(industry, extra)
    if standard is None:
        hit = _reaches(UNMAPPED, employees, revenue)
        return Judgement("possibly-large", (), UNMAPPED) if hit else None
    results = {name: _reaches(LIMITS[name], employees, revenue) for name in standard}
    large = tuple(name for name, hit in results.items() if hit is not False)
    if not large:
        return None
    certain = all(hit is True for hit in results.values())
    return Judgement("large" if certain else "possibly-large", large, LIMITS[large[0]])
