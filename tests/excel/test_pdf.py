"""Each exported form printed through LibreOffice: pages as the paper form prints them, the header
on every page. CI installs LibreOffice (.ci/run); without it the test says so and is skipped."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from techvp.excel.forms import NEEDS
from techvp.excel.layout import display_units
from techvp.excel.servicefiles import write_service_forms
from techvp.excel.serviceforms import ACCOUNTS_FORM, ASSESSMENTS, STATISTICS, UNSIGNED
from techvp.repo import load_dataset
from tests.excel.service import service_repo

TOOLS = ("soffice", "pdftotext", "pdfinfo")
missing = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(missing), reason=f"needs LibreOffice and poppler-utils; missing: {', '.join(missing)}"
)


def _convert(files: list[Path], out: Path) -> None:
    """One LibreOffice start for all files (starting it is most of the time)."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
        check=True,
        capture_output=True,
        timeout=300,
    )


def _pdf(pdf: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    body = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return pages, body.stdout


def test_exported_forms_print_with_their_headers_on_every_page(
    exported: Path, tmp_path: Path
) -> None:
    _convert([exported / "需求汇总表.xlsx", exported / "科技人员汇总表.xlsx"], tmp_path)
    pages, body = _pdf(tmp_path / "需求汇总表.pdf")
    assert 5 <= pages <= 20  # 51 needs with their long problem texts, landscape A4
    assert "2022年企业“科技副总”选派需求汇总表（经信部门填报）" in body
    for label in ["填报单位（加盖公章）：", "填报人：", "联系方式：", "填报日期："]:
        assert label in body
    flat = re.sub(r"\s", "", body)
    # A header that wraps in its cell comes out of pdftotext interleaved with its neighbours'.
    one_line = [c.header for c in NEEDS.columns if display_units(c.header) <= c.width - 2]
    assert len(one_line) >= 6
    for header in [*one_line, "指定专家"]:
        assert header in flat, header
    assert body.count("申报企业名称") == pages  # the header is repeated on each page

    pages, body = _pdf(tmp_path / "科技人员汇总表.pdf")
    assert pages >= 2
    assert body.count("派出单位类型") == pages
    assert "2022年“科技副总”科技人员汇总表" in body


def test_seed_002_forms_print_as_the_paper_ones(tmp_path: Path) -> None:
    """附件1–5 from a small batch (tests/excel/service.py): the 考核表 two A4 portrait pages per
    expert (its evaluation starts a page), each table one landscape page, the seed's words in
    the text."""
    dataset, _ = load_dataset(service_repo(tmp_path / "repo"))
    files = write_service_forms(dataset, dataset.batches["wuhan-2022"].record, tmp_path / "x")
    _convert(files, tmp_path)
    pages, body = _pdf(tmp_path / "附件1 考核表.pdf")
    assert "合计" in _pdf(tmp_path / f"{STATISTICS.name}.pdf")[1]
    # Two pages an expert; 李明's summary of about 1000 characters may run onto one more.
    assert 6 <= pages <= 7
    flat = re.sub(r"\s", "", body)
    assert flat.count("2022年武汉市“科技副总”服务中小微企业考核表") == 3
    for words in ["两年服务期工作情况总结报告", "企业考核评价", "（盖章）", "2024年6月20日"]:
        assert words in flat, words
    for form in (ASSESSMENTS, UNSIGNED, ACCOUNTS_FORM, STATISTICS):
        pages, body = _pdf(tmp_path / f"{form.name}.pdf")
        flat = re.sub(r"\s", "", body)
        assert pages == 1, form.name
        assert form.title.format(batch="2022年武汉市") in flat
        one_line = [c.header for c in form.columns if 0 < display_units(c.header) <= c.width - 2]
        assert one_line, form.name
        for header in one_line:
            assert header in flat, (form.name, header)
