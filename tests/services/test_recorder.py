"""When the disk refuses to write, the counter keeps working, the clerk is told, the recorder
retries, and every visit reaches the visit log exactly once when there is room again. A damaged
outbox file at start is kept aside with a message, not a traceback."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select

from kakanai.bootstrap import Services, build_services
from kakanai.domain.visits import VisitEvent
from kakanai.services.recorder import DISK_FULL, dead_letter_message
from kakanai.services.visit_service import VisitService
from kakanai.settings import load_settings
from kakanai.store.outbox import Outbox
from kakanai.store.schema import visit_events, visits
from tests.clock import Clock
from tests.conftest import fill_disk


def _services(data: Path, clock: Clock) -> Services:
    return build_services(load_settings([], {"data_dir": str(data), "clerk_id": "c7", "counter": "2番"}), clock)


def _one_visit(service: VisitService, clock: Clock) -> str:
    session = service.start()
    clock.advance(60)
    service.identify(session, "move_in", 2)
    service.set_procedures(session, ["juminido_move_in"], forms=1)
    service.printing(session)
    clock.advance(10)
    service.printed(session)
    clock.advance(30)
    service.finish(session)
    return session.visit_id


def _assert_each_visit_once(services: Services, visit_ids: Sequence[str]) -> None:
    with services.visit_log.engine.connect() as c:
        rows = c.execute(select(visits.c.id, visits.c.status)).all()
        assert sorted(rows) == sorted((v, "finished") for v in visit_ids)
        ends = c.execute(select(visit_events.c.visit_id, func.count()).where(visit_events.c.kind == "finished")
                         .group_by(visit_events.c.visit_id)).all()
        assert sorted(ends) == sorted((v, 1) for v in visit_ids)


class FullDisk(Outbox):
    """An outbox whose disk is full while ``full`` is set (the error SQLite raises then)."""

    full = False

    def put(self, events: Sequence[VisitEvent]) -> None:
        if self.full:
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            raise error
        super().put(events)


def test_a_full_disk_loses_no_visit_and_tells_the_clerk(tmp_path: Path) -> None:
    # Given a counter whose outbox file refuses writes (the error injected at the SQLite boundary)
    clock = Clock()
    services = _services(tmp_path, clock)
    outbox = services.recorder.outbox
    outbox.__class__ = FullDisk
    outbox.full = True
    # When five visits are served
    ids = [_one_visit(services.visits, clock) for _ in range(5)]
    # Then the clerk is told, the visits wait in memory and stay on offer until saved
    assert services.recorder.status.startswith(DISK_FULL)
    assert services.recorder.unsaved > 0 and not services.recorder.retry()
    # And when there is room again, the recorder's retry saves and forwards each visit exactly once
    outbox.full = False
    services.recorder.flush()
    assert services.recorder.status == "" and services.recorder.unsaved == 0
    _assert_each_visit_once(services, ids)
    assert services.visits.unfinished() == []
    services.close()


def test_a_really_full_disk_loses_no_visit(small_disk: Path) -> None:
    # Given a counter whose data folder is on a small disk, which then fills up
    clock = Clock()
    services = _services(small_disk, clock)
    before = _one_visit(services.visits, clock)
    services.recorder.flush()
    filler = fill_disk(small_disk)
    # When five visits are served on the full disk, the screen never sees an error
    seen: set[str] = set()
    ids = []
    for _ in range(5):
        ids.append(_one_visit(services.visits, clock))
        seen.add(services.recorder.status)
    # Then the clerk was told
    assert any(s.startswith(DISK_FULL) for s in seen)
    # And once there is room again the background retry saves and forwards everything, exactly once
    filler.unlink()
    deadline = time.monotonic() + 20
    while (services.recorder.unsaved or services.recorder.outbox.backlog()) and time.monotonic() < deadline:
        time.sleep(0.1)
    services.recorder.flush()
    assert services.recorder.status == ""
    _assert_each_visit_once(services, [before, *ids])
    services.close()
    assert _services(small_disk, clock).visits.unfinished() == []


def test_dead_letters_show_in_the_header(tmp_path: Path) -> None:
    services = _services(tmp_path, Clock())
    services.recorder.forwarder.dead_visits.update({"V1", "V2"})
    assert services.recorder.status == dead_letter_message(2) == "送れない記録が2件あります（情報システム係へ）"
    services.close()


def test_a_damaged_outbox_at_start_is_a_message_not_a_stop(tmp_path: Path) -> None:
    # Given an outbox.db that is not a database any more
    (tmp_path / "outbox.db").write_bytes(b"garbage" * 1000)
    # When the counter starts, Then it starts, says so, and keeps the damaged file
    services = _services(tmp_path, Clock())
    assert "壊れていた" in services.database_warning
    assert [p.read_bytes() for p in tmp_path.glob("outbox.db.corrupt-*")] == [b"garbage" * 1000]
    ids = [_one_visit(services.visits, Clock())]
    services.recorder.flush()
    _assert_each_visit_once(services, ids)
    services.close()
