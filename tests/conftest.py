from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from techvp.build import run
from techvp.diagnostics import Findings
from tests import golden

# Inside the demo batch's submission windows, so deadline rules stay quiet unless a test asks.
DEFAULT_NOW = datetime(2022, 3, 1, tzinfo=UTC)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen",
        action="store_true",
        help="rewrite stale generated files (schemas, templates, docs, demo): see tests/golden.py",
    )


def pytest_configure(config: pytest.Config) -> None:
    golden.REGEN = bool(config.getoption("--regen"))


def run_validate(root: Path, now: datetime = DEFAULT_NOW) -> Findings:
    return run(root, now).findings


def codes(findings: Findings) -> list[tuple[str, str, int | None]]:
    """(code, file, line) of every diagnostic, sorted: what tests assert on."""
    return [(d.code, d.location.file, d.location.line) for d in findings.sorted()]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return tmp_path
