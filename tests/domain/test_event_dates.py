"""An event date after the visit day is a question for the clerk (a 転出 only when far ahead)."""

from __future__ import annotations

from datetime import date

import pytest

from kakanai.domain.event_dates import MOVE_OUT_AHEAD_DAYS, DateQuestion, event_date_question

VISIT = date(2026, 6, 15)


@pytest.mark.parametrize("event", ["move_in", "move_within", "birth", "death", "marriage"])
def test_an_event_after_the_visit_day_is_asked(event: str) -> None:
    assert event_date_question(event, date(2026, 6, 16), VISIT) == DateQuestion(1)
    assert event_date_question(event, date(2117, 6, 15), VISIT) == DateQuestion((date(2117, 6, 15) - VISIT).days)  # 令和99年
    assert event_date_question(event, VISIT, VISIT) is None
    assert event_date_question(event, date(2026, 6, 1), VISIT) is None  # before: the planner words a late one


def test_a_move_out_is_planned_ahead_and_asked_only_far_ahead() -> None:
    assert event_date_question("move_out", date(2026, 6, 29), VISIT) is None  # 14 days ahead: usual
    assert event_date_question("move_out", date(2026, 6, 30), VISIT) == DateQuestion(MOVE_OUT_AHEAD_DAYS + 1, ahead=True)


def test_nothing_is_asked_while_the_event_or_its_date_is_unknown() -> None:
    assert event_date_question(None, date(2026, 7, 1), VISIT) is None
    assert event_date_question("move_in", None, VISIT) is None
