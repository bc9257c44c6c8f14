"""The committed issue forms: generated from the models and the shipped batch (stale → fail),
valid for GitHub (check-jsonschema's vendored issue-form schema and the rules GitHub adds), and
read back exactly: a body built from each form yields each field of the record."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from techvp.issueform.render import FOLDER, forms_text
from techvp.issueform.spec import build_form
from techvp.issueform.submit import from_issue
from tests.conftest import DEFAULT_NOW
from tests.factories import BATCH, NEED, write_repo
from tests.golden import assert_golden

REPO = Path(__file__).resolve().parents[2]
FORMS = sorted((REPO / FOLDER).glob("*.yml"))
ISSUE_FORMS = [p for p in FORMS if p.name != "config.yml"]


def test_committed_forms_are_generated_from_the_models_and_the_batch() -> None:
    files = forms_text(REPO, None)
    assert sorted(files) == [f"{FOLDER}/expert.yml", f"{FOLDER}/need.yml"]
    for rel, text in files.items():
        assert_golden(REPO / rel, text)


def test_forms_pass_githubs_issue_form_schema() -> None:
    done = subprocess.run(
        [
            sys.executable, "-m", "check_jsonschema",
            "--builtin-schema", "vendor.github-issue-forms", *map(str, ISSUE_FORMS),
        ],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    config = REPO / FOLDER / "config.yml"
    done = subprocess.run(
        [
            sys.executable, "-m", "check_jsonschema",
            "--builtin-schema", "vendor.github-issue-config", str(config),
        ],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_forms_keep_githubs_other_rules(path: Path) -> None:
    """What GitHub checks beyond the schema: ids and labels unique, options unique and never
    the reserved "None", a known body type; and what techvp promises: no ID-card or bank field,
    internal fields marked, every label short enough to read as a heading."""
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [i for i in form["body"] if i["type"] != "markdown"]
    assert {i["type"] for i in items} <= {"input", "textarea", "dropdown", "checkboxes"}
    ids = [i["id"] for i in items]
    labels = [i["attributes"]["label"] for i in items]
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)
    assert all(len(label) <= 60 for label in labels)
    for item in items:
        options = item["attributes"].get("options", [])
        names = [o["label"] if isinstance(o, dict) else o for o in options]
        assert len(set(names)) == len(names)
        assert all(str(n).strip().lower() != "none" for n in names)
    assert not any(word in "".join(labels) for word in ("身份证", "银行", "卡号"))
    assert (
        "（不公开）" in "".join(labels)
        and "不会出现在公开网站上" in form["body"][0]["attributes"]["value"]
    )
    assert form["labels"][0] == "submission"


# For each answer typed into a field: the text typed and the value the record must hold.
TYPED: dict[str, tuple[str, Any]] = {
    "enterprise-name": ("武汉测试精工有限公司", "武汉测试精工有限公司"),
    "enterprise-credit-code": (
        NEED["enterprise"]["credit_code"],
        NEED["enterprise"]["credit_code"],
    ),
    "enterprise-employees": ("约１２０人", 120),
    "enterprise-revenue-last-year": ("8500万元", 8500),
    "enterprise-affiliated-institutions": ("华中科技大学\n武汉大学", ["华中科技大学", "武汉大学"]),
    "expert-field": ("精密测量", "精密测量"),
    "problem": (
        "测量精度不足，需要专家帮助提升到微米级。",
        "测量精度不足，需要专家帮助提升到微米级。",
    ),
    "cooperation": ("共建实验室", "共建实验室"),
    "intended-amount": ("30万元", 30),
    "capacity": ("2", 2),
    "preferred-experts-1-institution": ("华中科技大学", "华中科技大学"),
    "preferred-experts-1-name": ("李明", "李明"),
    "preferred-experts-1-expert": ("li-ming-hust", "li-ming-hust"),
    "preferred-experts-2-institution": ("武汉大学", "武汉大学"),
    "preferred-experts-2-name": ("张三", "张三"),
    "preferred-experts-2-expert": ("zhang-san-whu", "zhang-san-whu"),
    "contact-name": ("王工", "王工"),
    "contact-phone": ("027-85317029", "027-85317029"),
    "contact-email": ("wang@example.cn", "wang@example.cn"),
    "name": ("王芳", "王芳"),
    "birth-date": ("1983年7月9日", date(1983, 7, 9)),
    "institution": ("武汉理工大学", "武汉理工大学"),
    "department": ("材料学院", "材料学院"),
    "title": ("教授", "教授"),
    "position": ("系主任", "系主任"),
    "research-fields": ("先进陶瓷、热障涂层", ["先进陶瓷", "热障涂层"]),
    "achievements": ("获省科技进步奖", ["获省科技进步奖"]),
    "patents": (
        "ZL202110123456.7 一种激光焊接方法 发明",
        [{"number": "ZL202110123456.7", "title": "一种激光焊接方法", "kind": "发明"}],
    ),
    "contract-end": ("2030/6/30", date(2030, 6, 30)),
    "previous-term-batch": ("2020年湖北省第一批", "2020年湖北省第一批"),
    "applications": ("laser-weld\nanother-need", ["laser-weld", "another-need"]),
    "political-status": ("群众", "群众"),
    "summary": ("长期从事陶瓷研究。", "长期从事陶瓷研究。"),
}


def _answer(item: dict[str, Any]) -> tuple[str, Any]:
    """The answer GitHub writes for an item, and the value the record must hold."""
    attributes = item["attributes"]
    if item["type"] == "dropdown":
        return attributes["options"][-1], None  # the value: the option's, from the form spec
    if item["type"] == "checkboxes":
        options = [o["label"] for o in attributes["options"]]
        ticks = [
            f"- [{'X' if i in (0, len(options) - 1) else ' '}] {o}" for i, o in enumerate(options)
        ]
        return "\n".join(ticks), None
    return TYPED[item["id"]]


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@pytest.mark.parametrize("name", ["need", "expert"])
def test_every_field_of_the_form_reaches_its_record_field(tmp_path: Path, name: str) -> None:
    root = write_repo(tmp_path, batch=[BATCH])
    files = forms_text(root, None)
    document = yaml.safe_load(files[f"{FOLDER}/{name}.yml"])
    form = build_form(name, yaml_batch(root), None)
    by_id = {e.id: e for e in form.elements}
    sections, expected = [], {}
    for item in document["body"]:
        if item["type"] == "markdown":
            continue
        answer, value = _answer(item)
        sections.append(f"### {item['attributes']['label']}\n\n{answer}\n")
        if item["id"] in by_id:
            element = by_id[item["id"]]
            if value is None and element.widget == "dropdown":
                value = element.values[-1]
            elif value is None:
                value = [element.values[0], element.values[-1]]
            expected[element.path] = value
    outcome = from_issue(root, name, "\n".join(sections), "body.md", DEFAULT_NOW)
    assert outcome.path is not None, [p.diagnostic.message for p in outcome.problems]
    data = yaml.safe_load((root / outcome.path).read_text(encoding="utf-8"))
    assert set(expected) == {e.path for e in form.elements}
    for path, value in expected.items():
        if path == ("batch",):
            value = BATCH["id"]
        assert _at(data, path) == value, path


def yaml_batch(root: Path) -> Any:
    from techvp.validate import load

    dataset, _ = load(root)
    return dataset.batches[BATCH["id"]].record


def test_techvp_forms_writes_the_forms_and_a_policy_makes_fields_required(tmp_path: Path) -> None:
    # special-action-2020 requires the credit code and the category, which the model leaves
    # optional: the form asks for them as required.
    root = write_repo(tmp_path, batch=[dict(BATCH, policy="special-action-2020")])
    done = subprocess.run(
        [sys.executable, "-m", "techvp", "forms", "--root", str(root)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    need = yaml.safe_load((root / FOLDER / "need.yml").read_text(encoding="utf-8"))
    required = {i["id"]: i["validations"]["required"] for i in need["body"] if "validations" in i}
    assert required["enterprise-credit-code"] and required["category"]
    assert required["enterprise-name"] and not required["cooperation"]
    assert (root / FOLDER / "expert.yml").is_file()
    done = subprocess.run(
        [sys.executable, "-m", "techvp", "forms", "--root", str(root), "--batch", "nope"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "nope" in done.stderr


def test_without_batch_the_forms_are_for_the_latest_round(tmp_path: Path) -> None:
    later = dict(
        BATCH, id="wuhan-2023", title="2023年武汉市选派“科技副总”", reference_date="2023-03-15"
    )
    root = write_repo(tmp_path, batch=[later, BATCH])
    need = yaml.safe_load(forms_text(root, None)[f"{FOLDER}/need.yml"])
    assert need["body"][1]["attributes"]["options"] == ["2023年武汉市选派“科技副总”（wuhan-2023）"]
