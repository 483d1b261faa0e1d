"""Intent-level dialogs: the rest of the app asks `confirm(...)` and gets a bool back."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

# Tests replace this to answer dialogs without a person (None means "ask for real").
AUTO_ANSWER: bool | None = None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; True for はい."""
    if AUTO_ANSWER is not None:
        return AUTO_ANSWER
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # texts may name a resident: never rich text
    yes = box.addButton(QCoreApplication.translate("dialogs", "はい"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(QCoreApplication.translate("dialogs", "いいえ"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)  # Enter pressed by habit (or by a scanner) never destroys anything
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def inform_error(parent: QWidget | None, title: str, text: str) -> None:
    """Show an error the clerk must read (never used for routine validation)."""
    if AUTO_ANSWER is not None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def choose(parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]]) -> str | None:
    """Pick one of (code, label); the code, or None when the clerk cancels (tests: the first, or None)."""
    if AUTO_ANSWER is not None:
        return choices[0][0] if AUTO_ANSWER and choices else None
    labels = [label for _, label in choices]
    label, ok = QInputDialog.getItem(parent, title, text, labels, 0, False)
    return dict(zip(labels, (code for code, _ in choices), strict=True)).get(label) if ok else None
