"""Golden renders: the family move-in bundle at 30 dpi in grey, compared page by page within a tolerance.

When a layout change is intended, look at the new pages and run ``scripts/update_golden.py``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kakanai.domain.catalog import load_catalog
from kakanai.pdf.bundle import render_bundle
from kakanai.resources import forms_dir
from tests.conftest import household_doc
from tests.pdf.helpers import ISSUED, VISIT, household_of, plan_of

GOLDEN = Path(__file__).parent / "golden"
NAME = "family_move_in"
DPI = 30
TOLERANCE = 1.5  # mean absolute difference per pixel, in grey levels (0–255)

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")


def render_pngs(folder: Path) -> list[Path]:
    """The family move-in bundle, rendered with a fixed visit id and date, as one grey PNG per page."""
    catalog = load_catalog(forms_dir())
    household = household_of(household_doc(NAME))
    pdf = folder / f"{NAME}.pdf"
    render_bundle(household, plan_of(household, catalog), catalog, pdf, visit_id=VISIT, issued=ISSUED)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(folder / NAME)], check=True)
    return sorted(folder.glob(f"{NAME}-*.png"))


def difference(a: Path, b: Path) -> float:
    """Mean absolute pixel difference of two grey images (infinite when their sizes differ)."""
    left, right = (np.asarray(Image.open(p).convert("L"), dtype=np.int16) for p in (a, b))
    return float(np.abs(left - right).mean()) if left.shape == right.shape else float("inf")


def store_pages(golden: Path, name: str, pages: list[Path]) -> None:
    """Replace the stored pages of one render (golden/NAME-N.png) with today's, dropping pages it no
    longer has, and print how much each changed (scripts/update_golden.py, test_golden_life.main)."""
    golden.mkdir(parents=True, exist_ok=True)
    old = {p.name: p for p in golden.glob(f"{name}-*.png")}
    for stale in set(old) - {p.name for p in pages}:
        old[stale].unlink()
    for page in pages:
        change = f"{difference(page, old[page.name]):.2f}" if page.name in old else "new"
        shutil.copyfile(page, golden / page.name)
        print(f"{page.name}: {change}")


def test_every_page_looks_as_it_did(tmp_path: Path) -> None:
    rendered = render_pngs(tmp_path)
    golden = sorted(GOLDEN.glob(f"{NAME}-*.png"))
    assert [p.name for p in rendered] == [p.name for p in golden]
    differences = {p.name: round(difference(p, g), 2) for p, g in zip(rendered, golden)}
    assert all(d < TOLERANCE for d in differences.values()), differences


def test_the_tolerance_tells_one_form_from_another() -> None:
    golden = sorted(GOLDEN.glob(f"{NAME}-*.png"))
    assert difference(golden[0], golden[1]) > 4 * TOLERANCE
