"""Writes tests/corpus/bad/: one folder per hostile or broken submission, with expect.yaml.

Run by hand (`python -m tests.corpus.make_bad`) after changing a case; the corpus test reads
the files, not this script. Each case: files relative to the repository root, and the
diagnostics (code, file, line, column) they must produce on top of the valid base repository.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from techvp.models.common import credit_check_char
from tests.factories import credit_code

HERE = Path(__file__).parent / "bad"
CC = credit_code()  # 91420102MA4K0TEW24
_ORG = "91420102MA4K0TEW" + ("3" if CC[16] != "3" else "4")
BAD_ORG = _ORG + credit_check_char(_ORG)  # right GB 32100 check, wrong GB 11714 check
NEEDS = "submissions/needs/wuhan-2022/jiangan"
EXPERTS = "submissions/experts/wuhan-2022"


def need(rid: str, **lines: str) -> str:
    """A valid need written by hand (so line numbers are known); `lines` replace whole lines.

    1 id  2 batch  3 region  4 enterprise:  5 name  6 credit_code  7 industry  8 employees
    9 revenue_last_year  10 qualifications:  11 - item  12 category  13 expert_field
    14 problem  15 contact:  16 name  17 phone
    """
    base = {
        "id": f"id: {rid}",
        "batch": "batch: wuhan-2022",
        "region": "region: jiangan",
        "enterprise": "enterprise:",
        "name": "  name: 武汉睿光激光科技有限公司",
        "credit_code": f"  credit_code: {CC}",
        "industry": "  industry: 光电子信息",
        "employees": "  employees: 120",
        "revenue": "  revenue_last_year: 3200.5",
        "qualifications": "  qualifications:",
        "qual_item": "    - 高新技术企业",
        "category": "category: 产品创新与技术攻关",
        "expert_field": "expert_field: 激光焊接与光束整形",
        "problem": "problem: 公司动力电池极耳激光焊接良品率仅为 92%，飞溅和虚焊问题突出，需要优化工艺。",
        "contact": "contact:",
        "contact_name": "  name: 王工",
        "phone": "  phone: '027-85317029'",
    }
    for key, value in lines.items():
        base[key] = value
    return "\n".join(v for v in base.values() if v is not None) + "\n"


def expert(rid: str, **lines: str) -> str:
    """1 id 2 batch 3 name 4 gender 5 birth_date 6 institution 7 institution_type 8 title
    9 title_level 10 degree 11 research_fields: 12 - item 13 patents: 14 - number 15 title
    16 kind 17 clean_record_3y 18 applications: 19 - laser-weld 20 contact: 21 phone"""
    base = {
        "id": f"id: {rid}",
        "batch": "batch: wuhan-2022",
        "name": "name: 李明",
        "gender": "gender: 男",
        "birth_date": "birth_date: 1985-06-01",
        "institution": "institution: 华中科技大学",
        "institution_type": "institution_type: 高校",
        "title": "title: 副教授",
        "title_level": "title_level: 副高级",
        "degree": "degree: 博士",
        "research_fields": "research_fields:",
        "field_item": "  - 激光焊接",
        "patents": "patents:",
        "patent_number": "  - number: ZL202110123456.7",
        "patent_title": "    title: 一种激光焊接方法",
        "patent_kind": "    kind: 发明",
        "clean": "clean_record_3y: true",
        "applications": "applications:",
        "app_item": "  - laser-weld",
        "contact": "contact:",
        "phone": "  phone: '13807100000'",
    }
    for key, value in lines.items():
        base[key] = value
    return "\n".join(v for v in base.values() if v is not None) + "\n"


def n(name: str) -> str:
    return f"{NEEDS}/{name}.yaml"


def e(name: str) -> str:
    return f"{EXPERTS}/{name}.yaml"


E = tuple[str, int | None, int | None]  # code, line, column (None: not asserted)
CASES: dict[str, tuple[dict[str, str | bytes], list[tuple[str, str, int | None, int | None]]]] = {}


def case(name: str, files: dict[str, str | bytes], *expect: tuple[Any, ...]) -> None:
    """expect items: (code, line, column) for the first file, or (code, file, line, column)."""
    first = next(iter(files))
    items = [(x[0], first, x[1], x[2]) if len(x) == 3 else x for x in expect]
    assert name not in CASES, name
    CASES[name] = (files, items)  # type: ignore[assignment]


def single(name: str, text: str | bytes, *expect: tuple[Any, ...]) -> None:
    case(name, {n(name): text}, *expect)


# ---- YAML syntax --------------------------------------------------------------------------------
single("syntax-unclosed-bracket", need("syntax-unclosed-bracket", qualifications="  qualifications: [高新技术企业", qual_item=None), ("yaml.syntax", 10, 19))
single("syntax-unclosed-brace", need("syntax-unclosed-brace", contact="contact: {name: 王工", contact_name=None, phone=None), ("yaml.syntax", 15, 10))
single("syntax-unclosed-double-quote", need("syntax-unclosed-double-quote", name='  name: "武汉睿光激光科技有限公司'), ("yaml.syntax", 5, 9))
single("syntax-unclosed-single-quote", need("syntax-unclosed-single-quote", phone="  phone: '027-85317029"), ("yaml.syntax", 17, 10))
single("syntax-colon-in-value", need("syntax-colon-in-value", problem="problem: 难题: 焊接飞溅严重，虚焊问题突出，需要优化工艺参数"), ("yaml.syntax", 14, 12))
single("syntax-fullwidth-colon", need("syntax-fullwidth-colon", expert_field="expert_field：激光焊接与光束整形"), ("yaml.syntax", 13, 13))
single("syntax-bad-indent", need("syntax-bad-indent", industry="   industry: 光电子信息"), ("yaml.syntax", 7, None))
single("syntax-dedented-list-item", need("syntax-dedented-list-item", qual_item="- 高新技术企业"), ("yaml.syntax", None, None))
single("syntax-missing-colon", need("syntax-missing-colon", expert_field="expert_field 激光焊接与光束整形"), ("yaml.syntax", 13, 1))
single("syntax-bad-escape", need("syntax-bad-escape", name='  name: "武汉\\q睿光"'), ("yaml.syntax", 5, None))
single("syntax-at-sign", need("syntax-at-sign", expert_field="expert_field: @激光焊接"), ("yaml.syntax", 13, 15))
single("syntax-backtick", need("syntax-backtick", expert_field="expert_field: `激光焊接`"), ("yaml.syntax", 13, 15))
single("syntax-text-after-quote", need("syntax-text-after-quote", name='  name: "武汉睿光"激光科技有限公司'), ("yaml.syntax", 5, None))
single("syntax-list-after-value", need("syntax-list-after-value", expert_field="expert_field: 激光\n- 光束整形"), ("yaml.syntax", 14, 1))
single("syntax-document-end-garbage", need("syntax-document-end-garbage") + "... trailing\n", ("yaml.syntax", 18, 5))
single("syntax-inline-comment", need("syntax-inline-comment", problem="problem: 公司激光焊接良品率仅为 92%，需要提升焊缝强度。 #2 产线问题更严重"), ("yaml.inline-comment", 14, 36))
single("syntax-inline-comment-list-item", need("syntax-inline-comment-list-item", qual_item="    - 高新技术企业 # 2021"), ("yaml.inline-comment", 11, 14))
single("syntax-no-space-after-colon", need("syntax-no-space-after-colon", expert_field="expert_field:激光焊接与光束整形"), ("yaml.syntax", 13, 14))
single("syntax-fullwidth-space-after-colon", need("syntax-fullwidth-space-after-colon", expert_field="expert_field:\u3000激光焊接与光束整形"), ("yaml.syntax", 13, 14))
single("syntax-fullwidth-indent", need("syntax-fullwidth-indent", industry="\u3000industry: 光电子信息"), ("yaml.fullwidth-indent", 7, 1))
single("syntax-fullwidth-indent-key", need("syntax-fullwidth-indent-key", industry="  \u3000industry: 光电子信息"), ("yaml.fullwidth-indent", 7, 3))
single("syntax-pasted-paragraph", need("syntax-pasted-paragraph", problem="problem: 公司激光焊接良品率仅为 92%，需要提升焊缝强度。\n其次，2 号产线飞溅严重。"), ("yaml.syntax", 15, 1))
single("multiple-documents", need("multiple-documents") + "---\n" + need("multiple-documents"), ("yaml.multiple-documents", 18, 1))
single("empty-file", "", ("yaml.empty", 1, 1))
single("only-comments", "# 企业需求\n# 待填写\n", ("yaml.empty", 1, 1))
single("top-level-list", "- id: top-level-list\n- batch: wuhan-2022\n", ("yaml.not-mapping", 1, 1))
single("top-level-scalar", "企业需求：激光焊接\n", ("yaml.not-mapping", 1, 1))
single("complex-key", need("complex-key") + "? [a, b]\n: 1\n", ("yaml.complex-key", 18, 3))
single("flow-mapping-key", need("flow-mapping-key") + "{a: 1}: 2\n", ("yaml.complex-key", 18, 1))

# ---- tags, anchors, aliases, bombs, depth -------------------------------------------------------
single("tag-python-object", need("tag-python-object", name="  name: !!python/object/apply:os.system ['echo pwned']"), ("yaml.tag", 5, 9))
single("tag-int", need("tag-int", employees="  employees: !!int 120"), ("yaml.tag", 8, 14))
single("tag-custom-mapping", need("tag-custom-mapping", contact="contact: !contact"), ("yaml.tag", 15, 10))
single("tag-binary", need("tag-binary", name="  name: !!binary 5q2m5rGJ"), ("yaml.tag", 5, 9))
single("anchor-and-alias", need("anchor-and-alias", name="  name: &n 武汉睿光激光科技有限公司", contact_name="  name: *n"), ("yaml.alias", 5, 9))
single("alias-undefined", need("alias-undefined", contact_name="  name: *nobody"), ("yaml.alias", 16, 9))
single("merge-key", need("merge-key", contact="contact:\n  <<: *base"), ("yaml.alias", 16, 7))
laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)
single("billion-laughs", laughs, ("yaml.alias", 1, 4))
single("deep-nesting-block", need("deep-nesting-block") + "cooperation:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(30)) + "  " * 31 + "v\n", ("yaml.too-deep", None, None))
single("deep-nesting-flow", need("deep-nesting-flow") + "cooperation: " + "[" * 5000 + "]" * 5000 + "\n", ("yaml.too-deep", 18, None))

# ---- duplicate keys -----------------------------------------------------------------------------
single("duplicate-key-top", need("duplicate-key-top") + "problem: 另一个难题，另一个难题，另一个难题。\n", ("yaml.duplicate-key", 18, 1))
single("duplicate-key-nested", need("duplicate-key-nested", industry="  industry: 光电子信息\n  name: 另一家公司"), ("yaml.duplicate-key", 8, 3))
single("duplicate-key-quoted", need("duplicate-key-quoted") + '"id": duplicate-key-quoted\n', ("yaml.duplicate-key", 18, 1))

# ---- encodings and invisible characters ---------------------------------------------------------
single("encoding-gbk", need("encoding-gbk").encode("gbk"), ("yaml.encoding", 5, 9))
single("encoding-utf16", need("encoding-utf16").encode("utf-16"), ("yaml.encoding", 1, 1))
single("encoding-latin1-in-middle", need("encoding-latin1-in-middle", contact_name="  name: Jos\xe9").encode("utf-8").replace("Jos\xe9".encode(), b"Jos\xe9"), ("yaml.encoding", 16, 12))
single("bom", b"\xef\xbb\xbf" + need("bom", problem="problem: 短").encode(), ("yaml.bom", 1, 1), ("field.too-short", 14, 10))
single("crlf", need("crlf", employees="  employees: -5").replace("\n", "\r\n"), ("yaml.crlf", 1, 9), ("field.range", 8, 14))
single("tab-indent", need("tab-indent", industry="\tindustry: 光电子信息"), ("yaml.tab", 7, 1))
single("tab-after-spaces", need("tab-after-spaces", phone="  \tphone: '027-85317029'"), ("yaml.tab", 17, 3))
single("nul-byte", need("nul-byte", name="  name: 武汉睿光\x00激光科技有限公司"), ("yaml.control-char", 5, 13))
single("bell-char", need("bell-char", expert_field="expert_field: 激光\x07焊接"), ("yaml.control-char", 13, 17))
single("noncharacter-fffe", need("noncharacter-fffe", expert_field="expert_field: 激光\ufffe焊接"), ("yaml.control-char", 13, 17))
single("zero-width-space-in-id", need("zero-width-space-in-id", id="id: zero-width\u200bspace-in-id"), ("field.record-id", 1, 5))

# ---- values the loader keeps as typed -----------------------------------------------------------
case("norway-no", {e("norway-no"): expert("norway-no", title_level="title_level: no")}, ("field.choice", 9, 14))
single("leading-zero-phone", need("leading-zero-phone", phone="  phone: 0271234"), ("field.phone", 17, 10))
single("octal-looking-employees", need("octal-looking-employees", employees="  employees: 0o17"), ("field.type", 8, 14))
single("float-employees", need("float-employees", employees="  employees: 12.5"), ("field.type", 8, 14))
single("hex-revenue", need("hex-revenue", revenue="  revenue_last_year: 0x1F"), ("field.type", 9, 22))

# ---- dates and numbers --------------------------------------------------------------------------
case("date-feb-30", {e("date-feb-30"): expert("date-feb-30", birth_date="birth_date: 2022-02-30")}, ("field.date", 5, 13))
case("date-month-13", {e("date-month-13"): expert("date-month-13", birth_date="birth_date: 1985-13-01")}, ("field.date", 5, 13))
case("date-slashes", {e("date-slashes"): expert("date-slashes", birth_date="birth_date: 1985/06/01")}, ("field.date", 5, 13))
case("date-chinese", {e("date-chinese"): expert("date-chinese", birth_date="birth_date: 1985年6月1日")}, ("field.date", 5, 13))
single("negative-employees", need("negative-employees", employees="  employees: -1"), ("field.range", 8, 14))
single("absurd-employees", need("absurd-employees", employees="  employees: 99999999999999999999"), ("field.range", 8, 14))
single("negative-revenue", need("negative-revenue", revenue="  revenue_last_year: -3200"), ("field.range", 9, 22))
single("absurd-revenue", need("absurd-revenue", revenue="  revenue_last_year: 1e400"), ("field.type", 9, 22))
single("nan-revenue", need("nan-revenue", revenue="  revenue_last_year: .nan"), ("field.type", 9, 22))
single("inf-revenue", need("inf-revenue", revenue="  revenue_last_year: .inf"), ("field.type", 9, 22))
single("chinese-amount", need("chinese-amount", revenue="  revenue_last_year: 三千万"), ("field.type", 9, 22))
single("capacity-zero", need("capacity-zero") + "capacity: 0\n", ("field.range", 18, 11))

# ---- 统一社会信用代码 -------------------------------------------------------------------------------
single("credit-code-check-digit", need("credit-code-check-digit", credit_code="  credit_code: " + CC[:-1] + ("5" if CC[-1] != "5" else "6")), ("field.credit-code-checksum", 6, 16))
for letter in "IOZSV":
    bad = CC[:10] + letter + CC[11:]
    single(f"credit-code-letter-{letter.lower()}", need(f"credit-code-letter-{letter.lower()}", credit_code=f"  credit_code: {bad}"), ("field.credit-code-charset", 6, 16))
single("credit-code-17-chars", need("credit-code-17-chars", credit_code=f"  credit_code: {CC[:17]}"), ("field.credit-code-length", 6, 16))
single("credit-code-bad-division", need("credit-code-bad-division", credit_code="  credit_code: " + credit_code("990102")), ("field.credit-code-division", 6, 16))
single("credit-code-org-check", need("credit-code-org-check", credit_code="  credit_code: " + BAD_ORG), ("field.credit-code-org-checksum", 6, 16))

# ---- keys and types -----------------------------------------------------------------------------
single("missing-problem", need("missing-problem", problem=None), ("field.missing", 1, 1))
single("missing-contact-phone", need("missing-contact-phone", phone=None), ("field.missing", 16, 3))
single("unknown-key-typo", need("unknown-key-typo", problem=need("x").splitlines()[13].replace("problem", "probelm")), ("field.unknown", 14, 1), ("field.missing", 1, 1))
single("unknown-key-chinese", need("unknown-key-chinese") + "企业名称: 武汉睿光\n", ("field.unknown", 18, 1))
single("unknown-nested-key", need("unknown-nested-key", industry="  industry: 光电子信息\n  legal_person: 张三"), ("field.unknown", 8, 3))
single("list-instead-of-text", need("list-instead-of-text", expert_field="expert_field: [激光焊接, 光束整形]"), ("field.type", 13, 15))
single("text-instead-of-mapping", need("text-instead-of-mapping", enterprise="enterprise: 武汉睿光激光科技有限公司", name=None, credit_code=None, industry=None, employees=None, revenue=None, qualifications=None, qual_item=None), ("field.type", 4, 13))
single("mapping-instead-of-list", need("mapping-instead-of-list", qual_item="    高新技术企业: 是"), ("field.type", 11, 5))
single("null-required-text", need("null-required-text", problem="problem: ~"), ("field.blank", 14, 10))
single("bool-not-yes-no", need("bool-not-yes-no") + "withdrawn: maybe\n", ("field.yes-no", 18, 12))
single("choice-category", need("choice-category", category="category: 技术服务"), ("field.choice", 12, 11))
single("problem-too-short", need("problem-too-short", problem="problem: 焊接"), ("field.too-short", 14, 10))
single("problem-too-long", need("problem-too-long", problem="problem: " + "焊" * 2001), ("field.too-long", 14, 10))
single("name-too-long", need("name-too-long", name="  name: " + "武" * 101), ("field.too-long", 5, 9))
single("duplicate-qualification", need("duplicate-qualification", qual_item="    - 高新技术企业\n    - 高新技术企业"), ("field.duplicate-item", 12, 7))
single("bad-phone", need("bad-phone", phone="  phone: '12345'"), ("field.phone", 17, 10))
single("bad-email", need("bad-email") + "  email: wang@\n", ("field.email", 18, 10))
single("too-many-preferred", need("too-many-preferred") + "preferred_experts:\n" + "".join(f"  - {{institution: 华中科技大学, name: 专家{i}, agreed: true}}\n" for i in range(3)), ("field.too-long", 19, 3))
case("patent-check-digit", {e("patent-check-digit"): expert("patent-check-digit", patent_number="  - number: ZL202110123456.3")}, ("field.patent-checksum", 14, 13))
case("patent-format", {e("patent-format"): expert("patent-format", patent_number="  - number: 2021101234567")}, ("field.patent-number", 14, 13))
case("title-level-mismatch", {e("title-level-mismatch"): expert("title-level-mismatch", title="title: 教授")}, ("field.title-level", 9, 14))
case("report-odd-month", {"submissions/reports/wuhan-2022/li-ming-hust/2022-07.yaml": "expert: li-ming-hust\nbatch: wuhan-2022\nperiod: 2022-07\ndays_served:\n  2022-06: 8\n  2022-07: 7\nactivities:\n  - 现场调研\n"}, ("field.even-month", 3, 9))
case("report-days-in-month", {"submissions/reports/wuhan-2022/li-ming-hust/2022-06.yaml": "expert: li-ming-hust\nbatch: wuhan-2022\nperiod: 2022-06\ndays_served:\n  2022-05: 8\n  2022-06: 31\nactivities:\n  - 现场调研\n"}, ("field.days-in-month", 6, 12))
case("report-32-days", {"submissions/reports/wuhan-2022/li-ming-hust/2022-04.yaml": "expert: li-ming-hust\nbatch: wuhan-2022\nperiod: 2022-04\ndays_served:\n  2022-03: 32\n  2022-04: 7\nactivities:\n  - 现场调研\n"}, ("field.range", 5, 12))
case("batch-absurd-quota", {"submissions/batches/absurd-quota.yaml": "id: absurd-quota\ntitle: 测试批次\npolicy: wuhan-2022\nreference_date: 2022-03-15\ndeadlines:\n  needs: 2022-03-15T17:00:00\n  experts: 2022-04-20T17:00:00+08:00\n  matching: 2022-04-30T17:00:00+08:00\n  selection: 2022-05-30T17:00:00+08:00\n  on_duty: 2022-06-30T17:00:00+08:00\nquota: 100000000\nregions:\n  - {slug: jiangan, name: 江岸区, code: '420102'}\nfunding:\n  per_person: 50000\n  tranches:\n    - {amount: 50000, when: on_duty}\nservice:\n  min_days_per_month: 7\n"}, ("field.datetime", 6, 10), ("field.range", 11, 8))

# ---- where files live ---------------------------------------------------------------------------
single("id-mismatch", need("some-other-id"), ("path.id-mismatch", 1, 5))
case("batch-folder-mismatch", {"submissions/needs/wuhan-2022/jiangan/batch-folder-mismatch.yaml": need("batch-folder-mismatch", batch="batch: hubei-2020")}, ("path.folder-mismatch", 2, 8))
case("region-folder-mismatch", {"submissions/needs/wuhan-2022/jiangan/region-folder-mismatch.yaml": need("region-folder-mismatch", region="region: donghu-gaoxin")}, ("path.folder-mismatch", 3, 9))
case("wrong-folder-singular", {"submissions/need/wuhan-2022/jiangan/wrong-folder-singular.yaml": need("wrong-folder-singular")}, ("path.unexpected", 1, 1))
case("too-deep-folder", {"submissions/experts/wuhan-2022/extra/too-deep-folder.yaml": expert("too-deep-folder")}, ("path.unexpected", 1, 1))
case("missing-region-folder", {"submissions/needs/wuhan-2022/missing-region-folder.yaml": need("missing-region-folder")}, ("path.unexpected", 1, 1))
case("non-ascii-name", {f"{NEEDS}/激光焊接需求.yaml": need("non-ascii-name")}, ("path.bad-name", 1, 1))
case("uppercase-name", {f"{NEEDS}/Uppercase-Name.yaml": need("uppercase-name")}, ("path.bad-name", 1, 1))
case("space-in-name", {f"{NEEDS}/space in name.yaml": need("space-in-name")}, ("path.bad-name", 1, 1))
case("dotdot-name", {f"{NEEDS}/..dotdot.yaml": need("dotdot")}, ("path.bad-name", 1, 1))
case("percent-encoded-name", {f"{NEEDS}/%2e%2e%2fetc.yaml": need("percent-encoded-name")}, ("path.bad-name", 1, 1))
case("non-ascii-folder", {"submissions/needs/wuhan-2022/江岸区/non-ascii-folder.yaml": need("non-ascii-folder")}, ("path.bad-name", 1, 1))
case("yml-extension", {f"{NEEDS}/yml-extension.yml": need("yml-extension")}, ("path.extension", 1, 1))
case("json-extension", {f"{NEEDS}/json-extension.json": '{"id": "json-extension"}\n'}, ("path.extension", 1, 1))
case("no-extension", {f"{NEEDS}/no-extension": need("no-extension")}, ("path.extension", 1, 1))
case("stray-file-at-top", {"submissions/stray-notes.txt": "备忘\n"}, ("path.unexpected", 1, 1))
case("duplicate-id-other-region", {"submissions/needs/wuhan-2022/donghu-gaoxin/laser-weld.yaml": need("laser-weld", region="region: donghu-gaoxin")}, ("dup.id", f"{NEEDS}/laser-weld.yaml", 1, 1))

# ---- references ---------------------------------------------------------------------------------
case("unknown-batch", {"submissions/needs/nosuch-batch/jiangan/unknown-batch.yaml": need("unknown-batch", batch="batch: nosuch-batch")}, ("ref.unknown-batch", 2, 8))
case("unknown-region", {"submissions/needs/wuhan-2022/hankou/unknown-region.yaml": need("unknown-region", region="region: hankou")}, ("ref.unknown-region", 3, 9))
single("unknown-industry", need("unknown-industry", industry="  industry: 光电子"), ("ref.unknown-industry", 7, 13))
case("unknown-need", {e("unknown-need"): expert("unknown-need", app_item="  - laser-wled")}, ("ref.unknown-need", 19, 5))
case("unknown-expert", {"submissions/appointments/wuhan-2022/nobody-here.yaml": "expert: nobody-here\nneed: laser-weld\nbatch: wuhan-2022\nstatus: selected\n"}, ("ref.unknown-expert", 1, 9))

# ---- personal data and secrets ------------------------------------------------------------------
single("guard-id-in-comment", need("guard-id-in-comment") + "# 联系人身份证 420102198506011237\n", ("guard.id-number", 18, None))
single("guard-id-as-phone", need("guard-id-as-phone", phone="  phone: '420102198506011237'"), ("guard.id-number", 17, None), ("field.phone", 17, 10))
single("guard-card-in-value", need("guard-card-in-value") + "cooperation: 经费请汇入 6222 0212 3456 7890 128\n", ("guard.card-number", 18, None))
single("guard-private-key", need("guard-private-key") + "cooperation: |\n  -----BEGIN RSA PRIVATE KEY-----\n  MIIEowIBAAKCAQEA\n", ("guard.secret", 19, None))
single("guard-token-as-key", need("guard-token-as-key") + "ghp_" + "Ab12" * 9 + ": x\n", ("guard.secret", 18, None), ("field.unknown", 18, 1))
single("guard-id-spaced", need("guard-id-spaced") + "cooperation: 联系人身份证 420102 19850601 1237\n", ("guard.id-number", 18, 21))
single("guard-id-dashed", need("guard-id-dashed") + "cooperation: 联系人身份证 420102-19850601-1237\n", ("guard.id-number", 18, 21))
single("guard-id-by-fours", need("guard-id-by-fours", phone="  phone: '4201 0219 8506 0112 37'"), ("guard.id-number", 17, 11), ("field.phone", 17, 10))
single("guard-id-fullwidth", need("guard-id-fullwidth") + "cooperation: 联系人身份证４２０１０２１９８５０６０１１２３７\n", ("guard.id-number", 18, 20))
case("guard-id-in-file-name", {f"{NEEDS}/420102198506011237.yaml": need("420102198506011237")}, ("guard.id-number", None, None))


def write_all() -> None:
    if HERE.exists():
        shutil.rmtree(HERE)
    for name, (files, expect) in CASES.items():
        folder = HERE / name
        for rel, content in files.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_bytes(content.encode("utf-8"))
        items = [
            {"code": code, "file": file, "line": line, "column": column}
            for code, file, line, column in expect
        ]
        (folder / "expect.yaml").write_text(
            yaml.safe_dump({"expect": items}, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )


if __name__ == "__main__":
    write_all()
    print(f"{len(CASES)} cases written to {HERE}")
