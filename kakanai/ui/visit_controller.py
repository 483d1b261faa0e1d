"""The visit flow for the screens: one controller holds the visit in progress and calls services.

Views never touch services; they call this controller and listen to its signals. Slow work
(rendering the bundle) runs in the background and reports back by signal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kakanai.card.protocol import BasicFour
from kakanai.domain.draft import member_count, member_path, split_member_path
from kakanai.domain.household_doc import ParsedHousehold
from kakanai.domain.interview import Interview, Question
from kakanai.domain.planner import Plan
from kakanai.domain.problems import InvalidInput
from kakanai.domain.visit_session import VisitSession
from kakanai.services.card_reading import IDENTITY_BY_CARD, CardReading, address_from_card, answers_from_card
from kakanai.services.casework import Casework, Intake
from kakanai.services.documents import Bundle
from kakanai.services.visit_service import VisitService
from kakanai.ui import domain_text
from kakanai.ui.presenters import resident_line
from kakanai.ui.tasks import run_in_background


class VisitController(QObject):
    """Holds the visit in progress; every change is recorded through the visit service."""

    visit_changed = Signal()  # started, finished, suspended, resumed, answers or plan changed
    step_changed = Signal(str)
    read = Signal(str)  # a code was read: what it holds, for the clerk (読み取りました: 転入　4人)
    refused = Signal(str)  # a code could not be read: why, for the clerk (Japanese)
    other_household = Signal(object)  # a readable code came while this visit already has a household (Intake)
    bundle_ready = Signal(object)  # Bundle
    bundle_failed = Signal(str)

    card_read = Signal(str)  # the card was read: what was filled in, for the clerk
    card_refused = Signal(str)  # the card could not be read: why, and what to do (Japanese)

    def __init__(self, casework: Casework, visits: VisitService, card: CardReading | None = None) -> None:
        super().__init__()
        self.casework = casework
        self.visits = visits
        self.card = card  # None: IT turned card reading off
        self.card_busy = False  # a card read is under way (a card placed meanwhile opens nothing)
        self.session: VisitSession | None = None
        self.bundle: Bundle | None = None
        self.warnings: list[str] = []
        self._generation = 0  # bumped on every change: a render of older data is thrown away
        self._card_read: tuple[str, BasicFour] | None = None  # (visit id, facts): the address waits for the event

    def _changed(self) -> None:
        """The visit or its data changed: any bundle made before is stale."""
        self._generation += 1
        self.bundle = None

    # -- starting and ending -------------------------------------------------------------
    def start(self, ticket: str = "") -> None:
        """次の方: start a new visit and go to intake."""
        self.session = self.visits.start(ticket)
        self._card_read = None
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
        """A QR text arrived from a scanner; True if it was read. Between visits a readable code
        starts one; during a visit that already has a household, `other_household` asks first
        (never replaced silently: it may be the next resident's)."""
        try:
            intake = self.casework.read_code(text)
        except InvalidInput as exc:
            self.refused.emit(domain_text.clerk_message(exc))
            return False
        if self.session is None:
            self.start()
        elif self.has_household():
            self.other_household.emit(intake)
            return True
        self._take(intake, "qr")
        return True

    def take_other(self, intake: Intake) -> None:
        """The clerk confirmed a code of another household: this visit waits as suspended, and a new
        visit (its own id and time) starts with the code."""
        self.suspend()
        self.start()
        self._take(intake, "qr")

    def has_household(self) -> bool:
        """Whether the visit already knows something of a household (a code or an answer)."""
        return self.session is not None and bool(self.session.base or self.session.answers)

    def describe(self, session: VisitSession | None = None) -> str:
        """The line naming a visit's resident and event (this visit by default), for dialogs and lists."""
        session = session or self.session
        if session is None:
            return ""
        return resident_line(self.casework.interview(session).draft, session.ticket)

    def elapsed(self) -> float:
        """Seconds this visit has been served, pauses left out."""
        return self.visits.elapsed(self.session) if self.session is not None else 0.0

    def _take(self, intake: Intake, source: str) -> None:
        assert self.session is not None
        self.session.base = intake.draft
        self.session.answers.clear()  # a new code replaces the household: nothing of the last one stays
        self.session.added.clear()
        self.session.dropped.clear()
        self.session.drop_reasons.clear()
        self.session.added_for.clear()
        self._changed()
        self.session.source = source
        self.warnings = [str(w) for w in intake.warnings]
        h = intake.household
        self.visits.identify(self.session, h.event.value, len(h.members))
        self.read.emit(QCoreApplication.translate("VisitController", "読み取りました: {0}　{1}人").format(
            domain_text.vocabulary(h.event.label), len(h.members)))
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
            return "\n".join(domain_text.problem(p) for p in exc.problems)
        self.session.source = self.session.source or "interview"
        self._changed()
        if path == "event":
            self._card_address(interview)
        if path in ("event", "member_count"):
            draft = interview.draft
            self.visits.identify(self.session, draft.get("event", ""), int(draft.get("member_count") or 0))
        self.visits.save(self.session)
        if self.session.step == "intake" and not interview.questions():
            self.go("household")  # all is answered: on to 世帯・手続 without a key
        else:
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

    def toggle(self, key: str, keep: bool, reason: str = "") -> None:
        """Keep or drop a procedure (recorded with the visit; a drop with its DROP_REASONS code)."""
        assert self.session is not None
        self.session.toggle(key, keep)
        if keep:
            self.session.drop_reasons.pop(key, None)
        elif key in self.session.dropped:
            self.session.drop_reasons[key] = reason
        if not keep and key not in self.session.added:
            self.session.added_for.pop(key, None)
        self._changed()
        self.visits.save(self.session)
        self.visit_changed.emit()

    def add(self, procedure_id: str, members: list[int]) -> None:
        """Add a procedure the rules did not choose, for these members (none: the household)."""
        assert self.session is not None
        if members:
            self.session.added_for[procedure_id] = list(members)
        self.toggle(procedure_id, True)

    def identity_checked(self, document: str) -> None:
        """本人確認 done with a document of this kind (recorded as a code)."""
        if self.session is not None:
            self.visits.identity_checked(self.session, document)
            self.visit_changed.emit()

    # -- the My Number card ---------------------------------------------------------------
    def read_card(self, pin: str) -> None:
        """Read the resident's card in the background (the PIN goes no further than the reader);
        `card_read` or `card_refused` follows."""
        if self.card is None:
            self.card_refused.emit(QCoreApplication.translate("VisitController",
                                                              "カード読取は使わない設定になっています（情報システム係）"))
            return
        if self.session is None:
            self.start()
        card, visit_id = self.card, self.session.visit_id  # type: ignore[union-attr]
        self.card_busy = True
        postal = self.casework.postal
        run_in_background(lambda: card.basic_four(pin, postal), lambda facts: self._card_facts(facts, visit_id),
                          self._card_failed)

    def _card_facts(self, facts: BasicFour, visit_id: str) -> None:
        self.card_busy = False
        if self.session is None or self.session.visit_id != visit_id:
            self.card_refused.emit(QCoreApplication.translate(
                "VisitController", "読み取りの間に受付が変わったため、カードの内容は使いませんでした。もう一度読み取ってください"))
            return
        member = self._card_member()
        self._card_read = (visit_id, facts)
        for path, value in answers_from_card(facts, member, self.interview().draft.get("event"),
                                             self.casework.postal).items():
            self.answer(path, value)
        self.identity_checked(IDENTITY_BY_CARD)
        self.card_read.emit(QCoreApplication.translate("VisitController", "カードを読み取りました: {0}　{1}（本人確認済み）")
                            .format(facts.family, facts.given))
        if not self.questions():
            self.go("household")

    def _card_address(self, interview: Interview) -> None:
        """The card was read before the event was known: once it is a move, the card's address is the
        one left (not asked again)."""
        if self._card_read is None or self.session is None or self._card_read[0] != self.session.visit_id:
            return
        for path, value in address_from_card(self._card_read[1], interview.draft.get("event"),
                                             self.casework.postal).items():
            if interview.draft.get(path) is None:
                interview.answer(path, value)

    def _card_failed(self, exc: Exception) -> None:
        from kakanai.card.protocol import CardError

        self.card_busy = False
        self.card_refused.emit(domain_text.card_problem(exc.code, exc.message_ja, getattr(exc, "tries", 0))
                               if isinstance(exc, CardError) else QCoreApplication.translate(
            "VisitController", "カードを読み取れませんでした。置き直してもう一度読み取ってください"))

    def _card_member(self) -> int:
        """Whose card: the member the interview is asking about, else the first without a name, else 0."""
        draft = self.interview().draft
        for question in self.questions():
            where = split_member_path(question.path)
            if where is not None:
                return where[0]
        count = member_count(draft) or 1
        return next((i for i in range(count) if not draft.get(member_path(i, "family"))), 0)

    # -- documents -----------------------------------------------------------------------
    def render(self, issued: date | None = None) -> None:
        """Render the bundle in the background; `bundle_ready` or `bundle_failed` follows."""
        try:
            household = self.household().household
        except InvalidInput as exc:
            self.bundle_failed.emit(domain_text.clerk_message(exc))
            return
        plan, visit_id = self.plan(), self.session.visit_id  # type: ignore[union-attr]
        # 届出日 is the visit's day (the app's clock when it started, as the interview's deadlines), not the
        # machine's date now: a visit begun before midnight and printed after prints one date
        filed = issued or self.session.visit_date  # type: ignore[union-attr]
        generation = self._generation
        run_in_background(lambda: self.casework.render(household, plan, visit_id, filed),
                          lambda bundle: self._rendered(bundle, generation),
                          lambda exc: self.bundle_failed.emit(render_failure(exc)))

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


def render_failure(exc: Exception) -> str:
    """Why no bundle came, for the clerk: an input's own Japanese message (a city's broken template,
    a visit id), else what to do; never the exception's English text (it may quote a resident's value)."""
    if isinstance(exc, InvalidInput):
        return domain_text.clerk_message(exc)
    return QCoreApplication.translate("VisitController", "様式を作れませんでした（予期しないエラー: {0}）。もう一度「確認」"
                                      "（F4）を押し、直らなければ情報システム係へ連絡してください").format(type(exc).__name__)
