"""Property tests: random YAML and mutated records never crash the loader or validation.

Profiles: the default is quick (part of the suite); `HYPOTHESIS_PROFILE=long` runs for about
ten minutes by hand.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from techvp.modelcheck import check_record
from techvp.models import KINDS
from techvp.yamlio import parse_bytes, parse_text
from tests import factories as f
from tests.conftest import run_validate

settings.register_profile(
    "quick", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=30000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

SAMPLES = {
    "batch": f.BATCH,
    "need": f.NEED,
    "expert": f.EXPERT,
    "appointment": f.APPOINTMENT,
    "report": f.REPORT,
    "assessment": f.ASSESSMENT,
}
YAML_BITS = [
    ":",
    ": ",
    "- ",
    "-",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "#",
    "|",
    ">",
    "\n",
    "\n  ",
    "\n    ",
    "\t",
    "\r\n",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "\\",
    "id",
    "name",
    "no",
    "0271234",
    "2022-02-30",
    "1e400",
    "~",
    "null",
    "<<",
    "\x00",
    "\ufeff",
    "激光",
    "：",
    "\u200b",
    "420102198506011237",
]
yaml_text = st.lists(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=8)), max_size=40).map(
    "".join
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["no", "是", "2022-02-30", "-1", "1e9999", "0o17", "ZL202110123456.7"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def line_count(raw: bytes) -> int:
    return raw.count(b"\n") + 1


def assert_points_inside(diagnostics: Any, files: dict[str, bytes]) -> None:
    for diag in diagnostics:
        loc = diag.location
        assert diag.message, diag.code
        if loc.file in files and loc.line is not None:
            assert 1 <= loc.line <= line_count(files[loc.file]), (diag.code, loc)
            assert loc.column is None or loc.column >= 1, (diag.code, loc)


@given(yaml_text)
def test_random_yaml_never_crashes_the_loader(text: str) -> None:
    raw = text.encode("utf-8", errors="surrogatepass")
    doc = parse_bytes(raw, "f.yaml")
    assert_points_inside(doc.diagnostics, {"f.yaml": raw})


@given(st.binary(max_size=200))
def test_random_bytes_never_crash_the_loader(raw: bytes) -> None:
    doc = parse_bytes(raw, "f.yaml")
    assert_points_inside(doc.diagnostics, {"f.yaml": raw})


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*prefix, key)
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield (*prefix, i)
            yield from paths(value, (*prefix, i))


def set_path(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return f.full_repo(tmp_path_factory.mktemp("base"))


def _run_in_copy(base: Path, rel: str, raw: bytes, tmp: Path) -> None:
    if tmp.exists():
        shutil.rmtree(tmp)
    shutil.copytree(base, tmp)
    (tmp / rel).write_bytes(raw)
    findings = run_validate(tmp)
    assert_points_inside(findings, {rel: raw})


@given(kind=st.sampled_from(sorted(SAMPLES)), data=st.data())
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_mutated_records_never_crash_validation(
    base: Path, tmp_path: Path, kind: str, data: st.DataObject
) -> None:
    record = f.record(SAMPLES[kind])
    for _ in range(data.draw(st.integers(1, 3))):
        targets = sorted(paths(record), key=str)  # the shape changes with each mutation
        set_path(record, data.draw(st.sampled_from(targets)), data.draw(values))
    text = f.dump(record)
    lines = text.splitlines(keepends=True)
    if data.draw(st.booleans()) and lines:  # and a textual mutation
        i = data.draw(st.integers(0, len(lines) - 1))
        lines.insert(i, data.draw(st.sampled_from([*YAML_BITS, lines[i]])))
    raw = "".join(lines).encode("utf-8", errors="surrogatepass")
    _run_in_copy(base, f.record_path(kind, SAMPLES[kind]), raw, tmp_path / "repo")


printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1
)


@given(
    kind=st.sampled_from(["need", "expert"]),
    text=printable.filter(lambda s: s.strip() == s),
)
def test_valid_record_survives_a_round_trip(kind: str, text: str) -> None:
    """Any printable text in a free-text field is read back exactly as written."""
    key = {"need": "expert_field", "expert": "name"}[kind]
    record = f.record(SAMPLES[kind], **{key: text[:100]})
    model = KINDS[kind].model
    doc = parse_text(f.dump(record), "f.yaml")
    assert doc.ok, [d.message for d in doc.diagnostics]
    parsed, problems = check_record(model, doc)
    assert not problems, [d.message for d in problems]
    assert getattr(parsed, key) == text[:100]
    expected, _ = check_record(model, parse_text(f.dump(f.record(SAMPLES[kind])), "g.yaml"))
    assert parsed.model_copy(update={key: getattr(expected, key)}) == expected
