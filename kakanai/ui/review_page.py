"""確認: a preview of every form (QtPdf) beside the problems to fix before printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class ReviewPage(QWidget):
    """Problems on the left (Enter jumps to the field), the rendered bundle on the right."""

    jump_requested = Signal(str)  # a draft path such as members[1].given

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")
        self.status = QLabel(objectName="hint")
        self.problems = QListWidget()
        self.problems.itemActivated.connect(
            lambda item: item.data(Qt.ItemDataRole.UserRole) and self.jump_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("確認　（F5 で印刷へ）"), objectName="title"))
        left.addWidget(self.status)
        left.addWidget(QLabel(self.tr("直すところ（Enter でその項目へ）")))
        left.addWidget(self.problems, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.view, 2)

    def show_rendering(self) -> None:
        """Tell the clerk the forms are being made."""
        self.status.setText(self.tr("様式を作成しています…"))
        self.problems.clear()
        self.document.close()

    def show_bundle(self, path: Path, pages: int, problems: list[tuple[str, str]]) -> None:
        """Load the rendered bundle and list (message, path) problems."""
        self.document.load(str(path))
        self.status.setText(self.tr("様式 {0} ページ").format(pages))
        self.show_problems(problems)

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """List problems, or say there are none."""
        self.problems.clear()
        for message, path in problems:
            item = QListWidgetItem(message)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.problems.addItem(item)
        if not problems:
            self.problems.addItem(QListWidgetItem(self.tr("問題はありません")))

    def focus_default(self) -> None:
        """Problems first."""
        self.problems.setFocus()
