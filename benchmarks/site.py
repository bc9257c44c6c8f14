"""Time `techvp build` and its public-site part (validation + site) beside a floor, in one run.

Floor: a bare mkdocs-material build (same theme settings, language zh, jieba search) of the same
number of plain Markdown pages written directly, each left out of nav and out of the search
index like our need pages, each holding a need's problem text. Also prints the catalogue JSON
size gzipped and, when Debian's chromium is installed, the time a filter keystroke takes.
Run by hand: python benchmarks/site.py [--needs 2000 20000] [--keep DIR] [--site-only]
"""

from __future__ import annotations

import argparse
import gzip
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from demo_repo import generate

FLOOR_CONFIG = """site_name: floor
use_directory_urls: false
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      lang: zh
nav:
  - index.md
not_in_nav: |
  /pages/
"""


def _cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes: unlike wall time,
    barely moved by other jobs on a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _demo(root: Path, needs: int) -> None:
    if (root / "submissions").is_dir():
        return
    generate(root, needs, needs, "--seed", "7")


def ours(root: Path, site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "techvp",
            "build",
            "--root",
            str(root),
            "--site-dir",
            str(site),
            "--now",
            "2022-04-01T09:00:00+08:00",
            "--format",
            "json",
        ],
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stderr.decode() + result.stdout.decode()[-2000:])
    return elapsed


SITE_ONLY = """
import gc
import os
import sys
from datetime import datetime
from pathlib import Path
from techvp.build import OUTPUTS, build
site = [output for output in OUTPUTS if output.name == "site"]
gc.disable()  # as the techvp program does (techvp.cli.entry)
now = datetime.fromisoformat("2022-04-01T09:00:00+08:00")
result, ran = build(Path(sys.argv[1]), now, outputs=site, dirs={"site": Path(sys.argv[2])})
os._exit(0 if ran else 1)  # as techvp.cli.entry: no interpreter teardown
"""


def site_only(root: Path, site: Path) -> tuple[float, float]:
    """Validation and the public site alone: `techvp build` without the staff outputs (matching
    files and Excel forms), which the floor has nothing to compare with."""
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-c", SITE_ONLY, str(root), str(site)], check=True)
    return time.perf_counter() - start, _cpu() - cpu


def floor(root: Path, work: Path) -> tuple[float, float]:
    """Plain pages from the same needs (written before the clock starts), then mkdocs build."""
    docs = work / "docs"
    (docs / "pages").mkdir(parents=True)
    (work / "mkdocs.yml").write_text(FLOOR_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# 首页\n\n科技副总选派公开信息。\n", encoding="utf-8")
    for path in sorted((root / "submissions" / "needs").rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        page = f"---\nsearch:\n  exclude: true\n---\n\n# {path.stem}\n\n{data['problem']}\n"
        (docs / "pages" / f"{path.stem}.md").write_text(page, encoding="utf-8")
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml")],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start, _cpu() - cpu


def keystroke_ms(site: Path) -> float | None:
    """Median time (ms) from typing one character into the filter to the list being redrawn."""
    if not Path("/usr/bin/chromium").exists():
        return None
    import functools
    import statistics
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/generated/catalogue.html"
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        page.goto(url)
        page.locator(".techvp-count").filter(has_text="共").wait_for()
        times = []
        for term in ("电", "电池", "焊", "焊接", "检", "检测", "材", "材料", "系", "系统"):
            times.append(
                page.evaluate(
                    """term => { const input = document.querySelector('input[name=kw]');
                    const start = performance.now(); input.value = term;
                    input.dispatchEvent(new Event('input', {bubbles: true}));
                    return performance.now() - start; }""",
                    term,
                )
            )
        browser.close()
    server.shutdown()
    return float(statistics.median(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--needs", type=int, nargs="+", default=[2000])
    parser.add_argument("--keep", type=Path, help="keep the generated repositories here")
    parser.add_argument(
        "--site-only", action="store_true", help="skip timing the whole `techvp build`"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="techvp-bench-site-") as tmp:
        base = args.keep or Path(tmp)
        for needs in args.needs:
            root = base / f"demo-{needs}"
            _demo(root, needs)
            site = Path(tmp) / f"site-{needs}"
            site_s, site_cpu = site_only(root, site)
            ours_s = float("nan") if args.site_only else ours(root, Path(tmp) / f"full-{needs}")
            floor_s, floor_cpu = floor(root, Path(tmp) / f"floor-{needs}")
            catalogue = (site / "generated" / "data" / "catalogue.json").read_bytes()
            gz = len(gzip.compress(catalogue, 9))
            key = keystroke_ms(site)
            print(
                f"{needs} needs: techvp build {ours_s:.2f} s, validation + site {site_s:.2f} s, "
                f"floor {floor_s:.2f} s, ratios {ours_s / floor_s:.2f} and {site_s / floor_s:.2f}; "
                f"CPU: validation + site {site_cpu:.2f} s, floor {floor_cpu:.2f} s, "
                f"ratio {site_cpu / floor_cpu:.2f}; "
                f"catalogue.json {len(catalogue) / 1e6:.2f} MB, "
                f"{gz / 1e6:.2f} MB gzipped; filter keystroke "
                + (f"{key:.1f} ms" if key is not None else "not measured (no chromium)")
            )


if __name__ == "__main__":
    main()
