"""JSON Schema for each record kind, so editors offer completion and the Chinese descriptions.

What `techvp validate` accepts, the schema accepts; what a schema can express (patterns,
enumerations, ranges, lengths), it expresses. techvp reads every value as the text typed, but an
editor (the yaml-language-server in VS Code, check-jsonschema) types the YAML first, by YAML 1.2
rules: an unquoted `180` or `19735562365` is a number, `true` a boolean, `是`, `no` and a quoted
`'180'` are text, and a blank value is null. So each scalar's schema accepts both spellings of
what techvp accepts:

- a whole number: the number within its range, or digits (a pattern written from that range);
- a yes/no answer: a boolean, or 是 / 否 / true / false as text (see models/scalars.py);
- money: a number within range, or a plain decimal with at most four places;
- ids, phones, codes and patent numbers: text matching the pattern techvp uses, or the number an
  unquoted one becomes (see models/common.py);
- free text: text within its length limits, or a number or true/false typed in its place;
- an optional field: also null, since a blank optional field means "not given".

Only what YAML typing erases is beyond a schema: once `+5`, `1_000` or `0027` has become a number,
its spelling is gone (techvp reads the text and asks for plain digits); a check digit, the decimals
of a typed number, and rules across fields or records are techvp's alone. An editor left on
YAML 1.1 (yaml-language-server's `yaml.yamlVersion: "1.1"`) also types `yes`/`no`/`on`/`off` as
booleans and so accepts them; techvp refuses them as unclear. The agreement is tested with
check-jsonschema (ruamel.yaml, YAML 1.2) in tests/test_schema_agreement.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from techvp.models import KINDS
from techvp.models.scalars import integer_pattern, typed_or_text

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NULL = {"type": "null"}
_TEXT_KEYS = ("type", "minLength", "maxLength")
_NOTES = ("title", "description", "default", "x-visibility")  # stay beside a widened field


class EditorSchema(GenerateJsonSchema):
    """Pydantic's schema, with each primitive widened to the values an editor's YAML gives."""

    def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
        number = super().int_schema(schema)
        low = int(number.get("minimum", number.get("exclusiveMinimum", -1) + 1))
        high = number.get("maximum", number.get("exclusiveMaximum", 10**15 + 1) - 1)
        low = max(low, 0)
        pattern = integer_pattern(low, int(high))
        return typed_or_text("integer", pattern, "integer", minimum=low, maximum=high)

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        text = super().str_schema(schema)
        if set(text) - set(_TEXT_KEYS):  # a pattern or format: typed values are not text here
            return text
        return {**text, "type": ["string", "number", "boolean"]}  # lengths apply to text only


def _allow_blank_optional(schema: dict[str, Any]) -> None:
    """A field that is not required may be left blank (null), meaning "not given"."""
    objects = [schema, *schema.get("$defs", {}).values()]
    for obj in objects:
        required = set(obj.get("required", ()))
        for name, prop in obj.get("properties", {}).items():
            if name in required:
                continue
            if "anyOf" in prop:
                if _NULL not in prop["anyOf"]:
                    prop["anyOf"].append(_NULL)
                continue
            if "type" in prop and "enum" not in prop and "const" not in prop:
                types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
                prop["type"] = [*types, "null"]
                continue
            notes = {k: prop.pop(k) for k in list(prop) if k in _NOTES}
            inner = dict(prop)
            prop.clear()
            prop.update(anyOf=[inner, _NULL], **notes)


def schema_for(kind_name: str) -> dict[str, Any]:
    kind = KINDS[kind_name]
    schema = kind.model.model_json_schema(schema_generator=EditorSchema)
    _allow_blank_optional(schema)
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = kind.title
    return schema


def render_schema(kind_name: str) -> str:
    return json.dumps(schema_for(kind_name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_filename(kind_name: str) -> str:
    return f"{kind_name}.schema.json"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in KINDS:
        path = out / schema_filename(name)
        path.write_text(render_schema(name), encoding="utf-8")
        written.append(path)
    return written
