"""和暦: era boundaries, the three written forms, the register's digit form and parsing."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.domain.wareki import ERAS, Era, era_of, format_digits, format_wareki, format_wareki_short, parse_date

# (day, kanji form, short form, digit form) at every era boundary and a few ordinary days
BOUNDARIES = [
    (date(1868, 1, 1), "明治元年1月1日", "M1.1.1", "1010101"),
    (date(1868, 10, 23), "明治元年10月23日", "M1.10.23", "1011023"),
    (date(1912, 7, 29), "明治45年7月29日", "M45.7.29", "1450729"),
    (date(1912, 7, 30), "大正元年7月30日", "T1.7.30", "2010730"),
    (date(1926, 12, 24), "大正15年12月24日", "T15.12.24", "2151224"),
    (date(1926, 12, 25), "昭和元年12月25日", "S1.12.25", "3011225"),
    (date(1985, 5, 10), "昭和60年5月10日", "S60.5.10", "3600510"),
    (date(1989, 1, 7), "昭和64年1月7日", "S64.1.7", "3640107"),
    (date(1989, 1, 8), "平成元年1月8日", "H1.1.8", "4010108"),
    (date(2019, 4, 30), "平成31年4月30日", "H31.4.30", "4310430"),
    (date(2019, 5, 1), "令和元年5月1日", "R1.5.1", "5010501"),
    (date(2026, 4, 1), "令和8年4月1日", "R8.4.1", "5080401"),
]


def test_eras_are_in_order_with_register_codes() -> None:
    assert [(e.name, e.letter, e.code) for e in ERAS] == [
        ("明治", "M", 1), ("大正", "T", 2), ("昭和", "S", 3), ("平成", "H", 4), ("令和", "R", 5)]
    assert [e.start for e in ERAS] == sorted(e.start for e in ERAS)
    assert ERAS[0].start == date(1868, 10, 23)


def test_era_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ERAS[0].name = "慶応"  # type: ignore[misc]
    assert Era("令和", "R", 5, date(2019, 5, 1)) == ERAS[-1]


@pytest.mark.parametrize(("day", "kanji", "short", "digits"), BOUNDARIES)
def test_each_form_at_era_boundaries(day: date, kanji: str, short: str, digits: str) -> None:
    assert format_wareki(day) == kanji
    assert format_wareki_short(day) == short
    assert format_digits(day) == digits


@pytest.mark.parametrize(("day", "kanji", "short", "digits"), BOUNDARIES)
def test_each_form_parses_back(day: date, kanji: str, short: str, digits: str) -> None:
    assert parse_date(kanji) == parse_date(short) == parse_date(digits) == day


@pytest.mark.parametrize(
    ("day", "name", "year"),
    [(date(1868, 1, 1), "明治", 1), (date(1912, 7, 29), "明治", 45), (date(1912, 7, 30), "大正", 1),
     (date(1926, 12, 24), "大正", 15), (date(1926, 12, 25), "昭和", 1), (date(1989, 1, 7), "昭和", 64),
     (date(1989, 1, 8), "平成", 1), (date(2019, 4, 30), "平成", 31), (date(2019, 5, 1), "令和", 1),
     (date(2026, 4, 1), "令和", 8)],
)
def test_era_of(day: date, name: str, year: int) -> None:
    era, in_era = era_of(day)
    assert (era.name, in_era) == (name, year)


@pytest.mark.parametrize(("day", "text"), [(date(2019, 5, 1), "令和1年5月1日"), (date(1989, 1, 8), "平成1年1月8日"),
                                           (date(2020, 1, 1), "令和2年1月1日")])
def test_first_year_as_a_number_without_gannen(day: date, text: str) -> None:
    assert format_wareki(day, gannen=False) == text


@pytest.mark.parametrize("fmt", [format_wareki, format_wareki_short, format_digits, era_of])
def test_dates_before_meiji_are_refused(fmt: object) -> None:
    with pytest.raises(ValueError, match=r"明治より前.*\(.*\)"):
        fmt(date(1867, 12, 31))  # type: ignore[operator]


def test_digit_form_needs_a_two_digit_year() -> None:
    with pytest.raises(ValueError, match="7桁"):
        format_digits(date(2118, 1, 1))  # 令和100年


@pytest.mark.parametrize(
    "text",
    ["2026-04-01", "2026/4/1", "2026.4.1", "2026年4月1日", "令和8年4月1日", "R8.4.1", "r8.4.1", "R08.04.01",
     "R8/4/1", "R8-4-1", "5080401", "令和８年４月１日", "５０８０４０１", "Ｒ８．４．１", "２０２６－０４－０１",
     "  R8.4.1 ", "\u3000令和8年4月1日\u3000", "令和 8年 4月 1日", "令和08年04月01日"],
)
def test_every_accepted_form_reads_the_same_day(text: str) -> None:
    assert parse_date(text) == date(2026, 4, 1)


@pytest.mark.parametrize(
    ("text", "day"),
    [("H31.4.30", date(2019, 4, 30)), ("S64.1.7", date(1989, 1, 7)), ("3600510", date(1985, 5, 10)),
     ("令和元年5月1日", date(2019, 5, 1)), ("平成元年1月8日", date(1989, 1, 8)), ("明治元年1月1日", date(1868, 1, 1)),
     ("M1.1.1", date(1868, 1, 1)), ("t1.7.30", date(1912, 7, 30)), ("h1.1.8", date(1989, 1, 8)),
     ("4310430", date(2019, 4, 30)), ("5010501", date(2019, 5, 1)), ("R2.2.29", date(2020, 2, 29)),
     ("1868-01-01", date(1868, 1, 1))],
)
def test_other_eras_parse(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-02-30", "存在しない日付"),
        ("2026-13-01", "存在しない日付"),
        ("R8.2.30", "存在しない日付"),
        ("R7.2.29", "存在しない日付"),
        ("5080230", "存在しない日付"),
        ("令和8年2月30日", "存在しない日付"),
        ("平成32年1月1日", "日付はありません"),
        ("H31.5.1", "日付はありません"),
        ("4310501", "日付はありません"),
        ("昭和65年1月1日", "日付はありません"),
        ("S64.1.8", "日付はありません"),
        ("令和元年4月30日", "日付はありません"),
        ("R1.4.30", "日付はありません"),
        ("平成元年1月7日", "日付はありません"),
        ("昭和元年12月24日", "日付はありません"),
        ("大正元年7月29日", "日付はありません"),
        ("M45.7.30", "日付はありません"),
        ("T15.12.25", "日付はありません"),
        ("R0.4.1", "年が正しくありません"),
        ("5000401", "年が正しくありません"),
        ("X8.4.1", "読めません"),
        ("6080401", "読めません"),
        ("0080401", "読めません"),
        ("慶応4年1月1日", "読めません"),
        ("R8.4/1", "読めません"),
        ("R8.4", "読めません"),
        ("508041", "読めません"),
        ("令和八年四月一日", "読めません"),
        ("", "読めません"),
        ("   ", "読めません"),
        ("tomorrow", "読めません"),
    ],
)
def test_impossible_or_out_of_era_dates_are_refused(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_date(text)


def test_errors_quote_the_text_and_explain_in_english() -> None:
    with pytest.raises(ValueError, match=r"^和暦・西暦の日付として読めません: 'X8\.4\.1' \(not a date\)$"):
        parse_date("X8.4.1")


days = st.dates(min_value=date(1873, 1, 1), max_value=date(2100, 12, 31))


@given(days)
def test_every_form_round_trips(day: date) -> None:
    assert parse_date(format_wareki(day)) == day
    assert parse_date(format_wareki(day, gannen=False)) == day
    assert parse_date(format_wareki_short(day)) == day
    assert parse_date(format_digits(day)) == day
    assert parse_date(day.isoformat()) == day


@given(days)
def test_digit_form_has_seven_digits_and_sorts_like_dates_within_an_era(day: date) -> None:
    digits = format_digits(day)
    assert len(digits) == 7 and digits.isdigit()
    assert int(digits[0]) == era_of(day)[0].code
    later = day + timedelta(days=1)
    if era_of(later)[0] == era_of(day)[0]:
        assert format_digits(later) > digits


@given(days)
def test_era_year_counts_from_the_era_start(day: date) -> None:
    era, year = era_of(day)
    assert era.start <= day or era.code == 1
    assert year == day.year - era.start.year + 1 >= 1
