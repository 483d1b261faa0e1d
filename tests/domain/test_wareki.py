"""和暦: era boundaries, the three written forms and the register's digit form."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.domain.wareki import era_of, format_digits, format_wareki, format_wareki_short, parse_date


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(2026, 4, 1), "令和8年4月1日"),
    ],
)
def test_era_boundaries_are_exact(day: date, text: str) -> None:
    assert format_wareki(day) == text
    assert parse_date(text) == day


def test_first_year_can_be_written_as_a_number() -> None:
    assert format_wareki(date(2019, 5, 1), gannen=False) == "令和1年5月1日"
    assert era_of(date(2019, 5, 1))[1] == 1


def test_short_and_digit_forms() -> None:
    assert format_wareki_short(date(2026, 4, 1)) == "R8.4.1"
    assert format_digits(date(2026, 4, 1)) == "5080401"
    assert format_digits(date(1985, 5, 10)) == "3600510"


@pytest.mark.parametrize(
    "text",
    ["2026-04-01", "2026/4/1", "令和8年4月1日", "R8.4.1", "r8.4.1", "R08.04.01", "R8/4/1", "5080401",
     "令和８年４月１日", "５０８０４０１", "  R8.4.1 "],
)
def test_every_accepted_form_reads_the_same_day(text: str) -> None:
    assert parse_date(text) == date(2026, 4, 1)


@pytest.mark.parametrize(("text", "day"), [("H31.4.30", date(2019, 4, 30)), ("S64.1.7", date(1989, 1, 7)),
                                           ("3600510", date(1985, 5, 10)), ("令和元年5月1日", date(2019, 5, 1))])
def test_other_eras_parse(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026-02-30", "存在しない日付"),
        ("R8.2.30", "存在しない日付"),
        ("平成32年1月1日", "日付はありません"),
        ("昭和65年1月1日", "日付はありません"),
        ("令和元年4月30日", "日付はありません"),
        ("平成元年1月7日", "日付はありません"),
        ("X8.4.1", "読めません"),
        ("6080401", "読めません"),
        ("", "読めません"),
        ("R0.4.1", "年が正しくありません"),
    ],
)
def test_impossible_or_out_of_era_dates_are_refused(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_date(text)


def test_dates_before_meiji_are_refused() -> None:
    with pytest.raises(ValueError, match="明治より前"):
        format_wareki(date(1867, 12, 31))


@given(st.dates(min_value=date(1873, 1, 1), max_value=date(2100, 12, 31)))
def test_every_form_round_trips(day: date) -> None:
    assert parse_date(format_wareki(day)) == day
    assert parse_date(format_wareki(day, gannen=False)) == day
    assert parse_date(format_wareki_short(day)) == day
    if era_of(day)[1] < 100:
        assert parse_date(format_digits(day)) == day
