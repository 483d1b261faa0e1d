"""The visit in progress at a counter: what is known, what the clerk changed, where the flow is.

It is plain data that survives a crash: `to_dict`/`from_dict` round-trip it through JSON (the
app stores it encrypted at rest and offers it for resume on the next start).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import Draft
from kakanai.domain.interview import Interview
from kakanai.domain.phrases import CLERK_ADDED
from kakanai.domain.planner import Plan, PlannedProcedure, bring_for, plan

STEPS = ("start", "intake", "household", "review", "print", "finish")
STEP_LABELS = {"start": "受付", "intake": "読取・聞き取り", "household": "世帯・手続", "review": "確認",
               "print": "印刷・署名", "finish": "完了"}


def item_key(item: PlannedProcedure) -> str:
    """A stable key for a plan item: the procedure id, plus the subject for per-person items."""
    if item.procedure.definition.scope == "each_member" and item.subjects:
        return f"{item.id}#{item.subjects[0]}"
    return item.id


class PlanMemo:
    """The last rules' plan of a visit, keyed on exactly what the planner reads: the catalog (the
    same object), the visit day and the draft's content. Nothing has to invalidate it: any change
    of an answer, a correction of the code's data, a procedure added (its forms ask more) or the
    visit day gives another key, so the plan is computed again; the same content gives the plan
    already made (a `Plan` is immutable). The window asks for the plan many times per redraw."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._catalog: Catalog | None = None
        self._plan: Plan | None = None
        self.computed = 0  # how many plans were actually made (tests and benchmarks read it)

    def plan(self, draft: Draft, catalog: Catalog, visit_date: date | None) -> Plan:
        """`planner.plan(draft, catalog, visit_date)`, made once per content."""
        key = (visit_date, repr(draft))  # repr: '1' and 1, True and 1 stay apart (== would not)
        if self._plan is None or catalog is not self._catalog or key != self._key:
            self._plan, self._catalog, self._key = plan(draft, catalog, visit_date), catalog, key
            self.computed += 1
        return self._plan


class _VisitInterview(Interview):
    """The interview of a visit: its plan comes from the visit's memo."""

    def __init__(self, memo: PlanMemo, catalog: Catalog, base: Draft,
                 added: dict[str, tuple[int, ...]], visit_date: date) -> None:
        super().__init__(catalog, base, added, visit_date)
        self._memo = memo

    def plan(self) -> Plan:
        """The plan for what is known now, on the visit day (made again only when that changed)."""
        return self._memo.plan(self.draft, self.catalog, self.visit_date)


@dataclass
class VisitSession:
    """One resident's visit, from 次の方 to 完了."""

    visit_id: str
    started_at: datetime
    ticket: str = ""
    base: Draft = field(default_factory=dict)
    answers: Draft = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    drop_reasons: dict[str, str] = field(default_factory=dict)  # item key → a DROP_REASONS code
    added_for: dict[str, list[int]] = field(default_factory=dict)  # added procedure id → member indexes
    identity: str = ""  # 本人確認: an IDENTITY_DOCUMENTS code, once checked
    paused_seconds: float = 0.0  # time suspended (or the app down), left out of the elapsed time
    paused_since: datetime | None = None
    step: str = "intake"
    suspended: bool = False
    source: str = ""  # "qr" or "interview"
    last_active: datetime | None = None  # last time the visit was saved (for resume after a crash)
    plans: PlanMemo = field(default_factory=PlanMemo, init=False, repr=False, compare=False)  # not saved


    @property
    def visit_date(self) -> date:
        """The day the resident came (by the app's clock, in this machine's time zone): ages, deadlines,
        the 届出日 and an event dated after it are looked at on it."""
        return self.started_at.astimezone().date()

    def interview(self, catalog: Catalog) -> Interview:
        """An interview over what is known (answers are shared, not copied); the forms of procedures
        the clerk added ask what they print too."""
        added = {pid: tuple(self.added_for.get(pid, ())) for pid in self.added}
        interview = _VisitInterview(self.plans, catalog, self.base, added, self.visit_date)
        interview.answers = self.answers
        return interview

    def final_plan(self, catalog: Catalog) -> Plan:
        """The rules' plan with the clerk's drops and additions applied."""
        interview = self.interview(catalog)
        plan, draft = interview.plan(), interview.draft
        items = [i for i in plan.items if item_key(i) not in self.dropped]
        planned = {i.id for i in items}
        for procedure_id in self.added:
            procedure, subjects = catalog.procedure(procedure_id), tuple(self.added_for.get(procedure_id, ()))
            if procedure.definition.scope == "each_member" and subjects:  # also one more person for it
                have = {s for i in items if i.id == procedure_id for s in i.subjects}
                added = [PlannedProcedure(procedure, (i,), (CLERK_ADDED,), bring=bring_for(procedure, draft, (i,)))
                         for i in subjects if i not in have]
                items.extend(i for i in added if item_key(i) not in self.dropped)
            elif procedure_id not in planned:
                items.append(PlannedProcedure(procedure, subjects, (CLERK_ADDED,),
                                              bring=bring_for(procedure, draft, subjects)))
        return Plan(tuple(items), plan.undecided)

    def toggle(self, key: str, keep: bool) -> None:
        """Keep or drop a planned item (by `item_key`), or add/remove a procedure by id."""
        if keep:
            if key in self.dropped:
                self.dropped.remove(key)
            elif key not in self.added:
                self.added.append(key)
        elif key in self.added:
            self.added.remove(key)
        elif key not in self.dropped:
            self.dropped.append(key)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {"visit_id": self.visit_id, "started_at": self.started_at.isoformat(), "ticket": self.ticket,
                "base": self.base, "answers": self.answers, "added": self.added, "dropped": self.dropped,
                "drop_reasons": self.drop_reasons, "added_for": self.added_for, "identity": self.identity,
                "step": self.step, "suspended": self.suspended, "source": self.source,
                "last_active": self.last_active.isoformat() if self.last_active else None,
                "paused_seconds": self.paused_seconds,
                "paused_since": self.paused_since.isoformat() if self.paused_since else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VisitSession:
        """Back from `to_dict`."""
        last, paused = data.get("last_active"), data.get("paused_since")
        return cls(**{**data, "started_at": datetime.fromisoformat(data["started_at"]),
                      "last_active": datetime.fromisoformat(last) if last else None,
                      "paused_since": datetime.fromisoformat(paused) if paused else None})

    def elapsed(self, now: datetime) -> float:
        """Seconds served so far: from the start to ``now``, pauses left out (as the KPI counts)."""
        paused = self.paused_seconds + ((now - self.paused_since).total_seconds() if self.paused_since else 0.0)
        return max(0.0, (now - self.started_at).total_seconds() - paused)

    def pause(self, at: datetime) -> None:
        """The visit stops counting from ``at`` (suspended, or the app went down)."""
        if self.paused_since is None:
            self.paused_since = at

    def unpause(self, at: datetime) -> None:
        """The visit counts again from ``at``."""
        if self.paused_since is not None:
            self.paused_seconds += max(0.0, (at - self.paused_since).total_seconds())
            self.paused_since = None
