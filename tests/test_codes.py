"""Every diagnostic code the tool can emit has one Chinese message and is exercised by a test.

Codes are found in the source as a user never sees them: the first argument of error(),
warning(), priority() and Diagnostic(), plus every string of the same `family.name` shape in
the package (tables such as the pydantic error map name codes too).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import techvp
from techvp import messages
from techvp.messages import cli, core, excel, guard, issueform, lifecycle, policy, rules

PACKAGE = Path(techvp.__file__).parent
TESTS = Path(__file__).parent
MAKERS = {"error", "warning", "priority", "Diagnostic"}
SHAPE = re.compile(r"[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*")


def _strings(tree: ast.AST) -> tuple[set[str], set[str]]:
    """(codes passed to a maker, every code-shaped string literal) in one module."""
    made, shaped = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            first = node.args[0]
            if name in MAKERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                made.add(first.value)
        value = node.value if isinstance(node, ast.Constant) else None
        if isinstance(value, str) and SHAPE.fullmatch(value):
            shaped.add(value)
    return made, shaped


def _used_codes() -> set[str]:
    made: set[str] = set()
    shaped: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "messages" in path.parts or "demo" in path.parts:
            continue
        found = _strings(ast.parse(path.read_text(encoding="utf-8")))
        made |= found[0]
        shaped |= found[1]
    made |= set(core.PYDANTIC_TYPES.values())  # the pydantic error types' codes
    families = {code.split(".")[0] for code in made}
    return made | {code for code in shaped if code.split(".")[0] in families}


USED = sorted(_used_codes())
TEST_TEXT = "\n".join(
    path.read_bytes().decode("utf-8", errors="replace")
    for path in sorted(TESTS.rglob("*"))
    if path.suffix in {".py", ".yaml"} and path.is_file()
)


def test_codes_are_found() -> None:
    assert len(USED) >= 90
    assert {"git.bad-ref", "root.no-submissions", "eligibility.unknown-batch"} <= set(USED)


@pytest.mark.parametrize("code", USED)
def test_every_code_has_a_chinese_message(code: str) -> None:
    assert code in messages.MESSAGES
    assert re.search(r"[\u4e00-\u9fff]", messages.MESSAGES[code])


# Raised when the operating system refuses to read a file, which a test running as root (as CI
# containers do) cannot arrange without mocking the file system.
NOT_TESTABLE = {"yaml.unreadable", "guard.unreadable"}


@pytest.mark.parametrize("code", sorted(set(USED) - NOT_TESTABLE))
def test_every_code_is_exercised_by_a_test(code: str) -> None:
    assert re.search(rf"(?<![\w.-]){re.escape(code)}(?![\w-])", TEST_TEXT), code


def test_no_two_message_tables_define_the_same_code() -> None:
    tables = [
        core.MESSAGES,
        rules.MESSAGES,
        policy.MESSAGES,
        guard.MESSAGES,
        cli.MESSAGES,
        excel.MESSAGES,
        issueform.MESSAGES,
        lifecycle.MESSAGES,
    ]
    assert sum(len(table) for table in tables) == len(messages.MESSAGES)
