"""The visit flow as the clerk drives it, recorded as visit events and kept for crash recovery."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any

from kakanai.domain.visit_session import VisitSession
from kakanai.domain.visits import IDENTITY_DOCUMENTS, JST, Kind, VisitEvent, VisitHeader, header_payload, new_visit_id
from kakanai.services.open_visits import OpenVisitStore
from kakanai.services.recorder import OPEN_VISIT_DISK_FULL, OPEN_VISIT_NOT_SAVED, Recorder, disk_full

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Workplace:
    """Where and by whom visits are served."""

    office: str
    counter: str
    clerk_id: str
    timezone: tzinfo = JST


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class VisitService:
    """Starts, steps, suspends, finishes visits; every change is an event and a saved session."""

    def __init__(self, recorder: Recorder, store: OpenVisitStore, workplace: Workplace,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.recorder = recorder
        self.store = store
        self.workplace = workplace
        self.clock = clock

    def _event(self, session: VisitSession, kind: Kind, payload: dict[str, Any] | None = None,
               at: datetime | None = None) -> VisitEvent:
        return VisitEvent(session.visit_id, kind, at or self.clock(), payload or {})

    def _emit(self, session: VisitSession, kind: Kind, payload: dict[str, Any] | None = None,
              at: datetime | None = None, then: Callable[[], None] | None = None) -> None:
        """Record one event durably (the outbox commits it before this returns; see `Recorder`)."""
        self.recorder.record([self._event(session, kind, payload, at)], then)

    def save(self, session: VisitSession) -> None:
        """Keep the session on disk now (encrypted, well under a millisecond) so a kill loses
        nothing; if the disk refuses, the previous version stays and the recorder retries events."""
        session.last_active = self.clock()
        try:
            self.store.save(session)
        except OSError as exc:  # type only: the message may hold a path, never resident data here
            if not self.recorder.open_visit_error:
                log.error("open visit not saved (%s)", type(exc).__name__)
            self.recorder.open_visit_error = OPEN_VISIT_DISK_FULL if disk_full(exc) else OPEN_VISIT_NOT_SAVED
            return
        if self.recorder.open_visit_error:
            log.warning("open visit saved again")
        self.recorder.open_visit_error = ""

    def start(self, ticket: str = "") -> VisitSession:
        """次の方: a new visit, being served from now."""
        now = self.clock()
        session = VisitSession(visit_id=new_visit_id(now.astimezone(self.workplace.timezone)), started_at=now, ticket=ticket)
        w = self.workplace
        header = VisitHeader(session.visit_id, w.office, w.counter, w.clerk_id, ticket=ticket[:20])
        self.recorder.record([self._event(session, Kind.OPENED, header_payload(header), session.started_at),
                              self._event(session, Kind.STARTED, at=session.started_at)])  # one commit
        self.save(session)
        return session

    def reach(self, session: VisitSession, step: str) -> None:
        """The clerk moved to a step of the flow."""
        if session.step != step:
            session.step = step
            self._emit(session, Kind.STEP, {"step": step})
        self.save(session)

    def identify(self, session: VisitSession, event: str, household_size: int) -> None:
        """The life event and household size became known (QR or interview)."""
        self.recorder.record([self._event(session, Kind.CORRECTION, {"field": "event", "value": event}),
                              self._event(session, Kind.CORRECTION, {"field": "household_size", "value": household_size})])
        self.save(session)

    def set_procedures(self, session: VisitSession, ids: list[str], forms: int) -> None:
        """The procedures done in this visit (after the clerk's additions and drops)."""
        self._emit(session, Kind.PROCEDURES, {"ids": ids, "forms": forms, "added": list(session.added),
                                              "dropped": list(session.dropped),
                                              "drop_reasons": {k: session.drop_reasons.get(k, "") for k in session.dropped}})

    def identity_checked(self, session: VisitSession, document: str) -> None:
        """本人確認: the clerk checked the resident's document of this kind (a code; never its number)."""
        if document not in IDENTITY_DOCUMENTS:
            raise ValueError(f"unknown identity document code {document!r}")
        session.identity = document
        self._emit(session, Kind.IDENTITY_CHECKED, {"document": document})
        self.save(session)

    def suspend(self, session: VisitSession) -> None:
        """The resident steps away (to fetch a document); the clock of this visit stops."""
        session.suspended = True
        event = self._event(session, Kind.SUSPENDED)
        session.pause(event.at)
        self.recorder.record([event])
        self.save(session)

    def resume(self, session: VisitSession) -> None:
        """The resident is back."""
        session.suspended = False
        event = self._event(session, Kind.RESUMED)
        session.unpause(event.at)
        self.recorder.record([event])
        self.save(session)

    def elapsed(self, session: VisitSession) -> float:
        """Seconds this visit has been served, pauses left out (the figure the KPI will show)."""
        return session.elapsed(self.clock())

    def printing(self, session: VisitSession) -> None:
        """The bundle is being printed."""
        self._emit(session, Kind.PRINTING)
        self.save(session)

    def printed(self, session: VisitSession) -> None:
        """The forms are in the resident's hands to sign."""
        self._emit(session, Kind.PRINTED)
        self.save(session)

    def finish(self, session: VisitSession) -> None:
        """完了: the visit ends normally."""
        self._end(session, Kind.FINISHED)

    def cancel(self, session: VisitSession) -> None:
        """The visit ends without the procedures (recorded as cancelled)."""
        self._end(session, Kind.CANCELLED)

    def _end(self, session: VisitSession, kind: Kind) -> None:
        """The end event is on disk before the open visit is forgotten (if the disk refuses it,
        the visit is forgotten once the recorder has saved it): a kill in between leaves a file
        that `unfinished` recognises as ended."""
        session.step = "finish"
        visit_id = session.visit_id
        self.recorder.open_visit_error = ""  # the visit is over: there is nothing left to keep for it
        self._emit(session, kind, then=lambda: self.store.remove(visit_id))

    def unfinished(self) -> list[VisitSession]:
        """Visits left open by a crash or a power cut, to offer for resume (call once, at start).

        The outbox is the record: a saved visit it shows ended (the app died right after 完了) is
        forgotten, not offered; a visit it shows open with no readable saved session (the app died
        before the first save, or the file was damaged) is force-ended at its last event."""
        ended = self.recorder.outbox.ended()
        offered = []
        for session in self.store.load_all():
            if session.visit_id in ended:
                self.store.remove(session.visit_id)
            else:
                offered.append(session)
        kept = {s.visit_id for s in offered}
        for visit_id, events in self.recorder.outbox.open_visits().items():
            if visit_id not in kept:
                at = max(e.at for e in events)
                self.recorder.record([VisitEvent(visit_id, Kind.FORCE_ENDED, at, {"reason": "no_saved_session"})])
        return offered

    def recover(self, session: VisitSession) -> None:
        """Resume a visit after a restart: the time the app was down counts as a pause."""
        events = [self._event(session, Kind.RESUMED)]
        if not session.suspended:  # the pause and the resumption in one commit
            events.insert(0, self._event(session, Kind.SUSPENDED, at=session.last_active or session.started_at))
        session.pause(events[0].at)
        session.unpause(events[-1].at)
        self.recorder.record(events)
        session.suspended = False
        self.save(session)

    def abandon(self, session: VisitSession) -> None:
        """Close a visit left open by a crash; its timing is marked untrustworthy."""
        self._end(session, Kind.FORCE_ENDED)
