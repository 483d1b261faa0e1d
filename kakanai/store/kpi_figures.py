"""The reference figures of `kpi`, worked out from the cache's columns (`kpi_cache.Slice`) instead
of SQL: the same definitions (timed visits only, nearest-rank percentiles, a procedure's time is
its visit's time shared equally), on the projection's own float64 seconds, so counts, medians, p90s
and maxima are the same values and means differ only by the order a float sum is added up in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from kakanai.store.kpi import DIMENSIONS, HISTOGRAM_EDGES, KpiFilter, KpiSettings, Overview, Stat
from kakanai.store.kpi_cache import CANCELLED, INACCURATE, Slice

_CODES = {"event": "event", "clerk": "clerk", "counter": "counter", "office": "office", "day": "day"}


def select(cached: Slice, flt: KpiFilter) -> Slice:
    """The visits of a filter (the period and office were chosen when loading)."""
    wanted = [(d, w) for d, w in (("counter", flt.counter), ("clerk", flt.clerk), ("event", flt.event),
                                  ("office", flt.office)) if w is not None]
    if not wanted:
        return cached
    masks = []
    for part in (cached.timed, cached.untimed):
        mask = np.ones(len(part), dtype=bool)
        for dimension, name in wanted:
            column = part[dimension]  # decoded first: its names get their codes
            mask &= column == cached.code(dimension, name)
        masks.append(mask)
    return cached if all(m.all() for m in masks) else cached.where(*masks)


@dataclass
class Figures:
    """Every figure of one filter's visits; each column is decoded once and shared by the figures."""

    visits: Slice
    settings: KpiSettings

    def handling_by(self, dimension: str) -> list[Stat]:
        """Handling-time figures per group of ``dimension`` (as `kpi.handling_by`), hours by number,
        other groups by name."""
        stats = self._handling_by(dimension)
        return sorted(stats, key=lambda s: (int(s.group), "") if dimension == "hour" else (0, s.group))

    def _handling_by(self, dimension: str) -> list[Stat]:
        if dimension not in DIMENSIONS and dimension != "all":
            raise ValueError(f"unknown dimension {dimension!r}")
        timed, target = self.visits.timed, self.settings.target_minutes * 60
        if not len(timed):
            return []
        if dimension == "procedure":  # the entries are grouped by procedure already
            with np.errstate(divide="ignore"):  # a visit without procedures (share_of 0) has no entries
                shares = timed["handling"] / timed["share_of"]  # a visit's time shared by its procedures
            counts = self.visits.procedure_counts
            grouped = _grouped_stats(shares[self.visits.entries], counts, target)
        elif dimension == "all":
            grouped = _sorted_stats(self._sorted_handling, target)
        else:
            grouped = _group_stats(timed["handling"], timed[_CODES.get(dimension, "hour")], target)
        return [Stat(self._label(dimension, g), *row) for g, row in grouped]

    @cached_property
    def _sorted_handling(self) -> np.ndarray:
        """Every timed visit's handling seconds, sorted (the whole period's figures and the histogram)."""
        return np.sort(self.visits.timed["handling"])

    def _label(self, dimension: str, code: int) -> str:
        if dimension == "all":
            return "all"
        if dimension == "hour":
            return str(code)
        return self.visits.name("procedure" if dimension == "procedure" else _CODES[dimension], code)

    def overview(self) -> Overview:
        """The headline figures (as `kpi.overview`)."""
        timed, flags = self.visits.timed, self.visits.untimed["flags"]
        stats = self.handling_by("all")
        waits = timed["wait"][~np.isnan(timed["wait"])] if len(timed) else timed["wait"]
        counts = self.visits.procedure_counts
        baseline = sum(self.settings.baseline_seconds(self.visits.name("procedure", c)) * int(n)
                       for c, n in enumerate(counts.tolist()) if n)
        visits = len(timed)
        return Overview(
            visits=visits, cancelled=int(np.count_nonzero(flags & CANCELLED)),
            inaccurate=int(np.count_nonzero(flags & INACCURATE)),
            forms_per_visit=float(timed["forms"].mean()) if visits else 0.0,
            mean_wait=float(waits.mean()) if len(waits) else None,
            handling=stats[0] if stats else Stat("all", 0, 0.0, 0.0, 0.0, 0.0, 0.0),
            time_saved_seconds=baseline - (float(timed["handling"].sum()) if visits else 0.0),
        )

    def histogram(self) -> list[int]:
        """Timed visits per bar of `kpi.HISTOGRAM_EDGES` (as `kpi.histogram`)."""
        edges = np.array([0, *HISTOGRAM_EDGES], dtype=float) * 60
        below = self._sorted_handling.searchsorted(edges, side="left")  # visits under each edge: [lo, hi)
        return [int(n) for n in np.diff(np.append(below, len(self._sorted_handling)))]


Grouped = list[tuple[int, tuple[int, float, float, float, float, float]]]


def _group_stats(values: np.ndarray, groups: np.ndarray, target: float) -> Grouped:
    """Per group code: visits, mean, median, p90, max, share over target (nearest-rank percentiles).

    The values are put in group order by a radix sort of the small codes (unless they are in order
    already, as the days of a period are), then grouped."""
    count = np.bincount(groups)
    if len(groups) < 2 or bool((groups[1:] >= groups[:-1]).all()):
        return _grouped_stats(values.copy(), count, target)
    return _grouped_stats(values[np.argsort(groups, kind="stable")], count, target)


def _grouped_stats(ordered: np.ndarray, count: np.ndarray, target: float) -> Grouped:
    """The figures of values already in group order, ``count[g]`` values for group code ``g``.

    Each group's slice of ``ordered`` (a fresh array, changed here) is sorted in place (numpy's
    vectorised sort of float64 beats partitioning at three ranks by 2×): the ranks and the count
    over target are read off it; sums by `reduceat` over the groups' starts, taken before sorting."""
    present = np.flatnonzero(count)
    if not len(present):
        return []
    starts = (np.cumsum(count) - count)[present]
    sums = np.add.reduceat(ordered, starts)
    out = []
    for g, start, total in zip(present.tolist(), starts.tolist(), sums.tolist()):
        part = ordered[start:start + int(count[g])]
        part.sort()
        out.append((g, _figures_of_sorted(part, total, target)))
    return out


def _sorted_stats(values: np.ndarray, target: float) -> Grouped:
    """The figures of one group of values sorted already (code 0), or none for no values."""
    return [(0, _figures_of_sorted(values, float(np.add.reduce(values)), target))] if len(values) else []


def _figures_of_sorted(part: np.ndarray, total: float, target: float) -> tuple[int, float, float, float, float, float]:
    """Visits, mean, median, p90, max and share over target of sorted values summing to ``total``."""
    n = len(part)
    ranks = ((50 * n + 99) // 100 - 1, (90 * n + 99) // 100 - 1, n - 1)  # ⌈p·n⌉-th smallest, and the largest
    above = n - int(part.searchsorted(target, side="right"))  # values > target
    return n, total / n, float(part[ranks[0]]), float(part[ranks[1]]), float(part[ranks[2]]), above / n
