"""Supervisor KPIs, computed in SQL that runs unchanged on SQLite and PostgreSQL: the reference
definitions. `kpi_cache` answers the same questions from per-day packed columns, and a test holds
both to the same figures.

Handling time is the time a clerk spends on a visit (serving + printing + signing; a suspended
visit's pause does not count). Percentiles are nearest-rank (the p-th percentile of n values is
the ⌈p·n⌉-th smallest), done with window functions both databases have. Visits whose timing is
not trusted (crossing midnight, force-ended) are excluded from time figures and counted apart.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import Engine, text

DIMENSIONS = {
    "event": "v.event", "clerk": "v.clerk_id", "counter": "v.counter", "office": "v.office",
    "hour": "v.local_hour", "day": "v.local_day", "procedure": "p.procedure_id",
}
HISTOGRAM_EDGES = tuple(range(5, 65, 5))  # minutes: 0–5, 5–10, … 55–60, then 60 and over


@dataclass(frozen=True)
class KpiFilter:
    """Which visits a report covers: a local date range, optionally one office/counter/clerk/event."""

    start: date
    end: date
    office: str | None = None
    counter: str | None = None
    clerk: str | None = None
    event: str | None = None


def filter_sql(flt: KpiFilter, *, accurate_finished_only: bool = True) -> tuple[str, dict[str, Any]]:
    """The SQL condition and parameters selecting the visits of a filter (by default only the
    finished visits whose timing is trusted, which the time figures use)."""
    clauses = ["v.status = 'finished'", "v.inaccurate = ''"] if accurate_finished_only else []
    clauses.append("v.local_day BETWEEN :start AND :end")
    params: dict[str, Any] = {"start": flt.start.isoformat(), "end": flt.end.isoformat()}
    for column, name in (("office", "office"), ("counter", "counter"), ("event", "event"), ("clerk_id", "clerk")):
        if getattr(flt, name):
            clauses.append(f"v.{column} = :{name}")
            params[name] = getattr(flt, name)
    return " AND ".join(clauses), params



@dataclass(frozen=True)
class Stat:
    """Handling-time figures (seconds) for one group."""

    group: str
    visits: int
    mean: float
    median: float
    p90: float
    max: float
    over_target: float  # share of visits over the service-level target, 0..1


@dataclass(frozen=True)
class Overview:
    """The headline figures of a period."""

    visits: int
    cancelled: int
    inaccurate: int
    forms_per_visit: float
    mean_wait: float | None
    handling: Stat
    time_saved_seconds: float


@dataclass(frozen=True)
class KpiSettings:
    """The service-level target and the handwritten baseline minutes per procedure."""

    target_minutes: float = 15.0
    baseline_default_minutes: float = 6.0
    baseline_minutes: dict[str, float] = field(default_factory=dict)

    def baseline_seconds(self, procedure_id: str) -> float:
        """How long a procedure takes the handwritten way, in seconds."""
        return 60.0 * self.baseline_minutes.get(procedure_id, self.baseline_default_minutes)


def _stats_sql(dimension: str, where: str) -> str:
    group = DIMENSIONS[dimension] if dimension != "all" else "'all'"
    value = "p.share_seconds" if dimension == "procedure" else "v.handling_seconds"
    join = "JOIN visit_procedures p ON p.visit_id = v.id" if dimension == "procedure" else ""
    return f"""
        WITH picked AS (SELECT {group} AS grp, {value} AS s FROM visits v {join} WHERE {where}),
        ranked AS (SELECT grp, s, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY s) AS rn,
                          COUNT(*) OVER (PARTITION BY grp) AS n FROM picked)
        SELECT grp, COUNT(*) AS visits, AVG(s) AS mean, MAX(s) AS mx,
               MIN(CASE WHEN rn >= (50 * n + 99) / 100 THEN s END) AS median,
               MIN(CASE WHEN rn >= (90 * n + 99) / 100 THEN s END) AS p90,
               AVG(CASE WHEN s > :target THEN 1.0 ELSE 0.0 END) AS over_target
        FROM ranked GROUP BY grp ORDER BY grp"""


def handling_by(engine: Engine, dimension: str, flt: KpiFilter, settings: KpiSettings) -> list[Stat]:
    """Handling-time figures per group of ``dimension`` (event, clerk, counter, office, hour, day,
    procedure — a procedure's time is its visit's time shared equally among its procedures)."""
    if dimension not in DIMENSIONS and dimension != "all":
        raise ValueError(f"unknown dimension {dimension!r}")
    where, params = filter_sql(flt)
    with engine.connect() as connection:
        rows = connection.execute(text(_stats_sql(dimension, where)),
                                  {**params, "target": settings.target_minutes * 60}).all()
    return [Stat(str(r.grp), r.visits, float(r.mean), float(r.median), float(r.p90), float(r.mx),
                 float(r.over_target)) for r in rows]


def overview(engine: Engine, flt: KpiFilter, settings: KpiSettings) -> Overview:
    """Headline figures: visits, cancellations, excluded visits, forms, wait, handling, time saved."""
    where, params = filter_sql(flt)
    base, _ = filter_sql(flt, accurate_finished_only=False)
    with engine.connect() as connection:
        counts = connection.execute(text(f"""
            SELECT SUM(CASE WHEN v.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
                   SUM(CASE WHEN v.status <> 'open' AND v.inaccurate <> '' THEN 1 ELSE 0 END) AS inaccurate
            FROM visits v WHERE {base}"""), params).one()
        main = connection.execute(text(f"""
            SELECT COUNT(*) AS n, AVG(v.forms * 1.0) AS forms, AVG(v.wait_seconds) AS wait,
                   SUM(v.handling_seconds) AS handled FROM visits v WHERE {where}"""), params).one()
        per_procedure = connection.execute(text(f"""
            SELECT p.procedure_id, COUNT(*) AS n FROM visits v JOIN visit_procedures p ON p.visit_id = v.id
            WHERE {where} GROUP BY p.procedure_id"""), params).all()
    stats = handling_by(engine, "all", flt, settings)
    handling = stats[0] if stats else Stat("all", 0, 0.0, 0.0, 0.0, 0.0, 0.0)
    baseline = sum(settings.baseline_seconds(pid) * n for pid, n in per_procedure)
    return Overview(
        visits=main.n, cancelled=int(counts.cancelled or 0), inaccurate=int(counts.inaccurate or 0),
        forms_per_visit=float(main.forms or 0.0), mean_wait=None if main.wait is None else float(main.wait),
        handling=handling, time_saved_seconds=baseline - float(main.handled or 0.0),
    )


def histogram(engine: Engine, flt: KpiFilter) -> list[int]:
    """How many timed visits took [0, 5), [5, 10) … [55, 60) and 60+ minutes of handling."""
    where, params = filter_sql(flt)
    edges = [0, *HISTOGRAM_EDGES]
    cases = [f"SUM(CASE WHEN v.handling_seconds >= {lo * 60} AND v.handling_seconds < {hi * 60} THEN 1 ELSE 0 END)"
             for lo, hi in pairwise(edges)]
    cases.append(f"SUM(CASE WHEN v.handling_seconds >= {edges[-1] * 60} THEN 1 ELSE 0 END)")
    with engine.connect() as connection:
        counts = connection.execute(text(f"SELECT {', '.join(cases)} FROM visits v WHERE {where}"), params).one()
    return [int(c or 0) for c in counts]


def pseudonym(clerk_id: str, secret: bytes) -> str:
    """A stable pseudonym for a clerk id in exports (HMAC-SHA256 with the installation's secret)."""
    return "職員-" + hmac.new(secret, clerk_id.encode("utf-8"), hashlib.sha256).hexdigest()[:8]
