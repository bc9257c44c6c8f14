"""The same source tree (mkdocs.yml + docs/ with the generated pages, no plugin or hook of
ours) also builds with Zensical, mkdocs-material's successor: pages, escaping, search exclusion."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from techvp.build import run
from techvp.site import stage
from tests.site.conftest import NOW, DemoSite

pytest.importorskip("zensical")


def test_generated_tree_builds_with_zensical(demo_site: DemoSite, tmp_path: Path) -> None:
    result = run(demo_site.root, datetime.fromisoformat(NOW))
    config = stage(result, tmp_path, datetime.fromisoformat(NOW))
    zensical = Path(sys.executable).parent / "zensical"
    built = subprocess.run(
        [str(zensical), "build", "-f", str(config)], capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "site"
    needs = sorted((demo_site.site / "generated/needs").rglob("*.html"))
    assert needs and all((site / p.relative_to(demo_site.site)).is_file() for p in needs)
    page = (site / "generated/needs/wuhan-2022/xss-test-need.html").read_text("utf-8")
    # Shown as text (MiniJinja also escapes "/", as &#x2f;), never as a tag.
    assert "&lt;script&gt;window.__xss=1&lt;" in page
    assert "<script>window.__xss" not in page
    # The batch page's body comes through its layout (batch.html) from the front matter.
    batch = (site / "generated/batches/wuhan-2022.html").read_text("utf-8")
    assert "名额分配" in batch and "选派名单" in batch and "techvp-batch" in batch
    catalogue = (site / "generated/catalogue.html").read_text("utf-8")
    assert "catalogue.js" in catalogue and "fonts.googleapis" not in catalogue
    # Zensical honours `search: exclude` too: record pages stay out of its index.
    index = json.loads((site / "search.json").read_text("utf-8"))
    locations = [item["location"] for item in index["items"]]
    assert "generated/catalogue.html" in locations
    assert not any("/needs/" in location for location in locations)
