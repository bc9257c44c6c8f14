"""Every field of every record kind is declared public or internal, and docs/privacy.md lists
the internal ones. A new field without a decision fails here; so does a stale docs page.

Regenerate the page with `python -m pytest tests/test_privacy.py --regen`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from techvp.modelcheck import inner_models
from techvp.models import KINDS
from techvp.models.common import visibility_of
from tests.golden import assert_golden

PAGE = Path(__file__).parent.parent / "docs" / "privacy.md"

Row = tuple[str, str, str, str, str]  # kind title, key path, Chinese title, declared, effective


def walk(model: type[BaseModel], prefix: str = "", parent: str = "public") -> Iterator[Row]:
    for name, info in model.model_fields.items():
        declared = visibility_of(model, name) or "undeclared"
        effective = "internal" if "internal" in (declared, parent) else declared
        path = f"{prefix}{name}"
        yield ("", path, info.title or name, declared, effective)
        for inner in inner_models(info.annotation):
            yield from walk(inner, f"{path}.", effective)


def rows() -> list[Row]:
    out = []
    for kind in KINDS.values():
        out += [(kind.title, *row[1:]) for row in walk(kind.model)]  # type: ignore[misc]
    return out


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
