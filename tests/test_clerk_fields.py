"""Fields a clerk types by hand (yes/no answers, credit code), as `techvp validate` shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from techvp.cli import main
from tests.factories import credit_code, full_repo

NOW = ["--now", "2022-03-01T09:00:00+08:00"]
EXPERT_FILE = "submissions/experts/wuhan-2022/li-ming-hust.yaml"
NEED_FILE = "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml"


def validate(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", "--root", str(root), *NOW])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


def edit(root: Path, rel: str, key: str, value: str) -> None:
    """Retype one `key: value` line of a record, as a clerk does in an editor."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"{key}:"))
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = f"{indent}{key}: {value}"
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("word", ["无", "有", "没有", "1", "0", "yes", "no", "y", "n", "√", "on"])
def test_an_unclear_yes_no_answer_is_refused_not_guessed(tmp_path: Path, word: str) -> None:
    root = full_repo(tmp_path)
    edit(root, EXPERT_FILE, "clean_record_3y", word)
    code, out = validate(root)
    assert code == 1
    assert (
        f"“近3年内无不良记录”（clean_record_3y）只能填写“是”或“否”（也可写 true / false）；"
        f"“{word}”的意思不明确，请改为“是”或“否”"
    ) in out
    assert "不合格" not in out


@pytest.mark.parametrize(
    ("word", "clean"),
    [
        *[("是", True), ("true", True), ("True", True), ("'true'", True)],
        *[("否", False), ("false", False), ("FALSE", False)],
    ],
)
def test_clear_yes_no_answers_keep_their_meaning(tmp_path: Path, word: str, clean: bool) -> None:
    root = full_repo(tmp_path)
    edit(root, EXPERT_FILE, "clean_record_3y", word)
    code, out = validate(root)
    assert "(field." not in out
    assert (code, "(policy.clean-record)" in out) == ((0, False) if clean else (1, True))


def _with_typo_in_region_digits() -> str:
    good = credit_code()  # 91 420102 …: a typo turns 420102 into 420103
    return good[:7] + "3" + good[8:]


def test_a_mistyped_credit_code_never_suggests_a_check_character(tmp_path: Path) -> None:
    root = full_repo(tmp_path)
    typo = _with_typo_in_region_digits()
    edit(root, NEED_FILE, "credit_code", typo)
    code, out = validate(root)
    assert code == 1
    assert (
        f"“统一社会信用代码”（enterprise.credit_code）“{typo}”未通过校验（GB 32100-2015），"
        "很可能有字符输错，请对照营业执照逐位核对"
    ) in out
    assert "第 18 位" not in out and "应为" not in out


def test_a_lower_case_credit_code_is_read_as_upper_case(tmp_path: Path) -> None:
    root = full_repo(tmp_path)
    edit(root, NEED_FILE, "credit_code", credit_code().lower())
    code, out = validate(root)
    assert code == 0, out


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("expert_field", "“期望专家研究领域”（expert_field）"),
        ("employees", "“企业从业人数（名）”（enterprise.employees）"),
        ("phone", "“联系电话”（contact.phone）"),
    ],
)
def test_a_required_field_left_blank_says_it_is_required(
    tmp_path: Path, key: str, label: str
) -> None:
    root = full_repo(tmp_path)
    edit(root, NEED_FILE, key, "")
    code, out = validate(root)
    assert code == 1
    assert f"{label}是必填项，不能留空" in out
    assert "空值" not in out


def test_revenue_with_too_many_decimals_names_the_field_and_the_value(tmp_path: Path) -> None:
    root = full_repo(tmp_path)
    edit(root, NEED_FILE, "revenue_last_year", "3200.123456")
    code, out = validate(root)
    assert code == 1
    assert "小数位数过多或数值过大：“3200.123456”" in out
    assert "(field.decimals)" in out


def test_a_mistyped_patent_number_is_not_answered_with_a_check_digit(tmp_path: Path) -> None:
    """Like the credit code: naming the 'right' check digit invites changing it, not the typo."""
    root = full_repo(tmp_path)
    edit(root, EXPERT_FILE, "- number", "ZL202110123457.7")  # one digit mistyped
    code, out = validate(root)
    assert code == 1
    assert "“ZL202110123457.7”未通过专利申请号校验，很可能有数字输错" in out
    assert "应为" not in out


def test_a_number_with_thousands_of_digits_gets_a_chinese_range_message(tmp_path: Path) -> None:
    root = full_repo(tmp_path)
    edit(root, NEED_FILE, "employees", "9" * 5000)
    code, out = validate(root)
    assert code == 1
    assert "(field.range)" in out and "是位数合理的整数" in out
    assert "Unable to parse" not in out
