"""`techvp scan-diff REF`: only what the pull request adds, in any file, and new file names."""

from __future__ import annotations

from pathlib import Path

import git
import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.guard.diff import DiffError, added_blocks, scan_diff
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
        for d in scan_diff(Path(repo.working_tree_dir or "."), "main")
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
    assert scan_diff(Path(repo.working_tree_dir or "."), "main") == []


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
    bad = runner.invoke(main, ["scan-diff", "nope", "--root", root])
    assert bad.exit_code == 1 and "Traceback" not in bad.output and "nope" in bad.output


def test_added_blocks_parses_hunks() -> None:
    patch = b"@@ -1,0 +2,2 @@\n+one\n+two\n@@ -9 +11 @@\n-gone\n+three\n"
    assert list(added_blocks(patch)) == [(2, "one\ntwo"), (11, "three")]
