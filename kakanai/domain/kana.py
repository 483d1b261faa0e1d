"""Kana and digit normalisation for names, readings, postal codes and phone numbers.

jaconv does the kana conversion: it is well kept, and it composes half-width voiced marks
(ｶﾞ → ガ, ﾊﾟ → パ) correctly, which a hand-written table easily gets wrong. The few it leaves
apart (ﾜﾞ, ｦﾞ, and kana typed with a separate combining mark) are composed afterwards with NFC.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

from kakanai.domain.problems import DomainValueError

_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u30fb\u3000]*")  # ァ..ヺ (small kana, ヴ), ー, ・, 　
_HALF_MARKS = str.maketrans({"\uff9e": "\u3099", "\uff9f": "\u309a"})  # ﾞ ﾟ as combining marks
_LONE_MARKS = str.maketrans({"\u3099": "\u309b", "\u309a": "\u309c"})  # left over: ゛ ゜
_DASHES = "－‐‑‒–—―−﹣"
_TO_ASCII = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {d: "-" for d in _DASHES} | {"＋": "+"})
_LONG_VOWEL_BETWEEN_DIGITS = re.compile(r"(?<=[0-9０-９])[ーｰ](?=[0-9０-９])")


def to_katakana(text: str) -> str:
    """The text with hiragana and half-width katakana as full-width katakana, spaces as one ``　``."""
    kata = jaconv.hira2kata(jaconv.h2z(text, kana=True, ascii=False, digit=False))
    kata = unicodedata.normalize("NFC", kata.translate(_HALF_MARKS)).translate(_LONE_MARKS)
    return re.sub(r"\s+", "\u3000", kata.strip())


def is_katakana(text: str) -> bool:
    """True if the text is only full-width katakana (small kana, ヴ), ー, ・ and ``　``."""
    return _KATAKANA.fullmatch(text) is not None


def normalize_digits(text: str) -> str:
    """The text with full-width digits and dashes (ー between digits too) in ASCII, spaces removed."""
    text = _LONG_VOWEL_BETWEEN_DIGITS.sub("-", text)
    return re.sub(r"\s+", "", text.translate(_TO_ASCII))


def normalize_postal(text: str) -> str:
    """A postal code as ``NNN-NNNN`` from ``0900001``, ``090-0001``, ``〒０９０－０００１``."""
    digits = normalize_digits(text).removeprefix("〒")
    if not re.fullmatch(r"[0-9]{3}-?[0-9]{4}", digits):
        raise DomainValueError(f"郵便番号は7桁の数字です: '{text}'", "postal code must be 7 digits")
    digits = digits.replace("-", "")
    return f"{digits[:3]}-{digits[3:]}"


def normalize_phone(text: str) -> str:
    """A phone number in ASCII digits and hyphens, with an optional leading ``+``."""
    phone = normalize_digits(text)
    if not re.fullmatch(r"\+?[0-9]+(-[0-9]+)*", phone) or len(re.findall("[0-9]", phone)) < 10:
        raise DomainValueError(f"電話番号として読めません: '{text}'", "not a phone number")
    return phone
