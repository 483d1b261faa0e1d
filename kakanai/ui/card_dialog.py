"""The PIN the resident types for their My Number card: four digits, hidden, never kept; and the
card placed on the reader, told to the window on its own thread (the UI thread only draws)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from kakanai.services.card_reading import CardReading


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


class CardPlacement(QObject):
    """A card newly placed on the counter's reader, as a signal on the UI thread. The watch itself
    (kakanai/card/watch.py) waits on PC/SC in a thread of its own and retries quietly when there is
    no reader or no service; `stop` ends it (the window does when it closes)."""

    placed = Signal(str)  # the reader's name

    def __init__(self, card: CardReading, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watch = card.watch(self._placed)

    def _placed(self, reader: str) -> None:  # the watch's thread: queued to the UI thread by Qt
        try:
            self.placed.emit(reader)
        except RuntimeError:  # the window is already gone
            pass

    def stop(self) -> None:
        """Stop watching and wait for the watch's thread to end (a moment: its wait is cancelled)."""
        if self.watch is not None:
            self.watch.stop()
