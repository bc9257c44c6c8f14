"""Load everything, then run every rule: the whole of `techvp validate` without printing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from techvp.changes import added_files
from techvp.diagnostics import Findings
from techvp.guard.scan import scan_bytes, scan_tree
from techvp.policies import RuleContext, run_rules
from techvp.repo import Dataset, load_dataset


def validate_repository(
    root: Path, now: datetime, base: str | None = None
) -> tuple[Dataset, Findings]:
    """`base`: judge deadlines only for files added since this Git ref (see techvp.changes)."""
    added = added_files(root, base)
    # The guard sees each record file's bytes as the loader reads them (no second read), then
    # every name and every file the loader did not read.
    dataset, findings = load_dataset(root, inspect=scan_bytes)
    findings.extend(scan_tree(root, skip=dataset.files))
    findings.extend(run_rules(dataset, RuleContext(now=now, added=added)))
    return dataset, findings
