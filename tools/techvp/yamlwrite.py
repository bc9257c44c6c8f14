"""The one record writer: a record (plain data or a model) → the YAML text of its file.

Used by `techvp demo`, the tests, and the tools that turn other input (Excel, forms) into records.
The output is deterministic (keys in the order given), written for people to read and edit
(Chinese as is, one key a line, text with line breaks as a `|` block), and safe for any YAML
reader: every string that a reader could take for something else is quoted (`'85317029'`, `'no'`,
`'007'`, `''`, `'a: b'`, `' #x'`, leading or trailing spaces, a key-like word before a colon).
Reading the text back with `techvp.yamlio.parse_text` gives the same strings, lists and mappings;
Python numbers, booleans and dates are written plainly and read back as their text, which the
record's model converts.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

import yaml
from pydantic import BaseModel

SCHEMA_HEADER = "# yaml-language-server: $schema="
# A plain value like `name：x` or `name:x` reads like a key with a mistyped colon.
_KEYLIKE = re.compile(r"^[ ]*[A-Za-z_][A-Za-z0-9_]*\s*[:：]")


def _represent_str(dumper: _Dumper, value: str) -> yaml.Node:
    style: str | None = None
    if "\n" in value:
        style = "|"  # the emitter falls back to quotes when a block cannot hold the text exactly
    elif value != value.strip() or _KEYLIKE.match(value):
        style = "'"  # covers U+3000 and other spaces YAML itself does not strip
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Dumper(yaml.CSafeDumper):
    """Writes repeated objects in full (the loader refuses anchors and aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(str, _represent_str)


def schema_ref(kind: str, rel_path: str) -> str:
    """The `$schema` target for a record at rel_path (from the repository root): schemas/ there."""
    depth = len(PurePosixPath(rel_path).parts) - 1
    return "../" * depth + f"schemas/{kind}.schema.json"


def _plain(record: BaseModel | dict[str, Any]) -> dict[str, Any]:
    if isinstance(record, BaseModel):
        data: dict[str, Any] = record.model_dump(mode="json", exclude_none=True, by_alias=True)
        return data
    return record


def dump_yaml(data: Any) -> str:
    """Plain data (mappings, lists, strings, numbers, dates) as YAML, written as records are."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def dump_record(record: BaseModel | dict[str, Any], schema: str | None = None) -> str:
    """The file text of a record; with `schema`, the editor's `$schema` line comes first.

    A model is written with the fields that are set to something (None left out)."""
    body = dump_yaml(_plain(record))
    return f"{SCHEMA_HEADER}{schema}\n{body}" if schema is not None else body
