"""A reference must stay inside its batch: applying to another batch's need is an error."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import codes, run_validate
from tests.factories import BATCH, EXPERT, NEED, record, write_repo


def test_an_application_to_a_need_of_another_batch(tmp_path: Path) -> None:
    later = record(BATCH, id="wuhan-2023", title="2023年武汉市选派“科技副总”服务中小微企业")
    expert = record(EXPERT, batch="wuhan-2023")
    write_repo(tmp_path, batch=[BATCH, later], need=[NEED], expert=[expert])
    findings = run_validate(tmp_path)
    assert codes(findings) == [
        ("ref.other-batch", "submissions/experts/wuhan-2023/li-ming-hust.yaml", 23)
    ]
    [diag] = findings
    assert diag.location.field == "applications[0]"
    assert "“laser-weld”属于批次“wuhan-2022”，与本记录的批次“wuhan-2023”不一致" in diag.message
