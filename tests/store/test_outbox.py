"""Two counters keep logging through a PostgreSQL outage; every visit arrives exactly once. A
visit the server refuses is set aside without blocking the others; a damaged outbox file is kept
aside, never deleted; sent events are pruned after 30 days."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from kakanai.domain.problems import InvalidInput
from kakanai.store.db import make_engine, upgrade
from kakanai.store.outbox import FORWARD_FAILED, SCHEMA_VERSION, Forwarder, Outbox, open_outbox
from kakanai.store.schema import visit_events, visits
from kakanai.store.visit_log import VisitLog
from tests.conftest import fill_disk
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
        assert all(f.last_error == FORWARD_FAILED for f in counters.values())
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


def test_a_visit_the_server_refuses_is_dead_lettered_and_blocks_no_other(pg_url: str, tmp_path: Path) -> None:
    # Given a counter whose office name is longer than the server's column (61 characters)
    upgrade(pg_url)
    forwarder = Forwarder(Outbox(tmp_path / "c.db"), VisitLog(make_engine(pg_url)))
    bad = make_events("BAD-0001", start=datetime(2026, 4, 1, 9), office="庁" * 61)
    forwarder.outbox.put(bad[:2])
    _log_visits(forwarder.outbox, "D", 0, 3)
    forwarder.outbox.put(bad[2:])
    # When it forwards (twice: the refused visit's later events follow it, not block the queue)
    forwarder.forward_once(batch=4)
    forwarder.forward_once(batch=4)
    # Then the good visits are on the server, the bad one is kept aside in full, nothing waits
    assert [forwarder.target.summary(f"D-{n:04d}").status for n in range(3)] == ["finished"] * 3
    assert forwarder.target.summary("BAD-0001") is None
    assert forwarder.outbox.backlog() == 0 and forwarder.last_error == ""
    assert sorted(e.id for e in forwarder.outbox.dead_letters()) == sorted(e.id for e in bad)
    assert forwarder.dead_visits == {"BAD-0001"}
    # And a restarted counter still knows about it
    assert Forwarder(Outbox(tmp_path / "c.db"), forwarder.target).dead_visits == {"BAD-0001"}


def test_a_connection_error_is_not_mistaken_for_bad_data(pg_server: PgServer, pg_url: str, tmp_path: Path) -> None:
    upgrade(pg_url)
    forwarder = Forwarder(Outbox(tmp_path / "c.db"), VisitLog(make_engine(pg_url)))
    _log_visits(forwarder.outbox, "E", 0, 2)
    pg_server.stop()
    try:
        assert forwarder.forward_once() == 0
    finally:
        pg_server.start()
    assert forwarder.outbox.dead_letters() == [] and forwarder.outbox.backlog() > 0


@pytest.mark.parametrize("trouble", ["read-only", "locked"])
def test_a_sqlite_visit_log_that_refuses_writes_keeps_every_event_and_says_so(tmp_path: Path, trouble: str) -> None:
    # Given one counter's SQLite visit log that is read-only (a wrong mount) or locked by another program
    url = f"sqlite:///{tmp_path / 'visits.db'}"
    upgrade(url)
    engine = make_engine(f"sqlite:///file:{tmp_path / 'visits.db'}?mode=ro&uri=true") if trouble == "read-only" \
        else create_engine(url, connect_args={"timeout": 0.2})  # the counter waits 30 s for a lock; the test less
    locker = sqlite3.connect(tmp_path / "visits.db")
    if trouble == "locked":
        locker.execute("BEGIN EXCLUSIVE")
    forwarder = Forwarder(Outbox(tmp_path / "outbox.db"), VisitLog(engine))
    sent = _log_visits(forwarder.outbox, "R", 0, 2)
    # When the forwarder tries to send the visits
    assert forwarder.forward_once() == 0
    # Then every event stays in the outbox, none is dead-lettered, and the clerk's line is Japanese only
    assert forwarder.outbox.backlog() == sent and forwarder.outbox.dead_letters() == []
    assert forwarder.last_error == FORWARD_FAILED and "Error" not in forwarder.last_error
    # And once the file can be written again, each event arrives once
    locker.rollback()
    locker.close()
    forwarder.target = VisitLog(make_engine(url))
    assert forwarder.forward_once() == sent and forwarder.last_error == ""


def test_sent_events_older_than_thirty_days_are_pruned(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "c.db")
    old = make_events("OLD", start=datetime(2026, 3, 1, 9))
    recent = make_events("NEW", start=datetime(2026, 3, 25, 9))
    unsent = make_events("UNSENT", start=datetime(2026, 2, 1, 9))
    outbox.put(old + recent + unsent)
    outbox.mark_sent([e.id for e in old + recent])
    gone = outbox.prune(datetime(2026, 4, 10, tzinfo=UTC))
    assert gone == len(old)
    assert {e.visit_id for e in outbox.pending()} == {"UNSENT"}  # never sent: kept however old
    assert outbox.ended() == {"NEW", "UNSENT"}


def test_an_outbox_of_the_first_release_opens_with_its_pending_events(tmp_path: Path) -> None:
    # Given an outbox.db written by version 0 (one table, no schema version)
    path = tmp_path / "outbox.db"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE outbox (id TEXT PRIMARY KEY, visit_id TEXT NOT NULL, kind TEXT NOT NULL, "
                   "at TEXT NOT NULL, payload TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0)")
        db.execute("INSERT INTO outbox VALUES ('e1', 'V1', 'opened', '2026-04-01T09:00:00+09:00', '{}', 0)")
    # When this version opens it, Then the event is still pending and the new table exists
    outbox, warning = open_outbox(path)
    assert warning == "" and [e.id for e in outbox.pending()] == ["e1"]
    assert outbox.dead_letters() == []
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


@pytest.mark.parametrize("damage", ["not_a_database", "damaged_pages"])
def test_a_damaged_outbox_is_kept_aside_and_a_new_one_started(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "outbox.db"
    if damage == "not_a_database":
        path.write_bytes(b"this is not sqlite" * 100)
    else:
        outbox = Outbox(path)
        _log_visits(outbox, "F", 0, 200)
        outbox.close()
        raw = bytearray(path.read_bytes())
        raw[8192:len(raw) - 8192] = b"\xff" * (len(raw) - 16384)  # keep the header, wreck the pages
        path.write_bytes(bytes(raw))
    damaged = path.read_bytes()
    outbox, warning = open_outbox(path, now=datetime(2026, 4, 1, 9, 30, tzinfo=UTC))
    kept = tmp_path / "outbox.db.corrupt-20260401-093000"
    assert "壊れていた" in warning and kept.name in warning and "情報システム係" in warning
    assert kept.read_bytes() == damaged  # never deleted, never changed
    assert outbox.backlog() == 0
    outbox.put(make_events("G", start=datetime(2026, 4, 1, 9)))
    assert outbox.backlog() > 0


def test_a_counter_restarting_on_a_full_disk_opens_its_outbox_and_loses_nothing(small_disk: Path) -> None:
    # Given a counter that went down (a power cut) with an event not yet forwarded, and a disk now full
    crashed = Outbox(small_disk / "outbox.db")  # never closed: its WAL and index files stay, as after a crash
    sent = _log_visits(crashed, "H", 0, 1)
    fill_disk(small_disk)
    # When the counter starts, Then its outbox opens (nothing is written to open it) with the event pending
    outbox, warning = open_outbox(small_disk / "outbox.db")
    assert warning == "" and outbox.backlog() == sent
    # And a new event is refused as a full disk, which the recorder keeps in memory and tells the clerk
    with pytest.raises(sqlite3.OperationalError) as caught:
        outbox.put(make_events("H-0001", start=datetime(2026, 4, 2, 9)))
    assert caught.value.sqlite_errorcode & 0xFF == sqlite3.SQLITE_FULL
    assert outbox.backlog() == sent


@pytest.mark.parametrize("before", ["first release", "closed"])
def test_an_outbox_that_cannot_open_on_a_full_disk_says_so_in_japanese(small_disk: Path, before: str) -> None:
    # Given the first release's outbox (upgraded when opened), or one closed cleanly (its WAL index
    # file is made anew when opened), on a disk that is now full
    if before == "closed":
        Outbox(small_disk / "outbox.db").close()
    else:
        with closing(sqlite3.connect(small_disk / "outbox.db")) as db, db:
            db.execute("CREATE TABLE outbox (id TEXT PRIMARY KEY, visit_id TEXT NOT NULL, kind TEXT NOT NULL, "
                       "at TEXT NOT NULL, payload TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0)")
    fill_disk(small_disk)
    # Then the start says what is wrong and what to do (the window shows it), and keeps the file as it was
    with pytest.raises(InvalidInput) as caught:
        open_outbox(small_disk / "outbox.db")
    assert caught.value.clerk_message() == ("データフォルダを使えません\n"
                                            "・outbox.db: 記録用ファイル: ディスクがいっぱいです。空きを作ってから、もう一度起動してください")
    assert not list(small_disk.glob("outbox.db.corrupt-*"))
