"""A visit's time record: an append-only list of events, and the summary worked out from it.

The record holds no resident's personal data: the life event, household size, procedure ids,
counts, the office, counter and clerk. A visit moves through explicit states::

    waiting → serving ⇄ suspended, serving → printing → signing → (serving …) → finished | cancelled

Corrections are new events; nothing is deleted. `summarise` is a pure function of the events,
so a summary can always be rebuilt (after a late event arrives from a counter's outbox, say).
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any


class Kind(str, enum.Enum):
    """What happened in a visit."""

    OPENED = "opened"  # payload: the visit header (office, counter, clerk_id, event, household_size, ticket)
    CHECKED_IN = "checked_in"  # ticket issued; starts waiting
    STARTED = "started"  # the clerk calls the resident: starts serving
    STEP = "step"  # the clerk reaches a step of the visit flow (payload: step)
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    PRINTING = "printing"
    PRINTED = "printed"  # forms handed over: the resident signs
    PROCEDURES = "procedures"  # payload: ids, forms, added, dropped
    FINISHED = "finished"
    CANCELLED = "cancelled"
    FORCE_ENDED = "force_ended"  # closed by the system or a supervisor, e.g. after a crash
    CORRECTION = "correction"  # payload: field, value
    IDENTITY_CHECKED = "identity_checked"  # payload: document (a code of IDENTITY_DOCUMENTS, never a number)


# 本人確認: which kind of document the clerk checked before printing (its kind only, never its number)
IDENTITY_DOCUMENTS = {"my_number_card": "マイナンバーカード", "driving_licence": "運転免許証",
                      "passport": "パスポート", "residence_card": "在留カード",
                      "two_documents": "健康保険の資格確認書など 2点", "other": "その他の書類",
                      "my_number_card_ic": "マイナンバーカード（IC読取）"}  # last: set by a card read (F7)
# why the clerk dropped a procedure the rules chose (kept as a code in the PROCEDURES event)
DROP_REASONS = {"later": "後日・別の窓口で行う", "declined": "本人が希望しない", "not_applicable": "対象外（職員が確認）",
                "done": "手続済み"}


class State(str, enum.Enum):
    """The state a visit is in between two events."""

    WAITING = "waiting"
    SERVING = "serving"
    SUSPENDED = "suspended"
    PRINTING = "printing"
    SIGNING = "signing"
    DONE = "done"


_NEXT_STATE = {
    Kind.CHECKED_IN: State.WAITING, Kind.STARTED: State.SERVING, Kind.SUSPENDED: State.SUSPENDED,
    Kind.RESUMED: State.SERVING, Kind.PRINTING: State.PRINTING, Kind.PRINTED: State.SIGNING,
    Kind.FINISHED: State.DONE, Kind.CANCELLED: State.DONE, Kind.FORCE_ENDED: State.DONE,
}
HANDLING_STATES = (State.SERVING, State.PRINTING, State.SIGNING)


def new_id() -> str:
    """A globally unique id made on the counter PC (so forwarding can be idempotent)."""
    return uuid.uuid4().hex


def new_visit_id(day: datetime) -> str:
    """A visit id a resident can read off the take-home sheet, unique without a server:
    ``V20260401-3F9A0C12D4E5`` (office-local date, 48 random bits)."""
    return f"V{day:%Y%m%d}-{uuid.uuid4().hex[:12].upper()}"


@dataclass(frozen=True)
class VisitEvent:
    """One event of a visit, in UTC."""

    visit_id: str
    kind: Kind
    at: datetime
    payload: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            raise ValueError("event times must be timezone-aware (UTC)")


@dataclass(frozen=True)
class VisitHeader:
    """Who served the visit, where, and for what (no personal data)."""

    visit_id: str
    office: str
    counter: str
    clerk_id: str
    event: str = ""
    household_size: int = 0
    ticket: str = ""


@dataclass(frozen=True)
class VisitSummary:
    """The derived record of a visit that the KPIs read."""

    header: VisitHeader
    status: str  # open, finished, cancelled, force_ended
    started_at: datetime | None
    ended_at: datetime | None
    wait_seconds: float | None
    handling_seconds: float
    seconds_by_state: dict[str, float]
    procedure_ids: tuple[str, ...]
    forms: int
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    inaccurate: str  # "" or why the timing is not trusted (midnight, force_ended)
    local_day: str  # office-local date of the start, ISO
    local_hour: int  # office-local hour of the start


def header_payload(header: VisitHeader) -> dict[str, Any]:
    """The payload of an OPENED event for a header."""
    return {k: v for k, v in header.__dict__.items() if k != "visit_id"}


def header_from_payload(visit_id: str, payload: dict[str, Any]) -> VisitHeader:
    """A header back from an OPENED event's payload (unknown keys ignored)."""
    known = {k: payload[k] for k in ("office", "counter", "clerk_id", "event", "household_size", "ticket") if k in payload}
    return VisitHeader(visit_id, **{"office": "", "counter": "", "clerk_id": "", **known})


def _apply_correction(header: VisitHeader, payload: dict[str, Any]) -> VisitHeader:
    name, value = payload.get("field"), payload.get("value")
    if name in ("event", "clerk_id", "counter", "office", "ticket") and isinstance(value, str):
        return VisitHeader(**{**header.__dict__, name: value})
    if name == "household_size" and isinstance(value, int):
        return VisitHeader(**{**header.__dict__, name: value})
    return header


class _Replay:
    """Walks a visit's events in time order, adding up the seconds spent in each state."""

    def __init__(self, visit_id: str) -> None:
        self.header = VisitHeader(visit_id, "", "", "")
        self.seconds: dict[str, float] = {}
        self.state: State | None = None
        self.since: datetime | None = None
        self.checked_in: datetime | None = None
        self.started: datetime | None = None
        self.ended: datetime | None = None
        self.status = "open"
        self.procedures: dict[str, Any] = {}

    def apply(self, event: VisitEvent) -> None:
        if event.kind is Kind.OPENED:
            self.header = header_from_payload(event.visit_id, event.payload)
        elif event.kind is Kind.CORRECTION:
            self.header = _apply_correction(self.header, event.payload)
        elif event.kind is Kind.PROCEDURES:
            self.procedures = event.payload
        elif event.kind in _NEXT_STATE and self.state is not State.DONE:
            self._move(event, _NEXT_STATE[event.kind])

    def _move(self, event: VisitEvent, nxt: State) -> None:
        self.close(event.at)
        if event.kind is Kind.CHECKED_IN:
            self.checked_in = event.at
        if event.kind is Kind.STARTED and self.started is None:
            self.started = event.at
        if nxt is State.DONE:
            self.ended = event.at
            self.status = {Kind.FINISHED: "finished", Kind.CANCELLED: "cancelled"}.get(event.kind, "force_ended")
        self.state, self.since = nxt, event.at

    def close(self, at: datetime) -> None:
        if self.state not in (None, State.DONE) and self.since is not None:
            elapsed = max(0.0, (at - self.since).total_seconds())
            self.seconds[self.state.value] = self.seconds.get(self.state.value, 0.0) + elapsed


def summarise(events: list[VisitEvent], office_tz: tzinfo, now: datetime | None = None) -> VisitSummary:
    """The summary of a visit from its events (in any order); an open visit counts up to ``now``."""
    replay = _Replay(events[0].visit_id)
    for event in sorted(events, key=lambda e: e.at):
        replay.apply(event)
    if now is not None:
        replay.close(now)
    return _summary(replay, office_tz)


def _summary(r: _Replay, office_tz: tzinfo) -> VisitSummary:
    local_start = (r.started or r.checked_in or datetime.now(UTC)).astimezone(office_tz)
    crosses_midnight = r.ended is not None and r.ended.astimezone(office_tz).date() != local_start.date()
    inaccurate = "force_ended" if r.status == "force_ended" else ("midnight" if crosses_midnight else "")
    wait = (r.started - r.checked_in).total_seconds() if r.started and r.checked_in else None
    p = r.procedures
    return VisitSummary(
        header=r.header, status=r.status, started_at=r.started, ended_at=r.ended, wait_seconds=wait,
        handling_seconds=sum(r.seconds.get(s.value, 0.0) for s in HANDLING_STATES),
        seconds_by_state=dict(r.seconds), procedure_ids=tuple(p.get("ids", ())), forms=int(p.get("forms", 0)),
        added=tuple(p.get("added", ())), dropped=tuple(p.get("dropped", ())),
        inaccurate=inaccurate, local_day=local_start.date().isoformat(), local_hour=local_start.hour,
    )


JST = timezone(timedelta(hours=9), "JST")
