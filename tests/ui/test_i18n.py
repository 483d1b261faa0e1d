"""The UI is Japanese by default and English from Qt's translation file, with nothing untranslated."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from kakanai.resources import resource
from kakanai.ui.i18n import install_translation, remove_translations
from kakanai.ui.print_page import PrintPage
from kakanai.ui.start_page import StartPage


def test_english_replaces_the_japanese_labels(qapp) -> None:  # type: ignore[no-untyped-def]
    assert StartPage().next_button.text() == "次の方\u3000［F1］"
    assert install_translation(qapp, "en")
    try:
        assert StartPage().next_button.text() == "Next please  [F1]"
        assert PrintPage().print_button.text() == "Print all  [F5]"
    finally:
        remove_translations(qapp)


def test_every_ui_text_has_an_english_translation(tmp_path: Path) -> None:
    ui = sorted(str(p) for p in (Path(resource()).parent / "kakanai" / "ui").glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *ui, "-ts", str(fresh)], check=True, capture_output=True)
    sources = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    shipped = {m.findtext("source"): m.find("translation") for m in ET.parse(resource("translations", "kakanai_en.ts")).iter("message")}
    assert sources <= set(shipped), sources - set(shipped)
    unfinished = [s for s, t in shipped.items() if t is None or t.get("type") == "unfinished" or not t.text]
    assert unfinished == []
