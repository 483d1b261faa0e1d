"""Age under Japanese law, school grades and the 児童手当 limit (first 31 March after turning 18)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.domain.ages import (
    age_on,
    end_of_march_after_reaching,
    grade_on,
    reached_age_date,
    school_entry_year,
    school_stage_on,
    school_year_of,
    within_until_march_after,
)


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(2026, 5, 20), date(2026, 5, 20), 0),  # the day of birth
        (date(2000, 4, 2), date(2020, 4, 1), 20),  # the day before the birthday
        (date(2000, 4, 2), date(2020, 3, 31), 19),
        (date(2000, 4, 2), date(2020, 4, 2), 20),
        (date(2000, 1, 1), date(2019, 12, 31), 20),  # born 1 January: turns on 31 December
        (date(2000, 1, 1), date(2019, 12, 30), 19),
        (date(2000, 3, 1), date(2020, 2, 29), 20),  # born 1 March: turns on 29 February in a leap year
        (date(2000, 3, 1), date(2021, 2, 28), 21),
        (date(2004, 2, 29), date(2025, 2, 28), 21),  # 29 Feb birthday, common year
        (date(2004, 2, 29), date(2025, 2, 27), 20),
        (date(2004, 2, 29), date(2028, 2, 28), 24),  # leap year: the day before 29 Feb
        (date(2004, 2, 29), date(2028, 2, 27), 23),
        (date(2004, 2, 29), date(2005, 2, 28), 1),
        (date(1950, 6, 15), date(2026, 6, 14), 76),
    ],
)
def test_legal_age_turns_at_the_end_of_the_day_before_the_birthday(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_age_before_birth_is_refused() -> None:
    with pytest.raises(ValueError, match=r"生年月日より前.*\(date before birth\)"):
        age_on(date(2026, 5, 20), date(2026, 5, 19))


@pytest.mark.parametrize(
    ("birth", "n", "reached"),
    [
        (date(2008, 4, 2), 18, date(2026, 4, 1)),
        (date(2008, 4, 1), 18, date(2026, 3, 31)),
        (date(2004, 2, 29), 21, date(2025, 2, 28)),  # common year: anniversary 1 March
        (date(2004, 2, 29), 4, date(2008, 2, 28)),  # leap year: anniversary 29 February
        (date(2000, 1, 1), 20, date(2019, 12, 31)),
        (date(2000, 3, 1), 20, date(2020, 2, 29)),
        (date(2026, 5, 20), 0, date(2026, 5, 19)),
    ],
)
def test_reached_age_date(birth: date, n: int, reached: date) -> None:
    assert reached_age_date(birth, n) == reached


def test_negative_age_is_refused() -> None:
    with pytest.raises(ValueError, match="0以上"):
        reached_age_date(date(2000, 1, 1), -1)


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2027, 3, 31), 2026), (date(2026, 4, 1), 2026), (date(2026, 3, 31), 2025), (date(2026, 12, 31), 2026),
     (date(2027, 1, 1), 2026)],
)
def test_school_year_starts_on_1_april(day: date, year: int) -> None:
    assert school_year_of(day) == year


@pytest.mark.parametrize(
    ("birth", "entry"),
    [
        (date(2019, 4, 1), 2025),  # 早生まれ: turns 6 on 31 March 2025, in time for April 2025
        (date(2019, 4, 2), 2026),  # turns 6 on 1 April 2025, after the school year began
        (date(2020, 1, 1), 2026),
        (date(2020, 3, 31), 2026),
        (date(2020, 4, 1), 2026),
        (date(2020, 2, 29), 2026),
        (date(2020, 4, 2), 2027),
    ],
)
def test_school_entry_year(birth: date, entry: int) -> None:
    assert school_entry_year(birth) == entry


def test_children_born_2_april_to_1_april_share_a_grade() -> None:
    on = date(2026, 9, 1)
    assert grade_on(date(2019, 4, 2), on) == grade_on(date(2020, 1, 1), on) == grade_on(date(2020, 4, 1), on) == 1
    assert grade_on(date(2019, 4, 1), on) == 2  # one day older, one grade above
    assert grade_on(date(2020, 4, 2), on) == 0  # one day younger, one grade below


@pytest.mark.parametrize(
    ("on", "grade", "stage"),
    [
        (date(2026, 3, 31), 0, "preschool"),
        (date(2026, 4, 1), 1, "elementary"),
        (date(2032, 3, 31), 6, "elementary"),
        (date(2032, 4, 1), 7, "junior_high"),
        (date(2035, 3, 31), 9, "junior_high"),
        (date(2035, 4, 1), 10, "high_school"),
        (date(2038, 3, 31), 12, "high_school"),
        (date(2038, 4, 1), 13, "adult"),
    ],
)
def test_grade_and_stage_change_on_1_april(on: date, grade: int, stage: str) -> None:
    birth = date(2019, 6, 1)  # enters 小学校 in April 2026
    assert grade_on(birth, on) == grade
    assert school_stage_on(birth, on) == stage


@pytest.mark.parametrize(
    ("birth", "stage"),
    [(date(2021, 1, 1), "preschool"), (date(2015, 6, 1), "elementary"), (date(2012, 6, 1), "junior_high"),
     (date(2009, 8, 20), "high_school"), (date(2007, 6, 1), "adult")],
)
def test_school_stage(birth: date, stage: str) -> None:
    assert school_stage_on(birth, date(2026, 6, 1)) == stage


@pytest.mark.parametrize(
    ("birth", "end"),
    [
        (date(2008, 4, 2), date(2027, 3, 31)),
        (date(2008, 4, 1), date(2026, 3, 31)),  # turns 18 on 31 March itself
        (date(2008, 1, 1), date(2026, 3, 31)),
        (date(2008, 12, 31), date(2027, 3, 31)),
        (date(2008, 2, 29), date(2026, 3, 31)),  # turns 18 on 28 February 2026
    ],
)
def test_child_allowance_runs_to_the_first_31_march_after_turning_18(birth: date, end: date) -> None:
    assert end_of_march_after_reaching(birth, 18) == end
    assert within_until_march_after(birth, 18, end)
    assert not within_until_march_after(birth, 18, end + timedelta(days=1))


births = st.dates(min_value=date(1920, 1, 1), max_value=date(2026, 1, 1))


@given(births, st.integers(0, 40000), st.integers(1, 400))
def test_age_never_decreases(birth: date, offset: int, step: int) -> None:
    on = birth + timedelta(days=offset)
    assert age_on(birth, on + timedelta(days=step)) >= age_on(birth, on)


@given(births, st.integers(0, 110))
def test_age_changes_exactly_on_the_reached_date(birth: date, n: int) -> None:
    reached = reached_age_date(birth, n)
    if reached >= birth:
        assert age_on(birth, reached) == n
    if n >= 1:
        assert age_on(birth, reached - timedelta(days=1)) == n - 1


@given(births, st.integers(0, 40000))
def test_within_the_18_limit_exactly_while_grade_is_at_most_12(birth: date, offset: int) -> None:
    on = birth + timedelta(days=offset)
    assert within_until_march_after(birth, 18, on) == (grade_on(birth, on) <= 12)


@given(births)
def test_every_new_first_grader_is_6_on_the_eve_of_the_school_year(birth: date) -> None:
    first_day = date(school_entry_year(birth), 4, 1)
    assert age_on(birth, first_day - timedelta(days=1)) == 6
    assert grade_on(birth, first_day) == 1
    assert grade_on(birth, first_day - timedelta(days=1)) == 0
