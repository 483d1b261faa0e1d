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
