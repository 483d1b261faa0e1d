"""A card reader through PC/SC (WinSCard on Windows, pcscd elsewhere), with pyscard's thin
`smartcard.scard` layer so that every PC/SC result code becomes a message the clerk can act on.

`read_basic_four` is the whole conversation for the interview: find the one reader with a card,
select the application, check the tries left, verify the PIN, read EF 0002. The PIN buffer is
zeroed after it is sent; it is never stored or logged (Python cannot promise that no other copy of
the text the clerk's widget held remains in memory: the widget clears it).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kakanai.card.protocol import (
    BLOCKED,
    EF_BASIC_FOUR,
    EF_MY_NUMBER,
    EF_PIN,
    OK,
    WRONG_CARD,
    BasicFour,
    CardError,
    WrongPin,
    check_pin_text,
    parse_basic_four,
    parse_my_number,
    read_binary,
    select_application,
    select_file,
    tlv_header,
    tries_left,
    verify,
)

log = logging.getLogger(__name__)
MAX_RECORD = 4096
REMOVAL_GRACE = 3.0  # seconds to let the reader notice that a card which stopped answering was taken out


def _scard() -> Any:
    try:
        from smartcard import scard
    except ImportError:  # pyscard without its PC/SC library (libpcsclite / winscard)
        raise CardError("カード読取の仕組み（PC/SC）がこの端末にありません。情報システム係に連絡してください",
                        "no_pcsc") from None
    return scard


def _problem(result: int, scard: Any) -> CardError:
    """A PC/SC result code as the clerk's message."""
    messages = {
        scard.SCARD_E_NO_SERVICE: ("カードリーダーの仕組み（スマートカードサービス）が動いていません。情報システム係に連絡してください",
                                   "no_service"),
        scard.SCARD_E_NO_READERS_AVAILABLE: ("カードリーダーがつながっていません。USBの接続を確認してください", "no_reader"),
        scard.SCARD_E_READER_UNAVAILABLE: ("カードリーダーが外れました。つなぎ直してからもう一度読み取ってください",
                                           "reader_gone"),
        scard.SCARD_E_UNKNOWN_READER: ("カードリーダーが外れました。つなぎ直してからもう一度読み取ってください",
                                       "reader_gone"),
        scard.SCARD_W_REMOVED_CARD: ("読み取りの途中でカードが外れました。カードを置き直してもう一度読み取ってください",
                                     "removed"),
        scard.SCARD_W_RESET_CARD: ("読み取りの途中でカードが外れました。カードを置き直してもう一度読み取ってください",
                                   "removed"),
        scard.SCARD_E_NO_SMARTCARD: ("カードがありません。カードをリーダーに置いてください", "no_card"),
        scard.SCARD_W_UNRESPONSIVE_CARD: ("カードが応答しません。向きを変えて置き直してください", "unresponsive"),
        scard.SCARD_E_SHARING_VIOLATION: ("カードリーダーを別のソフトが使っています。そのソフトを閉じてください", "in_use"),
        scard.SCARD_F_COMM_ERROR: (("カードリーダーの仕組み（スマートカードサービス）との通信が切れました。もう一度読み取り、"
                                    "続くときは情報システム係に連絡してください"), "service_lost"),
    }
    other = f"カードを読み取れませんでした（PC/SC {result & 0xFFFFFFFF:08X}）。置き直してもう一度読み取ってください"
    message, code = messages.get(result, (other, "pcsc_error"))
    return CardError(message, code)


def readers_with_card(scard: Any, context: int) -> list[str]:
    """The readers that hold a card now."""
    result, readers = scard.SCardListReaders(context, [])
    if result == scard.SCARD_E_NO_READERS_AVAILABLE or (result == scard.SCARD_S_SUCCESS and not readers):
        raise _problem(scard.SCARD_E_NO_READERS_AVAILABLE, scard)
    if result != scard.SCARD_S_SUCCESS:
        raise _problem(result, scard)
    states = [(reader, scard.SCARD_STATE_UNAWARE) for reader in readers]
    result, states = scard.SCardGetStatusChange(context, 0, states)
    if result != scard.SCARD_S_SUCCESS:
        raise _problem(result, scard)
    return [reader for reader, state, _ in states if state & scard.SCARD_STATE_PRESENT]


def choose_reader(with_card: list[str], preferred: str = "") -> str:
    """The one reader to use: IT's choice if it holds a card, else the only one with a card."""
    if preferred:
        if preferred in with_card:
            return preferred
        raise CardError(f"設定のカードリーダー「{preferred}」にカードがありません。カードを置いてください", "no_card")
    if not with_card:
        raise CardError("カードがありません。カードをリーダーに置いてください", "no_card")
    if len(with_card) > 1:
        raise CardError(f"カードが{len(with_card)}台のリーダーに置かれています。読み取るカード1枚だけを置いてください",
                        "several")
    return with_card[0]


class Session:
    """One connection to one card."""

    def __init__(self, scard: Any, handle: int, protocol: int) -> None:
        self._scard, self._handle, self._protocol = scard, handle, protocol

    def send(self, apdu: bytes | bytearray) -> tuple[bytes, int]:
        """Send one command; (response data, status word)."""
        command = list(apdu)
        try:
            result, response = self._scard.SCardTransmit(self._handle, self._protocol, command)
        finally:
            command[:] = [0] * len(command)  # the PIN, if this was VERIFY
        if result != self._scard.SCARD_S_SUCCESS:
            raise self._removed() or _problem(result, self._scard)
        if len(response) < 2:
            raise self._removed() or CardError("カードの応答が正しくありません。置き直してもう一度読み取ってください",
                                               "short_response")
        return bytes(response[:-2]), (response[-2] << 8) | response[-1]

    def _removed(self) -> CardError | None:
        """The removed-card error when the card has left the reader (a failed command's usual cause)."""
        sc = self._scard
        deadline = time.monotonic() + REMOVAL_GRACE
        while True:  # the reader may report the removal a moment after the failed command
            result = sc.SCardStatus(self._handle)[0]
            if result in (sc.SCARD_W_REMOVED_CARD, sc.SCARD_W_RESET_CARD, sc.SCARD_E_NO_SMARTCARD):
                return _problem(sc.SCARD_W_REMOVED_CARD, sc)
            if time.monotonic() > deadline:
                return None
            time.sleep(0.1)

    def select_application(self) -> None:
        """Select the 券面事項入力補助AP, or say this is not a My Number card."""
        if self.send(select_application())[1] != OK:
            raise CardError(WRONG_CARD, "wrong_card")

    def verify_pin(self, pin_text: str) -> None:
        """Check the tries left, then the PIN; raises WrongPin (with the tries left) or a locked card."""
        pin = check_pin_text(pin_text)
        try:
            if self.send(select_file(EF_PIN))[1] != OK:
                raise CardError(WRONG_CARD, "no_pin_file")
            left = tries_left(self.send(verify(None))[1])
            if left == 0:
                raise CardError(BLOCKED, "blocked")
            command = verify(pin)
            try:
                status = self.send(command)[1]
            finally:
                command[:] = bytes(len(command))
        finally:
            pin[:] = bytes(len(pin))
        if status == OK:
            return
        left = tries_left(status)
        if left is None:
            raise CardError("暗証番号を確かめられませんでした。置き直してもう一度読み取ってください", "verify_failed")
        raise CardError(BLOCKED, "blocked") if left == 0 else WrongPin(left)

    def read_record(self, fid: bytes) -> bytes:
        """A whole TLV record of an elementary file (its length read from its header first)."""
        if self.send(select_file(fid))[1] != OK:
            raise CardError(WRONG_CARD, "no_record")
        head = self._read(0, 8)
        _, length, header = tlv_header(head)
        total = min(header + length, MAX_RECORD)
        data = bytearray(head[:total])
        while len(data) < total:
            chunk = self._read(len(data), min(total - len(data), 255))
            if not chunk:
                break
            data += chunk
        return bytes(data)

    def _read(self, offset: int, length: int) -> bytes:
        data, status = self.send(read_binary(offset, length))
        if status not in (OK, 0x6282):  # 62 82: end of file reached before Le
            raise CardError("カードの記録を読み取れませんでした。置き直してもう一度読み取ってください", "read_failed")
        return data


@contextmanager
def connected(preferred_reader: str = "") -> Iterator[Session]:
    """A session with the card on the one reader that holds one (see `choose_reader`)."""
    scard = _scard()
    result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if result != scard.SCARD_S_SUCCESS:
        raise _problem(result, scard)
    try:
        reader = choose_reader(readers_with_card(scard, context), preferred_reader)
        result, handle, protocol = scard.SCardConnect(context, reader, scard.SCARD_SHARE_SHARED,
                                                      scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
        if result != scard.SCARD_S_SUCCESS:
            raise _problem(result, scard)
        try:
            yield Session(scard, handle, protocol)
        finally:
            scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)
    finally:
        scard.SCardReleaseContext(context)


def read_basic_four(pin: str, preferred_reader: str = "") -> BasicFour:
    """氏名・住所・生年月日・性別 from the card after the resident's PIN (raises CardError)."""
    check_pin_text(pin)[:] = b"\0\0\0\0"  # a mistyped PIN never reaches the card (nor costs a try)
    with connected(preferred_reader) as card:
        card.select_application()
        card.verify_pin(pin)
        facts = parse_basic_four(card.read_record(EF_BASIC_FOUR))
    log.info("card read: basic four")  # never what was read
    return facts


def read_my_number(pin: str, preferred_reader: str = "") -> str:
    """個人番号, only on an explicit clerk action for a form with a 個人番号 box (raises CardError)."""
    check_pin_text(pin)[:] = b"\0\0\0\0"
    with connected(preferred_reader) as card:
        card.select_application()
        card.verify_pin(pin)
        number = parse_my_number(card.read_record(EF_MY_NUMBER))
    log.info("card read: my number")  # never the number
    return number
