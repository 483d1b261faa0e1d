"""The reference figures of `kpi`, worked out from the cache's columns (`kpi_cache.Slice`) instead
of SQL: the same definitions (timed visits only, nearest-rank percentiles, a procedure's time is
its visit's time shared equally), on the projection's own float64 seconds, so counts, medians, p90s and maxima are the same values
and means differ only by the order a float sum is added up in.
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
            groups = columns["codes"]
        else:
            values = columns["handling"]
            groups = np.zeros(len(values), "<u2") if dimension == "all" else columns[_CODES.get(dimension, "hour")]
        target = self.settings.target_minutes * 60
        return [Stat(self._label(dimension, g), *row) for g, row in _group_stats(values, groups, target)]

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
        edges = np.array([0, *HISTOGRAM_EDGES], dtype=float) * 60
        bars = np.searchsorted(edges, self.timed.columns["handling"], side="right") - 1  # [lo, hi): lo <= value
        return [int(n) for n in np.bincount(bars, minlength=len(edges))]


def _group_stats(values: np.ndarray, groups: np.ndarray,
                 target: float) -> list[tuple[int, tuple[int, float, float, float, float, float]]]:
    """Per group code: visits, mean, median, p90, max, share over target (nearest-rank percentiles).

    The values are put in group order by a radix sort of the small codes, then each group's ranks
    are found by partitioning its slice in place, not sorting (linear time); sums and counts over
    target come from the grouped values and the codes of the values over target (no weights)."""
    if not len(values):
        return []
    ordered = values[np.argsort(groups, kind="stable")]  # a fresh array: partitioned in place below
    count = np.bincount(groups)
    present = np.flatnonzero(count)
    starts = (np.cumsum(count) - count)[present]
    sums = np.add.reduceat(ordered, starts)
    over = np.bincount(groups[values > target], minlength=len(count))
    out = []
    for g, start, total in zip(present.tolist(), starts.tolist(), sums.tolist()):
        n = int(count[g])
        ranks = ((50 * n + 99) // 100 - 1, (90 * n + 99) // 100 - 1, n - 1)  # ⌈p·n⌉-th smallest, and the largest
        part = ordered[start:start + n]
        part.partition(ranks)
        out.append((g, (n, total / n, float(part[ranks[0]]), float(part[ranks[1]]), float(part[ranks[2]]),
                        float(over[g] / n))))
    return out
