"""The scan field: a keyboard-wedge scanner's code in, with Caps Lock or an IME on; a person told apart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kakanai.domain.household_doc import parse_household
from kakanai.qr.payload import decode, encode_household
from kakanai.qr.scan_field import ScanField, latin_text, typed_like_a_scanner
from tests.conftest import household_doc

CODE = encode_household(parse_household(household_doc("family_move_in")).household)


class SteppingClock:
    """A clock that moves ``step`` seconds each time it is read (one read per key)."""

    def __init__(self, step: float) -> None:
        self.step = step
        self.now = 0.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _field(qtbot: QtBot, step: float | None = None) -> ScanField:
    field = ScanField(clock=SteppingClock(step)) if step is not None else ScanField()
    qtbot.addWidget(field)
    return field


def _commit(field: ScanField, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def test_a_scanned_code_is_emitted_on_enter(qtbot: QtBot) -> None:
    # Given a scanner typing a family's code at 4 ms a key
    field = _field(qtbot, step=0.004)
    with qtbot.waitSignal(field.scanned) as signal:
        qtbot.keyClicks(field, CODE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    # Then the code is emitted whole, known to be a scan, and the field is ready for the next
    assert signal.args == [CODE] and field.last_input_was_scanner
    assert field.text() == ""
    assert decode(signal.args[0]).household == parse_household(household_doc("family_move_in")).household


def test_caps_lock_inverts_the_case_and_the_code_still_reads(qtbot: QtBot) -> None:
    field = _field(qtbot, step=0.004)
    with qtbot.waitSignal(field.scanned) as signal:
        qtbot.keyClicks(field, CODE.swapcase())
        qtbot.keyClick(field, Qt.Key.Key_Enter)  # some scanners send keypad Enter
    assert signal.args == [CODE.lower()] and field.last_input_was_scanner
    assert decode(signal.args[0]).household == decode(CODE).household


def test_a_real_burst_of_keys_counts_as_a_scanner(qtbot: QtBot) -> None:
    field = _field(qtbot)  # the real clock: key events sent back to back
    with qtbot.waitSignal(field.scanned) as signal:
        qtbot.keyClicks(field, CODE[:200])
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == [CODE[:200]] and field.last_input_was_scanner


def test_a_person_typing_a_ticket_number_is_typed_not_scanned(qtbot: QtBot) -> None:
    # Given a clerk typing a ticket number at 180 ms a key
    field = _field(qtbot, step=0.180)
    scans: list[str] = []
    field.scanned.connect(scans.append)
    with qtbot.waitSignal(field.typed) as signal:
        qtbot.keyClicks(field, "A-1024")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == ["A-1024"] and scans == []
    assert not field.last_input_was_scanner


def test_slow_typing_with_real_pauses_is_a_person(qtbot: QtBot) -> None:
    field = _field(qtbot)
    with qtbot.waitSignal(field.typed, timeout=5000) as signal:
        for key in "B77":
            qtbot.keyClick(field, key)
            qtbot.wait(60)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == ["B77"] and not field.last_input_was_scanner


def test_a_code_typed_by_hand_is_still_a_code(qtbot: QtBot) -> None:
    field = _field(qtbot, step=0.250)
    with qtbot.waitSignal(field.scanned) as signal:
        qtbot.keyClicks(field, "kkn1abcd")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == ["kkn1abcd"] and not field.last_input_was_scanner


def test_another_barcode_at_scanner_speed_counts_as_a_scan(qtbot: QtBot) -> None:
    # so that the clerk hears "this is not a resident's code" rather than nothing
    field = _field(qtbot, step=0.003)
    with qtbot.waitSignal(field.scanned) as signal:
        qtbot.keyClicks(field, "4901234567894")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == ["4901234567894"] and field.last_input_was_scanner


def test_backspace_means_a_person_even_when_fast(qtbot: QtBot) -> None:
    field = _field(qtbot, step=0.003)
    with qtbot.waitSignal(field.typed) as signal:
        qtbot.keyClicks(field, "12345")
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert signal.args == ["1234"] and not field.last_input_was_scanner


def test_enter_on_an_empty_field_emits_nothing(qtbot: QtBot) -> None:
    field = _field(qtbot, step=0.003)
    with qtbot.assertNotEmitted(field.scanned), qtbot.assertNotEmitted(field.typed):
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.keyClicks(field, "   ")
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_input_method_is_switched_off() -> None:
    field = ScanField()
    hints = field.inputMethodHints()
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert hints & Qt.InputMethodHint.ImhLatinOnly and hints & Qt.InputMethodHint.ImhNoPredictiveText


def test_a_japanese_commit_is_refused_with_a_message(qtbot: QtBot) -> None:
    # Given an IME that still manages to commit kana into the field
    field = _field(qtbot)
    with qtbot.waitSignal(field.rejected) as signal:
        _commit(field, "やまだ")
    # Then nothing is inserted and the clerk is told why
    assert field.text() == ""
    assert "かな・漢字は入力できません" in signal.args[0]


def test_a_kana_key_is_refused(qtbot: QtBot) -> None:
    field = _field(qtbot)
    with qtbot.waitSignal(field.rejected):
        QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                Qt.KeyboardModifier.NoModifier, "か"))
    assert field.text() == ""


def test_full_width_latin_from_an_ime_is_folded_to_half_width(qtbot: QtBot) -> None:
    field = _field(qtbot, step=0.003)
    with qtbot.assertNotEmitted(field.rejected):
        _commit(field, "ＫＫＮ１")
    assert field.text() == "KKN1"


def test_a_pre_edit_is_never_shown(qtbot: QtBot) -> None:
    field = _field(qtbot)
    QApplication.sendEvent(field, QInputMethodEvent("きょう", []))
    assert field.text() == ""


def test_the_field_takes_the_focus_back_when_asked(qtbot: QtBot) -> None:
    # Given the counter window with the scan field and another field
    window = QWidget()
    layout = QVBoxLayout(window)
    field, other = ScanField(), QLineEdit()
    layout.addWidget(field)
    layout.addWidget(other)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # When the scan field is asked to keep the focus and a click moves it away
    field.set_keep_focus(True)
    other.setFocus(Qt.FocusReason.MouseFocusReason)
    # Then it comes back
    qtbot.waitUntil(field.hasFocus)
    # And once released, the focus stays where the clerk put it
    field.set_keep_focus(False)
    other.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.wait(50)
    assert other.hasFocus() and not field.hasFocus()


@pytest.mark.parametrize(("stamps", "scanner"), [([0, 0.01, 0.02, 0.03], True), ([0, 0.1, 0.2, 0.3], False),
                                                 ([0, 0.001, 0.002], False), ([0, 0.02, 0.04, 0.29], False)])
def test_the_pace_of_keys_tells_a_scanner(stamps: list[float], scanner: bool) -> None:
    assert typed_like_a_scanner(stamps) is scanner


@pytest.mark.parametrize(("text", "latin"), [("K", "K"), ("ｋ", "k"), ("７", "7"), ("か", None), ("ｶ", None)])
def test_latin_text_folds_full_width_and_refuses_kana(text: str, latin: str | None) -> None:
    assert latin_text(text) == latin
