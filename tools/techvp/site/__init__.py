"""The public site: record pages rendered into docs/generated/, then a mkdocs-material build.

`write_site(result, site_dir)` is the build Output. The site's sources (mkdocs.yml, the
hand-written docs/, site_templates/) come from the records' root when it has a mkdocs.yml, so
`mkdocs serve` there shows the generated pages too; otherwise (a records-only repository such
as `techvp demo` writes) from the techvp checkout, staged in a temporary folder.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from techvp.build import BuildResult
from techvp.diagnostics import Location, TechvpError, error

_CHECKOUT = Path(__file__).resolve().parents[3]
GENERATED = "generated"
THEME = "site_templates/theme"  # the theme override for record pages (mkdocs.yml custom_dir)


def site_sources(root: Path, checkout: Path = _CHECKOUT) -> Path:
    """The folder whose mkdocs.yml, docs/ and site_templates/ make the site: root, else checkout."""
    for candidate in (root, checkout):
        if (candidate / "mkdocs.yml").is_file() and (candidate / "site_templates").is_dir():
            return candidate
    raise TechvpError(error("site.sources", Location("mkdocs.yml"), checkout=str(checkout)))


def last_commit_epoch(root: Path) -> str | None:
    """The newest commit's time (seconds since the epoch) of the Git repository at root."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return out or None


@contextmanager
def source_date(epoch: str | None) -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to `epoch` while mkdocs builds: it dates the sitemap (lastmod and
    the .gz header) by it instead of today, so rebuilding the same records on another day gives
    the same bytes. An epoch the caller already exported wins (the reproducible-builds rule)."""
    if epoch is None or "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def _warm_up() -> None:
    """What the mkdocs build does first in any case: import it, and load jieba's dictionary (the
    search plugin's, 1.4 s), done while a forked process still writes pages (see `render`)."""
    import mkdocs.commands.build  # noqa: F401

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its import sets DEBUG; the dictionary-loading chatter
    jieba.initialize()


def _mkdocs(config: Path, docs: Path, site_dir: Path, root: Path) -> None:
    """Build the site; dated by the newest commit of the records' repository at root."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _warm_up()  # nothing left to do when render() did it
    with source_date(last_commit_epoch(root)):
        build(load_config(str(config), docs_dir=str(docs), site_dir=str(site_dir.resolve())))


def stage(
    result: BuildResult, dest: Path, now: datetime, meanwhile: Callable[[], None] | None = None
) -> Path:
    """Write a self-contained site source tree (mkdocs.yml, docs/ with the generated pages) under
    `dest`; return its mkdocs.yml, which `mkdocs build` or `zensical build` turns into the site."""
    from techvp.site.pages import render

    root = result.dataset.root
    project = site_sources(root)
    forms = root / "templates" if (root / "templates").is_dir() else project / "templates"
    docs = dest / "docs"
    shutil.copytree(project / "docs", docs, ignore=shutil.ignore_patterns(GENERATED, "__pycache__"))
    shutil.copyfile(project / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(project / THEME, dest / THEME)  # mkdocs.yml's theme.custom_dir
    render(result, project / "site_templates", docs / GENERATED, now, forms, meanwhile)
    return dest / "mkdocs.yml"


def write_site(result: BuildResult, site_dir: Path) -> None:
    from techvp.site.pages import render

    root = result.dataset.root
    now = result.now or datetime.now().astimezone()
    project = site_sources(root)
    if project == root:
        forms = root / "templates" if (root / "templates").is_dir() else project / "templates"
        generated = project / "docs" / GENERATED
        render(result, project / "site_templates", generated, now, forms, _warm_up)
        _mkdocs(project / "mkdocs.yml", project / "docs", site_dir, root)
        return
    with tempfile.TemporaryDirectory(prefix="techvp-site-") as tmp:
        config = stage(result, Path(tmp), now, _warm_up)
        _mkdocs(config, Path(tmp) / "docs", site_dir, root)
