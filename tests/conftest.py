"""Shared fixtures: the shipped catalog, example households, a scratch copy of the catalog."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.resources import forms_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The default catalog shipped in forms/."""
    return load_catalog(forms_dir())


def household_doc(name: str) -> dict[str, Any]:
    """An example household document from tests/fixtures/households."""
    return json.loads((FIXTURES / "households" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped catalog folder, to break on purpose."""
    target = tmp_path / "forms"
    shutil.copytree(forms_dir(), target)
    return target
