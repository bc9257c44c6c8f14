"""Reading on every core gives exactly what reading one file at a time gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from techvp import reading
from techvp.cli import main
from techvp.formats import as_json
from techvp.repo import load_dataset
from tests.conftest import run_validate
from tests.factories import NEED, dump, record, write


@pytest.fixture
def demo_with_problems(tmp_path: Path) -> Path:
    result = CliRunner().invoke(
        main, ["demo", "--out", str(tmp_path), "--needs", "120", "--experts", "150", "--seed", "5"]
    )
    assert result.exit_code == 0
    write(tmp_path, "submissions/needs/wuhan-2022/jiangan/broken.yaml", "id: [\n")
    bad = dump(record(NEED, id="bad-phone", contact={"name": "王", "phone": "12"}))
    write(tmp_path, "submissions/needs/wuhan-2022/jiangan/bad-phone.yaml", bad)
    return tmp_path


def test_parallel_and_sequential_agree(demo_with_problems: Path, monkeypatch) -> None:
    sequential = as_json(run_validate(demo_with_problems), demo_with_problems)
    monkeypatch.setattr(reading, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(reading, "CHUNK", 17)
    parallel = as_json(run_validate(demo_with_problems), demo_with_problems)
    assert parallel == sequential
    assert '"code": "field.phone"' in parallel and '"code": "yaml.syntax"' in parallel
    dataset, _ = load_dataset(demo_with_problems)
    assert len(dataset.needs) == 120  # the two broken ones are reported, not loaded
    assert {"bad-phone", "broken"}.isdisjoint(dataset.needs)


def test_parallel_read_stops_at_the_time_budget(demo_with_problems: Path, monkeypatch) -> None:
    monkeypatch.setattr(reading, "PARALLEL_MIN_FILES", 1)
    _, findings = load_dataset(demo_with_problems, budget_seconds=0.0)
    [limit] = [d for d in findings if d.code == "limit.time"]
    assert limit.params["remaining"] == findings.files_checked
