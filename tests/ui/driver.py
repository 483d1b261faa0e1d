"""Drive the real counter window as a clerk would, counting every action and keystroke."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


@dataclass
class Clerk:
    """Sends key events to whatever has the focus; counts actions (keys, commits, scans)."""

    window: QWidget
    actions: int = 0
    keystrokes: int = 0
    log: list[str] = field(default_factory=list)

    def _target(self) -> QWidget:
        return QApplication.focusWidget() or self.window

    def press(self, key: Qt.Key, note: str = "") -> None:
        """One key press: an action and a keystroke."""
        QTest.keyClick(self._target(), key)
        self.actions += 1
        self.keystrokes += 1
        self.log.append(note or key.name)

    def type_ascii(self, text: str) -> None:
        """Type ASCII characters then Enter: one action, len+1 keystrokes."""
        target = self._target()
        QTest.keyClicks(target, text)
        QTest.keyClick(target, Qt.Key.Key_Return)
        self.actions += 1
        self.keystrokes += len(text) + 1
        self.log.append(text)

    def commit_japanese(self, text: str) -> None:
        """Japanese through the IME (one commit, counted as len(text) keystrokes), then Enter."""
        target = self._target()
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(target, event)
        QTest.keyClick(target, Qt.Key.Key_Return)
        self.actions += 1
        self.keystrokes += len(text) + 1
        self.log.append(text)

    def postal_then_address(self, postal: str, rest: str) -> None:
        """A postal code typed (the town fills in), then the rest of the address through the IME and
        Enter: one action, len(postal) + len(rest) + 1 keystrokes."""
        target = self._target()
        QTest.keyClicks(target, postal)
        event = QInputMethodEvent("", [])
        event.setCommitString(rest)
        QApplication.sendEvent(target, event)
        QTest.keyClick(target, Qt.Key.Key_Return)
        self.actions += 1
        self.keystrokes += len(postal) + len(rest) + 1
        self.log.append(f"{postal} {rest}")

    def choose(self, downs: int) -> None:
        """Pick the n-th choice of a combo box with ↓ and Enter: one action."""
        target = self._target()
        for _ in range(downs):
            QTest.keyClick(target, Qt.Key.Key_Down)
        QTest.keyClick(target, Qt.Key.Key_Return)
        self.actions += 1
        self.keystrokes += downs + 1
        self.log.append(f"choose {downs}")

    def scan(self, text: str) -> None:
        """A USB scanner types the code and Enter into the focused scan field: one clerk action."""
        QTest.keyClicks(self._target(), text, Qt.KeyboardModifier.NoModifier, 0)
        QTest.keyClick(self._target(), Qt.Key.Key_Return)
        self.actions += 1
        self.log.append("scan")


def wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Process events until the condition holds (fails the test after ``seconds``)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        QApplication.processEvents()
        time.sleep(0.005)
