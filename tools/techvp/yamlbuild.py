"""The two ways techvp.yamlio reads YAML through libyaml, building the same document: from the
node tree libyaml composes in C (most files the line reader, techvp.yamlblock, does not take),
or from libyaml's events (files with anchors, aliases or tags, syntax errors, very long files).

Both keep every scalar as typed and record each key's and value's position; both report
duplicate keys, anchors and aliases, explicit tags, too deep nesting and a ` #` after a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml
from yaml import events as ev
from yaml._yaml import CParser
from yaml.nodes import MappingNode, ScalarNode

from techvp.diagnostics import KeyPath, Location, error
from techvp.yamlsyntax import FULLWIDTH_SPACE

if TYPE_CHECKING:
    from techvp.yamlio import YamlDocument

MAX_DEPTH = 20
# Texts up to this long are composed by libyaml in C (at most a few thousand levels deep: the
# C stack holds ten thousand); longer ones are read event by event.
MAX_COMPOSED_CHARS = 16_384
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_COLLECTION_TAGS = frozenset({None, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
# Blanks then `#` after a plain value: YAML reads the rest of the line as a comment.
_INLINE_COMMENT = re.compile(r"[ \t]+#")
_BLANKS = (" ", "\t")


class Abort(Exception):
    """Stops parsing after a diagnostic that leaves nothing sensible to read."""


class Builder:
    """What both ways of reading share: the document, the text, and the checks on values."""

    def __init__(self, doc: YamlDocument, text: str) -> None:
        self.doc = doc
        self.text = text
        # Only a file with a `#` beyond a first-line header (`# yaml-language-server: …`) can have
        # a comment after a value; most have none, so most values cost nothing. (Counting one
        # character is several times faster than looking for " #".)
        self.comments = text.count("#") > text.startswith("#")

    def _here(self, item: Any, path: KeyPath) -> Location:
        mark: Any = item.start_mark
        return Location(self.doc.file, mark.line + 1, mark.column + 1, path)

    def _fail(self, code: str, item: Any, path: KeyPath, **params: Any) -> None:
        """An error at an event's or a node's start."""
        self.doc.diagnostics.append(error(code, self._here(item, path), **params))

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

    def _comment_after(self, item: Any, path: KeyPath) -> None:
        """A ` #` after a plain value: the rest of the line is dropped as a comment."""
        end = item.end_mark.index
        if not self.text.startswith(_BLANKS, end):  # mostly a line break: no comment
            return
        found = _INLINE_COMMENT.match(self.text, end)
        if found is None:
            return
        stop = self.text.find("\n", found.end())
        dropped = self.text[found.end() : stop if stop != -1 else len(self.text)].strip()
        if len(dropped) > 30:
            dropped = dropped[:29] + "…"
        line, column = item.end_mark.line + 1, item.end_mark.column + found.end() - end
        loc = Location(self.doc.file, line, column, path)
        self.doc.diagnostics.append(error("yaml.inline-comment", loc, dropped=dropped))

    def _duplicate(self, key_mark: Any, child: KeyPath) -> None:
        first = self.doc.key_positions[child]
        loc = Location(self.doc.file, key_mark.line + 1, key_mark.column + 1, child)
        self.doc.diagnostics.append(
            error("yaml.duplicate-key", loc, key=child[-1], first_line=first[0])
        )


class EventBuilder(Builder):
    """Builds the data from libyaml's events: sees anchors, aliases and tags as written."""

    def __init__(self, doc: YamlDocument, text: str) -> None:
        super().__init__(doc, text)
        self.parser = yaml.CSafeLoader(text)
        # The C parser always returns an event with marks until the stream ends; typed as Any
        # here because the stubs call both optional, and a check per event would cost time.
        self.get: Callable[[], Any] = self.parser.get_event

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
            raise Abort
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._fail("yaml.alias", event, path)
            raise Abort
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
            raise Abort
        if event.tag not in _ALLOWED_COLLECTION_TAGS:
            self._fail("yaml.tag", event, path, tag=event.tag)
        if isinstance(event, ev.MappingStartEvent):
            return self.mapping(path, depth)
        return self.sequence(path, depth)

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
                raise Abort
            if key_event.anchor is not None:
                self._fail("yaml.alias", key_event, path)
                raise Abort
            key = key_event.value
            child = (*path, key)
            value_event = get()
            value = self.node(value_event, child, depth + 1)
            key_mark: Any = key_event.start_mark
            if key in out:
                self._duplicate(key_mark, child)
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


class Composer(CParser):
    """libyaml composing the node tree in C, without PyYAML's resolver: every tag the file does
    not write stays None (nothing is turned into a number, a date or a boolean)."""

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> None:
        return None


class NodeBuilder(Builder):
    """Builds the same data, positions and diagnostics as EventBuilder from the node tree libyaml
    composes in C: about a seventh less time per file. Only for text `composable` says it may read
    (no anchor, alias or tag can be in it, and the tree is too small to nest deep enough to
    exhaust the C stack); a file that does not parse is read again event by event."""

    def __init__(self, doc: YamlDocument, text: str) -> None:
        super().__init__(doc, text)
        self.parser = Composer(text)

    def run(self) -> Any:
        parser = self.parser
        if not parser.check_node():
            return None
        root = self.node(parser.get_node(), (), 0)
        extra = parser.get_event()  # the stream's end, or the start of a second document
        if not isinstance(extra, ev.StreamEndEvent):
            self._fail("yaml.multiple-documents", extra, ())
        return root

    def node(self, node: Any, path: KeyPath, depth: int) -> Any:
        if node.__class__ is ScalarNode:
            # A plain scalar has an empty style; quoted '' stays a string.
            if not node.style:
                if node.value in _NULLS:
                    return None
                if self.comments:
                    self._comment_after(node, path)
            return node.value
        if depth >= MAX_DEPTH:
            self._fail("yaml.too-deep", node, path, limit=MAX_DEPTH)
            raise Abort
        if node.__class__ is MappingNode:
            return self.mapping(node, path, depth)
        return self.sequence(node, path, depth)

    def mapping(self, node: Any, path: KeyPath, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        keys = self.doc.key_positions
        values = self.doc.value_positions
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self._fail("yaml.complex-key", key_node, path)
                raise Abort
            key = key_node.value
            child = (*path, key)
            value = self.node(value_node, child, depth + 1)
            key_mark = key_node.start_mark
            if key in out:
                self._duplicate(key_mark, child)
                continue  # keep the first value; the error blocks the merge anyway
            out[key] = value
            keys[child] = (key_mark.line + 1, key_mark.column + 1)
            mark = value_node.start_mark
            values[child] = (mark.line + 1, mark.column + 1)
        return out

    def sequence(self, node: Any, path: KeyPath, depth: int) -> list[Any]:
        out: list[Any] = []
        values = self.doc.value_positions
        for index, item in enumerate(node.value):
            child = (*path, index)
            mark = item.start_mark
            values[child] = (mark.line + 1, mark.column + 1)
            out.append(self.node(item, child, depth + 1))
        return out


def composable(text: str) -> bool:
    """Whether NodeBuilder may read the text: it cannot see anchors, aliases or tags (the node
    tree hides them), so any `&`, `*` or `!` sends the file event by event; and libyaml composes
    by recursion in C, so a file long enough to nest thousands of levels deep does too."""
    return len(text) <= MAX_COMPOSED_CHARS and not ("&" in text or "*" in text or "!" in text)
