"""The visit log stores events once, never deletes them, and keeps each visit's projection."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from kakanai.domain.visits import Kind, VisitEvent
from kakanai.store.db import make_engine, upgrade
from kakanai.store.schema import visit_events, visits
from kakanai.store.visit_log import VisitLog
from tests.visit_factory import visit_events as make_events


@pytest.fixture
def log(db_url: str) -> VisitLog:
    upgrade(db_url)
    return VisitLog(make_engine(db_url))


def test_appending_the_same_events_twice_stores_them_once(log: VisitLog) -> None:
    events = make_events("v1", start=datetime(2026, 4, 1, 9), procedures=("a", "b"), forms=2)
    assert log.append(events) == len(events)
    assert log.append(events) == 0
    with log.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(visit_events)).scalar() == len(events)
        assert c.execute(select(visits.c.handling_seconds, visits.c.forms)).one() == (600.0, 2)


def test_a_late_event_rebuilds_the_visit(log: VisitLog) -> None:
    events = make_events("v1", start=datetime(2026, 4, 1, 9))
    log.append(events[:-1])
    assert log.summary("v1").status == "open"
    log.append(events[-1:])
    summary = log.summary("v1")
    assert summary.status == "finished" and summary.handling_seconds == 600
    assert [e.kind for e in log.events("v1")] == [e.kind for e in events]


def test_a_correction_changes_the_projection_and_keeps_the_original_event(log: VisitLog) -> None:
    events = make_events("v1", start=datetime(2026, 4, 1, 9), clerk="c1")
    log.append(events)
    log.append([VisitEvent("v1", Kind.CORRECTION, events[-1].at + timedelta(seconds=1),
                           {"field": "clerk_id", "value": "c2"})])
    with log.engine.connect() as c:
        assert c.execute(select(visits.c.clerk_id)).scalar() == "c2"
    assert log.events("v1")[0].payload["clerk_id"] == "c1"


def test_the_live_board_lists_open_visits_with_elapsed_time(log: VisitLog) -> None:
    open_events = make_events("v1", start=datetime(2026, 4, 1, 9), counter="3")[:-1]
    log.append(open_events)
    log.append(make_events("v2", start=datetime(2026, 4, 1, 9)))
    board = log.open_visits(now=open_events[0].at + timedelta(minutes=7))
    assert [(s.header.counter, s.handling_seconds) for s in board] == [("3", 420.0)]


def test_no_personal_data_column_exists() -> None:
    from kakanai.store.schema import metadata

    columns = {c.name for t in metadata.tables.values() for c in t.columns}
    for personal in ("name", "family", "given", "kana", "birth", "address", "phone", "postal"):
        assert not any(personal in c for c in columns), personal


def test_two_writers_racing_on_the_same_events_store_them_once(log: VisitLog) -> None:
    import threading

    batches = [make_events(f"v{n}", start=datetime(2026, 4, 1, 9) + timedelta(minutes=n)) for n in range(30)]
    errors: list[Exception] = []

    def writer() -> None:
        for batch in batches:
            try:
                log.append(batch)
            except Exception as exc:  # noqa: BLE001 (the test reports any failure)
                errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with log.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(visits)).scalar() == 30
        assert c.execute(select(func.count()).select_from(visit_events)).scalar() == sum(map(len, batches))
