"""The shipped demo batch exported once per test session (the forms are read, never changed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from techvp.excel.forms import export_batch
from techvp.repo import Dataset, load_dataset

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo() -> Dataset:
    dataset, findings = load_dataset(ROOT)
    assert findings.ok
    return dataset


@pytest.fixture(scope="session")
def exported(demo: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    export_batch(demo, "wuhan-2022", out)
    return out
