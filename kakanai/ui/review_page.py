"""確認 as a checklist: the forms (page N/M, whose signature), the problems to fix (Enter jumps to
the field), and a preview of every form (QtPdf) that opens at page 1, with zoom and Home/End.

The preview reads the bundle from memory (a QBuffer), never from a file: QPdfDocument keeps a file
it loaded open even after ``close()``, which would pin resident data on disk (and on Windows stop
it from being deleted).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kakanai.domain.visits import IDENTITY_DOCUMENTS
from kakanai.ui.print_page import _EnterPicks

_ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class _PageKeys(QObject):
    """Home/End go to the first/last page, Ctrl + and Ctrl - zoom (a bare + is a scanner's key)."""

    def __init__(self, page: ReviewPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        actions = {Qt.Key.Key_Home: lambda: self.page.go_to_page(1),
                   Qt.Key.Key_End: lambda: self.page.go_to_page(self.page.document.pageCount()),
                   Qt.Key.Key_Plus: lambda: self.page.zoom(1), Qt.Key.Key_Minus: lambda: self.page.zoom(-1)}
        action = actions.get(Qt.Key(event.key()))
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus) and not ctrl:
            return False
        if action is None or (watched is not self.page.view and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End)
                              and not ctrl):
            return False  # Home/End in a list move in the list; Ctrl+Home/End there turn the preview
        action()
        return True


def fit_rows(listing: QListWidget) -> None:
    """Give each line the height its text needs wrapped at the list's width (Japanese has no spaces
    to break at, and Qt's own estimate cut the second line off)."""
    width = listing.viewport().width() - 2 * listing.spacing() - 8
    if width <= 0:
        return
    metrics = listing.fontMetrics()
    flags = int(Qt.TextFlag.TextWrapAnywhere)
    for i in range(listing.count()):
        item = listing.item(i)
        height = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, item.text()).height()
        item.setSizeHint(QSize(width, height + 6))


class _RowHeights(QObject):
    """Fits the rows again whenever the list's viewport changes size."""

    def __init__(self, listing: QListWidget, parent: QObject) -> None:
        super().__init__(parent)
        self.listing = listing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            fit_rows(self.listing)
        return False


class ReviewPage(QWidget):
    """Problems on the left (Enter jumps to the field), the rendered bundle on the right."""

    jump_requested = Signal(str)  # a draft path such as members[1].given
    identity_checked = Signal(str)  # 本人確認: the kind of document checked (a code)
    print_requested = Signal()  # Enter on the document checked: print now

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")
        self.status = QLabel(objectName="hint")
        self.problems = QListWidget()
        self.problems.itemActivated.connect(
            lambda item: item.data(Qt.ItemDataRole.UserRole) and self.jump_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.forms = QListWidget()
        self.forms.itemActivated.connect(lambda item: self.go_to_page(item.data(Qt.ItemDataRole.UserRole)))
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None  # the bundle's bytes while the preview shows them
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        for listing in (self.problems, self.forms):  # long lines wrap: nothing hides off to the right
            listing.setWordWrap(True)
            listing.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrapped when the window is resized
            # lines are wrapped for the width they are drawn in: a scroll bar appearing later would cut them
            listing.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            listing.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrapped, never cut to 「…」
            listing.viewport().installEventFilter(_RowHeights(listing, self))
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self._keys = _PageKeys(self)
        for widget in (self.view, self.forms, self.problems):
            widget.installEventFilter(self._keys)
        self.identity = QComboBox()
        self.identity.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.identity.setMinimumContentsLength(8)  # long document names never widen the page
        self.identity.addItem(self.tr("（確認した書類を選ぶ）"), "")
        for code, label in IDENTITY_DOCUMENTS.items():
            self.identity.addItem(label, code)
        self.identity.activated.connect(self._on_identity)
        self._enter = _EnterPicks(self.identity, self._on_identity_enter)
        self._problems = False
        self._recorded = ""  # the visit's 本人確認 as recorded (not recorded twice)
        self.page_label = QLabel()
        self.view.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self._layout()

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("確認　（F5 で印刷へ）"), objectName="title"))
        left.addWidget(self.status)
        left.addWidget(QLabel(self.tr("直すところ（Enter でその項目へ）")))
        left.addWidget(self.problems, 1)
        left.addWidget(QLabel(self.tr("様式（Enter でそのページへ・✍ は署名欄）")))
        left.addWidget(self.forms, 1)
        check = QHBoxLayout()
        check.addWidget(QLabel(self.tr("本人確認")))
        check.addWidget(self.identity, 1)
        left.addLayout(check)
        left.addWidget(QLabel(self.tr("確認した書類を選んで Enter で印刷します（書類の種類だけを記録）"), objectName="hint",
                              wordWrap=True))
        tools = QHBoxLayout()
        tools.addWidget(self.page_label, 1)
        for text, step in ((self.tr("縮小 [Ctrl -]"), -1), (self.tr("拡大 [Ctrl +]"), 1)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, step=step: self.zoom(step))
            tools.addWidget(button)
        right = QVBoxLayout()
        right.addLayout(tools)
        right.addWidget(self.view, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)

    def go_to_page(self, number: int) -> None:
        """Show page ``number`` (1-based) of the preview at its top."""
        if self.document.pageCount():
            index = min(max(number, 1), self.document.pageCount()) - 1
            self.view.pageNavigator().jump(index, QPointF(0, 0), self.view.zoomFactor())
            self._show_page()

    def zoom(self, step: int) -> None:
        """Zoom the preview in (+1) or out (-1) a step from where it is (from fit-to-width at first)."""
        factor = self.view.zoomFactor() if self.view.zoomMode() == QPdfView.ZoomMode.Custom else 1.0
        bigger = [z for z in _ZOOMS if z > factor + 0.01]
        smaller = [z for z in _ZOOMS if z < factor - 0.01]
        new = (bigger[0] if bigger else _ZOOMS[-1]) if step > 0 else (smaller[-1] if smaller else _ZOOMS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(new)
        self._show_page()

    def current_page(self) -> int:
        """The page the preview shows (1-based; 0 without a bundle)."""
        return self.view.pageNavigator().currentPage() + 1 if self.document.pageCount() else 0

    def _on_page_changed(self, _: int) -> None:
        self._show_page()

    def _show_page(self) -> None:
        pages = self.document.pageCount()
        zoom = self.tr("幅に合わせる") if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth else f"{self.view.zoomFactor():.0%}"
        self.page_label.setText(self.tr("{0}/{1}ページ　{2}　（Home/End・Ctrl +/-）").format(self.current_page(), pages, zoom)
                                if pages else "")

    def show_rendering(self) -> None:
        """Tell the clerk the forms are being made."""
        self.status.setText(self.tr("様式を作成しています…"))
        self.problems.clear()
        self.forms.clear()
        self.clear()

    def clear(self) -> None:
        """Drop the preview and the bundle's bytes (the visit ended or is being re-rendered)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None

    def show_bundle(self, pdf: bytes, pages: int, problems: list[tuple[str, str]],
                    forms: list[tuple[str, int]] | None = None) -> None:
        """Show the rendered bundle (the PDF's bytes) at page 1, list (message, path) problems and
        the (line, first page) of each form."""
        self.clear()
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.go_to_page(1)  # each visit's preview starts at its first page, not where the last one was left
        self.status.setText(self.tr("様式 {0} ページ").format(pages))
        self.forms.clear()
        for line, first in forms or []:
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, first)
            self.forms.addItem(item)
        fit_rows(self.forms)
        self.show_problems(problems)

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """List problems, or say there are none."""
        self._problems = bool(problems)
        self.problems.clear()
        for message, path in problems:
            item = QListWidgetItem(message)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.problems.addItem(item)
        if not problems:
            self.problems.addItem(QListWidgetItem(self.tr("問題はありません")))
        fit_rows(self.problems)

    def set_identity(self, code: str) -> None:
        """The visit's 本人確認 so far ("" until a document was checked)."""
        self._recorded = code
        self.identity.setCurrentIndex(max(0, self.identity.findData(code)))

    def _on_identity(self, *_: object) -> None:
        code = self.identity.currentData()
        if code and code != self._recorded:
            self._recorded = code
            self.identity_checked.emit(code)

    def _on_identity_enter(self) -> None:
        self._on_identity()
        if self.identity.currentData():
            self.print_requested.emit()

    def focus_default(self) -> None:
        """Problems first when there are any; else the 本人確認 (choosing it with Enter prints)."""
        if not self._problems and self.document.pageCount():
            self.identity.setFocus()
            return
        self.problems.setFocus()
        if self.problems.count() and self.problems.currentRow() < 0:
            self.problems.setCurrentRow(0)
