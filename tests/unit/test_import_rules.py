"""The layering of DESIGN.md "Parts and layout", checked on every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "clienteling"

# Which of our parts each part may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "protocol": {"domain"},
    "store": {"domain", "protocol"},
    "sync": {"domain", "protocol", "store"},
    "hub": {"domain", "protocol"},
    "terminal": {"domain", "protocol", "store", "sync"},
    "ui": {"domain", "terminal"},
    "demo": {"domain", "terminal", "hub", "ui"},
    # Top-level modules (the CLI) wire the parts together.
    "": {"domain", "protocol", "store", "sync", "hub", "terminal", "ui", "demo"},
}

# Third-party modules a part must never touch.
FORBIDDEN_THIRD_PARTY: dict[str, set[str]] = {
    "domain": {"PySide6", "httpx", "sqlite3", "sqlite_utils", "sqlalchemy", "fastapi"},
    "protocol": {"PySide6", "httpx", "sqlite3", "sqlite_utils", "sqlalchemy", "fastapi"},
    "store": {"PySide6", "httpx", "sqlalchemy", "fastapi"},
    "sync": {"PySide6", "sqlalchemy", "fastapi"},
    "hub": {"PySide6", "sqlite_utils"},
    "terminal": {"PySide6", "sqlalchemy", "fastapi"},
    "ui": {"httpx", "sqlite3", "sqlite_utils", "sqlalchemy", "fastapi"},
}


def _part_of(module_file: Path) -> str:
    rel = module_file.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else ""


def _imports(tree: ast.AST) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno))
    return found


def violations_in(module_file: Path) -> list[str]:
    part = _part_of(module_file)
    tree = ast.parse(module_file.read_text(encoding="utf-8"))
    problems = []
    for name, line in _imports(tree):
        top, _, rest = name.partition(".")
        where = f"{module_file.relative_to(PACKAGE.parent)}:{line}"
        if top == "clienteling":
            target = rest.split(".")[0] if rest else ""
            if target in ALLOWED and target not in ("", part) and target not in ALLOWED[part]:
                problems.append(f"{where}: {part or 'clienteling'} imports {name}")
        elif top in FORBIDDEN_THIRD_PARTY.get(part, set()):
            problems.append(f"{where}: {part} imports {top}")
    return problems


def test_no_module_imports_across_the_allowed_directions() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10
    problems = [p for f in files for p in violations_in(f)]
    assert problems == []


@pytest.mark.parametrize(
    ("part", "source", "expected"),
    [
        ("domain", "from clienteling.store import views\n", 1),
        ("hub", "import clienteling.terminal.facade\n", 1),
        ("ui", "import sqlite3\n", 1),
        ("ui", "from clienteling.terminal.views import CustomerHit\n", 0),
    ],
)
def test_the_checker_catches_a_wrong_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, part: str, source: str, expected: int
) -> None:
    fake_package = tmp_path / "clienteling"
    (fake_package / part).mkdir(parents=True)
    module = fake_package / part / "bad.py"
    module.write_text(source, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake_package)
    assert len(violations_in(module)) == expected
