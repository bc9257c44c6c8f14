"""Every policy code has a Chinese message, a test, and every rule module cites clauses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from techvp import policies
from techvp.messages import MESSAGES
from techvp.messages import policy as text

PACKAGE = Path(policies.__file__).parent
TESTS = Path(__file__).parent
CODE = re.compile(r'"(policy\.[a-z0-9-]+)"')


def _codes_in(folder: Path) -> set[str]:
    return {m for path in folder.rglob("*.py") for m in CODE.findall(path.read_text("utf-8"))}


USED = sorted(_codes_in(PACKAGE))


def test_codes_are_found() -> None:
    assert len(USED) >= 25


@pytest.mark.parametrize("code", USED)
def test_every_code_has_a_message(code: str) -> None:
    assert code in MESSAGES
    assert code in text.MESSAGES


@pytest.mark.parametrize("code", USED)
def test_every_code_has_a_test(code: str) -> None:
    assert code in _codes_in(TESTS / "rules") | _codes_in(TESTS), code


def test_no_message_without_a_rule() -> None:
    assert sorted(text.MESSAGES) == USED


def test_messages_are_chinese_and_name_their_values() -> None:
    for code, template in text.MESSAGES.items():
        assert re.search(r"[\u4e00-\u9fff]", template), code


def test_clauses_exist_for_every_profile_source() -> None:
    for profile, clauses in text.CLAUSES.items():
        for key, clause in clauses.items():
            assert clause, (profile, key)
            assert any(source in clause for source in text.SOURCES.values()), (profile, key)
