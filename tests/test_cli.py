"""The `techvp` command as a user runs it: exit codes and the three output formats."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from techvp.cli import main
from tests.factories import NEED, dump, full_repo, record, write

NOW = ["--now", "2022-03-01T09:00:00+08:00"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


BAD = dump(record(NEED, id="bad-phone", contact={"name": "王", "phone": "12"}))
BAD_LINE = BAD.splitlines().index("  phone: '12'") + 1


def broken_repo(root: Path) -> Path:
    full_repo(root)
    write(root, "submissions/needs/wuhan-2022/jiangan/bad-phone.yaml", BAD)
    return root


def test_valid_repository_exits_zero(tmp_path: Path) -> None:
    code, out = run("validate", "--root", str(full_repo(tmp_path)), *NOW)
    assert code == 0
    assert "共检查 6 个文件：0 个错误" in out


def test_text_format_groups_by_file_and_shows_the_line(tmp_path: Path) -> None:
    code, out = run("validate", "--root", str(broken_repo(tmp_path)), *NOW)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "submissions/needs/wuhan-2022/jiangan/bad-phone.yaml"
    assert lines[1].startswith(
        f"  {BAD_LINE}:10  错误  “联系电话”（contact.phone）“12”不是有效的电话号码"
    )
    assert lines[2].strip() == f"{BAD_LINE} |   phone: '12'"
    assert lines[3].endswith("^") and lines[3].index("^") == lines[2].index("'12'")


def test_json_format(tmp_path: Path) -> None:
    code, out = run("validate", "--root", str(broken_repo(tmp_path)), "--format", "json", *NOW)
    assert code == 1
    payload = json.loads(out)
    assert payload["counts"] == {"files": 7, "error": 1, "warning": 0, "priority": 0}
    [diag] = [d for d in payload["diagnostics"] if d["severity"] == "error"]
    assert diag == {
        "file": "submissions/needs/wuhan-2022/jiangan/bad-phone.yaml",
        "line": BAD_LINE,
        "column": 10,
        "field": "contact.phone",
        "code": "field.phone",
        "severity": "error",
        "message": diag["message"],
        "clause": None,
        "params": {"label": "“联系电话”（contact.phone）", "value": "12"},
    }
    assert "不是有效的电话号码" in diag["message"]


def test_github_format(tmp_path: Path) -> None:
    code, out = run("validate", "--root", str(broken_repo(tmp_path)), "--format", "github", *NOW)
    assert code == 1
    first = next(line for line in out.splitlines() if line.startswith("::error"))
    assert first.startswith(
        "::error file=submissions/needs/wuhan-2022/jiangan/bad-phone.yaml,"
        f"line={BAD_LINE},col=10,"
        "title=field.phone::“联系电话”"
    )


def test_github_format_escapes_newlines_and_percent() -> None:
    from techvp.diagnostics import Findings, Location, error
    from techvp.formats import as_github

    findings = Findings([error("yaml.syntax", Location("a,b:c.yaml", 1, 1), problem="x\n100%")])
    line = as_github(findings, Path(".")).splitlines()[0]
    assert (
        line
        == "::error file=a%2Cb%3Ac.yaml,line=1,col=1,title=yaml.syntax::YAML 格式错误：x%0A100%25"
    )


def test_output_is_deterministic(tmp_path: Path) -> None:
    root = str(broken_repo(tmp_path))
    first = run("validate", "--root", root, "--format", "json", *NOW)
    assert first == run("validate", "--root", root, "--format", "json", *NOW)


def test_wrong_usage_exits_two(tmp_path: Path) -> None:
    assert run("validate", "--root", str(tmp_path))[0] == 2  # no submissions/
    assert run("validate", "--format", "xml")[0] == 2
    code, out = run("validate", "--root", str(full_repo(tmp_path)), "--now", "yesterday")
    assert code == 2 and "ISO 8601" in out


def test_every_command_has_chinese_help() -> None:
    for name, command in main.commands.items():
        assert command.help and any("\u4e00" <= ch <= "\u9fff" for ch in command.help), name
        for param in command.params:
            if param.name != "help":
                assert getattr(param, "help", None), f"{name} --{param.name}"


def test_a_number_typed_into_a_field_is_masked_in_every_format(tmp_path: Path) -> None:
    from tests.test_guard import ID

    full_repo(tmp_path)
    bad = dump(record(NEED, id="leaky", contact={"name": "王", "phone": ID}))
    write(tmp_path, "submissions/needs/wuhan-2022/jiangan/leaky.yaml", bad)
    for fmt in ("text", "json", "github"):
        code, out = run("validate", "--root", str(tmp_path), "--format", fmt, *NOW)
        assert code == 1
        assert ID not in out and "field.phone" in out
