"""The public relation checks matching will call, the shared rule context, and list parameters.

Relations are tested on records loaded from real files, as the rules see them; the same
functions back `policy.conflict-of-interest` and the age relaxation for named experts.
"""

from __future__ import annotations

from pathlib import Path

from techvp.diagnostics import Location, error
from techvp.messages import render
from techvp.policies import RuleContext, run_rules
from techvp.policies.names import Institutions
from techvp.policies.relations import (
    ExpertDirectory,
    Naming,
    conflict_of_interest,
    named_agreed,
    named_experts,
    refers_to,
)
from techvp.repo import Dataset, load_dataset
from tests.factories import BATCH, EXPERT, NEED, record, write_repo
from tests.policies.scenario import NOW

ALIASES = {"华中科技大学": ["华中科大", "华科"]}


def _load(root: Path, need: dict[str, object], *experts: dict[str, object]) -> Dataset:
    write_repo(root, batch=[record(BATCH, institution_aliases=ALIASES)], need=[need])
    write_repo(root, expert=list(experts) or [EXPERT])
    return load_dataset(root)[0]


def _need(**changes: object) -> dict[str, object]:
    return record(NEED, **changes)


def _affiliated(*names: str) -> dict[str, object]:
    return _need(enterprise={**NEED["enterprise"], "affiliated_institutions": list(names)})


def test_conflict_of_interest_names_the_affiliated_institution_as_written(tmp_path: Path) -> None:
    ds = _load(tmp_path, _affiliated("武汉大学", "华中科大机械学院"))
    inst = Institutions(ALIASES)
    expert, need = ds.experts["li-ming-hust"].record, ds.needs["laser-weld"].record
    assert conflict_of_interest(inst, expert, need) == "华中科大机械学院"
    assert conflict_of_interest(Institutions({}), expert, need) is None  # no alias table


def test_no_conflict_with_another_university(tmp_path: Path) -> None:
    ds = _load(tmp_path, _affiliated("华中师范大学"))
    expert, need = ds.experts["li-ming-hust"].record, ds.needs["laser-weld"].record
    assert conflict_of_interest(Institutions(ALIASES), expert, need) is None


def _preferred(*entries: dict[str, object]) -> dict[str, object]:
    return _need(preferred_experts=list(entries))


def test_named_by_id_by_name_and_institution_alias(tmp_path: Path) -> None:
    other = record(EXPERT, id="li-ming-whu", institution="武汉大学")
    ds = _load(
        tmp_path,
        _preferred(
            {"institution": "华科光电学院", "name": "李 明", "agreed": "是"},  # alias + school
            {"institution": "任意", "name": "任意", "agreed": "否", "expert": "li-ming-whu"},
        ),
        EXPERT,
        other,
    )
    need = ds.needs["laser-weld"].record
    experts = [ds.experts[k].record for k in sorted(ds.experts)]
    inst = Institutions(ALIASES)
    directory = ExpertDirectory(experts)
    assert named_experts(need, directory, inst) == [(Naming("laser-weld", 0), "li-ming-hust")]
    assert named_experts(need, directory, inst, agreed_only=False) == [
        (Naming("laser-weld", 0), "li-ming-hust"),
        (Naming("laser-weld", 1), "li-ming-whu"),
    ]
    assert named_agreed([need], experts, inst) == {"li-ming-hust": [Naming("laser-weld", 0)]}


def test_refers_to_by_id_ignores_the_name(tmp_path: Path) -> None:
    ds = _load(tmp_path, NEED)
    expert = ds.experts["li-ming-hust"].record
    inst = Institutions(ALIASES)
    assert refers_to(expert, inst, expert_id="li-ming-hust", name="王五", institution="某大学")
    assert not refers_to(expert, inst, expert_id="wang-wu", name="李明", institution="华中科技大学")
    assert refers_to(expert, inst, expert_id=None, name="李明", institution="华中科大")
    assert not refers_to(expert, inst, expert_id=None, name="李明", institution="武汉大学")


def test_withdrawn_need_names_nobody(tmp_path: Path) -> None:
    entry = {"institution": "华中科技大学", "name": "李明", "agreed": "是"}
    ds = _load(tmp_path, record(_preferred(entry), withdrawn="是"))
    need = ds.needs["laser-weld"].record
    directory = ExpertDirectory([ds.experts["li-ming-hust"].record])
    assert named_experts(need, directory, Institutions(ALIASES)) == []


def test_context_resolves_policies_once_for_every_rule(tmp_path: Path) -> None:
    ds = _load(tmp_path, _affiliated("华中科技大学"))
    ctx = RuleContext.create(ds, NOW)
    shared = run_rules(ds, ctx)
    assert shared == run_rules(ds, RuleContext(now=NOW))  # the plain form still works
    assert [d.code for d in shared] == ["policy.conflict-of-interest"]
    assert ctx.views is not None
    assert ctx.views.policies is ctx.views.policies  # computed once, then shared
    assert {"policies", "institutions", "namings"} <= set(vars(ctx.views))


def test_list_parameters_are_joined_only_when_shown() -> None:
    diag = error(
        "policy.qualification",
        Location("a.yaml"),
        value=(),
        expected=("高新技术企业", "科技型中小企业"),
    )
    assert diag.params["expected"] == ("高新技术企业", "科技型中小企业")
    assert diag.message == "企业资质为“无”，须至少具备以下之一：高新技术企业、科技型中小企业"
    params = {"value": "x", "batch": "b", "choices": ["a", "b"], "hint": ""}
    assert render("ref.unknown-region", params) == "地区“x”不在批次“b”的地区列表中，可选：a、b"
