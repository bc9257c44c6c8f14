"""README.md states what never leaves the repository, kept in sync with the models."""

from __future__ import annotations

from pathlib import Path

from techvp.models import KINDS
from techvp.models.visibility import field_visibilities
from tests.golden import assert_golden

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- internal-fields:start -->", "<!-- internal-fields:end -->"


def internal_listing() -> str:
    lines = []
    for kind in KINDS.values():
        names = [
            f"{f.title}（`{f.path[0]}`）"
            for f in field_visibilities(kind.model)
            if len(f.path) == 1 and f.effective == "internal"
        ]
        lines.append(f"- **{kind.title}**：{'、'.join(names) if names else '无'}")
    return "\n".join(lines)


def test_readme_lists_the_internal_fields_of_every_kind() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START)
    _, tail = rest.split(END)
    fresh = f"{head}{START}\n{internal_listing()}\n{END}{tail}"
    assert_golden(README, fresh)
