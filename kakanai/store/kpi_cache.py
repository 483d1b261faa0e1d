"""The KPI cache: each office-local day's visits, per office, as packed columns, so a month or a
year of figures reads a few hundred rows instead of a million visits.

A ``kpi_days`` row holds every visit of its day and office that any figure counts (all but open
ones): the timed visits (finished, timing trusted) first, then the others, each part sorted by
handling time. Columns: handling and wait seconds as float64 (the projection's values bit for bit,
NaN for no wait), forms, the procedure count a visit's time is shared by, a flag byte (timed /
cancelled / inaccurate), the local hour, codes into the row's own lists of events, counters and
clerks. Then the timed visits' procedures, grouped by procedure: for each, the row's indexes of
its visits (the count per procedure is in ``labels``). `kpi_figures` works out the reference
figures of `kpi` from these columns; a period decodes only the columns its figures read.

Staleness: whoever writes the projection marks the days it touched in ``kpi_dirty_days`` in the
same transaction (`mark_dirty`; `VisitLog` does, the bulk loaders call `mark_all_dirty`, and
migration 0002 marks every day of an existing log). A rebuild reads a day's mark count first and
clears the mark only if the count is unchanged when it commits, so a write that lands during a
rebuild leaves the day stale for the next one.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cache, cached_property
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, delete, insert, text
from sqlalchemy.exc import IntegrityError, OperationalError

from kakanai.store.schema import kpi_days

FORMAT = 2  # the layout of kpi_days.data; rows of another format are rebuilt
TIMED, CANCELLED, INACCURATE = 1, 2, 4  # flag bits: finished with trusted timing, cancelled, timing not trusted
VISIT_COLUMNS = (("handling", "<f8"), ("wait", "<f8"), ("forms", "<i4"), ("event", "<u2"), ("counter", "<u2"),
                 ("clerk", "<u2"), ("share_of", "<u2"), ("flags", "u1"), ("hour", "u1"))
NAMED = ("event", "counter", "clerk")  # columns holding codes into the row's name lists
SMALL_INDEX_LIMIT = 1 << 16  # a row with more timed visits than this indexes them with 32 bits, not 16

_MARK = ("INSERT INTO kpi_dirty_days (local_day, marks) VALUES (:day, 1) "
         "ON CONFLICT (local_day) DO UPDATE SET marks = kpi_dirty_days.marks + 1")
_MARK_ALL = ("INSERT INTO kpi_dirty_days (local_day, marks) SELECT local_day, 1 FROM "
             "(SELECT local_day FROM visits UNION SELECT local_day FROM kpi_days) AS d WHERE 1 = 1 "
             "ON CONFLICT (local_day) DO UPDATE SET marks = kpi_dirty_days.marks + 1")
_STALE = ("SELECT local_day FROM kpi_dirty_days WHERE local_day BETWEEN :a AND :b UNION "
          "SELECT local_day FROM kpi_days WHERE local_day BETWEEN :a AND :b AND format <> :f")
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
    with engine.connect() as connection:  # one round trip: the dashboard asks before every figure
        days = connection.execute(text(_STALE), {"a": first, "b": last, "f": FORMAT}).scalars().all()
    return sorted(days)


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
    """The ``kpi_days`` row of one day and office: its timed visits, then the others, each sorted by
    handling time, packed; then the timed visits' procedures grouped by procedure."""
    names: dict[str, dict[str, int]] = {"event": {}, "counter": {}, "clerk": {}, "procedure": {}}
    columns: dict[str, list[Any]] = {name: [] for name, _ in VISIT_COLUMNS}
    counted = [(flags, r) for r in rows if (flags := _flags(r.status, r.inaccurate))]
    counted.sort(key=lambda fr: (not fr[0] & TIMED, fr[1].handling_seconds, fr[1].id))
    by_procedure: list[list[int]] = []
    for index, (flags, r) in enumerate(counted):
        values = {"handling": r.handling_seconds, "wait": np.nan if r.wait_seconds is None else r.wait_seconds,
                  "forms": r.forms, "share_of": r.procedure_count, "flags": flags, "hour": r.local_hour,
                  "event": r.event, "counter": r.counter, "clerk": r.clerk_id}
        for name in NAMED:
            values[name] = names[name].setdefault(values[name], len(names[name]))
        for name, value in values.items():
            columns[name].append(value)
        for p in procedures.get(r.id, []) if flags & TIMED else []:
            code = names["procedure"].setdefault(p, len(names["procedure"]))
            by_procedure.extend([] for _ in range(code + 1 - len(by_procedure)))
            by_procedure[code].append(index)
    timed = sum(1 for flags, _ in counted if flags & TIMED)
    index_kind = "<u2" if timed <= SMALL_INDEX_LIMIT else "<u4"
    labels = {k: list(v) for k, v in names.items()} | {"timed": timed, "index": index_kind,
                                                       "per_procedure": [len(e) for e in by_procedure]}
    data = b"".join(np.asarray(columns[name], dtype).tobytes() for name, dtype in VISIT_COLUMNS)
    entries = [i for e in by_procedure for i in e]
    return {"local_day": day, "office": office, "format": FORMAT, "visits": len(counted), "procedures": len(entries),
            "labels": json.dumps(labels, ensure_ascii=False), "data": data + np.asarray(entries, index_kind).tobytes()}


class _Row:
    """One fetched ``kpi_days`` row: where its columns lie, and its codes mapped to the period's
    (each dimension when a column first needs it: a dashboard never maps the clerks)."""

    def __init__(self, row: Sequence[Any], names: _Names) -> None:
        day, office, visits, _, labels, data = row
        self.labels = json.loads(labels)
        self.data, self.visits, self.timed = bytes(data), visits, self.labels["timed"]
        self.offsets, at = {}, 0
        for name, dtype in VISIT_COLUMNS:
            self.offsets[name] = at
            at += visits * np.dtype(dtype).itemsize
        self.offsets["entries"] = at
        self.per_procedure = np.array(self.labels["per_procedure"], np.intp)
        self.index_kind = self.labels["index"]
        self.names = names
        self._maps = {"day": names.lookup("day", [day]), "office": names.lookup("office", [office])}

    def map(self, dimension: str) -> np.ndarray:
        """Row code -> period code of a dimension (day and office: the row's one code)."""
        if dimension not in self._maps:
            self._maps[dimension] = self.names.lookup(dimension, self.labels[dimension])
        return self._maps[dimension]


# -- reading a period ----------------------------------------------------------------------------

KINDS = dict(VISIT_COLUMNS) | {"day": "<u2", "office": "<u2"}  # the columns of a period's visits


class Part:
    """Some of a period's visits as columns (`KINDS`), each decoded the first time it is read."""

    def __init__(self, size: int, decode: Callable[[str], np.ndarray], lock: threading.RLock) -> None:
        self.size = size
        self._decode = decode
        self._columns: dict[str, np.ndarray] = {}
        self._lock = lock  # the period's: decoding maps names to codes, a tab may read from another thread

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, name: str) -> np.ndarray:
        with self._lock:
            if name not in self._columns:
                self._columns[name] = self._decode(name)
            return self._columns[name]

    def where(self, mask: np.ndarray) -> Part:
        """The visits where ``mask`` is true."""
        return Part(int(np.count_nonzero(mask)), lambda name: self[name][mask], self._lock)


class Slice:
    """The cached visits of a period: the timed ones and the others (cancelled, timing not trusted),
    and the timed visits' procedures; codes point into ``names``."""

    def __init__(self, names: _Names, timed: Part, untimed: Part, procedures: Callable[[], tuple[np.ndarray, np.ndarray]],
                 counts: Callable[[], np.ndarray] | None = None) -> None:
        self._names = names
        self.timed, self.untimed = timed, untimed
        self._lock = timed._lock
        self._procedures = cache(procedures)
        self._counts = counts or (lambda: self._procedures()[1])

    @property
    def names(self) -> dict[str, list[str]]:
        """Day, office, event, counter, clerk, procedure -> names by code (of the columns decoded so far)."""
        with self._lock:
            return self._names.lists()

    def name(self, dimension: str, code: int) -> str:
        """The name of a code in a dimension."""
        with self._lock:
            return self._names.name(dimension, code)

    def __len__(self) -> int:
        return len(self.timed) + len(self.untimed)

    @property
    def entries(self) -> np.ndarray:
        """For each procedure of each timed visit, that visit's place in `timed`; grouped by procedure,
        in code order (`procedure_counts` long each)."""
        with self._lock:
            return self._procedures()[0]

    @cached_property
    def procedure_counts(self) -> np.ndarray:
        """How many timed visits had each procedure, by code."""
        with self._lock:
            return self._counts()

    def where(self, timed: np.ndarray, untimed: np.ndarray) -> Slice:
        """The visits where the masks (of `timed`, of `untimed`) are true, with their procedures."""
        def procedures() -> tuple[np.ndarray, np.ndarray]:
            keep = timed[self.entries]
            codes = np.repeat(np.arange(len(self.procedure_counts)), self.procedure_counts)
            places = np.cumsum(timed) - 1
            return places[self.entries[keep]], np.bincount(codes[keep], minlength=len(self.procedure_counts))

        return Slice(self._names, self.timed.where(timed), self.untimed.where(untimed), procedures)

    def code(self, dimension: str, name: str) -> int:
        """The code of a name in a dimension, once its column is decoded (-1 when absent: nothing matches)."""
        with self._lock:
            return self._names.codes[dimension].get(name, -1)


class _Names:
    """Global codes for names met row by row."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[str, int]] = {k: {} for k in ("day", "office", *NAMED, "procedure")}
        self._lists: dict[str, list[str]] = {}

    def lookup(self, dimension: str, names: Sequence[str]) -> np.ndarray:
        known = self.codes[dimension]
        codes = list(map(known.get, names))  # mostly names met in earlier rows: no Python loop
        if None in codes:
            codes = [known.setdefault(n, len(known)) for n in names]
        return np.array(codes, dtype="<u2")

    def lists(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self.codes.items()}

    def name(self, dimension: str, code: int) -> str:
        by_code = self._lists.get(dimension)
        if by_code is None or len(by_code) != len(self.codes[dimension]):
            by_code = self._lists[dimension] = list(self.codes[dimension])
        return by_code[code]


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

    Only the rows are read here; a column is decoded when a figure first reads it (allocated once
    at its total length, each row's part copied into place, codes mapped to the period's)."""
    sql = "SELECT local_day, office, visits, procedures, labels, data FROM kpi_days WHERE local_day BETWEEN :a AND :b"
    params: dict[str, Any] = {"a": start.isoformat(), "b": end.isoformat()}
    if office is not None:
        sql += " AND office = :office"
        params["office"] = office
    names, lock = _Names(), threading.RLock()
    rows = [_Row(row, names) for row in _fetch(engine, sql + " ORDER BY local_day, office", params)]
    timed = Part(sum(r.timed for r in rows), lambda name: _column(rows, name, timed=True), lock)
    untimed = Part(sum(r.visits - r.timed for r in rows), lambda name: _column(rows, name, timed=False), lock)

    def counts() -> np.ndarray:
        maps = [row.map("procedure") for row in rows]
        out = np.zeros(len(names.codes["procedure"]), np.intp)
        for row, codes in zip(rows, maps):
            out[codes] += row.per_procedure  # a row names each procedure once
        return out

    return Slice(names, timed, untimed, lambda: _entries(rows, counts()), counts)


def _column(rows: Sequence[_Row], name: str, *, timed: bool) -> np.ndarray:
    """One column of the timed visits (or of the others) of every row, in row order."""
    kind = np.dtype(KINDS[name])
    sizes = [r.timed if timed else r.visits - r.timed for r in rows]
    out, at = np.empty(sum(sizes), kind), 0
    for row, n in zip(rows, sizes):
        part = out[at:at + n]
        if name in ("day", "office"):
            part[:] = row.map(name)[0]
        else:
            first = 0 if timed else row.timed
            values = np.frombuffer(row.data, kind, n, row.offsets[name] + first * kind.itemsize)
            if name in NAMED:
                np.take(row.map(name), values, out=part)
            else:
                part[:] = values
        at += n
    return out


def _entries(rows: Sequence[_Row], counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The procedure entries of every row as places in the period's timed visits, grouped by the
    period's procedure codes: each row's runs (one per procedure) are put in code order by sorting
    the runs, not the entries."""
    total = int(counts.sum())
    source, at, first_timed = np.empty(total, np.int32), 0, 0
    for row in rows:
        n = int(row.per_procedure.sum())
        source[at:at + n] = np.frombuffer(row.data, row.index_kind, n, row.offsets["entries"])
        source[at:at + n] += first_timed
        at, first_timed = at + n, first_timed + row.timed
    if not rows:
        return source, counts
    run_codes = np.concatenate([row.map("procedure") for row in rows])
    run_lengths = np.concatenate([row.per_procedure for row in rows])
    run_starts = np.cumsum(run_lengths) - run_lengths
    order = np.argsort(run_codes, kind="stable")
    lengths = run_lengths[order]
    gather = np.repeat((run_starts[order] - (np.cumsum(lengths) - lengths)).astype(np.int32), lengths)
    gather += np.arange(total, dtype=np.int32)
    return source[gather], counts
