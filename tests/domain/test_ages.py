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
        (date(2000, 4, 2), date(2020, 4, 1), 20),  # the day before the birthday
        (date(2000, 4, 2), date(2020, 3, 31), 19),
        (date(2004, 2, 29), date(2025, 2, 28), 21),  # 29 Feb birthday, common year
        (date(2004, 2, 29), date(2025, 2, 27), 20),
        (date(2004, 2, 29), date(2028, 2, 28), 24),  # leap year: the day before 29 Feb
        (date(2004, 2, 29), date(2028, 2, 27), 23),
        (date(2026, 5, 20), date(2026, 5, 20), 0),
    ],
)
def test_legal_age_turns_at_the_end_of_the_day_before_the_birthday(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_age_before_birth_is_refused() -> None:
    with pytest.raises(ValueError):
        age_on(date(2026, 5, 20), date(2026, 5, 19))


def test_reached_age_date() -> None:
    assert reached_age_date(date(2008, 4, 2), 18) == date(2026, 4, 1)
    assert reached_age_date(date(2004, 2, 29), 21) == date(2025, 2, 28)


def test_school_year_starts_on_1_april() -> None:
    assert school_year_of(date(2027, 3, 31)) == 2026
    assert school_year_of(date(2026, 4, 1)) == 2026


def test_children_born_2_april_to_1_april_share_a_grade() -> None:
    assert school_entry_year(date(2019, 4, 1)) == 2025
    assert school_entry_year(date(2019, 4, 2)) == 2026
    assert school_entry_year(date(2020, 4, 1)) == 2026
    on = date(2026, 9, 1)
    assert grade_on(date(2019, 4, 2), on) == grade_on(date(2020, 4, 1), on) == 1
    assert grade_on(date(2019, 4, 1), on) == 2


@pytest.mark.parametrize(
    ("birth", "stage"),
    [(date(2021, 1, 1), "preschool"), (date(2015, 6, 1), "elementary"), (date(2012, 6, 1), "junior_high"),
     (date(2009, 8, 20), "high_school"), (date(2007, 6, 1), "adult")],
)
def test_school_stage(birth: date, stage: str) -> None:
    assert school_stage_on(birth, date(2026, 6, 1)) == stage


def test_child_allowance_runs_to_the_first_31_march_after_turning_18() -> None:
    assert end_of_march_after_reaching(date(2008, 4, 2), 18) == date(2027, 3, 31)
    assert end_of_march_after_reaching(date(2008, 4, 1), 18) == date(2026, 3, 31)
    assert within_until_march_after(date(2008, 4, 2), 18, date(2027, 3, 31))
    assert not within_until_march_after(date(2008, 4, 2), 18, date(2027, 4, 1))


births = st.dates(min_value=date(1920, 1, 1), max_value=date(2026, 1, 1))


@given(births, st.integers(0, 40000), st.integers(1, 400))
def test_age_never_decreases(birth: date, offset: int, step: int) -> None:
    on = birth + timedelta(days=offset)
    assert age_on(birth, on + timedelta(days=step)) >= age_on(birth, on)


@given(births, st.integers(0, 40000))
def test_within_the_18_limit_exactly_while_grade_is_at_most_12(birth: date, offset: int) -> None:
    on = birth + timedelta(days=offset)
    assert within_until_march_after(birth, 18, on) == (grade_on(birth, on) <= 12)
