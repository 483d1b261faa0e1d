"""``kakanai --selftest``: open the window offscreen, walk one scripted visit, exit 0 if it worked.

Municipal IT runs it after installing; CI runs it on the packaged build. It checks what a clerk
relies on: the window opens, a QR is read, the forms render, the bundle prints (to a PDF file),
and the visit ends up in the visit log with its times.

`kakanai.app.run` gives it a temporary data folder with its own SQLite visit log and save folder,
whatever the settings say, and deletes that folder afterwards: the counter's visit log (which the
supervisors' figures read) never sees the scripted visit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kakanai.bootstrap import Services
from kakanai.demo import demo_residents
from kakanai.ui.printing import SAVE_AS_PDF


def _wait(app: Any, condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    return condition()


def walk_one_visit(app: Any, window: Any, services: Services) -> int:
    """Drive one QR move-in through the real window; print what happened; 0 on success."""
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    controller = window.controller
    QTest.keyClick(window, Qt.Key.Key_F1)
    _, text = demo_residents()[0]
    window.intake_page.scanned.emit(text)
    steps = [("visit started", controller.session is not None)]
    QTest.keyClick(window, Qt.Key.Key_F4)
    steps.append(("forms rendered", _wait(app, lambda: controller.bundle is not None)))
    window.print_page.printers.setCurrentText(SAVE_AS_PDF)
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.print_page.identity.setCurrentIndex(1)  # 本人確認: the first kind of document
    window.print_page.identity.activated.emit(1)
    QTest.keyClick(window, Qt.Key.Key_F5)
    printed = Path(services.settings.pdf_save_dir)
    steps.append(("bundle printed", _wait(app, lambda: any(printed.glob("*.pdf")))))
    visit_id = controller.session.visit_id if controller.session else ""
    QTest.keyClick(window, Qt.Key.Key_F6)
    services.recorder.flush()
    summary = services.visit_log.summary(visit_id) if visit_id else None
    steps.append(("visit logged as finished", summary is not None and summary.status == "finished"))
    for name, ok in steps:
        print(f"{'OK ' if ok else 'NG '} {name}")
    window.close()
    return 0 if all(ok for _, ok in steps) else 1
