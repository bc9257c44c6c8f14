"""The catalogue in a real headless Chromium (Debian's, driven by Playwright's Python package):
filtering, facets, shared URLs, need pages, no console error, no request off the site, and
record text that never runs. Screenshots at a desktop and a phone viewport are kept in the
session's temporary folder (printed with -s)."""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.site.conftest import XSS_NAME, XSS_PROBLEM, DemoSite

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    # .ci/run installs Debian's chromium and sets TECHVP_REQUIRE_BROWSER, so CI never skips.
    if os.environ.get("TECHVP_REQUIRE_BROWSER"):
        raise RuntimeError("/usr/bin/chromium is missing: apt-get install chromium fonts-noto-cjk")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(demo_site: DemoSite) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(demo_site.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page that records console errors, page errors and every URL it requests."""

    def __init__(self, browser: Any, base_url: str, **context: Any) -> None:
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.base = base_url
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def count(self) -> str:
        locator = self.page.locator(".techvp-count")
        locator.filter(has_text="共").wait_for()
        return str(locator.inner_text())

    def close(self) -> None:
        self.context.close()
        assert self.errors == []
        off_site = [url for url in self.requests if not url.startswith(self.base + "/")]
        assert off_site == []


@pytest.fixture
def visit(browser: Any, base_url: str) -> Iterator[Visit]:
    v = Visit(browser, base_url, viewport={"width": 1280, "height": 900})
    yield v
    v.close()


def _rows(demo_site: DemoSite) -> dict[str, Any]:
    text = (demo_site.site / "generated/data/catalogue.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _matching(data: dict[str, Any], term: str) -> list[dict[str, Any]]:
    industries = data["tables"]["d"]
    return [
        r
        for r in data["rows"]
        if term in "\n".join([r["i"], r["n"], r["f"], r["p"], industries[r["d"]]])
    ]


def test_typing_a_chinese_term_finds_its_needs(visit: Visit, demo_site: DemoSite) -> None:
    data = _rows(demo_site)
    expected = _matching(data, "电池")
    assert 0 < len(expected) < len(data["rows"])
    page = visit.open("/generated/catalogue.html")
    assert visit.count() == f"共 {len(data['rows'])} 条需求"
    page.fill("input[name=kw]", "电池")
    assert visit.count() == f"共 {len(expected)} 条需求"
    names = page.locator(".techvp-results li > a").all_inner_texts()
    assert sorted(names) == sorted(r["n"] for r in expected)
    assert "kw=%E7%94%B5%E6%B1%A0" in page.url


def test_region_facet_shows_the_count_in_the_data(visit: Visit, demo_site: DemoSite) -> None:
    data = _rows(demo_site)
    region = data["tables"]["r"].index("江岸区")
    expected = sum(1 for r in data["rows"] if r["r"] == region)
    page = visit.open("/generated/catalogue.html")
    visit.count()
    page.select_option("select[name=region]", "江岸区")
    assert visit.count() == f"共 {expected} 条需求"
    assert page.locator(".techvp-results li").count() == expected


def test_a_shared_filter_url_reloads_the_same_view(visit: Visit, demo_site: DemoSite) -> None:
    data = _rows(demo_site)
    region = data["tables"]["r"].index("江岸区")
    expected = [r for r in _matching(data, "电池") if r["r"] == region]
    page = visit.open(
        "/generated/catalogue.html?kw=%E7%94%B5%E6%B1%A0&region=%E6%B1%9F%E5%B2%B8%E5%8C%BA"
    )
    assert visit.count() == f"共 {len(expected)} 条需求"
    assert page.input_value("input[name=kw]") == "电池"
    assert page.input_value("select[name=region]") == "江岸区"
    page.reload()
    assert visit.count() == f"共 {len(expected)} 条需求"


def test_a_need_page_opens_from_the_catalogue(visit: Visit) -> None:
    page = visit.open("/generated/catalogue.html")
    visit.count()
    page.fill("input[name=kw]", "canary-need")
    link = page.locator(".techvp-results li > a").first
    name = link.inner_text()
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/generated/needs/wuhan-2022/canary-need.html")
    assert page.locator("h1").first.inner_text() == name
    assert "如何申报" in page.inner_text("body")


def test_record_text_with_markup_shows_literally_and_runs_nothing(visit: Visit) -> None:
    page = visit.open("/generated/catalogue.html?kw=xss-test-need")
    assert visit.count() == "共 1 条需求"
    assert page.locator(".techvp-results li > a").inner_text() == XSS_NAME
    assert page.locator(".techvp-results b").count() == 0
    page.locator(".techvp-results li > a").click()
    page.wait_for_load_state("networkidle")
    assert XSS_PROBLEM in page.inner_text("body")
    assert page.locator("h1").first.inner_text() == XSS_NAME
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0


def test_the_catalogue_on_a_phone_and_a_desktop(
    browser: Any, base_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shots = tmp_path_factory.mktemp("screenshots")
    for name, context in (
        ("desktop", {"viewport": {"width": 1280, "height": 900}}),
        (
            "phone",
            {
                "viewport": {"width": 390, "height": 844},
                "is_mobile": True,
                "has_touch": True,
                "device_scale_factor": 2,
            },
        ),
    ):
        v = Visit(browser, base_url, **context)
        page = v.open("/generated/catalogue.html?kw=%E7%94%B5%E6%B1%A0")
        v.count()
        # Nothing wider than the screen: the filters wrap on a phone.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= context["viewport"]["width"]  # type: ignore[index]
        page.screenshot(path=str(shots / f"catalogue-{name}.png"), full_page=False)
        v.close()
    print(f"screenshots: {shots}")
    assert (shots / "catalogue-phone.png").stat().st_size > 10_000
