"""jsontext writes exactly what json.dumps(…, ensure_ascii=False, indent=2, sort_keys=True) does."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techvp.jsontext import dumps

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()  # controls, quotes, backslashes, surrogates, CJK and emoji
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=30,
)


def reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


@given(VALUES)
def test_the_same_text_as_json(value: Any) -> None:
    assert dumps(value) == reference(value)


def test_the_edges_json_writes_its_own_way() -> None:
    for value in ({}, [], (), {"b": [], "a": {}}, [math.nan, -math.inf, 1e300, -0.0], "\u2028"):
        assert dumps(value) == reference(value)


def test_what_json_cannot_write_is_refused_alike() -> None:
    for value in ({"x": {1, 2}}, object()):
        with pytest.raises(TypeError):
            reference(value)
        with pytest.raises(TypeError):
            dumps(value)
    with pytest.raises(TypeError):  # json would write the key as "1"; findings never have one
        dumps({1: "x"})
