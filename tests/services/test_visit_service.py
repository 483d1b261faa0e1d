"""Visits driven through the service end up in the visit log with the right times, and a crash
loses nothing: the open visit comes back, decrypted, with its data and its timing."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from kakanai.bootstrap import Services, build_services
from kakanai.domain.visit_session import VisitSession
from kakanai.services.open_visits import OpenVisitStore
from kakanai.services.recorder import OPEN_VISIT_DISK_FULL
from kakanai.settings import load_settings
from tests.clock import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _services(tmp_path: Path, clock: Clock) -> Services:
    settings = load_settings([], {"data_dir": str(tmp_path), "clerk_id": "c7", "counter": "2番"})
    return build_services(settings, clock)


def test_a_visit_with_a_pause_records_handling_time_without_the_pause(tmp_path: Path, clock: Clock) -> None:
    services = _services(tmp_path, clock)
    visits = services.visits
    session = visits.start(ticket="A-12")
    clock.advance(120)
    visits.identify(session, "move_in", 4)
    visits.reach(session, "household")
    visits.suspend(session)
    clock.advance(600)  # the resident fetches a document
    visits.resume(session)
    clock.advance(180)
    visits.set_procedures(session, ["juminido_move_in", "nhi_join"], forms=2)
    visits.printing(session)
    clock.advance(20)
    visits.printed(session)
    clock.advance(100)
    visits.finish(session)
    services.recorder.flush()
    summary = services.visit_log.summary(session.visit_id)
    assert summary is not None
    assert (summary.status, summary.handling_seconds) == ("finished", 420)
    assert summary.seconds_by_state == {"serving": 300, "suspended": 600, "printing": 20, "signing": 100}
    assert (summary.header.event, summary.header.household_size, summary.header.clerk_id) == ("move_in", 4, "c7")
    assert summary.procedure_ids == ("juminido_move_in", "nhi_join") and summary.local_hour == 9
    assert visits.unfinished() == []
    services.close()


def test_a_crash_mid_visit_loses_nothing(tmp_path: Path, clock: Clock) -> None:
    # Given a visit in progress with answers entered
    services = _services(tmp_path, clock)
    session = services.visits.start()
    session.answers["members[0].given"] = "太郎"
    clock.advance(300)
    services.visits.reach(session, "household")
    services.recorder.writer.flush()  # what is on disk at the moment of the crash
    # When the app dies without closing and starts again
    clock.advance(900)
    restarted = _services(tmp_path, clock)
    # Then the open visit is offered with its data, and the downtime counts as a pause
    [offered] = restarted.visits.unfinished()
    assert offered.visit_id == session.visit_id and offered.answers["members[0].given"] == "太郎"
    assert offered.step == "household"
    restarted.visits.recover(offered)
    clock.advance(60)
    restarted.visits.finish(offered)
    restarted.recorder.flush()
    summary = restarted.visit_log.summary(session.visit_id)
    assert summary.handling_seconds == 360 and summary.seconds_by_state["suspended"] == 900
    restarted.close()


def test_the_open_visit_file_is_encrypted(tmp_path: Path, clock: Clock) -> None:
    services = _services(tmp_path, clock)
    session = services.visits.start()
    session.answers["members[0].family"] = "山田"
    services.visits.save(session)
    services.recorder.writer.flush()
    raw = b"".join(p.read_bytes() for p in (tmp_path / "open").glob("*.visit"))
    assert raw and "山田".encode() not in raw and b"members" not in raw
    services.close()


def test_a_damaged_open_visit_is_set_aside_not_lost(tmp_path: Path, clock: Clock) -> None:
    services = _services(tmp_path, clock)
    services.visits.save(services.visits.start())
    services.recorder.writer.flush()
    [path] = (tmp_path / "open").glob("*.visit")
    path.write_bytes(path.read_bytes()[:-3] + b"xyz")
    assert services.visits.unfinished() == []
    assert path.with_suffix(".bad").exists()
    services.close()


def test_an_abandoned_visit_is_force_ended_and_flagged(tmp_path: Path, clock: Clock) -> None:
    services = _services(tmp_path, clock)
    session = services.visits.start()
    clock.advance(60)
    services.visits.abandon(session)
    services.recorder.flush()
    summary = services.visit_log.summary(session.visit_id)
    assert (summary.status, summary.inaccurate) == ("force_ended", "force_ended")
    services.close()


def test_a_crash_after_printing_does_not_count_the_downtime(tmp_path: Path, clock: Clock) -> None:
    services = _services(tmp_path, clock)
    session = services.visits.start()
    clock.advance(100)
    services.visits.printing(session)
    clock.advance(10)
    services.visits.printed(session)
    services.recorder.writer.flush()
    clock.advance(7200)  # the PC was off for two hours
    restarted = _services(tmp_path, clock)
    [offered] = restarted.visits.unfinished()
    restarted.visits.recover(offered)
    clock.advance(30)
    restarted.visits.finish(offered)
    restarted.recorder.flush()
    assert restarted.visit_log.summary(session.visit_id).handling_seconds == 140
    restarted.close()
    services.close()


def test_a_visit_finished_right_before_a_crash_is_not_offered_again(tmp_path: Path, clock: Clock,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a visit finished (完了 returned) by an app that died before forgetting its open file
    services = _services(tmp_path, clock)
    session = services.visits.start()
    clock.advance(60)
    monkeypatch.setattr(services.visits.store, "remove", lambda visit_id: None)  # the kill comes here
    services.visits.finish(session)
    assert list((tmp_path / "open").glob("*.visit"))
    # When the app starts again
    restarted = _services(tmp_path, clock)
    # Then the visit is not offered (the resident has left), its file is gone, it is logged once
    assert restarted.visits.unfinished() == []
    assert not list((tmp_path / "open").glob("*.visit"))
    restarted.recorder.flush()
    events = restarted.visit_log.events(session.visit_id)
    assert [e.kind.value for e in events].count("finished") == 1
    assert restarted.visit_log.summary(session.visit_id).status == "finished"
    restarted.close()


def test_a_visit_killed_before_its_first_save_is_force_ended_not_left_open(tmp_path: Path, clock: Clock) -> None:
    # Given a visit whose events are in the outbox but whose session never reached the disk
    services = _services(tmp_path, clock)
    session = services.visits.start()
    clock.advance(45)
    services.visits.reach(session, "household")
    for path in (tmp_path / "open").glob("*.visit"):
        path.unlink()
    # When the app starts again
    clock.advance(600)
    restarted = _services(tmp_path, clock)
    # Then nothing can be offered, and the visit is closed at its last event, flagged
    assert restarted.visits.unfinished() == []
    restarted.recorder.flush()
    summary = restarted.visit_log.summary(session.visit_id)
    assert (summary.status, summary.inaccurate, summary.handling_seconds) == ("force_ended", "force_ended", 45)
    restarted.close()


class _FullFolder(OpenVisitStore):
    """The open-visit folder of a disk that is full while ``full`` is set (the OS's error)."""

    full = False

    def save(self, session: VisitSession) -> None:
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        super().save(session)


def test_an_open_visit_the_disk_cannot_keep_is_said_in_the_header_and_saved_when_it_can(
        tmp_path: Path, clock: Clock) -> None:
    # Given a visit being served when the disk fills (the outbox may still write into its grown WAL file)
    services = _services(tmp_path, clock)
    store = services.visits.store
    store.__class__ = _FullFolder
    session = services.visits.start()
    store.full = True
    session.answers["members[0].given"] = "太郎"
    services.visits.reach(session, "household")
    # Then the header tells the clerk that this visit is not kept, in Japanese
    assert OPEN_VISIT_DISK_FULL in services.recorder.status
    # And once there is room, the next step saves it and the line goes away
    store.full = False
    services.visits.reach(session, "review")
    assert services.recorder.status == ""
    [kept] = store.load_all()
    assert kept.answers["members[0].given"] == "太郎"
    services.close()
