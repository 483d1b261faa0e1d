"""The scan field: where a USB 2D scanner in keyboard mode types a resident's code.

A keyboard-wedge scanner types the code's letters and presses Enter, a few milliseconds per
key. The field keeps the input method out of the way (an active Japanese IME would turn
``KKN1…`` into kana), accepts the code in either case (Caps Lock inverts it), and tells a scan
from a person by the pace of the keys: a clerk may type a ticket number here too.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

RESIDENT_PREFIX = "KKN"
SCANNER_INTERVAL = 0.030  # seconds per key: faster than any person, slower than any scanner
MIN_SCAN_KEYS = 4
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_resident_code(text: str) -> bool:
    """Whether a finished entry is a resident's code (``KKN`` in any case, any version)."""
    return text.strip().upper().startswith(RESIDENT_PREFIX)


def typed_like_a_scanner(stamps: list[float], interval: float = SCANNER_INTERVAL,
                         min_keys: int = MIN_SCAN_KEYS) -> bool:
    """Whether key times (seconds, Enter last) came on average faster than ``interval`` apart."""
    if len(stamps) < min_keys:
        return False
    return (stamps[-1] - stamps[0]) / (len(stamps) - 1) < interval


def latin_text(text: str) -> str | None:
    """Typed text as half-width ASCII (full-width ``ＫＫＮ`` folded), or None if it is not Latin."""
    folded = unicodedata.normalize("NFKC", text)
    return folded if folded.isascii() and folded.isprintable() else None


class ScanField(QLineEdit):
    """A line edit for keyboard-wedge scanners.

    Signals: ``scanned(str)`` for a finished resident code (or any entry typed at scanner
    speed), ``typed(str)`` for a person's entry that is not a code (e.g. a ticket number),
    ``rejected(str)`` with a message for the clerk when kana or kanji reach the field.
    """

    scanned = Signal(str)
    typed = Signal(str)
    rejected = Signal(str)

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic,
                 scanner_interval: float = SCANNER_INTERVAL) -> None:
        super().__init__(parent)
        self._clock = clock
        self._interval = scanner_interval
        self._stamps: list[float] = []
        self._edited_by_hand = False
        self._keep_focus = False
        self._last_was_scanner = False
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhPreferLatin)
        self.setPlaceholderText("QRコードをスキャンしてください")
        self.textChanged.connect(self._on_text_changed)

    @property
    def last_input_was_scanner(self) -> bool:
        """Whether the last finished entry came at scanner speed (False for a person or a paste)."""
        return self._last_was_scanner

    @property
    def keep_focus(self) -> bool:
        """Whether the field takes the focus back when another widget of its window takes it."""
        return self._keep_focus

    def set_keep_focus(self, keep: bool) -> None:
        """Hold on to the keyboard focus (while the counter waits for a scan) or let it go."""
        self._keep_focus = keep
        if keep and self.isVisible():
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter finishes an entry; letters go in as half-width ASCII; kana are refused."""
        if event.key() in _ENTER_KEYS:
            self._stamps.append(self._clock())
            self._finish()
            return
        text = event.text()
        command = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if text and text.isprintable() and not command:
            self._take_text(text, by_hand=event.isAutoRepeat())
            return
        self._edited_by_hand = True  # scanners never press Backspace, arrows or Ctrl+V
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Keep Latin text an input method commits; refuse kana and kanji, never show pre-edit."""
        if event.commitString():
            self._take_text(event.commitString(), by_hand=True)
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Take the focus back on the next turn of the event loop while ``keep_focus`` is on."""
        super().focusOutEvent(event)
        if self._keep_focus and event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason,
                                                       Qt.FocusReason.PopupFocusReason):
            QTimer.singleShot(0, self, self._reclaim_focus)

    def _reclaim_focus(self) -> None:
        if not (self._keep_focus and self.isVisible() and self.isEnabled()):
            return
        if QApplication.activeModalWidget() or QApplication.activePopupWidget():
            return
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _take_text(self, text: str, by_hand: bool) -> None:
        latin = latin_text(text)
        if latin is None:
            self.rejected.emit("かな・漢字は入力できません（QRコードの読取欄です。半角英数で入力してください）")
            return
        self._stamps.append(self._clock())
        self._edited_by_hand = self._edited_by_hand or by_hand
        self.insert(latin)

    def _on_text_changed(self, text: str) -> None:
        if not text:
            self._stamps.clear()
            self._edited_by_hand = False

    def _finish(self) -> None:
        text = self.text().strip()
        scanner = not self._edited_by_hand and typed_like_a_scanner(self._stamps, self._interval)
        self.clear()
        self._stamps.clear()
        self._edited_by_hand = False
        if not text:
            return
        self._last_was_scanner = scanner
        if is_resident_code(text) or scanner:
            self.scanned.emit(text)
        else:
            self.typed.emit(text)
