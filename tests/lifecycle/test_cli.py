"""`techvp status` and `techvp funding` as staff run them: a real subprocess of the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.lifecycle.helpers import appointment, batch_repo, report


def techvp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "techvp", *args], capture_output=True, text=True, check=False
    )


def small_repo(root: Path) -> Path:
    pairs = [("li-ming-hust", "laser-weld"), ("wang-fang-whu", "servo-drive")]
    records = [
        appointment("li-ming-hust", "laser-weld"),
        appointment(
            "wang-fang-whu",
            "servo-drive",
            status="not_signed",
            signed_on=None,
            on_duty_on=None,
            not_signed_reason="企业暂停研发。",
        ),
    ]
    late = report("li-ming-hust", "2022-08", submitted_on="2022-08-30")
    return batch_repo(root, pairs, appointment=records, report=[late])


def test_status_counts_by_region_and_lists_what_needs_action(tmp_path: Path) -> None:
    root = small_repo(tmp_path)
    done = techvp("status", "--batch", "wuhan-2022", "--root", str(root), "--now", "2022-11-01")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert (
        lines[0]
        == "批次“wuhan-2022”选派人员状态（截至 2022-11-01；服务期 2022-06-30 至 2024-06-30）"
    )
    assert lines[2].split() == ["地区", "报告逾期", "未签约到岗"]
    assert lines[3].split() == ["江岸区", "1", "1"]
    assert lines[4].split() == ["合计", "1", "1"]
    assert "李明（li-ming-hust）：报告期 2022-10 的服务报告逾期未报送" in done.stdout
    assert "（wang-fang-whu）：未签约到岗，尚未确定替补人选（replaced_by）" in done.stdout
    assert "李明（li-ming-hust）：报告期 2022-08 的服务报告逾期报送" in done.stdout


def test_status_json_is_deterministic_and_complete(tmp_path: Path) -> None:
    root = small_repo(tmp_path)
    args = ("status", "--batch", "wuhan-2022", "--root", str(root), "--now", "2022-11-01")
    first, second = techvp(*args, "--format", "json"), techvp(*args, "--format", "json")
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["totals"]["overdue"] == 1 and data["counts"]["jiangan"]["not_signed"] == 1
    li = data["appointments"][0]
    assert (li["expert"], li["overdue"], li["late"]) == ("li-ming-hust", ["2022-10"], ["2022-08"])


def test_an_unknown_batch_is_a_usage_error(tmp_path: Path) -> None:
    root = small_repo(tmp_path)
    for command in ("status", "funding"):
        done = techvp(command, "--batch", "wuhan-2021", "--root", str(root))
        assert done.returncode == 2
        assert "批次“wuhan-2021”不存在，可选：wuhan-2022" in done.stderr + done.stdout


def test_funding_lists_each_tranche_and_totals(tmp_path: Path) -> None:
    root = small_repo(tmp_path)
    args = ("funding", "--batch", "wuhan-2022", "--root", str(root), "--now", "2022-11-01")
    done = techvp(*args)
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()]
    assert ["江岸区", "li-ming-hust", "李明", "到岗后拨付", "30000", "2022-06-20", "应拨付"] in rows
    assert [
        "江岸区",
        "wang-fang-whu",
        "王芳",
        "到岗后拨付",
        "30000",
        "—",
        "未签约到岗，不拨付",
    ] in rows
    assert done.stdout.endswith(
        "  江岸区：应拨付 30000 元（1 笔），尚未满足条件 20000 元\n"
        "  全批次：应拨付 30000 元（1 笔），尚未满足条件 20000 元\n"
    )
    as_json = json.loads(techvp(*args, "--format", "json").stdout)
    assert as_json["total"] == {"count": 1, "due": "30000", "pending": "20000"}
