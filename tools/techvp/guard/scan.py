"""Look through raw file text — values, comments, anything — and file names for forbidden data.

The scan works on the text as written, not on parsed YAML, so a number hidden in a comment, in a
key, in a broken file or in a file the loader refuses is still found, written together, in
groups or in full-width digits. Hits never echo the value: the message gives its last four
characters at most.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path

from techvp.diagnostics import Diagnostic, Location, error
from techvp.guard import cards, idnumbers, secrets
from techvp.layout import SUBMISSIONS, Entry, walk
from techvp.messages.guard import PLACE_NAME, PLACE_TEXT

# Bytes of a file the guard reads at most; bigger files are refused by the loader anyway and
# a secret in the first megabytes is what matters.
MAX_SCAN_BYTES = 8_000_000


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    index = find("\n")
    while index != -1:
        starts.append(index + 1)
        index = find("\n", index + 1)
    return starts


class _Locator:
    """Turns a character offset into a 1-based line and column, lazily."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.first_line = first_line
        self._starts: list[int] | None = None

    def __call__(self, index: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = _line_starts(self.text)
        row = bisect_right(self._starts, index) - 1
        return self.first_line + row, index - self._starts[row] + 1

    def line_text(self, index: int) -> str:
        start = self.text.rfind("\n", 0, index) + 1
        end = self.text.find("\n", index)
        return self.text[start : end if end != -1 else len(self.text)]


# Every forbidden value but a private key header and a grouped card number is a run of at least
# 16 printable ASCII characters: finding those runs first is what keeps the scan cheap (most of
# a file is Chinese text), and the exact patterns then only look inside them.
_RUN = re.compile(r"[!-~]{16,}")
_DIGITS16 = re.compile(r"[0-9]{16}")
# What a number written in groups (19 characters of digits, spaces and hyphens at least) or in
# full-width digits starts with: one pass over the text tells whether to look further.
_GROUPED_OR_FULLWIDTH = re.compile(r"[0-9\uff10-\uff19](?:(?<=[\uff10-\uff19])|[0-9 -]{18})")
_FULLWIDTH_DIGIT = re.compile("[\uff10-\uff19]")
_FULLWIDTH = str.maketrans("０１２３４５６７８９Ｘｘ　－", "0123456789Xx -")

Hit = tuple[int, int, str, dict[str, str]]  # start and end in the text, code, params


def _numbers(text: str, start: int, end: int, locator: _Locator) -> Iterator[Hit]:
    segment = text[start:end]
    ids = []
    for m in idnumbers.CANDIDATE.finditer(segment):
        if idnumbers.is_id_number(m.group()):
            ids.append(m.start())
            yield start + m.start(), start + m.end(), "guard.id-number", {"tail": m.group()[-4:]}
    for m in cards.CANDIDATE.finditer(segment):
        if m.start() in ids:
            continue  # an ID number is reported once, as an ID number
        context = cards.BANKING_CONTEXT.search(locator.line_text(start + m.start())) is not None
        if cards.is_card_number(m.group(), context):
            yield start + m.start(), start + m.end(), "guard.card-number", {"tail": m.group()[-4:]}


def _grouped(text: str, locator: _Locator) -> Iterator[Hit]:
    """Numbers written in groups: ID numbers first, then bank cards that are not one of them."""
    ids = idnumbers.grouped_ids(text)
    for start, end in ids:
        yield start, end, "guard.id-number", {"tail": idnumbers.tail(text[start:end])}
    for m in cards.GROUPED.finditer(text):
        if any(start < m.end() and m.start() < end for start, end in ids):
            continue  # an ID number grouped by fours is an ID number, not a card
        context = cards.BANKING_CONTEXT.search(locator.line_text(m.start())) is not None
        if cards.is_card_number(m.group(), context):
            yield *m.span(), "guard.card-number", {"tail": idnumbers.tail(m.group())}


def find_hits(text: str) -> list[Hit]:
    """(start, end, code, params) of every forbidden value in a text, in order of offset."""
    hits: list[Hit] = []
    locator = _Locator(text)
    rare = _GROUPED_OR_FULLWIDTH.search(text)
    if rare is not None and _FULLWIDTH_DIGIT.search(text, rare.start()):
        # Full-width digits as ASCII, one character for one: every offset still points into
        # the text as typed.
        text = text.translate(_FULLWIDTH)
    for run in _RUN.finditer(text):
        segment = run.group()
        if _DIGITS16.search(segment):
            hits.extend(_numbers(text, run.start(), run.end(), locator))
        if secrets.QUICK.search(segment) is None:
            continue
        for m in secrets.COMBINED.finditer(segment):
            at = run.start()
            hits.append(
                (at + m.start(), at + m.end(), "guard.secret", {"kind": secrets.kind_of(m)})
            )
    if rare is not None:
        hits.extend(_grouped(text, locator))
    if "-----BEGIN" in text:
        for m in secrets.PRIVATE_KEY.finditer(text):
            hits.append((*m.span(), "guard.secret", {"kind": secrets.PRIVATE_KEY_KIND}))
    hits.sort(key=lambda h: h[0])
    return hits


def scan_text(
    text: str, file: str, first_line: int = 1, place: str = PLACE_TEXT
) -> list[Diagnostic]:
    """Every forbidden value in one file's text, located by line and column."""
    locator = _Locator(text, first_line)
    out = []
    for offset, _, code, params in find_hits(text):
        line, column = locator(offset)
        # Every output format masks the number in the source excerpt (formats.redact), so the
        # location can carry its column like any other diagnostic.
        out.append(error(code, Location(file, line, column), place=place, at="", **params))
    return out


def redact(text: str) -> str:
    """The text with every forbidden value masked (**************1234), for showing it safely."""
    hits = find_hits(text)
    if not hits:
        return text
    out, last = [], 0
    for start, end, _, _ in hits:
        if start < last:
            continue
        out.append(text[last:start])
        out.append(idnumbers.mask(text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


def decode(raw: bytes) -> str:
    """Text for scanning: UTF-8 without BOM, or anything readable (GBK bytes keep their digits)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def scan_bytes(raw: bytes, file: str) -> list[Diagnostic]:
    return scan_text(decode(raw[:MAX_SCAN_BYTES]), file)


def scan_name(name: str, rel: str) -> list[Diagnostic]:
    """A file or folder name that holds an ID number, a card number or a token.

    The location is the entry's path (it has to be, to be found); the message masks the value.
    """
    return [
        error(code, Location(rel), place=PLACE_NAME, at="", **params)
        for _, _, code, params in find_hits(name)
    ]


def scan_tree(
    root: Path, skip: Iterable[str] = (), entries: Iterable[Entry] | None = None
) -> list[Diagnostic]:
    """Scan every file name and every regular file under root/submissions.

    Files whose relative path is in `skip` had their content scanned already (by the loader,
    from the same bytes); only their names are checked here. `entries`: the folder's `walk`
    when the caller has it already.
    """
    done = set(skip)
    base = str(root / SUBMISSIONS)
    cut = len(base) + 1
    out: list[Diagnostic] = []
    for entry in walk(base) if entries is None else entries:
        rel = f"{SUBMISSIONS}/{entry.path[cut:].replace(os.sep, '/')}"
        out.extend(scan_name(entry.name, rel))
        if rel in done or entry.is_symlink() or not entry.is_file(follow_symlinks=False):
            continue
        try:
            with open(entry.path, "rb") as handle:
                raw = handle.read(MAX_SCAN_BYTES)
        except OSError as exc:
            out.append(error("guard.unreadable", Location(rel, 1, 1), reason=exc.strerror))
            continue
        out.extend(scan_bytes(raw, rel))
    return out
