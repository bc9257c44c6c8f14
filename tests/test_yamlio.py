"""The loader keeps what the user typed and turns every YAML trap into a located diagnostic."""

from __future__ import annotations

import json
import random
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from techvp.cli import main
from techvp.diagnostics import Severity
from techvp.yamlblock import read_block
from techvp.yamlbuild import MAX_COMPOSED_CHARS, MAX_DEPTH
from techvp.yamlio import parse_bytes, parse_text
from tests.corpus.make_bad import need
from tests.factories import full_repo, write

NOW = ["--now", "2022-03-01T09:00:00+08:00"]


def problems(doc):  # (code, line, column) of each diagnostic
    return [(d.code, d.location.line, d.location.column) for d in doc.diagnostics]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("phone: 85317029", "85317029"),
        ("phone: 027-85317029", "027-85317029"),
        ("code: 0271234", "0271234"),  # YAML 1.1 would read an octal number
        ("name: no", "no"),  # the Norway problem
        ("name: yes", "yes"),
        ("flag: off", "off"),
        ("code: 91420100MA4K0TEW24", "91420100MA4K0TEW24"),
        ("n: 1e3", "1e3"),
        ("n: 0x1F", "0x1F"),
        ("n: 1_000", "1_000"),
        ("d: 2022-03-15", "2022-03-15"),
        ("t: 12:30", "12:30"),  # sexagesimal in YAML 1.1
        ("q: 'null'", "null"),
        ('q: ""', ""),
        ("q: '007'", "007"),
    ],
)
def test_scalars_stay_the_strings_typed(source: str, expected: str) -> None:
    doc = parse_text(source + "\n", "f.yaml")
    assert doc.diagnostics == []
    assert list(doc.data.values()) == [expected]


@pytest.mark.parametrize("source", ["a:", "a: ~", "a: null", "a: Null"])
def test_empty_and_null_become_none(source: str) -> None:
    assert parse_text(source, "f.yaml").data == {"a": None}


def test_positions_are_one_based_lines_and_columns() -> None:
    doc = parse_text("id: x\nlist:\n  - a\n  - {k: v}\n", "f.yaml")
    loc = doc.locate(("list", 1, "k"))
    assert (loc.file, loc.line, loc.column) == ("f.yaml", 4, 9)
    assert doc.locate(("list",), key=True).line == 2
    # a path that was never written falls back to its nearest written ancestor
    assert doc.locate(("list", 1, "missing")).line == 4
    assert doc.locate(("nowhere",)).line == 1


def test_duplicate_key_is_an_error_and_first_value_kept() -> None:
    doc = parse_text("a: 1\nb:\n  c: 2\n  c: 3\n", "f.yaml")
    assert problems(doc) == [("yaml.duplicate-key", 4, 3)]
    assert doc.diagnostics[0].params["first_line"] == 3
    assert doc.data["b"] == {"c": "2"}


@pytest.mark.parametrize(
    "source", ["a: &x 1\nb: *x\n", "a: &x 1\n", "<<: *base\n", "a: [&x 1, *x]\n"]
)
def test_anchors_and_aliases_are_refused(source: str) -> None:
    doc = parse_text(source, "f.yaml")
    assert next(c for c, *_ in problems(doc)) in ("yaml.alias", "yaml.syntax")
    assert not doc.ok


def test_billion_laughs_is_refused_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    doc = parse_text("\n".join(lines) + "\n", "f.yaml")
    assert problems(doc) == [("yaml.alias", 1, 4)]


def test_explicit_tags_other_than_str_are_errors() -> None:
    doc = parse_text("a: !!python/object:os.system x\nb: !!str 12\n", "f.yaml")
    assert problems(doc) == [("yaml.tag", 1, 4)]
    assert doc.data["b"] == "12"


def test_tab_indentation_named_at_its_line() -> None:
    doc = parse_text("a:\n  b: 1\n\tc: 2\n", "f.yaml")
    assert problems(doc) == [("yaml.tab", 3, 1)]


def test_tab_inside_a_value_is_fine() -> None:
    doc = parse_text('a: "x\ty"\n', "f.yaml")
    assert doc.ok and doc.data == {"a": "x\ty"}


def test_syntax_error_has_chinese_problem_and_position() -> None:
    doc = parse_text("a: 1\nb: c: d\n", "f.yaml")
    [diag] = doc.diagnostics
    assert (diag.code, diag.location.line, diag.location.column) == ("yaml.syntax", 2, 5)
    assert "冒号" in diag.message


def test_unclosed_bracket() -> None:
    doc = parse_text("a: [1, 2\nb: 3\n", "f.yaml")
    assert problems(doc)[0][0] == "yaml.syntax"
    assert "]" in doc.diagnostics[0].message


def test_gbk_file_gets_encoding_error_at_first_bad_byte() -> None:
    raw = "id: x\nname: 武汉\n".encode("gbk")
    doc = parse_bytes(raw, "f.yaml")
    assert problems(doc) == [("yaml.encoding", 2, 7)]
    assert "UTF-8" in doc.diagnostics[0].message


def test_bom_is_a_warning_and_content_still_read() -> None:
    doc = parse_bytes("\ufeffid: x\n".encode(), "f.yaml")
    assert problems(doc) == [("yaml.bom", 1, 1)]
    assert doc.diagnostics[0].severity is Severity.WARNING
    assert doc.data == {"id": "x"}


def test_crlf_is_a_warning_and_values_are_clean() -> None:
    doc = parse_bytes(b"id: x\r\nname: y\r\n", "f.yaml")
    assert [c for c, *_ in problems(doc)] == ["yaml.crlf"]
    assert doc.data == {"id": "x", "name": "y"}


def test_nul_byte_is_refused_with_position() -> None:
    doc = parse_bytes(b"id: x\nname: a\x00b\n", "f.yaml")
    assert problems(doc) == [("yaml.control-char", 2, 8)]


def test_oversize_input_is_refused_before_parsing() -> None:
    doc = parse_bytes(b"a: " + b"x" * 200, "f.yaml", max_bytes=100)
    assert problems(doc) == [("yaml.too-large", 1, 1)]
    assert doc.data is None


def test_deep_nesting_is_refused() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    doc = parse_text(deep, "f.yaml")
    assert [c for c, *_ in problems(doc)] == ["yaml.too-deep"]


def test_very_deep_nesting_does_not_crash() -> None:
    doc = parse_text("[" * 100_000, "f.yaml")
    assert not doc.ok


def test_multiple_documents_are_refused() -> None:
    doc = parse_text("a: 1\n---\nb: 2\n", "f.yaml")
    assert problems(doc) == [("yaml.multiple-documents", 2, 1)]


def test_complex_key_is_refused() -> None:
    doc = parse_text("? [a, b]\n: 1\n", "f.yaml")
    assert [c for c, *_ in problems(doc)] == ["yaml.complex-key"]


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_unicode_line_breaks_are_refused_so_line_numbers_stay_true(char: str) -> None:
    doc = parse_text(f"id: x\nname: a{char}b\nphone: 1\n", "f.yaml")
    assert problems(doc) == [("yaml.control-char", 2, 8)]


def test_fullwidth_colon_reported_where_typed_not_where_parsing_broke() -> None:
    doc = parse_text("enterprise:\n  name：武汉某公司\n  credit_code: 914201\n", "f.yaml")
    [diag] = doc.diagnostics
    assert (diag.code, diag.location.line, diag.location.column) == ("yaml.syntax", 2, 7)
    assert "中文冒号" in diag.message


# ---- what a clerk typed, and what `techvp validate` tells them ---------------------------------

CLERK = "submissions/needs/wuhan-2022/jiangan/clerk-need.yaml"


def validate_typed(root: Path, text: str) -> tuple[int, list[dict[str, Any]]]:
    """Write one need as typed, run `techvp validate`, return its exit code and that file's
    diagnostics as the JSON output gives them."""
    full_repo(root)
    write(root, CLERK, text)
    args = ["validate", "--root", str(root), "--format", "json", *NOW]
    result = CliRunner().invoke(main, args)
    found = json.loads(result.output)["diagnostics"]
    return result.exit_code, [d for d in found if d["file"] == CLERK]


def where(found: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    return [(d["code"], d["line"], d["column"]) for d in found]


PROBLEM = "problem: 公司动力电池极耳激光焊接良品率仅为 92%，需要提升焊缝强度。"


def test_text_after_space_hash_is_reported_not_dropped(tmp_path: Path) -> None:
    typed = need("clerk-need", problem=PROBLEM + " #2 产线问题更严重")
    code, found = validate_typed(tmp_path, typed)
    assert code == 1
    column = len(PROBLEM) + 2  # the `#`, after the text and one space
    assert where(found) == [("yaml.inline-comment", 14, column)]
    message = found[0]["message"]
    assert "2 产线问题更严重" in message and "引号" in message and "|" in message


def test_comment_after_a_list_item_and_a_number_too(tmp_path: Path) -> None:
    item, employees = "    - 高新技术企业  # 2021 年认定", "  employees: 120 # 约"
    typed = need("clerk-need", qual_item=item, employees=employees)
    _, found = validate_typed(tmp_path, typed)
    assert where(found) == [("yaml.inline-comment", 8, 18), ("yaml.inline-comment", 11, 15)]


def test_other_field_errors_are_reported_with_the_comment(tmp_path: Path) -> None:
    typed = need("clerk-need", problem=PROBLEM + " #2", phone="  phone: '12345'")
    _, found = validate_typed(tmp_path, typed)
    assert {d["code"] for d in found} == {"yaml.inline-comment", "field.phone"}


@pytest.mark.parametrize(
    "line",
    [
        PROBLEM.replace(": ", ": '") + " #2 产线问题更严重'",  # quoted: the # is text
        "problem: |\n  极耳激光焊接良品率仅为 92%。 #2 产线问题更严重\n  需要提升焊缝强度。",
        PROBLEM + "#2 产线问题更严重",  # no blank before the #: YAML keeps it as text
        "# 技术创新难题（必填）\n" + PROBLEM,  # a comment on its own line
    ],
)
def test_the_suggested_fixes_validate(tmp_path: Path, line: str) -> None:
    code, found = validate_typed(tmp_path, need("clerk-need", problem=line))
    assert (code, found) == (0, [])


def test_comment_after_an_empty_value_or_a_block_header_is_fine() -> None:
    doc = parse_text("capacity:   # 选填\nlist: []  # 无\ntext: |  # 多行\n  a # b\n", "f.yaml")
    assert doc.diagnostics == []


def fill(template: str) -> str:
    """Every blank leaf of a template given a value, as a user fills it in."""
    lines = template.split("\n")
    body = [(i, line) for i, line in enumerate(lines) if line.strip()[:1] not in ("#", "")]
    for (i, line), (_, after) in zip(body, [*body[1:], (0, "")], strict=True):
        indent = len(line) - len(line.lstrip(" -"))
        if re.fullmatch(r" *(- )?[a-z_0-9]+:", line) and len(after) - len(after.lstrip()) <= indent:
            lines[i] = line + " 填写的值"
    return "\n".join(lines)


@pytest.mark.parametrize("kind", ["need", "expert"])
def test_filled_template_has_no_comment_after_a_value(kind: str) -> None:
    """Filling in a shipped template (a value after each colon) never trips the comment check."""
    template = (Path(__file__).parents[1] / "templates" / f"{kind}.yaml").read_text("utf-8")
    filled = fill(template)
    assert filled.count("填写的值") > 10
    assert parse_text(filled, f"{kind}.yaml").diagnostics == []


def test_pasted_paragraph_gets_a_hint_about_the_bar(tmp_path: Path) -> None:
    typed = need("clerk-need", problem=PROBLEM + "\n其次，2 号产线飞溅严重，虚焊问题突出。")
    code, found = validate_typed(tmp_path, typed)
    assert code == 1 and where(found) == [("yaml.syntax", 15, 1)]
    message = found[0]["message"]
    assert "problem: |" in message and "缩进" in message


def test_missing_colon_still_says_so_and_mentions_the_bar() -> None:
    doc = parse_text("id: x\nexpert_field 激光焊接\n", "f.yaml")
    assert problems(doc) == [("yaml.syntax", 2, 1)]
    assert "缺少冒号" in doc.diagnostics[0].message and "|" in doc.diagnostics[0].message


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("expert_field:激光焊接与光束整形", "半角空格"),
        ("expert_field:\u3000激光焊接与光束整形", "全角空格"),
    ],
)
def test_no_space_after_colon_is_named_not_missing_colon(
    tmp_path: Path, line: str, named: str
) -> None:
    code, found = validate_typed(tmp_path, need("clerk-need", expert_field=line))
    assert code == 1 and where(found) == [("yaml.syntax", 13, 14)]
    assert named in found[0]["message"] and "缺少冒号" not in found[0]["message"]


def test_no_space_after_a_nested_key_is_named_on_its_line() -> None:
    doc = parse_text("id: x\ncontact:\n  name:王工\n  phone: '027-85317029'\n", "f.yaml")
    assert problems(doc) == [("yaml.syntax", 3, 8)]
    assert "半角空格" in doc.diagnostics[0].message


@pytest.mark.parametrize(
    ("industry", "column"),
    [
        ("\u3000industry: 光电子信息", 1),  # blamed on the next line before
        ("  \u3000industry: 光电子信息", 3),  # parsed as a key named "　industry" before
        ("\u3000\u3000industry: 光电子信息", 1),
    ],
)
def test_fullwidth_space_indent_is_named_on_its_own_line(
    tmp_path: Path, industry: str, column: int
) -> None:
    code, found = validate_typed(tmp_path, need("clerk-need", industry=industry))
    assert code == 1 and where(found) == [("yaml.fullwidth-indent", 7, column)]
    assert "全角空格" in found[0]["message"]


def test_fullwidth_spaces_opening_a_paragraph_in_a_block_are_fine() -> None:
    doc = parse_text("summary: |\n  \u3000\u3000本人长期从事激光加工研究。\nid: x\n", "f.yaml")
    assert doc.diagnostics == []


def test_comment_found_on_the_right_line_in_windows_and_wide_text() -> None:
    doc = parse_bytes("a: 是\r\nb: 武汉😀 #c\r\nc: d\r\n".encode(), "f.yaml")
    assert problems(doc) == [("yaml.crlf", 1, 5), ("yaml.inline-comment", 2, 8)]


def test_the_readme_tips_read_as_they_say() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    tips = readme[readme.index("填写提示") : readme.index("## 本地校验")]
    block = tips[tips.index("```yaml") + 7 : tips.index("```", tips.index("```yaml") + 7)]
    doc = parse_text(textwrap.dedent(block), "README.md")
    assert doc.diagnostics == [] and doc.data["problem"].count("\n") == 2
    quoted = re.search(r"`(problem: '[^`]*#[^`]*')`", tips)
    assert quoted is not None
    assert parse_text(quoted.group(1), "README.md").data["problem"].endswith("产线问题更严重")


def test_a_quoted_key_may_start_with_a_fullwidth_space() -> None:
    """Only a plain key that starts with 　 is indentation typed with a full-width space."""
    doc = parse_text("'\u3000全角空格开头': 值\n", "f.yaml")
    assert doc.diagnostics == []
    assert doc.data == {"\u3000全角空格开头": "值"}


# ---- composed in C or read event by event: the same document --------------------------------


def _same(text: str) -> None:
    evented = parse_text(text, "f.yaml", way="events")
    for way in ("any", "composed"):
        doc = parse_text(text, "f.yaml", way=way)
        assert repr(doc.data) == repr(evented.data)  # same values, same key order
        assert list(doc.key_positions.items()) == list(evented.key_positions.items())
        assert list(doc.value_positions.items()) == list(evented.value_positions.items())
        assert doc.diagnostics == evented.diagnostics


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).parent / "corpus").rglob("*.yaml"))
    + sorted((Path(__file__).parents[1] / "submissions").rglob("*.yaml"))[:200],
    ids=str,
)
def test_composed_and_event_reading_agree_on_every_corpus_file(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "b:\n  c: 1\nb:\n  c: 2\n  d: 3\n",  # a duplicate's positions are where it was written
        "a: 1\n---\nb: 2\n",
        "? [a, b]\n: 1\n",
        "a: " + "[" * 25 + "]" * 25 + "\n",
        "~: 1\nnull: 2\n'': 3\n: 4\na:\nb: ''\nc: ~\nd: NULL\n",
        "x: y #c\nz: [a #b\n, c]\nt: |\n  a #b\n",
        "a:\n  \u3000b: 1\n'\u3000c': 2\n",
        "- a\n-\n- b: c\n  d: [x, {y: z}]\n",
        "",
        "---\n",
        "a: b\n...\n%BAD\n",
    ],
)
def test_composed_and_event_reading_agree_on_traps(text: str) -> None:
    _same(text)


def test_deep_block_nesting_in_a_short_file_is_refused_without_crashing() -> None:
    """libyaml composes by recursion in C: a file short enough to be composed nests at most a
    few thousand levels, which it survives; the depth limit then refuses it."""
    doc = parse_text("- " * 8000 + "x\n", "f.yaml")
    assert problems(doc) == [("yaml.too-deep", 1, 41)]


def test_a_file_too_long_to_compose_reads_the_same() -> None:
    long = "id: x\nproblem: " + "焊接" * MAX_COMPOSED_CHARS + "\nlist:\n  - a\n"
    doc = parse_text(long, "f.yaml")
    assert doc.ok and doc.data["list"] == ["a"]
    assert doc.value_positions[("list", 0)] == (4, 5)
    deep = parse_text("- " * 100_000 + "x\n", "f.yaml")  # composed, this would crash the C stack
    assert problems(deep) == [("yaml.too-deep", 1, 41)]


# ---- simple block YAML read line by line ------------------------------------------------------

SHIPPED = sorted((Path(__file__).parents[1] / "submissions").rglob("*.yaml"))


def test_most_shipped_records_are_read_line_by_line() -> None:
    """The line reader takes the plain files most records are; each gives what libyaml gives."""
    texts = [path.read_text("utf-8") for path in SHIPPED]
    read = [text for text in texts if read_block(text) is not None]
    assert len(read) > len(texts) / 2
    for text in read[:100]:
        _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "name: 研发\"光谷\"芯片\nphone: '027'\n",  # a quote inside a plain value is text
        "patents: []\nextra: {}\nlist:\n- []\n- {}\n",  # empty flow collections
        "a:\n  b:\n  - x\n  -\n  c: ~\nd:\n- k: v\n  m:\n    - 1\n",
    ],
)
def test_line_reading_takes_and_agrees(text: str) -> None:
    assert read_block(text) is not None
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "problem: |\n  第一行\n  第二行\n",  # a block scalar
        "list: [a, b]\n",  # a flow collection that is not empty
        "list: [ ]\n",
        'name: "武汉"\n',  # double quotes
        "name: 'it''s'\n",  # an escaped quote
        "name: C# 开发\n",  # a # in a value
        "name: a: b\n",  # `: ` in a value
        "problem: 第一行\n  第二行\n",  # a value over two lines
        "a: 1\na: 2\n",  # a duplicate key
        "名称: 值\n",  # a key that is not a plain name
        "  a: 1\n",  # an indented first key
        "a:\n  b: 1\n c: 2\n",  # indentation that matches no open block
        "- a\n- b\n",  # a list at the top
        "# 只有注释\n",
        "a: 1\n---\nb: 2\n",
    ],
)
def test_anything_else_is_left_to_libyaml(text: str) -> None:
    assert read_block(text) is None
    _same(text)


def _mutate(rnd: random.Random, text: str) -> str:
    """A record with a few lines re-indented, emptied, duplicated or added, as typos do."""
    lines = text.split("\n")
    extra = [
        "",
        "# 注释",
        "  # 注释",
        "-",
        "- x",
        "  - x",
        "a:",
        "  b:",
        "x: ''",
        "  - k: v",
        "- []",
    ]
    for _ in range(rnd.randint(1, 3)):
        at = rnd.randrange(len(lines))
        line = lines[at]
        lines[at : at + 1] = rnd.choice(
            [
                [" " + line],
                [line[2:] if line.startswith("  ") else line],
                [line.split(":")[0] + ":"],
                [rnd.choice(extra), line],
                [],
                ["  " + line],
                [line, lines[rnd.randrange(len(lines))]],
            ]
        )
    return "\n".join(lines)


def test_line_reading_agrees_with_libyaml_on_mistyped_records() -> None:
    rnd = random.Random(7)
    texts = [path.read_text("utf-8") for path in SHIPPED[::10]]
    read = 0
    for _ in range(400):
        text = _mutate(rnd, rnd.choice(texts))
        read += read_block(text) is not None
        _same(text)
    assert read > 50  # the mutations the line reader takes are compared too
