"""`techvp codeowners`: the reviewers named in the batch files decide who must approve a pull
request, and the committed .github/CODEOWNERS never falls behind them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from techvp.cli import main
from techvp.codeowners import CODEOWNERS, fresh_codeowners
from techvp.messages.forge import CODEOWNERS_MARKER
from techvp.models.batch import Batch
from techvp.models.visibility import public_record
from tests.conftest import run_validate
from tests.factories import BATCH, NEED, dump, record, write, write_repo
from tests.golden import assert_golden

ROOT = Path(__file__).resolve().parents[2]
CITY = ["techvp/city-office"]
REGIONS = [
    {**BATCH["regions"][0], "reviewers": ["wang-jiangan", "techvp/district-jiangan"]},
    BATCH["regions"][1],  # no reviewers of its own: the city office reviews its needs
]
REVIEWED = record(BATCH, regions=REGIONS, reviewers=CITY)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.output


def owners(codeowners: str, path: str) -> list[str]:
    """Who GitHub asks to review `path`: the owners on the last line whose folder or file
    pattern (anchored at the top, as techvp writes them) matches it."""
    found: list[str] = []
    for line in codeowners.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        prefix = pattern.lstrip("/")
        if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
            found = names
    return found


def test_the_committed_codeowners_is_fresh() -> None:
    content, findings = fresh_codeowners(ROOT)
    assert findings.ok
    assert_golden(ROOT / CODEOWNERS, content)


def test_the_shipped_batch_routes_each_district_to_its_own_team() -> None:
    committed = (ROOT / CODEOWNERS).read_text(encoding="utf-8")
    need = "submissions/needs/wuhan-2022/donghu-gaoxin/guanggu-ruixin-laser.yaml"
    assert owners(committed, need) == ["@techvp/district-donghu-gaoxin"]
    for staff in (
        "submissions/batches/wuhan-2022.yaml",
        "submissions/experts/wuhan-2022/fang-jianping-hust.yaml",
        "submissions/appointments/wuhan-2022/li-guodong-whut.yaml",
        "submissions/reports/wuhan-2022/li-guodong-whut/2022-08.yaml",
        "submissions/assessments/wuhan-2022/li-guodong-whut.yaml",
    ):
        assert owners(committed, staff) == ["@techvp/city-office"], staff
    assert owners(committed, "tools/techvp/cli.py") == ["@techvp/maintainers"]


def test_codeowners_writes_district_and_city_reviewers(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[REVIEWED], need=[NEED])
    code, out = run("codeowners", "--root", str(tmp_path))
    assert code == 0 and "CODEOWNERS" in out
    written = (tmp_path / CODEOWNERS).read_text(encoding="utf-8")
    assert written.startswith(CODEOWNERS_MARKER)
    jiangan = "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml"
    assert owners(written, jiangan) == ["@wang-jiangan", "@techvp/district-jiangan"]
    assert owners(written, "submissions/needs/wuhan-2022/donghu-gaoxin/x.yaml") == [
        "@techvp/city-office"
    ]
    assert owners(written, "submissions/experts/wuhan-2022/x.yaml") == ["@techvp/city-office"]
    assert run("codeowners", "--root", str(tmp_path))[0] == 0
    assert (tmp_path / CODEOWNERS).read_text(encoding="utf-8") == written  # same bytes again


def test_lines_above_the_marker_are_kept(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[REVIEWED])
    own = "/tools/  @techvp/maintainers\n"
    write(tmp_path, ".github/CODEOWNERS", own)  # hand-written, no marker yet: kept whole
    run("codeowners", "--root", str(tmp_path))
    first = (tmp_path / CODEOWNERS).read_text(encoding="utf-8")
    assert first.startswith(own + "\n" + CODEOWNERS_MARKER)
    changed = record(REVIEWED, reviewers=["li-city"])
    write(tmp_path, "submissions/batches/wuhan-2022.yaml", dump(changed))
    run("codeowners", "--root", str(tmp_path))
    second = (tmp_path / CODEOWNERS).read_text(encoding="utf-8")
    assert second.startswith(own + "\n" + CODEOWNERS_MARKER) and second.count(own) == 1
    assert "@li-city" in second and "@techvp/city-office" not in second


def test_a_batch_without_reviewers_gets_a_note_and_no_rule(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[BATCH])
    assert run("codeowners", "--root", str(tmp_path))[0] == 0
    written = (tmp_path / CODEOWNERS).read_text(encoding="utf-8")
    assert "未填写市级审核人" in written and "@" not in written


def test_a_handle_written_with_at_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    write_repo(tmp_path, batch=[record(BATCH, reviewers=["@wang"])])
    [diag] = [d for d in run_validate(tmp_path) if d.code == "field.format"]
    assert diag.location.file == "submissions/batches/wuhan-2022.yaml"
    assert diag.location.field == "reviewers[0]" and "不写“@”" in diag.message
    code, out = run("codeowners", "--root", str(tmp_path))
    assert code == 1
    assert "不写“@”" in out and "CODEOWNERS" in out
    assert not (tmp_path / CODEOWNERS).exists()


def test_reviewers_never_reach_the_public_site() -> None:
    public = public_record(Batch, REVIEWED)
    assert "reviewers" not in public
    assert all("reviewers" not in region for region in public["regions"])
