"""A scan is never lost: a keyboard-wedge scanner types into whatever has the focus, on any page.

The catcher watches the keys reaching the counter window outside its scan fields. A burst typed at
scanner speed and ended by Enter is taken out of the widget it reached and handed on as a scan:
on a list, a table, a button or a choice (where letters mean nothing) every such burst is a scan,
so 「hello123」 or a URL is answered with 「QRコードではありません」; in a text field only a burst
that starts like a resident's code (KKN…) is, so a person's typing there stays theirs.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QTextEdit, QWidget

from kakanai.qr.scan_field import MIN_SCAN_KEYS, SCANNER_INTERVAL, ScanField, is_resident_code, typed_like_a_scanner

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
PAUSE = 0.25  # seconds without a key: whatever comes next is a new burst


def _editable(widget: QWidget) -> bool:
    return isinstance(widget, (QLineEdit, QTextEdit, QAbstractSpinBox)) and not getattr(widget, "isReadOnly", bool)()


class ScanCatcher(QObject):
    """Installed on the application; ``scanned(str)`` for each burst that reached ``window``."""

    scanned = Signal(str)

    def __init__(self, window: QWidget, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self._window = window
        self._clock = clock
        self._text = ""
        self._stamps: list[float] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            window.destroyed.connect(lambda: app.removeEventFilter(self))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Collect printable keys; on Enter, a scanner-speed burst becomes a scan."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if isinstance(watched, ScanField) or watched.window() is not self._window:
            return False
        return self._key(watched, event)  # type: ignore[arg-type]

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        now = self._clock()
        if self._stamps and now - self._stamps[-1] > PAUSE:
            self._reset()
        if event.key() in _ENTER:
            return self._finish(widget, now)
        text = event.text()
        command = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if not text or not text.isprintable() or command or text == " ":
            self._reset()
            return False
        self._text += text
        self._stamps.append(now)
        return not _editable(widget)  # letters on a list or a button are held back: they may be a scan

    def _finish(self, widget: QWidget, now: float) -> bool:
        text, stamps = self._text, self._stamps + [now]
        self._reset()
        if not typed_like_a_scanner(stamps, SCANNER_INTERVAL, MIN_SCAN_KEYS):
            return False
        if _editable(widget):
            if not is_resident_code(text) or not isinstance(widget, QLineEdit) or not widget.text().endswith(text):
                return False
            widget.setText(widget.text()[: -len(text)])  # the code leaves the field it fell into
        self.scanned.emit(text)
        return True

    def _reset(self) -> None:
        self._text = ""
        self._stamps = []
