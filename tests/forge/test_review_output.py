"""What reviewers read: the Markdown job summary (`--format summary`), the GitHub annotations'
order, and `techvp validate --severity`, which shortens the list but never the counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from techvp.build import run as build_run
from techvp.cli import main
from techvp.diagnostics import Findings, Location, Severity, error, priority, warning
from techvp.formats import SUMMARY_FILES, as_github, as_summary
from tests.conftest import DEFAULT_NOW
from tests.factories import NEED, dump, full_repo, record, write

ROOT = Path(__file__).resolve().parents[2]
NOW = ["--now", "2022-03-01T09:00:00+08:00"]
HIDDEN = "（只列出了{shown}；其余问题未列出，去掉 --severity 即可查看全部）"
BAD_FILE = "submissions/needs/wuhan-2022/jiangan/bad-phone.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def shipped() -> Findings:
    """The shipped batch: no error, warnings (ages relaxed, conflicts) and priorities."""
    return build_run(ROOT, DEFAULT_NOW).findings


def broken_repo(root: Path) -> Path:
    full_repo(root)
    bad = dump(record(NEED, id="bad-phone", contact={"name": "王", "phone": "12"}))
    write(root, BAD_FILE, bad)
    return root


def test_summary_of_errors_says_do_not_merge_and_lists_each_file(tmp_path: Path) -> None:
    code, out = run("validate", "--root", str(broken_repo(tmp_path)), "--format", "summary", *NOW)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "## techvp 校验结果"
    assert "共检查 7 个文件：1 个错误，0 个警告，0 个优先提示。" in lines
    assert any(line.startswith("**有 1 个错误，不能合并。**") for line in lines)
    escaped = BAD_FILE.replace("_", "\\_")
    assert f"| {escaped} | 1 | 0 | 0 |" in lines
    [item] = [line for line in lines if "field.phone" in line]
    assert item.startswith("- **错误** 第 ")
    assert "列，字段 contact.phone：“联系电话”" in item


def test_summary_lists_the_warnings_a_reviewer_must_decide(shipped: Findings) -> None:
    out = as_summary(shipped, ROOT)
    warnings = shipped.count(Severity.WARNING)
    assert warnings > 0
    assert f"**没有错误；有 {warnings} 个警告需要审核人判断。**" in out
    decide = out.split("### 需要审核人决定")[1].split("### ")[0]
    checklist = [line for line in decide.splitlines() if line.startswith("- [ ] **警告** ")]
    assert len(checklist) == warnings
    assert any("policy.age-relaxed" in line and "第 6 行" in line for line in checklist)
    priorities = out.split("### 优先提示")[1].split("### ")[0]
    assert priorities.count("- **优先** ") == shipped.count(Severity.PRIORITY)
    # every file with a finding has a row and a section of its own
    files = {d.location.file for d in shipped}
    assert out.count("\n#### ") == len(files)


def test_summary_of_a_clean_repository_says_it_can_be_merged(tmp_path: Path) -> None:
    out = as_summary(Findings([], files_checked=3), tmp_path)
    assert "**全部通过：没有错误和警告，可以合并。**" in out
    assert "###" not in out


def test_summary_shows_typed_text_literally() -> None:
    typed = "<script>x</script> | **粗体** [链接](http://x) @someone `code`"
    findings = Findings([warning("yaml.syntax", Location("a_b.yaml", 2, 3), problem=typed)])
    out = as_summary(findings, Path("."))
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\\*\\*粗体\\*\\*" in out and "\\[链接\\]" in out and "\\`code\\`" in out
    assert "@someone" not in out and "&#64;someone" in out
    assert "| a\\_b.yaml | 0 | 1 | 0 |" in out  # a | in the text cannot break the table


def test_summary_masks_an_id_number_typed_into_a_field(tmp_path: Path) -> None:
    from tests.test_guard import ID

    full_repo(tmp_path)
    bad = dump(record(NEED, id="leaky", contact={"name": "王", "phone": ID}))
    write(tmp_path, "submissions/needs/wuhan-2022/jiangan/leaky.yaml", bad)
    code, out = run("validate", "--root", str(tmp_path), "--format", "summary", *NOW)
    assert code == 1 and ID not in out and "field.phone" in out


def test_summary_stays_within_githubs_one_mebibyte_for_a_large_repository() -> None:
    long = "很长的说明" * 60  # 300 characters, 900 bytes
    many = [
        make(code, Location(f"submissions/f{i:04}.yaml", line), problem=long)
        for i in range(500)
        for line in range(1, 31)
        for make, code in ((error, "yaml.syntax"), (warning, "yaml.syntax"))
    ]
    out = as_summary(Findings(many, files_checked=500), Path("."))
    assert len(out.encode("utf-8")) < 1024 * 1024
    assert out.count("\n#### ") == SUMMARY_FILES
    assert f"另有 {500 - SUMMARY_FILES} 个文件有问题" in out
    assert "- 另有 50 条，未在此列出" in out  # under each file: 60 problems, 10 listed


def test_github_annotations_put_errors_first() -> None:
    findings = Findings(
        [
            priority("yaml.syntax", Location("a.yaml", 1), problem="p"),
            warning("yaml.syntax", Location("a.yaml", 2), problem="w"),
            error("yaml.syntax", Location("b.yaml", 3), problem="e"),
        ]
    )
    levels = [line.split(" ")[0] for line in as_github(findings, Path(".")).splitlines()[:3]]
    assert levels == ["::error", "::warning", "::notice"]


def test_severity_error_lists_only_errors_with_complete_counts(tmp_path: Path) -> None:
    root = broken_repo(tmp_path)
    # A second need from the same enterprise: a warning for the reviewer, not an error.
    write(root, "submissions/needs/wuhan-2022/jiangan/twin.yaml", dump(record(NEED, id="twin")))
    code, full = run("validate", "--root", str(root), *NOW)
    assert code == 1 and "  警告  " in full
    code, out = run("validate", "--root", str(root), "--severity", "error", *NOW)
    assert code == 1
    assert "  错误  " in out and "  警告  " not in out
    counts = full.splitlines()[-1]
    assert out.splitlines()[-1] == counts + HIDDEN.format(shown="错误")
    args = ["--severity", "error", "--format", "json"]
    code, out = run("validate", "--root", str(root), *args, *NOW)
    payload = json.loads(out)
    assert {d["severity"] for d in payload["diagnostics"]} == {"error"}
    assert payload["counts"]["warning"] >= 1


def test_severity_warning_leaves_out_priorities_only() -> None:
    code, out = run("validate", "--root", str(ROOT), "--severity", "warning", *NOW)
    assert code == 0
    assert "  警告  " in out and "  优先  " not in out
    assert out.splitlines()[-1].endswith(HIDDEN.format(shown="错误和警告"))
    code, everything = run("validate", "--root", str(ROOT), "--severity", "priority", *NOW)
    assert "  优先  " in everything and "--severity" not in everything.splitlines()[-1]


def test_severity_rejects_an_unknown_level() -> None:
    code, out = run("validate", "--severity", "info")
    assert code == 2 and "“info”不是以下之一" in out


def test_the_files_a_change_touches_come_first(tmp_path: Path) -> None:
    """GitHub shows only the first ten annotations of a level: an old problem in a file the pull
    request does not touch must not push the new one out, in the annotations or the summary."""
    import git

    root = full_repo(tmp_path)
    bad = record(NEED, contact={"name": "王", "phone": "12"})
    old, new = (f"submissions/needs/wuhan-2022/jiangan/{n}.yaml" for n in ("aaa-old", "zzz-new"))
    write(root, old, dump({**bad, "id": "aaa-old"}))
    repo = git.Repo.init(root, initial_branch="main")
    with repo.config_writer() as config:
        config.set_value("user", "name", "区审核人").set_value("user", "email", "r@example.org")
    repo.git.add(A=True)
    repo.index.commit("已有的记录")
    repo.git.checkout("-b", "pr")
    write(root, new, dump({**bad, "id": "zzz-new"}))
    repo.git.add(A=True)
    repo.index.commit("新需求")
    args = ["validate", "--root", str(root), "--base", "main", *NOW]
    code, out = run(*args, "--format", "github")
    assert code == 1
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert [e.split(",")[0] for e in errors[:2]] == [f"::error file={new}", f"::error file={old}"]
    code, out = run(*args, "--format", "summary")
    sections = [line for line in out.splitlines() if line.startswith("#### ")]
    changed = new.replace("_", "\\_")
    assert sections == [f"#### {changed}（本次改动）", f"#### {old}"]
