"""Golden renders of a death, a birth (twins) and a marriage from KKN2 codes, at 30 dpi in grey, page
by page within the tolerance of test_golden. After an intended change, look at the new pages and run
``.venv/bin/python -m tests.pdf.test_golden_life``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kakanai.domain.catalog import load_catalog
from kakanai.domain.household_doc import parse_household
from kakanai.pdf.bundle import render_bundle
from kakanai.resources import forms_dir
from tests.pdf.helpers import ISSUED, VISIT, plan_of
from tests.pdf.test_golden import DPI, TOLERANCE, difference, store_pages

GOLDEN = Path(__file__).parent / "golden" / "life"
V2 = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2"
NAMES = ("death_of_pensioner", "birth_of_twins", "marriage_surname_change")

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")


def render_pngs(name: str, folder: Path) -> list[Path]:
    """The bundle of one KKN2 fixture, with a fixed visit id and date, as one grey PNG per page."""
    catalog = load_catalog(forms_dir())
    household = parse_household(json.loads((V2 / f"{name}.json").read_text(encoding="utf-8"))).household
    pdf = folder / f"{name}.pdf"
    render_bundle(household, plan_of(household, catalog), catalog, pdf, visit_id=VISIT, issued=ISSUED)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(folder / name)], check=True)
    return sorted(folder.glob(f"{name}-*.png"))


@pytest.mark.parametrize("name", NAMES)
def test_every_page_looks_as_it_did(name: str, tmp_path: Path) -> None:
    rendered = render_pngs(name, tmp_path)
    golden = sorted(GOLDEN.glob(f"{name}-*.png"))
    assert [p.name for p in rendered] == [p.name for p in golden]
    differences = {p.name: round(difference(p, g), 2) for p, g in zip(rendered, golden)}
    assert all(d < TOLERANCE for d in differences.values()), differences


def main() -> int:
    """Replace the stored pages with today's renders, reporting how much each changed."""
    with tempfile.TemporaryDirectory() as folder:
        for name in NAMES:
            store_pages(GOLDEN, name, render_pngs(name, Path(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
