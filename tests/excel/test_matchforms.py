"""配额分配表, 推荐对接清单 and 选派名单, read back with openpyxl against the matching's result
and the appointment records they come from."""

from __future__ import annotations

import csv
import shutil
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from techvp.cli import main

ROOT = Path(__file__).resolve().parents[2]
NOW = ["--now", datetime(2022, 3, 1, tzinfo=UTC).isoformat()]
BATCH = "wuhan-2022"


def _export(root: Path, out: Path) -> None:
    args = ["export", "--batch", BATCH, "--root", str(root), "--out", str(out), *NOW]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output


def _rows(path: Path, sheet: str | None = None) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    ws = book[sheet] if sheet else book.worksheets[0]
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def _match_csv(root: Path, out: Path, name: str) -> list[dict[str, str]]:
    args = ["match", "--batch", BATCH, "--root", str(root), "--out", str(out), *NOW]
    assert CliRunner().invoke(main, args).exit_code == 0
    with (out / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_quota_form_is_the_matching_quota_table(tmp_path: Path) -> None:
    _export(ROOT, tmp_path / "x")
    rows = _rows(tmp_path / "x" / "配额分配表.xlsx")
    assert rows[0][0] == "2022年“科技副总”选派名额分配表"
    assert rows[2] == (
        "序号",
        "地区",
        "合格需求数（项）",
        "占全批次需求比例",
        "分配名额（名）",
        "匹配方案已安排（名）",
    )
    body = [r for r in rows[3:] if isinstance(r[0], int)]
    table = _match_csv(ROOT, tmp_path / "m", "quota.csv")
    assert [(r[2], r[4], r[5]) for r in body] == [
        (int(q["needs"]), int(q["quota"]), int(q["assigned"])) for q in table
    ]
    assert sum(r[4] for r in body) == 31  # the batch quota, every place given


def test_recommendations_form_has_one_sheet_per_direction(tmp_path: Path) -> None:
    _export(ROOT, tmp_path / "x")
    path = tmp_path / "x" / "推荐对接清单.xlsx"
    assert openpyxl.load_workbook(path).sheetnames == ["向企业推荐专家", "向专家推送需求"]
    pushed = [r for r in _rows(path, "向企业推荐专家")[3:] if isinstance(r[0], int)]
    table = [r for r in _match_csv(ROOT, tmp_path / "m", "recommendations.csv")]
    for_need = [r for r in table if r["direction"] == "for_need"]
    assert [(r[3], r[7], r[4]) for r in pushed] == [
        (r["need_id"], r["expert_id"], int(r["rank"])) for r in for_need
    ]
    assert all(isinstance(r[8], float | int) for r in pushed)  # 匹配度 is a number


def test_selection_is_the_proposal_until_appointments_exist(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "submissions", root / "submissions")
    for kind in ("appointments", "reports", "assessments"):
        shutil.rmtree(root / "submissions" / kind / BATCH)
    _export(root, tmp_path / "x")
    rows = _rows(tmp_path / "x" / "选派名单.xlsx")
    body = [r for r in rows[3:] if isinstance(r[0], int)]
    pairs = _match_csv(root, tmp_path / "m", "assignments.csv")
    assert len(body) == len(pairs) == 31
    assert {r[6] for r in body} == {"建议（待审定）"}
    assert any("尚未审定" in str(r[0]) for r in rows[3:] if r[0])


def test_selection_lists_the_appointment_records_once_staff_wrote_them(tmp_path: Path) -> None:
    _export(ROOT, tmp_path / "x")
    body = [r for r in _rows(tmp_path / "x" / "选派名单.xlsx")[3:] if isinstance(r[0], int)]
    appointments = sorted((ROOT / "submissions/appointments" / BATCH).glob("*.yaml"))
    assert len(body) == len(appointments)
    assert "建议（待审定）" not in {r[6] for r in body}
    assert "未签约到岗" in {r[6] for r in body}


def test_match_forms_are_byte_identical_across_runs(tmp_path: Path) -> None:
    _export(ROOT, tmp_path / "a")
    _export(ROOT, tmp_path / "b")
    for name in ("配额分配表.xlsx", "推荐对接清单.xlsx", "选派名单.xlsx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
