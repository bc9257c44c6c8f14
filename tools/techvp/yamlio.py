"""Read one YAML file without losing anything, and remember where every key and value sits.

Every scalar stays the string the user typed (`85317029`, `no`, `0271234` are not turned into
numbers or booleans); only an empty value or `null`/`~` becomes None. The record's pydantic model
decides conversion. Duplicate keys, anchors/aliases, explicit tags, tabs or full-width spaces in
indentation, bad encodings, oversize files and a ` #` comment after a value (text YAML would
silently drop) become diagnostics instead of being silently accepted; why a file does not parse
is worked out in techvp.yamlsyntax. The reading itself: techvp.yamlblock (plain block files, line
by line) and techvp.yamlbuild (libyaml's node tree or events).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from techvp.diagnostics import Diagnostic, KeyPath, Location, Severity, error, warning
from techvp.yamlblock import read_block
from techvp.yamlbuild import Abort, EventBuilder, NodeBuilder, composable
from techvp.yamlsyntax import FULLWIDTH_SPACE, syntax_error

MAX_FILE_BYTES = 1_000_000
# C0/C1 control characters other than tab, newline and carriage return. NEL and the Unicode line
# and paragraph separators are refused too: libyaml counts them as line breaks, editors don't, so
# every line number after one would be wrong.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
# Errors after which the data still holds everything YAML read, so the record can be checked too.
_DATA_INTACT = frozenset({"yaml.inline-comment"})

Position = tuple[int, int]  # 1-based line and column
Way = Literal["any", "composed", "events"]


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


def parse_text(text: str, file: str, *, way: Way = "any") -> YamlDocument:
    """Parse YAML text that is already decoded.

    Three ways give the same document: simple block YAML line by line (yamlblock), else the
    node tree libyaml composes, else libyaml's events. `way` starts further down that list
    (tests compare them); a way that cannot read the text passes it on.
    """
    doc = YamlDocument(file)
    if not _precheck(text, doc):
        return doc
    if way == "any":
        block = read_block(text)
        if block is not None:
            doc.data, doc.key_positions, doc.value_positions = block
            return doc
    if way != "events" and composable(text):
        checked = len(doc.diagnostics)
        if _build(NodeBuilder(doc, text), doc):
            return doc
        # A syntax error: read it event by event, which says where as it always has.
        doc.key_positions.clear()
        doc.value_positions.clear()
        del doc.diagnostics[checked:]
    _build(EventBuilder(doc, text), doc, syntax=True)
    return doc


def _build(builder: EventBuilder | NodeBuilder, doc: YamlDocument, syntax: bool = False) -> bool:
    """Run a builder into doc; False, with doc unfinished, on a syntax error unless `syntax`."""
    try:
        doc.data = builder.run()
        if FULLWIDTH_SPACE in builder.text:
            builder.fullwidth_keys()
    except Abort:
        doc.data = None
    except yaml.YAMLError as exc:
        if not syntax:
            return False
        doc.data = None
        doc.diagnostics.append(syntax_error(exc, doc.file, builder.text))
    finally:
        builder.parser.dispose()
    return True


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
