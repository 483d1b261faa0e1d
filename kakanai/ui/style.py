"""Fonts and the style sheet: large, readable, high-contrast; IPAex Gothic so no glyph is tofu."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kakanai.resources import FONT_GOTHIC, FONT_MINCHO, resource

STYLE = """
QWidget { color: #1b1b1b; }
QMainWindow, QWidget#page { background: #f7f7f4; }
QLabel#title { font-size: 20pt; font-weight: bold; }
QLabel#question { font-size: 17pt; font-weight: bold; }
QLabel#hint, QLabel#reason { color: #555; }
QLabel#error { color: #b00020; font-weight: bold; }
QLabel#ok { color: #1d6b2f; font-weight: bold; }
QFrame#header { background: #1f3b5a; }
QFrame#header QLabel { color: white; font-size: 12pt; }
QListWidget#steps { background: #e8ecf0; border: none; font-size: 13pt; }
QListWidget#steps::item { padding: 10px 8px; }
QListWidget#steps::item:selected { background: #1f3b5a; color: white; }
QPushButton { padding: 6px 14px; }
QPushButton#primary { background: #1f6f43; color: white; font-size: 16pt; font-weight: bold; padding: 12px 24px;
                      border-radius: 6px; }
QPushButton#primary:focus { outline: 3px solid #f0b400; }
QLineEdit, QComboBox { font-size: 15pt; padding: 4px; }
QLineEdit#scan { font-size: 15pt; background: #fffbe6; border: 2px solid #c9a400; }
"""


def install_fonts(app: QApplication, point_size: int) -> str:
    """Register the bundled IPAex fonts with Qt and make Gothic the application font."""
    family = ""
    for parts in (FONT_GOTHIC, FONT_MINCHO):
        font_id = QFontDatabase.addApplicationFont(str(resource(*parts)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if parts == FONT_GOTHIC and families:
            family = families[0]
    font = QFont(family or app.font().family(), point_size)
    app.setFont(font)
    app.setStyleSheet(STYLE)
    return family


def plain_text_only(root: QWidget) -> None:
    """Every label under ``root`` shows its text literally: resident text (a name from a QR code)
    can never be read as rich text that hides or restyles the real question."""
    for label in root.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (Qt guesses rich text in tooltips)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""
