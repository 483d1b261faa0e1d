#!/usr/bin/env python3
"""Regenerate the golden PNG renders in tests/pdf/golden/ after an intended layout change.

    .venv/bin/python scripts/update_golden.py

Look at the new pages before committing them: they are what tests/pdf/test_golden.py holds the
layout to. Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdf.test_golden import GOLDEN, NAME, difference, render_pngs


def main() -> int:
    """Render the golden bundle and replace the stored pages, reporting how much each changed."""
    with tempfile.TemporaryDirectory() as folder:
        pages = render_pngs(Path(folder))
        old = {p.name: p for p in GOLDEN.glob(f"{NAME}-*.png")}
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for stale in set(old) - {p.name for p in pages}:
            old[stale].unlink()
        for page in pages:
            change = f"{difference(page, old[page.name]):.2f}" if page.name in old else "new"
            shutil.copyfile(page, GOLDEN / page.name)
            print(f"{page.name}: {change}")
    print(f"{len(pages)} pages in {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
