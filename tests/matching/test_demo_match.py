"""Matching the shipped demo batch, as staff run it: `techvp match` and `techvp build`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from techvp.build import BuildResult, build, run
from techvp.cli import main
from techvp.matching.files import FILES
from techvp.matching.records import MatchResult
from techvp.matching.result import match_batch
from techvp.policies.relations import conflict_of_interest
from tests.conftest import DEFAULT_NOW

ROOT = Path(__file__).resolve().parents[2]
BATCH = "wuhan-2022"
NOW = ["--now", "2022-03-01T09:00:00+08:00"]


@pytest.fixture(scope="module")
def loaded() -> BuildResult:
    return run(ROOT, DEFAULT_NOW)


@pytest.fixture(scope="module")
def proposal(loaded: BuildResult) -> MatchResult:
    return match_batch(loaded.views, loaded.eligibility(BATCH), BATCH)


def test_places_per_region_equal_the_quota_table(proposal: MatchResult) -> None:
    assert sum(r.quota for r in proposal.quota) == proposal.quota_total == 31
    assert [r.assigned for r in proposal.quota] == [r.quota for r in proposal.quota]
    assert len(proposal.assignments) == 31


def test_every_rule_holds(loaded: BuildResult, proposal: MatchResult) -> None:
    ds, views = loaded.dataset, loaded.views
    rows = {r.id: r for r in loaded.eligibility(BATCH)}
    experts = [a.expert_id for a in proposal.assignments]
    assert len(experts) == len(set(experts))
    per_need: dict[str, int] = {}
    for a in proposal.assignments:
        need, expert = ds.needs[a.need_id].record, ds.experts[a.expert_id].record
        per_need[a.need_id] = per_need.get(a.need_id, 0) + 1
        assert rows[a.need_id].verdict != "not_eligible"
        assert rows[a.expert_id].verdict != "not_eligible"
        assert conflict_of_interest(views.institutions[BATCH], expert, need) is None
        assert a.applied or a.named  # the batch does not opt in to recommended pairs
        assert a.applied == (a.need_id in expert.applications)
    assert all(n <= ds.needs[k].record.capacity for k, n in per_need.items())


def test_named_and_agreed_pairs_are_placed(loaded: BuildResult, proposal: MatchResult) -> None:
    """Each need that named experts (agreed) gets one of them; a named expert left out is
    explained by the need's capacity, already filled by another expert it named."""
    placed = {(a.need_id, a.expert_id) for a in proposal.assignments}
    named: dict[str, set[str]] = {}
    for expert_id, namings in loaded.views.namings.items():
        for naming in namings:
            named.setdefault(naming.need, set()).add(expert_id)
    assert len(named) == 10 and proposal.named_total == 11
    for need_id, experts in named.items():
        got = {e for n, e in placed if n == need_id}
        capacity = loaded.dataset.needs[need_id].record.capacity
        assert len(got & experts) == min(capacity, len(experts)), need_id
    assert proposal.named_honoured == 10


def test_unmatched_needs_have_chinese_reasons(proposal: MatchResult) -> None:
    served = {a.need_id for a in proposal.assignments}
    assert {u.need_id for u in proposal.unmatched} | served == {
        r.need_id for r in proposal.recommendations
    }
    assert proposal.unmatched_by_reason() == {"no_applicant": 3, "region_full": 18}
    assert all("名额已满" in u.reason_text for u in proposal.unmatched if u.reason == "region_full")


def test_recommendations_both_ways(proposal: MatchResult) -> None:
    for_need = [r for r in proposal.recommendations if r.direction == "for_need"]
    for_expert = [r for r in proposal.recommendations if r.direction == "for_expert"]
    assert len(for_need) == 52 * 5 and len(for_expert) == 64 * 5
    assert [r.rank for r in for_need[:5]] == [1, 2, 3, 4, 5]
    assert all(r.matched_terms for r in for_need if r.rank == 1)
    scores = [r.score for r in for_need[:5]]
    assert scores == sorted(scores, reverse=True)


def _match(out: Path, *extra: str, root: Path = ROOT) -> str:
    args = ["match", "--batch", BATCH, "--root", str(root), "--out", str(out), *NOW, *extra]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_command_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    printed = _match(tmp_path / "a")
    _match(tmp_path / "b")
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert "名额 31 个，安排 31 人" in printed and "10 / 11 对已安排" in printed
    headers = {
        "quota.csv": "region,needs,share,quota,assigned",
        "assignments.csv": "need_id,expert_id,score,text,field,applied,named,matched_terms",
        "unmatched.csv": "need_id,reason",
        "recommendations.csv": "direction,need_id,expert_id,rank,score,matched_terms",
    }
    for name, header in headers.items():
        raw = (tmp_path / "a" / name).read_bytes()
        assert raw.startswith("\ufeff".encode()) and raw.decode("utf-8-sig").startswith(header)


def test_write_appointments_once(tmp_path: Path) -> None:
    """Without appointment records, the proposal becomes `selected` records that validate;
    a second run writes none."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "submissions", root / "submissions")
    for kind in ("appointments", "reports", "assessments"):
        shutil.rmtree(root / "submissions" / kind / BATCH)
    assert "已写入 31 条选派记录" in _match(tmp_path / "out", "--write-appointments", root=root)
    files = sorted((root / "submissions/appointments" / BATCH).glob("*.yaml"))
    assert len(files) == 31 and "status: selected" in files[0].read_text(encoding="utf-8")
    assert run(root, DEFAULT_NOW).findings.ok
    assert "已写入 0 条选派记录" in _match(tmp_path / "out", "--write-appointments", root=root)


def test_build_writes_each_batch_proposal(tmp_path: Path) -> None:
    _, ran = build(ROOT, DEFAULT_NOW, out_dir=tmp_path)
    assert "match" in ran
    for name in FILES:
        assert (tmp_path / "match" / BATCH / name).is_file()
