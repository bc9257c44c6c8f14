"""click in Chinese: its own words (用法, 选项, 错误, 缺少选项 …), headings and value names.

click looks each of its words up through gettext (`_` and `ngettext` in each of its modules).
A gettext catalogue would only be used for a Chinese locale and needs a global text domain, so
instead `chinese_click` answers those look-ups from `messages.cli.CLICK` while a command runs and
restores click afterwards. `ChineseGroup` does that around `main`, and its commands use a help
formatter that measures Chinese characters as two columns, so the help stays aligned.
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from techvp.messages import cli as text


def _zh(message: str) -> str:
    return text.CLICK.get(message, message)


def _plural(singular: str, plural: str, count: int) -> str:
    return _zh(singular if count == 1 else plural)


@contextmanager
def chinese_click() -> Iterator[None]:
    """click looks its words up through gettext in each module; answer in Chinese meanwhile."""
    lookups = {"_": (gettext.gettext, _zh), "ngettext": (gettext.ngettext, _plural)}
    modules = [m for name, m in sorted(sys.modules.items()) if name.startswith("click.")]
    saved = [
        (module, attr, original)
        for module in modules
        for attr, (original, _) in lookups.items()
        if vars(module).get(attr) is original
    ]
    for module, attr, _ in saved:
        setattr(module, attr, lookups[attr][1])
    try:
        yield
    finally:
        for module, attr, original in saved:
            setattr(module, attr, original)


# Punctuation that must not begin a line: it stays on the line before, past the width if need be.
_NO_LINE_START = frozenset("，。；：、）》」”！？")
# An ASCII word, one space, or one other character; opening brackets stay with what follows.
_TOKEN = re.compile(r"[(\[（“《「]*(?:[!-~]+|.)|\s")


def _width(value: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def _wrap(value: str, width: int) -> list[str]:
    """Lines of at most `width` columns, broken between Chinese characters or at spaces."""
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKEN.findall(" ".join(value.split())):
        size = _width(token)
        if used + size > width and line.strip() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
            if token.isspace():
                continue
        line += token
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _Formatter(click.HelpFormatter):
    """Help laid out as click does, but measured in terminal columns and with Chinese
    punctuation: 用法：techvp …, 选项：."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for line in _wrap(text, max(self.width - self.current_indent, 20)):
            self.write(f"{indent}{line}\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        indent = " " * self.current_indent
        first = min(max((_width(term) for term, _ in rows), default=0), col_max) + col_spacing
        room = max(self.width - self.current_indent - first, 20)
        for term, definition in rows:
            lines = _wrap(definition, room)
            self.write(indent + term)
            if not lines:
                self.write("\n")
                continue
            gap = first - _width(term)
            self.write(" " * gap if gap >= col_spacing else "\n" + indent + " " * first)
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{indent}{' ' * first}{line}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, text.USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


class _Context(click.Context):
    formatter_class = _Formatter


def _chinese_metavars(params: list[click.Parameter]) -> None:
    """Name each option's value in Chinese (目录, 整数) where click would say TEXT or INTEGER."""
    for param in params:
        if isinstance(param, click.Option) and param.metavar is None and not param.is_flag:
            param.metavar = text.METAVARS.get(param.type.name)


class _Command(click.Command):
    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", text.OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)
        _chinese_metavars(self.params)


class ChineseGroup(click.Group):
    """A command group whose help, usage and errors are Chinese (see the module docstring)."""

    context_class = _Context
    command_class = _Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", text.OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", text.COMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with chinese_click():
            return super().main(*args, **kwargs)
