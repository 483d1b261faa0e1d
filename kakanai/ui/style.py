"""Fonts and the style sheet: large, readable, high-contrast; IPAex Gothic so no glyph is tofu."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kakanai.resources import FONT_GOTHIC, FONT_MINCHO, resource

_STYLE = """
QWidget { color: #1b1b1b; }
QMainWindow, QWidget#page { background: #f7f7f4; }
QLabel#title { font-size: {s20}pt; font-weight: bold; }
QLabel#question { font-size: {s17}pt; font-weight: bold; }
QLabel#hint, QLabel#reason { color: #555; }
QLabel#error { color: #b00020; font-weight: bold; }
QLabel#ok { color: #1d6b2f; font-weight: bold; }
QFrame#header { background: #1f3b5a; }
QFrame#header QLabel { color: white; font-size: {s12}pt; }
QListWidget#steps { background: #e8ecf0; border: none; font-size: {s13}pt; }
QListWidget#steps::item { padding: 10px 8px; }
QListWidget#steps::item:selected { background: #1f3b5a; color: white; }
QPushButton { padding: 6px 14px; }
QPushButton#primary { background: #1f6f43; color: white; font-size: {s16}pt; font-weight: bold; padding: 12px 24px;
                      border-radius: 6px; }
QPushButton#primary:focus { outline: 3px solid #f0b400; }
QLineEdit, QComboBox { font-size: {s15}pt; padding: 4px; }
QLineEdit#scan { font-size: {s15}pt; background: #fffbe6; border: 2px solid #c9a400; }
QFrame#residentbar { background: #fff4cc; border-bottom: 1px solid #c9a400; }
QLabel#resident { font-size: {s14}pt; font-weight: bold; }
"""


def style_sheet(point_size: int) -> str:
    """The style sheet with every size scaled from the one font setting (13 pt as designed)."""
    sizes = {f"s{n}": max(8, round(n * point_size / 13)) for n in (12, 13, 14, 15, 16, 17, 20)}
    return _STYLE.replace("{", "{{").replace("}", "}}").replace("{{s", "{s").replace("}}pt", "}pt").format(**sizes)


STYLE = style_sheet(13)


def install_fonts(app: QApplication, point_size: int) -> str:
    """Register the bundled IPAex fonts with Qt and make Gothic the application font."""
    if not _FAMILIES:  # once per process: a font added again is another copy in Qt's database
        for parts in (FONT_GOTHIC, FONT_MINCHO):
            font_id = QFontDatabase.addApplicationFont(str(resource(*parts)))
            _FAMILIES.append((QFontDatabase.applicationFontFamilies(font_id) or [""])[0] if font_id >= 0 else "")
    family = _FAMILIES[0]
    font = QFont(family or app.font().family(), point_size)
    if app.font() != font:
        app.setFont(font)
    sheet = style_sheet(point_size)
    if app.styleSheet() != sheet:  # setting it again re-polishes every widget the process ever made
        app.setStyleSheet(sheet)
    return family


_FAMILIES: list[str] = []  # the bundled Gothic and Mincho families, as Qt registered them


def plain_text_only(root: QWidget) -> None:
    """Every label under ``root`` shows its text literally: resident text (a name from a QR code)
    can never be read as rich text that hides or restyles the real question."""
    for label in root.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (Qt guesses rich text in tooltips)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""
