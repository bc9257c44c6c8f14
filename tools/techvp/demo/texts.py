"""The demo's hand-written needs and researchers, kept as YAML in demo/data/ for people to edit.

Read through techvp's own loader, so every value is the text written there (numbers included).
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from techvp.diagnostics import TechvpError
from techvp.yamlio import parse_bytes

Text = dict[str, Any]


def load_texts(name: str) -> list[Text]:
    """The items of demo/data/<name>.yaml; a problem in the file is a TechvpError."""
    raw = files("techvp.demo").joinpath("data", f"{name}.yaml").read_bytes()
    doc = parse_bytes(raw, f"techvp/demo/data/{name}.yaml", max_bytes=10_000_000)
    if not doc.ok:
        raise TechvpError(doc.diagnostics[0])
    items: list[Text] = doc.data
    return items


NEEDS = load_texts("needs")
EXPERTS = load_texts("experts")
