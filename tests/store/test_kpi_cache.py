"""The KPI cache gives today's SQL figures (store/kpi.py) on generated logs, on SQLite and PostgreSQL,
whatever wrote the log: events through the visit log, corrections, a bulk load, an upgrade."""

from __future__ import annotations

import json
import random
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, text

from bench.visits_bench import generate, load_postgresql, load_sqlite
from kakanai.domain.visits import Kind, VisitEvent
from kakanai.services.supervisor import KpiService
from kakanai.store import kpi, kpi_cache
from kakanai.store.db import make_engine, upgrade
from kakanai.store.kpi import DIMENSIONS, KpiFilter, KpiSettings, Stat
from kakanai.store.kpi_figures import Figures, select
from kakanai.store.visit_log import VisitLog
from tests.visit_factory import visit_events

SETTINGS = KpiSettings(target_minutes=12, baseline_default_minutes=6,
                       baseline_minutes={"a": 20, "juminido_move_in": 25})
SECRET = b"secret"
OFFICES = {"本庁": ("1番窓口", "2番窓口", "10番窓口"), "北支所": ("1番窓口", "2番窓口")}
EVENTS = ("move_in", "move_out", "move_within", "birth", "death", "marriage")


def random_visit(rng: random.Random, n: int, day: date) -> list[VisitEvent]:
    """One visit of many shapes: pauses, printing, late finishes, cancellations, force-ends, odd seconds."""
    office = rng.choice(list(OFFICES))
    start = datetime(day.year, day.month, day.day, rng.randint(8, 16), rng.randint(0, 59), rng.randint(0, 59),
                     rng.randint(0, 999_999))
    if rng.random() < 0.03:
        start = start.replace(hour=23, minute=50)  # crosses midnight: timing not trusted
    states = ["serving", *rng.sample(["suspended", "serving", "printing", "signing"], rng.randint(0, 4))]
    segments = tuple((state, round(rng.lognormvariate(5.5, 0.7), rng.choice((0, 3, 6)))) for state in states)
    end = rng.choices([Kind.FINISHED, Kind.CANCELLED, Kind.FORCE_ENDED], [0.9, 0.07, 0.03])[0]
    procedures = tuple(rng.sample("abcdef", rng.randint(0, 4))) + (("a",) if rng.random() < 0.05 else ())
    return visit_events(f"v{n}", start=start, office=office, counter=rng.choice(OFFICES[office]),
                        clerk=f"c{rng.randint(1, 9)}", event=rng.choice(EVENTS), segments=segments,
                        wait=rng.choice((None, rng.uniform(0, 3000))), procedures=procedures,
                        forms=rng.randint(0, 9), end=end)


def appended_log(url: str, visits: int = 400, days: int = 12, seed: int = 7) -> VisitLog:
    """A log written event by event through `VisitLog.append`, as the outbox forwarder does."""
    upgrade(url)
    log, rng = VisitLog(make_engine(url)), random.Random(seed)
    first = date(2026, 4, 1)
    for n in range(visits):
        log.append(random_visit(rng, n, first + timedelta(days=rng.randrange(days))))
    return log


def by_group(stats: list[Stat]) -> dict[str, Stat]:
    return {s.group: s for s in stats}


def assert_same_stats(cached: list[Stat], reference: list[Stat]) -> None:
    """Counts and order statistics identical; means and shares equal but for the order of a float sum."""
    assert by_group(cached).keys() == by_group(reference).keys()
    for group, ref in by_group(reference).items():
        got = by_group(cached)[group]
        assert (got.visits, got.median, got.p90, got.max) == (ref.visits, ref.median, ref.p90, ref.max), group
        assert got.mean == pytest.approx(ref.mean, rel=1e-12) and got.over_target == pytest.approx(ref.over_target)


def assert_same_figures(engine: Engine, flt: KpiFilter) -> None:
    """Every figure of the dashboard, `kakanai report` and the exports, cache against today's SQL."""
    cache = KpiService(engine, SETTINGS, SECRET, procedure_titles={"a": "転入届"}, rebuild_inline_days=10_000)
    sql = KpiService(engine, SETTINGS, SECRET, procedure_titles={"a": "転入届"}, source="sql")
    for dimension in [*DIMENSIONS, "all"]:
        assert_same_stats(cache.handling_by(dimension, flt), sql.handling_by(dimension, flt))
    got, ref = cache.overview(flt), sql.overview(flt)
    assert (got.visits, got.cancelled, got.inaccurate) == (ref.visits, ref.cancelled, ref.inaccurate)
    assert got.forms_per_visit == pytest.approx(ref.forms_per_visit, rel=1e-12)
    assert got.mean_wait == (None if ref.mean_wait is None else pytest.approx(ref.mean_wait, rel=1e-12))
    assert got.time_saved_seconds == pytest.approx(ref.time_saved_seconds, rel=1e-12, abs=1e-6)
    assert_same_stats([got.handling], [ref.handling])
    assert cache.histogram(flt) == sql.histogram(flt)
    cached_tables, reference_tables = cache.export_tables(flt), sql.export_tables(flt)
    assert cached_tables.keys() == reference_tables.keys()
    for name, rows in reference_tables.items():  # 職員別 and 手続別 included; PostgreSQL may sort names otherwise
        assert sorted(cached_tables[name], key=repr) == sorted(rows, key=repr), name


def filters(first: date, last: date, clerk: str, counter: str, event: str) -> list[KpiFilter]:
    return [KpiFilter(first, last), KpiFilter(first, first), KpiFilter(first, last, office="北支所"),
            KpiFilter(first, last, counter=counter), KpiFilter(first, last, clerk=clerk, event=event),
            KpiFilter(first, last, office="本庁", counter=counter, event=event),
            KpiFilter(first, last, office="どこにもない庁舎"), KpiFilter(last + timedelta(days=400), last + timedelta(days=401))]


# -- the comparison on generated logs -------------------------------------------------------------

def test_a_log_written_event_by_event_gives_the_same_figures(db_url: str) -> None:
    # Given 400 visits of every shape appended through the visit log
    log = appended_log(db_url)
    # When every stale day is rebuilt, Then the cache gives today's figures for every filter
    assert kpi_cache.rebuild_stale(log.engine) == 12  # a visit belongs to the day it started
    assert kpi_cache.stale_days(log.engine) == []
    for flt in filters(date(2026, 4, 1), date(2026, 4, 12), "c3", "2番窓口", "birth"):
        assert_same_figures(log.engine, flt)


def test_a_bulk_loaded_year_gives_the_same_figures(db_url: str) -> None:
    # Given the benchmark's city, two months of it, bulk-loaded behind the visit log's back
    upgrade(db_url)
    engine = make_engine(db_url)
    (load_sqlite if db_url.startswith("sqlite") else load_postgresql)(engine, generate(6000, date(2025, 3, 1),
                                                                                       date(2025, 4, 30)))
    # Then the loader marked every day stale, and the rebuilt cache gives today's figures
    assert len(kpi_cache.stale_days(engine)) == 43  # the open days of March and April
    kpi_cache.rebuild_stale(engine)
    for flt in filters(date(2025, 3, 1), date(2025, 4, 30), "k0100", "3番窓口", "death"):
        assert_same_figures(engine, flt)


def test_corrections_and_late_events_move_visits_between_days_offices_and_events(db_url: str) -> None:
    # Given a clean cache over an appended log
    log = appended_log(db_url, visits=120, days=3)
    kpi_cache.rebuild_stale(log.engine)
    whole = KpiFilter(date(2026, 4, 1), date(2026, 4, 5))
    before = KpiService(log.engine, SETTINGS, SECRET).overview(whole)
    # When corrections change an office, an event and a clerk, and a late event changes a visit's day
    at = datetime(2026, 4, 2, 12).astimezone()
    log.append([VisitEvent("v1", Kind.CORRECTION, at, {"field": "office", "value": "北支所"}),
                VisitEvent("v2", Kind.CORRECTION, at, {"field": "event", "value": "death"}),
                VisitEvent("v3", Kind.CORRECTION, at, {"field": "clerk_id", "value": "c99"})])
    first_start = min(e.at for e in log.events("v4") if e.kind is Kind.STARTED)
    log.append([VisitEvent("v4", Kind.STARTED, first_start - timedelta(days=1))])  # started a day earlier
    log.append(visit_events("late", start=datetime(2026, 4, 3, 9), segments=(("serving", 321.5),)))
    # Then the days they touched are stale, and the figures are today's again (rebuilt on reading)
    assert kpi_cache.stale_days(log.engine)
    assert_same_figures(log.engine, whole)
    assert KpiService(log.engine, SETTINGS, SECRET).overview(whole) != before
    assert kpi_cache.stale_days(log.engine, whole.start, whole.end) == []
    assert kpi_cache.stale_days(log.engine) == ["2026-03-31"]  # v4's new day: rebuilt when asked for


def test_an_upgraded_log_has_every_day_stale_until_rebuilt(db_url: str) -> None:
    # Given a log at revision 0001 (before the cache), bulk-loaded
    upgrade(db_url, "0001")
    engine = make_engine(db_url)
    (load_sqlite if db_url.startswith("sqlite") else load_postgresql)(engine, generate(800, date(2025, 4, 1),
                                                                                       date(2025, 4, 20)))
    # When it is upgraded
    upgrade(db_url)
    # Then every day with visits is stale, and rebuilt they give today's figures
    with engine.connect() as connection:
        days = connection.execute(text("SELECT COUNT(DISTINCT local_day) FROM visits")).scalar()
    assert len(kpi_cache.stale_days(engine)) == days == 14
    kpi_cache.rebuild_stale(engine)
    assert_same_figures(engine, KpiFilter(date(2025, 4, 1), date(2025, 4, 20)))


def test_a_write_during_a_rebuild_leaves_the_day_stale(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given one stale day
    log = appended_log(db_url, visits=20, days=1)
    real_pack = kpi_cache.pack_day
    writes = iter([visit_events("during", start=datetime(2026, 4, 1, 15), segments=(("serving", 777.0),))])

    def pack_while_a_counter_writes(*args: Any) -> dict[str, Any]:
        for events in writes:  # after the rebuild has read the day, before it clears the mark
            log.append(events)
        return real_pack(*args)

    monkeypatch.setattr(kpi_cache, "pack_day", pack_while_a_counter_writes)
    # When a counter's visit of that day arrives during the rebuild
    kpi_cache.rebuild_day(log.engine, "2026-04-01")
    # Then the day is still stale, and the next rebuild counts that visit
    assert kpi_cache.stale_days(log.engine) == ["2026-04-01"]
    monkeypatch.setattr(kpi_cache, "pack_day", real_pack)
    assert_same_figures(log.engine, KpiFilter(date(2026, 4, 1), date(2026, 4, 1)))


def test_rows_of_an_older_layout_are_rebuilt(db_url: str) -> None:
    log = appended_log(db_url, visits=30, days=2)
    kpi_cache.rebuild_stale(log.engine)
    with log.engine.begin() as connection:
        connection.execute(text("UPDATE kpi_days SET format = 0 WHERE local_day = '2026-04-02'"))
    assert kpi_cache.stale_days(log.engine) == ["2026-04-02"]
    assert_same_figures(log.engine, KpiFilter(date(2026, 4, 1), date(2026, 4, 2)))
    assert kpi_cache.stale_days(log.engine) == []


def test_open_visits_leave_the_cache_alone(db_url: str) -> None:
    log = appended_log(db_url, visits=5, days=1)
    kpi_cache.rebuild_stale(log.engine)
    events = visit_events("serving", start=datetime(2026, 4, 1, 16), segments=(("serving", 60.0),))
    log.append(events[:-1])  # opened, started, procedures: still being served
    assert kpi_cache.stale_days(log.engine) == []
    log.append(events[-1:])  # finished
    assert kpi_cache.stale_days(log.engine) == ["2026-04-01"]


def test_a_day_too_busy_for_16_bit_indexes_gives_the_same_figures(db_url: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Given rows whose timed visits outnumber what a 16-bit index holds (lowered here from 65,536 to 5)
    monkeypatch.setattr(kpi_cache, "SMALL_INDEX_LIMIT", 5)
    log = appended_log(db_url, visits=60, days=3)
    kpi_cache.rebuild_stale(log.engine)
    with log.engine.connect() as connection:
        kinds = {json.loads(labels)["index"] for labels in connection.execute(text("SELECT labels FROM kpi_days")).scalars()}
    assert kinds == {"<u4"}
    # Then their procedures still go to the right visits, alone and with the days of 16-bit rows
    assert_same_figures(log.engine, KpiFilter(date(2026, 4, 1), date(2026, 4, 3)))
    monkeypatch.setattr(kpi_cache, "SMALL_INDEX_LIMIT", 1 << 16)
    with log.engine.begin() as connection:
        kpi_cache.mark_dirty(connection, ["2026-04-02"])
    assert_same_figures(log.engine, KpiFilter(date(2026, 4, 1), date(2026, 4, 3)))


def test_breakdowns_worked_out_at_once_on_several_threads_agree_with_sql(db_url: str) -> None:
    # Given a period loaded once, its columns not yet decoded (the dashboard keeps it for the tabs)
    log = appended_log(db_url, visits=300, days=6)
    kpi_cache.rebuild_stale(log.engine)
    flt = KpiFilter(date(2026, 4, 1), date(2026, 4, 6))
    figures = Figures(select(kpi_cache.load(log.engine, flt.start, flt.end), flt), SETTINGS)
    dimensions = ["clerk", "counter", "procedure", "event", "clerk", "procedure"]
    start = threading.Barrier(len(dimensions))

    def breakdown(dimension: str) -> list[Stat]:
        start.wait()  # every thread decodes (and names) columns at the same moment
        return figures.handling_by(dimension)

    # When each breakdown is worked out on its own thread at the same time (threads switched very often)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(len(dimensions)) as pool:
            results = list(pool.map(breakdown, dimensions))
    finally:
        sys.setswitchinterval(interval)
    # Then every one names its groups as today's SQL does
    for dimension, stats in zip(dimensions, results):
        assert_same_stats(stats, kpi.handling_by(log.engine, dimension, flt, SETTINGS))
