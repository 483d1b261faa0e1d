"""印刷・署名: print everything (take-home sheet last), follow the printer, retry, hand over the pen, finish."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class PrintPage(QWidget):
    """Printer choice, すべて印刷, the printer's state (with 再試行 when something is wrong), then 完了."""

    print_requested = Signal(str)  # printer name
    retry_requested = Signal(str)  # printer name
    finish_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")
        self.summary = QLabel(wordWrap=True)
        self.printers = QComboBox()
        self.print_button = QPushButton(self.tr("すべて印刷　［F5］"), objectName="primary")
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.printers.currentText()))
        self.status = QLabel(objectName="ok", wordWrap=True)
        self.retry_button = QPushButton(self.tr("再試行　［F5］"))
        self.retry_button.clicked.connect(lambda: self.retry_requested.emit(self.printers.currentText()))
        self.retry_button.hide()
        self.finish_button = QPushButton(self.tr("完了　［F6］"), objectName="primary")
        self.finish_button.clicked.connect(self.finish_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("印刷・署名"), objectName="title"))
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("プリンター")))
        row.addWidget(self.printers, 1)
        layout.addLayout(row)
        layout.addWidget(self.print_button)
        layout.addWidget(self.status)
        layout.addWidget(self.retry_button)
        layout.addStretch()
        layout.addWidget(QLabel(self.tr("署名をいただいたら「完了」を押してください。"), objectName="hint"))
        layout.addWidget(self.finish_button)

    def set_printers(self, names: list[str], preferred: str) -> None:
        """Offer the printers, the configured one selected."""
        self.printers.clear()
        self.printers.addItems(names)
        if preferred in names:
            self.printers.setCurrentText(preferred)

    def show_summary(self, text: str) -> None:
        """What will be printed."""
        self.summary.setText(text)
        self.status.clear()
        self.retry_button.hide()

    def show_status(self, text: str, ok: bool = True, retry: bool = False) -> None:
        """Printing progress or result; ``retry`` offers 再試行 (what is wrong is in ``text``)."""
        self.status.setObjectName("ok" if ok else "error")
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.retry_button.setVisible(retry)
        if retry:
            self.retry_button.setFocus()

    def focus_default(self) -> None:
        """The print button."""
        self.print_button.setFocus()
