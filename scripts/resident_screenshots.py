#!/usr/bin/env python3
"""Screenshots of the resident page at phone size (390×844) for docs/screenshots/resident-*.png:
the form being filled (日本語), a foreign resident's 在留カード facts (Tiếng Việt), the bank account
and a notifier from outside the household (中文), its errors (やさしい日本語), the summary (English)
and the code (Tiếng Việt, the demo household). Needs chromium and chromium-driver (as the tests do)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kakanai.domain.catalog import load_catalog
from kakanai.resources import forms_dir
from kakanai.web.build import build_page
from tests.web.browser import chromium
from tests.web.resident import fill, open_page
from tests.web.test_page import HOUSEHOLDS

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    """Build the page in a temporary folder and write the four screenshots."""
    page = build_page(load_catalog(forms_dir()), Path(tempfile.mkdtemp()))
    with chromium() as driver:
        doc, typed = HOUSEHOLDS["move_in, a family of four with an account for the child allowance"]
        open_page(driver, page, "ja")
        fill(driver, doc, typed, wareki=True)
        driver.execute_script("document.getElementById('m1-given_kana').scrollIntoView()")
        driver.save_screenshot(str(OUT / "resident-form.png"))
        doc, typed = HOUSEHOLDS["move_in from Hanoi, a Vietnamese couple with residence cards"]
        open_page(driver, page, "vi")
        fill(driver, doc, typed)
        driver.execute_script("document.getElementById('m0-nationality').scrollIntoView()")
        driver.save_screenshot(str(OUT / "resident-foreign.png"))
        doc, typed = HOUSEHOLDS["death of the wife, the head listed first, a son from outside notifies"]
        open_page(driver, page, "zh")
        fill(driver, doc, typed)
        driver.execute_script("document.getElementById('notifier').scrollIntoView()")
        driver.save_screenshot(str(OUT / "resident-notifier-bank.png"))
        open_page(driver, page, "ja-easy")
        driver.find_element("id", "event-birth").click()
        driver.find_element("id", "check").click()
        driver.save_screenshot(str(OUT / "resident-errors.png"))
        open_page(driver, page, "en", "demo")
        driver.find_element("id", "back-to-summary").click()
        driver.save_screenshot(str(OUT / "resident-summary.png"))
        open_page(driver, page, "vi", "demo")
        driver.save_screenshot(str(OUT / "resident-code.png"))
    print(f"wrote {OUT}/resident-{{form,foreign,notifier-bank,errors,summary,code}}.png")


if __name__ == "__main__":
    main()
