"""KPIs on a fixture log, checked against figures worked out by hand, on both databases."""

from __future__ import annotations

from datetime import date

import pytest

from kakanai.store.db import make_engine, upgrade
from kakanai.store.kpi import KpiFilter, KpiSettings, handling_by, overview, pseudonym
from kakanai.store.visit_log import VisitLog
from tests.visit_factory import kpi_fixture_visits

SETTINGS = KpiSettings(target_minutes=15, baseline_default_minutes=6, baseline_minutes={"a": 20})
DAY = KpiFilter(date(2026, 4, 1), date(2026, 4, 1))


@pytest.fixture
def engine(db_url: str):  # type: ignore[no-untyped-def]
    upgrade(db_url)
    log = VisitLog(make_engine(db_url))
    for events in kpi_fixture_visits():
        log.append(events)
    return log.engine


def _table(stats):  # type: ignore[no-untyped-def]
    return {s.group: (s.visits, s.mean, s.median, s.p90, s.max, s.over_target) for s in stats}


def test_overall_handling_time(engine) -> None:  # type: ignore[no-untyped-def]
    assert _table(handling_by(engine, "all", DAY, SETTINGS)) == {"all": (4, 900, 600, 1500, 1500, 0.5)}


def test_handling_time_by_event(engine) -> None:  # type: ignore[no-untyped-def]
    assert _table(handling_by(engine, "event", DAY, SETTINGS)) == {
        "birth": (1, 1500, 1500, 1500, 1500, 1.0),
        "move_in": (2, 900, 600, 1200, 1200, 0.5),
        "move_within": (1, 300, 300, 300, 300, 0.0),
    }


def test_handling_time_by_clerk_counter_and_hour(engine) -> None:  # type: ignore[no-untyped-def]
    assert _table(handling_by(engine, "clerk", DAY, SETTINGS)) == {
        "c1": (2, 450, 300, 600, 600, 0.0), "c2": (2, 1350, 1200, 1500, 1500, 1.0)}
    assert _table(handling_by(engine, "counter", DAY, SETTINGS)) == {
        "1": (2, 450, 300, 600, 600, 0.0), "2": (2, 1350, 1200, 1500, 1500, 1.0)}
    assert _table(handling_by(engine, "hour", DAY, SETTINGS)) == {
        "9": (2, 900, 600, 1200, 1200, 0.5), "10": (2, 900, 300, 1500, 1500, 0.5)}


def test_handling_time_by_procedure_shares_a_visit_equally(engine) -> None:  # type: ignore[no-untyped-def]
    assert _table(handling_by(engine, "procedure", DAY, SETTINGS)) == {
        "a": (3, 750, 750, 1200, 1200, 1 / 3), "b": (1, 300, 300, 300, 300, 0.0),
        "c": (1, 300, 300, 300, 300, 0.0), "d": (1, 750, 750, 750, 750, 0.0)}


def test_handling_time_by_day_over_a_range(engine) -> None:  # type: ignore[no-untyped-def]
    two_days = KpiFilter(date(2026, 4, 1), date(2026, 4, 2))
    assert {s.group: s.visits for s in handling_by(engine, "day", two_days, SETTINGS)} == {
        "2026-04-01": 4, "2026-04-02": 1}


def test_overview_counts_excluded_visits_and_time_saved(engine) -> None:  # type: ignore[no-untyped-def]
    o = overview(engine, DAY, SETTINGS)
    assert (o.visits, o.cancelled, o.inaccurate) == (4, 1, 2)
    assert o.forms_per_visit == 3.25 and o.mean_wait == 450
    # baseline: 3 × 「a」 20 min + 3 others × 6 min = 4680 s, minus 3600 s handled
    assert o.time_saved_seconds == 1080


def test_filters_narrow_the_visits(engine) -> None:  # type: ignore[no-untyped-def]
    only_c2 = KpiFilter(date(2026, 4, 1), date(2026, 4, 1), clerk="c2", event="birth")
    assert _table(handling_by(engine, "all", only_c2, SETTINGS)) == {"all": (1, 1500, 1500, 1500, 1500, 1.0)}


def test_clerk_pseudonyms_are_stable_and_hide_the_id() -> None:
    assert pseudonym("c1", b"k") == pseudonym("c1", b"k") != pseudonym("c2", b"k")
    assert "c1" not in pseudonym("c1", b"k") and pseudonym("c1", b"k") != pseudonym("c1", b"other")
