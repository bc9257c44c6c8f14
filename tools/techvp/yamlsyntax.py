"""Why a YAML file does not parse, said about the line the user typed wrong.

libyaml names a symptom where it noticed it: "could not find expected ':'" for `key:值`, whose
colon is there, or an error on the line after one indented with a full-width space. These look at
the lines around libyaml's mark for the usual causes (a full-width colon, no space after a colon,
a full-width space as indentation, a paragraph pasted over several lines) and name the cause on
its own line and column. Only runs once a file has failed, so it costs valid files nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from techvp.diagnostics import Diagnostic, Location, error
from techvp.messages.core import (
    CONTINUED_LINE,
    FULLWIDTH_COLON,
    FULLWIDTH_SPACE_AFTER_COLON,
    MISSING_COLON_OR_BLOCK,
    NO_SPACE_AFTER_COLON,
    YAML_PROBLEMS,
)

FULLWIDTH_SPACE = "\u3000"
_FULLWIDTH_KEY = re.compile(r"\s*(- )?[A-Za-z_][A-Za-z0-9_]*\s*：")
# `key:值` or `key:　值`: a key, its colon, then anything but a half-width space (or a `/`, as in
# a URL). The key is ASCII, as every record key is.
_NO_SPACE = re.compile(r"[ ]*(?:- )?[A-Za-z_][A-Za-z0-9_]*:(?=[^ \r\n/])")
# A line indented with full-width spaces that is meant as a key or a list item (not a paragraph
# of a `|` block, which may well start with 　　).
_FULLWIDTH_INDENT = re.compile(r"([ ]*)\u3000+(?:- |[^ \t\u3000:#]+:(?: |$))")
# `key 值`: a key that lost its colon, not a paragraph's next line.
_KEY_WITHOUT_COLON = re.compile(r"[ ]*(?:- )?[A-Za-z_][A-Za-z0-9_]*(?: |$)")
# `key: some text`, the line a pasted paragraph continues.
_KEY_WITH_TEXT = re.compile(r"[ ]*(?:- )?([A-Za-z_][A-Za-z0-9_]*): +[^ |>#'\"&*!\[{]")
# libyaml notices these only lines after the cause (an unclosed quote or bracket, a key without
# its colon): the construct's start, libyaml's context mark, is where to look.
_AT_CONTEXT = (
    "found unexpected end of stream",
    "could not find expected ':'",
    "did not find expected ','",
)
_MISSING_COLON = "could not find expected ':'"
# How many lines above libyaml's mark a cause is looked for (the full-width colon: any).
_WINDOW = 5

Cause = tuple[int, int, str, str]  # 0-based row, 1-based column, code, problem


def _fullwidth_colon(lines: list[str], row: int) -> Cause | None:
    for probe in range(row, -1, -1):
        found = _FULLWIDTH_KEY.match(lines[probe])
        if found:
            return probe, found.end(), "yaml.syntax", FULLWIDTH_COLON
    return None


def _no_space(lines: list[str], row: int) -> Cause | None:
    for probe in range(row, max(row - _WINDOW, -1), -1):
        found = _NO_SPACE.match(lines[probe])
        if found:
            fullwidth = lines[probe][found.end()] == FULLWIDTH_SPACE
            problem = FULLWIDTH_SPACE_AFTER_COLON if fullwidth else NO_SPACE_AFTER_COLON
            return probe, found.end() + 1, "yaml.syntax", problem
    return None


def _fullwidth_indent(lines: list[str], row: int) -> Cause | None:
    for probe in range(row, max(row - _WINDOW, -1), -1):
        found = _FULLWIDTH_INDENT.match(lines[probe])
        if found:
            return probe, found.end(1) + 1, "yaml.fullwidth-indent", ""
    return None


def _continued(lines: list[str], row: int) -> Cause:
    """A line without a colon: a pasted paragraph's next line, or a key missing its colon."""
    column = len(lines[row]) - len(lines[row].lstrip(" ")) + 1
    if _KEY_WITHOUT_COLON.match(lines[row]) or ":" in lines[row]:
        return row, column, "yaml.syntax", MISSING_COLON_OR_BLOCK
    for probe in range(row - 1, -1, -1):
        above = lines[probe].strip()
        if not above or above.startswith("#"):
            continue
        found = _KEY_WITH_TEXT.match(lines[probe])
        if found:
            return row, column, "yaml.syntax", CONTINUED_LINE.format(key=found.group(1))
        break
    return row, column, "yaml.syntax", MISSING_COLON_OR_BLOCK


def _explain(lines: list[str], row: int, english: str, text: str) -> Cause | None:
    """The likeliest cause at or above `row`: the nearest one found, or None."""
    finders: list[Callable[[list[str], int], Cause | None]] = [_no_space]
    if FULLWIDTH_SPACE in text:
        finders.append(_fullwidth_indent)
    if "：" in text:
        finders.append(_fullwidth_colon)
    causes = [cause for find in finders if (cause := find(lines, row)) is not None]
    if causes:
        return max(causes, key=lambda cause: cause[0])  # nearest; ties go to the first finder
    if english.startswith(_MISSING_COLON):
        return _continued(lines, row)
    return None


def syntax_error(exc: yaml.YAMLError, file: str, text: str) -> Diagnostic:
    """One diagnostic for a file libyaml could not parse, at the line that caused it."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    english = str(getattr(exc, "problem", None) or exc)
    context_mark = getattr(exc, "context_mark", None)
    if context_mark is not None and english.startswith(_AT_CONTEXT):
        mark = context_mark
    problem = next((zh for en, zh in YAML_PROBLEMS.items() if english.startswith(en)), english)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    lines = text.split("\n")
    if line > len(lines):  # libyaml puts "end of file" after a last line without a newline
        line, column = len(lines), len(lines[-1]) + 1
    cause = _explain(lines, line - 1, english, text)
    if cause is None:
        return error("yaml.syntax", Location(file, line, column), problem=problem)
    row, column, code, problem = cause
    params = {"problem": problem} if problem else {}
    return error(code, Location(file, row + 1, column), **params)
