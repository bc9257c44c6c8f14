"""`techvp export --accounts FILE`: bank details read from a local file into 附件4 and 附件2, with
a Chinese message naming sheet, row and column for a bad file; the blank template from
`techvp excel-templates`; and the guard that fails validation when such a file is tracked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.diagnostics import TechvpError
from techvp.excel.accounts import read_accounts
from techvp.guard.cards import luhn_ok
from tests.conftest import run_validate
from tests.excel.service import service_repo

EXPERTS = {
    "li-ming-hust": "李明",
    "zhang-wei-whu": "张伟",
    "wang-fang-wut": "王芳",
    "zhao-lei-ccnu": "赵磊",
}


def card(prefix: str) -> str:
    """A Luhn-valid 19-digit card number starting with prefix."""
    body = prefix.ljust(18, "0")
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


CARD_LI, CARD_WANG = card("6222021001"), card("6217002870")
CSV = (
    "人员编号,姓名,开户行（含支行）,银行账号\n"
    f"li-ming-hust,李明,中国工商银行武汉光谷支行,{CARD_LI}\n"
    f",王芳,中国建设银行武汉东湖支行,{CARD_WANG[:4]} {CARD_WANG[4:]}\n"
    ",,,\n"
)


def _export(root: Path, out: Path, *more: str) -> tuple[int, str]:
    args = ["export", "--batch", "wuhan-2022", "--root", str(root), "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--now", "2022-03-01T00:00:00+08:00", *more])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return service_repo(tmp_path_factory.mktemp("repo"))


def test_export_with_accounts_fills_the_bank_columns(root: Path, tmp_path: Path) -> None:
    accounts = tmp_path / "local" / "accounts.csv"
    accounts.parent.mkdir()
    accounts.write_text(CSV, encoding="utf-8-sig")
    code, output = _export(root, tmp_path / "out", "--accounts", str(accounts))
    assert code == 0, output
    ws = openpyxl.load_workbook(
        tmp_path / "out" / "附件4 支持经费拨付个人账户信息采集表.xlsx"
    ).active
    rows = {r[0]: r for r in ws.iter_rows(min_row=4, values_only=True)}
    assert rows["李明"][3:5] == ("中国工商银行武汉光谷支行", CARD_LI)
    assert rows["王芳"][3:5] == ("中国建设银行武汉东湖支行", CARD_WANG)  # matched by name
    assert isinstance(rows["李明"][4], str)
    assert rows["张伟"][3:5] == (None, None)  # not in the file
    summary = openpyxl.load_workbook(tmp_path / "out" / "附件2 考核验收情况汇总表.xlsx").active
    cells = {r[2]: r[8] for r in summary.iter_rows(min_row=4, values_only=True)}
    assert cells["李明"] == f"开户行（含支行）：中国工商银行武汉光谷支行\n银行账号：{CARD_LI}"
    assert cells["张伟"] is None  # failed: no account asked for


def test_export_without_accounts_has_no_bank_data(root: Path, tmp_path: Path) -> None:
    code, output = _export(root, tmp_path)
    assert code == 0, output
    names = {p.name for p in tmp_path.glob("附件*.xlsx")}
    assert names == {
        "附件1 考核表.xlsx",
        "附件2 考核验收情况汇总表.xlsx",
        "附件3 未签约到岗、履职服务情况汇总表.xlsx",
        "附件4 支持经费拨付个人账户信息采集表.xlsx",
        "附件5 服务中小微企业活动开展情况统计表.xlsx",
    }
    assert all(f"已写入 {tmp_path / name}" in output for name in names)
    ws = openpyxl.load_workbook(tmp_path / "附件4 支持经费拨付个人账户信息采集表.xlsx").active
    assert [r[3:5] for r in ws.iter_rows(min_row=4, values_only=True)] == [(None, None)] * 3


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        ("姓名,银行账号\n李明,1\n", "excel.accounts-column", "缺少“开户行（含支行）”列"),
        ("人员编号,开户行（含支行）\nli-ming-hust,工行\n", "excel.accounts-column", "“银行账号”"),
        (
            "人员编号,开户行（含支行）,银行账号\nnobody,工行,6222021001000000001\n",
            "excel.accounts-row",
            "第 2 行 A 列：人员编号“nobody”不在本批次的科技人员中",
        ),
        (
            "人员编号,开户行（含支行）,银行账号\nli-ming-hust,工行,12345\n",
            "excel.accounts-row",
            "第 2 行 C 列：银行账号应为 8–30 位数字，实有 5 位",
        ),
        (
            "人员编号,姓名,开户行（含支行）,银行账号\n,钱七,工行,6222021001000000001\n",
            "excel.accounts-row",
            "第 2 行 B 列：姓名“钱七”不在本批次的科技人员中，请填写人员编号",
        ),
        (
            "人员编号,开户行（含支行）,银行账号\nli-ming-hust,,6222021001000000001\n",
            "excel.accounts-row",
            "第 2 行 B 列：开户行（含支行）不能为空",
        ),
    ],
)
def test_a_bad_accounts_file_is_refused_with_its_place(
    root: Path, tmp_path: Path, content: str, code: str, message: str
) -> None:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(content, encoding="utf-8")
    exit_code, output = _export(root, tmp_path / "out", "--accounts", str(accounts))
    assert exit_code == 2
    assert code in output and message in output, output
    assert not (tmp_path / "out" / "附件4 支持经费拨付个人账户信息采集表.xlsx").exists()


def test_template_round_trip_and_a_number_cell_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "t"
    result = CliRunner().invoke(
        main, ["excel-templates", "--root", str(tmp_path), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    blank = openpyxl.load_workbook(out / "附件1 考核表.xlsx")  # a blank 考核表 to fill by hand
    assert blank.sheetnames == ["考核表"] and blank.active["B2"].value is None
    wb = openpyxl.load_workbook(out / "个人账户信息（本地填写，勿提交）.xlsx")
    ws = wb.active
    assert [c.value for c in ws[3]] == ["人员编号", "姓名", "开户行（含支行）", "银行账号"]
    assert "local/" in ws["A2"].value
    assert ws["D4"].number_format == "@"  # typed digits stay text
    ws["A4"], ws["C4"], ws["D4"] = "li-ming-hust", "工行武汉分行", CARD_LI
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    assert read_accounts(filled, EXPERTS)["li-ming-hust"].number == CARD_LI
    ws["D4"] = 6222021001000000
    wb.save(filled)
    with pytest.raises(TechvpError) as raised:
        read_accounts(filled, EXPERTS)
    assert raised.value.diagnostic.code == "excel.accounts-row"
    assert "数字格式" in raised.value.diagnostic.message


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_validation_fails_when_an_accounts_file_is_tracked(tmp_path: Path) -> None:
    root = service_repo(tmp_path / "repo")
    (root / ".gitignore").write_text("/local/\n", encoding="utf-8")
    _git(root, "init", "-q")
    (root / "local").mkdir()
    (root / "local" / "accounts.csv").write_text(CSV, encoding="utf-8")
    assert not [d for d in run_validate(root).sorted() if d.code.startswith("guard.")]

    (root / "个人账户信息.xlsx").write_bytes(b"")  # by its name
    assert not [d for d in run_validate(root).sorted() if d.code.startswith("guard.")]  # untracked
    renamed = root / "data" / "list.csv"  # by its content: a column of card numbers
    renamed.parent.mkdir()
    renamed.write_text("序号,号码\n1," + CARD_LI + "\n2," + CARD_WANG + "\n", encoding="utf-8")
    shouting = root / "data" / "deep" / "名单.CSV"  # a suffix in capitals, a folder deeper
    shouting.parent.mkdir()
    shouting.write_text(renamed.read_text(encoding="utf-8"), encoding="utf-8")
    _git(root, "add", "data/list.csv", "data/deep/名单.CSV", "个人账户信息.xlsx")  # staged: enough
    found = [d for d in run_validate(root).sorted() if d.code == "guard.accounts-file"]
    assert [(d.location.file, d.code) for d in found] == [
        ("data/deep/名单.CSV", "guard.accounts-file"),
        ("data/list.csv", "guard.accounts-file"),
        ("个人账户信息.xlsx", "guard.accounts-file"),
    ]
    assert "B 列是银行卡号" in found[1].message and "local/" in found[1].message
    assert "文件名表明其中是银行账户" in found[2].message
    _git(root, "rm", "-q", "--cached", "data/list.csv", "data/deep/名单.CSV", "个人账户信息.xlsx")
    assert not [d for d in run_validate(root).sorted() if d.code == "guard.accounts-file"]
