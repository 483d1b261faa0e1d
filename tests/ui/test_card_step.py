"""The card step in the real window (issue 17): a card placed on the reader (or F7 for one already
lying there) opens the PIN dialog, the resident types the PIN, the card (through pcscd and the
project's virtual card) fills name, birth date, sex and the address left, and the visit's 本人確認
is recorded as 「マイナンバーカード（IC読取）」."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kakanai.card.watch import THREAD_NAME
from kakanai.ui import dialogs
from kakanai.ui.card_dialog import PinDialog
from tests.card.test_reading import REQUIRES_PCSC, _card
from tests.card.virtual_card import Inserted, VirtualCard, basic_four_record
from tests.ui.conftest import Counter, _counter_clock, open_counter
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


_asking: list[QTimer] = []


def _resident_types_when_asked(pin: str) -> None:
    """The resident types the PIN once the dialog has opened by itself (a card was placed)."""
    timer = QTimer(interval=20)

    def type_pin() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PinDialog):
            timer.stop()
            _asking.remove(timer)
            QTest.keyClicks(dialog.pin, pin)
            QTest.keyClick(dialog.pin, K.Key_Return)
    timer.timeout.connect(type_pin)
    _asking.append(timer)
    timer.start()


@contextmanager
def _pin_dialogs_closed() -> Iterator[list[str]]:
    """Where no PIN dialog should open: any that does is closed at once and listed (a failure, not
    a test left waiting for a PIN)."""
    opened: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PinDialog):
            opened.append(dialog.windowTitle())
            dialog.reject()
    timer = QTimer(interval=20)
    timer.timeout.connect(close_it)
    timer.start()
    try:
        yield opened
    finally:
        timer.stop()


def _watching() -> bool:
    return any(t.name == THREAD_NAME for t in threading.enumerate())


@contextmanager
def _counter_with_card_lying(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                             card: VirtualCard) -> Iterator[tuple[Counter, Inserted]]:
    """A counter opened with the resident's card already on the reader (the case F7 is for)."""
    placed = Inserted(card)
    dialogs.AUTO_ANSWER = True
    counter = open_counter(qapp, tmp_path, _counter_clock())
    try:
        yield counter, placed
    finally:
        placed.remove()
        counter.window.close()
        counter.services.close()
        dialogs.AUTO_ANSWER = None


def test_the_card_fills_the_resident_and_counts_as_the_identity_check(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    # Given a resident moving within the city with their My Number card already on the reader
    with _counter_with_card_lying(qapp, tmp_path, _card(records={b"\x00\x02": SATO})) as (counter, _):
        window, clerk = counter.window, counter.clerk
        clerk.press(K.Key_F1)
        clerk.choose(2)  # 転居
        # When the clerk presses F7 and the resident types the PIN
        _resident_types("1234")
        clerk.press(K.Key_F7)
        clerk.actions += 1  # the resident's PIN: one action at the counter
        wait_until(lambda: "カードを読み取りました" in window.intake_page.status.text())
        _card_filled_sato(window, caplog)


def _card_filled_sato(window, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
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
    clerk.press(K.Key_F1)
    _resident_types_when_asked("9999")
    placed = Inserted(_card(records={b"\x00\x02": SATO}))  # placed during the interview: the dialog opens
    try:
        wait_until(lambda: "あと2回" in window.intake_page.error.text())
    finally:
        placed.remove()
    assert "members[0].family" not in window.controller.interview().draft
    assert window.controller.session.identity == ""


def test_placing_the_card_opens_the_pin_dialog_with_no_key_pressed(counter: Counter,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    window, clerk = counter.window, counter.clerk
    # Given the counter waiting for the next resident (no visit open, no key pressed)
    assert window.controller.session is None and _watching()
    # When the resident places their card on the reader and types the PIN in the dialog that opens
    _resident_types_when_asked("1234")
    placed = Inserted(_card(records={b"\x00\x02": SATO}))
    try:
        wait_until(lambda: "カードを読み取りました" in window.intake_page.status.text())
    finally:
        placed.remove()
    # Then a visit was opened by the card, and the card filled the resident as F7 does
    assert clerk.actions == 0 and window.controller.session is not None
    clerk.choose(2)  # 転居: the address left is the card's
    _card_filled_sato(window, caplog)
    assert QApplication.activeModalWidget() is None  # the dialog closed (its field cleared)


def test_a_card_lying_on_the_reader_opens_nothing_until_placed_again(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with _counter_with_card_lying(qapp, tmp_path, _card(records={b"\x00\x02": SATO})) as (counter, lying):
        window = counter.window
        # Given the counter started with a card already lying on the reader: no dialog, no visit
        with _pin_dialogs_closed() as opened:
            QTest.qWait(2500)
        assert opened == [] and window.controller.session is None
        # When it is taken off and placed again
        lying.remove()
        _resident_types_when_asked("1234")
        again = Inserted(_card(records={b"\x00\x02": SATO}))
        try:
            wait_until(lambda: "カードを読み取りました" in window.intake_page.status.text())
        finally:
            again.remove()
        # Then the dialog opened by itself and the card was read
        assert window.controller.interview().draft["members[0].family"] == "佐藤"


def test_it_turned_off_hides_the_card_step(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kakanai.app import build_window
    from kakanai.bootstrap import build_services
    from kakanai.settings import load_settings

    services = build_services(load_settings([], {"data_dir": str(tmp_path), "card": {"enabled": False}}))
    window = build_window(services, demo=False)
    try:
        labels = [window.steps.item(i).text() for i in range(window.steps.count())]
        assert not any("カード読取" in label for label in labels) and window.controller.card is None
        # and nothing watches the reader: a card placed opens nothing
        assert window.card_watch is None and not _watching()
        with _pin_dialogs_closed() as opened:
            placed = Inserted(_card())
            try:
                QTest.qWait(1500)
            finally:
                placed.remove()
        assert opened == [] and window.controller.session is None
    finally:
        window.close()
        services.close()


def test_the_window_closing_stops_watching_the_reader(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counter = open_counter(qapp, tmp_path, _counter_clock())
    try:
        assert _watching()
    finally:
        counter.window.close()
        counter.services.close()
    assert not _watching()  # the watch's thread has ended with the window, not left for the exit


def test_a_card_placed_during_the_review_is_only_hinted(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.press(K.Key_F4)
    assert window.stack.currentWidget() is window.review_page
    with _pin_dialogs_closed() as opened:
        placed = Inserted(_card(records={b"\x00\x02": SATO}))
        try:
            wait_until(lambda: "F7" in window.scan_note.text() or bool(opened))
            QTest.qWait(300)
        finally:
            placed.remove()
    assert opened == [] and "F7" in window.scan_note.text()
    assert "members[0].family" not in window.controller.interview().draft


# the interview's answers for 佐藤 健 moving within the city, by question (the card answers the rest)
MOVE_WITHIN = {"event": ("choose", 2), "date": ("ascii", "R8.6.15"), "member_count": ("ascii", "1"),
               "new.postal": ("ascii", "0900024"), "new.address": ("jp", "2丁目5番地"),
               "new.building": ("jp", "メゾン北4条 203"),
               "members[0].family_kana": ("jp", "さとう"), "members[0].given_kana": ("jp", "けん"),
               "members[0].relation": ("jp", "世帯主"), "members[0].insurance": ("choose", 1),
               "members[0].care_certified": ("choose", 0), "members[0].seal": ("ascii", ""),
               "phone": ("ascii", "080-2222-3333"), "old.head": ("ascii", "")}
# … and where one answer gives two (the postal code then the address; the フリガナ with a space)
PAIRED = {"new.postal": ("address", ("0900024", "2丁目5番地")),
          "members[0].family_kana": ("jp", "さとう けん")}
SATO_AT_HOME = basic_four_record("佐藤\u3000健", "北海道見本市北１条西１丁目１番地", "19960229", "1")


@pytest.mark.parametrize(("how", "counted"), [("placed", (15, 69)), ("F7", (16, 70))])
def test_a_move_within_the_city_by_card_and_interview_counted(qapp, tmp_path: Path, how: str,  # type: ignore[no-untyped-def]
                                                              counted: tuple[int, int]) -> None:
    """The README's count: the interview-only move within the city, with the card read first —
    placed on the reader (the PIN dialog opens by itself), or already lying there and F7. Placing
    the card is an action at the counter (no keystroke), counted as the QR rows count the scan."""
    card = _card(records={b"\x00\x02": SATO_AT_HOME})
    with _counter_with_card_lying(qapp, tmp_path, card) if how == "F7" else _counter_then_card(qapp, tmp_path) as (
            counter, lying):
        _counted_move(counter, lying, how, counted)


@contextmanager
def _counter_then_card(qapp, tmp_path: Path) -> Iterator[tuple[Counter, Inserted | None]]:  # type: ignore[no-untyped-def]
    """A counter waiting; the card is placed by the test."""
    dialogs.AUTO_ANSWER = True
    counter = open_counter(qapp, tmp_path, _counter_clock())
    try:
        yield counter, None
    finally:
        counter.window.close()
        counter.services.close()
        dialogs.AUTO_ANSWER = None


def _counted_move(counter: Counter, lying: Inserted | None, how: str, counted: tuple[int, int]) -> None:
    window, clerk = counter.window, counter.clerk
    if how == "F7":  # F7 opens the visit itself (no 次の方 first): the card step is where this visit starts
        _resident_types("1234")
        clerk.press(K.Key_F7)
    else:  # the card placed opens the PIN dialog, and the PIN the visit
        _resident_types_when_asked("1234")
        lying = Inserted(_card(records={b"\x00\x02": SATO_AT_HOME}))
    clerk.actions += 2  # the card placed on the reader (in the F7 case before the window opened), the resident's PIN
    try:
        wait_until(lambda: "カードを読み取りました" in window.intake_page.status.text())
    finally:
        assert lying is not None
        lying.remove()
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
    # the event said it is a move): never asked; nor its postal code, as the city's list splits 北1条西
    # by 丁目 (KEN_ALL's brackets) and the card's address says 1丁目
    assert not {"members[0].family", "members[0].given", "members[0].birth", "members[0].sex",
                "members[0].card", "old.address", "old.building", "old.postal"} & set(asked)
    assert window.controller.interview().draft["old.address"] == "北海道見本市北１条西１丁目１番地"
    assert window.controller.interview().draft["old.postal"] == "090-0001"
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
    assert (clerk.actions, clerk.keystrokes) == counted, (clerk.actions, clerk.keystrokes, asked)


def test_the_pin_is_kept_nowhere_and_my_number_is_never_read(counter: Counter, caplog: pytest.LogCaptureFixture) -> None:
    """The PIN goes to the card and nowhere else; the card step never reads 個人番号 (its file is
    never selected), so it cannot reach the visit log, the recovery store or a code."""
    caplog.set_level(logging.DEBUG)
    window = counter.window
    card = _card(records={b"\x00\x02": SATO}, pin="8531")
    _resident_types_when_asked("8531")
    placed = Inserted(card)  # the dialog opens by itself
    try:
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


def test_a_card_placed_while_the_pin_dialog_is_open_opens_no_second_one(counter: Counter) -> None:
    # Given the clerk pressed F7 before the resident placed the card
    window, clerk = counter.window, counter.clerk
    asked: list[object] = []
    real = window.ask_pin
    window.ask_pin = lambda parent: (asked.append(parent), real(parent))[1]
    cards: list[Inserted] = []
    told: list[str] = []
    window.card_watch.placed.connect(told.append)  # type: ignore[union-attr]

    def place_then_type() -> None:  # in the open dialog: the resident places the card, then types
        cards.append(Inserted(_card(records={b"\x00\x02": SATO})))
        QTimer.singleShot(1500, lambda: _resident_types("1234"))
    QTimer.singleShot(100, place_then_type)
    try:
        clerk.press(K.Key_F7)  # back once the dialog closed
        wait_until(lambda: "カードを読み取りました" in window.intake_page.status.text())
    finally:
        for card in cards:
            card.remove()
    # Then the card placed meanwhile opened no second dialog, and the one PIN read it
    assert told and len(asked) == 1 and window.controller.interview().draft["members[0].family"] == "佐藤"


def test_a_card_placed_on_the_print_page_opens_nothing(counter: Counter) -> None:
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.press(K.Key_F5)
    assert window.stack.currentWidget() is window.print_page
    told: list[str] = []
    window.card_watch.placed.connect(told.append)  # type: ignore[union-attr]
    with _pin_dialogs_closed() as opened:
        placed = Inserted(_card(records={b"\x00\x02": SATO}))
        try:
            wait_until(lambda: bool(told))  # the window was told of the card
            QTest.qWait(300)
        finally:
            placed.remove()
    assert opened == [] and window.scan_note.text() == ""
    assert "members[0].family" not in window.controller.interview().draft


def test_a_card_placed_while_the_supervisor_uses_the_dashboard_opens_nothing(counter: Counter) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = counter.window
    # Given the supervisor's window (F10) open beside the counter and in use (a stand-in window:
    # the counter only asks whether its dashboard is shown and active)
    board = QMainWindow()
    board.show()
    board.activateWindow()
    QTest.qWaitForWindowActive(board, 5000)
    window.dashboard = board
    told: list[str] = []
    window.card_watch.placed.connect(told.append)  # type: ignore[union-attr]
    try:
        with _pin_dialogs_closed() as opened:
            placed = Inserted(_card(records={b"\x00\x02": SATO}))
            try:
                wait_until(lambda: bool(told))
                QTest.qWait(300)
            finally:
                placed.remove()
        assert opened == [] and window.controller.session is None
    finally:
        board.close()
