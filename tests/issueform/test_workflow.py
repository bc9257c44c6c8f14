"""The form-to-PR workflow calls `techvp from-issue` with options it has, and hands it the issue's
text only through environment variables (zizmor and actionlint run over every workflow in the
workflow tests; this checks what they cannot know: techvp's own command line)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from techvp.cli import main

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "form-to-pr.yml"


def _runs() -> list[str]:
    document = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [s.get("run", "") for job in document["jobs"].values() for s in job["steps"]]


def test_the_workflow_uses_only_options_from_issue_has() -> None:
    [script] = [r for r in _runs() if "techvp from-issue" in r]
    words = shlex.split(script.split("techvp from-issue", 1)[1].split(">")[0].replace("\\\n", " "))
    used = {w for w in words if w.startswith("--")}
    command = main.commands["from-issue"]
    known = {opt for p in command.params for opt in p.opts}
    assert used and used <= known, used - known
    assert {"--issue", "--author", "--author-id", "--comment-file", "--format"} <= used


def test_no_issue_text_reaches_a_script_through_an_expression() -> None:
    for script in _runs():
        assert re.search(r"\$\{\{", script) is None, script
