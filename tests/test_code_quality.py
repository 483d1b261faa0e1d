"""The code stays as clean as the day it was checked (issue 11): ruff over everything we write,
and mypy strict over the pure domain. Both run here so CI proves them with the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          check=False)


def test_ruff_finds_nothing() -> None:
    done = _run("ruff", "check", "--no-cache", "kakanai", "tests", "bench", "bench/run", "scripts",
                "packaging")
    assert done.returncode == 0, done.stdout[-4000:]


def test_the_domain_type_checks_strictly() -> None:
    done = _run("mypy", "--strict", "--no-incremental", "kakanai/domain")
    assert done.returncode == 0, done.stdout[-4000:]
