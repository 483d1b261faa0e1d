"""Kana readings, full-width digits, postal codes and phone numbers as clerks and the register expect."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.domain.kana import is_katakana, normalize_digits, normalize_phone, normalize_postal, to_katakana

HIRAGANA = st.characters(min_codepoint=0x3041, max_codepoint=0x3096)  # ぁ..ゖ, including ゔ ゕ ゖ
HALF_KANA = st.sampled_from("ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ")


@pytest.mark.parametrize(
    ("raw", "kana"),
    [
        ("やまだ", "ヤマダ"),
        ("ﾔﾏﾀﾞ", "ヤマダ"),
        ("ｶﾞｯｺｳ", "ガッコウ"),
        ("ﾊﾟﾝ", "パン"),
        ("ﾎﾟﾝﾋﾟﾝ", "ポンピン"),
        ("ｳﾞｨｸﾄﾙ", "ヴィクトル"),
        ("ﾜﾞｲﾝ", "ヷイン"),
        ("ガッコウ", "ガッコウ"),
        ("ゆーこ", "ユーコ"),
        ("ﾕｰｺ", "ユーコ"),
        ("ゔぃくとる", "ヴィクトル"),
        ("か\u3099", "ガ"),  # a voiced mark typed as a separate combining character
        ("ジョン・スミス", "ジョン・スミス"),
        ("ｼﾞｮﾝ･ｽﾐｽ", "ジョン・スミス"),
        ("やまだ　たろう", "ヤマダ　タロウ"),
        (" やまだ  たろう ", "ヤマダ　タロウ"),
        ("\u3000ヤマダ \u3000タロウ\n", "ヤマダ　タロウ"),
        ("やまだ\tたろう", "ヤマダ　タロウ"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ　タロウ"),
        ("ヤマダ", "ヤマダ"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_readings_become_full_width_katakana(raw: str, kana: str) -> None:
    assert to_katakana(raw) == kana
    assert is_katakana(to_katakana(raw))


@pytest.mark.parametrize(("raw", "kept"), [("Taro", "Taro"), ("山田", "山田"), ("やまだ1", "ヤマダ1")])
def test_other_characters_are_left_for_the_caller_to_refuse(raw: str, kept: str) -> None:
    assert to_katakana(raw) == kept
    assert not is_katakana(to_katakana(raw))


@pytest.mark.parametrize("text", ["ヤマダ", "ァィゥェォッャュョヮヵヶ", "ヴ", "ジョン・スミス", "ヤマダ　タロウ", "ユーコ"])
def test_katakana_is_recognised(text: str) -> None:
    assert is_katakana(text)


@pytest.mark.parametrize(
    "text",
    ["Taro", "山田", "ヤマダ1", "ﾔﾏﾀﾞ", "やまだ", "ヤマダ タロウ", "ヤマダ\n", "ヤマダ-", "ア゛", "ヽ", "゠"],
)
def test_non_katakana_is_recognised(text: str) -> None:
    assert not is_katakana(text)


@pytest.mark.parametrize(
    ("raw", "digits"),
    [("０１２３４５６７８９", "0123456789"), ("０１５７ー２３ー４５６７", "0157-23-4567"), ("12－34", "12-34"),
     ("12‐34", "12-34"), ("12−34", "12-34"), ("12―34", "12-34"), ("12ｰ34", "12-34"), ("1 2\u30003", "123"),
     ("ー12ー", "ー12ー"), ("ヤマダ", "ヤマダ"), ("３丁目", "3丁目")],
)
def test_digits_and_dashes_become_ascii(raw: str, digits: str) -> None:
    assert normalize_digits(raw) == digits


@pytest.mark.parametrize(
    "raw",
    ["0900001", "090-0001", "０９０－０００１", "０９００００１", "〒090-0001", "〒０９０－０００１", "〒 090-0001",
     "090ー0001", "090‐0001", " 090-0001 ", "090 0001"],
)
def test_postal_codes(raw: str) -> None:
    assert normalize_postal(raw) == "090-0001"


@pytest.mark.parametrize(
    ("raw", "postal"), [("1000001", "100-0001"), ("０６００００１", "060-0001"), ("〒1000001", "100-0001")]
)
def test_postal_codes_are_split_three_four(raw: str, postal: str) -> None:
    assert normalize_postal(raw) == postal


@pytest.mark.parametrize(
    "raw", ["090-001", "090001", "０９０００１", "abcdefg", "12345678", "", "〒", "0900-001", "09-00001", "090--0001",
            "090-0001-", "〒〒090-0001", "090-000１a"],
)
def test_bad_postal_codes_are_refused(raw: str) -> None:
    with pytest.raises(ValueError, match=r"^郵便番号は7桁の数字です: .* \(postal code must be 7 digits\)$"):
        normalize_postal(raw)


@pytest.mark.parametrize(
    ("raw", "phone"),
    [("０９０－１２３４－５６７８", "090-1234-5678"), ("09012345678", "09012345678"), ("0157-23-4567", "0157-23-4567"),
     ("+81 90 1234 5678", "+819012345678"), ("＋８１－９０－１２３４－５６７８", "+81-90-1234-5678"),
     ("０１５７ー２３ー４５６７", "0157-23-4567"), (" 03-1234-5678 ", "03-1234-5678")],
)
def test_phone_numbers(raw: str, phone: str) -> None:
    assert normalize_phone(raw) == phone


@pytest.mark.parametrize(
    "raw", ["12-34", "090-1234-abcd", "電話", "", "090-123-456", "03(1234)5678", "81+9012345678", "-09012345678",
            "090--1234-5678", "09012345678-", "++819012345678"],
)
def test_bad_phone_numbers_are_refused(raw: str) -> None:
    with pytest.raises(ValueError, match=r"^電話番号として読めません: .* \(not a phone number\)$"):
        normalize_phone(raw)


@given(st.text(alphabet=HIRAGANA, min_size=1, max_size=20))
def test_any_hiragana_becomes_katakana(text: str) -> None:
    kana = to_katakana(text)
    assert is_katakana(kana) and len(kana) == len(text)


@given(st.lists(st.tuples(HALF_KANA, st.sampled_from(["", "ﾞ", "ﾟ"])), min_size=1, max_size=15))
def test_half_width_kana_becomes_full_width(pairs: list[tuple[str, str]]) -> None:
    kana = to_katakana("".join(a + b for a, b in pairs))
    assert all(not 0xFF61 <= ord(c) <= 0xFF9F for c in kana)
    assert len(kana) <= 2 * len(pairs)


@given(st.lists(st.text(alphabet=HIRAGANA, min_size=1, max_size=6), min_size=1, max_size=4),
       st.lists(st.sampled_from([" ", "\u3000", "  ", " \u3000 ", "\t"]), min_size=5, max_size=5))
def test_words_are_separated_by_one_full_width_space(words: list[str], gaps: list[str]) -> None:
    raw = gaps[0] + "".join(w + g for w, g in zip(words, gaps[1:] + gaps[:1]))
    assert to_katakana(raw).split("\u3000") == [to_katakana(w) for w in words]


@given(st.text(alphabet=HIRAGANA, max_size=20))
def test_to_katakana_is_idempotent(text: str) -> None:
    assert to_katakana(to_katakana(text)) == to_katakana(text)


@given(st.from_regex(r"\A0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}\Z"))
def test_full_width_phone_numbers_read_like_ascii(phone: str) -> None:
    full = phone.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    if sum(c.isdigit() for c in phone) >= 10:
        assert normalize_phone(full) == normalize_phone(phone) == phone


@given(st.from_regex(r"\A[0-9]{7}\Z"))
def test_postal_code_round_trips(digits: str) -> None:
    postal = normalize_postal(digits)
    assert postal.replace("-", "") == digits
    assert normalize_postal(postal) == postal
