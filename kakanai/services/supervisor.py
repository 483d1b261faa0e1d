"""The supervisor's side of the visit log, without Qt: the password that guards the dashboard and
``kakanai report`` (`supervisor_password`, re-exported here), the figures the dashboard draws,
and the CSV / Excel exports (clerk ids pseudonymised, text cells never read as formulas).

Every `KpiService` method queries the database, so screens call them off the UI thread. It returns
plain dataclasses and raises only `FiguresUnavailable` (a Japanese message for the supervisor),
never a database error: the screens know no database. Figures come from the KPI cache
(`store.kpi_cache`); a period with a few stale days is rebuilt on the spot, a longer one in the
background while the screen says 「集計を準備しています」.
"""

from __future__ import annotations

import csv
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from kakanai.domain.household import EVENT_LABELS
from kakanai.domain.visits import JST
from kakanai.services.supervisor_password import (  # noqa: F401 (re-exported: the password guards the figures)
    ATTEMPTS_FILE,
    FORGET_AFTER_SECONDS,
    MAX_DELAY_SECONDS,
    PasswordGuard,
    check_password,
    hash_password,
    password_guard,
)
from kakanai.services.visit_service import utc_now
from kakanai.settings import Settings
from kakanai.store import kpi, kpi_cache
from kakanai.store.kpi import HISTOGRAM_EDGES, KpiFilter, KpiSettings, Overview, Stat, pseudonym
from kakanai.store.kpi_figures import Figures, select
from kakanai.store.visit_log import VisitLog

log = logging.getLogger(__name__)

# -- what the dashboard draws --------------------------------------------------------------------

EVENT_ORDER = ("move_in", "move_out", "move_within", "birth", "death", "marriage")
EVENTS_JA = {event.value: label for event, label in EVENT_LABELS.items()}


def event_label(event: str) -> str:
    """The Japanese name of a life event code (転入 …); unknown codes as they are."""
    return EVENTS_JA.get(event, event)


@dataclass(frozen=True)
class Bin:
    """One bar of the handling-time distribution: visits whose handling took [low, high) minutes."""

    label: str
    low: int
    high: int | None  # None: no upper bound
    visits: int


@dataclass(frozen=True)
class LiveVisit:
    """A visit being served now, for the live board."""

    office: str
    counter: str
    event: str
    started_at: datetime
    elapsed_seconds: float  # since the clerk called the resident
    handling_seconds: float  # of which serving, printing or signing (pauses left out)


@dataclass(frozen=True)
class Row:
    """One group of a breakdown as the supervisor reads it (a counter, a clerk's pseudonym, a procedure)."""

    label: str
    stat: Stat


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard draws for one filter."""

    overview: Overview
    by_hour: list[Stat]  # ordered by hour
    by_event: list[Stat]  # in EVENT_ORDER, then any other code
    by_day: list[Stat]  # ordered by day
    histogram: list[Bin]
    previous: Overview | None = None  # the period of the same length just before (None: not ready)
    previous_period: tuple[date, date] | None = None
    breakdowns: dict[str, list[Row]] = field(default_factory=dict)  # asked BREAKDOWNS key -> rows, most visits first


BREAKDOWNS = ("counter", "clerk", "procedure")  # shown on screen beside the charts


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same number of days that ends the day before ``start``."""
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1)


@dataclass(frozen=True)
class FilterChoices:
    """The offices and counters that appear in the log (for the filter lists)."""

    counters: dict[str, list[str]]  # office -> its counters

    @property
    def offices(self) -> list[str]:
        """Every office, sorted."""
        return sorted(self.counters)


class FiguresUnavailable(Exception):
    """The figures cannot be shown now; ``message`` tells the supervisor why, in Japanese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FiguresPreparing(FiguresUnavailable):
    """The cache of the period is being rebuilt in the background (after an upgrade or a bulk load)."""

    def __init__(self, days_left: int) -> None:
        super().__init__(f"集計を準備しています（あと{days_left}日分）。しばらくお待ちください")
        self.days_left = days_left


DATABASE_UNREACHABLE = "データベースに接続できません。しばらくしてから［更新］を押してください"


@contextmanager
def _figures_or_typed_error() -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as exc:
        log.warning("figures unavailable (%s)", type(exc).__name__)
        raise FiguresUnavailable(DATABASE_UNREACHABLE) from None


class _ReferenceFigures:
    """Today's SQL (`store.kpi`) behind the interface of `kpi_figures.Figures`: the reference path,
    for the benchmark's peer and the tests that hold the cache to it."""

    def __init__(self, engine: Engine, flt: KpiFilter, settings: KpiSettings) -> None:
        self.engine, self.flt, self.settings = engine, flt, settings

    def overview(self) -> Overview:
        return kpi.overview(self.engine, self.flt, self.settings)

    def handling_by(self, dimension: str) -> list[Stat]:
        return kpi.handling_by(self.engine, dimension, self.flt, self.settings)

    def histogram(self) -> list[int]:
        return kpi.histogram(self.engine, self.flt)


class KpiService:
    """The supervisor's figures over the visit log (runs queries: call it off the UI thread).

    ``source="cache"`` reads the KPI cache: a period with at most ``rebuild_inline_days`` stale days
    has them rebuilt first; a longer one raises `FiguresPreparing` while a background thread
    rebuilds. ``source="sql"`` runs today's SQL (`store.kpi`), the reference the cache is held to.
    """

    def __init__(self, engine: Engine, settings: KpiSettings, pseudonym_secret: bytes, *,
                 office_tz: tzinfo = JST, clock: Callable[[], datetime] = utc_now,
                 procedure_titles: dict[str, str] | None = None, source: str = "cache",
                 rebuild_inline_days: int = 3) -> None:
        if source not in ("cache", "sql"):
            raise ValueError(f"unknown source {source!r}")
        self.engine = engine
        self.settings = settings
        self.office_tz = office_tz
        self.clock = clock
        self.procedure_titles = procedure_titles or {}
        self.source = source
        self.rebuild_inline_days = rebuild_inline_days
        self._secret = pseudonym_secret
        self._log = VisitLog(engine, office_tz)
        self._rebuilder: threading.Thread | None = None
        self._rebuilder_lock = threading.Lock()
        # the figures of the last dashboard call and the breakdowns worked out from them (a tab shown later)
        self._kept: tuple[KpiFilter, Figures | _ReferenceFigures, dict[str, list[Row]]] | None = None
        self._kept_lock = threading.Lock()

    def today(self) -> date:
        """Today's date at the office."""
        return self.clock().astimezone(self.office_tz).date()

    # -- where figures come from -----------------------------------------------------------------
    def _figures(self, flt: KpiFilter, *, wait: bool = False) -> Figures | _ReferenceFigures:
        """The figures of a filter; with ``wait`` every stale day is rebuilt first, however many."""
        if self.source == "sql":
            return _ReferenceFigures(self.engine, flt, self.settings)
        stale = kpi_cache.stale_days(self.engine, flt.start, flt.end)
        for _ in range(3 if wait else 1):
            if stale and not wait and len(stale) > self.rebuild_inline_days:
                break
            kpi_cache.rebuild_stale(self.engine, stale)
            stale = kpi_cache.stale_days(self.engine, flt.start, flt.end)
        if stale:
            if wait:
                raise FiguresUnavailable("集計を準備できませんでした。しばらくしてからもう一度実行してください")
            self.rebuild_in_background()
            raise FiguresPreparing(len(stale))
        return Figures(select(kpi_cache.load(self.engine, flt.start, flt.end, flt.office), flt), self.settings)

    def rebuild_in_background(self) -> None:
        """Start rebuilding every stale day of the cache (newest first) on a thread, unless one runs."""
        with self._rebuilder_lock:
            if self._rebuilder is not None and self._rebuilder.is_alive():
                return
            self._rebuilder = threading.Thread(target=self._rebuild_stale, name="kpi-cache", daemon=True)
            self._rebuilder.start()

    def _rebuild_stale(self) -> None:
        try:
            done = kpi_cache.rebuild_stale(self.engine)
            log.info("KPI cache: %d days rebuilt", done)
        except SQLAlchemyError as exc:
            log.warning("KPI cache rebuild stopped (%s)", type(exc).__name__)

    # -- figures ---------------------------------------------------------------------------------
    def overview(self, flt: KpiFilter) -> Overview:
        """The headline figures of a period."""
        with _figures_or_typed_error():
            return self._figures(flt).overview()

    def handling_by(self, dimension: str, flt: KpiFilter) -> list[Stat]:
        """Handling-time figures per group of a dimension (event, hour, day, clerk, counter, office, procedure)."""
        with _figures_or_typed_error():
            return _ordered(dimension, self._figures(flt).handling_by(dimension))

    def histogram(self, flt: KpiFilter) -> list[Bin]:
        """How many visits took 0–5, 5–10, … 55–60 and 60+ minutes of handling."""
        with _figures_or_typed_error():
            return _bins(self._figures(flt).histogram())

    def dashboard(self, flt: KpiFilter, breakdowns: Sequence[str] = ()) -> DashboardData:
        """What the dashboard shows first for one filter: headline figures, the period before and
        every chart; of the breakdowns (`BREAKDOWNS`) only those named — the tab on screen. The
        period's figures are kept, so a breakdown asked later (`breakdown`) groups them without
        loading the period again and gives the same figures as if it had been drawn with them."""
        with _figures_or_typed_error():
            f = self._figures(flt)
            earlier = previous_period(flt.start, flt.end)
            data = DashboardData(f.overview(), _ordered("hour", f.handling_by("hour")),
                                 _ordered("event", f.handling_by("event")), _ordered("day", f.handling_by("day")),
                                 _bins(f.histogram()), self._previous(replace(flt, start=earlier[0], end=earlier[1])),
                                 earlier, {d: self._rows(d, f) for d in breakdowns})
        with self._kept_lock:
            self._kept = (flt, f, dict(data.breakdowns))
        return data

    def breakdown(self, flt: KpiFilter, dimension: str) -> list[Row]:
        """One breakdown's rows (a `BREAKDOWNS` key), most visits first: from the figures of the last
        `dashboard` call for this filter (each worked out once), else from the period loaded anew."""
        with self._kept_lock:
            if self._kept is not None and self._kept[0] == flt:
                _, figures, rows = self._kept
                if dimension not in rows:
                    rows[dimension] = self._rows(dimension, figures)
                return rows[dimension]
        with _figures_or_typed_error():
            return self._rows(dimension, self._figures(flt))

    def release(self) -> None:
        """Let the kept figures go (the dashboard closed: a year's columns are tens of MiB)."""
        with self._kept_lock:
            self._kept = None

    def _rows(self, dimension: str, f: Figures | _ReferenceFigures) -> list[Row]:
        return sorted((Row(self.group_label(dimension, s.group), s) for s in f.handling_by(dimension)),
                      key=lambda row: (-row.stat.visits, row.label))

    def _previous(self, flt: KpiFilter) -> Overview | None:
        """The headline figures of the period before, or None while its days are being prepared."""
        try:
            return self._figures(flt).overview()
        except FiguresPreparing:
            return None

    def report(self, flt: KpiFilter, dimension: str) -> tuple[Overview, list[Stat]]:
        """The headline figures and one dimension's groups in name order (hours by number), for
        ``kakanai report``: rebuilds every stale day of the period first, however many."""
        with _figures_or_typed_error():
            f = self._figures(flt, wait=True)
            return f.overview(), f.handling_by(dimension)

    def choices(self) -> FilterChoices:
        """The offices and counters found in the log."""
        with _figures_or_typed_error(), self.engine.connect() as connection:
            rows = connection.execute(text("SELECT DISTINCT office, counter FROM visits ORDER BY office, counter")).all()
        counters: dict[str, list[str]] = {}
        for office, counter in rows:
            counters.setdefault(office, []).append(counter)
        return FilterChoices(counters)

    def open_visits(self, office: str | None = None) -> list[LiveVisit]:
        """Visits being served right now (optionally at one office), longest first."""
        now = self.clock()
        with _figures_or_typed_error():
            summaries = self._log.open_visits(now)
        live = [LiveVisit(s.header.office, s.header.counter, s.header.event, s.started_at,
                          (now - s.started_at).total_seconds(), s.handling_seconds)
                for s in summaries
                if s.started_at is not None and (office is None or s.header.office == office)]
        return sorted(live, key=lambda v: -v.elapsed_seconds)

    def pseudonym(self, clerk_id: str) -> str:
        """The clerk's pseudonym in exports (the same one ``kakanai report`` prints)."""
        return pseudonym(clerk_id, self._secret)

    def export_tables(self, flt: KpiFilter) -> dict[str, list[list[Any]]]:
        """The report as named tables (sheet name -> rows, header first); clerks appear only as pseudonyms."""
        with _figures_or_typed_error():
            f = self._figures(flt)
            tables: dict[str, list[list[Any]]] = {"概要": self._overview_rows(flt, f.overview())}
            for dimension, name in EXPORT_DIMENSIONS.items():
                tables[name] = self.stats_table(dimension, f.handling_by(dimension))
            tables["分布"] = [["処理時間(分)", "件数"], *([b.label, b.visits] for b in _bins(f.histogram()))]
        return tables

    def stats_table(self, dimension: str, stats: list[Stat]) -> list[list[Any]]:
        """One dimension's groups as a table, header first, as the exports and ``kakanai report`` show
        them: named for a supervisor, in order, minutes; no 目標超過 column where there is no target."""
        header = STATS_HEADER[:-1] if dimension in NO_TARGET else STATS_HEADER
        return [list(header), *(self._stat_row(dimension, s) for s in _ordered(dimension, stats))]

    def group_label(self, dimension: str, group: str) -> str:
        """The name a supervisor reads for a group (転入, 職員-…, 9時, a procedure's title, 全体)."""
        if dimension == "clerk":
            return self.pseudonym(group)
        if dimension == "event":
            return event_label(group)
        if dimension == "hour":
            return f"{group}時"
        if dimension == "procedure":
            return self.procedure_titles.get(group, group)
        return "全体" if dimension == "all" else group

    def _stat_row(self, dimension: str, s: Stat) -> list[Any]:
        row = [self.group_label(dimension, s.group), s.visits, _minutes(s.mean), _minutes(s.median),
               _minutes(s.p90), _minutes(s.max)]
        return row if dimension in NO_TARGET else [*row, round(s.over_target * 100, 1)]

    def _overview_rows(self, flt: KpiFilter, o: Overview) -> list[list[Any]]:
        h = o.handling
        scope = [["期間", f"{flt.start.isoformat()} 〜 {flt.end.isoformat()}"], ["庁舎", flt.office or "すべて"],
                 ["窓口", flt.counter or "すべて"], ["届出の種類", event_label(flt.event) if flt.event else "すべて"]]
        if flt.clerk:
            scope.append(["職員", self.pseudonym(flt.clerk)])
        wait = None if o.mean_wait is None else _minutes(o.mean_wait)
        return [["項目", "値"], *scope, ["件数", o.visits], ["平均処理時間(分)", _minutes(h.mean)],
                ["中央値(分)", _minutes(h.median)], ["90%(分)", _minutes(h.p90)],
                [f"目標{self.settings.target_minutes:g}分超の割合(%)", round(h.over_target * 100, 1)],
                ["1件あたり様式(枚)", round(o.forms_per_visit, 2)], ["平均待ち時間(分)", wait],
                ["取消", o.cancelled], ["時間不正確で除外", o.inaccurate],
                ["手書きに比べた短縮(時間)", round(o.time_saved_seconds / 3600, 1)]]


def _ordered(dimension: str, stats: list[Stat]) -> list[Stat]:
    """Hours by number, life events in EVENT_ORDER (then any other code), the rest as they come."""
    if dimension == "hour":
        return sorted(stats, key=lambda s: int(s.group))
    if dimension == "event":
        rank = {e: n for n, e in enumerate(EVENT_ORDER)}
        return sorted(stats, key=lambda s: (rank.get(s.group, len(rank)), s.group))
    return stats


def _bins(counts: list[int]) -> list[Bin]:
    edges = [0, *HISTOGRAM_EDGES]
    bins = [Bin(f"{lo}–{hi}", lo, hi, n) for (lo, hi), n in zip(pairwise(edges), counts)]
    return [*bins, Bin(f"{edges[-1]}以上", edges[-1], None, counts[-1])]


STATS_HEADER = ("区分", "件数", "平均(分)", "中央値(分)", "90%(分)", "最大(分)", "目標超過(%)")
# a procedure's time is its share of a visit: comparing it with the visit's target means nothing
NO_TARGET = frozenset({"procedure"})
EXPORT_DIMENSIONS = {"all": "全体", "event": "届出別", "hour": "時間帯別", "day": "日別", "office": "庁舎別",
                     "counter": "窓口別", "clerk": "職員別", "procedure": "手続別"}


def _minutes(seconds: float) -> float:
    return round(seconds / 60, 1)


def kpi_service_for(settings: Settings, engine: Engine, procedure_titles: dict[str, str] | None = None) -> KpiService:
    """A KpiService configured from the app's `Settings` (target, baseline, time zone, installation key)."""
    from kakanai.keys import derive, installation_key

    kpi = KpiSettings(**settings.kpi.model_dump())
    secret = derive(installation_key(settings.data_path()), "pseudonym")
    return KpiService(engine, kpi, secret, office_tz=ZoneInfo(settings.office_timezone),
                      procedure_titles=procedure_titles)


# -- exports --------------------------------------------------------------------------------------

def csv_rows(tables: dict[str, list[list[Any]]]) -> list[list[Any]]:
    """The statistics tables of `KpiService.export_tables` as one long table with a 集計 column."""
    rows: list[list[Any]] = [["集計", *STATS_HEADER]]
    for name, table in tables.items():
        if table and tuple(table[0]) == STATS_HEADER:
            rows.extend([name, *row] for row in table[1:])
        elif table and tuple(table[0]) == STATS_HEADER[:-1]:  # no target column (procedures): left empty
            rows.extend([name, *row, ""] for row in table[1:])
    return rows


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> Any:
    """A cell value a spreadsheet shows as it is: text starting like a formula (= + - @, tab, CR)
    gets a leading single quote (OWASP's advice for CSV injection); numbers and None stay as they are."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def export_csv(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    """Write rows as a CSV file Excel opens correctly (UTF-8 with BOM); office, counter and procedure
    names can never become formulas."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([inert(v) for v in row] for row in rows)


def export_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    """Write one worksheet per table (header row bold and frozen, columns sized to fit); text cells are
    made `inert`, so no name from the log or the catalog becomes a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name[:31])
        for row in rows:
            sheet.append([inert(v) for v in row])
        for cell in sheet[1] if rows else ():
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(_display_width(c.value) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, width + 2)
    book.save(path)


def _display_width(value: Any) -> int:
    text_value = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text_value)
