"""Two counters keep logging through a PostgreSQL outage; every visit arrives exactly once."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from kakanai.store.db import make_engine, upgrade
from kakanai.store.outbox import Forwarder, Outbox
from kakanai.store.schema import visit_events, visits
from kakanai.store.visit_log import VisitLog
from tests.pg_server import PgServer
from tests.visit_factory import visit_events as make_events


def _log_visits(outbox: Outbox, counter: str, first: int, count: int) -> int:
    total = 0
    for n in range(first, first + count):
        events = make_events(f"{counter}-{n:04d}", start=datetime(2026, 4, 1, 9) + timedelta(minutes=n), counter=counter)
        outbox.put(events)
        total += len(events)
    return total


def test_two_counters_survive_a_server_restart(pg_server: PgServer, pg_url: str, tmp_path: Path) -> None:
    upgrade(pg_url)
    server_log = VisitLog(make_engine(pg_url))
    counters = {name: Forwarder(Outbox(tmp_path / f"{name}.db"), server_log) for name in ("A", "B")}
    # Given two counters logging and forwarding normally
    expected_events = sum(_log_visits(f.outbox, name, 0, 5) for name, f in counters.items())
    assert all(f.forward_once() > 0 for f in counters.values())
    # When the server stops, the counters keep logging and nothing is lost
    pg_server.stop()
    try:
        expected_events += sum(_log_visits(f.outbox, name, 5, 5) for name, f in counters.items())
        assert [f.forward_once() for f in counters.values()] == [0, 0]
        assert all("サーバーに接続できません" in f.last_error for f in counters.values())
        assert all(f.outbox.backlog() > 0 for f in counters.values())
    finally:
        pg_server.start()
    # And a batch the server already stored (acknowledgement lost) is not stored twice
    server_log.append(counters["A"].outbox.pending(3))
    # Then after the restart every visit is on the server exactly once
    for forwarder in counters.values():
        forwarder.forward_once()
        assert forwarder.outbox.backlog() == 0 and forwarder.last_error == ""
    with server_log.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(visits)).scalar() == 20
        assert c.execute(select(func.count()).select_from(visit_events)).scalar() == expected_events
        assert c.execute(select(func.count(visits.c.id.distinct())).where(visits.c.status == "finished")).scalar() == 20


def test_the_background_forwarder_delivers_and_stops(pg_url: str, tmp_path: Path) -> None:
    upgrade(pg_url)
    server_log = VisitLog(make_engine(pg_url))
    forwarder = Forwarder(Outbox(tmp_path / "c.db"), server_log, interval=0.05)
    forwarder.start()
    try:
        _log_visits(forwarder.outbox, "C", 0, 3)
        deadline = datetime.now() + timedelta(seconds=20)
        while forwarder.outbox.backlog() and datetime.now() < deadline:
            forwarder._stop.wait(0.05)
    finally:
        forwarder.stop()
    assert forwarder.outbox.backlog() == 0
    assert server_log.summary("C-0002").status == "finished"
