"""A visit's plan is made once per content of what the planner reads, and every change gives the new plan.

The counter window asks for the plan dozens of times per redraw; the visit keeps the last one
(`PlanMemo`) keyed on the catalog, the visit day and the draft's content, so no change can leave
an old plan behind. Each test compares the visit's plan with the planner run afresh.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.interview import Interview
from kakanai.domain.planner import Plan, plan
from kakanai.domain.visit_session import VisitSession, item_key
from tests.conftest import household_doc

MOVE_IN_DAY = datetime(2026, 4, 1, 10, tzinfo=UTC)


def _family_visit(started: datetime = MOVE_IN_DAY) -> VisitSession:
    """The family of four (太郎, 花子, 翔太, キヨ) moving in, scanned at the counter."""
    draft = draft_from_household(parse_household(household_doc("family_move_in")).household)
    return VisitSession("V1", started, base=draft)


def _fresh(session: VisitSession, catalog: Catalog) -> Plan:
    """The rules' plan computed from scratch, without the visit's memo."""
    added = {pid: tuple(session.added_for.get(pid, ())) for pid in session.added}
    interview = Interview(catalog, session.base, added, session.started_at.astimezone().date())
    interview.answers = dict(session.answers)
    return plan(interview.draft, catalog, interview.visit_date)


def _lines(p: Plan) -> list[tuple[str, tuple[int, ...], bool]]:
    return [(i.id, i.subjects, i.late) for i in p.items]


def test_a_redraw_asks_many_times_and_the_plan_is_made_once(catalog: Catalog) -> None:
    visit = _family_visit()
    for _ in range(30):
        visit.interview(catalog).questions()
        visit.interview(catalog).remaining()
        visit.final_plan(catalog)
    assert visit.plans.computed == 1
    assert _lines(visit.interview(catalog).plan()) == _lines(_fresh(visit, catalog))


def test_an_answer_changing_the_insurance_gives_the_new_plan(catalog: Catalog) -> None:
    visit = _family_visit()
    before = _lines(visit.final_plan(catalog))
    # the clerk corrects 太郎's insurance read from the code: he has joined his employer's insurance
    visit.interview(catalog).answer("members[0].insurance", "employee")  # the answers are shared, changed in place
    after = visit.final_plan(catalog)
    assert _lines(after) != before
    assert _lines(visit.interview(catalog).plan()) == _lines(_fresh(visit, catalog))
    # and back again: the old plan again, made anew
    visit.interview(catalog).answer("members[0].insurance", "nhi")
    assert _lines(visit.final_plan(catalog)) == before
    assert visit.plans.computed == 3


def test_a_new_code_replacing_the_household_gives_its_plan(catalog: Catalog) -> None:
    visit = _family_visit()
    visit.final_plan(catalog)
    doc = household_doc("family_move_in")
    doc["members"] = doc["members"][:1]  # 太郎 alone this time
    visit.base = draft_from_household(parse_household(doc).household)
    assert _lines(visit.interview(catalog).plan()) == _lines(_fresh(visit, catalog))
    assert all(subject == 0 for line in _lines(visit.final_plan(catalog)) for subject in line[1])


def test_a_dropped_and_an_added_procedure_each_change_the_final_plan(catalog: Catalog) -> None:
    visit = _family_visit()
    planned = visit.final_plan(catalog).items
    dropped = item_key(planned[-1])
    visit.toggle(dropped, False)
    assert dropped not in [item_key(i) for i in visit.final_plan(catalog).items]
    visit.toggle(dropped, True)
    assert [item_key(i) for i in visit.final_plan(catalog).items] == [item_key(i) for i in planned]
    extra = next(p.id for p in catalog.procedures if p.id not in {i.id for i in planned})
    visit.toggle(extra, True)
    assert extra in [i.id for i in visit.final_plan(catalog).items]
    assert _lines(visit.interview(catalog).plan()) == _lines(_fresh(visit, catalog))


def test_a_later_visit_day_gives_the_plan_of_that_day(catalog: Catalog) -> None:
    visit = _family_visit()
    on_time = _lines(visit.final_plan(catalog))
    visit.started_at = datetime(2026, 12, 1, 10, tzinfo=UTC)  # the same family, eight months late
    late = _lines(visit.final_plan(catalog))
    assert late != on_time and any(flag for *_, flag in late)
    assert _lines(visit.interview(catalog).plan()) == _lines(_fresh(visit, catalog))


def test_the_memo_is_not_part_of_the_saved_visit(catalog: Catalog) -> None:
    visit = _family_visit()
    visit.final_plan(catalog)
    data = visit.to_dict()
    assert "plans" not in data
    again = VisitSession.from_dict(data)
    assert again == visit and again.plans.computed == 0
