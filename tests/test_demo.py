"""`techvp demo` writes complete, valid repositories, byte-identical for the same seed,
and the demo shipped in submissions/ is exactly what it writes."""

from __future__ import annotations

import json
import shutil
import tomllib
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from techvp.cli import main
from techvp.demo.generate import SHIPPED, demo_files
from techvp.yamlio import parse_bytes
from tests.conftest import run_validate
from tests.golden import assert_golden_tree

ROOT = Path(__file__).resolve().parent.parent


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted((root / "submissions").rglob("*"))
        if p.is_file()
    }


def demo(out: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["demo", "--out", str(out), *args])
    assert result.exit_code == 0, result.output


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    demo(tmp_path / "a", "--needs", "150", "--experts", "200", "--seed", "7")
    demo(tmp_path / "b", "--needs", "150", "--experts", "200", "--seed", "7")
    demo(tmp_path / "c", "--needs", "150", "--experts", "200", "--seed", "8")
    a, b, c = tree(tmp_path / "a"), tree(tmp_path / "b"), tree(tmp_path / "c")
    assert a == b
    assert a != c


def test_generated_repository_of_any_size_is_valid(tmp_path: Path) -> None:
    demo(tmp_path, "--needs", "300", "--experts", "400", "--seed", "3")
    findings = run_validate(tmp_path)
    assert [d for d in findings if d.severity == "error"] == []
    kinds = Counter(p.split("/")[1] for p in tree(tmp_path))
    assert kinds["needs"] == 300 and kinds["experts"] == 400
    assert kinds["appointments"] > 0 and kinds["reports"] > 0 and kinds["assessments"] > 0


def test_shipped_demo_is_what_the_generator_writes(tmp_path: Path) -> None:
    needs, experts, seed = SHIPPED
    demo(tmp_path, "--needs", str(needs), "--experts", str(experts), "--seed", str(seed))
    files = demo_files(needs, experts, seed)
    assert tree(tmp_path) == {rel: text.encode() for rel, text in files.items()}
    prefix = "submissions/"
    assert_golden_tree(ROOT / "submissions", {k.removeprefix(prefix): v for k, v in files.items()})


def test_shipped_demo_is_valid_and_realistic() -> None:
    findings = run_validate(ROOT)
    assert [d.message for d in findings if d.severity == "error"] == []
    needs = list((ROOT / "submissions/needs").rglob("*.yaml"))
    experts = list((ROOT / "submissions/experts").rglob("*.yaml"))
    assert len(needs) >= 40 and len(experts) >= 60


def test_demo_prose_is_yaml_people_can_edit_and_ships_with_the_package() -> None:
    data = ROOT / "tools/techvp/demo/data"
    files = sorted(data.glob("*.yaml"))
    assert [p.name for p in files] == ["experts.yaml", "needs.yaml"]
    for path in files:
        doc = parse_bytes(path.read_bytes(), path.name, max_bytes=10_000_000)
        assert doc.diagnostics == [] and isinstance(doc.data, list) and len(doc.data) >= 50
        assert all(isinstance(item["slug"], str) for item in doc.data)
    assert not list((ROOT / "tools/techvp/demo").glob("*_text.py"))
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    shipped = setup["setuptools"]["package-data"]["techvp"]
    assert all(any(p.relative_to(ROOT / "tools/techvp").match(g) for g in shipped) for p in files)


def test_a_large_enterprise_in_the_shipped_batch_is_refused_by_its_industry(tmp_path: Path) -> None:
    """The demo batch maps its own industry names onto 工信部联企业〔2011〕300号, so a large
    industrial enterprise is an error, not the 'unmapped' warning."""
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    need = tmp_path / "submissions/needs/wuhan-2022/jiangan/anchi-ev-battery-service.yaml"
    text = need.read_text(encoding="utf-8")
    text = text.replace("employees: 60", "employees: 1500").replace(
        "revenue_last_year: 3860", "revenue_last_year: 52000"
    )
    need.write_text(text, encoding="utf-8")
    args = ["validate", "--root", str(tmp_path), "--format", "json"]
    result = CliRunner().invoke(main, [*args, "--now", "2022-03-01T09:00:00+08:00"])
    found = [d for d in json.loads(result.output)["diagnostics"] if d["file"].endswith(need.name)]
    assert [(d["code"], d["severity"], d["field"]) for d in found] == [
        ("policy.enterprise-size", "error", "enterprise.employees")
    ]
    assert result.exit_code == 1
