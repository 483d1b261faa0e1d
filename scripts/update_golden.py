#!/usr/bin/env python3
"""Regenerate the golden PNG renders in tests/pdf/golden/ after an intended layout change.

    .venv/bin/python scripts/update_golden.py

Look at the new pages before committing them: they are what tests/pdf/test_golden.py holds the
layout to. Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdf.test_golden import GOLDEN, NAME, render_pngs, store_pages


def main() -> int:
    """Render the golden bundle and replace the stored pages, reporting how much each changed."""
    with tempfile.TemporaryDirectory() as folder:
        pages = render_pngs(Path(folder))
        store_pages(GOLDEN, NAME, pages)
    print(f"{len(pages)} pages in {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
