"""The quota split: hand-checked cases and the properties staff rely on."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from techvp.matching.quota import QuotaRow, quota_table, split


def test_hand_checked_largest_remainder() -> None:
    # 10 places over 7 + 2 + 1 = 10 needs: exact shares.
    assert split(10, {"a": 7, "b": 2, "c": 1}, ["a", "b", "c"]) == {"a": 7, "b": 2, "c": 1}
    # 5 places over 6/3/1: ideal 3, 1.5, 0.5 → floors 3, 1, 0; remainders 0, 15, 5 (of 10):
    # the one place left goes to b.
    assert split(5, {"a": 6, "b": 3, "c": 1}, ["a", "b", "c"]) == {"a": 3, "b": 2, "c": 0}


def test_equal_remainders_go_to_more_needs_then_batch_order() -> None:
    # 1 place over 1/1/2: remainders 1, 1, 2 (of 4) → c.
    assert split(1, {"a": 1, "b": 1, "c": 2}, ["a", "b", "c"]) == {"a": 0, "b": 0, "c": 1}
    # 1 place over 1/1: equal remainders and needs → the region listed first.
    assert split(1, {"a": 1, "b": 1}, ["b", "a"]) == {"a": 0, "b": 1}
    # 2 places over 3/3/3: the first two in batch order.
    assert split(2, {"x": 3, "y": 3, "z": 3}, ["x", "y", "z"]) == {"x": 1, "y": 1, "z": 0}


def test_quota_above_needs_gives_each_region_its_needs() -> None:
    assert split(50, {"a": 3, "b": 0}, ["a", "b"]) == {"a": 3, "b": 0}
    assert split(5, {}, ["a"]) == {"a": 0}


def test_table_rows_in_batch_order_with_shares() -> None:
    rows = quota_table(5, [("b", "乙区"), ("a", "甲区")], {"a": 6, "b": 3})
    assert rows == [
        QuotaRow("b", "乙区", 3, Fraction(1, 3), 2),
        QuotaRow("a", "甲区", 6, Fraction(2, 3), 3),
    ]
    assert [r.share_text() for r in rows] == ["0.3333", "0.6667"]


@given(
    st.integers(min_value=1, max_value=200),
    st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=12),
)
def test_sum_caps_and_proportion(quota: int, counts: list[int]) -> None:
    order = [f"r{i}" for i in range(len(counts))]
    needs = dict(zip(order, counts, strict=True))
    places = split(quota, needs, order)
    total = sum(counts)
    assert sum(places.values()) == min(quota, total)
    for region in order:
        assert 0 <= places[region] <= needs[region]
        if quota < total:
            ideal = Fraction(quota * needs[region], total)
            assert ideal - 1 < places[region] < ideal + 1  # largest remainder: within one place
