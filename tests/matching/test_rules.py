"""Which pairs matching may propose, and why a need is left out, on small written repos."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from techvp.build import run
from techvp.matching.records import MatchResult
from techvp.matching.result import match_batch
from tests.conftest import DEFAULT_NOW
from tests.factories import BATCH, EXPERT, NEED, record, write_repo


def _match(
    tmp_path: Path, batch: dict[str, Any], needs: list[Any], experts: list[Any]
) -> MatchResult:
    write_repo(tmp_path, batch=[batch], need=needs, expert=experts)
    result = run(tmp_path, DEFAULT_NOW)
    assert result.findings.ok, [d.code for d in result.findings]
    return match_batch(result.views, result.eligibility("wuhan-2022"), "wuhan-2022")


def _reasons(result: MatchResult) -> dict[str, str]:
    return {u.need_id: u.reason for u in result.unmatched}


def test_conflict_of_interest_is_never_proposed(tmp_path: Path) -> None:
    enterprise = {**NEED["enterprise"], "affiliated_institutions": ["华中科大"]}
    batch = record(BATCH, institution_aliases={"华中科技大学": ["华中科大"]})
    result = _match(tmp_path, batch, [record(NEED, enterprise=enterprise)], [EXPERT])
    assert result.assignments == ()
    assert _reasons(result) == {"laser-weld": "only_conflicted"}


def test_withdrawn_and_unapplied_needs(tmp_path: Path) -> None:
    gone = record(NEED, id="gone", withdrawn="是")
    alone = record(NEED, id="alone")
    expert = record(EXPERT, applications=["laser-weld", "gone"])
    result = _match(tmp_path, BATCH, [NEED, gone, alone], [expert])
    assert [(a.need_id, a.expert_id) for a in result.assignments] == [
        ("laser-weld", "li-ming-hust")
    ]
    assert _reasons(result) == {"gone": "ineligible", "alone": "no_applicant"}
    assert [(r.region, r.needs, r.quota, r.assigned) for r in result.quota] == [
        ("jiangan", 2, 2, 1),
        ("donghu-gaoxin", 0, 0, 0),
    ]


def test_applicants_placed_elsewhere_and_region_full(tmp_path: Path) -> None:
    # One expert applied to two needs: one need is left, its applicant placed elsewhere.
    other = record(NEED, id="other")
    result = _match(
        tmp_path, BATCH, [NEED, other], [record(EXPERT, applications=["laser-weld", "other"])]
    )
    assert len(result.assignments) == 1
    assert set(_reasons(result).values()) == {"placed_elsewhere"}
    # Quota 1 for two needs, two applicants: the region is full.
    second = record(
        EXPERT, id="zhao-lei-whu", name="赵磊", institution="武汉大学", applications=["other"]
    )
    result = _match(tmp_path / "q", record(BATCH, quota="1"), [NEED, other], [EXPERT, second])
    assert len(result.assignments) == 1
    assert set(_reasons(result).values()) == {"region_full"}


def test_recommended_pairs_only_when_the_batch_opts_in(tmp_path: Path) -> None:
    idle = record(EXPERT, applications=[])
    assert _match(tmp_path / "a", BATCH, [NEED], [idle]).assignments == ()
    batch = record(BATCH, policy_overrides={"match_recommended_min": "0.05"})
    result = _match(tmp_path / "b", batch, [NEED], [idle])
    assert [(a.need_id, a.applied, a.named) for a in result.assignments] == [
        ("laser-weld", False, False)
    ]
    strict = record(BATCH, policy_overrides={"match_recommended_min": "1"})
    assert _match(tmp_path / "c", strict, [NEED], [idle]).assignments == ()


def test_command_refuses_records_with_errors_and_unknown_batches(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from techvp.cli import main

    write_repo(tmp_path, batch=[BATCH], need=[record(NEED, capacity="0")], expert=[EXPERT])
    args = ["match", "--root", str(tmp_path), "--out", str(tmp_path / "out")]
    now = ["--now", "2022-03-01T09:00:00+08:00"]
    refused = CliRunner().invoke(main, [*args, "--batch", "wuhan-2022", *now])
    assert refused.exit_code == 1 and "记录有错误，未进行匹配" in refused.output
    assert not (tmp_path / "out").exists()
    unknown = CliRunner().invoke(main, [*args, "--batch", "nowhere", *now])
    assert unknown.exit_code == 2 and "nowhere" in unknown.output


def test_batches_without_needs_or_experts(tmp_path: Path) -> None:
    empty = _match(tmp_path / "a", BATCH, [], [])
    assert (empty.assignments, empty.unmatched, empty.recommendations) == ((), (), ())
    assert [r.quota for r in empty.quota] == [0, 0]
    alone = _match(tmp_path / "b", BATCH, [NEED], [])
    assert _reasons(alone) == {"laser-weld": "no_applicant"} and alone.recommendations == ()
