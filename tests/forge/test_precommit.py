"""The pre-commit hook a district installs runs `techvp validate` from the installed package."""

from __future__ import annotations

import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_the_hook_runs_an_installed_console_script_over_the_whole_repository() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "techvp-validate"
    assert hook["language"] == "python"  # pre-commit pip-installs this repository for it
    assert hook["pass_filenames"] is False  # cross-record rules need every record
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    program, *args = shlex.split(hook["entry"])
    assert program in scripts["scripts"]
    # What pre-commit runs, from the repository's top: the shipped records pass.
    exe = Path(sys.executable).with_name(program)
    done = subprocess.run(
        [str(exe), *args, "--now", "2022-03-01T09:00:00+08:00"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 个错误" in done.stdout
