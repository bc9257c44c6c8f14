"""Tolerant institution names: aliases, schools of a university, and what must not match."""

from __future__ import annotations

import pytest

from techvp.policies.names import Institutions, normalise

ALIASES = {"华中科技大学": ["华中科大", "华科"], "中国科学院武汉物理与数学研究所": ["武汉物数所"]}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("华中科技大学", "华中科技大学", True),
        ("华中科技大学", "华中科技大学机械学院", True),
        ("华中科大", "华中科技大学", True),
        ("华科机械学院", "华中科技大学", True),
        ("华中科技大学 ", "华中科技大学（机械学院）", True),
        ("武汉物数所", "中国科学院武汉物理与数学研究所", True),
        ("华中科技大学", "华中师范大学", False),
        ("华中", "华中科技大学", False),  # a prefix that is not an institution name
        ("武汉大学", "武汉理工大学", False),
        ("", "", False),
    ],
)
def test_same_institution(a: str, b: str, same: bool) -> None:
    inst = Institutions(ALIASES)
    assert inst.same(a, b) is same
    assert inst.same(b, a) is same


def test_without_aliases_only_names_and_their_parts_match() -> None:
    inst = Institutions({})
    assert inst.same("武汉大学", "武汉大学化学与分子科学学院")
    assert not inst.same("华中科大", "华中科技大学")


def test_normalise_ignores_spaces_brackets_and_full_width_forms() -> None:
    assert normalise("华中科技大学（机械 学院）") == normalise("华中科技大学(机械学院)")
    assert normalise("ＡＢＣ 研究院") == "ABC研究院"
