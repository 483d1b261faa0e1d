"""A screen knows no database: nothing in kakanai/ui imports SQLAlchemy, Alembic, psycopg or
kakanai.store; screens get figures and typed errors from the services (AST scan of every module,
including imports inside functions and relative ones)."""

from __future__ import annotations

import ast
from pathlib import Path

import kakanai.ui

UI = Path(kakanai.ui.__file__).parent
FORBIDDEN = ("sqlalchemy", "alembic", "psycopg", "kakanai.store")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved against its package."""
    package = "kakanai.ui"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def forbidden(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)}


def test_no_ui_module_imports_the_database_or_the_store() -> None:
    offenders = {f"{p.relative_to(UI)}: {sorted(forbidden(imported_modules(p)))}"
                 for p in sorted(UI.rglob("*.py")) if forbidden(imported_modules(p))}
    assert not offenders


def test_the_scan_would_catch_each_way_of_importing_them(tmp_path: Path) -> None:
    for line in ("from sqlalchemy.exc import SQLAlchemyError", "import sqlalchemy", "from kakanai.store.kpi import Stat",
                 "from kakanai import store", "from ..store import kpi", "def f():\n    import psycopg"):
        sneaky = tmp_path / "sneaky.py"
        sneaky.write_text(line + "\n", encoding="utf-8")
        assert forbidden(imported_modules(sneaky)), line
    (tmp_path / "fine.py").write_text("from kakanai.services.supervisor import KpiFilter, Stat\n", encoding="utf-8")
    assert not forbidden(imported_modules(tmp_path / "fine.py"))
