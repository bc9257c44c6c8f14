"""Bank-card numbers: 16–19 digits passing the Luhn check, with a plausible issuer prefix.

To keep demo-like data (credit codes, phone numbers, patent numbers, amounts, long serials)
quiet, a number must also start with a known card issuer prefix (银联 62, Visa 4, Mastercard
51–55 and 2221–2720, JCB 35, Discover 6011/65, 国内借记卡 60/9558/9559) — unless its line talks
about a bank card or account (卡号、银行、账号…), in which case any Luhn-valid number counts.
"""

from __future__ import annotations

import re

from techvp.guard.idnumbers import is_credit_code

# 16–19 digits written together, or in groups of four separated by a space or hyphen.
CANDIDATE = re.compile(r"(?<![0-9])[0-9]{16,19}(?![0-9])")
GROUPED = re.compile(r"(?<![0-9-])[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -]?[0-9]{1,3})?(?![0-9-])")
_ISSUERS = re.compile(r"62|60|65|6011|4|5[1-5]|2[2-7]|35|955[89]")
BANKING_CONTEXT = re.compile(r"卡号|银行|账号|帐号|账户|帐户|开户|card|iban|account", re.IGNORECASE)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char)
        if i % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _issuer_ok(digits: str) -> bool:
    if not _ISSUERS.match(digits):
        return False
    if digits.startswith("2"):  # Mastercard 2-series is only 2221–2720
        return 2221 <= int(digits[:4]) <= 2720
    return True


def is_card_number(candidate: str, banking_context: bool = False) -> bool:
    """True for a Luhn-valid 16–19 digit number that looks like a payment card."""
    digits = candidate.replace(" ", "").replace("-", "")
    if not 16 <= len(digits) <= 19 or not digits.isdigit():
        return False
    if not luhn_ok(digits) or is_credit_code(digits):
        return False
    return banking_context or _issuer_ok(digits)
