"""The visit controller on its own (issue 11): the real case service, and a fake visit service
that only records what the controller asks it to do (the visit log is tested in tests/services)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.domain.visit_session import VisitSession
from kakanai.qr.payload import encode_document
from kakanai.services.casework import Casework
from kakanai.ui.visit_controller import VisitController
from tests.conftest import household_doc
from tests.ui.conftest import family_doc


class FakeVisits:
    """Stands in for VisitService: hands out sessions and keeps a list of every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.count = 0

    def start(self, ticket: str = "") -> VisitSession:
        self.count += 1
        session = VisitSession(f"V{self.count}", datetime(2026, 6, 15, tzinfo=UTC), ticket=ticket)
        self.calls.append(("start", ticket))
        return session

    def __getattr__(self, name: str) -> Any:
        return lambda session, *args: self.calls.append((name, (session.visit_id, *args)))

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


@pytest.fixture
def visits() -> FakeVisits:
    return FakeVisits()


@pytest.fixture
def controller(qapp, catalog: Catalog, visits: FakeVisits) -> VisitController:  # type: ignore[no-untyped-def]
    return VisitController(Casework(catalog), visits)  # type: ignore[arg-type]


def test_a_broken_code_is_refused_in_japanese_and_identifies_nothing(controller: VisitController, qtbot,
                                                                     visits: FakeVisits) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(controller.refused) as refused:
        assert controller.scanned("HELLO123") is False
    assert "QRコードの形式が違います" in refused.args[0]
    assert visits.names() == [] and controller.session is None  # no visit for a code nobody can read


def test_a_family_code_is_read_identified_and_goes_to_the_household(controller: VisitController, qtbot,
                                                                     visits: FakeVisits) -> None:  # type: ignore[no-untyped-def]
    steps: list[str] = []
    controller.step_changed.connect(steps.append)
    with qtbot.waitSignal(controller.read) as read:
        assert controller.scanned(encode_document(family_doc())) is True
    assert read.args == ["読み取りました: 転入　4人"]
    assert ("identify", ("V1", "move_in", 4)) in visits.calls
    assert steps[-1] == "household" and len(controller.plan().items) == 12


def test_a_second_household_code_is_never_taken_without_the_clerk(controller: VisitController, qtbot,
                                                                    visits: FakeVisits) -> None:  # type: ignore[no-untyped-def]
    # Given the 山田 family's visit with a correction
    controller.scanned(encode_document(household_doc("family_move_in")))
    assert controller.answer("phone", "090-9999-0000") == ""
    first = controller.session
    # When another household's code is scanned, Then the controller asks (the window shows who)
    with qtbot.waitSignal(controller.other_household) as asked:
        controller.scanned(encode_document(household_doc("single_move_within")))
    assert controller.session is first and first.answers == {"phone": "090-9999-0000"}
    # And when the clerk confirms, the first visit waits suspended and the new one has its own id
    controller.take_other(asked.args[0])
    assert ("suspend", ("V1",)) in visits.calls and controller.session.visit_id == "V2"
    assert controller.household().household.members[0].family == "佐藤"


def test_a_refused_answer_says_why_and_is_not_saved(controller: VisitController, visits: FakeVisits) -> None:
    controller.start()
    saved = visits.names().count("save")
    assert controller.answer("member_count", "²") == "1から20までの数を入力してください"
    assert visits.names().count("save") == saved
    assert controller.answer("member_count", "2") == "" and visits.names().count("save") == saved + 1


def test_a_bundle_made_before_a_change_is_thrown_away(controller: VisitController, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller.scanned(encode_document(household_doc("single_move_within")))
    controller.render(date(2026, 6, 15))
    controller.toggle("juminido_move_within", False)  # the clerk changes the plan while it renders
    qtbot.wait(500)
    assert controller.bundle is None
    with qtbot.waitSignal(controller.bundle_ready, timeout=20_000):
        controller.render(date(2026, 6, 15))
    assert controller.bundle is not None and "juminido" not in [f.form_id for f in controller.bundle.report.forms]


def test_visits_left_by_a_crash_are_parked_or_closed_through_the_controller(controller: VisitController,
                                                                             visits: FakeVisits) -> None:
    crashed = [VisitSession(f"C{i}", datetime(2026, 6, 15, tzinfo=UTC)) for i in range(2)]
    controller.park_crashed(crashed[0])
    controller.close_crashed(crashed[1])
    assert visits.calls == [("recover", ("C0",)), ("suspend", ("C0",)), ("abandon", ("C1",))]


def test_finishing_ends_the_visit_and_returns_to_the_start(controller: VisitController, visits: FakeVisits) -> None:
    steps: list[str] = []
    controller.step_changed.connect(steps.append)
    controller.scanned(encode_document(household_doc("birth")))
    controller.finish()
    assert ("finish", ("V1",)) in visits.calls and controller.session is None and steps[-1] == "start"
