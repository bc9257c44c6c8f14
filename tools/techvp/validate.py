"""Load everything, then run every rule: the whole of `techvp validate` without printing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from techvp.changes import added_files
from techvp.diagnostics import Findings
from techvp.guard.scan import Guard
from techvp.policies import RuleContext, run_rules
from techvp.repo import Dataset, load_dataset


def validate_repository(
    root: Path, now: datetime, base: str | None = None
) -> tuple[Dataset, Findings]:
    """`base`: judge deadlines only for files added since this Git ref (see techvp.changes)."""
    added = added_files(root, base)
    guard = Guard()  # sees each file's bytes as the loader reads them: no second read
    dataset, findings = load_dataset(root, inspect=guard)
    findings.extend(guard.rest(root))
    findings.extend(run_rules(dataset, RuleContext(now=now, added=added)))
    return dataset, findings
