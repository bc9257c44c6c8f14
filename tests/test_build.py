"""The pipeline every reading command shares: load → validate → derive → outputs."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from techvp.build import OUTPUTS, BuildResult, Output, build, run
from techvp.cli import main
from techvp.diagnostics import Location, TechvpError, error
from techvp.repo import load_dataset
from tests.factories import NEED, dump, full_repo, record, write

NOW = datetime(2022, 3, 1, tzinfo=UTC)


def _record_batches(seen: list[tuple[str, ...]]) -> Output:
    def write_batches(result: BuildResult, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "batches.txt").write_text("\n".join(result.policies), encoding="utf-8")
        seen.append(tuple(row.id for row in result.verdicts["wuhan-2022"]))

    return Output("batches", write_batches)


def test_outputs_run_on_a_clean_repository(tmp_path: Path) -> None:
    root = full_repo(tmp_path / "repo")
    seen: list[tuple[str, ...]] = []
    result, done = build(root, NOW, out_dir=tmp_path / "site", outputs=[_record_batches(seen)])
    assert done == ("batches",)
    assert (tmp_path / "site" / "batches.txt").read_text(encoding="utf-8") == "wuhan-2022"
    assert seen == [("laser-weld", "li-ming-hust")]
    assert result.findings.ok and "laser-weld" in result.dataset.needs


def test_no_output_is_written_from_records_with_an_error(tmp_path: Path) -> None:
    root = full_repo(tmp_path / "repo")
    bad = dump(record(NEED, id="bad-phone", contact={"name": "王", "phone": "12"}))
    write(root, "submissions/needs/wuhan-2022/jiangan/bad-phone.yaml", bad)
    seen: list[tuple[str, ...]] = []
    result, done = build(root, NOW, out_dir=tmp_path / "site", outputs=[_record_batches(seen)])
    assert done == () and seen == [] and not (tmp_path / "site").exists()
    assert not result.findings.ok


def test_derived_data_is_computed_once(tmp_path: Path) -> None:
    result = run(full_repo(tmp_path), NOW)
    assert result.verdicts is result.verdicts
    assert result.eligibility("wuhan-2022") is result.verdicts["wuhan-2022"]
    assert result.policies["wuhan-2022"] is result.policies["wuhan-2022"]


def test_build_command_says_done(tmp_path: Path) -> None:
    site = tmp_path / "public"
    root = full_repo(tmp_path)
    out = CliRunner().invoke(
        main, ["build", "--root", str(root), "--now", "2022-03-01", "--site-dir", site]
    )
    assert out.exit_code == 0, out.output
    staff = root / "build"
    assert out.output.endswith(
        f"0 个错误，0 个警告，0 个优先提示。\n网站已生成：{site}\n"
        f"工作人员文件（匹配方案、Excel 汇总表，含内部字段，不公开）已写入：{staff}\n构建完成。\n"
    )
    assert (site / "index.html").is_file()
    assert (staff / "excel" / "wuhan-2022" / "需求汇总表.xlsx").is_file()


def test_missing_root_is_a_usage_error_in_chinese(tmp_path: Path) -> None:
    for command in (["validate"], ["build"], ["eligibility", "--batch", "wuhan-2022"]):
        result = CliRunner().invoke(main, [*command, "--root", str(tmp_path)])
        assert result.exit_code == 2, command
        assert result.output == (
            f"错误：在 {tmp_path} 下找不到 submissions/ 目录。请在仓库根目录运行，"
            "或用 --root 指定。  (root.no-submissions)\n"
        )


def test_json_diagnostics_carry_clause_and_structured_params(tmp_path: Path) -> None:
    root = full_repo(tmp_path)
    result = CliRunner().invoke(
        main, ["validate", "--root", str(root), "--format", "json", "--now", "2026-11-22"]
    )
    payload = json.loads(result.output)
    [late] = [
        d
        for d in payload["diagnostics"]
        if d["code"] == "policy.late" and d["file"].startswith("submissions/needs/")
    ]
    assert late["clause"].startswith("武汉市经信局2022年选派“科技副总”通知")
    assert late["params"] == {
        "what": "企业需求",
        "now": late["params"]["now"],
        "deadline": "2022-03-15 17:00",
        "key": "needs",
    }


def test_params_become_plain_json_the_same_every_time() -> None:
    diag = error(
        "field.range",
        Location("a.yaml", 1, 1),
        value=Decimal("1.50"),
        when=date(2022, 3, 15),
        at=datetime(2022, 3, 15, 17, tzinfo=UTC),
        items=("b", "a"),
        kinds=frozenset({"y", "x"}),
        where=Path("submissions/x.yaml"),
        nested={"k": (1, Decimal("2"))},
    )
    assert diag.as_dict()["params"] == {
        "at": "2022-03-15T17:00:00+00:00",
        "items": ["b", "a"],
        "kinds": ["x", "y"],
        "nested": {"k": [1, "2"]},
        "value": "1.50",
        "when": "2022-03-15",
        "where": "submissions/x.yaml",
    }
    json.dumps(diag.as_dict())


def test_loading_leaves_the_garbage_collector_alone(tmp_path: Path) -> None:
    """A library call must not change the interpreter: matching and the site load in-process."""
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    load_dataset(full_repo(tmp_path))
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_program_runs_without_cyclic_collection() -> None:
    """`python -m techvp` and the `techvp` script pause it for the run, which loads faster."""
    probe = (
        "import gc, os, sys\n"
        "from techvp.cli import entry\n"
        "leave = os._exit\n"
        "os._exit = lambda code: (print(gc.isenabled(), file=sys.stderr), leave(code))\n"
        "sys.argv = ['techvp', '--help']\n"
        "entry()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stderr == "False\n"


def test_the_program_leaves_with_its_output_and_exit_code_whole(tmp_path: Path) -> None:
    """It ends without the interpreter's teardown: what it printed into a pipe must all be
    there first, with the exit code the findings call for."""
    root = full_repo(tmp_path / "repo")
    bad = dump(record(NEED, id="bad-phone", contact={"name": "王", "phone": "12"}))
    write(root, "submissions/needs/wuhan-2022/jiangan/bad-phone.yaml", bad)
    args = ["-m", "techvp", "validate", "--root", str(root), "--format", "json", "--no-cache"]
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert json.loads(done.stdout)["counts"]["error"] > 0  # all of the JSON came through
    usage = subprocess.run(
        [sys.executable, "-m", "techvp", "validate", "--bogus"], capture_output=True
    )
    assert usage.returncode == 2 and usage.stderr


def test_a_folder_that_cannot_be_written_is_an_environment_error(tmp_path: Path) -> None:
    blocker = tmp_path / "schemas"
    blocker.write_text("a file where the folder should be\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["schema", "--out", str(blocker / "v1")])
    assert result.exit_code == 2
    assert result.output.startswith(f"错误：无法读写“{blocker}")
    assert "路径中有一段是文件而不是目录  (os.failed)" in result.output
    assert "Traceback" not in result.output


def _pid_output(name: str, folder: str = "") -> Output:
    def write_pid(result: BuildResult, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{name}.pid").write_text(str(os.getpid()), encoding="utf-8")

    return Output(name, write_pid, folder)


def test_the_site_runs_in_its_own_process_beside_the_staff_outputs(tmp_path: Path) -> None:
    root = full_repo(tmp_path / "repo")
    outputs = [_pid_output("excel"), _pid_output("site", folder="site")]
    _, done = build(root, NOW, out_dir=tmp_path / "out", outputs=outputs)
    assert done == ("excel", "site")
    staff = (tmp_path / "out" / "excel.pid").read_text(encoding="utf-8")
    site = (tmp_path / "out" / "site" / "site.pid").read_text(encoding="utf-8")
    assert staff == str(os.getpid()) and site != staff


def test_an_error_in_the_site_process_reaches_the_caller_whole(tmp_path: Path) -> None:
    def fail(result: BuildResult, out_dir: Path) -> None:
        raise TechvpError(error("site.sources", Location("mkdocs.yml"), checkout="/nowhere"))

    root = full_repo(tmp_path / "repo")
    outputs = [_pid_output("excel"), Output("site", fail, "site")]
    with pytest.raises(TechvpError) as raised:
        build(root, NOW, out_dir=tmp_path / "out", outputs=outputs)
    assert raised.value.diagnostic.code == "site.sources"
    assert raised.value.diagnostic.params == {"checkout": "/nowhere"}
    assert (tmp_path / "out" / "excel.pid").is_file()  # the other outputs still ran


def test_outputs_side_by_side_write_the_same_bytes_as_one_at_a_time(tmp_path: Path) -> None:
    root = full_repo(tmp_path / "repo")
    together, apart = tmp_path / "together", tmp_path / "apart"
    build(root, NOW, out_dir=together)
    for output in OUTPUTS:
        build(root, NOW, out_dir=apart, outputs=[output])

    def files(top: Path) -> dict[str, bytes]:
        return {
            p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*") if p.is_file()
        }

    assert files(together) == files(apart) != {}


def test_a_site_process_that_dies_is_a_chinese_error_not_a_traceback(tmp_path: Path) -> None:
    def die(result: BuildResult, out_dir: Path) -> None:
        os._exit(9)  # as the system's out-of-memory killer would end it

    root = full_repo(tmp_path / "repo")
    outputs = [_pid_output("excel"), Output("site", die, "site")]
    with pytest.raises(TechvpError) as raised:
        build(root, NOW, out_dir=tmp_path / "out", outputs=outputs)
    assert raised.value.diagnostic.code == "build.output-crashed"
    assert raised.value.diagnostic.message.startswith(
        "生成公开网站的进程意外退出（可能是内存不足）"
    )
