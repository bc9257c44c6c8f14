"""One demo site per test session: the shipped batch plus an XSS need and a canary need and
expert, committed to Git (so pages show dates), built once by `techvp build` through the CLI."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from techvp.cli import main
from techvp.layout import record_path
from tests.factories import dump, write

PROJECT = Path(__file__).resolve().parents[2]
NOW = "2022-04-01T09:00:00+08:00"  # in the expert-recommendation stage of wuhan-2022
XSS_PROBLEM = (
    "焊接良品率低<script>window.__xss=1</script>，"
    '另见<img src=x onerror="window.__xss=2">图示，需要专家帮助改进工艺。'
)
XSS_NAME = "武汉<b>加粗</b>测试有限公司"
# A distinct canary per internal field; the value must be valid for the field's type.
NEED_CANARIES: dict[tuple[str, ...], str] = {
    ("preferred_experts", "institution"): "金丝雀单位甲",
    ("preferred_experts", "name"): "金丝雀专家乙",
    ("contact", "name"): "金丝雀联系人丙",
    ("contact", "phone"): "13911112222",
    ("contact", "email"): "canary-need@example.cn",
    ("submitted_by",): "canary-submitter-account",
}
EXPERT_CANARIES: dict[tuple[str, ...], str] = {
    ("birth_date",): "1981-07-29",
    ("contract_end",): "2031-09-17",
    ("political_status",): "金丝雀党派丁",
    ("contact", "phone"): "13933334444",
    ("contact", "email"): "canary-expert@example.cn",
}
# Internal fields whose values cannot hold a canary (a choice, yes/no, or the id of an expert,
# which is public on the expert's own record): a test checks the canaries above plus these
# cover every internal field.
NOT_TEXT = {
    ("preferred_experts",),
    ("contact",),
    ("preferred_experts", "agreed"),
    ("preferred_experts", "expert"),
    ("gender",),
    ("clean_record_3y",),
    ("renewal_proof",),
}


@dataclass(frozen=True)
class DemoSite:
    root: Path
    site: Path
    xss_need: str = "xss-test-need"
    canary_need: str = "canary-need"
    canary_expert: str = "canary-expert-hust"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _records(root: Path) -> None:
    needs = root / "submissions" / "needs" / "wuhan-2022" / "jiangan"
    base = _load(needs / "anchi-ev-battery-service.yaml")
    xss = {**base, "id": "xss-test-need", "problem": XSS_PROBLEM}
    xss["enterprise"] = {**base["enterprise"], "name": XSS_NAME}
    write(root, record_path("need", xss), dump(xss))
    canary = {
        **base,
        "id": "canary-need",
        "preferred_experts": [
            {"institution": "金丝雀单位甲", "name": "金丝雀专家乙", "agreed": True}
        ],
        "contact": {
            "name": "金丝雀联系人丙",
            "phone": "13911112222",
            "email": "canary-need@example.cn",
        },
        "submitted_by": "canary-submitter-account",
    }
    write(root, record_path("need", canary), dump(canary))
    experts = root / "submissions" / "experts" / "wuhan-2022"
    expert = {
        **_load(experts / "bai-lu-hust.yaml"),
        "id": "canary-expert-hust",
        "name": "金丝雀",
        "birth_date": "1981-07-29",
        "contract_end": "2031-09-17",
        "political_status": "金丝雀党派丁",
        "contact": {"phone": "13933334444", "email": "canary-expert@example.cn"},
        "applications": ["canary-need"],
    }
    write(root, record_path("expert", expert), dump(expert))


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> DemoSite:
    root = tmp_path_factory.mktemp("site-repo")
    shutil.copytree(PROJECT / "submissions", root / "submissions")
    _records(root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.cn", "commit", "-qm", "demo")
    site = tmp_path_factory.mktemp("site") / "public"
    result = CliRunner().invoke(
        main, ["build", "--root", str(root), "--now", NOW, "--site-dir", str(site)]
    )
    assert result.exit_code == 0, result.output
    return DemoSite(root, site)
