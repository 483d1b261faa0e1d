"""Work out every procedure a household needs for its life event, and why.

`plan` runs each catalog procedure's conditions over a draft. A procedure whose conditions hold
becomes a `PlannedProcedure` with the reasons that fired; one that cannot be decided yet (its
facts are missing) is `Undecided` and names the draft paths that would settle it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kakanai.domain.catalog import Catalog, Procedure
from kakanai.domain.draft import CITY_PREFECTURE, VISIT_DATE, Draft, member_count, member_path
from kakanai.domain.facts import Context
from kakanai.domain.phrases import ReasonLine, event_reason
from kakanai.domain.rules import Verdict, evaluate


@dataclass(frozen=True)
class PlannedProcedure:
    """A procedure to do today: for the household or for some members, with the reasons."""

    procedure: Procedure
    subjects: tuple[int, ...]
    said: tuple[ReasonLine, ...]  # why, as data: each line's phrases (codes and values) and whose they are
    last_day: date | None = None  # the deadline's last day, where it counts from a day
    late: bool = False  # that day was before the visit: flag it to the clerk, word it for the resident
    bring: tuple[str, ...] = ()  # what to bring: the procedure's own list and what its people's facts add


    @property
    def reasons(self) -> tuple[str, ...]:
        """Why, in the clerk's Japanese (「他の都道府県からの転入」, 「山田　キヨ: 75歳」)."""
        return tuple(line.text() for line in self.said)

    @property
    def id(self) -> str:
        """The procedure id."""
        return self.procedure.id


@dataclass(frozen=True)
class Undecided:
    """A procedure that cannot be decided until the listed draft paths are known."""

    procedure: Procedure
    needs: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """The procedures for a household, in counter order, and those still undecided."""

    items: tuple[PlannedProcedure, ...]
    undecided: tuple[Undecided, ...]

    def ids(self) -> list[str]:
        """Procedure ids in plan order (an each-member procedure appears once per subject)."""
        return [item.id for item in self.items]


def member_name(draft: Draft, index: int) -> str:
    """A member's name from a draft, or ``世帯員N`` while it is unknown."""
    family, given = draft.get(member_path(index, "family")), draft.get(member_path(index, "given"))
    return f"{family or ''}　{given or ''}".strip("　") if family or given else f"世帯員{index + 1}"


def in_context(draft: Draft, catalog: Catalog, visit_date: date | None = None) -> Draft:
    """A copy of a draft with what its conditions read besides the household: the day the resident
    comes and the city's prefecture (the planner and a form's checkboxes decide alike)."""
    context = Context({**draft, CITY_PREFECTURE: catalog.city.prefecture})
    if visit_date is not None:
        context[VISIT_DATE] = visit_date.isoformat()
    return context


def plan(draft: Draft, catalog: Catalog, visit_date: date | None = None) -> Plan:
    """The plan for a draft household under a catalog, on ``visit_date`` (the day the resident
    comes; None: the event date). Ages that change between the event and the visit (a woman who
    turns 20 after moving in) are looked at on both days."""
    draft = in_context(draft, catalog, visit_date)
    event = draft.get("event")
    items: list[PlannedProcedure] = []
    undecided: list[Undecided] = []
    for procedure in catalog.procedures:
        if event is None:
            undecided.append(Undecided(procedure, ("event",)))
        elif event in procedure.definition.events:
            found, needs = _apply(procedure, draft, event_reason(event))
            items.extend(found)
            if needs:
                undecided.append(Undecided(procedure, needs))
    order = {p.id: n for n, p in enumerate(catalog.procedures)}
    items = [_with_deadline(item, draft) for item in items]
    items.sort(key=lambda it: (catalog.department_order(it.procedure.definition.department), order[it.id]))
    return Plan(tuple(items), tuple(undecided))


def _with_deadline(item: PlannedProcedure, draft: Draft) -> PlannedProcedure:
    """The item with its last day (counted from the event, or from the filing: the visit) and
    whether the visit is after it."""
    deadline = item.procedure.deadline
    try:
        event_date = date.fromisoformat(str(draft.get("date")))
    except ValueError:
        return item
    visit = max(event_date, date.fromisoformat(draft[VISIT_DATE])) if draft.get(VISIT_DATE) else event_date
    last = deadline.last_day(event_date, visit) if deadline else None
    return replace(item, last_day=last, late=last is not None and last < visit) if last else item


def _apply(procedure: Procedure, draft: Draft, event_line: ReasonLine) -> tuple[list[PlannedProcedure], tuple[str, ...]]:
    household = evaluate(procedure.household_when, draft)
    if household.value is False:
        return [], ()
    if household.value is None:
        return [], household.needs
    base = household.said or (event_line,)
    scope = procedure.definition.scope
    bring = tuple(procedure.definition.bring)
    if scope == "household":
        return [PlannedProcedure(procedure, (), base, bring=bring)], ()
    count = member_count(draft)
    if count is None:
        return [], ("member_count",)
    verdicts = {i: evaluate(procedure.member_when, draft, i) for i in range(count)}
    subjects = [i for i, v in verdicts.items() if v.value]
    needs = tuple(dict.fromkeys(p for v in verdicts.values() for p in v.needs))
    reasons = {i: _member_reason(draft, i, verdicts[i]) for i in subjects}
    if scope == "each_member":
        return [PlannedProcedure(procedure, (i,), _reasons(base, household.said, (reasons[i],)),
                                 bring=bring_for(procedure, draft, (i,))) for i in subjects], needs
    if not subjects:
        return [], needs
    return [PlannedProcedure(procedure, tuple(subjects),
                             _reasons(base, household.said, tuple(reasons[i] for i in subjects)),
                             bring=bring_for(procedure, draft, tuple(subjects)))], needs


def bring_for(procedure: Procedure, draft: Draft, subjects: tuple[int, ...]) -> tuple[str, ...]:
    """The procedure's list, then each conditional item one of its people meets (once)."""
    added = (text for text, when in procedure.bring_if if any(evaluate(when, draft, i).value for i in subjects))
    return tuple(dict.fromkeys((*procedure.definition.bring, *added)))


def _reasons(base: tuple[ReasonLine, ...], household: tuple[ReasonLine, ...],
             members: tuple[ReasonLine | None, ...]) -> tuple[ReasonLine, ...]:
    """The household's reasons and each member's; the event alone when nothing else decided it."""
    said = tuple(r for r in members if r)
    return (*household, *said) if household or said else base


def _member_reason(draft: Draft, index: int, verdict: Verdict) -> ReasonLine | None:
    """「山田　キヨ: 76歳、後期高齢者医療に加入中」, or None when only being concerned decided it."""
    phrases = tuple(p for line in verdict.said for p in line.phrases)
    named = draft.get(member_path(index, "family")) or draft.get(member_path(index, "given"))
    return ReasonLine(phrases, index, member_name(draft, index) if named else "") if phrases else None
