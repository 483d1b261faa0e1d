"""確認: a preview of every form (QtPdf) beside the problems to fix before printing.

The preview reads the bundle from memory (a QBuffer), never from a file: QPdfDocument keeps a file
it loaded open even after ``close()``, which would pin resident data on disk (and on Windows stop
it from being deleted).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
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
        self._buffer: QBuffer | None = None  # the bundle's bytes while the preview shows them
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
        self.clear()

    def clear(self) -> None:
        """Drop the preview and the bundle's bytes (the visit ended or is being re-rendered)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None

    def show_bundle(self, pdf: bytes, pages: int, problems: list[tuple[str, str]]) -> None:
        """Show the rendered bundle (the PDF's bytes) and list (message, path) problems."""
        self.clear()
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
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
