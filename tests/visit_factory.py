"""Build a visit's events from a compact description (for store tests and benchmarks)."""

from __future__ import annotations

from datetime import datetime, timedelta

from kakanai.domain.visits import JST, Kind, VisitEvent, VisitHeader, header_payload

_KIND_FOR = {"serving": Kind.RESUMED, "printing": Kind.PRINTING, "signing": Kind.PRINTED, "suspended": Kind.SUSPENDED}


def visit_events(visit_id: str, *, start: datetime, clerk: str = "c1", counter: str = "1", office: str = "本庁",
                 event: str = "move_in", size: int = 1, segments: tuple[tuple[str, float], ...] = (("serving", 600),),
                 wait: float | None = None, procedures: tuple[str, ...] = ("a",), forms: int = 1,
                 end: Kind = Kind.FINISHED) -> list[VisitEvent]:
    """Events of one visit starting at ``start`` (office-local if naive), spending each segment in turn."""
    at = start if start.tzinfo else start.replace(tzinfo=JST)
    header = VisitHeader(visit_id, office, counter, clerk, event, size)
    events = [VisitEvent(visit_id, Kind.OPENED, at, header_payload(header))]
    if wait is not None:
        events.append(VisitEvent(visit_id, Kind.CHECKED_IN, at - timedelta(seconds=wait)))
    events.append(VisitEvent(visit_id, Kind.STARTED, at))
    events.append(VisitEvent(visit_id, Kind.PROCEDURES, at, {"ids": list(procedures), "forms": forms}))
    for n, (state, seconds) in enumerate(segments):
        if n:
            events.append(VisitEvent(visit_id, _KIND_FOR[state], at))
        at += timedelta(seconds=seconds)
    events.append(VisitEvent(visit_id, end, at))
    return events


def kpi_fixture_visits() -> list[list[VisitEvent]]:
    """The eight visits whose KPIs tests/store/test_kpi.py works out by hand: four finished on
    2026-04-01 (600, 1200, 300 and 1500 s handled), one cancelled, one crossing midnight, one
    force-ended, and one finished the next day."""
    d = datetime
    return [
        visit_events("v1", start=d(2026, 4, 1, 9, 0), clerk="c1", counter="1", wait=600,
                     segments=(("serving", 500), ("printing", 40), ("signing", 60)), procedures=("a", "b"), forms=5),
        visit_events("v2", start=d(2026, 4, 1, 9, 30), clerk="c2", counter="2", segments=(("serving", 1200),),
                     procedures=("a",), forms=3),
        visit_events("v3", start=d(2026, 4, 1, 10, 10), clerk="c1", counter="1", event="move_within", wait=300,
                     segments=(("serving", 200), ("suspended", 120), ("serving", 100)), procedures=("c",), forms=1),
        visit_events("v4", start=d(2026, 4, 1, 10, 40), clerk="c2", counter="2", event="birth",
                     segments=(("serving", 1500),), procedures=("a", "d"), forms=4),
        visit_events("v5", start=d(2026, 4, 1, 11, 0), clerk="c1", end=Kind.CANCELLED),
        visit_events("v6", start=d(2026, 4, 1, 23, 50), clerk="c1", segments=(("serving", 1200),)),
        visit_events("v7", start=d(2026, 4, 1, 14, 0), clerk="c2", end=Kind.FORCE_ENDED),
        visit_events("v8", start=d(2026, 4, 2, 9, 0), clerk="c1", segments=(("serving", 900),)),
    ]
