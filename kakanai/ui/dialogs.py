"""Intent-level dialogs: the rest of the app asks `confirm(...)` and gets a bool back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

# Tests replace this to answer dialogs without a person (None means "ask for real").
AUTO_ANSWER: bool | None = None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for はい."""
    if AUTO_ANSWER is not None:
        return AUTO_ANSWER
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # texts may name a resident: never rich text
    yes = box.addButton("はい", QMessageBox.ButtonRole.YesRole)
    box.addButton("いいえ", QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes


def inform_error(parent: QWidget | None, title: str, text: str) -> None:
    """Show an error the clerk must read (never used for routine validation)."""
    if AUTO_ANSWER is not None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
