"""The マイナンバーカード's 券面事項入力補助用アプリケーション, spoken in APDUs (no reader code here).

J-LIS publishes no APDU specification for this application; the commands below are the ones public
traces of real cards and open-source readers agree on (``docs/card.md`` lists the sources). Where
the traces disagree or are silent (the status word of a locked PIN, long lengths, padding), the
reader accepts every plausible answer.

The four basic facts (基本4情報) are in EF 0002: ``FF 20 <len>`` holding ``DF 21`` (offsets),
``DF 22`` 氏名, ``DF 23`` 住所, ``DF 24`` 生年月日 (YYYYMMDD, Western calendar) and ``DF 25`` 性別
(ISO 5218: 1 male, 2 female, 9 not applicable), text in UTF-8.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

AID = bytes.fromhex("D3921000310001010408")  # 券面事項入力補助AP (not the D3 92 10 00 00 01 … that circulates)
EF_PIN = bytes.fromhex("0011")
EF_MY_NUMBER = bytes.fromhex("0001")
EF_BASIC_FOUR = bytes.fromhex("0002")
OK = 0x9000


class CardError(Exception):
    """What went wrong with the card or the reader, in a sentence the clerk can act on."""

    def __init__(self, message_ja: str, code: str) -> None:
        super().__init__(message_ja)
        self.message_ja = message_ja
        self.code = code  # for tests and the log (never a value read from the card)


class WrongPin(CardError):
    """The PIN was wrong; ``tries`` are left before the card locks."""

    def __init__(self, tries: int) -> None:
        super().__init__(f"暗証番号が違います。あと{tries}回間違えるとロックされます（あと{tries}回）", "wrong_pin")
        self.tries = tries


BLOCKED = ("暗証番号がロックされています。このカードでは読み取れません。本人確認書類を目視で確認し、"
           "ロック解除は市区町村の窓口（マイナンバーカード担当）へご案内ください")
WRONG_CARD = "マイナンバーカードではないか、券面事項入力補助のアプリがありません。カードを確認してください"
MALFORMED = "カードの記録を読み取れませんでした（形式が想定と違います）。聞き取りで入力してください"


@dataclass(frozen=True)
class BasicFour:
    """氏名・住所・生年月日・性別 as printed on the card (sex: "M", "F" or "" for ISO 5218's 9)."""

    family: str
    given: str
    address: str
    birth: date
    sex: str


def select_application() -> bytes:
    """``SELECT`` the application by its AID (no answer data)."""
    return bytes([0x00, 0xA4, 0x04, 0x0C, len(AID)]) + AID


def select_file(fid: bytes) -> bytes:
    """``SELECT`` an elementary file of the selected application by its 2-byte id."""
    return bytes([0x00, 0xA4, 0x02, 0x0C, 0x02]) + fid


def verify(pin: bytearray | None) -> bytearray:
    """``VERIFY`` the 4-digit PIN (ASCII), or with no PIN: ask how many tries are left. The caller
    zeroes the returned buffer after sending it (it holds the PIN)."""
    if pin is None:
        return bytearray([0x00, 0x20, 0x00, 0x80])
    return bytearray([0x00, 0x20, 0x00, 0x80, len(pin)]) + pin


def read_binary(offset: int, length: int) -> bytes:
    """``READ BINARY`` of up to 256 bytes from ``offset`` (Le 00 means 256)."""
    return bytes([0x00, 0xB0, (offset >> 8) & 0x7F, offset & 0xFF, length & 0xFF])


def tries_left(status: int) -> int | None:
    """Tries left from a VERIFY status (``63 Cx``), 0 when locked (``69 83``/``69 84``), None otherwise."""
    if status & 0xFFF0 == 0x63C0:
        return status & 0x0F
    if status in (0x6983, 0x6984):
        return 0
    return None


def check_pin_text(text: str) -> bytearray:
    """The PIN as ASCII bytes, or CardError when it is not 4 digits (asked before touching the card)."""
    if len(text) != 4 or not all("0" <= ch <= "9" for ch in text):
        raise CardError("暗証番号は数字4けたです（券面事項入力補助用）", "pin_format")
    return bytearray(text.encode("ascii"))


def tlv_header(data: bytes) -> tuple[int, int, int]:
    """(tag, length, header size) of the TLV at the start of ``data``; tags are 1 or 2 bytes
    (``FF 20``, ``DF 22``), lengths 1 byte or ``81 xx`` / ``82 xx xx``."""
    if len(data) < 2:
        raise CardError(MALFORMED, "short_tlv")
    size = 2 if data[0] & 0x1F == 0x1F else 1
    tag = int.from_bytes(data[:size], "big")
    if len(data) < size + 1:
        raise CardError(MALFORMED, "short_tlv")
    first = data[size]
    if first < 0x80:
        return tag, first, size + 1
    count = first & 0x7F
    if count not in (1, 2) or len(data) < size + 1 + count:
        raise CardError(MALFORMED, "bad_length")
    return tag, int.from_bytes(data[size + 1:size + 1 + count], "big"), size + 1 + count


def parse_basic_four(record: bytes) -> BasicFour:
    """The four facts from EF 0002's bytes (padding after the record is ignored)."""
    tag, length, header = tlv_header(record)
    if tag != 0xFF20 or len(record) < header + length:
        raise CardError(MALFORMED, "not_basic_four")
    body, fields = record[header:header + length], {}
    while body:
        if body[0] == 0xFF:  # padding
            break
        tag, length, header = tlv_header(body)
        if len(body) < header + length:
            raise CardError(MALFORMED, "truncated")
        fields[tag] = body[header:header + length]
        body = body[header + length:]
    try:
        name, address, born, sex = (fields[t].decode("utf-8") for t in (0xDF22, 0xDF23, 0xDF24, 0xDF25))
    except (KeyError, UnicodeDecodeError):
        raise CardError(MALFORMED, "missing_or_not_utf8") from None
    return BasicFour(*_name(name), address.strip(), _birth(born), _sex(sex))


def parse_my_number(record: bytes) -> str:
    """個人番号 (12 digits, its check digit verified) from EF 0001's bytes."""
    tag, length, header = tlv_header(record)
    digits = record[header:header + length].decode("ascii", "replace")
    if tag != 0xFF10 or length != 12 or not digits.isdigit() or not _check_digit_ok(digits):
        raise CardError(MALFORMED, "bad_my_number")
    return digits


def _name(text: str) -> tuple[str, str]:
    family, _, given = text.strip().partition("\u3000")
    if not family:
        raise CardError(MALFORMED, "empty_name")
    return family, given.strip()


def _birth(text: str) -> date:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise CardError(MALFORMED, "bad_birth")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise CardError(MALFORMED, "bad_birth") from None


def _sex(text: str) -> str:
    if text not in ("1", "2", "9"):
        raise CardError(MALFORMED, "bad_sex")
    return {"1": "M", "2": "F", "9": ""}[text]


def _check_digit_ok(digits: str) -> bool:
    """The 12th digit of a 個人番号 (the check digit of 行政手続における特定の個人を識別するための番号の
    利用等に関する法律施行令 第8条)."""
    body = [int(d) for d in digits[:11]][::-1]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(body, start=1))
    remainder = total % 11
    return int(digits[11]) == (0 if remainder <= 1 else 11 - remainder)
