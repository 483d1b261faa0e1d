"""The demo queue (`kakanai demo`, `scripts/dev app`): each waiting resident's code is a complete KKN2
document as the resident page makes it, so Enter on them in the queue and F4 reach the review with
no question asked and nothing left blank."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kakanai.demo import demo_residents
from kakanai.qr.payload import decode
from tests.ui.conftest import Counter
from tests.ui.driver import wait_until

K = Qt.Key


def test_every_demo_resident_runs_straight_to_the_review(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    queue = window.start_page.demo
    labels = [queue.item(i).text() for i in range(queue.count())]
    assert labels == ["山田　太郎 さん　転入・4人", "佐藤　健 さん　転居・1人", "鈴木　一郎 さん　出生・3人",
                      "高橋　誠 さん　死亡・3人", "伊藤　大輔 さん　婚姻・2人"]
    for row, (_, code) in enumerate(demo_residents()):
        # Given a waiting resident's code, a KKN2 document (never an older KKN1 one)
        assert code.startswith("KKN2") and decode(code).household is not None
        # When the clerk presses Enter on them in the queue
        queue.setFocus()
        queue.setCurrentRow(row)
        clerk.press(K.Key_Return)
        # Then nothing is left to ask: the visit is at 世帯・手続
        assert window.controller.session is not None
        assert [q.path for q in window.controller.questions()] == [], labels[row]
        assert window.stack.currentWidget() is window.household_page, labels[row]
        # And F4 makes the forms with no blank to fill and no question on the review
        clerk.press(K.Key_F4)
        wait_until(lambda: window.controller.bundle is not None)
        problems = [window.review_page.problems.item(i).text() for i in range(window.review_page.problems.count())]
        assert not [p for p in problems if "未入力" in p or "空欄" in p or "決まっていません" in p], (labels[row], problems)
        # the demo happened a few days ago (on the counter's clock): no deadline is listed as passed
        assert not [p for p in problems if "を過ぎています" in p], (labels[row], problems)
        assert window.controller.bundle.report.forms, labels[row]
        clerk.press(K.Key_F9)  # cancel: the next resident
        assert window.controller.session is None
        assert window.stack.currentWidget() is window.start_page
