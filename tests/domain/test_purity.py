"""The domain knows no framework: no Qt, SQLAlchemy or reportlab anywhere in kakanai/domain."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kakanai.domain

FORBIDDEN = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "reportlab", "psycopg", "qrcode", "pyzbar", "zxingcpp")
DOMAIN = Path(kakanai.domain.__file__).parent


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_domain_module_imports_a_framework() -> None:
    offenders = {
        f"{path.relative_to(DOMAIN)}: {sorted(_imported_roots(path) & set(FORBIDDEN))}"
        for path in DOMAIN.rglob("*.py")
        if _imported_roots(path) & set(FORBIDDEN)
    }
    assert not offenders


def test_importing_the_whole_domain_loads_no_framework_module() -> None:
    # Run in a fresh interpreter so modules imported by other tests do not hide a leak.
    modules = [f"kakanai.domain.{p.stem}" for p in DOMAIN.glob("*.py") if p.stem != "__init__"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_purity_check_would_catch_a_qt_import(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text("from PySide6.QtCore import QDate\n", encoding="utf-8")
    assert "PySide6" in _imported_roots(sneaky)
