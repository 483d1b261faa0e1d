"""The visit-log repository: append events idempotently, rebuild each visit's projection.

It owns its transactions and returns plain dataclasses from `kakanai.domain.visits`; no ORM row
leaves this module. Every write marks the days it changed stale for the KPI cache, in the same
transaction (`kpi_cache.mark_dirty`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, tzinfo

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from kakanai.domain.visits import JST, Kind, VisitEvent, VisitSummary, summarise
from kakanai.store.schema import visit_events, visit_procedures, visits


def _utc(value: datetime) -> datetime:
    """Every time is stored in UTC; SQLite gives it back naive, so naive means UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class VisitLog:
    """Append-only visit events on one database, with the projection the KPIs read."""

    def __init__(self, engine: Engine, office_tz: tzinfo = JST) -> None:
        self.engine = engine
        self.office_tz = office_tz

    def append(self, events: Sequence[VisitEvent]) -> int:
        """Store events not stored yet (by id) and rebuild their visits; returns how many were new.

        Two writers racing on the same events (a retried batch) end with each stored once: the
        loser's transaction fails on the primary key and is retried against what is now stored.
        """
        if not events:
            return 0
        for attempt in range(3):
            try:
                return self._append_once(events)
            except IntegrityError:
                if attempt == 2:
                    raise
        return 0

    def _append_once(self, events: Sequence[VisitEvent]) -> int:
        with self.engine.begin() as connection:
            known = _known_ids(connection, [e.id for e in events])
            fresh = [e for e in events if e.id not in known]
            if fresh:
                now = datetime.now(UTC)
                connection.execute(insert(visit_events), [_event_row(e, now) for e in fresh])
                days: set[str] = set()
                for visit_id in dict.fromkeys(e.visit_id for e in fresh):
                    days |= self._project(connection, visit_id)
                from kakanai.store.kpi_cache import mark_dirty  # numpy only once a visit is stored

                mark_dirty(connection, days)
        return len(fresh)

    def events(self, visit_id: str) -> list[VisitEvent]:
        """Every event of a visit, in time order."""
        with self.engine.connect() as connection:
            return _load_events(connection, visit_id)

    def summary(self, visit_id: str, now: datetime | None = None) -> VisitSummary | None:
        """The summary of one visit (open visits count up to ``now``)."""
        found = self.events(visit_id)
        return summarise(found, self.office_tz, now) if found else None

    def open_visits(self, now: datetime) -> list[VisitSummary]:
        """Visits being served right now (for the live board), oldest first."""
        with self.engine.connect() as connection:
            ids = connection.execute(select(visits.c.id).where(visits.c.status == "open")
                                     .order_by(visits.c.started_at)).scalars().all()
            return [summarise(_load_events(connection, i), self.office_tz, now) for i in ids]

    def _project(self, connection: Connection, visit_id: str) -> set[str]:
        """Rebuild a visit's projection rows; returns the local days whose KPI figures that changes
        (none while the visit stays open: open visits count in no figure)."""
        summary = summarise(_load_events(connection, visit_id), self.office_tz)
        before = connection.execute(select(visits.c.local_day, visits.c.status)
                                    .where(visits.c.id == visit_id)).one_or_none()
        connection.execute(delete(visit_procedures).where(visit_procedures.c.visit_id == visit_id))
        connection.execute(delete(visits).where(visits.c.id == visit_id))
        connection.execute(insert(visits), [_visit_row(summary)])
        if summary.procedure_ids:
            share = summary.handling_seconds / len(summary.procedure_ids)
            connection.execute(insert(visit_procedures), [
                {"visit_id": visit_id, "procedure_id": p, "share_seconds": share, "added_by_clerk": p in summary.added}
                for p in dict.fromkeys(summary.procedure_ids)
            ])
        days = {before.local_day} if before is not None and before.status != "open" else set()
        return days | ({summary.local_day} if summary.status != "open" else set())


def _known_ids(connection: Connection, ids: Iterable[str]) -> set[str]:
    ids = list(ids)
    known: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        known |= set(connection.execute(select(visit_events.c.id).where(visit_events.c.id.in_(chunk))).scalars())
    return known


def _event_row(event: VisitEvent, received: datetime) -> dict[str, object]:
    return {"id": event.id, "visit_id": event.visit_id, "kind": event.kind.value, "at": _utc(event.at),
            "payload": event.payload, "received_at": received}


def _load_events(connection: Connection, visit_id: str) -> list[VisitEvent]:
    rows = connection.execute(select(visit_events).where(visit_events.c.visit_id == visit_id)
                              .order_by(visit_events.c.at, visit_events.c.received_at)).mappings()
    return [VisitEvent(visit_id=r["visit_id"], kind=Kind(r["kind"]), at=_utc(r["at"]), payload=r["payload"] or {},
                       id=r["id"]) for r in rows]


def _visit_row(s: VisitSummary) -> dict[str, object]:
    h, sec = s.header, s.seconds_by_state
    return {
        "id": h.visit_id, "office": h.office, "counter": h.counter, "clerk_id": h.clerk_id, "event": h.event,
        "household_size": h.household_size, "ticket": h.ticket, "status": s.status,
        "started_at": s.started_at and _utc(s.started_at), "ended_at": s.ended_at and _utc(s.ended_at), "wait_seconds": s.wait_seconds, "handling_seconds": s.handling_seconds,
        "serving_seconds": sec.get("serving", 0.0), "suspended_seconds": sec.get("suspended", 0.0),
        "printing_seconds": sec.get("printing", 0.0), "signing_seconds": sec.get("signing", 0.0),
        "forms": s.forms, "procedure_count": len(s.procedure_ids), "inaccurate": s.inaccurate,
        "local_day": s.local_day, "local_hour": s.local_hour,
    }
