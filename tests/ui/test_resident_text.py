"""Resident text is shown literally (issue 10, item 6): a name with markup in a QR code cannot hide
or restyle the question the clerk reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kakanai.qr.payload import encode_document
from tests.conftest import household_doc
from tests.ui.conftest import Counter
from tests.ui.driver import wait_until

MARKUP = '<span style="font-size:40pt;color:red">本当の質問ではありません</span>'


def test_a_name_with_markup_is_shown_as_typed_in_the_interview(counter: Counter) -> None:
    # Given a code whose head's name is markup, and whose insurance the clerk must still ask
    doc = household_doc("single_move_within")
    doc["members"][0]["family"] = MARKUP
    doc["members"][0]["insurance"] = None
    window, clerk = counter.window, counter.clerk
    clerk.press(Qt.Key.Key_F1)
    # When the clerk scans it
    clerk.scan(encode_document(doc))
    wait_until(lambda: "健康保険" in window.intake_page.question.text())
    # Then the question names the resident literally, in plain text, like every other label
    question = window.intake_page.question
    assert MARKUP in question.text()
    assert question.textFormat() == Qt.TextFormat.PlainText
    rich = [label.objectName() or label.text()[:20] for label in window.findChildren(QLabel)
            if label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == []
