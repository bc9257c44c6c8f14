"""Running a workflow's own `run:` scripts in tests, with bash as GitHub runs them, in real Git
clones of a bare repository that stands in for github.com. What GitHub's expressions (`${{ }}`)
would give a step, the test passes as environment variables."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import git
import yaml

from tests.factories import BATCH, record, write_repo

WORKFLOWS = Path(__file__).resolve().parents[1] / ".github" / "workflows"
# The workflows run on the real clock: a batch still open for submissions.
OPEN_BATCH = record(
    BATCH,
    deadlines={
        "needs": "2099-03-15T17:00:00+08:00",
        "experts": "2099-04-20T17:00:00+08:00",
        "matching": "2099-04-30T17:00:00+08:00",
        "selection": "2099-05-30T17:00:00+08:00",
        "on_duty": "2099-06-30T17:00:00+08:00",
    },
)


def steps(workflow: str, job: str) -> dict[str, dict[str, Any]]:
    """The named steps of one job of .github/workflows/<workflow>, by name."""
    document = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return {step["name"]: step for step in document["jobs"][job]["steps"] if "name" in step}


def remote(tmp: Path, **kinds: list[dict[str, Any]]) -> Path:
    """A bare repository (github.com's copy) whose main holds these records."""
    seed = write_repo(tmp / "seed", **kinds)
    repo = git.Repo.init(seed, initial_branch="main")
    repo.git.add("submissions")
    repo.index.commit("records")
    return Path(git.Repo.clone_from(seed, tmp / "github.git", bare=True).git_dir)


def run_step(
    step: dict[str, Any], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """One step's `run:` script with GitHub's default shell on Linux; techvp from this venv."""
    script = cwd.parent / f"{cwd.name}-step.sh"
    script.write_text(step["run"], "utf-8")
    # env's PATH (a test's stand-ins) first, then this venv's techvp, then the system's.
    path = [env["PATH"]] if "PATH" in env else []
    path += [str(Path(sys.executable).parent), os.environ["PATH"]]
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env={**os.environ, **env, "PATH": os.pathsep.join(path)},
        capture_output=True,
        text=True,
        check=False,
    )
