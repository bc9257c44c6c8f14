"""The one record writer: what it writes reads back exactly, and reads as a person writes."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from techvp.models import Need
from techvp.yamlio import parse_text
from techvp.yamlwrite import dump_record, schema_ref
from tests.factories import NEED

AWKWARD = [
    "85317029",
    "no",
    "007",
    "",
    "~",
    "null",
    "true",
    "2022-03-15",
    "第一行：背景\n第二行：问题\n",
    "末行没有换行\n第二行",
    "  缩进开头\n第二行",
    "a: b",
    " #注释",
    "强度。 #2 产线问题更严重",
    " 前后空格 ",
    "\u3000全角空格开头",
    "name：全角冒号",
    "problem:冒号后没有空格",
    "- 像列表",
    "[像数组",
    "{像映射}",
    "'单引号'",
    '"双引号"',
    "%YAML",
    "@at",
    "`反引号",
    "！感叹",
    "a\tb",
    "\t开头制表符",
    "行尾回车\r\n第二行",
    "\x85\u2028\u2029",
]

# Any text a user could put in a field: no surrogates (not encodable); everything else allowed.
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40) | st.sampled_from(AWKWARD)
keys = st.from_regex(r"[a-z_][a-z0-9_]{0,12}", fullmatch=True) | st.sampled_from(AWKWARD)
values = st.recursive(
    st.none() | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)


def read_back(text_: str) -> Any:
    doc = parse_text(text_, "f.yaml")
    assert doc.diagnostics == [], text_
    return doc.data


@given(st.dictionaries(keys, values, max_size=6))
@example({"phone": "85317029", "withdrawn": "no", "code": "007", "note": ""})
def test_every_record_reads_back_exactly(data: dict[str, Any]) -> None:
    assert read_back(dump_record(data)) == data


def test_awkward_values_are_quoted_or_blocks_and_read_back() -> None:
    data = {f"k{i}": value for i, value in enumerate(AWKWARD)}
    written = dump_record(data)
    assert read_back(written) == data
    lines = written.splitlines()
    assert "k0: '85317029'" in lines
    assert "k1: 'no'" in lines
    assert "k2: '007'" in lines
    assert "k3: ''" in lines
    assert "k12: ' #注释'" in lines
    assert "k14: ' 前后空格 '" in lines
    assert "k15: '\u3000全角空格开头'" in lines
    assert "k16: 'name：全角冒号'" in lines
    assert "k17: 'problem:冒号后没有空格'" in lines
    # Multi-line Chinese is a literal block, as the README tells people to write it.
    assert "k8: |\n  第一行：背景\n  第二行：问题\n" in written


def test_plain_values_stay_plain_and_keys_keep_their_order() -> None:
    written = dump_record({"id": "laser-weld", "employees": 180, "birth": date(1985, 6, 1)})
    assert written == "id: laser-weld\nemployees: 180\nbirth: 1985-06-01\n"


def test_header_names_the_schema_relative_to_the_record() -> None:
    rel = "submissions/needs/wuhan-2022/jiangan/laser-weld.yaml"
    assert schema_ref("need", rel) == "../../../../schemas/need.schema.json"
    written = dump_record(NEED, schema_ref("need", rel))
    first, rest = written.split("\n", 1)
    assert first == "# yaml-language-server: $schema=../../../../schemas/need.schema.json"
    assert read_back(rest) == NEED


def test_a_model_is_written_as_its_fields_and_reads_back_as_the_same_model() -> None:
    need = Need.model_validate(NEED)
    again = Need.model_validate(read_back(dump_record(need)))
    assert again == need
