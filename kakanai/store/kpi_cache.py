"""The KPI cache: each office-local day's visits, per office, as packed columns sorted by handling
time, so a month or a year of figures reads a few hundred rows instead of a million visits.

A ``kpi_days`` row holds every visit of its day and office that any figure counts (all but open
ones): handling and wait seconds as float64 (the projection's values bit for bit, NaN for no
wait), forms, the procedure count a visit's time is shared by, a flag byte (timed / cancelled /
inaccurate), the local hour, codes into the row's own lists of events, counters and clerks, and
for timed visits their procedures (a count per visit, then the codes). `kpi_figures` works out
the reference figures of `kpi` from these columns.

Staleness: whoever writes the projection marks the days it touched in ``kpi_dirty_days`` in the
same transaction (`mark_dirty`; `VisitLog` does, the bulk loaders call `mark_all_dirty`, and
migration 0002 marks every day of an existing log). A rebuild reads a day's mark count first and
clears the mark only if the count is unchanged when it commits, so a write that lands during a
rebuild leaves the day stale for the next one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, delete, insert, text
from sqlalchemy.exc import IntegrityError, OperationalError

from kakanai.store.schema import kpi_days

FORMAT = 1  # the layout of kpi_days.data; rows of another format are rebuilt
TIMED, CANCELLED, INACCURATE = 1, 2, 4  # flag bits: finished with trusted timing, cancelled, timing not trusted
VISIT_COLUMNS = (("handling", "<f8"), ("wait", "<f8"), ("forms", "<i4"), ("event", "<u2"), ("counter", "<u2"),
                 ("clerk", "<u2"), ("share_of", "<u2"), ("procedures", "<u2"), ("flags", "u1"), ("hour", "u1"))
NAMED = ("event", "counter", "clerk")  # columns holding codes into the row's name lists

_MARK = ("INSERT INTO kpi_dirty_days (local_day, marks) VALUES (:day, 1) "
         "ON CONFLICT (local_day) DO UPDATE SET marks = kpi_dirty_days.marks + 1")
_MARK_ALL = ("INSERT INTO kpi_dirty_days (local_day, marks) SELECT local_day, 1 FROM "
             "(SELECT local_day FROM visits UNION SELECT local_day FROM kpi_days) AS d WHERE 1 = 1 "
             "ON CONFLICT (local_day) DO UPDATE SET marks = kpi_dirty_days.marks + 1")
_VISITS_OF_DAY = ("SELECT id, office, counter, clerk_id, event, status, inaccurate, handling_seconds, wait_seconds, "
                  "forms, procedure_count, local_hour FROM visits WHERE local_day = :day AND status <> 'open'")
_PROCEDURES_OF_DAY = ("SELECT p.visit_id, p.procedure_id FROM visit_procedures p JOIN visits v ON v.id = p.visit_id "
                      "WHERE v.local_day = :day AND v.status = 'finished' AND v.inaccurate = ''")


# -- staleness -----------------------------------------------------------------------------------

def mark_dirty(connection: Connection, days: Iterable[str]) -> None:
    """Mark days stale inside the caller's transaction (the one that changed their visits)."""
    for day in sorted(set(days)):  # one order for every writer: no deadlock between two of them
        connection.execute(text(_MARK), {"day": day})


def mark_all_dirty(engine: Engine) -> None:
    """Mark every day of the log and of the cache stale (after a bulk load that bypassed `VisitLog`)."""
    with engine.begin() as connection:
        connection.execute(text(_MARK_ALL))


def stale_days(engine: Engine, start: date | None = None, end: date | None = None) -> list[str]:
    """The days between ``start`` and ``end`` (default: all) whose cache must be rebuilt, oldest first."""
    first, last = (start or date.min).isoformat(), (end or date.max).isoformat()
    with engine.connect() as connection:
        dirty = connection.execute(text("SELECT local_day FROM kpi_dirty_days WHERE local_day BETWEEN :a AND :b"),
                                   {"a": first, "b": last}).scalars().all()
        old = connection.execute(text("SELECT DISTINCT local_day FROM kpi_days WHERE local_day BETWEEN :a AND :b "
                                      "AND format <> :f"), {"a": first, "b": last, "f": FORMAT}).scalars().all()
    return sorted({*dirty, *old})


def rebuild_day(engine: Engine, day: str) -> bool:
    """Rebuild one day's rows from the projection; False when another writer got in the way (the day
    stays stale and is rebuilt next time)."""
    try:
        with engine.begin() as connection:
            marks = connection.execute(text("SELECT marks FROM kpi_dirty_days WHERE local_day = :day"),
                                       {"day": day}).scalar()
            rows = connection.execute(text(_VISITS_OF_DAY), {"day": day}).all()
            procedures: dict[str, list[str]] = {}
            for visit_id, procedure_id in connection.execute(text(_PROCEDURES_OF_DAY), {"day": day}):
                procedures.setdefault(visit_id, []).append(procedure_id)
            packed = [pack_day(day, office, group, procedures) for office, group in _by_office(rows).items()]
            connection.execute(delete(kpi_days).where(kpi_days.c.local_day == day))
            if packed:
                connection.execute(insert(kpi_days), packed)
            if marks is not None:
                connection.execute(text("DELETE FROM kpi_dirty_days WHERE local_day = :day AND marks = :marks"),
                                   {"day": day, "marks": marks})
    except (IntegrityError, OperationalError):  # a concurrent rebuild of the same day, or a busy database
        return False
    return True


def rebuild_stale(engine: Engine, days: Sequence[str] | None = None) -> int:
    """Rebuild the given stale days (default: every stale day, newest first); returns how many were done."""
    todo = list(days) if days is not None else stale_days(engine)[::-1]
    return sum(rebuild_day(engine, day) for day in todo)


def _by_office(rows: Sequence[Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for row in rows:
        groups.setdefault(row.office, []).append(row)
    return groups


# -- packing one day and office ------------------------------------------------------------------

def _flags(status: str, inaccurate: str) -> int:
    timed = TIMED if status == "finished" and not inaccurate else 0
    return timed | (CANCELLED if status == "cancelled" else 0) | (INACCURATE if inaccurate else 0)


def pack_day(day: str, office: str, rows: Sequence[Any], procedures: dict[str, list[str]]) -> dict[str, Any]:
    """The ``kpi_days`` row of one day and office: its visits sorted by handling time, packed."""
    names: dict[str, dict[str, int]] = {"event": {}, "counter": {}, "clerk": {}, "procedure": {}}
    columns: dict[str, list[Any]] = {name: [] for name, _ in VISIT_COLUMNS}
    codes: list[int] = []
    for r in sorted(rows, key=lambda r: (r.handling_seconds, r.id)):
        flags = _flags(r.status, r.inaccurate)
        if not flags:
            continue
        mine = procedures.get(r.id, []) if flags & TIMED else []
        values = {"handling": r.handling_seconds, "wait": np.nan if r.wait_seconds is None else r.wait_seconds,
                  "forms": r.forms, "share_of": r.procedure_count, "procedures": len(mine), "flags": flags,
                  "hour": r.local_hour, "event": r.event, "counter": r.counter, "clerk": r.clerk_id}
        for name in NAMED:
            values[name] = names[name].setdefault(values[name], len(names[name]))
        for name, value in values.items():
            columns[name].append(value)
        codes.extend(names["procedure"].setdefault(p, len(names["procedure"])) for p in mine)
    data = b"".join(np.asarray(columns[name], dtype).tobytes() for name, dtype in VISIT_COLUMNS)
    return {"local_day": day, "office": office, "format": FORMAT, "visits": len(columns["flags"]),
            "procedures": len(codes), "labels": json.dumps({k: list(v) for k, v in names.items()}, ensure_ascii=False),
            "data": data + np.asarray(codes, "<u2").tobytes()}


def unpack(visits: int, procedures: int, data: bytes) -> dict[str, np.ndarray]:
    """The columns of a packed row (views on ``data``, no copy)."""
    columns, offset = {}, 0
    for name, dtype in VISIT_COLUMNS:
        kind = np.dtype(dtype)
        columns[name] = np.frombuffer(data, kind, visits, offset)
        offset += visits * kind.itemsize
    columns["codes"] = np.frombuffer(data, "<u2", procedures, offset)
    return columns


# -- reading a period ----------------------------------------------------------------------------

@dataclass
class Slice:
    """The cached visits of a period as one set of columns, codes pointing into global name lists."""

    names: dict[str, list[str]]  # day, office, event, counter, clerk, procedure -> names by code
    columns: dict[str, np.ndarray]  # VISIT_COLUMNS + day, office (per visit) + codes (per procedure)

    def __len__(self) -> int:
        return len(self.columns["flags"])

    def where(self, mask: np.ndarray) -> Slice:
        """The visits where ``mask`` is true (with their procedures)."""
        per_procedure = np.repeat(mask, self.columns["procedures"])
        columns = {k: (v[per_procedure] if k == "codes" else v[mask]) for k, v in self.columns.items()}
        return Slice(self.names, columns)

    def code(self, dimension: str, name: str) -> int:
        """The code of a name in a dimension (-1 when absent: nothing matches)."""
        try:
            return self.names[dimension].index(name)
        except ValueError:
            return -1


class _Names:
    """Global codes for names met row by row."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[str, int]] = {k: {} for k in ("day", "office", *NAMED, "procedure")}

    def lookup(self, dimension: str, names: Sequence[str]) -> np.ndarray:
        known = self.codes[dimension]
        return np.array([known.setdefault(n, len(known)) for n in names], dtype="<u2")

    def lists(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self.codes.items()}


def _fetch(engine: Engine, sql: str, params: dict[str, Any]) -> list[Any]:
    """The rows of a query; on PostgreSQL in binary format (``bytea`` as raw bytes, not hex text
    to decode: half the bytes on the wire for a year's ~70 MB of packed columns)."""
    with engine.connect() as connection:
        if connection.dialect.name != "postgresql":
            return list(connection.execute(text(sql), params).all())
        raw = connection.connection.driver_connection
        with raw.cursor(binary=True) as cursor:  # type: ignore[union-attr]
            cursor.execute(re.sub(r":(\w+)", r"%(\1)s", sql), params)
            return list(cursor.fetchall())


def load(engine: Engine, start: date, end: date, office: str | None = None) -> Slice:
    """Every cached visit from ``start`` to ``end`` (optionally of one office).

    The columns are allocated once at their total length (the rows say how many visits and
    procedures each holds) and each row is copied into its place, codes mapped to the period's."""
    sql = "SELECT local_day, office, visits, procedures, labels, data FROM kpi_days WHERE local_day BETWEEN :a AND :b"
    params: dict[str, Any] = {"a": start.isoformat(), "b": end.isoformat()}
    if office is not None:
        sql += " AND office = :office"
        params["office"] = office
    rows = _fetch(engine, sql + " ORDER BY local_day, office", params)
    kinds = dict(VISIT_COLUMNS) | {"codes": "<u2", "day": "<u2", "office": "<u2"}
    sizes = {"visits": sum(row[2] for row in rows), "procedures": sum(row[3] for row in rows)}
    out = {k: np.empty(sizes["procedures" if k == "codes" else "visits"], kind) for k, kind in kinds.items()}
    names, at, at_codes = _Names(), 0, 0
    for day, office_name, visits, procedures, labels, data in rows:
        columns = unpack(visits, procedures, bytes(data))
        local = json.loads(labels)
        part, codes = slice(at, at + visits), slice(at_codes, at_codes + procedures)
        for name, _ in VISIT_COLUMNS:
            if name in NAMED:
                np.take(names.lookup(name, local[name]), columns[name], out=out[name][part])
            else:
                out[name][part] = columns[name]
        np.take(names.lookup("procedure", local["procedure"]), columns["codes"], out=out["codes"][codes])
        out["day"][part] = names.lookup("day", [day])[0]
        out["office"][part] = names.lookup("office", [office_name])[0]
        at, at_codes = at + visits, at_codes + procedures
    return Slice(names.lists(), out)
