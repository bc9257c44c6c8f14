"""The `techvp` command: each command parses options, calls one function, prints, exits."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import click

from techvp.formats import FORMATS
from techvp.messages import cli as text

CHINA = timezone(timedelta(hours=8))


def _parse_now(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(text.BAD_NOW.format(value=value)) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=CHINA)


def _root(value: str) -> Path:
    root = Path(value).resolve()
    if not (root / "submissions").is_dir():
        raise click.UsageError(text.NO_SUBMISSIONS.format(root=root))
    return root


root_option = click.option("--root", default=".", show_default=True, help=text.ROOT)
now_option = click.option("--now", callback=_parse_now, help=text.NOW)
base_option = click.option("--base", default=None, metavar="REF", help=text.BASE)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help=text.FORMAT,
)


@click.group(help=text.MAIN, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    pass


def _check(root: str, fmt: str, now: datetime, base: str | None) -> bool:
    """Validate and print the findings; True when there is no error."""
    from techvp.diagnostics import TechvpError
    from techvp.validate import validate_repository

    path = _root(root)
    try:
        _, findings = validate_repository(path, now, base)
    except TechvpError as exc:
        raise click.UsageError(exc.diagnostic.message) from None
    click.echo(FORMATS[fmt](findings, path), nl=False)
    return findings.ok


@main.command(help=text.VALIDATE)
@root_option
@format_option
@now_option
@base_option
def validate(root: str, fmt: str, now: datetime, base: str | None) -> None:
    sys.exit(0 if _check(root, fmt, now, base) else 1)


@main.command(help=text.BUILD)
@root_option
@format_option
@now_option
@base_option
def build(root: str, fmt: str, now: datetime, base: str | None) -> None:
    if not _check(root, fmt, now, base):
        click.echo(text.BUILD_FAILED, err=True)
        sys.exit(1)
    click.echo(text.BUILD_DONE)


@main.command(help=text.ELIGIBILITY)
@click.option("--batch", required=True, help=text.ELIGIBILITY_BATCH)
@root_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="text",
    show_default=True,
    help=text.ELIGIBILITY_FORMAT,
)
@now_option
def eligibility(batch: str, root: str, fmt: str, now: datetime) -> None:
    from techvp.eligibility import FORMATS as ROW_FORMATS
    from techvp.eligibility import UnknownBatch, eligibility_report

    try:
        rows = eligibility_report(_root(root), now, batch)
    except UnknownBatch as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(ROW_FORMATS[fmt](rows, batch), nl=False)


class _Argument(click.Argument):
    """A positional argument that carries help text like an option (listed in the command help)."""

    def __init__(self, *args: Any, help: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = help


@main.command("scan-diff", help=text.SCAN_DIFF)
@click.argument("ref", cls=_Argument, help=text.SCAN_DIFF_REF)
@root_option
@format_option
def scan_diff(ref: str, root: str, fmt: str) -> None:
    from techvp.diagnostics import Findings
    from techvp.guard.diff import DiffError, scan_diff

    path = Path(root).resolve()
    try:
        found = scan_diff(path, ref)
    except DiffError as exc:
        raise click.ClickException(text.BAD_REF.format(ref=ref, reason=exc)) from None
    findings = Findings(found, files_checked=len({d.location.file for d in found}))
    click.echo(FORMATS[fmt](findings, path), nl=False)
    sys.exit(0 if findings.ok else 1)


@main.command(help=text.SCHEMA)
@click.option("--out", default="schemas", show_default=True, help=text.SCHEMA_OUT)
def schema(out: str) -> None:
    from techvp.schema import write_schemas

    written = write_schemas(Path(out))
    click.echo(text.SCHEMA_WRITTEN.format(count=len(written), out=out))


@main.command(help=text.TEMPLATE)
@click.option("--out", default="templates", show_default=True, help=text.TEMPLATE_OUT)
def template(out: str) -> None:
    from techvp.template import write_templates

    written = write_templates(Path(out))
    click.echo(text.TEMPLATE_WRITTEN.format(count=len(written), out=out))


@main.command(help=text.DEMO)
@click.option("--out", required=True, help=text.DEMO_OUT)
@click.option(
    "--needs", default=40, show_default=True, type=click.IntRange(1), help=text.DEMO_NEEDS
)
@click.option(
    "--experts", default=60, show_default=True, type=click.IntRange(1), help=text.DEMO_EXPERTS
)
@click.option("--seed", default=2022, show_default=True, type=int, help=text.DEMO_SEED)
@click.option("--staff/--no-staff", default=True, show_default=True, help=text.DEMO_STAFF)
@click.option("--force", is_flag=True, help=text.DEMO_FORCE)
def demo(out: str, needs: int, experts: int, seed: int, staff: bool, force: bool) -> None:
    from techvp.demo.output import commit_output, prepare_output
    from techvp.diagnostics import TechvpError

    try:
        prepare_output(Path(out), force)
        from techvp.demo.generate import write_demo  # reads the demo's texts (TechvpError)
    except TechvpError as exc:
        raise click.UsageError(exc.diagnostic.message) from None
    write_demo(Path(out), needs=needs, experts=experts, seed=seed, staff=staff)
    commit_output(Path(out), text.DEMO_COMMIT.format(needs=needs, experts=experts, seed=seed))
    click.echo(text.DEMO_WRITTEN.format(out=out, needs=needs, experts=experts))
