"""The blank forms are written from the models, stay in sync, and parse as the right record."""

from __future__ import annotations

from pathlib import Path

import pytest

from techvp.modelcheck import check_record
from techvp.models import KINDS
from techvp.template import render_template
from techvp.yamlio import parse_text
from tests.golden import assert_golden

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_template_is_in_sync(kind: str) -> None:
    path = ROOT / "templates" / f"{kind}.yaml"
    expected = render_template(kind, f"../schemas/{kind}.schema.json")
    assert_golden(path, expected)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_names_every_field_and_only_real_ones(kind: str) -> None:
    text = render_template(kind, "x.json")
    doc = parse_text(text, f"{kind}.yaml")
    assert doc.diagnostics == []
    assert set(doc.data) == set(KINDS[kind].model.model_fields)
    _, problems = check_record(KINDS[kind].model, doc)
    assert [d for d in problems if d.code == "field.unknown"] == []


def test_template_comments_carry_titles_requirement_and_choices() -> None:
    text = render_template("expert", "x.json")
    assert "# 出生日期（必填，不公开）：用于按批次基准日计算年龄；不公开\nbirth_date:\n" in text
    assert "#   可选：博士 / 硕士 / 学士 / 其他\ndegree:\n" in text
    assert "  - number:\n" in text  # a list of structures shows one item to copy
