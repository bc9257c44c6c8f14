"""Every hostile or broken submission in tests/corpus/bad/ yields its diagnostic, located.

Each case folder holds files relative to a repository root plus expect.yaml; the case is laid
over the valid base repository (tests.factories.full_repo). Regenerate the corpus with
`python -m tests.corpus.make_bad`.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from techvp.diagnostics import Findings, Severity
from techvp.formats import FORMATS
from tests import factories
from tests.conftest import run_validate

BAD = Path(__file__).parent / "corpus" / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def expectations(case: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((BAD / case / "expect.yaml").read_text(encoding="utf-8"))
    return list(data["expect"])


def lay_out(case: str, root: Path) -> None:
    for path in sorted((BAD / case).rglob("*")):
        rel = path.relative_to(BAD / case)
        if path.is_file() and rel.parts[0] == "submissions":
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, root / rel)


def missing(expect: list[dict[str, Any]], findings: Findings) -> list[dict[str, Any]]:
    found = [(d.code, d.location.file, d.location.line, d.location.column) for d in findings]

    def matches(item: dict[str, Any], hit: tuple[str, str, int | None, int | None]) -> bool:
        code, file, line, column = hit
        return (
            (code, file) == (item["code"], item["file"])
            and (item["line"] is None or line == item["line"])
            and (item["column"] is None or column == item["column"])
        )

    return [item for item in expect if not any(matches(item, hit) for hit in found)]


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 80
    codes = {item["code"] for case in CASES for item in expectations(case)}
    assert len(codes) >= 40, sorted(codes)


@pytest.mark.parametrize("case", CASES)
def test_case_yields_its_diagnostics(case: str, tmp_path: Path) -> None:
    factories.full_repo(tmp_path)
    lay_out(case, tmp_path)
    findings = run_validate(tmp_path)
    expect = expectations(case)
    assert not missing(expect, findings), [
        (d.code, d.location.file, d.location.line, d.location.column) for d in findings
    ]
    case_files = {item["file"] for item in expect}
    for diag in findings:
        # the case's problems stay in the case's files; the base repository stays clean
        if diag.severity is Severity.ERROR and diag.location.file not in case_files:
            pytest.fail(f"unexpected {diag.code} in {diag.location.file}")
        assert diag.message and not diag.message.startswith("["), diag.code  # has Chinese text
    for render in FORMATS.values():
        assert "Traceback" not in render(findings, tmp_path)


def test_whole_corpus_at_once(tmp_path: Path) -> None:
    """One repository holding every case: every bad file is still reported."""
    factories.full_repo(tmp_path)
    expect: list[dict[str, Any]] = []
    for case in CASES:
        lay_out(case, tmp_path)
        expect += [i for i in expectations(case) if not i["code"].startswith(("dup.", "ref."))]
    findings = run_validate(tmp_path)
    assert not findings.ok
    assert not missing(expect, findings)
