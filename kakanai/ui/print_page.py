"""印刷・署名: print everything (take-home sheet last), follow the printer, retry, hand over the pen, finish."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kakanai.domain.visits import IDENTITY_DOCUMENTS
from kakanai.ui.printing import SAVE_AS_PDF


class _EnterPicks(QObject):
    """Enter on the closed document list takes the shown choice (as the interview's lists do)."""

    def __init__(self, combo: QComboBox, pick: Callable[[], None]) -> None:
        super().__init__(combo)
        self.pick = pick
        combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.pick()
            return True
        return False


class PrintPage(QWidget):
    """Printer choice, すべて印刷, the printer's state (with 再試行 when something is wrong), then 完了."""

    print_requested = Signal(str)  # printer name
    identity_then_print = Signal(str)  # Enter on the document checked: print unless printed already (printer)
    retry_requested = Signal(str)  # printer name
    finish_requested = Signal()
    identity_checked = Signal(str)  # 本人確認: the kind of document checked (a code)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")
        self.summary = QLabel(wordWrap=True)
        self.identity = QComboBox()
        self.identity.addItem(self.tr("（確認した書類を選ぶ）"), "")
        for code, label in IDENTITY_DOCUMENTS.items():
            self.identity.addItem(label, code)
        self._recorded = ""
        self.identity.activated.connect(self._on_identity)
        self._enter = _EnterPicks(self.identity, self._on_identity_enter)
        self.printers = QComboBox()
        self.print_button = QPushButton(self.tr("すべて印刷　［F5］"), objectName="primary")
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.chosen_printer()))
        self.status = QLabel(objectName="ok", wordWrap=True)
        self.retry_button = QPushButton(self.tr("再試行　［F5］"))
        self.retry_button.clicked.connect(lambda: self.retry_requested.emit(self.chosen_printer()))
        self.retry_button.hide()
        self.finish_button = QPushButton(self.tr("完了　［F6］"), objectName="primary")
        self.finish_button.clicked.connect(self.finish_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("印刷・署名"), objectName="title"))
        layout.addWidget(self.summary)
        check = QHBoxLayout()
        check.addWidget(QLabel(self.tr("本人確認（選んで Enter で印刷・種類だけを記録）")))
        check.addWidget(self.identity, 1)
        layout.addLayout(check)
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
        for name in names:  # a printer by its own name; saving as a PDF in the UI language
            self.printers.addItem(self.tr(SAVE_AS_PDF) if name == SAVE_AS_PDF else name, name)
        if preferred in names:
            self.printers.setCurrentIndex(names.index(preferred))

    def chosen_printer(self) -> str:
        """The printer chosen (its name as the print system knows it, or printing.SAVE_AS_PDF)."""
        return str(self.printers.currentData() or self.chosen_printer())

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

    def new_visit(self, identity: str) -> None:
        """The visit's 本人確認 so far ("" until a document was checked)."""
        self._recorded = identity  # recorded once: choosing it again is not a new check
        self.identity.setCurrentIndex(max(0, self.identity.findData(identity)))

    def identity_done(self) -> bool:
        """Whether a document was chosen."""
        return bool(self.identity.currentData())

    def _on_identity(self, *_: object) -> None:
        code = self.identity.currentData()
        if code and code != self._recorded:
            self._recorded = code
            self.identity_checked.emit(code)
            self.print_button.setFocus()

    def _on_identity_enter(self) -> None:
        """Enter on the document checked: recorded, then printed at once (one key, as F5 would)."""
        self._on_identity()
        if self.identity_done():
            self.identity_then_print.emit(self.chosen_printer())

    def focus_default(self) -> None:
        """本人確認 first while it is not done, then the print button."""
        (self.print_button if self.identity_done() else self.identity).setFocus()
