"""All Chinese text a user reads, in one package: diagnostic templates, field errors, CLI help.

Each family of checks keeps its templates in its own module here; `MESSAGES` merges them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from techvp.messages import cli, core, excel, guard, issueform, lifecycle, policy, rules

MESSAGES: dict[str, str] = {
    **core.MESSAGES,
    **rules.MESSAGES,
    **policy.MESSAGES,
    **guard.MESSAGES,
    **cli.MESSAGES,
    **excel.MESSAGES,
    **issueform.MESSAGES,
    **lifecycle.MESSAGES,
}

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "priority": "优先"}


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def shown(value: Any) -> Any:
    """A parameter as a message shows it: a list or tuple joined with “、” (an empty one reads
    “无”), anything else unchanged. Rules pass lists, so other formats keep the structure."""
    if isinstance(value, list | tuple):
        return policy.LIST_SEP.join(str(v) for v in value) or policy.NONE
    return value


def render(code: str, params: Mapping[str, Any]) -> str:
    """The Chinese text for a diagnostic code; unknown codes still say something useful."""
    template = MESSAGES.get(code)
    if template is None:
        return f"[{code}] {dict(params)}"
    return template.format_map(_Lenient({k: shown(v) for k, v in params.items()}))


__all__ = ["MESSAGES", "SEVERITY_LABELS", "cli", "render", "shown"]
