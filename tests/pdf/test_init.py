"""kakanai.pdf is the only package that imports reportlab, and the command line loads it only to print."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kakanai

PACKAGE = Path(kakanai.__file__).parent
PROJECT = PACKAGE.parent


def _imports_reportlab(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
        if any(name.split(".")[0] == "reportlab" for name in names):
            return True
    return False


def test_no_module_outside_kakanai_pdf_imports_reportlab() -> None:
    files = [*PACKAGE.rglob("*.py"), *(PROJECT / "scripts").glob("*.py"), *(PROJECT / "bench").glob("*.py")]
    offenders = [str(p.relative_to(PROJECT)) for p in files
                 if _imports_reportlab(p) and (PACKAGE / "pdf") not in p.parents]
    assert offenders == []
    assert _imports_reportlab(PACKAGE / "pdf" / "draw.py")


def test_building_the_command_line_does_not_load_reportlab() -> None:
    code = "import sys, kakanai.cli as c; c.build_parser(); print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert out.stdout.strip() == "False"
