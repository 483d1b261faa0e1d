"""手続を追加: search as you type among the procedures of the visit's event, grouped by counter in
walking order, then choose for whom (no one is chosen for the clerk in a household of several)."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kakanai.ui.presenters import Addable
from kakanai.ui.style import plain_text_only

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _fold(text: str) -> str:
    """Width and case folded, katakana as hiragana: 「いんかん」 finds 「インカン」, 「ｲﾝｶﾝ」 too."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


class _Keys(QObject):
    """Enter and ↓ in the search field, Enter in the list of procedures and in the list of people."""

    def __init__(self, dialog: AddProcedureDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        d = self.dialog
        if event.key() in _ENTER:
            if watched is d.people:
                d.take()
            else:
                d.pick()
            return True
        if watched is d.search and event.key() == Qt.Key.Key_Down:
            d.procedures.setFocus()
            return True
        return False


class AddProcedureDialog(QDialog):
    """Pick one procedure, then the people it is for; ``chosen(procedure id, member indexes)``."""

    chosen = Signal(str, list)

    def __init__(self, parent: QWidget | None, groups: list[tuple[str, list[Addable]]], members: list[str],
                 event_label: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("手続を追加"))
        self.resize(720, 560)
        self.search = QLineEdit(placeholderText=self.tr("手続名で検索（例: 印鑑）　↓ で一覧へ、Enter で選ぶ"))
        self.only_event = QCheckBox(self.tr("「{0}」の手続だけ").format(event_label) if event_label
                                    else self.tr("この届出の手続だけ"), checked=bool(event_label))
        self.only_event.setVisible(bool(event_label))
        self.procedures = QTreeWidget(headerHidden=True, rootIsDecorated=False)
        self.people = QListWidget()
        self.error = QLabel(objectName="error", wordWrap=True)
        self.add_button = QPushButton(self.tr("追加　［Enter］"), objectName="primary")
        cancel = QPushButton(self.tr("やめる　［Esc］"))
        self._fill(groups, members)
        self._layout(cancel)
        plain_text_only(self)
        self._keys = _Keys(self)
        for widget in (self.search, self.procedures, self.people):
            widget.installEventFilter(self._keys)
        self.search.textChanged.connect(self._filter)
        self.only_event.toggled.connect(self._filter)
        self.procedures.currentItemChanged.connect(self._on_current)
        self.procedures.itemDoubleClicked.connect(lambda *_: self.pick())
        self.add_button.clicked.connect(self.take)
        cancel.clicked.connect(self.reject)
        self._filter()
        self.search.setFocus()

    def _fill(self, groups: list[tuple[str, list[Addable]]], members: list[str]) -> None:
        for counter, items in groups:
            head = QTreeWidgetItem([counter])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: never chosen
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            for addable in items:
                child = QTreeWidgetItem(["　" + addable.title])
                child.setData(0, Qt.ItemDataRole.UserRole, addable)
                head.addChild(child)
            self.procedures.addTopLevelItem(head)
            head.setExpanded(True)
        for i, name in enumerate(members):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            # one person: it is them; several: the clerk chooses (never someone by default)
            item.setCheckState(Qt.CheckState.Checked if len(members) == 1 else Qt.CheckState.Unchecked)
            self.people.addItem(item)
        if members:
            self.people.setCurrentRow(0)

    def _layout(self, cancel: QPushButton) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.only_event)
        layout.addWidget(self.procedures, 3)
        self.people_label = QLabel(self.tr("対象の方（Space で選ぶ・外す、Enter で追加）"))
        layout.addWidget(self.people_label)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(self.add_button)
        layout.addLayout(buttons)

    # -- what is shown -------------------------------------------------------------------
    def visible_titles(self) -> list[tuple[str, list[str]]]:
        """(counter, titles) as shown now, for tests and screenshots."""
        shown = []
        for head in self._heads():
            if not head.isHidden():
                shown.append((head.text(0), [c.text(0).strip() for c in self._children(head) if not c.isHidden()]))
        return shown

    def _heads(self) -> list[QTreeWidgetItem]:
        return [self.procedures.topLevelItem(i) for i in range(self.procedures.topLevelItemCount())]

    @staticmethod
    def _children(head: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        return [head.child(i) for i in range(head.childCount())]

    def _filter(self) -> None:
        words = _fold(self.search.text()).split()
        only_event = self.only_event.isChecked()
        first = None
        for head in self._heads():
            shown = 0
            for child in self._children(head):
                addable: Addable = child.data(0, Qt.ItemDataRole.UserRole)
                text = _fold(addable.title + " " + addable.counter)
                hide = (only_event and not addable.of_event) or not all(w in text for w in words)
                child.setHidden(hide)
                shown += not hide
                first = first or (None if hide else child)
            head.setHidden(not shown)
        current = self.procedures.currentItem()
        if current is None or current.isHidden() or current.parent() is None:
            self.procedures.setCurrentItem(first)
            self._on_current(first)
        self.error.setText("" if first else self.tr("見つかりません（「この届出の手続だけ」を外すと、ほかの届出の手続も探せます）"))

    def _on_current(self, item: QTreeWidgetItem | None, _: object = None) -> None:
        addable = self.current()
        for_people = addable is not None and addable.for_people
        self.people.setEnabled(for_people)
        if addable is None:
            self.people_label.setText(self.tr("対象の方（手続を選ぶと選べます）"))
        else:
            self.people_label.setText(self.tr("対象の方（Space で選ぶ・外す、Enter で追加）") if for_people
                                      else self.tr("対象: 世帯（特定の方を選ぶ手続ではありません）"))

    def current(self) -> Addable | None:
        """The procedure under the cursor (a shown one), if any."""
        item = self.procedures.currentItem()
        if item is None or item.isHidden() or item.parent() is None:
            return None
        addable: Addable = item.data(0, Qt.ItemDataRole.UserRole)
        return addable

    def chosen_people(self) -> list[int]:
        """The member indexes ticked."""
        return [self.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.CheckState.Checked]

    # -- choosing ------------------------------------------------------------------------
    def pick(self) -> None:
        """Enter on the search or the list: this procedure; then whom, unless it is the household's
        or the one person is already ticked."""
        addable = self.current()
        if addable is None:
            return
        if addable.for_people and (self.people.count() != 1 or not self.chosen_people()):
            self.people.setFocus()
            self.error.setText(self.tr("「{0}」の対象の方を選んでください").format(addable.title))
            return
        self.take()

    def take(self) -> None:
        """Add the procedure for the people ticked (refused when it is for people and none is)."""
        addable = self.current()
        if addable is None:
            self.error.setText(self.tr("追加する手続を選んでください"))
            self.search.setFocus()
            return
        people = self.chosen_people() if addable.for_people else []
        if addable.for_people and not people:
            self.error.setText(self.tr("「{0}」の対象の方を選んでください").format(addable.title))
            self.people.setFocus()
            return
        self.chosen.emit(addable.procedure_id, people)
        self.accept()
