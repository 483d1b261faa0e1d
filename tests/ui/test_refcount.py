"""The Qt binding keeps Python's reference counts right (issue 10, item 1).

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` per void Qt call; after ~20 visits
(or ~6 hours of the header clock) the count reaches zero and the interpreter aborts
(``none_dealloc``). This test guards the pinned version and any future upgrade."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit


def test_void_qt_calls_do_not_drop_references_to_none(qapp) -> None:  # type: ignore[no-untyped-def]
    label, line = QLabel(), QLineEdit()
    before = sys.getrefcount(None)
    for i in range(500):  # few enough that a leaking binding fails this assert before it aborts
        label.setText(str(i))
        label.clear()
        line.setText("x")
        line.clear()
        label.show()
        label.hide()
        QApplication.processEvents()
    assert sys.getrefcount(None) >= before - 50  # 3,500 void calls: a leaking binding drops 3,500
