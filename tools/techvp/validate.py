"""Load everything, then run every rule: the whole of `techvp validate` without printing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from techvp.diagnostics import Findings
from techvp.policies import RuleContext, run_rules
from techvp.repo import Dataset, load_dataset


def validate_repository(root: Path, now: datetime) -> tuple[Dataset, Findings]:
    dataset, findings = load_dataset(root)
    findings.extend(run_rules(dataset, RuleContext(now=now)))
    return dataset, findings
