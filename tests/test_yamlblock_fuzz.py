"""The line reader (techvp.yamlblock) against libyaml on random documents shaped like record
files, whose values mix plain text with the characters YAML treats specially: every file the
line reader takes must give exactly the data, positions and diagnostics libyaml's events give."""

from __future__ import annotations

import random

from techvp.yamlblock import read_block
from techvp.yamlio import parse_text

KEYS = ["id", "name", "x-y", "_z", "a1", "2023-02", "phone", "patents", "名称", "a b", "'q'"]
PLAIN = [
    "a",
    "b c",
    "武汉光谷",
    "：",
    "·",
    "0271",
    "85317029",
    "no",
    "1.5",
    "-1",
    "2022-03-15",
    "é",
]
SPECIAL = [
    "~", "null", " ", "  ", ":", ": ", "#", " #", "'", "''", '"', "[", "]", "{", "}", "[]", "{}",
    ",", "?", "!", "&", "*", "|", ">", "%", "@", "`", "\\", "\t", "\u3000", "\xa0", "-", "- ",
    "—", "😀", "\r",
]  # fmt: skip


def _value(rnd: random.Random) -> str:
    pieces = [
        rnd.choice(SPECIAL if rnd.random() < 0.15 else PLAIN) for _ in range(rnd.randint(0, 4))
    ]
    text = "".join(pieces)
    return f"'{text}'" if rnd.random() < 0.1 else text


def _block(rnd: random.Random, indent: int, depth: int) -> list[str]:
    """A mapping or a sequence at `indent`, with nested blocks now and then."""
    lines, pad = [], " " * indent
    as_list = depth > 0 and rnd.random() < 0.35
    for _ in range(rnd.randint(1, 4)):
        head = f"{pad}- " if as_list else f"{pad}{rnd.choice(KEYS)}:"
        if depth < 3 and rnd.random() < 0.3:
            child = indent + rnd.choice([2, 2, 4, 0 if not as_list else 2])
            lines.append(head.rstrip())
            lines += _block(rnd, child, depth + 1)
        else:
            lines.append(head + ("" if as_list else " ") + _value(rnd))
        if rnd.random() < 0.08:
            lines.append(rnd.choice(["", "# 注释", f"{pad}# 注释", "  "]))
    return lines


def _same(text: str) -> bool:
    line, events = parse_text(text, "f.yaml"), parse_text(text, "f.yaml", way="events")
    return (
        repr(line.data) == repr(events.data)
        and list(line.key_positions.items()) == list(events.key_positions.items())
        and list(line.value_positions.items()) == list(events.value_positions.items())
        and line.diagnostics == events.diagnostics
    )


def test_line_reading_agrees_with_libyaml_on_random_documents() -> None:
    rnd = random.Random(2022)
    taken, wrong = 0, []
    for _ in range(12_000):
        lines = _block(rnd, 0, 0)
        if rnd.random() < 0.2:  # a typo: one line moved in or out
            at = rnd.randrange(len(lines))
            lines[at] = (
                rnd.choice([" ", "   "]) + lines[at] if rnd.random() < 0.5 else lines[at][1:]
            )
        text = "\n".join(lines) + rnd.choice(["\n", "", "\n\n", " \n"])
        if read_block(text) is None:
            continue
        taken += 1
        if not _same(text):
            wrong.append(text)
    assert wrong == []
    assert taken > 1500  # enough of them are ones the line reader takes
