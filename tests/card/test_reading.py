"""Reading the My Number card's four basic facts through a real PC/SC stack (issue 17): pcscd with
vsmartcard's virtual reader, and a virtual card of our own (tests/card/virtual_card.py) — pyscard
and pcscd are the real ones. Right PIN, wrong PIN, locked, taken out mid-read, broken records,
no card, not a My Number card."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date

import pytest

from kakanai.card.protocol import AID, MALFORMED, BasicFour, CardError, WrongPin
from tests.card.virtual_card import Inserted, VirtualCard, basic_four_record, my_number_record

NAME = "佐藤\u3000健"
ADDRESS = "北海道見本市北１条西１丁目１番地"


def _pcsc_ready() -> str:
    try:
        from smartcard import scard
    except ImportError:
        return "pyscard is not installed"
    result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if result != scard.SCARD_S_SUCCESS:
        return "pcscd is not running"
    result, readers = scard.SCardListReaders(context, [])
    scard.SCardReleaseContext(context)
    if not any(r.startswith("Virtual PCD") for r in readers or []):
        return "vsmartcard's virtual reader (vpcd) is not in pcscd"
    return ""


def _wait_ready(seconds: float) -> str:
    """pcscd may still be starting when the tests are collected (scripts/dev starts it just before)."""
    deadline = time.monotonic() + seconds
    while (why := _pcsc_ready()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return why


WHY_NOT = _wait_ready(10 if os.environ.get("KAKANAI_REQUIRE_CARD") else 0)
# scripts/dev test sets the stack up (root) and KAKANAI_REQUIRE_CARD=1, so CI runs these for real
REQUIRES_PCSC = pytest.mark.skipif(bool(WHY_NOT) and not os.environ.get("KAKANAI_REQUIRE_CARD"),
                                   reason=f"PC/SC stack not set up: {WHY_NOT}")
pytestmark = REQUIRES_PCSC


def _card(**changes: object) -> VirtualCard:
    records = {b"\x00\x02": basic_four_record(NAME, ADDRESS, "19880229", "1"),
               b"\x00\x01": my_number_record("123456789018")}
    return VirtualCard(**{"records": records, **changes})  # type: ignore[arg-type]


@pytest.fixture
def inserted() -> Iterator[list[Inserted]]:
    placed: list[Inserted] = []
    yield placed
    for card in placed:
        card.remove()


def _place(placed: list[Inserted], card: VirtualCard) -> VirtualCard:
    placed.append(Inserted(card))
    return card


def _read(pin: str = "1234") -> BasicFour:
    from kakanai.card.pcsc import read_basic_four

    return read_basic_four(pin)


def _refused(pin: str = "1234") -> CardError:
    with pytest.raises(CardError) as caught:
        _read(pin)
    return caught.value


def test_the_right_pin_reads_the_four_basic_facts(inserted: list[Inserted]) -> None:
    _place(inserted, _card())
    assert _read() == BasicFour("佐藤", "健", ADDRESS, date(1988, 2, 29), "M")


def test_a_wrong_pin_says_how_many_tries_are_left_and_a_right_one_resets_them(inserted: list[Inserted]) -> None:
    card = _place(inserted, _card())
    wrong = _refused("9999")
    assert isinstance(wrong, WrongPin) and wrong.tries == 2 and "あと2回" in wrong.message_ja
    assert _read().family == "佐藤" and card.tries == 3


@pytest.mark.parametrize("locked_status", [0x6983, 0x6984, 0x63C0])
def test_a_locked_card_is_named_and_not_tried_again(inserted: list[Inserted], locked_status: int) -> None:
    card = _place(inserted, _card(tries=0, locked_status=locked_status))
    assert _refused().code == "blocked" and "ロックされています" in _refused().message_ja
    assert not any(apdu[1] == 0x20 and len(apdu) > 4 for apdu in card.apdus)  # the PIN was never sent


def test_the_third_wrong_pin_locks_the_card(inserted: list[Inserted]) -> None:
    _place(inserted, _card(tries=1))
    assert _refused("0000").code == "blocked"


def test_a_card_taken_out_mid_read_is_named_and_nothing_half_read_is_returned(inserted: list[Inserted]) -> None:
    _place(inserted, _card(pull_out_after_reads=1))
    error = _refused()
    assert error.code == "removed" and "途中でカードが外れました" in error.message_ja


@pytest.mark.parametrize("record", [
    b"\xff\x20\x05\xdf\x22\x02\xe4",  # cut short
    basic_four_record(NAME, ADDRESS, "1988022X", "1"),  # a birth date that is not one
    basic_four_record(NAME, ADDRESS, "19880229", "5"),  # a sex ISO 5218 does not have
    basic_four_record(NAME, ADDRESS, "19880229", "1").replace(NAME.encode(), b"\xff\xfe\xfd\xfc\xfb\xfa\xf9"),
    b"\x00" * 16,
])
def test_broken_records_are_refused_in_plain_japanese(inserted: list[Inserted], record: bytes) -> None:
    _place(inserted, _card(records={b"\x00\x02": record}))
    error = _refused()
    assert error.message_ja == MALFORMED


def test_a_card_without_the_application_is_not_a_my_number_card(inserted: list[Inserted]) -> None:
    _place(inserted, _card(aid=bytes(len(AID))))
    assert _refused().code == "wrong_card"


def test_no_card_on_the_reader_is_named() -> None:
    assert _refused().code == "no_card"


def test_a_pin_that_is_not_four_digits_never_reaches_the_card(inserted: list[Inserted]) -> None:
    card = _place(inserted, _card())
    assert _refused("12a4").code == "pin_format" and card.apdus == []


def test_my_number_is_read_only_when_asked_and_its_check_digit_holds(inserted: list[Inserted]) -> None:
    from kakanai.card.pcsc import read_my_number

    card = _place(inserted, _card())
    _read()
    assert not any(apdu[5:7] == b"\x00\x01" for apdu in card.apdus if apdu[1] == 0xA4)  # 基本4情報 only
    assert read_my_number("1234") == "123456789018"
