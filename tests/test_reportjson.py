"""The JSON report put together from each finding's kept part is exactly json.dumps of the whole."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from techvp.diagnostics import Diagnostic, Location, Severity, error, kept_location
from techvp.reportjson import masked, part, report

TEXT = st.text() | st.sampled_from(["身份证 11010519491231002X", "第一行\n第二行", "\u2028", ""])
PARAMS = st.dictionaries(
    st.text(max_size=5),
    st.recursive(
        st.none() | st.integers() | TEXT,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
        max_leaves=8,
    ),
    max_size=4,
)
FINDINGS = st.lists(
    st.builds(
        lambda message, params, line, severity: Diagnostic.known(
            "x.y",
            severity,
            Location("submissions/a.yaml", line, None),
            None,
            {"message": message, "params": params, "line": line, "severity": severity.value},
        ),
        TEXT,
        PARAMS,
        st.none() | st.integers(1, 10**6),
        st.sampled_from(list(Severity)),
    ),
    max_size=5,
)


def reference(diags: list[Diagnostic], counts: dict[str, int]) -> str:
    payload: dict[str, Any] = {"diagnostics": [masked(d) for d in diags], "counts": counts}
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@given(FINDINGS, st.dictionaries(st.sampled_from(["files", "error", "警告"]), st.integers()))
def test_the_same_text_as_json_of_the_whole_report(diags: list[Diagnostic], counts: Any) -> None:
    assert report(diags, counts) == reference(diags, counts)
    assert report(diags, counts) == reference(diags, counts)  # again, from the kept parts


def test_a_part_is_kept_and_masks_what_a_user_typed() -> None:
    diag = error("root.no-submissions", Location("."), root="11010519491231002X")
    made = part(diag)
    assert part(diag) is made
    assert "11010519491231002X" not in made and "002X" in made
    kept = Diagnostic.known(diag.code, diag.severity, diag.location, None, diag.as_dict(), made)
    assert report([kept], {}) == reference([diag], {})


def test_a_kept_finding_is_the_finding_it_was() -> None:
    """Kept findings are rebuilt slot by slot (techvp.diagnostics.Diagnostic.known): equal,
    hashed and sorted like the finding made by its constructor."""
    loc = Location("submissions/a.yaml", 3, 7, ("enterprise", "employees", 0))
    diag = error("root.no-submissions", loc, "第三条", root="x")
    kept_loc = kept_location(loc.file, loc.line, loc.column, loc.key_path)
    kept = Diagnostic.known(diag.code, diag.severity, kept_loc, diag.clause, diag.as_dict())
    assert kept_loc == loc and hash(kept_loc) == hash(loc) and kept_loc.field == loc.field
    assert kept == replace(diag, params=diag.as_dict()["params"])
    assert kept.sort_key() == diag.sort_key() and kept.message == diag.message
