"""The demo residents are dated for the day of the demonstration: each event a few days before it,
every age on the event's day as the household was written."""

from __future__ import annotations

from datetime import date

import pytest

from kakanai.demo import demo_document, demo_residents
from kakanai.domain.ages import age_on
from kakanai.domain.household_doc import parse_household
from kakanai.qr.payload import decode

NAMES = ("family_move_in", "single_move_within", "birth", "death_of_head", "marriage")


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2027, 4, 1), date(2031, 2, 28)])
@pytest.mark.parametrize("name", NAMES)
def test_a_demo_household_happened_days_before_the_demonstration(name: str, today: date) -> None:
    written = parse_household(demo_document(name)).household
    shown = parse_household(demo_document(name, today)).household
    assert 0 <= (today - shown.date).days <= 7
    # every member is exactly as old on the event's day as written (75th birthdays, 20–59, grades hold)
    assert [age_on(m.birth, shown.date) for m in shown.members] == [age_on(m.birth, written.date) for m in written.members]
    assert [m.full_name for m in shown.members] == [m.full_name for m in written.members]


def test_the_queue_codes_carry_the_shifted_household() -> None:
    today = date(2027, 1, 15)
    dates = [decode(code).household.date for _, code in demo_residents(today)]  # type: ignore[union-attr]
    assert dates == [date(2027, 1, 12), date(2027, 1, 10), date(2027, 1, 8), date(2027, 1, 13), date(2027, 1, 15)]
    # without a day, the households are as written (the self-test and the warm-up use them so)
    assert [decode(code).household.date for _, code in demo_residents()] == [  # type: ignore[union-attr]
        date(2026, 4, 1), date(2026, 6, 15), date(2026, 5, 20), date(2026, 9, 10), date(2026, 11, 22)]
