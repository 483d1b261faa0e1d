"""An event date a clerk must ask about before printing: one after the day the resident comes.

A 転入 or 転居 is notified after the move (住民基本台帳法22条・23条: within 14 days of it), a birth or a
death after it happened, and a marriage takes effect on the day it is filed (民法739条): none of these
can be dated after the visit. A 転出届 is made before the move (同法24条) with the date planned, and
cities take it from about 14 days ahead; further ahead is asked, not refused (a resident may know the
date early, a mistyped year is likelier). Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MOVE_OUT_AHEAD_DAYS = 14  # 転出予定日: taken up to this many days after the visit without a question


@dataclass(frozen=True)
class DateQuestion:
    """The event date is ``days`` after the visit; ``ahead`` for a 転出 planned further than usual."""

    days: int
    ahead: bool = False


def event_date_question(event: str | None, event_date: date | None, visit_date: date) -> DateQuestion | None:
    """What to ask about the event date on the visit day (None when nothing)."""
    if event is None or event_date is None or event_date <= visit_date:
        return None
    days = (event_date - visit_date).days
    if event == "move_out":
        return DateQuestion(days, ahead=True) if days > MOVE_OUT_AHEAD_DAYS else None
    return DateQuestion(days)
