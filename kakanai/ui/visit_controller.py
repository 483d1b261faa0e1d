"""The visit flow for the screens: one controller holds the visit in progress and calls services.

Views never touch services; they call this controller and listen to its signals. Slow work
(rendering the bundle) runs in the background and reports back by signal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from kakanai.domain.household_doc import ParsedHousehold
from kakanai.domain.interview import Interview, Question
from kakanai.domain.planner import Plan
from kakanai.domain.problems import InvalidInput
from kakanai.domain.visit_session import VisitSession
from kakanai.services.casework import Casework, Intake
from kakanai.services.documents import Bundle
from kakanai.services.visit_service import VisitService
from kakanai.ui.tasks import run_in_background


class VisitController(QObject):
    """Holds the visit in progress; every change is recorded through the visit service."""

    visit_changed = Signal()  # started, finished, suspended, resumed, answers or plan changed
    step_changed = Signal(str)
    read = Signal(str)  # a code was read: what it holds, for the clerk (読み取りました: 転入　4人)
    refused = Signal(str)  # a code could not be read: why, for the clerk (Japanese)
    bundle_ready = Signal(object)  # Bundle
    bundle_failed = Signal(str)

    def __init__(self, casework: Casework, visits: VisitService) -> None:
        super().__init__()
        self.casework = casework
        self.visits = visits
        self.session: VisitSession | None = None
        self.bundle: Bundle | None = None
        self.warnings: list[str] = []
        self._generation = 0  # bumped on every change: a render of older data is thrown away

    def _changed(self) -> None:
        """The visit or its data changed: any bundle made before is stale."""
        self._generation += 1
        self.bundle = None

    # -- starting and ending -------------------------------------------------------------
    def start(self, ticket: str = "") -> None:
        """次の方: start a new visit and go to intake."""
        self.session = self.visits.start(ticket)
        self._changed()
        self.warnings = []
        self.go("intake")

    def adopt(self, session: VisitSession, *, after_restart: bool) -> None:
        """Continue a suspended visit, or one left open by a crash."""
        self.session = session
        self._changed()
        (self.visits.recover if after_restart else self.visits.resume)(session)
        self.visit_changed.emit()
        self.go(session.step if session.step in ("intake", "household", "review", "print") else "intake")

    def park_crashed(self, session: VisitSession) -> None:
        """A visit left open by a crash, while another is being served: it waits as suspended."""
        self.visits.recover(session)
        self.visits.suspend(session)

    def close_crashed(self, session: VisitSession) -> None:
        """A visit left open by a crash that the clerk does not resume: closed as 中断終了."""
        self.visits.abandon(session)

    def suspend(self) -> None:
        """The resident steps away; the visit waits on the start screen."""
        if self.session is not None:
            self.visits.suspend(self.session)
            self.session = None
            self._changed()
            self.go("start")

    def cancel(self) -> None:
        """End the visit without finishing its procedures."""
        self._end(self.visits.cancel)

    def finish(self) -> None:
        """完了."""
        self._end(self.visits.finish)

    def _end(self, record: Callable[[VisitSession], None]) -> None:
        if self.session is not None:
            record(self.session)
            self.session = None
            self._changed()  # the bundle (in memory only) goes with the visit
            self.go("start")

    def go(self, step: str) -> None:
        """Move the flow to a step (recorded) and tell the views."""
        if self.session is not None:
            self.visits.reach(self.session, step)
        self.step_changed.emit(step)
        self.visit_changed.emit()

    # -- intake --------------------------------------------------------------------------
    def scanned(self, text: str) -> bool:
        """A QR text arrived from a scanner; True if it was read."""
        if self.session is None:
            self.start()
        try:
            intake = self.casework.read_code(text)
        except InvalidInput as exc:
            self.refused.emit(exc.clerk_message())
            return False
        self._take(intake, "qr")
        return True

    def _take(self, intake: Intake, source: str) -> None:
        assert self.session is not None
        self.session.base = intake.draft
        self.session.answers.clear()  # a new code replaces the household: nothing of the last one stays
        self.session.added.clear()
        self.session.dropped.clear()
        self._changed()
        self.session.source = source
        self.warnings = [str(w) for w in intake.warnings]
        h = intake.household
        self.visits.identify(self.session, h.event.value, len(h.members))
        self.read.emit(f"読み取りました: {h.event.label}　{len(h.members)}人")
        self.go("household" if not self.questions() else "intake")

    def interview(self) -> Interview:
        """The interview over the current visit."""
        assert self.session is not None
        return self.casework.interview(self.session)

    def questions(self) -> list[Question]:
        """The questions still open."""
        return self.interview().questions() if self.session else []

    def answer(self, path: str, raw: Any) -> str:
        """Record an answer; returns "" or the clerk's message when the answer is refused."""
        assert self.session is not None
        interview = self.interview()
        try:
            interview.answer(path, raw)
        except InvalidInput as exc:
            return "\n".join(p.message_ja for p in exc.problems)
        self.session.source = self.session.source or "interview"
        self._changed()
        if path in ("event", "member_count"):
            draft = interview.draft
            self.visits.identify(self.session, draft.get("event", ""), int(draft.get("member_count") or 0))
        self.visits.save(self.session)
        self.visit_changed.emit()
        return ""

    # -- household and procedures --------------------------------------------------------
    def household(self) -> ParsedHousehold:
        """The complete household (raises InvalidInput while something is missing)."""
        return self.casework.household(self.session)  # type: ignore[arg-type]

    def plan(self) -> Plan:
        """The procedures of this visit after the clerk's changes."""
        assert self.session is not None
        return self.casework.plan(self.session)

    def toggle(self, key: str, keep: bool) -> None:
        """Keep or drop a procedure (recorded with the visit)."""
        assert self.session is not None
        self.session.toggle(key, keep)
        self._changed()
        self.visits.save(self.session)
        self.visit_changed.emit()

    # -- documents -----------------------------------------------------------------------
    def render(self, issued: date | None = None) -> None:
        """Render the bundle in the background; `bundle_ready` or `bundle_failed` follows."""
        try:
            household = self.household().household
        except InvalidInput as exc:
            self.bundle_failed.emit(exc.clerk_message())
            return
        plan, visit_id = self.plan(), self.session.visit_id  # type: ignore[union-attr]
        generation = self._generation
        run_in_background(lambda: self.casework.render(household, plan, visit_id, issued or date.today()),
                          lambda bundle: self._rendered(bundle, generation),
                          lambda exc: self.bundle_failed.emit(f"様式を作れませんでした: {exc}"))

    def _rendered(self, bundle: Bundle, generation: int) -> None:
        if generation != self._generation or self.session is None:
            return  # the visit changed while rendering: this bundle shows old data
        self.bundle = bundle
        if self.session is not None:
            ids = [item.id for item in self.plan().items]
            self.visits.set_procedures(self.session, ids, len(bundle.report.forms))
        self.bundle_ready.emit(bundle)

    def printing(self) -> None:
        """Printing started."""
        if self.session is not None:
            self.visits.printing(self.session)

    def printed(self) -> None:
        """Printing done; the resident signs."""
        if self.session is not None:
            self.visits.printed(self.session)
            self.visit_changed.emit()
