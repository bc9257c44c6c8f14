"""The `techvp` command: each command parses options, calls one function, prints, exits.

Exit codes: 0 nothing wrong, 1 findings with an error, 2 a usage or environment problem (a bad
option, a missing submissions/ folder, an unknown Git ref or batch). Every TechvpError is turned
into exit 2 in one place (`_Techvp.invoke`); click's own words are shown in Chinese
(techvp.clickzh).
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

import click

from techvp.clickzh import ChineseGroup
from techvp.diagnostics import Diagnostic, Location, Severity, TechvpError, error
from techvp.formats import FORMATS, REVIEW_FORMATS, ROW_FORMATS
from techvp.messages import cli as text
from techvp.messages import forge as forge_text

CHINA = timezone(timedelta(hours=8))


class _Fatal(click.ClickException):
    """A TechvpError as the CLI reports it: its Chinese message and code, exit code 2."""

    exit_code = 2

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic

    def show(self, file: Any = None) -> None:
        message = text.ERROR.format(message=self.diagnostic.message, code=self.diagnostic.code)
        click.echo(message, err=True)


class _Techvp(ChineseGroup):
    """The command group: every TechvpError is reported here, once."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TechvpError as exc:
            raise _Fatal(exc.diagnostic) from None
        except OSError as exc:  # a folder that cannot be written, a disk that is full
            raise _Fatal(_os_problem(exc)) from None


def _os_problem(exc: OSError) -> Diagnostic:
    reason = text.OS_REASONS.get(errno.errorcode.get(exc.errno or 0, ""), exc.strerror or str(exc))
    path = os.fsdecode(exc.filename) if exc.filename is not None else ""
    return error("os.failed", Location(path or "."), path=path, reason=reason)


def _parse_now(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(text.BAD_NOW.format(value=value)) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=CHINA)


def _path(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    return Path(value).resolve()


root_option = click.option(
    "--root",
    default=".",
    show_default=True,
    callback=_path,
    metavar=text.METAVAR_DIR,
    help=text.ROOT,
)
now_option = click.option("--now", callback=_parse_now, metavar=text.METAVAR_TIME, help=text.NOW)
base_option = click.option("--base", default=None, metavar="REF", help=text.BASE)
F = TypeVar("F", bound=Callable[..., Any])


def format_choice(choices: list[str], help_text: str) -> Callable[[F], F]:
    """`--format` (parameter `fmt`) among `choices`, text by default: every command's the same."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default="text",
        show_default=True,
        help=help_text,
    )


format_option = format_choice(sorted(FORMATS), text.FORMAT)


@click.group(
    "techvp",
    cls=_Techvp,
    help=text.MAIN,
    context_settings={"help_option_names": ["-h", "--help"]},
)
def main() -> None:
    pass


# Work a command leaves for after its report (keeping what `validate` found for the next run):
# `entry` hands it to a process of its own, so the user has the report and the prompt back
# while it is done; anywhere else (tests, click's runner) it is done when the command ends.
_AFTER: list[Callable[[], None]] | None = None


def after_report(work: Callable[[], None]) -> None:
    if _AFTER is not None:
        _AFTER.append(work)
    else:
        click.get_current_context().call_on_close(work)


def entry() -> None:
    """The `techvp` program. A run builds many small objects that all stay alive until it ends:
    cyclic garbage collection only costs time (a third of loading), so it is off for the run.
    At the end it leaves without the interpreter's teardown, which freed a large run's records
    one by one (4 s at 95,000 files): everything is written and closed by then."""
    global _AFTER
    _AFTER = []
    gc.disable()
    try:
        main()
    except SystemExit as done:
        if done.code is not None and not isinstance(done.code, int):
            _finish(_AFTER)
            raise  # a message to print: Python's own exit does that
        sys.stdout.flush()
        sys.stderr.flush()
        _detach(_AFTER)
        os._exit(done.code or 0)


def _finish(work: list[Callable[[], None]]) -> None:
    for step in work:
        step()


def _detach(work: list[Callable[[], None]]) -> None:
    """Do `work` in a forked process that lets go of the output (whoever reads it sees its end
    now) and of the terminal; where there is no fork, do it here."""
    if not work:
        return
    if not hasattr(os, "fork"):
        _finish(work)
        return
    if os.fork() != 0:
        return
    try:
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        _finish(work)
    finally:
        os._exit(0)


@main.command(help=text.VALIDATE, short_help=text.SHORT_HELP["validate"])
@root_option
@format_option
@now_option
@base_option
@click.option(
    "--severity",
    type=click.Choice([s.value for s in Severity]),
    default=Severity.PRIORITY.value,
    show_default=True,
    help=forge_text.SEVERITY,
)
@click.option("--no-cache", "no_cache", is_flag=True, help=text.NO_CACHE)
def validate(
    root: Path, fmt: str, now: datetime, base: str | None, severity: str, no_cache: bool
) -> None:
    from techvp.build import validate as run_validate

    findings = run_validate(root, now, base, cache=not no_cache, later=after_report)
    if fmt in REVIEW_FORMATS:  # the files the change touches are annotated and listed first
        from techvp.changes import changed_files

        changed = changed_files(root, base)
        click.echo(REVIEW_FORMATS[fmt](findings, root, Severity(severity), first=changed), nl=False)
    else:
        click.echo(FORMATS[fmt](findings, root, Severity(severity)), nl=False)
    sys.exit(0 if findings.ok else 1)


@main.command(help=text.BUILD, short_help=text.SHORT_HELP["build"])
@root_option
@format_option
@now_option
@base_option
@click.option(
    "--site-dir", type=click.Path(path_type=Path), metavar=text.METAVAR_DIR, help=text.SITE_DIR
)
def build(root: Path, fmt: str, now: datetime, base: str | None, site_dir: Path | None) -> None:
    from techvp.build import build as run_build

    site = site_dir if site_dir is not None else root / "site"
    result, _ = run_build(root, now, base, dirs={"site": site})
    click.echo(FORMATS[fmt](result.findings, root), nl=False)
    if not result.findings.ok:
        click.echo(text.BUILD_FAILED, err=True)
        sys.exit(1)
    click.echo(text.BUILD_SITE_DONE.format(site=site))
    click.echo(text.BUILD_STAFF_DONE.format(out=root / "build"))
    click.echo(text.BUILD_DONE)


@main.command(help=text.ELIGIBILITY, short_help=text.SHORT_HELP["eligibility"])
@click.option("--batch", required=True, metavar=text.METAVAR_BATCH, help=text.ELIGIBILITY_BATCH)
@root_option
@format_choice(sorted(ROW_FORMATS), text.ELIGIBILITY_FORMAT)
@now_option
def eligibility(batch: str, root: Path, fmt: str, now: datetime) -> None:
    from techvp.build import run

    rows = run(root, now).eligibility(batch)
    click.echo(ROW_FORMATS[fmt](rows, batch), nl=False)


class HelpArgument(click.Argument):
    """A positional argument that carries help text like an option (listed in the command help)."""

    def __init__(self, *args: Any, help: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = help


@main.command("scan-diff", help=text.SCAN_DIFF, short_help=text.SHORT_HELP["scan-diff"])
@click.argument("ref", cls=HelpArgument, help=text.SCAN_DIFF_REF)
@root_option
@format_option
def scan_diff(ref: str, root: Path, fmt: str) -> None:
    from techvp.diagnostics import Findings
    from techvp.guard.diff import scan_diff

    scan = scan_diff(root, ref)
    findings = Findings(scan.found, files_checked=scan.files_scanned)
    click.echo(FORMATS[fmt](findings, scan.top), nl=False)
    sys.exit(0 if findings.ok else 1)


@main.command(help=text.SCHEMA, short_help=text.SHORT_HELP["schema"])
@click.option(
    "--out", default="schemas", show_default=True, metavar=text.METAVAR_DIR, help=text.SCHEMA_OUT
)
def schema(out: str) -> None:
    from techvp.schema import write_schemas

    written = write_schemas(Path(out))
    click.echo(text.SCHEMA_WRITTEN.format(count=len(written), out=out))


@main.command(help=text.TEMPLATE, short_help=text.SHORT_HELP["template"])
@click.option(
    "--out",
    default="templates",
    show_default=True,
    metavar=text.METAVAR_DIR,
    help=text.TEMPLATE_OUT,
)
def template(out: str) -> None:
    from techvp.template import write_templates

    written = write_templates(Path(out))
    click.echo(text.TEMPLATE_WRITTEN.format(count=len(written), out=out))


@main.command(help=text.DEMO, short_help=text.SHORT_HELP["demo"])
@click.option("--out", required=True, help=text.DEMO_OUT)
@click.option(
    "--needs", default=40, show_default=True, type=click.IntRange(1), help=text.DEMO_NEEDS
)
@click.option(
    "--experts", default=60, show_default=True, type=click.IntRange(1), help=text.DEMO_EXPERTS
)
@click.option("--seed", default=2022, show_default=True, type=int, help=text.DEMO_SEED)
@click.option("--staff/--no-staff", default=True, show_default=True, help=text.DEMO_STAFF)
@click.option(
    "--applications",
    default=3,
    show_default=True,
    type=click.IntRange(1, 50),
    help=text.DEMO_APPLICATIONS,
)
@click.option("--force", is_flag=True, help=text.DEMO_FORCE)
def demo(
    out: str, needs: int, experts: int, seed: int, staff: bool, applications: int, force: bool
) -> None:
    from techvp.demo.output import commit_output, prepare_output

    prepare_output(Path(out), force)
    from techvp.demo.generate import write_demo  # reads the demo's texts (TechvpError)

    write_demo(Path(out), needs, experts, seed, staff, applications)
    commit_output(Path(out), text.DEMO_COMMIT.format(needs=needs, experts=experts, seed=seed))
    click.echo(text.DEMO_WRITTEN.format(out=out, needs=needs, experts=experts))


# The other commands live beside this module, by whom they serve; importing them registers them
# on `main` (they import the group and the shared options from here, so this comes last).
from techvp.cli import forge, staff  # noqa: E402

__all__ = ["entry", "forge", "main", "staff"]
