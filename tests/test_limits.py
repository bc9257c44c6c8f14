"""Limits with clear messages: file size, number of files, nesting, text length, time, symlinks.

Big and special files are made here, at test time, never committed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from techvp import layout as layout_module
from techvp.models import KINDS
from techvp.repo import load_dataset
from techvp.yamlbuild import MAX_DEPTH
from techvp.yamlio import MAX_FILE_BYTES
from tests import factories as f
from tests.conftest import run_validate

NEED_FILE = f.record_path("need", f.NEED)


def located(findings: Any) -> set[tuple[str, str]]:
    return {(d.code, d.location.file) for d in findings}


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    f.full_repo(tmp_path)
    big = "submissions/needs/wuhan-2022/jiangan/huge.yaml"
    with open(tmp_path / big, "wb") as handle:
        handle.write(b"id: huge\nproblem: " + b"x" * (50 * 1024 * 1024) + b"\n")
    findings = run_validate(tmp_path)
    [diag] = [d for d in findings if d.location.file == big]
    assert diag.code == "yaml.too-large" and str(MAX_FILE_BYTES) in diag.message
    assert (diag.location.line, diag.location.column) == (1, 1)


def test_symlink_out_of_the_repository_is_not_followed(tmp_path: Path) -> None:
    f.full_repo(tmp_path / "repo")
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: 420102198506011237\n", encoding="utf-8")
    os.symlink(outside, tmp_path / "repo/submissions/needs/wuhan-2022/jiangan/link.yaml")
    os.symlink(tmp_path, tmp_path / "repo/submissions/experts/escape")
    findings = run_validate(tmp_path / "repo")
    assert located(findings) == {
        ("path.symlink", "submissions/needs/wuhan-2022/jiangan/link.yaml"),
        ("path.symlink", "submissions/experts/escape"),
    } | {(d.code, d.location.file) for d in findings if d.severity != "error"}


def test_too_many_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f.full_repo(tmp_path)
    monkeypatch.setattr(layout_module, "MAX_FILES", 3)
    findings = run_validate(tmp_path)
    [diag] = [d for d in findings if d.code == "limit.files"]
    assert diag.location.file == "submissions" and "3" in diag.message


def test_time_budget_stops_loading_with_a_message(tmp_path: Path) -> None:
    f.full_repo(tmp_path)
    _, findings = load_dataset(tmp_path, budget_seconds=-1)
    [diag] = list(findings)
    assert diag.code == "limit.time" and "6 个文件未检查" in diag.message


def test_nesting_depth_limit(tmp_path: Path) -> None:
    f.full_repo(tmp_path)
    deep: Any = "x"
    for _ in range(MAX_DEPTH + 5):
        deep = {"k": deep}
    f.write(tmp_path, NEED_FILE, f.dump(f.record(f.NEED, cooperation=deep)))
    assert ("yaml.too-deep", NEED_FILE) in located(run_validate(tmp_path))


def _string_schemas(node: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        if node.get("type") == "string":
            found.append((path, node))
        for key, value in node.items():
            found.extend(_string_schemas(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_string_schemas(value, f"{path}/{i}"))
    return found


# Strings bounded some other way than maxLength in the schema, by the last property name.
BOUNDED_ELSEWHERE = {
    "id": "RecordId：3–64 个字符",
    "batch": "RecordId",
    "region": "RecordId",
    "expert": "RecordId",
    "need": "RecordId",
    "replaced_by": "RecordId",
    "slug": "RecordId",
    "applications": "RecordId 列表",
    "phone": "电话号码格式，定长",
    "email": "≤ 254 个字符（_check_email）",
    "number": "专利号格式，定长",
    "credit_code": "18 位（field.credit-code-length）",
    "period": "YYYY-MM",
    "achievements": "Summary：与 experience 合计 ≤ 1500 字；Expert：Text 列表",
    "experience": "与 achievements 合计 ≤ 1500 字（field.summary-too-long）",
}


def _last_property(path: str) -> str:
    parts = path.split("/")
    return next(parts[i + 1] for i in range(len(parts) - 2, -1, -1) if parts[i] == "properties")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_text_field_has_a_length_limit(kind: str) -> None:
    """A new free-text field without max_length fails here (policy_overrides values aside)."""
    model = KINDS[kind].model
    unbounded = [
        path
        for path, node in _string_schemas(model.model_json_schema(), model.__name__)
        if not {"maxLength", "enum", "const", "pattern", "format"} & set(node)
        and "properties" in path
        and _last_property(path) not in BOUNDED_ELSEWHERE
    ]
    assert not unbounded, unbounded


def test_overlong_email_is_refused(tmp_path: Path) -> None:
    f.full_repo(tmp_path)
    contact = {"name": "王工", "phone": "027-85317029", "email": "a" * 300 + "@example.cn"}
    f.write(tmp_path, NEED_FILE, f.dump(f.record(f.NEED, contact=contact)))
    assert ("field.email", NEED_FILE) in located(run_validate(tmp_path))
