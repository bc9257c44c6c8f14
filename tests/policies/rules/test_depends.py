"""A finding that rests on another record says so when that record is broken (issue 8, 14).

As the user met it: need N names expert E (agreed), E is over the age limit, so E's file shows a
`policy.age-relaxed` warning. Then someone breaks N's file. E's file is untouched, so its finding
must not turn into a plain `policy.age` error; it says the relaxation waits on N, and where N is.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_validate
from tests.factories import BATCH, EXPERT, NEED, record, write_repo
from tests.policies.scenario import EXPERT_FILE, NEED_FILE, found, line_of, only

NAMED = {"institution": "华中科技大学", "name": "李明", "agreed": "是"}
OVER_AGE = record(EXPERT, birth_date="1975-01-01", applications=[])  # 47; wuhan-2022 limit 45


def _repo(root: Path, need: dict[str, object]) -> None:
    write_repo(root, batch=[BATCH], need=[need], expert=[OVER_AGE])


def _break(root: Path, old: str, new: str) -> None:
    path = root / NEED_FILE
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_breaking_the_naming_need_does_not_turn_the_warning_into_an_error(tmp_path: Path) -> None:
    _repo(tmp_path, record(NEED, preferred_experts=[NAMED]))
    before = run_validate(tmp_path)
    line = line_of(tmp_path, EXPERT_FILE, "birth_date")
    assert found(before) == [("policy.age-relaxed", "warning", EXPERT_FILE, line)]

    _break(tmp_path, "employees: '120'", "employees: 约120人")  # the need no longer loads
    after = run_validate(tmp_path)
    on_expert = [d for d in after if d.location.file == EXPERT_FILE]
    assert [(d.code, d.severity.value, d.location.line) for d in on_expert] == [
        ("policy.age-unconfirmed", "warning", line)
    ]
    assert on_expert[0].message == (
        "年龄 47 岁，超过 45 岁上限（按基准日 2022-03-15 计算）；"
        f"依据的需求“laser-weld”指定了该专家，但该需求本身有错误（{NEED_FILE}），"
        "放宽条件暂无法确认，请先修正该需求"
        "（武汉市经信局2022年选派“科技副总”通知 二；鄂经信科技〔2020〕73号 二(三)）"
    )
    assert not after.ok  # the broken need itself still blocks the merge


def test_an_unreadable_need_the_expert_applied_to_is_named_too(tmp_path: Path) -> None:
    _repo(tmp_path, record(NEED, preferred_experts=[NAMED]))
    write_repo(tmp_path, expert=[record(OVER_AGE, applications=["laser-weld"])])
    _break(tmp_path, "id: laser-weld", "id: [laser-weld")  # the YAML no longer parses
    diag = only(run_validate(tmp_path), "policy.age-unconfirmed")
    assert diag.location.file == EXPERT_FILE and NEED_FILE in diag.message


def test_a_broken_need_that_named_someone_else_changes_nothing(tmp_path: Path) -> None:
    other = {"institution": "武汉大学", "name": "王五", "agreed": "是"}
    _repo(tmp_path, record(NEED, preferred_experts=[other]))
    _break(tmp_path, "employees: '120'", "employees: 约120人")
    assert only(run_validate(tmp_path), "policy.age").location.file == EXPERT_FILE


def test_a_broken_need_that_did_not_agree_changes_nothing(tmp_path: Path) -> None:
    _repo(tmp_path, record(NEED, preferred_experts=[{**NAMED, "agreed": "否"}]))
    _break(tmp_path, "employees: '120'", "employees: 约120人")
    assert only(run_validate(tmp_path), "policy.age").location.file == EXPERT_FILE
