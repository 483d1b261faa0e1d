"""The resident code's envelopes (``docs/kkn2.md``): KKN2, ``"KKN2" + digits(zlib(utf8(json),
zdict))``, written from now on, and KKN1, ``"KKN1" + base32(zlib(utf8(json)))``, still read.

Decoding runs ``strip whitespace → upper-case → check prefix → digits (KKN2) or base32 (KKN1) →
zlib (bounded) → UTF-8 → JSON → validate``; each step fails with its own message for the clerk
(Japanese) and the log (English), and nothing a scanner can type makes it crash or hang.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
import zlib
from typing import Any

from kakanai.domain.household import Household
from kakanai.domain.household_doc import ParsedHousehold, check_characters, household_to_document, parse_household
from kakanai.domain.problems import MAX_MESSAGE, InvalidInput, Problem, format_path
from kakanai.qr import kkn2

__all__ = ["KKN1", "KKN2", "MAX_MESSAGE", "MAX_TEXT", "MAX_TEXT_KKN2", "PREFIX", "QrPayloadError", "decode", "decode_document",
           "encode_document", "encode_household", "strict_json"]

KKN1 = "KKN1"
KKN2 = "KKN2"
PREFIX = KKN2  # what the counter writes; every earlier prefix is still read
MAX_TEXT = 4296  # KKN1: QR version 40-L, alphanumeric mode
MAX_TEXT_KKN2 = 4 + 7077  # KKN2: the prefix (alphanumeric) and the digits QR version 40-L holds after it
MAX_DOCUMENT = 64 * 1024
MAX_DEPTH = 16  # the household document nests 4 deep; room for a later version's additions
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WHITESPACE = re.compile("[ \t\r\n\ufeff]+")  # a BOM: a text file saved by Notepad, piped to qr read
_LATER_VERSION = re.compile(r"^KKN([3-9]|\d\d)")


class QrPayloadError(InvalidInput):
    """A QR text that could not be read; ``step`` names where decoding stopped."""

    def __init__(self, step: str, message_ja: str, message_en: str) -> None:
        self.step = step
        super().__init__([Problem("", message_ja, message_en)], "QRコードを読み取れませんでした")


def encode_document(document: dict[str, Any], prefix: str = PREFIX) -> str:
    """The code's text for a household document: KKN2 (keys with a null value left out), or KKN1
    when asked (tests and the bench compare the two)."""
    if prefix == KKN1:
        raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return KKN1 + base64.b32encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")
    raw = json.dumps(_without_nulls(document), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return KKN2 + kkn2.to_digits(kkn2.compress(raw))


def _without_nulls(value: Any) -> Any:
    """The document with every null-valued key left out (a missing optional key reads the same)."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def encode_household(household: Household, prefix: str = PREFIX) -> str:
    """The code's text for a household (KKN2 unless KKN1 is asked for)."""
    return encode_document(household_to_document(household), prefix)


def decode_document(text: str) -> Any:
    """The JSON document inside a KKN2 or KKN1 text (not yet validated as a household)."""
    if len(text) > MAX_TEXT_KKN2 * 2:
        raise QrPayloadError("length", "QRコードの内容が長すぎます", "text longer than a QR code holds")
    # full-width ＫＫＮ２ and digits (typed or pasted with a Japanese input method on) read as ASCII
    body = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).upper()
    if len(body) > (MAX_TEXT_KKN2 if body.startswith(KKN2) else MAX_TEXT):
        raise QrPayloadError("length", "QRコードの内容が長すぎます", "text longer than a QR code holds")
    if body.startswith(KKN2):
        raw = _inflate(_digits(body[len(KKN2):]), kkn2.DICTIONARY)
    elif body.startswith(KKN1):
        raw = _inflate(_base32(body[len(KKN1):]))
    elif _LATER_VERSION.match(body):
        raise QrPayloadError("prefix", f"新しい版のQRコード（{body[:4]}）です。kakanai の更新が必要です",
                             "payload from a newer version")
    else:
        raise QrPayloadError("prefix", "QRコードの形式が違います（KKN2・KKN1で始まっていません）" + _other_code(body),
                             "missing KKN2/KKN1 prefix")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise QrPayloadError("utf8", "QRコードの文字コードが正しくありません", "not UTF-8") from None
    return _strict_json(text)


# codes a resident may show instead of theirs, told by their start (the clerk says what to scan instead)
_OTHER_CODES = (("HTTP", "ホームページのアドレス（URL）"), ("WIFI:", "Wi-Fi の設定"), ("BEGIN:VCARD", "連絡先（名刺）"),
                ("MECARD:", "連絡先（名刺）"), ("MAILTO:", "メールアドレス"), ("TEL:", "電話番号"), ("SMSTO:", "SMS"),
                ("GEO:", "地図の位置"))


def _other_code(body: str) -> str:
    """。…のQRコードです… when ``body`` (upper case, no spaces) is a well-known other kind of code."""
    for start, kind in _OTHER_CODES:
        if body.startswith(start):
            return f"。{kind}のQRコードです。住民の方の事前入力ページで作ったQRコードを読み取ってください"
    return ""


class _Refused(Exception):
    """Raised inside the JSON parser's hooks: the document breaks a rule of the spec."""

    def __init__(self, step: str, message_ja: str, message_en: str) -> None:
        super().__init__(message_en)
        self.error = QrPayloadError(step, message_ja, message_en)


def _strict_json(text: str) -> Any:
    """The document of a code's text (`strict_json`, a syntax error said as the code's)."""
    try:
        return strict_json(text)
    except json.JSONDecodeError:
        raise QrPayloadError("json", "QRコードの内容を読み取れません（形式の誤り）", "not valid JSON") from None


def strict_json(text: str, what: str = "QRコード") -> Any:
    """JSON as the spec allows it: no NaN/Infinity, no duplicate keys, bounded nesting, no number
    too long to read, and no lone surrogate, control or bidi character in any key or string.

    The same rules hold for a code and for a household file (``what`` names it in the messages:
    "QRコード", "ファイル"); `QrPayloadError` for a broken rule, ``json.JSONDecodeError`` (with
    its line and column) for text that is not JSON at all, left to the caller to say.
    """
    if _depth(text) > MAX_DEPTH:
        raise QrPayloadError("depth", f"{what}の内容の入れ子が深すぎます（{MAX_DEPTH}段まで）", "nesting too deep")
    try:
        document = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_no_duplicates)
    except _Refused as refused:
        raise QrPayloadError(refused.error.step, f"{what}に{refused.error.problems[0].message_ja}",
                             refused.error.problems[0].message_en) from None
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError):  # an integer of more than 4,300 digits; nesting past the parser
        raise QrPayloadError("json", f"{what}に桁数の多すぎる数か、深すぎる入れ子があります", "number too long") from None
    _check_strings(document, [], what)
    return document


def _depth(text: str) -> int:
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _no_constant(name: str) -> Any:
    raise _Refused("json", "数として使えない値（NaN・Infinity）があります", f"{name} is not allowed")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(pairs)
    if len(document) != len(pairs):
        raise _Refused("json", "同じ項目が2回書かれています", "duplicate key")
    return document


def _check_strings(value: Any, path: list[str | int], what: str) -> None:
    """Refuse lone surrogates and control/bidi characters in keys and strings (iteratively bounded
    by MAX_DEPTH already)."""
    if isinstance(value, str):
        _check_text(value, path, what)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, path + ["（項目名）"], what)
            _check_strings(item, path + [key], what)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_strings(item, path + [i], what)


def _check_text(text: str, path: list[str | int], what: str) -> None:
    where = format_path(path)
    if _SURROGATE.search(text):
        raise QrPayloadError("json", f"{where}: {what}に使えない文字（対になっていないサロゲート）があります",
                             "lone surrogate")
    try:
        check_characters(text)
    except ValueError:
        raise QrPayloadError("json", f"{where}: 制御文字または文字の向きを変える記号が含まれています",
                             "control or bidi character") from None


def decode(text: str) -> ParsedHousehold:
    """Decode and validate a scanned KKN2 or KKN1 text into a household (raises `InvalidInput`)."""
    return parse_household(decode_document(text))


def _base32(body: str) -> bytes:
    if not body:
        raise QrPayloadError("base32", "QRコードの中身が空です", "empty payload")
    padded = body + "=" * (-len(body) % 8)
    try:
        return base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise QrPayloadError("base32", "QRコードの文字が正しくありません（一部が欠けているか、別のコードです）",
                             "not base32") from None


def _digits(body: str) -> bytes:
    if not body:
        raise QrPayloadError("digits", "QRコードの中身が空です", "empty payload")
    try:
        return kkn2.from_digits(body)
    except ValueError:
        raise QrPayloadError("digits", "QRコードの文字が正しくありません（一部が欠けているか、別のコードです）",
                             "not KKN2 digits") from None


def _check_dictionary(data: bytes) -> None:
    """A zlib header naming a preset dictionary other than KKN2's (RFC 1950: FDICT, then DICTID):
    a code made by another program's encoder, told apart from a misread one."""
    if len(data) >= 6 and (data[0] * 256 + data[1]) % 31 == 0 and data[1] & 0x20 \
            and int.from_bytes(data[2:6], "big") != kkn2.DICTIONARY_ID:
        raise QrPayloadError("dictionary", "QRコードの作り方が違います（KKN2 の辞書で作られていません）。"
                             "コードを作ったアプリの提供元に確認してください", "zlib DICTID is not the KKN2 dictionary's")


def _inflate(data: bytes, dictionary: bytes | None = None) -> bytes:
    if dictionary is not None:
        _check_dictionary(data)
    inflater = zlib.decompressobj(zdict=dictionary) if dictionary is not None else zlib.decompressobj()
    try:
        raw = inflater.decompress(data, MAX_DOCUMENT + 1)
    except zlib.error:
        raise QrPayloadError("zlib", "QRコードが壊れています（読み取り誤りか、一部が欠けています）",
                             "zlib stream corrupt or checksum mismatch") from None
    if len(raw) > MAX_DOCUMENT or inflater.unconsumed_tail:
        raise QrPayloadError("size", "QRコードの内容が大きすぎます（64KiBまで）", "document larger than 64 KiB")
    if not inflater.eof:
        raise QrPayloadError("zlib", "QRコードが途中で切れています（最後まで読み取れていません）", "zlib stream truncated")
    if inflater.unused_data:
        raise QrPayloadError("zlib", "QRコードの後ろに余分なデータがあります", "trailing data after zlib stream")
    return raw
