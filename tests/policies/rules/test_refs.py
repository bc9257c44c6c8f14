"""References a clerk mistypes: a need id in `applications`, a region written by its name."""

from __future__ import annotations

from pathlib import Path

from techvp.policies.rules.refs import closest
from tests.conftest import run_validate
from tests.factories import BATCH, EXPERT, NEED, record, write_repo
from tests.policies.scenario import EXPERT_FILE, NEED_FILE, line_of, only

OTHER_BATCH = record(BATCH, id="hubei-2020", policy="hubei-2020")


def test_a_shortened_need_id_suggests_the_need(tmp_path: Path) -> None:
    write_repo(
        tmp_path, batch=[BATCH], need=[NEED], expert=[record(EXPERT, applications=["laser"])]
    )
    diag = only(run_validate(tmp_path), "ref.unknown-need")
    assert (diag.location.file, diag.location.line) == (
        EXPERT_FILE,
        line_of(tmp_path, EXPERT_FILE, "applications") + 1,
    )
    assert diag.message == "需求“laser”不存在，您是不是想写“laser-weld”？"


def test_a_typo_suggests_the_need_of_the_same_batch(tmp_path: Path) -> None:
    # Another batch holds a need whose id is as close; the expert's own batch wins.
    elsewhere = record(NEED, id="laser-wells", batch="hubei-2020")
    expert = record(EXPERT, applications=["laser-welt"])
    write_repo(tmp_path, batch=[BATCH, OTHER_BATCH], need=[NEED, elsewhere], expert=[expert])
    diag = only(run_validate(tmp_path), "ref.unknown-need")
    assert diag.message == "需求“laser-welt”不存在，您是不是想写“laser-weld”？"


def test_closest_needs_a_real_resemblance() -> None:
    assert closest("laser", ["laser-weld", "motor-coil"]) == "laser-weld"
    assert closest("las", ["laser-weld", "laser-cut"]) is None  # two ids begin so
    assert closest("motor-coil", ["laser-weld"]) is None


def test_region_written_by_its_name_suggests_the_slug(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH], need=[NEED], expert=[EXPERT])
    path = tmp_path / NEED_FILE
    path.write_text(path.read_text("utf-8").replace("region: jiangan", "region: 江岸区"), "utf-8")
    findings = run_validate(tmp_path)
    diag = only(findings, "ref.region-name")
    assert (diag.location.file, diag.location.line) == (
        NEED_FILE,
        line_of(tmp_path, NEED_FILE, "region"),
    )
    assert diag.message == (
        "地区应填写地区编号而不是名称：“江岸区”是批次“wuhan-2022”中地区江岸区，"
        "请改为 region: jiangan"
    )


def test_unknown_region_slug_suggests_the_closest(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH], need=[record(NEED, region="jiangann")], expert=[EXPERT])
    diag = only(run_validate(tmp_path), "ref.unknown-region")
    assert diag.message == (
        "地区“jiangann”不在批次“wuhan-2022”的地区列表中，可选：jiangan、donghu-gaoxin，"
        "您是不是想写“jiangan”？"
    )
