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
left as the app leaves it. The loaders mark every day stale for the KPI cache, which is then
rebuilt (timed, as the background rebuild after a bulk load or an upgrade does it), and the
busiest day is rebuilt once more on its own (timed: what a write costs the next read).

Then what the supervisor waits for — one dashboard refresh as it first shows (`KpiService.dashboard`:
headline figures, the period before and the charts tab; a breakdown by counter, clerk or procedure
is worked out only when its tab is opened, timed on its own after the table) and
``kakanai report --by event|clerk|procedure`` (`KpiService.report`) — is timed on a month (the
last, busiest one) and on the whole year, through the KPI cache and, as the peer in the same run,
through today's SQL (`KpiService(source="sql")`, store/kpi.py): median of the runs, the first (cold)
one included. Both paths give the same figures (tests/store/test_kpi_cache.py). Beside each cached
wall time, this process's CPU time for it (median) and the machine's load average: on a shared
machine the wall time grows with the load, and the CPU time is what it nears on a quiet one
(PostgreSQL's own work is not in it).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, text

from kakanai.domain.catalog import load_catalog
from kakanai.domain.visits import JST
from kakanai.resources import forms_dir
from kakanai.services.supervisor import BREAKDOWNS, KpiService
from kakanai.store import kpi_cache
from kakanai.store.db import current_revision, make_engine, upgrade
from kakanai.store.kpi import KpiFilter, KpiSettings

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
        utc_start = start.astimezone(UTC)
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
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


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
        kpi_cache.mark_all_dirty(engine)


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
GOALS = {"month": 0.050, "year": 1.0}  # seconds, for the dashboard and `kakanai report`
Action = Callable[[KpiService, KpiFilter], object]
TAB_NAMES = {"counter": "窓口別", "clerk": "職員別", "procedure": "手続別"}


def _report(dimension: str) -> Action:
    return lambda service, flt: service.report(flt, dimension)


ACTIONS: dict[str, Action] = {  # what the supervisor waits for: one dashboard refresh, `kakanai report --by …`
    "dashboard refresh (first view: figures, period before, charts)": lambda service, flt: service.dashboard(flt),
    **{f"report --by {d}": _report(d) for d in ("event", "clerk", "procedure")},
}


def median_seconds(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process over ``runs`` calls (the first, cold one
    included). On a shared machine the wall time grows with the load; the CPU time much less (it
    leaves out a PostgreSQL server's own work)."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def periods_for(first: date) -> dict[str, KpiFilter]:
    """The month and the year the dashboard queries are timed on."""
    last = first.replace(year=first.year + 1) - timedelta(days=1)
    return {"month": KpiFilter(last.replace(day=1), last), "year": KpiFilter(first, last)}


@dataclass
class Result:
    """Load, cache rebuild and timings of one database."""

    database: str
    load_seconds: float
    rebuild_seconds: float = 0.0  # every day of the year, after the bulk load
    busiest_day: tuple[str, int, float] = ("", 0, 0.0)  # day, visits, seconds to rebuild it
    cache_bytes: int = 0
    timings: dict[tuple[str, str, str], float] = field(default_factory=dict)  # (action, path, period) -> s
    cpu: dict[tuple[str, str], float] = field(default_factory=dict)  # (action, period) -> s of CPU, cache only
    load: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load average before and after the timings
    tabs: dict[tuple[str, str], float] = field(default_factory=dict)  # (breakdown, period) -> s, cache only


def time_paths(result: Result, engine: Engine, runs: int, peer_runs: dict[str, int]) -> None:
    """Each action on the cache and on today's SQL (the peer), month and year, interleaved."""
    services = {"cache": KpiService(engine, SETTINGS, b"bench"), "sql": KpiService(engine, SETTINGS, b"bench",
                                                                                 source="sql")}
    before = os.getloadavg()[0]
    for period, flt in periods_for(FIRST_DAY).items():
        for name, action in ACTIONS.items():
            for path, service in services.items():
                count = runs if path == "cache" else peer_runs[period]
                wall, cpu = median_seconds(partial(action, service, flt), count)
                result.timings[(name, path, period)] = wall
                if path == "cache":
                    result.cpu[(name, period)] = cpu
        cache = services["cache"]
        for dimension in BREAKDOWNS:  # a tab opened after a refresh: its rows from the refresh's figures
            times = []
            for _ in range(runs):
                cache.dashboard(flt)  # not timed: the refresh the tab follows
                start = time.perf_counter()
                cache.breakdown(flt, dimension)
                times.append(time.perf_counter() - start)
            result.tabs[(dimension, period)] = statistics.median(times)
    result.load = (before, os.getloadavg()[0])


def rebuild_cache(result: Result, engine: Engine) -> None:
    """Rebuild every stale day (as the background rebuild after a bulk load does), then time the busiest day."""
    start = time.perf_counter()
    kpi_cache.rebuild_stale(engine)
    result.rebuild_seconds = time.perf_counter() - start
    with engine.connect() as connection:
        day, visits = connection.execute(text("SELECT local_day, COUNT(*) AS n FROM visits GROUP BY local_day "
                                              "ORDER BY n DESC LIMIT 1")).one()
        result.cache_bytes = int(connection.execute(text("SELECT SUM(LENGTH(data)) FROM kpi_days")).scalar() or 0)
    with engine.begin() as connection:
        kpi_cache.mark_dirty(connection, [day])
    start = time.perf_counter()
    kpi_cache.rebuild_day(engine, day)
    result.busiest_day = (day, visits, time.perf_counter() - start)


def bench_database(name: str, url: str, data: Generated, runs: int, peer_runs: dict[str, int]) -> Result:
    """Create the schema, bulk-load, rebuild the cache, time both paths."""
    upgrade(url)
    engine = make_engine(url)
    start = time.perf_counter()
    (load_sqlite if name == "SQLite" else load_postgresql)(engine, data)
    result = Result(name, time.perf_counter() - start)
    rebuild_cache(result, engine)
    print(f"  {name}: loaded in {result.load_seconds:.1f} s, cache rebuilt in {result.rebuild_seconds:.1f} s",
          flush=True)
    time_paths(result, engine, runs, peer_runs)
    engine.dispose()
    return result


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.0995 else f"{seconds * 1000:,.1f} ms"


def goal_rows(results: list[Result]) -> list[dict[str, object]]:
    """One row per database × period × action: the cache, the peer, the target."""
    return [{"database": r.database, "period": period, "action": action, "kakanai": r.timings[(action, "cache", period)],
             "kakanai_cpu": r.cpu[(action, period)], "peer": r.timings[(action, "sql", period)], "target": GOALS[period]}
            for r in results for period in GOALS for action in ACTIONS]


def print_table(results: list[Result], visits: int, procedures: int, runs: int, peer_runs: dict[str, int]) -> None:
    """The figures as one table (Markdown), then the cache's own costs, then the rows as JSON for bench/run."""
    print(f"\n{visits:,} visits, {procedures:,} visit procedures. kakanai: the KPI cache, median of {runs} runs; "
          f"peer: today's SQL (store/kpi.py) in the same run, median of {peer_runs['month']} (month) / "
          f"{peer_runs['year']} (year) runs; first, cold runs included. kakanai CPU: this process's CPU time "
          "(median), what the wall time nears on a quiet machine (without a PostgreSQL server's own work).\n")
    print("| database | period | what | kakanai | kakanai CPU | peer: today's SQL | target | met |")
    print("|---|---|---|---:|---:|---:|---:|:-:|")
    for row in goal_rows(results):
        met = "yes" if row["kakanai"] <= row["target"] else "**no**"
        print(f"| {row['database']} | {row['period']} | {row['action']} | {_ms(row['kakanai'])} | "
              f"{_ms(row['kakanai_cpu'])} | {_ms(row['peer'])} | ≤ {_ms(row['target'])} | {met} |")
    print()
    for r in results:
        day, count, seconds = r.busiest_day
        print(f"- {r.database}: bulk load {r.load_seconds:.1f} s; cache of the year rebuilt in "
              f"{r.rebuild_seconds:.1f} s ({r.cache_bytes / 2**20:,.0f} MiB); busiest day {day} "
              f"({count:,} visits) rebuilt in {_ms(seconds)}")
        print(f"- {r.database}: load average {r.load[0]:.1f} before the timings, {r.load[1]:.1f} after (2 cores "
              f"here: above 2, each process waits for a core)")
        print(f"- {r.database}: a breakdown tab opened after the refresh (worked out then, not in the refresh above): "
              + "; ".join(f"{period} " + ", ".join(f"{TAB_NAMES[d]} {_ms(r.tabs[(d, period)])}" for d in BREAKDOWNS)
                          for period in GOALS))
    print("GOALS " + json.dumps(goal_rows(results)))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="runs of each cached action")
    parser.add_argument("--peer-runs", type=int, nargs=2, default=(3, 1), metavar=("MONTH", "YEAR"),
                        help="runs of each SQL action (a year of SQL takes seconds to a minute)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args(argv)
    peer_runs = {"month": args.peer_runs[0], "year": args.peer_runs[1]}
    start = time.perf_counter()
    data = generate(args.visits)
    print(f"generated {len(data.visits):,} visits in {time.perf_counter() - start:.1f} s", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="kakanai-bench-") as folder:
        if args.only != "postgresql":
            results.append(bench_database("SQLite", f"sqlite:///{Path(folder) / 'bench.db'}", data, args.runs,
                                          peer_runs))
        if args.only != "sqlite":
            results.append(_bench_postgresql(data, args.runs, peer_runs))
    print_table(results, len(data.visits), len(data.procedures), args.runs, peer_runs)
    print(f"\ntotal {time.perf_counter() - start:.0f} s")
    return 0


def _bench_postgresql(data: Generated, runs: int, peer_runs: dict[str, int]) -> Result:
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
        return bench_database("PostgreSQL", server.url("bench"), data, runs, peer_runs)
    finally:
        server.destroy()


if __name__ == "__main__":
    sys.exit(main())

