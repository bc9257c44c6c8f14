"""Read one YAML file without losing anything, and remember where every key and value sits.

Every scalar stays the string the user typed (`85317029`, `no`, `0271234` are not turned into
numbers or booleans); only an empty value or `null`/`~` becomes None. The record's pydantic model
decides conversion. Duplicate keys, anchors/aliases, explicit tags, tabs or full-width spaces in
indentation, bad encodings, oversize files and a ` #` comment after a value (text YAML would
silently drop) become diagnostics instead of being silently accepted; why a file does not parse
is worked out in techvp.yamlsyntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from techvp.diagnostics import Diagnostic, KeyPath, Location, Severity, error, warning
from techvp.yamlsyntax import FULLWIDTH_SPACE, syntax_error

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_COLLECTION_TAGS = frozenset({None, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
# C0/C1 control characters other than tab, newline and carriage return. NEL and the Unicode line
# and paragraph separators are refused too: libyaml counts them as line breaks, editors don't, so
# every line number after one would be wrong.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
# Blanks then `#` after a plain value: YAML reads the rest of the line as a comment.
_INLINE_COMMENT = re.compile(r"[ \t]+#")
# Errors after which the data still holds everything YAML read, so the record can be checked too.
_DATA_INTACT = frozenset({"yaml.inline-comment"})
_BLANKS = (" ", "\t")

Position = tuple[int, int]  # 1-based line and column


@dataclass
class YamlDocument:
    """A parsed file: its data, and where each key and value was written."""

    file: str
    data: Any = None
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)
    value_positions: dict[KeyPath, Position] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def readable(self) -> bool:
        """The data is all YAML read: any error is about how a value was written, not lost."""
        return not any(
            d.severity is Severity.ERROR and d.code not in _DATA_INTACT for d in self.diagnostics
        )

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The location of a key path, or of its nearest written ancestor."""
        table = self.key_positions if key else self.value_positions
        probe = path
        while probe:
            pos = table.get(probe) or self.value_positions.get(probe)
            if pos is not None:
                return Location(self.file, pos[0], pos[1], path)
            probe = probe[:-1]
        return Location(self.file, 1, 1, path)


class _Abort(Exception):
    """Stops parsing after a diagnostic that leaves nothing sensible to read."""


class _Builder:
    def __init__(self, doc: YamlDocument, text: str) -> None:
        self.doc = doc
        self.text = text
        # Only a file with a `#` beyond a first-line header (`# yaml-language-server: …`) can have
        # a comment after a value; most have none, so most values cost nothing. (Counting one
        # character is several times faster than looking for " #".)
        self.comments = text.count("#") > text.startswith("#")
        self.parser = yaml.CSafeLoader(text)
        # The C parser always returns an event with marks until the stream ends; typed as Any
        # here because the stubs call both optional, and a check per event would cost time.
        self.get: Callable[[], Any] = self.parser.get_event

    def _here(self, event: ev.Event, path: KeyPath) -> Location:
        mark: Any = event.start_mark
        return Location(self.doc.file, mark.line + 1, mark.column + 1, path)

    def _fail(self, code: str, event: ev.Event, path: KeyPath, **params: Any) -> None:
        self.doc.diagnostics.append(error(code, self._here(event, path), **params))

    def fullwidth_keys(self) -> None:
        """Keys that start with a full-width space: a line indented with 　 instead of spaces."""
        lines: list[str] | None = None
        for path, (line, column) in self.doc.key_positions.items():
            if str(path[-1]).startswith(FULLWIDTH_SPACE):
                # A quoted key may start with 　 on purpose: only a plain one is indentation.
                lines = lines if lines is not None else self.text.split("\n")
                if not lines[line - 1][column - 1 :].startswith(FULLWIDTH_SPACE):
                    continue
                loc = Location(self.doc.file, line, column, path)
                self.doc.diagnostics.append(error("yaml.fullwidth-indent", loc))

    def run(self) -> Any:
        get = self.get
        get()  # StreamStart
        first = get()
        if isinstance(first, ev.StreamEndEvent):
            return None
        root = self.node(get(), (), 0)
        get()  # DocumentEnd
        extra = get()
        if not isinstance(extra, ev.StreamEndEvent):
            self._fail("yaml.multiple-documents", extra, ())
        return root

    def node(self, event: Any, path: KeyPath, depth: int) -> Any:
        if isinstance(event, ev.AliasEvent):
            self._fail("yaml.alias", event, path)
            raise _Abort
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._fail("yaml.alias", event, path)
            raise _Abort
        if isinstance(event, ev.ScalarEvent):
            if event.tag is not None and event.tag != _STR_TAG and event.tag != "!":
                self._fail("yaml.tag", event, path, tag=event.tag)
            # The C parser marks a plain scalar by an empty style; quoted '' stays a string.
            if not event.style:
                if event.value in _NULLS and event.tag is None:
                    return None
                if self.comments:
                    self._comment_after(event, path)
            return event.value
        if depth >= MAX_DEPTH:
            self._fail("yaml.too-deep", event, path, limit=MAX_DEPTH)
            raise _Abort
        if event.tag not in _ALLOWED_COLLECTION_TAGS:
            self._fail("yaml.tag", event, path, tag=event.tag)
        if isinstance(event, ev.MappingStartEvent):
            return self.mapping(path, depth)
        return self.sequence(path, depth)

    def _comment_after(self, event: Any, path: KeyPath) -> None:
        """A ` #` after a plain value: the rest of the line is dropped as a comment."""
        end = event.end_mark.index
        if not self.text.startswith(_BLANKS, end):  # mostly a line break: no comment
            return
        found = _INLINE_COMMENT.match(self.text, end)
        if found is None:
            return
        stop = self.text.find("\n", found.end())
        dropped = self.text[found.end() : stop if stop != -1 else len(self.text)].strip()
        if len(dropped) > 30:
            dropped = dropped[:29] + "…"
        line, column = event.end_mark.line + 1, event.end_mark.column + found.end() - end
        loc = Location(self.doc.file, line, column, path)
        self.doc.diagnostics.append(error("yaml.inline-comment", loc, dropped=dropped))

    def mapping(self, path: KeyPath, depth: int) -> dict[str, Any]:
        get = self.get
        out: dict[str, Any] = {}
        keys = self.doc.key_positions
        values = self.doc.value_positions
        while True:
            key_event = get()
            if isinstance(key_event, ev.MappingEndEvent):
                return out
            if not isinstance(key_event, ev.ScalarEvent):
                self._fail("yaml.complex-key", key_event, path)
                raise _Abort
            if key_event.anchor is not None:
                self._fail("yaml.alias", key_event, path)
                raise _Abort
            key = key_event.value
            child = (*path, key)
            value_event = get()
            value = self.node(value_event, child, depth + 1)
            key_mark: Any = key_event.start_mark
            if key in out:
                first = keys[child]
                self.doc.diagnostics.append(
                    error(
                        "yaml.duplicate-key",
                        Location(self.doc.file, key_mark.line + 1, key_mark.column + 1, child),
                        key=key,
                        first_line=first[0],
                    )
                )
                continue  # keep the first value; the error blocks the merge anyway
            out[key] = value
            keys[child] = (key_mark.line + 1, key_mark.column + 1)
            mark: Any = value_event.start_mark
            values[child] = (mark.line + 1, mark.column + 1)

    def sequence(self, path: KeyPath, depth: int) -> list[Any]:
        get = self.get
        out: list[Any] = []
        values = self.doc.value_positions
        while True:
            item_event = get()
            if isinstance(item_event, ev.SequenceEndEvent):
                return out
            child = (*path, len(out))
            mark = item_event.start_mark
            values[child] = (mark.line + 1, mark.column + 1)
            out.append(self.node(item_event, child, depth + 1))


def _position_of(text: str, index: int) -> Position:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(raw: bytes, doc: YamlDocument) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        doc.diagnostics.append(warning("yaml.bom", Location(doc.file, 1, 1)))
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = _position_of(good, len(good))
        doc.diagnostics.append(error("yaml.encoding", Location(doc.file, line, column)))
        return None


def _precheck(text: str, doc: YamlDocument) -> bool:
    """Problems libyaml reports badly or not at all. False when parsing should not go on."""
    bad = _CONTROL.search(text)
    if bad is not None:
        line, column = _position_of(text, bad.start())
        char = f"U+{ord(bad.group()):04X}"
        doc.diagnostics.append(
            error("yaml.control-char", Location(doc.file, line, column), char=char)
        )
        return False
    if "\t" in text:
        tab = _TAB_INDENT.search(text)
        if tab is not None:
            line, column = _position_of(text, tab.end() - 1)
            doc.diagnostics.append(error("yaml.tab", Location(doc.file, line, column)))
            return False
    if "\r" in text:
        line, column = _position_of(text, text.index("\r"))
        doc.diagnostics.append(warning("yaml.crlf", Location(doc.file, line, column)))
    return True


def parse_text(text: str, file: str) -> YamlDocument:
    """Parse YAML text that is already decoded."""
    doc = YamlDocument(file)
    if not _precheck(text, doc):
        return doc
    builder = _Builder(doc, text)
    try:
        doc.data = builder.run()
        if FULLWIDTH_SPACE in text:
            builder.fullwidth_keys()
    except _Abort:
        doc.data = None
    except yaml.YAMLError as exc:
        doc.data = None
        doc.diagnostics.append(syntax_error(exc, doc.file, text))
    finally:
        builder.parser.dispose()
    return doc


def parse_bytes(raw: bytes, file: str, max_bytes: int = MAX_FILE_BYTES) -> YamlDocument:
    """Decode and parse a file's bytes; every problem becomes a diagnostic on the document."""
    if len(raw) > max_bytes:
        doc = YamlDocument(file)
        doc.diagnostics.append(
            error("yaml.too-large", Location(doc.file, 1, 1), size=len(raw), limit=max_bytes)
        )
        return doc
    probe = YamlDocument(file)
    text = _decode(raw, probe)
    if text is None:
        return probe
    doc = parse_text(text, file)
    doc.diagnostics[:0] = probe.diagnostics
    return doc
