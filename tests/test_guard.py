"""The personal-data and secrets guard: what it must catch, and the demo-like data it must not."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from techvp.cli import main
from techvp.formats import FORMATS
from techvp.guard import cards, idnumbers
from techvp.guard.idnumbers import mask
from techvp.guard.scan import find_hits, redact, scan_bytes, scan_text, scan_tree
from techvp.models.common import CREDIT_CHARS, patent_check_char
from tests import factories as f
from tests.conftest import run_validate
from tests.corpus.make_bad import need

NOW = ["--now", "2022-03-01T09:00:00+08:00"]


def make_id(body: str = "42010219850601123") -> str:
    return body + idnumbers.id_check_char(body)


def make_card(prefix: str = "622202", length: int = 19) -> str:
    body = (prefix + "1234567890123456789")[: length - 1]
    for check in "0123456789":
        if cards.luhn_ok(body + check):
            return body + check
    raise AssertionError


ID = make_id()
CARD = make_card()
TOKENS = {
    "私钥": "-----BEGIN OPENSSH PRIVATE KEY-----",
    "私钥 ": "-----BEGIN RSA PRIVATE KEY-----",
    "GitHub 令牌": "ghp_" + "A1b2" * 9,
    "GitHub 令牌 ": "github_pat_" + "11ABCDEFG0" * 3,
    "AWS 访问密钥": "AKIAIOSFODNN7EXAMPLE",
    "阿里云 AccessKey": "LTAI5tABCDEFGHIJKLmnop",
    "Slack 令牌": "xoxb-1234567890-abcdefghij",
    "Google API 密钥": "AIza" + "SyA-" * 8 + "abc",
    "JWT 令牌": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdefghijklmnop",
}


def codes_of(text: str) -> list[str]:
    return [code for _, _, code, _ in find_hits(text)]


# ---- ID numbers ---------------------------------------------------------------------------------


def test_id_number_is_caught_with_location_and_masked() -> None:
    text = f"name: 张三\n# 身份证：{ID}\n"
    [diag] = scan_text(text, "submissions/x.yaml")
    assert (diag.code, diag.location.line) == ("guard.id-number", 2)
    assert ID not in diag.message and ID[:-4] not in diag.message
    assert diag.location.column == 7 and ID[-4:] in diag.message


@pytest.mark.parametrize(
    "value",
    [
        ID[:-1] + ("0" if ID[-1] != "0" else "1"),  # wrong check character
        make_id("42010219850231123"),  # 31 February
        make_id("42010218500601123"),  # born 1850
        make_id("99010219850601123"),  # no such province
        ID + "5",  # part of a longer number
        ID[:-1],  # 17 digits
    ],
)
def test_id_number_lookalikes_are_not_flagged(value: str) -> None:
    assert codes_of(f"x: '{value}'") == []


def test_lowercase_x_check_character() -> None:
    body = next(
        b
        for b in (f"42010219850601{i:03d}" for i in range(1000))
        if idnumbers.id_check_char(b) == "X"
    )
    assert codes_of(f"x: {body}x") == ["guard.id-number"]


def test_id_number_next_to_chinese_and_letters() -> None:
    assert codes_of(f"身份证号{ID}。") == ["guard.id-number"]
    assert codes_of(f"ID:{ID};") == ["guard.id-number"]


@given(
    st.text(alphabet=CREDIT_CHARS, min_size=8, max_size=8), st.sampled_from(["420102", "110119"])
)
def test_credit_codes_are_never_flagged(serial: str, division: str) -> None:
    code = f.credit_code(division, serial)
    assert codes_of(f"credit_code: {code}  # 统一社会信用代码") == []


def test_all_digit_credit_code_that_looks_like_an_id_is_left_alone() -> None:
    # 11 + 110119 + 19850601 + org check + credit check: structurally also an ID number.
    code = f.credit_code("110119", "19850601")
    assert idnumbers.is_credit_code(code)
    assert codes_of(code) == []


# ---- bank cards ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        CARD,
        make_card("4", 16),  # Visa
        make_card("5212", 16),  # Mastercard
        " ".join(CARD[i : i + 4] for i in range(0, 19, 4)),  # grouped by four
        "-".join(make_card("6222", 16)[i : i + 4] for i in range(0, 16, 4)),
        "开户账号：" + make_card("1000", 18),  # unknown issuer but banking context
    ],
)
def test_card_numbers_are_caught(text: str) -> None:
    assert codes_of(f"note: {text}\n") == ["guard.card-number"]


@pytest.mark.parametrize(
    "text",
    [
        "13807100000",  # mobile phone
        "027-85317029",  # landline
        "ZL202110123456.7",  # patent number
        "CN112345678A",
        "50000.00",
        make_card("1000", 18),  # Luhn-valid but no issuer and no banking context
        CARD[:-1] + str((int(CARD[-1]) + 1) % 10),  # fails Luhn
        "2022-03-15T17:00:00+08:00",
        "20220315170000123456",  # 20 digits: a serial, too long for a card
    ],
)
def test_demo_like_values_are_not_cards(text: str) -> None:
    assert codes_of(f"x: {text}\n") == []


@given(st.integers(min_value=10**8, max_value=10**9 - 1))
def test_patent_numbers_never_trip(serial: int) -> None:
    digits = f"2021{serial:08d}"
    assert codes_of(f"number: ZL{digits}.{patent_check_char(digits)}") == []


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.decimals(0, 10**9, places=2))
def test_phones_and_amounts_never_trip(phone: str, amount: object) -> None:
    assert codes_of(f"phone: '{phone}'\namount: {amount}\nprice: {amount}万元") == []


def test_every_factory_record_is_clean(tmp_path: Path) -> None:
    f.full_repo(tmp_path)
    assert scan_tree(tmp_path) == []


# ---- secrets ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "token"), sorted(TOKENS.items()))
def test_secrets_are_caught_without_echo(kind: str, token: str) -> None:
    [diag] = scan_text(f"a: 1\n# {token}\n", "f.yaml")
    assert diag.code == "guard.secret" and diag.location.line == 2
    assert kind.strip() in diag.message and token not in diag.message


@pytest.mark.parametrize(("kind", "token"), sorted(TOKENS.items()))
def test_secret_found_among_runs_without_one(kind: str, token: str) -> None:
    """Runs of ASCII that hold no token's shape are passed over at a first, cheaper look; the
    run that holds one is still read in full, wherever it sits."""
    ordinary = "email: someone@example.com\nurl: https://example.com/a/b/c/d\n"
    text = ordinary + f"备注：{token}。\n" + ordinary
    assert codes_of(text) == ["guard.secret"]
    assert codes_of(ordinary) == []


def test_words_that_resemble_token_prefixes_are_fine() -> None:
    text = "ghp_short sk-notakey AKIA-lowercase eyJ.x.y -----BEGIN PUBLIC KEY-----"
    assert codes_of(text) == []


# ---- files, names, encodings and the validate wiring -------------------------------------------


def test_gbk_file_is_still_scanned() -> None:
    raw = f"备注：{ID}\n".encode("gbk")
    assert [d.code for d in scan_bytes(raw, "x.yaml")] == ["guard.id-number"]


def test_validate_reports_comments_names_and_unloadable_files(tmp_path: Path) -> None:
    f.full_repo(tmp_path)
    need = tmp_path / f.record_path("need", f.NEED)
    need.write_text(need.read_text() + f"# {ID}\n", encoding="utf-8")
    f.write(tmp_path, f"submissions/needs/wuhan-2022/jiangan/{ID}.yaml", "x: 1\n")
    f.write(tmp_path, "submissions/notes.txt", TOKENS["AWS 访问密钥"])
    f.write(tmp_path, "submissions/needs/wuhan-2022/jiangan/broken.yaml", f"a: [{CARD}\n")
    found = {(d.code, d.location.file) for d in run_validate(tmp_path) if d.code.startswith("g")}
    assert found == {
        ("guard.id-number", f.record_path("need", f.NEED)),
        ("guard.id-number", f"submissions/needs/wuhan-2022/jiangan/{ID}.yaml"),
        ("guard.secret", "submissions/notes.txt"),
        ("guard.card-number", "submissions/needs/wuhan-2022/jiangan/broken.yaml"),
    }


def test_field_errors_do_not_echo_the_number(tmp_path: Path) -> None:
    f.full_repo(tmp_path)
    contact = {"name": "王工", "phone": ID}
    f.write(tmp_path, f.record_path("need", f.NEED), f.dump(f.record(f.NEED, contact=contact)))
    messages = [d.message for d in run_validate(tmp_path)]
    assert any("**************1237" in m for m in messages)
    assert not any(ID in m for m in messages)


def test_redact_masks_every_hit() -> None:
    assert redact(f"a {ID} b {CARD}") == f"a {mask(ID)} b {mask(CARD)}"
    assert mask(ID) == "**************1237"  # the last four only, as the README says


def test_no_output_format_echoes_the_number(tmp_path: Path) -> None:
    f.full_repo(tmp_path)
    f.write(tmp_path, "submissions/notes.txt", f"{ID}\n{CARD}\n{TOKENS['GitHub 令牌']}\n")
    findings = run_validate(tmp_path)
    for render in FORMATS.values():
        out = render(findings, tmp_path)
        assert ID not in out and CARD not in out and TOKENS["GitHub 令牌"] not in out


def test_record_with_a_hit_still_loads(tmp_path: Path) -> None:
    """The guard's error blocks the merge but does not hide the record from other rules."""
    f.full_repo(tmp_path)
    need = tmp_path / f.record_path("need", f.NEED)
    need.write_text(need.read_text() + f"# {ID}\n", encoding="utf-8")
    assert [d.code for d in run_validate(tmp_path) if d.severity == "error"] == ["guard.id-number"]


# ---- ID numbers in other shapes, as people type them -------------------------------------------

# An ID number whose digits also pass the Luhn check with a card-like first digit: grouped by
# fours, it used to be called a bank card number.
LUHN_ID = "420106199003070219"
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def grouped(value: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(value[at : at + size])
        at += size
    return sep.join(parts)


SHAPES = {
    "6-8-4 with spaces": grouped(LUHN_ID, (6, 8, 4), " "),
    "6-8-4 with hyphens": grouped(LUHN_ID, (6, 8, 4), "-"),
    "by fours like a card": grouped(LUHN_ID, (4, 4, 4, 4, 2), " "),
    "year apart": grouped(LUHN_ID, (6, 4, 4, 4), " "),
    "full-width digits": LUHN_ID.translate(FULLWIDTH),
    "full-width, 6-8-4": grouped(LUHN_ID.translate(FULLWIDTH), (6, 8, 4), "\u3000"),
}
NEEDS = "submissions/needs/wuhan-2022/jiangan"


@pytest.mark.parametrize("typed", SHAPES.values(), ids=list(SHAPES))
def test_id_number_in_any_shape_is_named_as_an_id_number(tmp_path: Path, typed: str) -> None:
    assert cards.luhn_ok(LUHN_ID) and idnumbers.is_id_number(LUHN_ID)
    f.full_repo(tmp_path)
    text = need("id-in-a-shape") + f"cooperation: 联系人身份证 {typed}，请核实\n"
    f.write(tmp_path, f"{NEEDS}/id-in-a-shape.yaml", text)
    result = CliRunner().invoke(main, ["validate", "--root", str(tmp_path), *NOW])
    assert result.exit_code == 1
    hits = [d for d in run_validate(tmp_path) if d.code.startswith("guard.")]
    assert [(d.code, d.location.line, d.location.column) for d in hits] == [
        ("guard.id-number", 18, 21)
    ]
    assert "居民身份证号码（尾号 0219）" in hits[0].message
    assert "银行卡" not in result.output
    shown = result.output.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    for part in ("420106", "19900307", "4201061990"):
        assert part not in shown.replace(" ", "").replace("-", "").replace("\u3000", "")


@pytest.mark.parametrize(
    "text",
    [
        "电话 138 0710 0000、027-8531 7029、027 8531 7029 0000",
        "日期 2022-03-15 2022-04-20 2022-05-30 2022-06-30",
        "2022 2023 2024 2025 2026",  # years in a row
        "专利 ZL 2021 1012 3456.7 与 CN 1123 4567 8A",
        "每月服务天数 8 7 8 7 8 7 8 7 8 7 8 7 8 7 8 7 8 7",
        "金额 50 000 000 元，3 200.5 万元",
        grouped(LUHN_ID, (6, 8, 4), " ")[:-1] + "8",  # check character wrong
        grouped(LUHN_ID, (6, 8, 4), " ") + "5",  # part of a longer number
        grouped(LUHN_ID, (5, 9, 4), " "),  # not a grouping people use
        grouped(LUHN_ID, (6, 8), " ") + "-" + LUHN_ID[14:],  # two kinds of separator
    ],
)
def test_grouped_lookalikes_are_not_id_numbers(text: str) -> None:
    assert codes_of(text) == []


@given(
    st.lists(
        st.from_regex(r"1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-[0-9]{7,8}", fullmatch=True),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from([" ", "、", "，"]),
)
def test_lists_of_phone_numbers_never_trip(phones: list[str], sep: str) -> None:
    assert codes_of(sep.join(phones)) == []


@given(st.text(alphabet=CREDIT_CHARS, min_size=8, max_size=8))
def test_grouped_credit_codes_are_never_flagged(serial: str) -> None:
    code = f.credit_code("420102", serial)
    assert codes_of(grouped(code, (6, 8, 4), " ")) == []


def test_a_grouped_card_is_still_a_card() -> None:
    assert codes_of("经费请汇入 6222 0212 3456 7890 128") == ["guard.card-number"]
    [(_, _, _, params)] = find_hits("经费请汇入 6222 0212 3456 7890 128")
    assert params["tail"] == "0128"  # four digits, not " 128"


def test_every_masked_form_shows_the_last_four_only() -> None:
    typed = grouped(LUHN_ID, (6, 8, 4), "-")
    assert redact(f"身份证 {typed}") == "身份证 ******-********-0219"
    assert redact(f"卡号 {CARD}") == "卡号 " + "*" * 15 + CARD[-4:]
    assert mask(LUHN_ID.translate(FULLWIDTH)) == "*" * 14 + "０２１９"


def test_shipped_demo_has_no_hit_in_any_shape() -> None:
    root = Path(__file__).parents[1] / "submissions"
    for path in sorted(root.rglob("*")):
        if path.is_file():
            assert find_hits(path.read_text(encoding="utf-8")) == [], path
