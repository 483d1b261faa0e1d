"""Kana and digit normalisation for names, readings, postal codes and phone numbers.

jaconv does the kana conversion: it is well kept, and it composes half-width voiced marks
(ｶﾞ → ガ, ﾊﾟ → パ) correctly, which a hand-written table easily gets wrong.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

_SPACES = re.compile(r"[ \u3000]+")
_KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc\u30fb\u3000\u30f4]*$")
_DASHES = "－‐‑–—―−ｰ"
_DIGITS_DASH = re.compile(r"(?<=\d)[ー" + _DASHES + r"](?=\d)")


def to_katakana(text: str) -> str:
    """Hiragana and half-width katakana to full-width katakana; spaces folded to one ``　``."""
    full = jaconv.h2z(text, kana=True, ascii=False, digit=False)
    kata = jaconv.hira2kata(full)
    return _SPACES.sub("\u3000", kata.strip(" \u3000\t"))


def is_katakana(text: str) -> bool:
    """True if the text is only full-width katakana, ー, ・ and full-width spaces."""
    return bool(_KATAKANA.match(text))


def normalize_digits(text: str) -> str:
    """Full-width digits and dashes to ASCII; spaces removed."""
    ascii_digits = unicodedata.normalize("NFKC", text)
    ascii_digits = _DIGITS_DASH.sub("-", ascii_digits)
    for dash in _DASHES:
        ascii_digits = ascii_digits.replace(dash, "-")
    return re.sub(r"\s+", "", ascii_digits)


def normalize_postal(text: str) -> str:
    """``NNN-NNNN`` from ``0900001``, ``090-0001``, ``〒０９０－０００１``; ValueError otherwise."""
    digits = normalize_digits(text).lstrip("〒").replace("-", "")
    if not re.fullmatch(r"\d{7}", digits):
        raise ValueError(f"郵便番号は7桁の数字です: '{text}' (postal code must be 7 digits)")
    return f"{digits[:3]}-{digits[3:]}"


def normalize_phone(text: str) -> str:
    """A phone number with ASCII digits and hyphens (leading + allowed); ValueError otherwise."""
    phone = normalize_digits(text)
    if not re.fullmatch(r"\+?[\d-]+", phone) or sum(c.isdigit() for c in phone) < 10:
        raise ValueError(f"電話番号として読めません: '{text}' (not a phone number)")
    return phone
