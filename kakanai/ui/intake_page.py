"""読取・聞き取り: scan the resident's QR code, or ask only the questions still open."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kakanai.domain.draft import OUTSIDE_NOTIFIER, split_member_path
from kakanai.domain.interview import Question
from kakanai.domain.kana import normalize_postal
from kakanai.domain.questions import QuestionSpec
from kakanai.qr.scan_field import ScanField
from kakanai.ui import domain_text

HINTS = {"date": QT_TRANSLATE_NOOP("Questions", "例: 令和8年4月1日 / R8.4.1 / 5080401 / 2026-04-01"),
         "kana": QT_TRANSLATE_NOOP("Questions", "カタカナ（ひらがなでも可）"),
         "postal": QT_TRANSLATE_NOOP("Questions", "例: 090-0001"), "phone": QT_TRANSLATE_NOOP("Questions", "例: 090-1234-5678"),
         "int": QT_TRANSLATE_NOOP("Questions", "数字")}


POSTAL = re.compile(r"〒?[0-9０-９]{3}[-－]?[0-9０-９]{4}")
SPACE = re.compile(r"[ 　]+")


def paired(first: Question, second: Question) -> str:
    """Which two questions one answer may give: "name" (氏 and 名, or their フリガナ, of one person:
    typed with a space between), "address" (a postal code, then the address: the city's town is
    filled in as soon as the code is typed); "" for none."""
    one, two = split_member_path(first.path), split_member_path(second.path)
    if one and two and one[0] == two[0] and (one[1], two[1]) in (("family", "given"), ("family_kana", "given_kana")):
        return "name"
    if (first.path, second.path) in (("notifier.family", "notifier.given"), ("notifier.family_kana", "notifier.given_kana")):
        return "name"  # a notifier from outside the household
    if first.path in ("new.postal", "old.postal") and second.path == first.path.replace("postal", "address"):
        return "address"
    return ""


def _name_stem(label: str) -> str:
    """Whose name a label asks, for a name question whose label is whole (「届出人（世帯外の方）の氏」
    → 「届出人（世帯外の方）の」)."""
    for suffix in ("氏のフリガナ", "氏"):
        if label.endswith(suffix):
            return label.removesuffix(suffix)
    return ""


def split_answer(kind: str, text: str, town: Callable[[str], str]) -> list[str]:
    """The one or two answers a paired question's text holds: 「佐藤 健」 → 佐藤, 健; 「090-0024
    北海道見本市北4条東2丁目5番地」 → the code and the address. One answer only when there is no
    space (the second is then asked on its own), or when the address is the town the code gave
    and nothing more (丁目・番地 still to come)."""
    text = text.strip()
    if kind == "name":
        parts = SPACE.split(text, maxsplit=1)
        return parts if len(parts) == 2 and all(parts) else [text]
    code, _, rest = text.partition(" ")
    rest = rest.strip()
    if postal_code(code) is None or not rest:
        return [text]
    return [code] if rest == town(code) else [code, rest]


def postal_code(text: str) -> str | None:
    """``NNN-NNNN`` when ``text`` is a whole postal code, else None."""
    if not POSTAL.fullmatch(text):
        return None
    try:
        return normalize_postal(text)
    except ValueError:
        return None


class _EnterFilter(QObject):
    """Enter on a closed combo box submits the answer."""

    def __init__(self, submit: Any) -> None:
        super().__init__()
        self.submit = submit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return True
        return False


class IntakePage(QWidget):
    """Scan field on top, the next interview question below, answered questions to go back to."""

    scanned = Signal(str)
    answered = Signal(str, object)  # path, raw answer
    answered_together = Signal(list)  # [(path, raw), …] of a paired question, in order
    revisit_requested = Signal(str)  # the clerk wants to change an earlier answer (its path)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")
        self.scan = ScanField()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("ここでQRコードを読み取ってください（スキャナーをかざす）"))
        self.scan.scanned.connect(self.scanned)
        self.status = QLabel(objectName="hint")
        self.status.setWordWrap(True)
        self.question = QLabel(objectName="question")
        self.reason = QLabel(objectName="reason")
        self.error = QLabel(objectName="error")
        self.text = QLineEdit()
        self.text.returnPressed.connect(self._submit)
        self.text.textEdited.connect(self._on_edited)
        self.town: Callable[[str], str] = lambda code: ""  # the city's 町域 of a postal code (set by the window)
        self._pair: tuple[Question, Question, str] | None = None
        self.choice = QComboBox()
        self._enter = _EnterFilter(self._submit)
        self.choice.installEventFilter(self._enter)
        self.editor = QStackedWidget()
        self.editor.addWidget(self.text)
        self.editor.addWidget(self.choice)
        self.submit = QPushButton(self.tr("回答　［Enter］"))
        self.submit.clicked.connect(self._submit)
        self.answered_list = QListWidget()
        self.answered_list.itemActivated.connect(self._on_revisit)
        self._current: Question | None = None
        self.prefer_scan = False  # the interview's first question has the focus; a scan is caught anywhere
        self._layout()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("読取・聞き取り"), objectName="title"))
        layout.addWidget(self.scan)
        layout.addWidget(self.status)
        layout.addSpacing(12)
        layout.addWidget(self.question)
        layout.addWidget(self.reason)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addWidget(self.submit)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("入力済み（Enter で直す）")))
        layout.addWidget(self.answered_list, 1)

    def show_state(self, questions: list[Question], answered: list[tuple[str, str, str]],
                   members: list[str], remaining: int | None = None) -> None:
        """Show the first open question (or that all is complete) and what was answered; ``remaining``
        is how many questions may still come (never more after an answer), None while unknown."""
        self.answered_list.clear()
        for path, label, value in answered:
            item = QListWidgetItem(self.tr("{0}：{1}").format(label, value))  # label and value: answered_rows
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.answered_list.addItem(item)
        self._members = members
        kind = paired(questions[0], questions[1]) if len(questions) > 1 else ""
        if kind:
            self.ask_pair(questions[0], questions[1], kind, remaining)
        elif questions:
            self.ask(questions[0], remaining=remaining, current=questions[0].suggestion or None)
        else:
            self._current = None
            self.question.setText(self.tr("必要な項目はすべてそろいました　→ ［F3］世帯・手続へ"))
            self.reason.clear()
            self.editor.setEnabled(False)
            self.submit.setEnabled(False)

    def ask(self, question: Question, remaining: int | None = None, current: Any = None) -> None:
        """Put one question in the editor (with how many may still come, when that is known)."""
        self._current = question
        self._pair = None
        self.question.setText(domain_text.label(question) + self._count(remaining))
        self.reason.setText(domain_text.reason(question.why))
        self.editor.setEnabled(True)
        self.submit.setEnabled(True)
        choices = self._choices(question.spec)
        if choices:
            self.choice.clear()
            for value, label in choices:
                self.choice.addItem(domain_text.vocabulary(label) if question.spec.kind != "notifier" else label, value)
            if current is not None:
                self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
            self.editor.setCurrentWidget(self.choice)
        else:
            self.text.setText("" if current is None else str(current))
            optional = self.tr("なければ空のまま Enter") if question.spec.optional else ""
            self.text.setPlaceholderText("　".join(filter(None, [domain_text.question(HINTS.get(question.spec.kind, "")), optional])))
            self.editor.setCurrentWidget(self.text)

    def ask_pair(self, first: Question, second: Question, kind: str, remaining: int | None) -> None:
        """Two questions in one text field: 氏名 (or フリガナ) with a space, or 郵便番号 then 住所."""
        self.ask(first, remaining=remaining)
        self._pair = (first, second, kind)
        if kind == "name":
            label = self.tr("{0}氏名（氏と名の間を空ける）") if first.spec.kind == "text" else \
                self.tr("{0}フリガナ（氏と名の間を空ける）")
            self.question.setText(label.format(domain_text.stem(first, _name_stem(first.label))) + self._count(remaining))
            self.text.setPlaceholderText(self.tr("例: 山田 太郎（空けずに Enter なら氏だけ）") if first.spec.kind == "text"
                                         else self.tr("例: やまだ たろう（カタカナ・ひらがな）"))
        else:
            self.question.setText(self.tr("{0}（郵便番号を入れると町名まで入ります）").format(
                domain_text.label(second))
                                  + self._count(remaining))
            self.text.setPlaceholderText(self.tr("例: 090-0001 のあと、丁目・番地"))

    def _count(self, remaining: int | None) -> str:
        return self.tr("　（残り {0}）").format(remaining) if remaining else ""

    def _on_edited(self, text: str) -> None:
        """A postal code typed in full: the town follows it at once, the cursor after it."""
        code = postal_code(text.strip())
        if self._pair is None or self._pair[2] != "address" or code is None:
            return
        self.text.setText(f"{code} {self.town(code)}".rstrip() + " " * (not self.town(code)))

    def _choices(self, spec: QuestionSpec) -> list[tuple[Any, str]]:
        if spec.kind == "bool":
            return [(True, "はい"), (False, "いいえ")]
        if spec.kind == "notifier":
            members: list[tuple[Any, str]] = list(enumerate(getattr(self, "_members", [])))
            if spec.key == "notifier":  # only the 届出人 may be someone from outside (a new head, a claimant … may not)
                members.append((OUTSIDE_NOTIFIER, self.tr("世帯外の方（別世帯の親族・代理人など）")))
            return members
        return list(spec.choices)

    def _submit(self) -> None:
        if self._current is None:
            return
        self.prefer_scan = False
        widget = self.editor.currentWidget()
        raw = self.choice.currentData() if widget is self.choice else self.text.text()
        if self._pair is not None and widget is self.text:
            first, second, kind = self._pair
            parts = split_answer(kind, str(raw), lambda code: self.town(postal_code(code) or ""))
            self.answered_together.emit(list(zip((first.path, second.path), parts, strict=False)))
            return
        self.answered.emit(self._current.path, raw)

    def _on_revisit(self, item: QListWidgetItem) -> None:
        self.revisit_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def new_visit(self) -> None:
        """A new visit: clear messages; the first question has the focus (a scan is taken on any field)."""
        self.prefer_scan = False
        self.status.setText(self.tr("QRコードはそのまま読み取れます。ない方は下の質問から聞き取ります"))
        self.error.clear()

    def show_error(self, text: str) -> None:
        """Show why an answer or a scan was refused (kept until the next success)."""
        self.error.setText(text)

    def show_status(self, text: str) -> None:
        """Show a neutral status line (e.g. what a scan read)."""
        self.status.setText(text)
        self.error.clear()
        self.prefer_scan = False

    def focus_default(self) -> None:
        """Scan field first until a code was read or an answer given; then the answer editor."""
        if self.prefer_scan or self._current is None or not self.editor.isEnabled():
            self.scan.setFocus()
        else:
            self.editor.currentWidget().setFocus()
