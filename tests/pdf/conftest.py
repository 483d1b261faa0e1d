"""Fixtures for the PDF tests (helpers live in ``tests/pdf/helpers.py``)."""

from __future__ import annotations

import pytest

from kakanai.domain.catalog import Catalog
from tests.pdf.helpers import Rendered, render


@pytest.fixture(scope="session")
def family_bundle(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Rendered:
    """The family-of-four move-in bundle, rendered once."""
    return render(tmp_path_factory.mktemp("bundle"), "family_move_in", catalog)
