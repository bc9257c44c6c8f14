"""The package's shape: imports flow one way, no private name crosses a module, only the CLI prints.

Layers, lowest first (STYLE.md): a module may import its own layer and those below, never above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tools" / "techvp"

# Module name prefixes (without `techvp.`) → layer. The longest matching prefix decides.
LAYERS: dict[str, int] = {
    "messages": 0,
    "diagnostics": 1,
    "jsontext": 0,
    "models": 2,
    "layout": 3,
    "yamlio": 3,
    "yamlsyntax": 3,
    "yamlblock": 3,
    "yamlbuild": 3,
    "yamlwrite": 3,
    "guard": 3,
    "modelcheck": 3,
    "reading": 3,
    "recordpickle": 3,
    "repo": 3,
    "changes": 3,
    "recordids": 3,
    "history": 3,
    "cache": 3,
    "policies": 4,
    "reportjson": 4,
    "matching": 4,
    "lifecycle": 4,
    "validate": 5,
    "incremental": 5,
    "build": 5,
    "excel": 5,
    "site": 5,
    "demo": 5,
    "schema": 5,
    "template": 5,
    "issueform": 5,
    "codeowners": 5,
    "formats": 6,
    "clickzh": 6,
    "cli": 7,
    "__main__": 7,
}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__")


def _layer(module: str) -> int:
    matches = [p for p in LAYERS if module == p or module.startswith(p + ".")]
    assert matches, f"techvp.{module} has no layer in tests/test_architecture.py"
    return LAYERS[max(matches, key=len)]


def _imports(path: Path) -> list[tuple[str, str, int]]:
    """(imported module without `techvp.`, imported name or "", line) for every techvp import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("techvp"):
            base = node.module.removeprefix("techvp").removeprefix(".")
            for alias in node.names:
                # `from techvp import messages` imports the module techvp.messages.
                target = base if base else alias.name
                found.append((target, alias.name, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("techvp."):
                    found.append((alias.name.removeprefix("techvp."), "", node.lineno))
    return found


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if _module(p))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: _module(p))
def test_imports_flow_one_way(path: Path) -> None:
    module = _module(path)
    upward = [
        f"line {line}: imports techvp.{target}"
        for target, _, line in _imports(path)
        if _layer(target) > _layer(module)
    ]
    assert upward == [], f"techvp.{module} imports a higher layer"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: _module(p))
def test_no_private_name_is_imported_from_another_module(path: Path) -> None:
    private = [
        f"line {line}: {name} from techvp.{target}"
        for target, name, line in _imports(path)
        if name.startswith("_")
    ]
    assert private == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: _module(p))
def test_only_the_cli_prints_or_exits(path: Path) -> None:
    if _module(path).split(".")[0] == "cli":  # the cli package, each of its modules
        return
    calls = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name in {"print", "click.echo", "sys.exit", "exit"}:
                calls.append(f"line {node.lineno}: {name}")
    assert calls == []
