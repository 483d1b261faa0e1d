"""A visit's summary is worked out from its events: states, handling time, flags."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kakanai.domain.visits import JST, Kind, VisitEvent, summarise
from tests.visit_factory import visit_events


def test_handling_time_counts_serving_printing_signing_but_not_a_pause() -> None:
    events = visit_events("v1", start=datetime(2026, 4, 1, 9, 0), wait=300,
                          segments=(("serving", 400), ("suspended", 120), ("serving", 100), ("printing", 40),
                                    ("signing", 60)), procedures=("a", "b"), forms=3)
    s = summarise(events, JST)
    assert s.status == "finished" and s.handling_seconds == 600 and s.wait_seconds == 300
    assert s.seconds_by_state == {"waiting": 300, "serving": 500, "suspended": 120, "printing": 40, "signing": 60}
    assert (s.local_day, s.local_hour, s.forms, s.procedure_ids) == ("2026-04-01", 9, 3, ("a", "b"))
    assert s.inaccurate == ""


def test_events_in_any_order_give_the_same_summary() -> None:
    events = visit_events("v1", start=datetime(2026, 4, 1, 9, 0), segments=(("serving", 100), ("printing", 20)))
    assert summarise(list(reversed(events)), JST) == summarise(events, JST)


def test_a_visit_crossing_midnight_is_flagged() -> None:
    s = summarise(visit_events("v", start=datetime(2026, 4, 1, 23, 50), segments=(("serving", 1200),)), JST)
    assert s.inaccurate == "midnight"


def test_a_force_ended_visit_is_flagged_and_a_cancelled_one_is_not_finished() -> None:
    forced = summarise(visit_events("v", start=datetime(2026, 4, 1, 9), end=Kind.FORCE_ENDED), JST)
    cancelled = summarise(visit_events("w", start=datetime(2026, 4, 1, 9), end=Kind.CANCELLED), JST)
    assert (forced.status, forced.inaccurate) == ("force_ended", "force_ended")
    assert (cancelled.status, cancelled.inaccurate) == ("cancelled", "")


def test_a_correction_is_a_new_event_that_wins() -> None:
    events = visit_events("v", start=datetime(2026, 4, 1, 9), event="move_in", clerk="c1")
    events.append(VisitEvent("v", Kind.CORRECTION, events[-1].at, {"field": "event", "value": "move_within"}))
    assert summarise(events, JST).header.event == "move_within"


def test_an_open_visit_counts_up_to_now_and_events_after_the_end_are_ignored() -> None:
    events = visit_events("v", start=datetime(2026, 4, 1, 9), segments=(("serving", 60),))
    open_events = events[:-1]
    now = open_events[0].at + timedelta(seconds=90)
    assert summarise(open_events, JST, now).handling_seconds == 90
    late = VisitEvent("v", Kind.RESUMED, events[-1].at + timedelta(hours=1))
    assert summarise(events + [late], JST).handling_seconds == 60


def test_local_hour_uses_the_office_time_zone() -> None:
    s = summarise(visit_events("v", start=datetime(2026, 4, 1, 0, 30, tzinfo=UTC)), JST)
    assert (s.local_day, s.local_hour) == ("2026-04-01", 9)


def test_visit_ids_are_readable_and_unique() -> None:
    from kakanai.domain.visits import new_visit_id

    ids = {new_visit_id(datetime(2026, 4, 1, 9)) for _ in range(10_000)}
    assert len(ids) == 10_000
    assert all(i.startswith("V20260401-") and len(i) == 22 for i in ids)
