"""Never a lost scan: a scan is accepted on every page, and every outcome is seen and heard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kakanai.demo import demo_residents
from tests.ui.conftest import Counter

K = Qt.Key
SATO = demo_residents()[1][1]


def test_a_scan_on_the_start_page_starts_the_visit(counter: Counter) -> None:
    # Given the counter between visits, the focus on 次の方
    window, clerk = counter.window, counter.clerk
    sounds: list[bool] = []
    window.sound = sounds.append
    assert window.controller.session is None
    # When the next resident's code is scanned without pressing F1
    clerk.scan(SATO)
    # Then the visit starts with the household read, and the clerk heard it
    assert window.controller.session is not None and "佐藤　健" in window.resident.text()
    assert window.stack.currentWidget() is window.household_page and sounds == [True]
    assert "読み取りました" in window.scan_note.text()


def test_a_burst_that_is_not_a_code_is_said_and_heard_on_any_page(counter: Counter) -> None:
    # Given a visit on the household page
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(SATO)
    sounds: list[bool] = []
    window.sound = sounds.append
    # When a URL and 「hello123」 arrive at scanner speed on the procedure list
    for text in ("https://example.jp/a?b=1", "hello123"):
        window.household_page.procedures.setFocus()
        clerk.scan(text)
        # Then each is answered by the scan note and two beeps, and the visit is untouched
        assert "QRコード" in window.scan_note.text(), text
    assert sounds == [False, False] and "佐藤　健" in window.resident.text()


def test_a_typed_entry_in_the_scan_field_is_answered(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    sounds: list[bool] = []
    window.sound = sounds.append
    window.intake_page.scan._clock = iter(range(100)).__next__  # a person's pace: one key a second
    window.intake_page.scan.setFocus()  # the clerk clicked the scan field and typed there
    clerk.type_ascii("A-12")
    assert "QRコードではありません" in window.intake_page.error.text() and sounds == [False]


def test_the_demo_scan_field_is_empty_after_each_visit(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    window.start_page.demo.setFocus()
    window.start_page.demo.setCurrentRow(1)
    clerk.press(K.Key_Return)
    assert window.controller.session is not None and window.intake_page.scan.text() == ""
    clerk.press(K.Key_F9)
    assert window.intake_page.scan.text() == "" and window.start_page.scan_status.text() == "取り消しました"
