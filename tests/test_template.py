"""The blank forms: written from the models, in sync, and usable as shipped.

A clerk copies a form to where the README says, fills only the required fields, and
`techvp validate` is clean; the form's `$schema` line, read from that folder by a real JSON Schema
client, reaches the schema file, which accepts the filled form too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.modelcheck import check_record
from techvp.models import KINDS
from techvp.template import SCHEMA_LINE, render_template
from techvp.yamlio import parse_text
from tests.factories import full_repo
from tests.forms import fill, schema_client
from tests.golden import assert_golden

ROOT = Path(__file__).resolve().parent.parent
NOW = ["--now", "2022-03-01T09:00:00+08:00"]

# What a clerk types into the required fields of each form, by dotted key path, written as
# people write them (numbers and phones unquoted). Each goes where full_repo has that record.
FILLED: dict[str, tuple[str, dict[str, str]]] = {
    "batch": (
        "submissions/batches/wuhan-2022.yaml",
        {
            "id": "wuhan-2022",
            "title": "2022年武汉市选派“科技副总”",
            "policy": "wuhan-2022",
            "reference_date": "2022-03-15",
            "deadlines.needs": "2022-03-15T17:00:00+08:00",
            "deadlines.experts": "2022-04-20T17:00:00+08:00",
            "deadlines.matching": "2022-04-30T17:00:00+08:00",
            "deadlines.selection": "2022-05-30T17:00:00+08:00",
            "deadlines.on_duty": "2022-06-30T17:00:00+08:00",
            "quota": "10",
            "regions.slug": "jiangan",
            "regions.name": "江岸区",
            "regions.code": "420102",
            "funding.per_person": "50000",
            "funding.tranches.amount": "50000",
            "funding.tranches.when": "on_duty",
            "service.min_days_per_month": "7",
            # Optional, but the need already in the repository names one of these industries.
            "industries": "[光电子信息, 高端装备制造]",
        },
    ),
    "need": (
        "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml",
        {
            "id": "laser-weld",
            "batch": "wuhan-2022",
            "region": "jiangan",
            "enterprise.name": "武汉睿光激光科技有限公司",
            "enterprise.industry": "光电子信息",
            "enterprise.employees": "120",
            "enterprise.revenue_last_year": "3200.5",
            "expert_field": "激光焊接",
            "problem": "动力电池极耳激光焊接良品率仅为 92%，需要优化工艺。",
            "contact.name": "王芳",
            "contact.phone": "13912345678",
        },
    ),
    "expert": (
        "submissions/experts/wuhan-2022/li-ming-hust.yaml",
        {
            "id": "li-ming-hust",
            "batch": "wuhan-2022",
            "name": "李明",
            "gender": "男",
            "birth_date": "1985-06-01",
            "institution": "华中科技大学",
            "institution_type": "高校",
            "title": "副教授",
            "title_level": "副高级",
            "degree": "博士",
            "research_fields": "[激光焊接]",
            # Optional in the form, but the batch's policy asks for research output.
            "achievements": "[主持国家自然科学基金项目]",
            "clean_record_3y": "是",
            "contact.phone": "13807100000",
        },
    ),
    "appointment": (
        "submissions/appointments/wuhan-2022/li-ming-hust.yaml",
        {
            "expert": "li-ming-hust",
            "need": "laser-weld",
            "batch": "wuhan-2022",
            "status": "selected",
        },
    ),
    "report": (
        "submissions/reports/wuhan-2022/li-ming-hust/2022-08.yaml",
        {
            "expert": "li-ming-hust",
            "batch": "wuhan-2022",
            "period": "2022-08",
            "days_served": "{2022-07: 8, 2022-08: 7}",
            "activities": "[现场调研焊接产线]",
        },
    ),
    "assessment": (
        "submissions/assessments/wuhan-2022/li-ming-hust.yaml",
        {
            "expert": "li-ming-hust",
            "batch": "wuhan-2022",
            "first_fund_received": "是",
            "funds_used_properly": "是",
            "summary.achievements": "帮助企业提升焊接良品率。",
            "summary.experience": "驻厂调研。",
            "shortcomings": "服务时间受教学任务影响。",
            "enterprise_evaluation.contract_fulfilled": "是",
            "enterprise_evaluation.days_met": "是",
            "enterprise_evaluation.innovation_improved": "是",
            "enterprise_evaluation.economic_benefit": "是",
            "enterprise_evaluation.satisfaction": "满意",
            "enterprise_evaluation.violations": "否",
        },
    ),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_template_is_in_sync(kind: str) -> None:
    path = ROOT / "templates" / f"{kind}.yaml"
    assert_golden(path, render_template(kind))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_form_with_only_its_required_fields_filled_validates_clean(
    tmp_path: Path, kind: str
) -> None:
    root = full_repo(tmp_path)
    shutil.copytree(ROOT / "schemas", root / "schemas")
    rel, values = FILLED[kind]
    form = (ROOT / "templates" / f"{kind}.yaml").read_text(encoding="utf-8")
    target = root / rel
    target.write_text(fill(form, values), encoding="utf-8")

    result = CliRunner().invoke(main, ["validate", "--root", str(root), *NOW])
    assert result.exit_code == 0, result.output
    assert "0 个错误" in result.output

    # The $schema line, resolved from the folder the form now sits in, as an editor does.
    schema = target.read_text(encoding="utf-8").split("\n", 1)[0].removeprefix(SCHEMA_LINE)
    assert (target.parent / schema).resolve() == (root / "schemas" / f"{kind}.schema.json")
    checked = schema_client("--schemafile", schema, target.name, cwd=target.parent)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_names_every_field_and_only_real_ones(kind: str) -> None:
    text = render_template(kind)
    doc = parse_text(text, f"{kind}.yaml")
    assert doc.diagnostics == []
    assert set(doc.data) == set(KINDS[kind].model.model_fields)
    _, problems = check_record(KINDS[kind].model, doc)
    assert [d for d in problems if d.code == "field.unknown"] == []


def test_template_comments_carry_titles_requirement_choices_and_defaults() -> None:
    text = render_template("expert")
    assert "# 出生日期（必填，不公开）：用于按批次基准日计算年龄；不公开\nbirth_date:\n" in text
    assert "#   可选：博士 / 硕士 / 学士 / 其他\ndegree:\n" in text
    assert "# 近3年内无不良记录（必填，不公开）\n#   可选：是 / 否\nclean_record_3y:\n" in text
    assert "#   不填即为“否”\nrenewal_proof:\n" in text


def test_an_optional_structure_is_commented_out_and_uncomments_into_a_valid_item() -> None:
    text = render_template("need")
    head = "preferred_experts:\n#    # 期望专家所在单位（必填，不公开）\n#  - institution:\n"
    assert head in text
    # Deleting the first “#” of each of those lines gives a list item to fill in.
    lines = text.split("\n")
    start = lines.index("preferred_experts:") + 1
    block = [line[1:] for line in lines[start:] if line.startswith("#  ")][:9]
    doc = parse_text("preferred_experts:\n" + "\n".join(block) + "\n", "need.yaml")
    assert doc.diagnostics == []
    assert doc.data == {
        "preferred_experts": [{"institution": None, "name": None, "agreed": None, "expert": None}]
    }
