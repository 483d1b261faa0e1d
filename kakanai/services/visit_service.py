"""The visit flow as the clerk drives it, recorded as visit events and kept for crash recovery."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from typing import Any

from kakanai.domain.visit_session import VisitSession
from kakanai.domain.visits import JST, Kind, VisitEvent, VisitHeader, header_payload, new_visit_id
from kakanai.services.open_visits import OpenVisitStore
from kakanai.services.recorder import Recorder


@dataclass(frozen=True)
class Workplace:
    """Where and by whom visits are served."""

    office: str
    counter: str
    clerk_id: str
    timezone: tzinfo = JST


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(timezone.utc)


class VisitService:
    """Starts, steps, suspends, finishes visits; every change is an event and a saved session."""

    def __init__(self, recorder: Recorder, store: OpenVisitStore, workplace: Workplace,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.recorder = recorder
        self.store = store
        self.workplace = workplace
        self.clock = clock

    def _emit(self, session: VisitSession, kind: Kind, payload: dict[str, Any] | None = None,
              at: datetime | None = None) -> None:
        self.recorder.record([VisitEvent(session.visit_id, kind, at or self.clock(), payload or {})])

    def save(self, session: VisitSession) -> None:
        """Keep the session on disk (in the background) so a crash loses nothing."""
        session.last_active = self.clock()
        snapshot = copy.deepcopy(session)
        self.recorder.writer.submit(lambda: self.store.save(snapshot))

    def start(self, ticket: str = "") -> VisitSession:
        """次の方: a new visit, being served from now."""
        now = self.clock()
        session = VisitSession(visit_id=new_visit_id(now.astimezone(self.workplace.timezone)), started_at=now, ticket=ticket)
        w = self.workplace
        header = VisitHeader(session.visit_id, w.office, w.counter, w.clerk_id, ticket=ticket[:20])
        self._emit(session, Kind.OPENED, header_payload(header), session.started_at)
        self._emit(session, Kind.STARTED, at=session.started_at)
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
        self._emit(session, Kind.CORRECTION, {"field": "event", "value": event})
        self._emit(session, Kind.CORRECTION, {"field": "household_size", "value": household_size})
        self.save(session)

    def set_procedures(self, session: VisitSession, ids: list[str], forms: int) -> None:
        """The procedures done in this visit (after the clerk's additions and drops)."""
        self._emit(session, Kind.PROCEDURES, {"ids": ids, "forms": forms, "added": list(session.added),
                                              "dropped": list(session.dropped)})

    def suspend(self, session: VisitSession) -> None:
        """The resident steps away (to fetch a document); the clock of this visit stops."""
        session.suspended = True
        self._emit(session, Kind.SUSPENDED)
        self.save(session)

    def resume(self, session: VisitSession) -> None:
        """The resident is back."""
        session.suspended = False
        self._emit(session, Kind.RESUMED)
        self.save(session)

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
        session.step = "finish"
        self._emit(session, kind)
        visit_id = session.visit_id
        self.recorder.writer.submit(lambda: self.store.remove(visit_id))

    def unfinished(self) -> list[VisitSession]:
        """Visits left open by a crash or a power cut, to offer for resume."""
        return self.store.load_all()

    def recover(self, session: VisitSession) -> None:
        """Resume a visit after a restart: the time the app was down counts as a pause."""
        if not session.suspended:
            self._emit(session, Kind.SUSPENDED, at=session.last_active or session.started_at)
        self.resume(session)

    def abandon(self, session: VisitSession) -> None:
        """Close a visit left open by a crash; its timing is marked untrustworthy."""
        self._end(session, Kind.FORCE_ENDED)
