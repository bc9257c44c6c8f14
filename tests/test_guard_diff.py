"""`techvp scan-diff REF`: only what the working tree adds relative to REF (committed, staged,
unstaged and new files alike), in any file, and new file names."""

from __future__ import annotations

from pathlib import Path

import git
import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.guard.diff import DiffError, added_blocks, scan_diff
from techvp.guard.idnumbers import is_id_number
from tests.test_guard import CARD, ID, TOKENS


def _commit(repo: git.Repo, files: dict[str, str], message: str) -> None:
    root = Path(repo.working_tree_dir or ".")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    repo.index.add(list(files))
    actor = git.Actor("t", "t@example.cn")
    repo.index.commit(message, author=actor, committer=actor)


@pytest.fixture
def repo(tmp_path: Path) -> git.Repo:
    repo = git.Repo.init(tmp_path, initial_branch="main")
    _commit(repo, {"submissions/old.yaml": f"a: 1\n# {ID}\n", "README.md": "hi\n"}, "base")
    repo.create_head("pr").checkout()
    return repo


def test_only_added_lines_and_new_names(repo: git.Repo) -> None:
    _commit(
        repo,
        {
            "submissions/old.yaml": f"a: 1\n# {ID}\nb: 2\ncard: {CARD}\n",  # ID line unchanged
            "docs/notes.md": f"x\n\n{TOKENS['AWS 访问密钥']}\n",
            f"submissions/{ID}.yaml": "a: 1\n",
        },
        "pr",
    )
    found = [
        (d.code, d.location.file, d.location.line)
        for d in scan_diff(Path(repo.working_tree_dir or "."), "main").found
    ]
    assert sorted(found, key=str) == sorted(
        [
            ("guard.secret", "docs/notes.md", 3),
            ("guard.card-number", "submissions/old.yaml", 4),
            ("guard.id-number", f"submissions/{ID}.yaml", None),
        ],
        key=str,
    )


def test_commits_on_ref_after_branching_are_not_blamed(repo: git.Repo) -> None:
    repo.heads.main.checkout()
    _commit(repo, {"other.txt": f"{CARD}\n"}, "main moves on")
    repo.heads.pr.checkout()
    _commit(repo, {"clean.txt": "ok\n"}, "pr")
    assert scan_diff(Path(repo.working_tree_dir or "."), "main").found == []


def test_unknown_ref(repo: git.Repo) -> None:
    with pytest.raises(DiffError):
        scan_diff(Path(repo.working_tree_dir or "."), "no-such-branch")


def test_cli_exit_codes(repo: git.Repo) -> None:
    root = repo.working_tree_dir or "."
    runner = CliRunner()
    clean = runner.invoke(main, ["scan-diff", "main", "--root", root])
    assert clean.exit_code == 0, clean.output
    _commit(repo, {"a.txt": f"{ID}\n"}, "leak")
    dirty = runner.invoke(main, ["scan-diff", "main", "--root", root, "--format", "github"])
    assert dirty.exit_code == 1 and "guard.id-number" in dirty.output and ID not in dirty.output


def test_uncommitted_work_is_scanned_and_counted(repo: git.Repo) -> None:
    """What a pre-commit hook meets: a leak in an unstaged edit, a staged file, a new file."""
    assert is_id_number(ID)
    root = Path(repo.working_tree_dir or ".")
    _commit(repo, {"notes/committed.md": "clean\n"}, "pr work")
    (root / "README.md").write_text(f"hi\n联系人证件 {ID}\n", encoding="utf-8")  # unstaged
    (root / "staged.md").write_text(f"{ID}\n", encoding="utf-8")
    repo.index.add(["staged.md"])
    (root / "submissions" / "new.yaml").write_text(f"id: {ID}\n", encoding="utf-8")  # untracked
    (root / ".gitignore").write_text("local/\n", encoding="utf-8")  # untracked, clean
    (root / "local").mkdir()
    (root / "local" / "bank.txt").write_text(f"{ID}\n", encoding="utf-8")  # ignored
    result = CliRunner().invoke(main, ["scan-diff", "main", "--root", str(root)])
    assert result.exit_code == 1, result.output
    assert "README.md\n  2:7  错误  新增内容中含有居民身份证号码" in result.output
    assert "staged.md\n  1:1  错误" in result.output
    assert "submissions/new.yaml\n  1:5  错误" in result.output
    assert "local/bank.txt" not in result.output and ID not in result.output
    # README.md, staged.md, notes/committed.md, submissions/new.yaml and .gitignore
    assert "共检查 5 个文件：3 个错误" in result.output


def test_run_from_a_sub_folder_shows_the_line(repo: git.Repo) -> None:
    root = Path(repo.working_tree_dir or ".")
    (root / "docs").mkdir()
    (root / "docs" / "list.md").write_text(f"名单\n证件 {ID}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["scan-diff", "main", "--root", str(root / "submissions")])
    assert result.exit_code == 1
    shown = next(
        line for line in result.output.splitlines() if line.startswith("         2 | 证件 ")
    )
    assert shown.endswith(ID[-4:]) and ID not in shown  # the source line, masked


def test_unknown_ref_is_a_usage_error_in_chinese(repo: git.Repo) -> None:
    root = repo.working_tree_dir or "."
    result = CliRunner().invoke(main, ["scan-diff", "nope", "--root", root])
    assert result.exit_code == 2
    assert result.output == (
        "错误：找不到 Git 版本“nope”：应为分支名、标签或提交，如 origin/main"
        "（在 CI 中须先用 git fetch 获取该分支）  (git.bad-ref)\n"
    )


def test_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["scan-diff", "main", "--root", str(tmp_path)])
    assert result.exit_code == 2
    assert f"错误：{tmp_path} 不在 Git 仓库中" in result.output
    assert result.output.endswith("(git.no-repo)\n")


def test_added_blocks_parses_hunks() -> None:
    patch = b"@@ -1,0 +2,2 @@\n+one\n+two\n@@ -9 +11 @@\n-gone\n+three\n"
    assert list(added_blocks(patch)) == [(2, "one\ntwo"), (11, "three")]
