"""The window a counter shows first: up at once, before settings, catalog and services load.

It keeps every keyboard-wedge scan made meanwhile (the counter window's own `ScanCatcher`), and
hands them to the counter window when that takes over, in the order they came: a code read in
the first second after start is handled, not lost. It imports nothing but Qt and the catcher.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from kakanai.ui.scan_catcher import ScanCatcher

STARTING = "起動しています…"


class StartupWindow(QMainWindow):
    """「起動しています…」 and a scan catcher, until the counter window takes over."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("kakanai 書かない窓口")
        self.resize(1366, 768)
        self.setCentralWidget(QLabel(STARTING, alignment=Qt.AlignmentFlag.AlignCenter))
        self.queued: list[str] = []
        self.catcher = ScanCatcher(self)
        self.catcher.scanned.connect(self.queued.append)

    def hand_over(self, window: QMainWindow) -> None:
        """The counter window is up: it gets the scans kept so far, and this window goes."""
        catcher = getattr(window, "catcher", None)
        for text in self.queued:
            if catcher is not None:
                catcher.scanned.emit(text)  # as if typed into the counter window: same handling
        self.queued.clear()
        self.close()
        self.deleteLater()
