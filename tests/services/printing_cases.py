"""Bundles for the printing tests: the family move-in (14 A4 pages) and the same with 国保 on A3."""

from __future__ import annotations

import io
from pathlib import Path

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.pdf.bundle import render_bundle
from kakanai.services.documents import Bundle
from tests.conftest import household_doc
from tests.pdf.helpers import ISSUED, household_of, plan_of

A3_FORM = "kokuho"  # page 5 of the family bundle


def family_bundle(catalog: Catalog, visit_id: str) -> Bundle:
    """The family of four moving in: 12 forms and the take-home sheet, 14 pages."""
    household = household_of(household_doc("family_move_in"))
    out = io.BytesIO()
    report = render_bundle(household, plan_of(household, catalog), catalog, out, visit_id=visit_id, issued=ISSUED)
    return Bundle(visit_id, out.getvalue(), report)


def a3_catalog(catalog_copy: Path) -> Catalog:
    """The shipped catalog with the 国保 form on A3, as a city might print it."""
    path = catalog_copy / "forms" / "hoken_nenkin.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'id = "{A3_FORM}"\n', f'id = "{A3_FORM}"\npaper = "A3"\n', 1), encoding="utf-8")
    return load_catalog(catalog_copy)
