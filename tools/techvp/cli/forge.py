"""Commands for the Git forge: issue forms in and out, and CODEOWNERS from the batch file."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from techvp.cli import FORMATS, format_choice, main, now_option, root_option
from techvp.messages import cli as text
from techvp.messages import forge as forge_text
from techvp.messages import issueform as ftext


@main.command("from-issue", help=ftext.FROM_ISSUE, short_help=ftext.SHORT_HELP["from-issue"])
@click.option(
    "--form",
    "form_name",
    required=True,
    type=click.Choice(["need", "expert"]),
    help=ftext.FROM_ISSUE_FORM,
)
@click.option(
    "--body-file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=ftext.FROM_ISSUE_BODY,
)
@root_option
@click.option("--batch", default=None, metavar=text.METAVAR_BATCH, help=ftext.FROM_ISSUE_BATCH)
@click.option("--author", default=None, help=ftext.FROM_ISSUE_AUTHOR)
@click.option("--author-id", type=click.IntRange(1), default=None, help=ftext.FROM_ISSUE_AUTHOR_ID)
@click.option("--issue", type=click.IntRange(1), default=None, help=ftext.FROM_ISSUE_ISSUE)
@format_choice(["json", "text"], ftext.FROM_ISSUE_FORMAT)
@click.option("--comment-file", type=click.Path(path_type=Path), help=ftext.FROM_ISSUE_COMMENT)
@now_option
def from_issue(
    form_name: str,
    body_file: Path,
    root: Path,
    batch: str | None,
    author: str | None,
    author_id: int | None,
    issue: int | None,
    fmt: str,
    comment_file: Path | None,
    now: datetime,
) -> None:
    from techvp.issueform.report import Issue, as_json, as_text, comment
    from techvp.issueform.submit import from_issue as submit

    body = body_file.read_text(encoding="utf-8", errors="replace")
    outcome = submit(root, form_name, body, body_file.name, now, batch, author)
    if comment_file is not None:
        comment_file.write_text(comment(outcome), encoding="utf-8")
    source = Issue(issue, author, author_id) if issue is not None else None
    click.echo(as_json(outcome, source) if fmt == "json" else as_text(outcome), nl=False)
    sys.exit(0 if outcome.ok else 1)


@main.command(help=ftext.FORMS, short_help=ftext.SHORT_HELP["forms"])
@root_option
@click.option("--batch", default=None, metavar=text.METAVAR_BATCH, help=ftext.FORMS_BATCH)
def forms(root: Path, batch: str | None) -> None:
    from techvp.issueform.render import write_forms

    for path in write_forms(root, batch):
        click.echo(ftext.FORMS_WRITTEN.format(path=path))


@main.command(help=forge_text.CODEOWNERS_HELP, short_help=forge_text.SHORT_CODEOWNERS)
@root_option
def codeowners(root: Path) -> None:
    from techvp.codeowners import write_codeowners

    path, findings = write_codeowners(root)
    if not findings.ok:
        click.echo(FORMATS["text"](findings, root), nl=False)
        click.echo(forge_text.CODEOWNERS_FAILED, err=True)
        sys.exit(1)
    click.echo(forge_text.CODEOWNERS_WRITTEN.format(path=path))
