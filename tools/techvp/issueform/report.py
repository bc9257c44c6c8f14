"""What `techvp from-issue` tells a person, a workflow and the issue: text, JSON, the comment.

The comment is Markdown that starts with a hidden marker, so the form-to-PR workflow finds its
own comment and edits it in place instead of adding a new one on every edit of the issue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from techvp.diagnostics import Severity
from techvp.issueform.submit import Outcome, Problem
from techvp.messages import SEVERITY_LABELS
from techvp.messages import issueform as text

MARKER = "<!-- techvp-from-issue -->"


def as_text(outcome: Outcome) -> str:
    lines = []
    if outcome.path is not None:
        lines.append(text.TEXT_WRITTEN.format(path=outcome.path, id=outcome.record_id))
    else:
        lines.append(text.TEXT_NOT_WRITTEN)
    for problem in outcome.problems:
        severity = SEVERITY_LABELS[problem.diagnostic.severity.value]
        lines.append(text.TEXT_PROBLEM.format(severity=severity, message=_message(problem)))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Issue:
    """The issue a form came from: its number and who opened it."""

    number: int
    login: str | None = None
    user_id: int | None = None

    @property
    def branch(self) -> str:
        """One branch per issue, named from its number only (never from what was typed)."""
        return f"submission/issue-{self.number}"

    def co_author(self) -> str:
        if not self.login:
            return ""
        if self.user_id is not None:
            address = text.NOREPLY.format(id=self.user_id, login=self.login)
        else:
            address = text.NOREPLY_OLD.format(login=self.login)
        return text.CO_AUTHOR.format(login=self.login, address=address)


def pull_request(outcome: Outcome, issue: Issue) -> dict[str, str]:
    """Branch, title, body and commit message of the issue's one pull request."""
    where = {
        "form": text.FORM_NAMES[outcome.form],
        "name": outcome.name,
        "issue": issue.number,
        "path": outcome.path,
        "id": outcome.record_id,
    }
    commit = text.COMMIT_MESSAGE.format(**where)
    trailer = issue.co_author()
    return {
        "branch": issue.branch,
        "title": text.PR_TITLE.format(**where),
        "body": text.PR_BODY.format(**where),
        "commit_message": commit + ("\n" + trailer if trailer else ""),
    }


def as_json(outcome: Outcome, issue: Issue | None = None) -> str:
    data: dict[str, Any] = {
        "form": outcome.form,
        "ok": outcome.ok,
        "path": outcome.path,
        "id": outcome.record_id,
        "marker": MARKER,
        "findings": [{**p.diagnostic.as_dict(), "label": p.label} for p in outcome.problems],
    }
    if issue is not None and outcome.path is not None:
        data["pull_request"] = pull_request(outcome, issue)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _message(problem: Problem) -> str:
    diagnostic = problem.diagnostic
    if diagnostic.code.startswith("form.") or not problem.label:
        return diagnostic.message
    return text.RECORD_PROBLEM.format(label=problem.label, message=diagnostic.message)


def _items(problems: list[Problem]) -> str:
    """One line a problem; a form problem's message names its field itself."""
    lines = []
    for problem in problems:
        message = problem.diagnostic.message
        if problem.diagnostic.code.startswith("form."):
            lines.append(f"- {message}")
        else:
            label = problem.label or text.COMMENT_GENERAL
            lines.append(text.COMMENT_ITEM.format(label=label, message=message))
    return "\n".join(lines)


def _of(outcome: Outcome, severity: Severity) -> list[Problem]:
    return [p for p in outcome.problems if p.diagnostic.severity == severity]


def comment(outcome: Outcome) -> str:
    """The issue comment: the result, and each problem under the form field to change."""
    errors, warnings = _of(outcome, Severity.ERROR), _of(outcome, Severity.WARNING)
    priorities = _of(outcome, Severity.PRIORITY)
    where = {"path": outcome.path, "id": outcome.record_id}
    parts = [MARKER]
    if errors:
        parts += [text.COMMENT_ERRORS, _items(errors)]
        if outcome.path is not None:
            parts.append(text.COMMENT_ERRORS_WRITTEN.format(**where))
        if warnings:
            parts += [text.COMMENT_WARNING_HEAD, _items(warnings)]
    elif warnings:
        parts += [text.COMMENT_WARNINGS.format(**where), _items(warnings)]
    else:
        parts.append(text.COMMENT_OK.format(**where))
    if priorities:
        parts += [text.COMMENT_PRIORITY_HEAD, _items(priorities)]
    parts.append(f"<sub>{text.COMMENT_FOOTER}</sub>")
    return "\n\n".join(parts) + "\n"
