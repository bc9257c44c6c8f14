"""Every field of every record kind is declared public or internal, and docs/privacy.md lists
the internal ones. A new field without a decision fails here; so does a stale docs page.

Regenerate the page with `python -m pytest tests/test_privacy.py --regen`.
"""

from __future__ import annotations

from pathlib import Path

from techvp.models import KINDS, Expert, Need
from techvp.models.common import Model, internal, public
from techvp.models.visibility import (
    field_visibilities,
    is_public,
    public_paths,
    public_record,
)
from techvp.yamlio import parse_text
from techvp.yamlwrite import dump_record
from tests.factories import EXPERT, NEED
from tests.golden import assert_golden

PAGE = Path(__file__).parent.parent / "docs" / "privacy.md"

Row = tuple[str, str, str, str, str]  # kind title, key path, Chinese title, declared, effective


def rows() -> list[Row]:
    return [
        (
            kind.title,
            ".".join(f.path),
            f.title,
            f.declared or "undeclared",
            f.effective or "undeclared",
        )
        for kind in KINDS.values()
        for f in field_visibilities(kind.model)
    ]


def test_every_field_declares_its_visibility() -> None:
    undeclared = [
        f"{kind}: {path}" for kind, path, _, declared, _ in rows() if declared == "undeclared"
    ]
    assert not undeclared, "declare these public(...) or internal(...): " + ", ".join(undeclared)


def render() -> str:
    lines = [
        "# 不公开的字段（internal）",
        "",
        "<!-- 本页由 tests/test_privacy.py 生成，请勿手改："
        "python -m pytest tests/test_privacy.py --regen -->",
        "",
        "以下字段只保存在仓库中，**绝不会**出现在公开网站、站内搜索索引或开放数据 JSON 里；"
        "只有工作人员下载的 Excel 汇总表可能包含它们。"
        "上级字段不公开时，其下所有字段同样不公开。",
        "",
        "身份证号码、银行卡号、私钥和访问令牌则**根本不得进入仓库**（见 threat-model.md）："
        "`techvp validate` 与 `techvp scan-diff` 会拦截。",
        "",
        "| 记录类型 | 字段 | 含义 |",
        "| --- | --- | --- |",
    ]
    for kind, path, title, _, effective in rows():
        if effective == "internal":
            lines.append(f"| {kind} | `{path}` | {title} |")
    lines += [
        "",
        "## Internal fields (English)",
        "",
        "The fields above never reach the public site, its search index or the open-data JSON; "
        "they may appear in staff Excel downloads only. Every field of every record kind must be "
        "declared `public(...)` or `internal(...)`; a test fails otherwise.",
        "",
    ]
    return "\n".join(lines)


def test_privacy_page_is_in_sync() -> None:
    assert_golden(PAGE, render())


def test_known_sensitive_fields_are_internal() -> None:
    effective = {(kind, path): eff for kind, path, _, _, eff in rows()}
    for kind, path in [
        ("科技人员", "birth_date"),
        ("科技人员", "contact.phone"),
        ("科技人员", "political_status"),
        ("企业需求", "contact.phone"),
        ("企业需求", "preferred_experts.name"),
        ("考核表", "summary.achievements"),
    ]:
        assert effective[(kind, path)] == "internal", (kind, path)


class Referee(Model):
    name: str = public("姓名")


class Letter(Model):
    title: str = public("标题")
    referees: list[Referee] = internal("推荐人")


def test_a_field_under_an_internal_parent_is_internal_whatever_it_declares() -> None:
    assert is_public(Letter, ("title",))
    assert not is_public(Letter, ("referees", 0, "name"))  # declared public, parent internal
    assert public_record(Letter, {"title": "推荐信", "referees": [{"name": "李明"}]}) == {
        "title": "推荐信"
    }
    assert is_public(Need, ("enterprise", "name"))
    assert not is_public(Need, ("contact", "name"))
    assert not is_public(Need, ("preferred_experts", 0, "name"))
    assert not is_public(Need, ("no_such_field",))


def test_public_record_keeps_only_what_the_site_may_show() -> None:
    need = parse_text(dump_record(NEED), "laser-weld.yaml").data
    shown = public_record(Need, {**need, "preferred_experts": [{"name": "李明"}], "typo": "x"})
    assert shown["enterprise"]["name"] == "武汉睿光激光科技有限公司"
    assert shown["problem"] == NEED["problem"]
    assert "contact" not in shown and "preferred_experts" not in shown and "typo" not in shown
    expert = public_record(Expert, EXPERT)
    assert expert["patents"] == EXPERT["patents"]  # a list of structures keeps its public fields
    assert not {"birth_date", "contact", "clean_record_3y", "gender"} & set(expert)
    assert set(expert) == {p[0] for p in public_paths(Expert) if p[0] in EXPERT}
