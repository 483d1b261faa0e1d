"""The reference figures of `kpi`, worked out from the cache's columns (`kpi_cache.Slice`) instead
of SQL: the same definitions (timed visits only, nearest-rank percentiles, a procedure's time is
its visit's time shared equally), on the projection's own float64 seconds, so the figures agree to
a fraction of a millisecond (only sums are added up in another order).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from kakanai.store.kpi import DIMENSIONS, HISTOGRAM_EDGES, KpiFilter, KpiSettings, Overview, Stat
from kakanai.store.kpi_cache import CANCELLED, INACCURATE, TIMED, Slice

_CODES = {"event": "event", "clerk": "clerk", "counter": "counter", "office": "office", "day": "day"}


def select(cached: Slice, flt: KpiFilter) -> Slice:
    """The visits of a filter (the period and office were chosen when loading)."""
    mask = np.ones(len(cached), dtype=bool)
    for dimension, wanted in (("counter", flt.counter), ("clerk", flt.clerk), ("event", flt.event),
                              ("office", flt.office)):
        if wanted is not None:
            mask &= cached.columns[dimension] == cached.code(dimension, wanted)
    return cached if mask.all() else cached.where(mask)


@dataclass
class Figures:
    """Every figure of one filter's visits; sorting is done once and shared by the dimensions."""

    visits: Slice
    settings: KpiSettings

    @cached_property
    def timed(self) -> Slice:
        """The finished visits whose timing is trusted (the time figures use only these)."""
        flags = self.visits.columns["flags"]
        return self.visits.where((flags & TIMED) != 0)

    @cached_property
    def _visit_order(self) -> np.ndarray:
        return np.argsort(self.timed.columns["handling"], kind="stable")

    def handling_by(self, dimension: str) -> list[Stat]:
        """Handling-time figures per group of ``dimension`` (as `kpi.handling_by`), hours by number,
        other groups by name."""
        stats = self._handling_by(dimension)
        return sorted(stats, key=lambda s: (int(s.group), "") if dimension == "hour" else (0, s.group))

    def _handling_by(self, dimension: str) -> list[Stat]:
        if dimension not in DIMENSIONS and dimension != "all":
            raise ValueError(f"unknown dimension {dimension!r}")
        columns = self.timed.columns
        if dimension == "procedure":
            with np.errstate(divide="ignore", invalid="ignore"):  # visits without procedures repeat 0 times
                values = np.repeat(columns["handling"] / columns["share_of"], columns["procedures"])
            groups, order = columns["codes"], None
        else:
            values, order = columns["handling"], self._visit_order
            groups = np.zeros(len(values), "<u2") if dimension == "all" else columns[_CODES.get(dimension, "hour")]
        target = self.settings.target_minutes * 60
        return [Stat(self._label(dimension, g), *row) for g, row in _group_stats(values, groups, target, order)]

    def _label(self, dimension: str, code: int) -> str:
        if dimension == "all":
            return "all"
        if dimension == "hour":
            return str(code)
        return self.visits.names["procedure" if dimension == "procedure" else _CODES[dimension]][code]

    def overview(self) -> Overview:
        """The headline figures (as `kpi.overview`)."""
        flags, timed = self.visits.columns["flags"], self.timed.columns
        stats = self.handling_by("all")
        waits = timed["wait"][~np.isnan(timed["wait"])]
        counts = np.bincount(timed["codes"], minlength=len(self.visits.names["procedure"]))
        names = self.visits.names["procedure"]
        baseline = sum(self.settings.baseline_seconds(names[c]) * int(n) for c, n in enumerate(counts) if n)
        visits = len(self.timed)
        return Overview(
            visits=visits, cancelled=int(np.count_nonzero(flags & CANCELLED)),
            inaccurate=int(np.count_nonzero(flags & INACCURATE)),
            forms_per_visit=float(timed["forms"].mean()) if visits else 0.0,
            mean_wait=float(waits.mean()) if len(waits) else None,
            handling=stats[0] if stats else Stat("all", 0, 0.0, 0.0, 0.0, 0.0, 0.0),
            time_saved_seconds=baseline - float(timed["handling"].sum()),
        )

    def histogram(self) -> list[int]:
        """Timed visits per bar of `kpi.HISTOGRAM_EDGES` (as `kpi.histogram`)."""
        ordered = self.timed.columns["handling"][self._visit_order]
        edges = np.array([0, *HISTOGRAM_EDGES], dtype=float) * 60
        below = np.searchsorted(ordered, edges, side="left")
        return [*(int(n) for n in np.diff(below)), int(len(ordered) - below[-1])]


def _group_stats(values: np.ndarray, groups: np.ndarray, target: float,
                 order: np.ndarray | None) -> list[tuple[int, tuple[int, float, float, float, float, float]]]:
    """Per group code: visits, mean, median, p90, max, share over target (nearest-rank percentiles)."""
    if not len(values):
        return []
    order = np.argsort(values, kind="stable") if order is None else order
    by_group = np.argsort(groups[order], kind="stable")  # radix sort of small codes, values stay sorted
    ordered = values[order][by_group]
    count = np.bincount(groups)
    sums = np.bincount(groups, weights=values)
    over = np.bincount(groups, weights=values > target)
    ends = np.cumsum(count)
    starts = ends - count
    median = ordered[np.maximum(starts + (50 * count + 99) // 100 - 1, 0)]
    p90 = ordered[np.maximum(starts + (90 * count + 99) // 100 - 1, 0)]
    top = ordered[np.maximum(ends - 1, 0)]
    return [(int(g), (int(count[g]), float(sums[g] / count[g]), float(median[g]), float(p90[g]), float(top[g]),
                      float(over[g] / count[g]))) for g in np.flatnonzero(count)]

