"""The built site: only public fields, escaped record text, segmented Chinese search, no
outside host, and the pages a visitor expects."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.utils.meta import get_data

from techvp.build import run
from techvp.cli import main
from techvp.diagnostics import TechvpError
from techvp.models import Expert, Need
from techvp.models.visibility import internal_paths
from techvp.site import site_sources, stage
from techvp.site.pages import front_matter
from tests.site.conftest import (
    EXPERT_CANARIES,
    NEED_CANARIES,
    NOT_TEXT,
    NOW,
    PROJECT,
    XSS_PROBLEM,
    DemoSite,
)


def _every_file(site: Path) -> list[tuple[Path, str]]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.is_file():
            found.append((path, path.read_bytes().decode("utf-8", errors="replace")))
    return found


def test_canaries_cover_every_internal_field() -> None:
    covered = set(NEED_CANARIES) | set(EXPERT_CANARIES) | NOT_TEXT
    assert internal_paths(Need) | internal_paths(Expert) <= covered


def test_no_internal_field_reaches_any_file_of_the_site(demo_site: DemoSite) -> None:
    files = _every_file(demo_site.site)
    assert len(files) > 100
    # The canary need is published: its page and its public fields are there.
    assert (demo_site.site / "generated/needs/wuhan-2022/canary-need.html").is_file()
    for canary in [*NEED_CANARIES.values(), *EXPERT_CANARIES.values()]:
        leaks = [str(path) for path, text in files if canary in text]
        assert not leaks, (canary, leaks)


def test_record_text_is_escaped_in_every_page(demo_site: DemoSite) -> None:
    page = (demo_site.site / "generated/needs/wuhan-2022/xss-test-need.html").read_text("utf-8")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=" in page
    # JSON holds the text as data (the catalogue sets it with textContent); markup never does.
    for path, text in _every_file(demo_site.site):
        if path.suffix == ".json":
            continue
        assert "<script>window.__xss" not in text
        assert "<img src=x" not in text
        assert "<b>加粗</b>" not in text


def test_search_index_holds_chinese_segmented_by_jieba(demo_site: DemoSite) -> None:
    index = json.loads((demo_site.site / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["zh"]
    text = " ".join(doc["text"] for doc in index["docs"])
    # jieba marks word boundaries with zero-width spaces: 提交指南 splits as 提交|指南.
    assert "\u200b提交\u200b指南\u200b" in text
    # Record pages stay out of the index: the catalogue searches records.
    assert not any("/needs/" in doc["location"] for doc in index["docs"])


def test_no_page_asks_an_outside_host(demo_site: DemoSite) -> None:
    url = re.compile(r"""(?:src|href|url\()\s*=?\s*["']?(https?:)?//""", re.IGNORECASE)
    for path, text in _every_file(demo_site.site):
        if path.suffix in {".html", ".css", ".js"} and path.name != "sitemap.xml":
            found = url.search(text)
            assert found is None, (path, text[found.start() : found.start() + 120])
    config = (demo_site.site / "index.html").read_text("utf-8")
    assert "fonts.googleapis" not in config


def test_catalogue_json_and_open_data_hold_the_published_needs(demo_site: DemoSite) -> None:
    catalogue = json.loads((demo_site.site / "generated/data/catalogue.json").read_text("utf-8"))
    needs = list((demo_site.root / "submissions/needs").rglob("*.yaml"))
    assert len(catalogue["rows"]) == len(needs)
    open_data = json.loads((demo_site.site / "generated/data/needs.json").read_text("utf-8"))
    xss = next(n for n in open_data["needs"] if n["id"] == "xss-test-need")
    assert xss["problem"] == XSS_PROBLEM
    assert xss["status"] == "open"
    assert "contact" not in xss
    schema = json.loads((demo_site.site / "generated/data/needs.schema.json").read_text("utf-8"))
    assert "contact" not in schema["$defs"]["PublicNeed"]["properties"]


def test_need_page_shows_status_dates_and_how_to_apply(demo_site: DemoSite) -> None:
    page = (demo_site.site / "generated/needs/wuhan-2022/canary-need.html").read_text("utf-8")
    assert "可申报" in page and "首次提交" in page and "如何申报" in page
    batch = (demo_site.site / "generated/batches/wuhan-2022.html").read_text("utf-8")
    assert "选派名单" in batch and "<svg" in batch
    home = (demo_site.site / "index.html").read_text("utf-8")
    assert "专家推荐：截止 2022-04-20 17:00（当前阶段" in home


def test_site_sources_missing_is_an_environment_error(tmp_path: Path) -> None:
    with pytest.raises(TechvpError) as raised:
        site_sources(tmp_path, tmp_path)
    assert raised.value.diagnostic.code == "site.sources"


LITERAL_TEXTS = [
    "*强调* _下划线_ **粗** `代码` [链接](http://example.cn) ![图](x.png)",
    "<script>alert(1)</script> <img src=x onerror=alert(2)> &lt; &amp; &#60;",
    "# 标题 1. 列表 - 项目 + 加 ! 感叹 | 竖线 \\ 反斜杠 {花括号} > 引用 ~删除~",
    "第一行\n第二行 <b>x</b>",
]


# What YAML would read as something else, or refuses to read raw.
YAML_TRAPS = ["no", "0271", "85317029", "1e3", "null", "~", "- 项", "a: b", "'引'", '\t\\"']
YAML_TRAPS += ["\x7f\x85\x9f", "\ufeff\u200b😀"]


@pytest.mark.parametrize(
    "text",
    [*LITERAL_TEXTS, *YAML_TRAPS],
)
def test_front_matter_hands_record_text_to_the_theme_unchanged(text: str) -> None:
    """A need page's body reaches the theme in front matter, which mkdocs reads as YAML:
    nothing may become a number, a boolean, null or a list on the way."""
    _, meta = get_data(f"---\nbody: {front_matter(text)}\n---\n")
    assert meta == {"body": text}


def test_need_page_has_the_site_nav_and_links_that_resolve(demo_site: DemoSite) -> None:
    """Record pages use their own light layout (record.html): the drawer still lists every
    top-level page, and each link on the page leads to a file the site has."""
    path = demo_site.site / "generated/needs/wuhan-2022/canary-need.html"
    page = path.read_text("utf-8")
    links = re.findall(r'href="([^"#:]+)"', page)
    for title in ("首页", "需求目录", "批次结果", "提交指南", "开放数据"):
        assert f">{title}</a>" in page
    assert any(link.endswith("catalogue.html") for link in links)
    assert any(link.endswith("downloads/expert.yaml") for link in links)
    missing = [link for link in links if not (path.parent / link).resolve().exists()]
    assert missing == []


def test_before_appointments_the_batch_page_shows_the_proposal_as_provisional(
    tmp_path: Path,
) -> None:
    """Issue 11: the site shows the matching's proposal, marked 待审定, until staff write the
    appointment records; the catalogue marks those needs 已提出人选."""
    root = tmp_path / "repo"
    shutil.copytree(PROJECT / "submissions", root / "submissions")
    for kind in ("appointments", "reports", "assessments"):
        shutil.rmtree(root / "submissions" / kind / "wuhan-2022")
    site = tmp_path / "site"
    # Not a Git repository: every record counts as new, so judge before the needs deadline.
    args = ["build", "--root", str(root), "--site-dir", str(site), "--now", "2022-03-01T09:00"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    page = (site / "generated/batches/wuhan-2022.html").read_text("utf-8")
    assert "匹配方案（待审定）" in page and "匹配方案已安排" in page
    catalogue = json.loads((site / "generated/data/catalogue.json").read_text("utf-8"))
    statuses = [row["s"] for row in catalogue["rows"]]
    assert statuses.count("proposed") == 31 and "appointed" not in statuses


def test_once_appointments_exist_the_batch_page_shows_them_not_the_proposal(
    demo_site: DemoSite,
) -> None:
    page = (demo_site.site / "generated/batches/wuhan-2022.html").read_text("utf-8")
    assert "名额分配" in page and "江岸区" in page
    assert "匹配方案（待审定）" not in page and "选派名单" in page


def test_the_batch_page_counts_statuses_and_activity_without_any_reason(
    demo_site: DemoSite,
) -> None:
    page = (demo_site.site / "generated/batches/wuhan-2022.html").read_text("utf-8")
    assert "服务进展" in page and "服务中小微企业活动开展情况统计" in page
    assert "解决技术难题数（个）" in page and "<td>合计</td>" in page
    assert 'aria-label="各状态人数"' in page
    # Statuses are public, each person's reasons and opinions are not (staff records' internal
    # fields): none of the demo's reason or opinion texts reaches any file of the site.
    internal = [
        "专家因承担国家重点研发任务",
        "企业因经营调整暂停相关产品研发",
        "服务期内实际服务天数明显不足",
        "驻厂服务天数明显不足，合同约定任务未完成",
        "同意通过考核验收",
        "受教学科研任务影响",
    ]
    leaks = [(t, str(p)) for p, text in _every_file(demo_site.site) for t in internal if t in text]
    assert leaks == []


def _theme_and_ours(partial: str, override: str) -> tuple[str, str]:
    """mkdocs-material's template `partial` and ours `override` made from it (in
    site_templates/theme), each without its opening comment."""
    import material

    theme = Path(material.__file__).parent / "templates" / partial
    ours = PROJECT / "site_templates/theme" / override

    def without_comment(text: str) -> str:
        return re.sub(r"^\{#-.*?-#\}\n", "", text, flags=re.DOTALL)

    return without_comment(theme.read_text("utf-8")), without_comment(ours.read_text("utf-8"))


def test_batch_page_layout_is_the_theme_content_partial_reading_the_body() -> None:
    """partials/techvp-body.html must stay mkdocs-material's partials/content.html with the
    front matter's body in place of page.content (a theme upgrade that changes the partial
    fails here, not silently on the batch pages)."""
    theme, ours = _theme_and_ours("partials/content.html", "partials/techvp-body.html")
    expected = theme.replace("not in page.content %}", "not in page.meta.body %}")
    assert ours == expected.replace("{{ page.content }}", "{{ page.meta.body | safe }}")


def test_chinese_strings_of_the_theme_are_the_themes_own() -> None:
    """partials/languages/zh.html (every page's Chinese labels) must stay the theme's table of
    strings, built once instead of on every call."""
    zh = "partials/languages/zh.html"
    theme, ours = _theme_and_ours(zh, zh)
    expected = theme.replace("{% macro t(key) %}{{ {", "{% set strings = {")
    expected = expected.replace(
        "}[key] }}{% endmacro %}", "} %}\n{% macro t(key) %}{{ strings[key] }}{% endmacro %}"
    )
    assert ours == expected


def test_batch_page_is_the_same_html_the_theme_makes_of_the_body_as_markdown(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    """The batch page's body goes through the front matter (batch.html) instead of Markdown:
    the built page must be byte for byte what mkdocs made of the same body as Markdown."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    result = run(demo_site.root, datetime.fromisoformat(NOW))
    built = {}
    for form in ("front matter", "markdown"):
        config = stage(result, tmp_path / form, datetime.fromisoformat(NOW))
        shutil.rmtree(tmp_path / form / "docs/generated/needs")  # not needed here, only slow
        page = tmp_path / form / "docs/generated/batches/wuhan-2022.md"
        if form == "markdown":
            _, meta = get_data(page.read_text("utf-8"))
            head = {"title": meta["title"], "search": meta["search"]}
            page.write_text(f"---\n{json.dumps(head, ensure_ascii=False)}\n---\n\n{meta['body']}\n")
        build(load_config(str(config), site_dir=str(tmp_path / form / "site")))
        built[form] = (tmp_path / form / "site/generated/batches/wuhan-2022.html").read_bytes()
    assert built["front matter"] == built["markdown"]
    assert "选派名单".encode() in built["markdown"]


def test_every_page_is_the_same_with_the_themes_own_header(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    """partials/header.html is the theme's header written out for this site: every page of the
    site must come out byte for byte as with the theme's own file."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    result = run(demo_site.root, datetime.fromisoformat(NOW))
    built = {}
    for form in ("ours", "theme's"):
        config = stage(result, tmp_path / form, datetime.fromisoformat(NOW))
        if form == "theme's":
            (tmp_path / form / "site_templates/theme/partials/header.html").unlink()
        site = tmp_path / form / "site"
        build(load_config(str(config), site_dir=str(site)))
        built[form] = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*.html")}
    assert built["ours"].keys() == built["theme's"].keys()
    assert [name for name in built["ours"] if built["ours"][name] != built["theme's"][name]] == []
    page = built["ours"]["generated/needs/wuhan-2022/canary-need.html"].decode()
    assert 'data-md-component="search-query"' in page and 'data-md-component="palette"' in page
