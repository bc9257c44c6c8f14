"""Every word the `techvp` command prints is Chinese, click's own words included."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.messages import cli as text
from tests.factories import full_repo

# What click says in English when left alone.
ENGLISH = re.compile(
    r"Usage:|Options:|Commands:|Positional arguments|Show this message|Error:|Invalid value|"
    r"Missing (option|argument|parameter)|No such (option|command)|Try '|for help|default:|"
    r"\brequired\b|is not one of|Got unexpected|does not take|requires an argument|"
    r"is not in the range|is not a valid|Did you mean|OPTIONS|COMMAND|ARGS|TEXT|INTEGER"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


@pytest.mark.parametrize("command", [[], *([name] for name in sorted(main.commands))])
def test_help_of_every_command_is_chinese(command: list[str]) -> None:
    code, out = run(*command, "--help")
    assert code == 0
    assert ENGLISH.search(out) is None, out
    assert out.startswith(f"用法：{' '.join(['techvp', *command])} [选项]")
    assert "选项：" in out and "-h, --help" in out and "显示本帮助并退出。" in out


def test_the_command_list_is_whole_sentences() -> None:
    code, out = run("--help")
    assert code == 0 and "命令：" in out
    assert [line for line in out.splitlines()[1:] if line.endswith("...")] == []
    for name, short in text.SHORT_HELP.items():
        assert re.search(rf"^  {re.escape(name)} +{re.escape(short)}$", out, re.M), name


USAGE_ERRORS = [
    (["validate", "--format", "xml"], "'--format' 的值无效：“xml”不是以下之一：'github', 'json'"),
    (["eligibility"], "缺少选项 '--batch'"),
    (["build", "--nope"], "没有选项“--nope”。 是否应为 '--now'？"),
    (["validate", "--fromat", "json"], "（是否应为以下之一：'--format', '--root'？）"),
    (["scan-diff"], "缺少参数 'REF'"),
    (["valdate"], "没有命令“valdate”。 是否应为 'validate'？"),
    (["validate", "--root"], "选项“--root”需要一个值。"),
    (["validate", "extra"], "多余的参数（extra）"),
    (["demo", "--out", "x", "--needs", "0"], "'--needs' 的值无效：0 不在范围 x>=1 内。"),
    (["demo", "--out", "x", "--seed", "abc"], "“abc”不是有效的数字。"),
    (["validate", "--now", "yesterday"], "无法识别的时间“yesterday”"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE_ERRORS)
def test_usage_errors_are_chinese(args: list[str], expected: str, tmp_path: Path) -> None:
    code, out = run(
        *args, *(["--root", str(full_repo(tmp_path))] if args[-1] == "yesterday" else [])
    )
    assert code == 2
    assert ENGLISH.search(out) is None, out
    assert "错误：" in out
    assert expected in out, out


def test_a_usage_error_shows_usage_and_where_to_find_help() -> None:
    code, out = run("validate", "--format", "xml")
    assert code == 2
    assert out.splitlines()[:2] == [
        "用法：techvp validate [选项]",
        "运行“techvp validate --help”查看帮助。",
    ]


def test_click_is_left_as_it_was() -> None:
    """Other programs in the same process still get click's own words."""
    run("--help")
    assert vars(click.core)["_"] is gettext.gettext
    assert vars(click.exceptions)["ngettext"] is gettext.ngettext


# Messages click raises only at a programmer's mistake (a badly declared option) or in features
# techvp does not use (prompts on Windows, shell completion, colours).
NOT_FOR_USERS = {
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
    "Windows error: {error}",
    "Unknown color {colour!r}",
    "Unknown standard stream '{name}'",
    "Couldn't detect Bash version, shell completion is not supported.",
    "Shell completion is not supported for Bash versions older than 4.4.",
    "d",
}


def _click_message_ids() -> set[str]:
    """Every literal click passes to gettext (`_` or `ngettext`) in its installed source."""
    found = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
                found.update(
                    a.value
                    for a in node.args
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                )
    return found


def test_every_word_click_can_show_has_a_translation() -> None:
    """Fails when a new click release adds a message, so it is translated before it shows."""
    missing = sorted(_click_message_ids() - set(text.CLICK) - NOT_FOR_USERS)
    assert missing == []
    for english, chinese in text.CLICK.items():
        assert re.search(r"[\u4e00-\u9fff]", chinese), english
