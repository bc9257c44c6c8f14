"""The first two steps of the pipeline (techvp.build): load every record, then check it all.

`techvp.build.run` runs both: the whole of `techvp validate` without printing.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from techvp.diagnostics import Findings, Location, TechvpError, error
from techvp.guard.accounts import scan_accounts
from techvp.guard.scan import scan_bytes, scan_tree
from techvp.layout import SUBMISSIONS, walk
from techvp.policies import RuleContext, run_rules
from techvp.policies.views import DatasetViews
from techvp.repo import Dataset, load_dataset


def load(root: Path) -> tuple[Dataset, Findings]:
    """Every record under root/submissions, with what reading found (the guard included).

    Raises TechvpError when root has no submissions/ folder. (`techvp validate` reads through
    the cache instead: techvp.incremental.)"""
    if not (root / SUBMISSIONS).is_dir():
        raise TechvpError(error("root.no-submissions", Location("."), root=str(root)))
    # The guard sees each record file's bytes as the loader reads them (no second read), then
    # every name and every file the loader did not read.
    entries = list(walk(str(root / SUBMISSIONS)))  # one walk for the loader and the guard
    dataset, findings = load_dataset(root, inspect=scan_bytes, entries=entries)
    findings.extend(scan_tree(root, skip=dataset.files, entries=entries))
    findings.extend(scan_accounts(root))  # bank-account tables anywhere Git would commit them
    return dataset, findings


def check(
    dataset: Dataset, findings: Findings, now: datetime, added: frozenset[str] | None
) -> DatasetViews:
    """Run every rule over the loaded records; adds to `findings`.

    Returns the views the rules derived (policies, records by batch), for the outputs to reuse."""
    context = RuleContext.create(dataset, now, added)
    findings.extend(run_rules(dataset, context))
    return context.views_of(dataset)
