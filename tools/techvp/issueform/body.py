"""An issue body as GitHub renders a submitted form → the answer under each form element.

GitHub writes each element as a `### <label>` heading, a blank line and the answer; an empty
answer is `_No response_`; a checkbox answer is one `- [X] option` / `- [ ] option` line per
box; a drop-down answer is the option's text. Only headings that are labels of the form start a
new answer, so a `### ` line someone types inside a long answer stays part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from techvp.issueform.spec import Form
from techvp.messages import issueform as text

NO_RESPONSE = "_No response_"
# What a drop-down shows for "nothing chosen" (GitHub reserves it: no option may be called so).
NO_SELECTION = "None"
_HEADING = re.compile(r"###\s+(.+?)\s*")


@dataclass
class Answers:
    """The text under each heading found (None: left empty) and the heading's line (1-based)."""

    texts: dict[str, str | None] = field(default_factory=dict)  # by label
    lines: dict[str, int] = field(default_factory=dict)


def _answer(lines: list[str]) -> str | None:
    answer = "\n".join(lines).strip("\n")
    if answer.strip() in ("", NO_RESPONSE):
        return None
    # GitHub keeps what was typed; a trailing space on each line means nothing here.
    return "\n".join(line.rstrip() for line in answer.splitlines()).strip()


def split_body(form: Form, body: str) -> Answers:
    labels = {e.label for e in form.elements} | {text.CONFIRM_LABEL}
    answers = Answers()
    current: str | None = None
    held: list[str] = []
    for number, line in enumerate(body.splitlines(), start=1):
        heading = _HEADING.fullmatch(line)
        label = heading.group(1) if heading else None
        if label in labels and label not in answers.lines:
            if current is not None:
                answers.texts[current] = _answer(held)
            current, held = label, []
            answers.lines[label] = number
        elif current is not None:
            held.append(line)
    if current is not None:
        answers.texts[current] = _answer(held)
    return answers
