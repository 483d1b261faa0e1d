"""The PIN the resident types for their My Number card: four digits, hidden, never kept."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class PinDialog(QDialog):
    """Asks the resident (not the clerk) for the card's 4-digit PIN (券面事項入力補助用)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("カード読取"))
        self.pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password, maxLength=4)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,4}"), self.pin))
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
                                     | Qt.InputMethodHint.ImhNoPredictiveText)
        self.pin.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # digits, never the IME
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("読み取る"), QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton(self.tr("やめる"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept_four_digits)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("カードをリーダーに置き、ご本人が暗証番号（数字4けた）を入力してください"),
                                textFormat=Qt.TextFormat.PlainText))
        layout.addWidget(self.pin)
        layout.addWidget(buttons)

    def _accept_four_digits(self) -> None:
        if len(self.pin.text()) == 4:
            self.accept()


def ask_pin(parent: QWidget | None) -> str | None:
    """The PIN typed, or None when the resident stopped; the field is cleared either way."""
    dialog = PinDialog(parent)
    try:
        return dialog.pin.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.pin.clear()
        dialog.deleteLater()
