"""Typing into YAML forms by key path, and the JSON Schema client the tests run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

_KEY = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[a-z_0-9]+):(?P<rest>.*)$")


def fill(form: str, values: dict[str, str]) -> str:
    """Type each value after its key's colon (replacing what was under the key), leaving every
    other line as the form has it. Keys are dotted paths; a list's items share its path."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    used: set[str] = set()
    replaced_at: int | None = None  # indentation of the key just retyped
    for line in form.split("\n"):
        spaces = len(line) - len(line.lstrip(" "))
        if replaced_at is not None and line.strip() and not line.lstrip().startswith("#"):
            indentless_item = spaces == replaced_at and line.lstrip().startswith("- ")
            if spaces > replaced_at or indentless_item:
                continue  # the old value under the retyped key
        replaced_at = None
        match = _KEY.match(line)
        if match is None or line.lstrip().startswith("#"):
            out.append(line)
            continue
        indent = len(match["indent"]) + (2 if match["dash"] else 0)
        stack = [(i, k) for i, k in stack if i < indent] + [(indent, match["key"])]
        path = ".".join(k for _, k in stack)
        if path in values:
            line = f"{match['indent']}{match['dash'] or ''}{match['key']}: {values[path]}"
            used.add(path)
            replaced_at = indent
        out.append(line)
    assert used == set(values), set(values) - used
    return "\n".join(out)


def schema_client(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema, the real command line client, run from a folder."""
    command = [sys.executable, "-m", "check_jsonschema", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
