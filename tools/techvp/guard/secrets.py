"""Private keys and access tokens, recognised by their fixed shapes (no entropy guessing)."""

from __future__ import annotations

import re

# kind (shown to the user) → pattern. Every pattern is linear-time: no nested repetition.
PATTERNS: dict[str, re.Pattern[str]] = {
    "GitHub 令牌": re.compile(
        r"\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})"
    ),
    "GitLab 令牌": re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}"),
    "AWS 访问密钥": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "阿里云 AccessKey": re.compile(r"\bLTAI[0-9A-Za-z]{12,24}\b"),
    "腾讯云 SecretId": re.compile(r"\bAKID[0-9A-Za-z]{32}\b"),
    "Google API 密钥": re.compile(r"\bAIza[0-9A-Za-z_-]{35}"),
    "Slack 令牌": re.compile(r"\bxox[abposr]-[0-9A-Za-z-]{10,}"),
    "Stripe 密钥": re.compile(r"\b[rs]k_live_[0-9A-Za-z]{16,}"),
    "OpenAI 密钥": re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}"),
    "JWT 令牌": re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
}
# Private keys are looked for on their own: their header has spaces in it.
PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
PRIVATE_KEY_KIND = "私钥"
# All the token shapes in one pass over a file; the group name is the index into KINDS.
KINDS: tuple[str, ...] = tuple(PATTERNS)
COMBINED = re.compile("|".join(f"(?P<k{i}>{p.pattern})" for i, p in enumerate(PATTERNS.values())))
# The same shapes without their word boundaries: it matches wherever COMBINED does (and more), so
# a text it finds nothing in holds no token. Without a `\b` first the regex engine skips ahead by
# each shape's first character, and passes over a text without a token about ten times faster.
QUICK = re.compile("|".join(p.pattern.replace(r"\b", "") for p in PATTERNS.values()))


def kind_of(match: re.Match[str]) -> str:
    """The Chinese name of what a COMBINED match found."""
    return KINDS[int((match.lastgroup or "k0")[1:])]
