"""Kana readings and full-width digits are normalised as clerks and the register expect."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.domain.kana import is_katakana, normalize_digits, normalize_phone, normalize_postal, to_katakana


@pytest.mark.parametrize(
    ("raw", "kana"),
    [("やまだ", "ヤマダ"), ("ﾔﾏﾀﾞ", "ヤマダ"), ("ﾊﾟﾝ", "パン"), ("ガッコウ", "ガッコウ"), ("ゆーこ", "ユーコ"),
     (" やまだ  たろう ", "ヤマダ　タロウ"), ("ｳﾞｨｸﾄﾙ", "ヴィクトル"), ("ジョン・スミス", "ジョン・スミス")],
)
def test_readings_become_full_width_katakana(raw: str, kana: str) -> None:
    assert to_katakana(raw) == kana
    assert is_katakana(to_katakana(raw))


@pytest.mark.parametrize("text", ["Taro", "山田", "ヤマダ1", "ﾔﾏﾀﾞ"])
def test_non_katakana_is_recognised(text: str) -> None:
    assert not is_katakana(text)


@pytest.mark.parametrize(("raw", "postal"), [("0900001", "090-0001"), ("090-0001", "090-0001"),
                                              ("０９０－０００１", "090-0001"), ("〒090-0001", "090-0001"),
                                              ("090ー0001", "090-0001")])
def test_postal_codes(raw: str, postal: str) -> None:
    assert normalize_postal(raw) == postal


@pytest.mark.parametrize("raw", ["090-001", "abcdefg", "12345678", ""])
def test_bad_postal_codes_are_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="7桁"):
        normalize_postal(raw)


def test_phone_numbers() -> None:
    assert normalize_phone("０９０－１２３４－５６７８") == "090-1234-5678"
    assert normalize_phone("+81 90 1234 5678") == "+819012345678"
    assert normalize_digits("０１５７ー２３ー４５６７") == "0157-23-4567"
    for bad in ("12-34", "090-1234-abcd", "電話"):
        with pytest.raises(ValueError, match="電話番号"):
            normalize_phone(bad)


@given(st.text(alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3093), min_size=1, max_size=20))
def test_any_hiragana_becomes_katakana(text: str) -> None:
    assert is_katakana(to_katakana(text))
