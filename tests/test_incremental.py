"""`techvp validate` through the cache checks again only what a change can affect
(techvp.incremental); after any sequence of edits its findings must be a cold run's.

The edits are the ones that relate records to each other: credit codes, named experts, names,
applications, appointments, affiliated institutions, ids added and removed, broken files."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from techvp.cache import FOLDER, FolderLock, RecordCache
from techvp.cli import main
from techvp.diagnostics import Findings
from techvp.guard.scan import scan_bytes
from techvp.incremental import _Run
from techvp.incremental.keys import join_keys, split
from techvp.incremental.memo import load_memo
from techvp.layout import find_candidates

NOW = "2022-03-01T09:00:00+08:00"
BROKEN = "id: broken\n"


@pytest.fixture(autouse=True)
def own_key(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("home-cache")))


def validate(root: Path, *options: str, now: str = NOW) -> str:
    args = ["validate", "--root", str(root), "--now", now, "--format", "json", *options]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    return result.output


def demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    args = ["demo", "--out", str(root), "--needs", "40", "--experts", "60", "--seed", "3"]
    assert CliRunner().invoke(main, args).exit_code == 0
    return root


def files(root: Path, folder: str) -> list[Path]:
    """The record files of a folder, except those an edit broke."""
    found = sorted((root / "submissions" / folder).rglob("*.yaml"))
    return [path for path in found if not path.read_text(encoding="utf-8").startswith(BROKEN)]


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def save(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def edit(root: Path, rng: random.Random) -> str:
    """One random edit of the kind that relates records; returns what it did."""
    needs, experts = files(root, "needs"), files(root, "experts")
    appointments = files(root, "appointments")
    need, other = rng.choice(needs), rng.choice(needs)
    expert, someone = rng.choice(experts), rng.choice(experts)
    choice = rng.randrange(16)
    if choice == 0:  # the same enterprise twice
        data, theirs = load(need), load(other)
        data["enterprise"]["credit_code"] = theirs["enterprise"].get("credit_code")
        save(need, data)
    elif choice == 1:  # name an expert, agreed
        data, person = load(need), load(someone)
        entry = {"institution": person["institution"], "name": person["name"], "agreed": True}
        data["preferred_experts"] = [entry]
        save(need, data)
    elif choice == 2:  # two experts with one name
        data = load(expert)
        data["name"], data["institution"] = load(someone)["name"], load(someone)["institution"]
        save(expert, data)
    elif choice == 3:  # apply to another need, or to one that does not exist
        data = load(expert)
        data["applications"] = [load(other)["id"], rng.choice(["laser", load(need)["id"][:-2]])]
        save(expert, data)
    elif choice == 4:  # an enterprise the expert's institution founded
        data = load(need)
        data["enterprise"]["affiliated_institutions"] = [load(someone)["institution"]]
        save(need, data)
    elif choice == 5 and appointments:  # an appointment to another need
        path = rng.choice(appointments)
        data = load(path)
        data["need"] = load(other)["id"]
        save(path, data)
    elif choice == 6:  # a record removed
        rng.choice([need, expert, *appointments]).unlink()
    elif choice == 7:  # a new need, copied
        data = load(other)
        data["id"] = f"{data['id']}-{rng.randrange(100)}"
        save(other.with_name(f"{data['id']}.yaml"), data)
    elif choice == 8:  # a broken file, then (another time) a fixed one
        need.write_text(BROKEN + "batch: [\n", encoding="utf-8")
    elif choice == 9:  # a value the eligibility rules read
        data = load(need)
        data["enterprise"]["employees"] = rng.choice(["abc", 5000, 12])
        save(need, data)
    elif choice == 10:  # a comment: no record changes
        with expert.open("a", encoding="utf-8") as handle:
            handle.write("# 改动\n")
    elif choice == 11:  # an expert who is no longer eligible
        data = load(expert)
        data["title"], data["title_level"] = "助理研究员", "初级"
        save(expert, data)
    elif choice == 13:  # a stray file beside the records, or gone again
        stray = need.with_name("说明.txt")
        if stray.exists():
            stray.unlink()
        else:
            stray.write_text("联系人：王工\n", encoding="utf-8")
    elif choice == 14:  # a need withdrawn, or back
        data = load(need)
        data["withdrawn"] = not data.get("withdrawn", False)
        save(need, data)
    elif choice == 15:  # a need renamed: its id changes with its file name
        data = load(need)
        data["id"] = f"{data['id']}-x"
        need.unlink()
        save(need.with_name(f"{data['id']}.yaml"), data)
    else:  # a new expert with an existing id's name, applying to the need
        data = load(someone)
        data["id"] = f"{data['id']}-b"
        data["applications"] = [load(need)["id"]]
        save(someone.with_name(f"{data['id']}.yaml"), data)
    return f"edit {choice}"


def checked(root: Path) -> int:
    """How many files the rules checked in the last run through the cache (once it has kept
    what it found: the program does that after its report)."""
    FolderLock(root).release()
    cache = RecordCache(root, scan_bytes)
    memo = load_memo(root, cache.program, cache.stamp)
    assert memo is not None
    return memo.checked


def test_an_unrelated_change_checks_a_few_files_again(tmp_path: Path) -> None:
    root = demo(tmp_path)
    validate(root)
    everything = checked(root)
    assert everything == len(list((root / "submissions").rglob("*.yaml")))
    validate(root)
    assert checked(root) == 0  # nothing changed
    need = need_file(root, "hanshui-dyeing-wastewater")
    data = load(need)
    data["problem"] = "印染废水深度处理与回用"
    save(need, data)
    assert validate(root) == validate(root, "--no-cache")
    assert 1 < checked(root) < everything / 4  # the need, its applicants, its named experts


@pytest.mark.parametrize("seed", range(5))
def test_after_any_edits_the_cached_run_finds_what_a_cold_run_finds(
    tmp_path: Path, seed: int
) -> None:
    root = demo(tmp_path)
    rng = random.Random(seed)
    validate(root)  # fills the cache
    for step in range(15):
        done = [edit(root, rng) for _ in range(rng.choice([1, 1, 2]))]
        done.append(git_step(root, rng))
        if rng.random() < 0.7:
            time_passes(root, step)
        assert validate(root) == validate(root, "--no-cache"), (step, done)


def time_passes(root: Path, step: int) -> None:
    """Folders changed in the last minute look changed long ago, each at a moment of its own:
    the walk is taken from the previous run only when no folder changed, and only for folders
    older than two seconds (techvp.incremental.folders)."""
    past = time.time() - 3600 + step
    for folder in [root / "submissions", *(root / "submissions").rglob("*")]:
        if folder.is_dir() and not folder.is_symlink() and folder.stat().st_mtime > past + 60:
            os.utime(folder, (past, past))


def git_step(root: Path, rng: random.Random) -> str:
    """What a district does with Git between runs (the cache takes Git's word for clean
    files): nothing, stage everything, commit, or put a changed file back as committed."""
    import git

    repo = git.Repo(root)
    choice = rng.randrange(6)
    if choice == 0:
        repo.git.add(A=True)
    elif choice == 1:
        repo.git.add(A=True)
        repo.index.commit("改动")
    elif choice == 2 and (changed := repo.git.diff("--name-only").split()):
        repo.git.checkout("--", rng.choice(changed))
    return f"git {choice}"


def run_program(root: Path, *options: str) -> str:
    """`techvp validate` as a user runs it: the program, which keeps what it found after its
    report, in a process of its own."""
    args = ["validate", "--root", str(root), "--now", NOW, "--format", "json", *options]
    done = subprocess.run([sys.executable, "-m", "techvp", *args], capture_output=True)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.decode("utf-8")


def test_the_program_keeps_what_it_found_after_its_report(tmp_path: Path) -> None:
    """Each run waits for the one before to have written the cache: back to back, the second
    run checks nothing again, and after an edit only what it touches."""
    root = demo(tmp_path)
    first = run_program(root)
    assert run_program(root) == first
    assert checked(root) == 0
    need = need_file(root, "hanshui-dyeing-wastewater")
    need.write_text(BROKEN, encoding="utf-8")
    assert run_program(root) == run_program(root, "--no-cache") != first
    assert 0 < checked(root) < 40


def test_the_walk_is_the_previous_runs_while_no_folder_changes(tmp_path: Path) -> None:
    root = demo(tmp_path)
    time_passes(root, 0)
    validate(root)

    def walked_again() -> bool:
        run = _Run(root, datetime.fromisoformat(NOW), lambda: None)
        return not run.same_folders

    assert not walked_again()
    need = need_file(root, "hanshui-dyeing-wastewater")
    need.write_text(BROKEN, encoding="utf-8")  # in place: its folder is unchanged
    assert not walked_again() and validate(root) == validate(root, "--no-cache")
    (need.parent / "说明.txt").write_text("联系人：王工\n", encoding="utf-8")
    assert walked_again()  # a new entry changes its folder: the stray file is found
    assert validate(root) == validate(root, "--no-cache")
    time_passes(root, 1)
    validate(root)
    (need.parent / "说明.txt").write_text("身份证 11010519491231002X\n", encoding="utf-8")
    assert not walked_again()  # a stray file is read again every run all the same
    assert "guard." in validate(root) and validate(root) == validate(root, "--no-cache")
    shutil.copy(need, need.with_name("copy.yaml"))
    assert walked_again()  # a new record too
    assert validate(root) == validate(root, "--no-cache")


def test_files_git_cannot_vouch_for_are_looked_at(tmp_path: Path) -> None:
    """A file Git is told to assume unchanged, one edited twice without staging, one put back
    as committed: each is read again when its bytes change."""
    import git

    root = demo(tmp_path)
    repo = git.Repo(root)
    need = need_file(root, "hanshui-dyeing-wastewater")
    rel = need.relative_to(root).as_posix()
    original = need.read_text(encoding="utf-8")
    validate(root)
    repo.git.update_index("--assume-unchanged", rel)
    for step, text in enumerate([BROKEN, original + "# 改动\n", BROKEN, original]):
        need.write_text(text, encoding="utf-8")
        assert validate(root) == validate(root, "--no-cache"), step
    repo.git.update_index("--no-assume-unchanged", rel)
    for text in [BROKEN, BROKEN + "# 又改\n"]:
        need.write_text(text, encoding="utf-8")
        assert codes_in(validate(root), rel)  # what is wrong with it now
        assert validate(root) == validate(root, "--no-cache")
    repo.git.checkout("--", rel)
    assert validate(root) == validate(root, "--no-cache")
    assert codes_in(validate(root), rel) == codes_in(validate(root, "--no-cache"), rel)


def test_a_run_at_another_time_or_after_a_batch_change_checks_everything(tmp_path: Path) -> None:
    root = demo(tmp_path)
    validate(root)
    late = "2023-09-01T09:00:00+08:00"  # past every deadline: each record is judged late
    assert validate(root, now=late) == validate(root, "--no-cache", now=late)
    batch = files(root, "batches")[0]
    data = load(batch)
    data["quota"] = 3
    save(batch, data)
    assert validate(root) == validate(root, "--no-cache")


def test_a_damaged_memo_is_no_memo(tmp_path: Path) -> None:
    root = demo(tmp_path)
    first = validate(root)
    memo = root / FOLDER / "rules.bin"
    memo.write_bytes(memo.read_bytes()[:-10] + b"0123456789")
    assert validate(root) == first
    shutil.rmtree(root / FOLDER)
    assert validate(root) == first


def test_records_related_only_through_others_share_no_key(tmp_path: Path) -> None:
    """The reason a change stays small: a need and an expert who never meet have no key in
    common, while an expert and a need it applied to do."""
    root = demo(tmp_path)
    cands = {c.rel: c for c in find_candidates(root, Findings())}
    from techvp.reading import load_file

    keys: dict[str, set[str]] = {}
    for rel, c in cands.items():
        record, doc = load_file(c, None)
        keys[rel] = set(join_keys(c.kind.name, c.key, record, doc.data))
    expert = next(rel for rel in keys if "/experts/" in rel)
    applied = load(root / expert)["applications"]
    need = next(rel for rel in keys if rel.endswith(f"/{applied[0]}.yaml"))
    assert keys[expert] & keys[need]
    strangers = [
        rel
        for rel in keys
        if "/needs/" in rel and Path(rel).stem not in applied and not keys[rel] & keys[expert]
    ]
    assert len(strangers) > len(applied)


def need_file(root: Path, need_id: str) -> Path:
    return next((root / "submissions" / "needs").rglob(f"{need_id}.yaml"))


def codes_in(output: str, rel: str) -> list[str]:
    import json

    return [d["code"] for d in json.loads(output)["diagnostics"] if d["file"] == rel]


def test_a_need_that_names_an_expert_by_name_rechecks_the_expert_and_the_appointment(
    tmp_path: Path,
) -> None:
    """余建新 (53) may serve because 汉水's need named him, agreed; he was appointed. The need
    names him by name only, then withdraws the agreement: he is over age again, and his
    appointment now rests on an ineligible expert. Neither of their files changed."""
    root = demo(tmp_path)
    path = need_file(root, "hanshui-dyeing-wastewater")
    data = load(path)
    data["preferred_experts"] = [{"institution": "武汉科技大学", "name": "余建新", "agreed": True}]
    save(path, data)
    expert = root / "submissions/experts/wuhan-2022/yu-jianxin-wust.yaml"
    person = load(expert)
    person["applications"] = []  # related to the need by his name alone
    save(expert, person)
    validate(root)
    data["preferred_experts"][0]["agreed"] = False
    save(path, data)
    warm = validate(root)
    assert warm == validate(root, "--no-cache")
    assert "policy.age" in codes_in(warm, "submissions/experts/wuhan-2022/yu-jianxin-wust.yaml")
    appointment = "submissions/appointments/wuhan-2022/yu-jianxin-wust.yaml"
    assert "lifecycle.appointed-ineligible" in codes_in(warm, appointment)


def test_a_new_id_changes_the_suggestion_for_a_mistyped_one_elsewhere(tmp_path: Path) -> None:
    root = demo(tmp_path)
    expert = files(root, "experts")[0]
    data = load(expert)
    data["applications"] = ["shiyuan-vision"]  # short for shiyuan-vision-inspection
    save(expert, data)
    before = validate(root)
    copy = load(need_file(root, "shiyuan-vision-inspection"))
    copy["id"] = "shiyuan-vision-x"  # now two ids begin with it: the closest is this one
    save(need_file(root, "shiyuan-vision-inspection").with_name("shiyuan-vision-x.yaml"), copy)
    after = validate(root)
    assert after == validate(root, "--no-cache")
    assert after != before


def test_an_enterprise_founded_by_an_applicants_institution_rechecks_the_applicant(
    tmp_path: Path,
) -> None:
    root = demo(tmp_path)
    expert = files(root, "experts")[0]
    person = load(expert)
    need = need_file(root, person["applications"][0])
    validate(root)
    data = load(need)
    data["enterprise"]["affiliated_institutions"] = [person["institution"]]
    save(need, data)
    warm = validate(root)
    assert warm == validate(root, "--no-cache")
    rel = expert.relative_to(root).as_posix()
    assert "policy.conflict-of-interest" in codes_in(warm, rel)


def test_the_files_under_review_are_judged_anew_when_they_change(tmp_path: Path) -> None:
    """On a pull request's branch only the files it adds are judged by the deadlines; a cached
    run must follow the set as files are added, committed and compared with another base."""
    import git

    root = demo(tmp_path)
    repo = git.Repo(root)
    repo.git.checkout("-b", "late")
    late = "2023-09-01T09:00:00+08:00"
    for base in ([], ["--base", "main"]):
        validate(root, *base, now=late)
    copy = load(need_file(root, "hanshui-dyeing-wastewater"))
    copy["id"] = "hanshui-late"
    added = need_file(root, "hanshui-dyeing-wastewater").with_name("hanshui-late.yaml")
    save(added, copy)
    for step in ("untracked", "committed"):
        for base in ([], ["--base", "main"]):
            warm = validate(root, *base, now=late)
            assert warm == validate(root, *base, "--no-cache", now=late), (step, base)
        repo.index.add([str(added)])
        repo.index.commit("a need after the deadline")
    assert '"policy.late"' in validate(root, "--base", "main", now=late)


def test_the_files_with_a_key_are_found_however_many_keys_are_asked_about() -> None:
    from techvp.incremental.keys import _Having, joined

    rng = random.Random(7)
    pool = [f"id:{n}" for n in range(40)] + ["name:王伟", "credit:b:9142", "ids"]
    table = {
        f"submissions/needs/b/{n}.yaml": joined(tuple(rng.sample(pool, rng.randrange(4))))
        for n in range(300)
    }
    having = _Having(table)
    pool += [f"name:{n}" for n in range(40)]  # keys no file holds
    for size in (1, 3, 10, 70, len(pool)):
        wanted = set(rng.sample(pool, size))
        expected = {rel for rel, keys in table.items() if wanted & set(split(keys))}
        assert having(wanted) == expected, size
