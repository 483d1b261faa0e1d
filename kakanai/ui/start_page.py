"""受付: start the next visit, resume a suspended one, or (demo) pick a waiting resident."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kakanai.domain.visit_session import VisitSession
from kakanai.ui import domain_text


class StartPage(QWidget):
    """The screen between visits."""

    next_requested = Signal(str)  # ticket number (may be empty)
    resume_requested = Signal(object)  # VisitSession
    demo_requested = Signal(str)  # a demo resident's QR text

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")
        title = QLabel(self.tr("受付"), objectName="title")
        self.ticket = QLineEdit(placeholderText=self.tr("整理券番号（任意）"))
        self.ticket.setMaximumWidth(320)
        self.next_button = QPushButton(self.tr("次の方　［F1］"), objectName="primary")
        self.next_button.clicked.connect(self._on_next)
        self.ticket.returnPressed.connect(self._on_next)
        self.suspended = QListWidget()
        self.suspended.itemActivated.connect(self._on_resume)
        self.demo = QListWidget()
        self.demo.itemActivated.connect(lambda item: self.demo_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.scan_status = QLabel(objectName="ok", wordWrap=True)
        self.demo_label = QLabel(self.tr("デモ：窓口で待っている方（Enter でQRを読み取り）"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        row = QHBoxLayout()
        row.addWidget(self.ticket)
        row.addWidget(self.next_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("QRコードを読み取ると、そのまま受付を始めます"), objectName="hint"))
        layout.addWidget(self.scan_status)
        layout.addWidget(QLabel(self.tr("中断中の方（F8 で選び、Enter で再開）")))
        layout.addWidget(self.suspended, 1)
        layout.addWidget(self.demo_label)
        layout.addWidget(self.demo, 2)
        self.set_demo_queue([])

    def take_ticket(self) -> None:
        """F1: start the next visit with whatever ticket number was typed."""
        self._on_next()

    def _on_next(self) -> None:
        ticket = "".join(c for c in self.ticket.text().strip() if c.isascii() and (c.isalnum() or c == "-"))[:20]
        self.ticket.clear()  # only letters, digits and - : a ticket number, never a name
        self.next_requested.emit(ticket)

    def _on_resume(self, item: QListWidgetItem) -> None:
        self.resume_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def set_suspended(self, sessions: list[tuple[VisitSession, str]]) -> None:
        """Show the visits waiting to be resumed, each with the line naming its resident and event."""
        self.suspended.clear()
        for s, who in sessions:
            local = s.started_at.astimezone().strftime("%H:%M")
            text = self.tr("{0}　（{1} 開始・{2}で中断）").format(who, local, domain_text.step(s.step))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s)
            self.suspended.addItem(item)

    def show_scan(self, text: str, ok: bool) -> None:
        """What the last scan (or visit) came to."""
        self.scan_status.setObjectName("ok" if ok else "error")
        self.scan_status.setStyleSheet("")
        self.scan_status.setText(text)

    def focus_suspended(self) -> None:
        """F8 between visits: the waiting list, its last visit selected (Enter resumes it)."""
        if self.suspended.count():
            self.suspended.setCurrentRow(self.suspended.count() - 1)
            self.suspended.setFocus()

    def set_demo_queue(self, residents: list[tuple[str, str]]) -> None:
        """(label, QR text) of demo residents; hidden outside demo mode."""
        self.demo.clear()
        for label, text in residents:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, text)
            self.demo.addItem(item)
        self.demo.setVisible(bool(residents))
        self.demo_label.setVisible(bool(residents))

    def focus_default(self) -> None:
        """Put the keyboard focus where the clerk starts."""
        self.next_button.setFocus()
