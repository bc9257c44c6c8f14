"""One pipeline for every command that reads the records: load → validate → derive → outputs.

`run` loads and checks everything once and returns a `BuildResult`; what is derived from the
records (each batch's resolved policy, the eligibility verdicts) is computed on first use and then
kept, so an output never recomputes it. `build` also runs the registered outputs, and only when
the records validate without an error: nothing is written from records that fail.

Outputs register in `OUTPUTS`. An output is a name and a function `run(result, out_dir)` that
reads the result (never the files again) and writes under `out_dir`; it returns nothing and does
not print. The site runs in a forked process of its own beside the others (`_run_outputs`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from techvp import incremental
from techvp.changes import added_files, added_files_later
from techvp.diagnostics import Findings, Location, TechvpError, error
from techvp.history import History, file_history, ownership
from techvp.messages.cli import OUTPUT_NAMES
from techvp.policies.eligibility import Row, eligibility_rows, verdicts
from techvp.policies.profiles import Policy
from techvp.policies.views import DatasetViews
from techvp.repo import Dataset
from techvp.validate import check, load

if TYPE_CHECKING:  # matching imports scikit-learn, seconds that `techvp validate` never needs
    from techvp.matching.records import MatchResult


@dataclass(frozen=True)
class BuildResult:
    """The records, everything found about them, and what is derived from them."""

    dataset: Dataset
    findings: Findings
    # What the rules derived once (policies, records by batch, namings); outputs reuse it.
    views: DatasetViews
    # The time the run judged deadlines by (the site shows each batch's stage at this time).
    now: datetime | None = None

    @property
    def policies(self) -> Mapping[str, Policy]:
        """Each valid batch's policy: its profile with the batch's overrides applied."""
        return self.views.policies

    @cached_property
    def verdicts(self) -> Mapping[str, tuple[Row, ...]]:
        """Each valid batch's eligibility rows (techvp.policies.eligibility)."""
        return verdicts(self.dataset, self.findings)

    @cached_property
    def history(self) -> History:
        """Each record file's Git history (first submitted, last changed, by whom), read once
        from one `git log`; empty outside a Git work tree (techvp.history)."""
        return file_history(self.dataset.root)

    # Each batch's matching proposal once computed (see `proposal`).
    _proposals: dict[str, MatchResult] = field(default_factory=dict, repr=False, compare=False)

    def proposal(self, batch: str) -> MatchResult:
        """One batch's matching proposal (techvp.matching), computed once for every command and
        output that shows it (the match files, the Excel forms, the site); raises UnknownBatch."""
        if batch not in self._proposals:
            from techvp.matching.result import match_batch

            self._proposals[batch] = match_batch(self.views, self.eligibility(batch), batch)
        return self._proposals[batch]

    @property
    def proposals(self) -> Mapping[str, MatchResult]:
        """Every valid batch's proposal, by batch id."""
        return {batch: self.proposal(batch) for batch in sorted(self.policies)}

    def eligibility(self, batch: str) -> tuple[Row, ...]:
        """The rows of one batch; raises UnknownBatch (a TechvpError) for a batch with no file."""
        if batch in self.verdicts:
            return self.verdicts[batch]
        return eligibility_rows(self.dataset, self.findings, batch)


@dataclass(frozen=True)
class Output:
    """Something `build` writes from a clean result: `run(result, out_dir)` writes under out_dir."""

    name: str
    run: Callable[[BuildResult, Path], None]
    # Its folder under the build's out_dir when `build(dirs=...)` gives it none: the public site
    # gets one of its own, so nothing written for staff can ever land inside it.
    folder: str = ""


def _match(result: BuildResult, out_dir: Path) -> None:
    """Each batch's matching proposal under out_dir/match/<batch>/ (techvp.matching)."""
    from techvp.matching.files import write_files

    for batch, proposal in result.proposals.items():
        write_files(proposal, out_dir / "match" / batch)


def _excel(result: BuildResult, out_dir: Path) -> None:
    """Staff Excel forms (internal fields included) under out_dir/excel/<batch>/, never the site."""
    from techvp.excel.forms import build_output, excel_output_dir
    from techvp.excel.matchforms import write_match_forms

    build_output(result.dataset, out_dir, result.history)
    for batch, proposal in result.proposals.items():
        record = result.dataset.batches[batch].record
        write_match_forms(result.dataset, record, proposal, excel_output_dir(out_dir, batch))
    from techvp.excel.servicefiles import write_service_forms  # seed 002's forms, no bank data

    for batch, loaded in sorted(result.dataset.batches.items()):
        write_service_forms(result.dataset, loaded.record, excel_output_dir(out_dir, batch))


def _site(result: BuildResult, out_dir: Path) -> None:
    """The public site (public fields only) under out_dir, the --site-dir."""
    from techvp.site import write_site

    write_site(result, out_dir)


# The outputs `techvp build` writes, in this order.
OUTPUTS: tuple[Output, ...] = (
    Output("match", _match),
    Output("excel", _excel),
    Output("site", _site, folder="site"),
)


def run(root: Path, now: datetime, base: str | None = None) -> BuildResult:
    """Load and validate every record: `techvp eligibility`, and the start of `techvp build`.

    `now` judges deadlines; `base` (a Git ref) limits that to files added since it and warns
    about changes to records someone else submitted. Raises TechvpError for a missing
    submissions/ folder or an unknown ref; bad records are findings."""
    added = added_files(root, base)
    dataset, findings = load(root)
    views = check(dataset, findings, now, added)
    if base is not None:
        findings.extend(ownership(root, base))
    return BuildResult(dataset, findings, views, now)


def validate(
    root: Path,
    now: datetime,
    base: str | None = None,
    cache: bool = False,
    later: Callable[[incremental.Work], None] | None = None,
) -> Findings:
    """What `techvp validate` reports: `run(...).findings`. With `cache`, what each file gave
    is kept in root/.techvp-cache/ (by the work handed to `later`, if given), and only the
    files that changed are read again and only what they can affect is checked again
    (techvp.incremental); the findings are the same."""
    # git finds the files under review while the records are read
    added = added_files_later(root, base)
    found = incremental.validate(root, now, added, later) if cache else None
    if found is None:
        return run(root, now, base).findings
    if base is not None:
        found.extend(ownership(root, base))
    return found


def build(
    root: Path,
    now: datetime,
    base: str | None = None,
    out_dir: Path | None = None,
    outputs: Sequence[Output] = OUTPUTS,
    dirs: Mapping[str, Path] | None = None,
) -> tuple[BuildResult, tuple[str, ...]]:
    """`run`, then every output in turn if no error was found; returns the names of those run.

    `out_dir` defaults to root/build; `dirs` names a folder of its own for an output (the site
    goes to --site-dir)."""
    result = run(root, now, base)
    if not result.findings.ok:
        return result, ()
    target = out_dir if out_dir is not None else root / "build"
    jobs = [(o, (dirs or {}).get(o.name, target / o.folder)) for o in outputs]
    _run_outputs(result, jobs)
    return result, tuple(output.name for output in outputs)


# What a forked output process runs: inherited at the fork, never pickled.
_FORKED: tuple[BuildResult, Output, Path] | None = None


def _run_forked() -> None:
    assert _FORKED is not None
    result, output, out_dir = _FORKED
    output.run(result, out_dir)


def _run_outputs(result: BuildResult, jobs: Sequence[tuple[Output, Path]]) -> None:
    """Every output. Where the system can fork, the site runs in a process of its own beside the
    others: its mkdocs build is one core's work for most of a large build, the matching and the
    Excel forms another's. What either raises is raised here, as if they had run in turn."""
    site = [(o, d) for o, d in jobs if o.name == "site"]
    rest = [(o, d) for o, d in jobs if o.name != "site"]
    if not site or not rest or "fork" not in multiprocessing.get_all_start_methods():
        for output, out_dir in jobs:
            output.run(result, out_dir)
        return
    global _FORKED
    _ = result.history  # read once (one `git log`), before the fork, for both sides
    _FORKED = (result, *site[0])
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            forked = pool.submit(_run_forked)
            for output, out_dir in rest:
                output.run(result, out_dir)
            forked.result()
    except BrokenProcessPool as crash:  # killed (out of memory, say), not an error it raised
        place = Location(str(site[0][1]))
        name = OUTPUT_NAMES.get(site[0][0].name, site[0][0].name)
        raise TechvpError(error("build.output-crashed", place, output=name)) from crash
    finally:
        _FORKED = None
