"""The supervisor's side of the visit log, without Qt: the password that guards the dashboard,
the figures the dashboard draws, and the CSV / Excel exports (clerk ids pseudonymised).

Every `KpiService` method queries the database, so screens call them off the UI thread.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import hmac
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

from kakanai.domain.household import EVENT_LABELS
from kakanai.domain.visits import JST
from kakanai.services.visit_service import utc_now
from kakanai.settings import Settings
from kakanai.store.kpi import KpiFilter, KpiSettings, Overview, Stat, handling_by, overview, pseudonym
from kakanai.store.visit_log import VisitLog

# -- the supervisor's password -------------------------------------------------------------------

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_MAX_MEMORY = 2**28  # refuse stored parameters that would need more than 256 MB (or minutes)


def hash_password(password: str) -> str:
    """A salted scrypt hash of ``password``, as one string for ``Settings.supervisor_password_hash``."""
    if not password:
        raise ValueError("the supervisor password must not be empty")
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (False for an empty or malformed stored hash)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        if scheme != "scrypt" or min(n_, r_, p_) < 1 or 128 * n_ * r_ * p_ > _MAX_MEMORY:
            return False
        expected = base64.b64decode(digest, validate=True)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt, validate=True),
                                n=n_, r=r_, p=p_, dklen=len(expected), maxmem=2 * _MAX_MEMORY)
    except (ValueError, binascii.Error):
        return False
    return hmac.compare_digest(actual, expected)


# -- what the dashboard draws --------------------------------------------------------------------

EVENT_ORDER = ("move_in", "move_out", "move_within", "birth", "death", "marriage")
EVENTS_JA = {event.value: label for event, label in EVENT_LABELS.items()}
HISTOGRAM_EDGES = tuple(range(5, 65, 5))  # minutes: 0–5, 5–10, … 55–60, then 60 and over


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
class DashboardData:
    """Everything the dashboard draws for one filter."""

    overview: Overview
    by_hour: list[Stat]  # ordered by hour
    by_event: list[Stat]  # in EVENT_ORDER, then any other code
    by_day: list[Stat]  # ordered by day
    histogram: list[Bin]


@dataclass(frozen=True)
class FilterChoices:
    """The offices and counters that appear in the log (for the filter lists)."""

    counters: dict[str, list[str]]  # office -> its counters

    @property
    def offices(self) -> list[str]:
        """Every office, sorted."""
        return sorted(self.counters)


def _histogram_sql(where: str) -> str:
    edges = [0, *HISTOGRAM_EDGES]
    cases = [f"SUM(CASE WHEN v.handling_seconds >= {lo * 60} AND v.handling_seconds < {hi * 60} THEN 1 ELSE 0 END)"
             for lo, hi in pairwise(edges)]
    cases.append(f"SUM(CASE WHEN v.handling_seconds >= {edges[-1] * 60} THEN 1 ELSE 0 END)")
    return f"SELECT {', '.join(cases)} FROM visits v WHERE {where}"


class KpiService:
    """The supervisor's figures over the visit log (runs queries: call it off the UI thread)."""

    def __init__(self, engine: Engine, settings: KpiSettings, pseudonym_secret: bytes, *,
                 office_tz: tzinfo = JST, clock: Callable[[], datetime] = utc_now,
                 procedure_titles: dict[str, str] | None = None) -> None:
        self.engine = engine
        self.settings = settings
        self.office_tz = office_tz
        self.clock = clock
        self.procedure_titles = procedure_titles or {}
        self._secret = pseudonym_secret
        self._log = VisitLog(engine, office_tz)

    def today(self) -> date:
        """Today's date at the office."""
        return self.clock().astimezone(self.office_tz).date()

    def overview(self, flt: KpiFilter) -> Overview:
        """The headline figures of a period."""
        return overview(self.engine, flt, self.settings)

    def handling_by(self, dimension: str, flt: KpiFilter) -> list[Stat]:
        """Handling-time figures per group of a dimension (event, hour, day, clerk, counter, office, procedure)."""
        stats = handling_by(self.engine, dimension, flt, self.settings)
        if dimension == "hour":
            return sorted(stats, key=lambda s: int(s.group))
        if dimension == "event":
            rank = {e: n for n, e in enumerate(EVENT_ORDER)}
            return sorted(stats, key=lambda s: (rank.get(s.group, len(rank)), s.group))
        return stats

    def histogram(self, flt: KpiFilter) -> list[Bin]:
        """How many visits took 0–5, 5–10, … 55–60 and 60+ minutes of handling."""
        where, params = flt.where()
        with self.engine.connect() as connection:
            counts = connection.execute(text(_histogram_sql(where)), params).one()
        edges = [0, *HISTOGRAM_EDGES]
        bins = [Bin(f"{lo}–{hi}", lo, hi, int(c or 0)) for (lo, hi), c in zip(pairwise(edges), counts)]
        return [*bins, Bin(f"{edges[-1]}以上", edges[-1], None, int(counts[-1] or 0))]

    def dashboard(self, flt: KpiFilter) -> DashboardData:
        """Headline figures and the data of every chart for one filter."""
        return DashboardData(self.overview(flt), self.handling_by("hour", flt), self.handling_by("event", flt),
                             self.handling_by("day", flt), self.histogram(flt))

    def choices(self) -> FilterChoices:
        """The offices and counters found in the log."""
        with self.engine.connect() as connection:
            rows = connection.execute(text("SELECT DISTINCT office, counter FROM visits ORDER BY office, counter")).all()
        counters: dict[str, list[str]] = {}
        for office, counter in rows:
            counters.setdefault(office, []).append(counter)
        return FilterChoices(counters)

    def open_visits(self, office: str | None = None) -> list[LiveVisit]:
        """Visits being served right now (optionally at one office), longest first."""
        now = self.clock()
        live = [LiveVisit(s.header.office, s.header.counter, s.header.event, s.started_at,
                          (now - s.started_at).total_seconds(), s.handling_seconds)
                for s in self._log.open_visits(now)
                if s.started_at is not None and (office is None or s.header.office == office)]
        return sorted(live, key=lambda v: -v.elapsed_seconds)

    def pseudonym(self, clerk_id: str) -> str:
        """The clerk's pseudonym in exports (the same one ``kakanai report`` prints)."""
        return pseudonym(clerk_id, self._secret)

    def export_tables(self, flt: KpiFilter) -> dict[str, list[list[Any]]]:
        """The report as named tables (sheet name -> rows, header first); clerks appear only as pseudonyms."""
        tables: dict[str, list[list[Any]]] = {"概要": self._overview_rows(flt)}
        for dimension, name in EXPORT_DIMENSIONS.items():
            tables[name] = [list(STATS_HEADER), *(self._stat_row(dimension, s) for s in self.handling_by(dimension, flt))]
        tables["分布"] = [["処理時間(分)", "件数"], *([b.label, b.visits] for b in self.histogram(flt))]
        return tables

    def _group_label(self, dimension: str, group: str) -> str:
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
        return [self._group_label(dimension, s.group), s.visits, _minutes(s.mean), _minutes(s.median),
                _minutes(s.p90), _minutes(s.max), round(s.over_target * 100, 1)]

    def _overview_rows(self, flt: KpiFilter) -> list[list[Any]]:
        o = self.overview(flt)
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


STATS_HEADER = ("区分", "件数", "平均(分)", "中央値(分)", "90%(分)", "最大(分)", "目標超過(%)")
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
    return rows


def export_csv(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    """Write rows as a CSV file Excel opens correctly (UTF-8 with BOM)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def export_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    """Write one worksheet per table (header row bold and frozen, columns sized to fit)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name[:31])
        for row in rows:
            sheet.append(list(row))
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
