"""The card step in the real window (issue 17): F7, the resident types the PIN, the card (through
pcscd and the project's virtual card) fills name, birth date, sex and the address left, and the
visit's 本人確認 is recorded as 「マイナンバーカード（IC読取）」."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.card.test_reading import REQUIRES_PCSC, _card
from tests.card.virtual_card import Inserted, basic_four_record
from tests.ui.conftest import Counter
from tests.ui.driver import wait_until

K = Qt.Key
pytestmark = REQUIRES_PCSC
SATO = basic_four_record("佐藤\u3000健", "北海道見本市北４条東２丁目５番地", "19960229", "1")


def _resident_types(pin: str) -> None:
    """The resident types the PIN into the dialog F7 opens (digits, then Enter)."""
    def type_pin() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no PIN dialog"
        field = dialog.findChild(QLineEdit)
        QTest.keyClicks(field, pin)
        QTest.keyClick(field, K.Key_Return)
    QTimer.singleShot(50, type_pin)


def test_the_card_fills_the_resident_and_counts_as_the_identity_check(counter: Counter,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    window, clerk = counter.window, counter.clerk
    placed = Inserted(_card(records={b"\x00\x02": SATO}))
    try:
        # Given a resident moving within the city with their My Number card on the reader
        clerk.press(K.Key_F1)
        clerk.choose(2)  # 転居
        # When the clerk presses F7 and the resident types the PIN
        _resident_types("1234")
        clerk.press(K.Key_F7)
        clerk.actions += 1  # the resident's PIN: one action at the counter
        wait_until(lambda: "カードを読み取りました" in window.intake_page.status.text())
    finally:
        placed.remove()
    # Then name, birth date, sex, the card and the address left are filled, with its postal code
    draft = window.controller.interview().draft
    assert (draft["members[0].family"], draft["members[0].given"], draft["members[0].birth"]) == ("佐藤", "健",
                                                                                                 "1996-02-29")
    assert draft["members[0].sex"] == "M" and draft["members[0].card"] is True
    assert (draft["old.address"], draft["old.postal"]) == ("北海道見本市北４条東２丁目５番地", "090-0024")
    # And 本人確認 is recorded as the card read by IC, its kind only
    assert window.controller.session.identity == "my_number_card_ic"
    # And nothing logged holds the PIN or what was read
    assert "card read: basic four" in caplog.text
    assert not any(secret in caplog.text for secret in ("1234", "佐藤", "1996"))


def test_a_wrong_pin_is_told_with_the_tries_left_and_fills_nothing(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    placed = Inserted(_card(records={b"\x00\x02": SATO}))
    try:
        clerk.press(K.Key_F1)
        _resident_types("9999")
        clerk.press(K.Key_F7)
        wait_until(lambda: "あと2回" in window.intake_page.error.text())
    finally:
        placed.remove()
    assert "members[0].family" not in window.controller.interview().draft
    assert window.controller.session.identity == ""


def test_it_turned_off_hides_the_card_step(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kakanai.app import build_window
    from kakanai.bootstrap import build_services
    from kakanai.settings import load_settings

    services = build_services(load_settings([], {"data_dir": str(tmp_path), "card": {"enabled": False}}))
    window = build_window(services, demo=False)
    try:
        labels = [window.steps.item(i).text() for i in range(window.steps.count())]
        assert not any("カード読取" in label for label in labels) and window.controller.card is None
    finally:
        window.close()
        services.close()


# the interview's answers for 佐藤 健 moving within the city, by question (the card answers the rest)
MOVE_WITHIN = {"event": ("choose", 2), "date": ("ascii", "R8.6.15"), "member_count": ("ascii", "1"),
               "new.postal": ("ascii", "0900024"), "new.address": ("jp", "2丁目5番地"),
               "new.building": ("jp", "メゾン北4条 203"), "old.postal": ("ascii", "090-0001"),
               "old.address": ("jp", "1丁目1番地"), "old.building": ("ascii", ""),
               "members[0].family_kana": ("jp", "さとう"), "members[0].given_kana": ("jp", "けん"),
               "members[0].relation": ("jp", "世帯主"), "members[0].insurance": ("choose", 1),
               "members[0].care_certified": ("choose", 0), "members[0].seal": ("ascii", ""),
               "phone": ("ascii", "080-2222-3333"), "old.head": ("ascii", "")}
# … and where one answer gives two (the postal code then the address; the フリガナ with a space)
PAIRED = {"new.postal": ("address", ("0900024", "2丁目5番地")), "old.postal": ("address", ("090-0001", "1丁目1番地")),
          "members[0].family_kana": ("jp", "さとう けん")}
SATO_AT_HOME = basic_four_record("佐藤\u3000健", "北海道見本市北１条西１丁目１番地", "19960229", "1")


def test_a_move_within_the_city_by_card_and_interview_counted(counter: Counter) -> None:
    """The README's count: the interview-only move within the city, with the card read first."""
    window, clerk = counter.window, counter.clerk
    placed = Inserted(_card(records={b"\x00\x02": SATO_AT_HOME}))
    try:
        # F7 opens the visit itself (no 次の方 first): the card step is where this visit starts
        _resident_types("1234")
        clerk.press(K.Key_F7)
        clerk.actions += 1  # the resident's PIN
        wait_until(lambda: "カードを読み取りました" in window.intake_page.status.text())
    finally:
        placed.remove()
    asked = []  # the interview goes on at its first open question (no Tab: the card replaced the scan)
    while window.stack.currentWidget() is window.intake_page and window.intake_page._current is not None:
        path = window.intake_page._current.path
        assert path not in asked and path in MOVE_WITHIN, (path, asked)
        pair = window.intake_page._pair
        asked += [path, pair[1].path] if pair else [path]
        kind, value = PAIRED[path] if pair else MOVE_WITHIN[path]
        if kind == "address":
            clerk.postal_then_address(*value)  # type: ignore[misc]
        else:
            {"ascii": clerk.type_ascii, "jp": clerk.commit_japanese, "choose": clerk.choose}[kind](value)  # type: ignore[operator]
        assert window.intake_page.error.text() == "", (path, window.intake_page.error.text())
    # the card answered name, birth date, sex, the card and the address left (方書 included, applied once
    # the event said it is a move): never asked; its postal code is, as two codes share that 町域
    assert not {"members[0].family", "members[0].given", "members[0].birth", "members[0].sex",
                "members[0].card", "old.address", "old.building"} & set(asked)
    assert window.controller.interview().draft["old.address"] == "北海道見本市北１条西１丁目１番地"
    assert window.stack.currentWidget() is window.household_page
    visit_id = window.controller.session.visit_id
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    assert window.review_page.identity.hasFocus()  # 本人確認 is already done: the card was read by IC
    assert window.review_page.identity.currentData() == "my_number_card_ic"
    clerk.press(K.Key_Return)  # Enter on it prints
    wait_until(lambda: (counter.saved / f"{visit_id}.pdf").exists())
    clerk.press(K.Key_F6)
    counter.services.recorder.flush()
    assert counter.services.visit_log.summary(visit_id).status == "finished"
    assert (clerk.actions, clerk.keystrokes) == (16, 79), (clerk.actions, clerk.keystrokes, asked)


def test_the_pin_is_kept_nowhere_and_my_number_is_never_read(counter: Counter, caplog: pytest.LogCaptureFixture) -> None:
    """The PIN goes to the card and nowhere else; the card step never reads 個人番号 (its file is
    never selected), so it cannot reach the visit log, the recovery store or a code."""
    caplog.set_level(logging.DEBUG)
    window, clerk = counter.window, counter.clerk
    card = _card(records={b"\x00\x02": SATO}, pin="8531")
    placed = Inserted(card)
    try:
        _resident_types("8531")
        clerk.press(K.Key_F7)
        wait_until(lambda: "カードを読み取りました" in window.intake_page.status.text())
    finally:
        placed.remove()
    counter.services.recorder.flush()
    # the card was asked for its basic four only: EF 0001 (個人番号) never selected
    assert not any(apdu[1] == 0xA4 and apdu[5:7] == b"\x00\x01" for apdu in card.apdus)
    # the PIN is in no dialog left open, no saved visit (decrypted), no file of the counter, no log line
    assert QApplication.activeModalWidget() is None
    sessions = counter.services.visits.store.load_all()
    assert sessions and all("8531" not in repr(vars(session)) for session in sessions)
    for path in counter.data.rglob("*"):
        if path.is_file():
            assert b"8531" not in path.read_bytes() and "8531".encode("utf-16-le") not in path.read_bytes(), path
    assert "8531" not in caplog.text
