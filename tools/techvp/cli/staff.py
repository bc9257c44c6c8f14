"""Commands for the staff: matching, the Excel forms in and out, service status and funding."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from techvp.cli import (
    FORMATS,
    HelpArgument,
    format_choice,
    format_option,
    main,
    now_option,
    root_option,
)
from techvp.messages import cli as text
from techvp.messages import excel as xtext
from techvp.messages import matching as match_text


@main.command(help=match_text.MATCH, short_help=match_text.SHORT_MATCH)
@click.option("--batch", required=True, metavar=text.METAVAR_BATCH, help=match_text.MATCH_BATCH)
@root_option
@click.option("--out", required=True, metavar=text.METAVAR_DIR, help=match_text.MATCH_OUT)
@click.option("--write-appointments", is_flag=True, help=match_text.MATCH_WRITE)
@now_option
def match(batch: str, root: Path, out: str, write_appointments: bool, now: datetime) -> None:
    from techvp.build import run
    from techvp.matching.files import write_appointments as write_records
    from techvp.matching.files import write_files
    from techvp.matching.summary import summary

    result = run(root, now)
    result.eligibility(batch)  # an unknown batch stops here (exit 2)
    if not result.findings.ok:
        click.echo(match_text.NOT_VALID, err=True)
        sys.exit(1)
    proposal = result.proposal(batch)
    write_files(proposal, Path(out))
    click.echo(summary(proposal))
    click.echo(match_text.SUMMARY_FILES.format(out=out))
    if write_appointments:
        written = write_records(proposal, result.dataset)
        click.echo(match_text.APPOINTMENTS_WRITTEN.format(count=len(written)))


@main.command(help=xtext.EXPORT, short_help=xtext.SHORT_HELP["export"])
@click.option("--batch", required=True, metavar=text.METAVAR_BATCH, help=xtext.EXPORT_BATCH)
@root_option
@click.option("--out", required=True, metavar=text.METAVAR_DIR, help=xtext.EXPORT_OUT)
@click.option("--region", default=None, help=xtext.EXPORT_REGION)
@click.option(
    "--accounts", default=None, metavar=xtext.ACCOUNTS_METAVAR, help=xtext.EXPORT_ACCOUNTS
)
@now_option
def export(
    batch: str, root: Path, out: str, region: str | None, accounts: str | None, now: datetime
) -> None:
    from techvp.build import run
    from techvp.excel.forms import export_batch

    result = run(root, now)
    if not result.findings.ok:
        click.echo(FORMATS["text"](result.findings, root), nl=False)
        click.echo(text.BUILD_FAILED, err=True)
        sys.exit(1)
    written = export_batch(result.dataset, batch, Path(out), region, result.history)
    if region is None:  # the matching's forms cover the whole batch
        from techvp.excel.matchforms import write_match_forms

        record = result.dataset.batches[batch].record
        written += write_match_forms(result.dataset, record, result.proposal(batch), Path(out))
        from techvp.excel.servicefiles import write_service_forms

        account_file = Path(accounts) if accounts else None
        written += write_service_forms(result.dataset, record, Path(out), account_file)
    for path in written:
        click.echo(xtext.EXPORT_WRITTEN.format(path=path))


@main.command(
    "excel-templates", help=xtext.TEMPLATES, short_help=xtext.SHORT_HELP["excel-templates"]
)
@click.option("--out", required=True, metavar=text.METAVAR_DIR, help=xtext.TEMPLATES_OUT)
@click.option("--batch", default=None, metavar=text.METAVAR_BATCH, help=xtext.TEMPLATES_BATCH)
@root_option
def excel_templates(out: str, batch: str | None, root: Path) -> None:
    from techvp.excel.forms import templates_for

    for path in templates_for(root, batch, Path(out)):
        click.echo(xtext.EXPORT_WRITTEN.format(path=path))


@main.command("import-excel", help=xtext.IMPORT, short_help=xtext.SHORT_HELP["import-excel"])
@click.argument("file", cls=HelpArgument, help=xtext.IMPORT_FILE)
@click.option("--batch", required=True, metavar=text.METAVAR_BATCH, help=xtext.EXPORT_BATCH)
@root_option
@click.option("--partial", is_flag=True, help=xtext.IMPORT_PARTIAL)
@format_option
@now_option
def import_excel(file: str, batch: str, root: Path, partial: bool, fmt: str, now: datetime) -> None:
    from techvp.diagnostics import Findings
    from techvp.excel.importer import import_file

    outcome = import_file(Path(file), batch, root, now, partial, shown=file)
    findings = Findings(outcome.findings.sorted(), files_checked=1)
    click.echo(FORMATS[fmt](findings, root), nl=False)
    if outcome.written or findings.ok:
        click.echo(
            xtext.IMPORT_WRITTEN.format(written=len(outcome.written), skipped=outcome.skipped)
        )
    else:
        click.echo(xtext.IMPORT_NOTHING, err=True)
    sys.exit(0 if findings.ok else 1)


lifecycle_format = format_choice(["json", "text"], text.LIFECYCLE_FORMAT)


@main.command(help=text.STATUS, short_help=text.LIFECYCLE_SHORT_HELP["status"])
@click.option("--batch", required=True, metavar=text.METAVAR_BATCH, help=text.ELIGIBILITY_BATCH)
@root_option
@now_option
@lifecycle_format
def status(batch: str, root: Path, now: datetime, fmt: str) -> None:
    from techvp.build import run
    from techvp.lifecycle.render import status_json, status_text
    from techvp.lifecycle.status import batch_status

    found = batch_status(run(root, now).dataset, batch, now)
    click.echo((status_json if fmt == "json" else status_text)(found), nl=False)


@main.command(help=text.FUNDING, short_help=text.LIFECYCLE_SHORT_HELP["funding"])
@click.option("--batch", required=True, metavar=text.METAVAR_BATCH, help=text.ELIGIBILITY_BATCH)
@root_option
@now_option
@lifecycle_format
def funding(batch: str, root: Path, now: datetime, fmt: str) -> None:
    from techvp.build import run
    from techvp.lifecycle.funding import batch_funding
    from techvp.lifecycle.render import funding_json, funding_text

    result = run(root, now)
    found = batch_funding(result.dataset, batch, now, result.policies.get(batch))
    click.echo((funding_json if fmt == "json" else funding_text)(found), nl=False)
