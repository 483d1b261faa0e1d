"""Load a year of a large city's visits into SQLite and PostgreSQL, then time the dashboard queries.

    python -m bench.visits_bench [--visits 1000000] [--runs 3] [--only sqlite|postgresql]

The city: 3 offices (本庁 18 counters, 北支所 and 南支所 6 each), 120 clerks, open 8:30–17:15 on
weekdays (closed 29 Dec–3 Jan), busier on Mondays and in the March–April moving season; the six
life events in a realistic mix, each with the catalog's procedures (the core notification and a
random share of the related ones), lognormal handling and waiting times, 2 % cancelled and 0.5 %
force-ended. Counters are not modelled as busy: with 30 counters, a million visits a year would
overlap at one counter; the KPI queries do not care.

The load writes rows straight into the projection tables ``visits`` and ``visit_procedures``
(executemany on SQLite, COPY on PostgreSQL). **No events are generated for the bulk load**:
the KPIs read only the projection, and replaying a million visits' events through
``VisitLog.append`` would take hours, not seconds. PostgreSQL (a private server from
tests/pg_server.py, default settings) is ANALYZEd after the load, as autovacuum would; SQLite is
left as the app leaves it. Each query is timed on a month (the last, busiest one) and on the
whole year: median of ``--runs`` runs (the first, cold run included). "dashboard screen" is what one
refresh of the dashboard runs (overview, by hour, event, day, histogram); clerk and procedure are
for exports and ``kakanai report``. When the Alembic chain has revisions
after 0001 (KPI indexes), every figure is measured at 0001 and again at head.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import partial
from pathlib import Path

from sqlalchemy import Engine

from kakanai.domain.catalog import load_catalog
from kakanai.domain.visits import JST
from kakanai.resources import forms_dir
from kakanai.services.supervisor import KpiService
from kakanai.store.db import current_revision, make_engine, upgrade
from kakanai.store.kpi_cache import mark_all_dirty
from kakanai.store.kpi import KpiFilter, KpiSettings, handling_by, overview

FIRST_DAY = date(2025, 4, 1)
OFFICES = {"本庁": 18, "北支所": 6, "南支所": 6}
OFFICE_WEIGHTS = (0.6, 0.2, 0.2)
CLERKS = {"本庁": 72, "北支所": 24, "南支所": 24}
EVENTS = {  # event: (share of visits, median handling minutes, core procedure)
    "move_in": (0.30, 11.0, "juminido_move_in"), "move_out": (0.24, 6.0, "juminido_move_out"),
    "move_within": (0.24, 8.0, "juminido_move_within"), "birth": (0.08, 10.0, "birth_registration"),
    "death": (0.07, 16.0, "death_registration"), "marriage": (0.07, 6.0, "marriage_registration"),
}
MONTH_WEIGHT = {1: 0.9, 2: 1.0, 3: 1.8, 4: 1.9, 5: 1.0, 6: 0.9, 7: 0.9, 8: 0.9, 9: 0.95, 10: 1.0, 11: 0.85, 12: 0.9}
WEEKDAY_WEIGHT = (1.25, 1.0, 0.95, 0.95, 1.1)
# 15-minute start slots from 8:30 to 17:00: a morning peak, a lunch dip, an afternoon peak
SLOT_WEIGHT = (6, 9, 10, 10, 10, 9, 9, 8, 8, 7, 5, 4, 4, 5, 7, 8, 8, 8, 7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1)
VISIT_COLUMNS = ("id", "office", "counter", "clerk_id", "event", "household_size", "ticket", "status", "started_at",
                 "ended_at", "wait_seconds", "handling_seconds", "serving_seconds", "suspended_seconds",
                 "printing_seconds", "signing_seconds", "forms", "procedure_count", "inaccurate", "local_day",
                 "local_hour")
PROCEDURE_COLUMNS = ("visit_id", "procedure_id", "share_seconds", "added_by_clerk")


@dataclass
class Generated:
    """Rows for the two projection tables, in the column order above."""

    visits: list[tuple] = field(default_factory=list)
    procedures: list[tuple] = field(default_factory=list)


def open_days(first: date, last: date) -> list[date]:
    """The office's open days: weekdays except 29 December – 3 January."""
    days = []
    for n in range((last - first).days + 1):
        day = first + timedelta(days=n)
        year_end = (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)
        if day.weekday() < 5 and not year_end:
            days.append(day)
    return days


def visits_per_day(days: list[date], total: int) -> list[int]:
    """Split ``total`` visits over the days by season and weekday."""
    weights = [MONTH_WEIGHT[d.month] * WEEKDAY_WEIGHT[d.weekday()] for d in days]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for n in range(total - sum(counts)):
        counts[n % len(counts)] += 1
    return counts


def related_procedures() -> dict[str, list[str]]:
    """Per life event, the catalog's procedures other than the core notification."""
    catalog = load_catalog(forms_dir())
    cores = {core for _, _, core in EVENTS.values()}
    return {event: [p.id for p in catalog.procedures if event in p.definition.events and p.id not in cores]
            for event in EVENTS}


class CityModel:
    """Draws visits one at a time from the city's distributions (deterministic for a seed)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.related = related_procedures()
        self.events = list(EVENTS)
        self.event_weights = [EVENTS[e][0] for e in self.events]
        self.offices = list(OFFICES)
        self.counters = {o: [f"{n}番窓口" for n in range(1, k + 1)] for o, k in OFFICES.items()}
        first = 1
        self.clerks: dict[str, list[str]] = {}
        for office, k in CLERKS.items():
            self.clerks[office] = [f"k{n:04d}" for n in range(first, first + k)]
            first += k
        self.serial = 0

    def day(self, day: date, count: int, out: Generated, busy: float = 1.0) -> None:
        """Append ``count`` visits starting on ``day`` (``busy`` lengthens the waits)."""
        rng = self.rng
        slots = rng.choices(range(len(SLOT_WEIGHT)), weights=SLOT_WEIGHT, k=count)
        opening = datetime(day.year, day.month, day.day, 8, 30, tzinfo=JST)
        for slot in slots:
            start = opening + timedelta(seconds=slot * 900 + rng.random() * 900)
            self.visit(start, out, busy)

    def visit(self, start: datetime, out: Generated, busy: float) -> None:
        """Append one visit starting at ``start`` (office-local, aware)."""
        rng = self.rng
        self.serial += 1
        vid = f"{self.serial:032x}"
        event = rng.choices(self.events, self.event_weights)[0]
        office = rng.choices(self.offices, OFFICE_WEIGHTS)[0]
        status = rng.choices(("finished", "cancelled", "force_ended"), (0.975, 0.02, 0.005))[0]
        core = EVENTS[event][2]
        procs = [core, *(p for p in self.related[event] if rng.random() < 0.3)] if status != "cancelled" else []
        median = EVENTS[event][1] * (1 + 0.08 * len(procs))
        handling = min(10800.0, 60 * rng.lognormvariate(math.log(median), 0.45))
        if status == "cancelled":
            handling = 60 * rng.uniform(1, 6)
        suspended = 60 * rng.lognormvariate(math.log(5), 0.6) if rng.random() < 0.08 else 0.0
        forms = len(procs) + sum(1 for _ in procs if rng.random() < 0.25)
        printing = min(handling * 0.2, 20.0 + 8.0 * forms) if procs else 0.0
        signing = min(handling * 0.2, rng.uniform(40, 150)) if procs else 0.0
        wait = 60 * busy * rng.lognormvariate(math.log(9), 0.7) if rng.random() < 0.85 else None
        utc_start = start.astimezone(timezone.utc)
        end = utc_start + timedelta(seconds=handling + suspended)
        out.visits.append((
            vid, office, rng.choice(self.counters[office]), rng.choice(self.clerks[office]), event,
            rng.choice((1, 1, 1, 2, 2, 3, 4, 5)), f"{self.serial % 1000:03d}", status, utc_start, end, wait,
            handling, handling - printing - signing, suspended, printing, signing, forms, len(procs),
            "force_ended" if status == "force_ended" else "", start.date().isoformat(), start.hour))
        share = handling / len(procs) if procs else 0.0
        out.procedures.extend((vid, p, share, rng.random() < 0.05) for p in procs)


def generate(total: int, first: date = FIRST_DAY, last: date | None = None, seed: int = 20250401) -> Generated:
    """``total`` visits spread over the open days from ``first`` to ``last`` (default: one year)."""
    last = last or first.replace(year=first.year + 1) - timedelta(days=1)
    model, out = CityModel(seed), Generated()
    days = open_days(first, last)
    for day, count in zip(days, visits_per_day(days, total)):
        model.day(day, count, out, busy=MONTH_WEIGHT[day.month])
    return out


# -- loading --------------------------------------------------------------------------------------

def _sqlite_time(value: datetime) -> str:
    """A UTC time the way SQLAlchemy stores it in SQLite (naive ISO text)."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


def load_sqlite(engine: Engine, data: Generated) -> None:
    """Bulk-insert the rows with executemany in one transaction (foreign keys unchecked: the rows are
    consistent by construction)."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        rows = ((*r[:8], _sqlite_time(r[8]), _sqlite_time(r[9]), *r[10:]) for r in data.visits)
        cursor.executemany(_insert_sql("visits", VISIT_COLUMNS), rows)
        cursor.executemany(_insert_sql("visit_procedures", PROCEDURE_COLUMNS), data.procedures)
        raw.commit()
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        raw.close()
    _mark_stale(engine)


def _mark_stale(engine: Engine) -> None:
    """After a load that bypassed `VisitLog`, mark every day stale for the KPI cache (when the schema
    has one: a log loaded at 0001 gets its days marked by the upgrade to 0002)."""
    if current_revision(engine) not in (None, "0001"):
        mark_all_dirty(engine)


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def load_postgresql(engine: Engine, data: Generated) -> None:
    """Bulk-load the rows with COPY, then ANALYZE (as autovacuum would after a big load). The foreign-key
    triggers are off for the load (session_replication_role, superuser): the rows are consistent by
    construction, and checking 3.4 million references doubles the load time."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("SET session_replication_role = replica")
        for table, columns, rows in (("visits", VISIT_COLUMNS, data.visits),
                                     ("visit_procedures", PROCEDURE_COLUMNS, data.procedures)):
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        raw.commit()
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("ANALYZE visits")
        cursor.execute("ANALYZE visit_procedures")
        raw.commit()
    finally:
        raw.close()
    _mark_stale(engine)


# -- timing ---------------------------------------------------------------------------------------

SETTINGS = KpiSettings()
def _by(dimension: str) -> Callable[[Engine, KpiFilter], object]:
    return lambda engine, flt: handling_by(engine, dimension, flt, SETTINGS)


QUERIES: dict[str, Callable[[Engine, KpiFilter], object]] = {
    "overview": lambda engine, flt: overview(engine, flt, SETTINGS),
    **{f"by {d}": _by(d) for d in ("event", "hour", "day", "clerk", "procedure")},
    "histogram": lambda engine, flt: KpiService(engine, SETTINGS, b"").histogram(flt),
}
SCREEN = ("overview", "by hour", "by event", "by day", "histogram")  # what one dashboard refresh runs


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls (the first, cold one included)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_queries(engine: Engine, periods: dict[str, KpiFilter], runs: int) -> dict[tuple[str, str], float]:
    """Median seconds per (query, period), plus one dashboard refresh and all queries per period."""
    results = {}
    for period, flt in periods.items():
        for name, query in QUERIES.items():
            results[(name, period)] = median_seconds(partial(query, engine, flt), runs)
        results[("dashboard screen", period)] = sum(results[(n, period)] for n in SCREEN)
        results[("all queries", period)] = sum(results[(n, period)] for n in QUERIES)
    return results


def periods_for(first: date) -> dict[str, KpiFilter]:
    """The month and the year the dashboard queries are timed on."""
    last = first.replace(year=first.year + 1) - timedelta(days=1)
    return {"month": KpiFilter(last.replace(day=1), last), "year": KpiFilter(first, last)}


def alembic_heads() -> list[str]:
    """The revisions to time at: 0001 (the visit log alone) and head, when head is later."""
    from alembic.script import ScriptDirectory

    from kakanai.store.db import alembic_config

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    return ["0001"] if head == "0001" else ["0001", "head"]


@dataclass
class Result:
    """Load time and query timings of one database."""

    database: str
    load_seconds: float
    timings: dict[str, dict[tuple[str, str], float]] = field(default_factory=dict)  # revision -> figures


def bench_database(name: str, url: str, data: Generated, runs: int) -> Result:
    """Create the schema at 0001, load, time; then upgrade to head and time again if there is more."""
    revisions = alembic_heads()
    upgrade(url, revisions[0])
    engine = make_engine(url)
    start = time.perf_counter()
    (load_sqlite if name == "SQLite" else load_postgresql)(engine, data)
    result = Result(name, time.perf_counter() - start)
    for revision in revisions:
        if revision != revisions[0]:
            start = time.perf_counter()
            upgrade(url, revision)
            print(f"  {name}: upgrade to {revision} (index build) {time.perf_counter() - start:.1f} s", flush=True)
        result.timings[revision] = time_queries(engine, periods_for(FIRST_DAY), runs)
        print(f"  {name}: timed at {revision}", flush=True)
    engine.dispose()
    return result


def print_table(results: list[Result], visits: int, procedures: int) -> None:
    """The figures as a table: one row per query, one column per database × revision × period."""
    print(f"\n{visits:,} visits, {procedures:,} visit procedures; median of runs, milliseconds")
    for r in results:
        print(f"  {r.database}: bulk load {r.load_seconds:.1f} s")
    columns = [(r, rev, p) for r in results for rev in r.timings for p in ("month", "year")]
    heads = [f"{r.database[:6]} {rev + ' ' if len(r.timings) > 1 else ''}{p}" for r, rev, p in columns]
    print(f"{'query':<16}" + "".join(f"{h:>20}" for h in heads))
    for query in [*QUERIES, "dashboard screen", "all queries"]:
        cells = [r.timings[rev][(query, p)] * 1000 for r, rev, p in columns]
        print(f"{query:<16}" + "".join(f"{c:>20,.0f}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args(argv)
    start = time.perf_counter()
    data = generate(args.visits)
    print(f"generated {len(data.visits):,} visits in {time.perf_counter() - start:.1f} s", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="kakanai-bench-") as folder:
        if args.only != "postgresql":
            results.append(bench_database("SQLite", f"sqlite:///{Path(folder) / 'bench.db'}", data, args.runs))
        if args.only != "sqlite":
            results.append(_bench_postgresql(data, args.runs))
    print_table(results, len(data.visits), len(data.procedures))
    print(f"\ntotal {time.perf_counter() - start:.0f} s")
    return 0


def _bench_postgresql(data: Generated, runs: int) -> Result:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.pg_server import PgServer, find_bin

    bin_dir = find_bin()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed (initdb not found)")
    server = PgServer(bin_dir)
    server.init()
    server.start()
    try:
        from sqlalchemy import create_engine, text

        admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text('CREATE DATABASE "bench"'))
        admin.dispose()
        return bench_database("PostgreSQL", server.url("bench"), data, runs)
    finally:
        server.destroy()


if __name__ == "__main__":
    sys.exit(main())

