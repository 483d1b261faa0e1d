"""Screenshots of each step of a visit, made offscreen, at the two screens counters have:
docs/screenshots/step*_1366x768.png and step*_1920x1080.png. The window is grabbed at the size a
maximized window gets on that screen with a taskbar (40 px) and a title bar (30 px).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kakanai.app import build_window
from kakanai.bootstrap import build_services
from kakanai.demo import demo_residents
from kakanai.settings import load_settings
from kakanai.ui import dialogs
from kakanai.ui.style import install_fonts

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def _settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


SCREENS = ((1366, 768), (1920, 1080))
TASKBAR_AND_TITLE = 70


def main() -> None:
    """Walk a QR visit and an interview on each screen size, saving one PNG per step."""
    app = QApplication.instance() or QApplication([])
    install_fonts(app, 13)
    dialogs.AUTO_ANSWER = True
    for width, height in SCREENS:
        walk(app, width, height)


def walk(app: QApplication, width: int, height: int) -> None:
    """One visit's steps at one screen size."""
    services = build_services(load_settings([], {"data_dir": tempfile.mkdtemp(), "clerk_id": "demo"}))
    window = build_window(services, demo=True)
    window.resize(width, height - TASKBAR_AND_TITLE)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    OUT.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        _settle(app)
        assert window.size().height() <= height - TASKBAR_AND_TITLE, f"{name}: the window grew past the screen"
        assert window.size().width() <= width, f"{name}: the window grew wider than the screen"
        path = OUT / f"{name}_{width}x{height}.png"
        window.grab().save(str(path))
        print(path)

    shot("step1_start")
    window._on_next("A-031")
    window.controller.answer("event", "move_in")
    window.controller.answer("date", "R8.4.1")
    window.controller.answer("new.postal", "090-0001")
    window.intake_page.prefer_scan = False
    window.intake_page.focus_default()
    shot("step2_interview")
    window.controller.cancel()
    window._on_demo(demo_residents(date.today())[0][1])  # dated as the demo queue dates it: no deadline passed
    for question in window.controller.questions():  # an older code asks who claims 児童手当: the father
        if question.spec.kind == "notifier":
            window.controller.answer(question.path, 0)
    window.controller.go("household")
    shot("step3_household")
    window._on_add_procedure()  # Insert: search the event's procedures by counter, then choose whom
    dialog = window.add_dialog
    assert dialog is not None
    _settle(app)
    path = OUT / f"step3_add_procedure_{width}x{height}.png"
    dialog.grab().save(str(path))
    print(path)
    dialog.reject()
    window.controller.go("review")
    end = time.monotonic() + 30
    while window.controller.bundle is None and time.monotonic() < end:
        _settle(app, 0.05)  # never spin processEvents without sleeping (PySide6 on 3.11 leaks a None ref per call)
    _settle(app, 1.0)
    shot("step4_review")
    window.controller.go("print")
    shot("step5_print")
    window._on_suspend()  # F8: the visit waits, named, on the start page
    shot("step6_suspended")
    window.close()
    services.close()


if __name__ == "__main__":
    main()
