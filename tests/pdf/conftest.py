"""Fixtures for the PDF tests (helpers live in ``tests/pdf/helpers.py``)."""

from __future__ import annotations

import pytest

from kakanai.domain.catalog import Catalog
from tests.conftest import household_doc
from tests.pdf.helpers import Rendered, render


@pytest.fixture(scope="session")
def family_bundle(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Rendered:
    """The family-of-four move-in bundle, rendered once: the demo code and what the interview adds to it
    (who claims 児童手当, which a KKN1 code cannot say)."""
    doc = household_doc("family_move_in") | {"v": 2, "child_allowance": {"claimant": 0}}
    return render(tmp_path_factory.mktemp("bundle"), "family_move_in", catalog, doc)
