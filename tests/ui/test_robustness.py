"""The window stays consistent when the clerk changes course: rescans, corrections during a
render, a typed ticket, a wrong cell edit, and several visits open at a crash."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from kakanai.demo import demo_residents
from kakanai.ui import dialogs
from kakanai.ui.tasks import pending_tasks
from tests.ui.conftest import Counter, _counter_clock, open_counter
from tests.ui.driver import wait_until

K = Qt.Key


def test_a_new_scan_replaces_the_household_and_its_old_bundle(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])  # 佐藤, one person
    window.controller.toggle("moped_address", False)
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    clerk.press(K.Key_F2)
    clerk.scan(demo_residents()[0][1])  # the 山田 family after all
    assert window.controller.bundle is None and window.controller.session.dropped == []
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    assert "山田" in PdfReader(io.BytesIO(window.controller.bundle.pdf)).pages[0].extract_text()


def test_a_render_of_data_changed_meanwhile_is_thrown_away(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])
    window.controller.render()
    window.controller.answer("members[0].given", "健一")  # corrected while the render runs
    wait_until(lambda: pending_tasks() == 0)  # the first render has reported back …
    assert window.controller.bundle is None  # … and was dropped
    window.controller.render()
    wait_until(lambda: window.controller.bundle is not None)
    assert "健一" in PdfReader(io.BytesIO(window.controller.bundle.pdf)).pages[0].extract_text()


def test_f1_takes_the_typed_ticket_number(counter: Counter) -> None:
    window = counter.window
    window.start_page.ticket.setText("A-042")
    counter.clerk.press(K.Key_F1)
    assert window.controller.session.ticket == "A-042" and window.start_page.ticket.text() == ""


def test_a_wrong_cell_edit_is_reverted_and_explained(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])
    window.household_page.members.item(0, 5).setText("X")  # 性別
    assert window.household_page.members.item(0, 5).text() == "男"
    assert "男・女" in window.household_page.notice.text()


def test_every_visit_open_at_a_crash_comes_back(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs.AUTO_ANSWER = True
    clock = _counter_clock()
    first = open_counter(qapp, tmp_path, clock)
    for resident in demo_residents()[:3]:
        first.clerk.press(K.Key_F1)
        first.clerk.scan(resident[1])
    first.services.recorder.writer.flush()  # the power goes off here: three visits open
    first.window.close()
    second = open_counter(qapp, tmp_path, clock)
    try:
        wait_until(lambda: not second.window.options.offered)
        assert second.window.controller.session is not None
        assert len(second.window.suspended) == 2
        second.services.recorder.flush()
        statuses = {s.visit_id: second.services.visit_log.summary(s.visit_id).status for s in second.window.suspended}
        assert set(statuses.values()) == {"open"}
    finally:
        second.window.close()
        second.services.close()
        first.services.close()
        dialogs.AUTO_ANSWER = None


def test_a_value_read_from_the_qr_can_be_corrected_in_the_interview(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])
    clerk.press(K.Key_F2)
    listed = [window.intake_page.answered_list.item(i) for i in range(window.intake_page.answered_list.count())]
    building = next(item for item in listed if item.data(Qt.ItemDataRole.UserRole) == "new.building")
    window.intake_page.answered_list.itemActivated.emit(building)
    assert window.intake_page.text.text() == "メゾン北4条 203"
    window.intake_page.text.setText("メゾン北4条 302")
    window.intake_page.submit.click()
    assert window.controller.household().household.new.building == "メゾン北4条 302"


def test_a_bundle_that_cannot_be_made_is_said_in_japanese_without_the_error_s_text(
        counter: Counter, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # Given a visit whose forms fail for a reason nobody foresaw (the error quotes a resident's name)
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])  # 佐藤, one person

    def broken(*_: object) -> None:
        raise KeyError("佐藤　健の本籍")

    monkeypatch.setattr(window.controller.casework, "render", broken)
    # When the clerk asks for the review
    clerk.press(K.Key_F4)
    wait_until(lambda: pending_tasks() == 0 and window.review_page.problems.count() > 0)
    # Then the review says what to do, in Japanese, naming only the error's type
    shown = [window.review_page.problems.item(i).text() for i in range(window.review_page.problems.count())]
    assert any("様式を作れませんでした（予期しないエラー: KeyError）" in line for line in shown), shown
    assert not any("本籍" in line for line in shown)
    # And the log (every handler) has the type and where, not the text
    assert "background task failed" in caplog.text and "KeyError" in caplog.text and "本籍" not in caplog.text


def test_a_city_template_that_cannot_be_read_is_said_with_its_file() -> None:
    from kakanai.domain.problems import InvalidInput, Problem
    from kakanai.ui.visit_controller import render_failure

    broken = InvalidInput([Problem("templates/inu.pdf", "PDFとして読めません（壊れているか、PDFではありません）")],
                          "市の様式PDFを使えません（情報システム担当へ連絡してください）")
    assert render_failure(broken) == broken.clerk_message()
