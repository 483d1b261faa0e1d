"""The Windows CI workflow (.github/workflows/windows.yml) is a valid GitHub workflow and builds
with Linux's pins: Python 3.11 and the PySide6 that pyproject.toml pins. The schema check runs when
check-jsonschema is installed (the test extra has it); it uses its built-in GitHub workflow schema,
so it needs no network."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def _check_jsonschema() -> str | None:
    beside = Path(sys.executable).with_name("check-jsonschema")
    return str(beside) if beside.exists() else shutil.which("check-jsonschema")


def test_the_workflow_is_valid_against_githubs_schema() -> None:
    tool = _check_jsonschema()
    if tool is None:
        pytest.skip("check-jsonschema is not installed (pip install -e .[test])")
    done = subprocess.run([tool, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_builds_with_linux_pins() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    [pyside] = [re.fullmatch(r"PySide6-Essentials==([\d.]+)", p)[1] for p in pins  # type: ignore[index]
                if p.startswith("PySide6-Essentials")]
    assert 'python-version: "3.11"' in text and f'-ne "{pyside}"' in text
    # the bundle, its self-test and the installer come from the one script IT runs by hand
    assert r"packaging\windows\build.ps1" in text and "--selftest" in text and "windows-" in text
