"""Committed JSON Schemas match the models, and every example points editors at its schema."""

from __future__ import annotations

import json
from pathlib import Path

from techvp.models import KINDS
from techvp.schema import render_schema, schema_filename
from tests.golden import assert_golden

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schemas_are_in_sync() -> None:
    for name in KINDS:
        assert_golden(ROOT / "schemas" / schema_filename(name), render_schema(name))


def test_every_field_has_a_chinese_title_and_description() -> None:
    def walk(schema: dict, where: str) -> None:
        for key, prop in schema.get("properties", {}).items():
            assert any("\u4e00" <= c <= "\u9fff" for c in prop.get("title", "")), f"{where}.{key}"
            assert prop.get("description"), f"{where}.{key}"
        for name, sub in schema.get("$defs", {}).items():
            walk(sub, name)

    for name in KINDS:
        walk(KINDS[name].model.model_json_schema(), name)


def test_every_record_file_names_its_schema_on_the_first_line() -> None:
    files = sorted((ROOT / "submissions").rglob("*.yaml"))
    assert files, "the demo data is missing"
    for path in files:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.exists(), f"{path}: {target}"


def test_every_pattern_carries_a_chinese_message_for_editors() -> None:
    """yaml-language-server shows `patternErrorMessage` instead of the bare regular expression."""

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            if "pattern" in node:
                message = node.get("patternErrorMessage", "")
                assert any("\u4e00" <= c <= "\u9fff" for c in message), where
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    for name in KINDS:
        walk(json.loads((ROOT / "schemas" / schema_filename(name)).read_text("utf-8")), name)
