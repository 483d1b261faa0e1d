"""世帯・手続: the members (editable; the clerk's corrections win over the QR) and the procedures
the rules chose, each with its reason; the clerk may drop or add one."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kakanai.domain.vocabulary import INSURANCE_LABELS, SEX_LABELS
from kakanai.ui import domain_text
from kakanai.ui.style import plain_tooltip

RELATIONS = ("世帯主", "妻", "夫", "子", "父", "母", "孫", "祖父", "祖母", "兄", "姉", "弟", "妹", "子の妻", "子の夫",
             "妻の父", "妻の母", "夫の父", "夫の母", "縁故者", "同居人")
CHOICES = {"sex": tuple(SEX_LABELS.values()), "insurance": tuple(INSURANCE_LABELS.values()), "relation": RELATIONS,
           "card": ("はい", "いいえ")}

MEMBER_COLUMNS = (
    ("family", QT_TRANSLATE_NOOP("HouseholdPage", "氏")), ("given", QT_TRANSLATE_NOOP("HouseholdPage", "名")),
    ("family_kana", QT_TRANSLATE_NOOP("HouseholdPage", "フリガナ（氏）")),
    ("given_kana", QT_TRANSLATE_NOOP("HouseholdPage", "フリガナ（名）")),
    ("birth", QT_TRANSLATE_NOOP("HouseholdPage", "生年月日")), ("sex", QT_TRANSLATE_NOOP("HouseholdPage", "性別")),
    ("relation", QT_TRANSLATE_NOOP("HouseholdPage", "続柄")), ("insurance", QT_TRANSLATE_NOOP("HouseholdPage", "健康保険")),
    ("card", QT_TRANSLATE_NOOP("HouseholdPage", "マイナカード")))
TRANSLATED = ("sex", "insurance", "card")  # shown in the UI language; 続柄 as the register writes it


def shown_choice(key: str, text: str) -> str:
    """A cell's choice in the UI language (男 → male); other cells as they are."""
    return domain_text.vocabulary(text) if key in TRANSLATED and text else text


def chosen_text(key: str, shown: str) -> str:
    """The Japanese choice a cell shows (male → 男), as the window reads an edit; other cells as they are."""
    return next((c for c in CHOICES.get(key, ()) if shown_choice(key, c) == shown), shown)


class _ChoiceDelegate(QStyledItemDelegate):
    """続柄・性別・健康保険・マイナカード are chosen from a list, never typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        choices = CHOICES.get(index.data(Qt.ItemDataRole.UserRole))
        if choices is None:
            return super().createEditor(parent, option, index)
        editor = QComboBox(parent)
        current = index.data() or ""
        key = index.data(Qt.ItemDataRole.UserRole)
        shown = [shown_choice(key, c) for c in choices]
        editor.addItems(shown + ([current] if current and current not in shown else []))
        editor.setCurrentText(current)
        return editor

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)


class HouseholdPage(QWidget):
    """Members table, procedure checklist, what to bring."""

    member_edited = Signal(int, str, str)  # member index, key, new text
    procedure_toggled = Signal(str, bool)  # item key or procedure id, keep
    add_requested = Signal()  # 手続を追加 (the window opens the search)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")
        self.members = QTableWidget(0, len(MEMBER_COLUMNS))
        self.members.setHorizontalHeaderLabels([self.tr(label) for _, label in MEMBER_COLUMNS])
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.setItemDelegate(_ChoiceDelegate(self.members))
        self.members.itemChanged.connect(self._on_member_changed)
        self.procedures = QTreeWidget()
        self.procedures.setHeaderLabels([self.tr("手続"), self.tr("対象"), self.tr("窓口"), self.tr("理由")])
        header = self.procedures.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the reason takes what is left (tooltip: all)
        header.setStretchLastSection(False)
        self.procedures.itemChanged.connect(self._on_procedure_changed)
        add = QPushButton(self.tr("手続を追加…　［Insert］"))
        add.clicked.connect(self.add_requested)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, self.add_requested.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.bring = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        self.notice = QLabel(objectName="error", wordWrap=True)
        self._filling = False
        self._layout(add)

    def _layout(self, add: QPushButton) -> None:
        self.members.verticalHeader().setDefaultSectionSize(30)
        self.members.setMinimumHeight(5 * 30 + 32)
        # F2 or a double click edits a cell; a stray key (or a scanner's burst) never becomes a value
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                     | QAbstractItemView.EditTrigger.EditKeyPressed)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("世帯員（直すときはセルを選んで F2 またはダブルクリック）")))
        column.addWidget(self.members)
        column.addWidget(QLabel(self.tr("手続（チェックを外すと今回は行いません）")))
        column.addWidget(self.procedures, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("ほかの手続は検索して追加できます（窓口ごとに表示）"), objectName="hint"), 1)
        row.addWidget(add)
        column.addLayout(row)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(self.tr("お持ちいただくもの")))
        side.addWidget(self.bring, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([1000, 250])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("世帯・手続　（F4 で確認へ）"), objectName="title"))
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

    def show_members(self, rows: list[dict[str, str]]) -> None:
        """Fill the members table (display texts keyed as MEMBER_COLUMNS)."""
        self._filling = True
        self.members.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (key, _) in enumerate(MEMBER_COLUMNS):
                item = QTableWidgetItem(shown_choice(key, row.get(key, "")))
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.members.setItem(r, c, item)
        self._filling = False

    def show_procedures(self, rows: list[tuple[str, str, str, str, str, bool]]) -> None:
        """Fill the checklist: (key, title, whom, counter, why, kept); the cursor stays on its row."""
        self._filling = True
        current = self.procedures.currentItem()
        keep_at = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        self.procedures.clear()
        for key, title, whom, counter, why, kept in rows:
            item = QTreeWidgetItem([title, whom, counter, why])
            item.setData(0, Qt.ItemDataRole.UserRole, key)
            item.setCheckState(0, Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)
            item.setToolTip(3, plain_tooltip(why))
            item.setToolTip(1, plain_tooltip(whom))
            self.procedures.addTopLevelItem(item)
            if key == keep_at:
                self.procedures.setCurrentItem(item)
        self.fit_columns()
        self._filling = False

    def fit_columns(self) -> None:
        """対象 and 窓口 as wide as their text, up to a share of the list's width (the reason takes the
        rest; a tooltip holds all of it): at 1920 px nothing is cut, at 1366 px the reason keeps room."""
        width = self.procedures.viewport().width()
        for column, share in ((1, 0.17), (2, 0.15)):
            wanted = self.procedures.sizeHintForColumn(column) + 12
            self.procedures.setColumnWidth(column, max(90, min(wanted, int(width * share))))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the columns to the new width."""
        super().resizeEvent(event)
        self.fit_columns()

    def show_bring(self, lines: list[str], notice: str) -> None:
        """What the resident must bring, and a notice (missing data, warnings)."""
        self.bring.setText("\n".join(f"・{line}" for line in lines) or self.tr("特になし"))
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    def _on_member_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling:
            key = item.data(Qt.ItemDataRole.UserRole)
            self.member_edited.emit(item.row(), key, chosen_text(key, item.text()))

    def _on_procedure_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if not self._filling and column == 0:
            key, keep = item.data(0, Qt.ItemDataRole.UserRole), item.checkState(0) == Qt.CheckState.Checked
            # after the tick's own handling: redrawing the list deletes this very item (a crash inside it)
            QTimer.singleShot(0, lambda: self.procedure_toggled.emit(key, keep))

    def focus_member(self, index: int, key: str) -> None:
        """Jump to a member's cell (from the review's problem list)."""
        column = next((c for c, (k, _) in enumerate(MEMBER_COLUMNS) if k == key), 0)
        self.members.setCurrentCell(index, column)
        self.members.setFocus()

    def edit_current(self) -> None:
        """F2 in the members table: edit the cell under the cursor."""
        index = self.members.currentIndex()
        if index.isValid():
            self.members.edit(index)

    def focus_default(self) -> None:
        """The procedure list first: checking it is the clerk's main job here."""
        self.procedures.setFocus()

    def select_procedure(self, procedure_id: str) -> None:
        """Put the cursor on a procedure's (first) row, e.g. the one just added."""
        for i in range(self.procedures.topLevelItemCount()):
            item = self.procedures.topLevelItem(i)
            if str(item.data(0, Qt.ItemDataRole.UserRole)).split("#")[0] == procedure_id:
                self.procedures.setCurrentItem(item)
                return
