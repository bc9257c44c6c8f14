"""The public site: record pages rendered into docs/generated/, then a mkdocs-material build.

`write_site(result, site_dir)` is the build Output. The site's sources (mkdocs.yml, the
hand-written docs/, site_templates/) come from the records' root when it has a mkdocs.yml, so
`mkdocs serve` there shows the generated pages too; otherwise (a records-only repository such
as `techvp demo` writes) from the techvp checkout, staged in a temporary folder.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from techvp.build import BuildResult
from techvp.diagnostics import Location, TechvpError, error

_CHECKOUT = Path(__file__).resolve().parents[3]
GENERATED = "generated"


def site_sources(root: Path, checkout: Path = _CHECKOUT) -> Path:
    """The folder whose mkdocs.yml, docs/ and site_templates/ make the site: root, else checkout."""
    for candidate in (root, checkout):
        if (candidate / "mkdocs.yml").is_file() and (candidate / "site_templates").is_dir():
            return candidate
    raise TechvpError(error("site.sources", Location("mkdocs.yml"), checkout=str(checkout)))


def _mkdocs(config: Path, docs: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its import sets DEBUG; the dictionary-loading chatter
    build(load_config(str(config), docs_dir=str(docs), site_dir=str(site_dir.resolve())))


def write_site(result: BuildResult, site_dir: Path) -> None:
    from techvp.site.pages import render

    root = result.dataset.root
    now = result.now or datetime.now().astimezone()
    project = site_sources(root)
    forms = root / "templates" if (root / "templates").is_dir() else project / "templates"
    if project == root:
        render(result, project / "site_templates", project / "docs" / GENERATED, now, forms)
        _mkdocs(project / "mkdocs.yml", project / "docs", site_dir)
        return
    with tempfile.TemporaryDirectory(prefix="techvp-site-") as tmp:
        docs = Path(tmp) / "docs"
        shutil.copytree(
            project / "docs", docs, ignore=shutil.ignore_patterns(GENERATED, "__pycache__")
        )
        render(result, project / "site_templates", docs / GENERATED, now, forms)
        _mkdocs(project / "mkdocs.yml", docs, site_dir)
