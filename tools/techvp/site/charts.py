"""Horizontal bar charts as inline SVG: no script, no outside request, escaped labels."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

_ROW = 24
_LABEL = 150
_BAR = 260


def bar_chart(title: str, items: Sequence[tuple[str, int]]) -> str:
    """An SVG bar per (label, value), largest scale first as given; empty string for no items."""
    if not items:
        return ""
    top = max(value for _, value in items) or 1
    height = _ROW * len(items) + 8
    width = _LABEL + _BAR + 60
    parts = [
        f'<svg class="techvp-chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px">',
        f"<title>{escape(title)}</title>",
    ]
    for row, (label, value) in enumerate(items):
        y = 4 + row * _ROW
        bar = round(_BAR * value / top)
        parts.append(
            f'<text x="{_LABEL - 6}" y="{y + 16}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{_LABEL}" y="{y + 3}" width="{bar}" height="{_ROW - 8}" rx="2"></rect>'
            f'<text x="{_LABEL + bar + 6}" y="{y + 16}">{value}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
