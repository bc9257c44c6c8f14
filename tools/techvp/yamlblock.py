"""Read the plain block YAML most record files are in one pass over their lines, in Python.

Most record files are nothing but `key: value` lines, `key:` opening a block, `- item` lines and
comment lines, every value on one line, plain or in single quotes (or an empty `[]` or `{}`).
For such a file this gives the same data and the same key and value positions, in the same
order, that techvp.yamlio builds from libyaml, without libyaml making a Python object for every
scalar, mark and node: about a quarter less time than walking libyaml's node tree. Anything
else (a block scalar `|`, a flow collection with items, a double-quoted or multi-line value, a
`#` or `: ` in a value, a key that is not a plain name, a tab, a CR, a document marker, a
duplicate key, odd indentation, deep nesting) returns None, and the file is read by libyaml as
before, which also reports what is wrong with it. A file read here has no diagnostics.
"""

from __future__ import annotations

import re
from typing import Any

from techvp.diagnostics import KeyPath

Position = tuple[int, int]
# Each line: indent, "- " (with its blanks), a plain key (a name, or a month like 2023-02), the
# blanks after its colon, the rest. One pass over the text gives every line's parts.
_LINES = re.compile(r"^( *)(-(?: +|$))?(?:([A-Za-z0-9_][A-Za-z0-9_-]*):( +|$))?(.*)$", re.MULTILINE)
# What a plain scalar may not start with (YAML indicators), or contain anywhere here.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NULLS = frozenset({"~", "null", "Null", "NULL"})
_REFUSED = ("\t", "\r", "\ufeff", "---", "...", "\n%")
# Deeper than this is left to libyaml (and to its depth limit).
_MAX_LEVELS = 12


class _Bail(Exception):
    """The text is not plain block YAML of the simple kind: libyaml reads it."""


def _scalar(rest: str) -> str | list[Any] | dict[str, Any] | None:
    """A one-line value: a plain scalar (None for null), a single-quoted one without `''`, or an
    empty list `[]` or mapping `{}` (as records write an empty list of patents)."""
    if rest == "[]":
        return []
    if rest == "{}":
        return {}
    first = rest[0]
    if first == "'":
        if len(rest) < 2 or rest[-1] != "'" or "'" in rest[1:-1]:
            raise _Bail
        return rest[1:-1]
    if first in _INDICATORS or "#" in rest or ": " in rest or rest[-1] == ":":
        raise _Bail
    return None if rest in _NULLS else rest


class _Frame:
    """An open block collection: where its entries start, and what to record when it closes."""

    __slots__ = ("done", "indent", "indentless", "is_map", "items", "level", "path")

    def __init__(
        self,
        indent: int,
        items: dict[str, Any] | list[Any],
        path: KeyPath,
        level: int,
        done: tuple[KeyPath, Position, Position] | None = None,
        indentless: bool = False,
    ) -> None:
        if level > _MAX_LEVELS:
            raise _Bail
        self.indent, self.items, self.path, self.level = indent, items, path, level
        self.is_map = isinstance(items, dict)
        self.done, self.indentless = done, indentless  # done: a key's positions, once closed


class _Reader:
    def __init__(self) -> None:
        self.keys: dict[KeyPath, Position] = {}
        self.values: dict[KeyPath, Position] = {}
        self.frames: list[_Frame] = []
        # A `key:` or `-` with nothing after it: (its frame, key or index, its path, where a
        # null value would be, whether a `-` at the key's own indent may open a sequence).
        self.pending: tuple[_Frame, Any, KeyPath, Position, bool] | None = None

    def close(self, down_to: int) -> None:
        """Close the innermost frames while they are indented deeper than `down_to`."""
        frames = self.frames
        while frames and frames[-1].indent > down_to:
            self._closed(frames.pop())

    def _closed(self, frame: _Frame) -> None:
        if frame.done is not None:  # a key's positions follow everything below it, as libyaml's
            child, key_at, value_at = frame.done
            self.keys[child] = key_at
            self.values[child] = value_at

    def settle(self, row: int, indent: int, dash: bool) -> None:
        """The line after a `key:` or `-` with nothing after it: a block below it, or a null."""
        assert self.pending is not None
        frame, slot, child, null_at, indentless = self.pending
        self.pending = None
        opens = indent > frame.indent or (indentless and dash and indent == frame.indent)
        if not opens:
            self._set(frame, slot, child, None, null_at)
            return
        items: dict[str, Any] | list[Any] = [] if dash else {}
        here = (row + 1, indent + 1)
        frame.items[slot] = items
        if isinstance(frame.items, dict):
            done = (child, self.keys.pop(child), here)
        else:
            self.values[child] = here
            done = None
        nested = _Frame(indent, items, child, frame.level + 1, done)
        nested.indentless = indent == frame.indent
        self.frames.append(nested)

    def _set(self, frame: _Frame, slot: Any, child: KeyPath, value: Any, at: Position) -> None:
        frame.items[slot] = value
        self.values[child] = at

    def entry(self, frame: _Frame, row: int, key: str, column: int, rest: str, start: int) -> None:
        """`key: value` or `key:` in a mapping frame."""
        items = frame.items
        assert isinstance(items, dict)
        if key in items:
            raise _Bail  # a duplicate: libyaml's reading reports it
        child = (*frame.path, key)
        key_at = (row + 1, column + 1)
        if not rest:
            items[key] = None
            self.keys[child] = key_at
            self.pending = (frame, key, child, (row + 1, column + len(key) + 2), True)
            return
        items[key] = _scalar(rest)
        self.keys[child] = key_at
        self.values[child] = (row + 1, start + 1)


def read_block(text: str) -> tuple[Any, dict[KeyPath, Position], dict[KeyPath, Position]] | None:
    """(data, key positions, value positions) of simple block YAML, or None for anything else."""
    if any(refused in text for refused in _REFUSED):
        return None
    try:
        return _read(text)
    except _Bail:
        return None


def _read(text: str) -> tuple[Any, dict[KeyPath, Position], dict[KeyPath, Position]]:
    reader = _Reader()
    frames, keys, values = reader.frames, reader.keys, reader.values
    root: dict[str, Any] = {}
    frames.append(_Frame(0, root, (), 0))
    started = False
    # The collection the last line was in, while no `key:` or `-` waits for its block: most lines
    # are one more `key: value` or `- item` at its indent, read here without the bookkeeping.
    flat: _Frame | None = None
    for row, (spaces, dash, key, gap, rest) in enumerate(_LINES.findall(text)):
        rest = rest.rstrip(" ")
        indent = len(spaces)
        if flat is not None and rest and indent == flat.indent:
            items: Any = flat.items
            if flat.is_map:
                if key and not dash and key not in items:
                    child = (*flat.path, key)
                    if rest[0] in _INDICATORS or "#" in rest or ": " in rest or rest[-1] == ":":
                        items[key] = _scalar(rest)  # quoted, or passed on
                    else:
                        items[key] = None if rest in _NULLS else rest
                    keys[child] = (row + 1, indent + 1)
                    values[child] = (row + 1, indent + len(key) + len(gap) + 2)
                    continue
            elif dash and not key:
                values[(*flat.path, len(items))] = (row + 1, indent + len(dash) + 1)
                items.append(_scalar(rest))
                continue
        if not dash and not key:
            if not rest or rest[0] == "#":
                continue  # a blank or comment line
            raise _Bail
        if not started and (dash or indent):
            raise _Bail
        started = True
        column = indent + len(dash)  # where the key, or the item, starts
        start = column + len(key) + 1 + len(gap) if key else column
        _general(reader, (row, indent, column, start, bool(dash), key or None, rest))
        flat = frames[-1] if reader.pending is None else None
    if not started:
        raise _Bail  # nothing but comments: libyaml says what that is
    if reader.pending is not None:
        reader.settle(-1, -1, False)
    reader.close(-1)
    return root, keys, values


# row (0-based), indent, column of the key or item after `- `, column of the value, whether it
# starts with `- `, the key, the value as written without trailing blanks.
_Line = tuple[int, int, int, int, bool, str | None, str]


def _general(reader: _Reader, line: _Line) -> None:
    """Any line but one more `key: value` or `- item` in the collection the line before was in."""
    frames = reader.frames
    row, indent, column, start, dash, key, rest = line
    if reader.pending is not None:
        reader.settle(row, indent, dash)
    frame = _frame_at(reader, indent, dash)
    if isinstance(frame.items, dict):
        assert key is not None
        reader.entry(frame, row, key, indent, rest, start)
    elif key is not None:  # `- key: value`: a mapping inside the item
        child = (*frame.path, len(frame.items))
        reader.values[child] = (row + 1, column + 1)
        items: dict[str, Any] = {}
        frame.items.append(items)
        frames.append(_Frame(column, items, child, frame.level + 1))
        reader.entry(frames[-1], row, key, column, rest, start)
    else:
        child = (*frame.path, len(frame.items))
        if rest:
            frame.items.append(_scalar(rest))
            reader.values[child] = (row + 1, start + 1)
        else:
            frame.items.append(None)
            reader.pending = (frame, len(frame.items) - 1, child, (row + 1, indent + 2), False)


def _frame_at(reader: _Reader, indent: int, dash: bool) -> _Frame:
    """The open collection a line at `indent` belongs to, closing those it ends."""
    reader.close(indent)
    frames = reader.frames
    if not frames:
        raise _Bail
    frame = frames[-1]
    if frame.indentless and not dash and frame.indent == indent:
        reader._closed(frames.pop())  # a key after `key:` and its unindented `- ` items
        frame = frames[-1]
    if frame.indent != indent or (dash and isinstance(frame.items, dict)):
        raise _Bail
    if not dash and isinstance(frame.items, list):
        raise _Bail
    return frame
