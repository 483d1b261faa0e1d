"""The built resident page and one headless Chromium shared by a test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.web.build import build_page
from tests.web.browser import chromium


@pytest.fixture(scope="session")
def built_page(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    """``kakanai web build`` of the shipped catalog."""
    return build_page(catalog, tmp_path_factory.mktemp("resident-page"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A phone-sized headless Chromium (390×844)."""
    with chromium() as driver:
        yield driver
