"""The dashboard's parts: charts (QtCharts: bars by category, a histogram, lines by day), figure
cards and the live board. They only draw what they are given, and the charts can read back what
they draw (for tests)."""

from __future__ import annotations

import math
from datetime import date, tzinfo

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kakanai.services.supervisor import (
    EVENT_ORDER,
    NO_TARGET,
    DashboardData,
    LiveVisit,
    Overview,
    Row,
    Stat,
    event_label,
)

COLORS = ("#1f3b5a", "#e08a00", "#2e7d4f", "#8a3b8f")
# the service's Japanese words the dashboard shows, for the translation file (translated by `tr`)
SERVICE_WORDS = (QT_TRANSLATE_NOOP("Dashboard", "転入"), QT_TRANSLATE_NOOP("Dashboard", "転出"),
                 QT_TRANSLATE_NOOP("Dashboard", "転居"), QT_TRANSLATE_NOOP("Dashboard", "出生"),
                 QT_TRANSLATE_NOOP("Dashboard", "死亡"), QT_TRANSLATE_NOOP("Dashboard", "婚姻"),
                 QT_TRANSLATE_NOOP("Dashboard", "全体"),
                 QT_TRANSLATE_NOOP("Dashboard", "データベースに接続できません。しばらくしてから［更新］を押してください"))


def tr(text: str) -> str:
    """The dashboard's text in the UI language (Japanese unless a translation is installed)."""
    return QCoreApplication.translate("Dashboard", text)


def event_name(event: str) -> str:
    """A life event's name in the UI language (転入 / Move in …)."""
    return tr(event_label(event))


def nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 × 10ⁿ; 1 for nothing)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value)


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont(QApplication.font().family(), points)
    font.setBold(bold)
    return font


def _at(day: date, hour: int, minute: int) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, minute))


class _ChartView(QChartView):
    def __init__(self, title: str, y_title: str) -> None:
        chart = QChart()
        chart.setTitleFont(_font(12, bold=True))
        chart.legend().setFont(_font(10))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 2, 4, 2))
        chart.setBackgroundRoundness(4)
        super().__init__(chart)
        self.title, self.y_title = title, y_title
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(300, 200)

    def _reset(self, empty: bool) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(QCoreApplication.translate("Dashboard", "{0}（該当なし）").format(self.title) if empty
                       else self.title)
        return chart

    def _value_axis(self, top: float) -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, nice_max(top))
        axis.setTickCount(6)
        axis.setLabelFormat("%.0f" if nice_max(top) >= 5 else "%.1f")
        axis.setLabelsFont(_font(10))
        axis.setTitleText(self.y_title)
        axis.setTitleFont(_font(10))
        self.chart().addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        return axis


class BarChart(_ChartView):
    """Bars per category, one colour per series (e.g. 平均 and 90%)."""

    def __init__(self, title: str, y_title: str, *, x_title: str = "", labels: bool = False) -> None:
        super().__init__(title, y_title)
        self.x_title, self.labels = x_title, labels

    def show_bars(self, categories: list[str], series: dict[str, list[float]]) -> None:
        """Draw ``series`` (name -> one value per category)."""
        bars = self._bars(series)
        x = QBarCategoryAxis()
        x.append(categories)
        self._attach(bars, x, series)

    def _bars(self, series: dict[str, list[float]]) -> QBarSeries:
        chart = self._reset(not any(any(v) for v in series.values()))
        bars = QBarSeries()
        bars.setBarWidth(0.9 if len(series) == 1 else 0.8)
        for n, (name, values) in enumerate(series.items()):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(QColor(COLORS[n % len(COLORS)]))
            bar_set.setLabelFont(_font(9))
            bar_set.setLabelColor(QColor("#1b1b1b"))
            bars.append(bar_set)
        bars.setLabelsVisible(self.labels)
        bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.setLabelsPrecision(8)  # 2,490 visits read 2490, never 2.49e+03
        chart.addSeries(bars)
        return bars

    def _attach(self, bars: QBarSeries, x: QBarCategoryAxis | QCategoryAxis, series: dict[str, list[float]]) -> None:
        chart = self.chart()
        x.setLabelsFont(_font(8))
        x.setTitleText(self.x_title)
        x.setTitleFont(_font(10))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(x)
        bars.attachAxis(self._value_axis(max((max(v, default=0) for v in series.values()), default=0) * 1.12))
        chart.legend().setVisible(len(series) > 1)

    def categories(self) -> list[str]:
        """The categories drawn on the x axis."""
        axes = self.chart().axes(Qt.Orientation.Horizontal)
        return list(axes[0].categories()) if axes else []

    def values(self, name: str) -> list[float]:
        """The values drawn for one series."""
        for series in self.chart().series():
            for bar_set in series.barSets():
                if bar_set.label() == name:
                    return [bar_set.at(i) for i in range(bar_set.count())]
        raise KeyError(name)


class HistogramChart(BarChart):
    """Touching bars over value ranges, the axis labelled at the edges (0, 10, 20 … minutes)."""

    def show_histogram(self, edges: list[int], counts: list[int], name: str = "件数", label_every: int = 10) -> None:
        """Draw ``counts[i]`` visits in [edges[i], edges[i+1]); one more count than edges-1 is an open last bin."""
        bars = self._bars({name: [float(c) for c in counts]})
        bars.setBarWidth(0.96)
        x = QCategoryAxis()
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x.setStartValue(-0.5)
        x.append(str(edges[0]), -0.49)  # the left edge gets a label too
        for n, edge in enumerate(edges[1:]):
            if edge % label_every == 0:
                x.append(str(edge), n + 0.5)
        x.setRange(-0.5, len(counts) - 0.5)
        self._attach(bars, x, {name: [float(c) for c in counts]})

    def edge_labels(self) -> list[str]:
        """The labels drawn under the bars' edges."""
        axes = self.chart().axes(Qt.Orientation.Horizontal)
        return list(axes[0].categoriesLabels()) if axes else []


class DayLineChart(_ChartView):
    """Lines over days (e.g. mean and median handling minutes per day)."""

    def show_lines(self, days: list[date], series: dict[str, list[float]]) -> None:
        """Draw ``series`` (name -> one value per day)."""
        chart = self._reset(not days)
        stamps = [_at(d, 12, 0).toMSecsSinceEpoch() for d in days]
        for n, (name, values) in enumerate(series.items()):
            line = QLineSeries(name=name)
            for x, y in zip(stamps, values):
                line.append(float(x), float(y))
            line.setPen(QPen(QColor(COLORS[n % len(COLORS)]), 2.5))
            line.setPointsVisible(len(days) <= 45)
            chart.addSeries(line)
        x = QDateTimeAxis()
        x.setFormat("M/d")
        x.setLabelsFont(_font(10))
        x.setTickCount(min(8, max(2, len(days))))
        first, last = (days[0], days[-1]) if days else (date.today(), date.today())
        x.setRange(_at(first, 0, 0), _at(last, 23, 59))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        y = self._value_axis(max((max(v, default=0) for v in series.values()), default=0) * 1.1)
        for line in chart.series():
            line.attachAxis(x)
            line.attachAxis(y)

    def points(self, name: str) -> list[tuple[date, float]]:
        """The (day, value) points drawn for one series."""
        for series in self.chart().series():
            if series.name() == name:
                return [(QDateTime.fromMSecsSinceEpoch(int(p.x())).date().toPython(), p.y()) for p in series.points()]
        raise KeyError(name)


def _minutes(stat: Stat | None, value: str) -> float:
    return round(getattr(stat, value) / 60, 1) if stat else 0.0


def count_text(visits: int) -> str:
    """``12件``: how many visits a bar or a row stands for."""
    return QCoreApplication.translate("Dashboard", "{0}件").format(f"{visits:,}")


def short_count(visits: int) -> str:
    """``2620件`` under a bar (no separator: the category is narrow)."""
    return QCoreApplication.translate("Dashboard", "{0}件").format(visits)


def hour_series(stats: list[Stat]) -> tuple[list[str], dict[str, list[float]]]:
    """Hours 8…17 (widened to any other hour with visits), each with its visits, and mean / 90%
    minutes per hour."""
    by_hour = {int(s.group): s for s in stats}
    hours = range(min([8, *by_hour]), max([17, *by_hour]) + 1)
    pick = [by_hour.get(h) for h in hours]
    return ([f"{h}<br>{s.visits if s else 0}" for h, s in zip(hours, pick)],
            {QCoreApplication.translate("Dashboard", "平均"): [_minutes(s, "mean") for s in pick], QCoreApplication.translate("Dashboard", "90%"): [_minutes(s, "p90") for s in pick]})


def event_series(stats: list[Stat]) -> tuple[list[str], dict[str, list[float]]]:
    """The six life events (then any other code), each with its visits, and mean / 90% minutes per event."""
    by_event = {s.group: s for s in stats}
    events = [*EVENT_ORDER, *(e for e in by_event if e not in EVENT_ORDER)]
    pick = [by_event.get(e) for e in events]
    return ([f"{event_name(e)}<br>{short_count(s.visits if s else 0)}" for e, s in zip(events, pick)],
            {QCoreApplication.translate("Dashboard", "平均"): [_minutes(s, "mean") for s in pick], QCoreApplication.translate("Dashboard", "90%"): [_minutes(s, "p90") for s in pick]})


FIGURES = (  # key, title (translated when drawn)
    ("visits", QT_TRANSLATE_NOOP("Dashboard", "来庁件数")), ("mean", QT_TRANSLATE_NOOP("Dashboard", "平均処理時間")),
    ("median", QT_TRANSLATE_NOOP("Dashboard", "処理時間 中央値")), ("p90", QT_TRANSLATE_NOOP("Dashboard", "処理時間 90%値")),
    ("over_target", QT_TRANSLATE_NOOP("Dashboard", "目標時間を超えた割合")),
    ("forms", QT_TRANSLATE_NOOP("Dashboard", "1件あたり様式")), ("wait", QT_TRANSLATE_NOOP("Dashboard", "平均待ち時間")),
    ("cancelled", QT_TRANSLATE_NOOP("Dashboard", "取消")),
    ("inaccurate", QT_TRANSLATE_NOOP("Dashboard", "除外（時間が不正確）")),
    ("saved", QT_TRANSLATE_NOOP("Dashboard", "手書きより短縮")),
)


def minutes_text(seconds: float | None) -> str:
    """``12.3分`` (or — when there is nothing to show)."""
    return "—" if seconds is None else QCoreApplication.translate("Dashboard", "{0}分").format(f"{seconds / 60:.1f}")


def overview_texts(o: Overview, target_minutes: float) -> dict[str, str]:
    """The headline figures of one period as the cards show them."""
    h = o.handling
    timed = o.visits > 0
    over = QCoreApplication.translate("Dashboard", "{0}%（{1}分超）").format(f"{h.over_target * 100:.0f}",
                                                                           f"{target_minutes:g}")
    return {
        "visits": count_text(o.visits), "mean": minutes_text(h.mean if timed else None),
        "median": minutes_text(h.median if timed else None), "p90": minutes_text(h.p90 if timed else None),
        "over_target": over if timed else "—",
        "forms": QCoreApplication.translate("Dashboard", "{0}枚").format(f"{o.forms_per_visit:.1f}") if timed else "—",
        "wait": minutes_text(o.mean_wait), "cancelled": count_text(o.cancelled), "inaccurate": count_text(o.inaccurate),
        "saved": QCoreApplication.translate("Dashboard", "{0}時間").format(f"{o.time_saved_seconds / 3600:,.1f}"),
    }


def figure_texts(data: DashboardData, target_minutes: float) -> dict[str, str]:
    """The headline figures as the cards show them."""
    return overview_texts(data.overview, target_minutes)


def previous_texts(data: DashboardData, target_minutes: float) -> dict[str, str]:
    """Each card's line for the period before: 「前の期間 12.0分」 (「前の期間 準備中」 while not ready)."""
    label = QCoreApplication.translate("Dashboard", "前の期間")
    if data.previous is None:
        return {key: f"{label} " + QCoreApplication.translate("Dashboard", "準備中") for key, _ in FIGURES}
    return {key: f"{label} {text}" for key, text in overview_texts(data.previous, target_minutes).items()}


class FigureCard(QFrame):
    """One headline figure: a small title over a large value, the period before under it."""

    def __init__(self, title: str) -> None:
        super().__init__(objectName="card")
        self.value = QLabel("—", objectName="cardValue")
        self.previous = QLabel("", objectName="cardPrevious")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        layout.addWidget(QLabel(title, objectName="cardTitle"))
        layout.addWidget(self.value)
        layout.addWidget(self.previous)


class BreakdownTable(QTableWidget):
    """One breakdown on screen (by counter, clerk or procedure): visits and handling minutes per group,
    most visits first; no target column for procedures (their time is a share of a visit)."""

    def __init__(self, dimension: str) -> None:
        headers = [QCoreApplication.translate("Dashboard", "区分"), QCoreApplication.translate("Dashboard", "件数"), QCoreApplication.translate("Dashboard", "平均(分)"), QCoreApplication.translate("Dashboard", "中央値(分)"), QCoreApplication.translate("Dashboard", "90%(分)")]
        self.dimension = dimension
        self.with_target = dimension not in NO_TARGET
        super().__init__(0, len(headers) + self.with_target)
        self.setHorizontalHeaderLabels(headers + ([QCoreApplication.translate("Dashboard", "目標超過(%)")] if self.with_target else []))
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def show_rows(self, rows: list[Row]) -> None:
        """Fill the table (labels as the service names the groups)."""
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            s = row.stat
            cells = [row.label, f"{s.visits:,}", f"{s.mean / 60:.1f}", f"{s.median / 60:.1f}", f"{s.p90 / 60:.1f}"]
            if self.with_target:
                cells.append(f"{s.over_target * 100:.0f}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(r, c, item)

    def rows(self) -> list[list[str]]:
        """The cells as shown (tests)."""
        return [[self.item(r, c).text() for c in range(self.columnCount())] for r in range(self.rowCount())]


def elapsed_text(seconds: float) -> str:
    """``12分`` or ``1時間05分``."""
    minutes = int(seconds // 60)
    if minutes >= 60:
        return QCoreApplication.translate("Dashboard", "{0}時間{1}分").format(minutes // 60, f"{minutes % 60:02d}")
    return QCoreApplication.translate("Dashboard", "{0}分").format(minutes)


class LiveBoard(QWidget):
    """The counters serving now and for how long; rows past the service-level target in red."""

    OVER_TARGET = "#fde2e1"

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel(QCoreApplication.translate("Dashboard", "いま対応中の窓口"), objectName="boardTitle")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("Dashboard", "窓口"), QCoreApplication.translate("Dashboard", "届出"), QCoreApplication.translate("Dashboard", "開始"), QCoreApplication.translate("Dashboard", "経過")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(QCoreApplication.translate("Dashboard", "10秒ごとに更新"), objectName="hint", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def show_visits(self, live: list[LiveVisit], target_seconds: float, office_tz: tzinfo, updated: str) -> None:
        """One row per visit being served (office and counter, event, start, time since the call)."""
        self.table.setRowCount(len(live))
        for row, visit in enumerate(live):
            started = visit.started_at.astimezone(office_tz)
            cells = [f"{visit.office} {visit.counter}", event_name(visit.event) if visit.event else "—",
                     f"{started:%H:%M}",
                     elapsed_text(visit.elapsed_seconds)]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if visit.elapsed_seconds > target_seconds:
                    item.setBackground(QBrush(QColor(self.OVER_TARGET)))
                self.table.setItem(row, column, item)
        self.title.setText(QCoreApplication.translate("Dashboard", "いま対応中の窓口　{0}件").format(len(live)))
        self.note.setText(QCoreApplication.translate("Dashboard", "10秒ごとに更新（{0}）\n赤: 目標時間を超えて対応中")
                          .format(updated))
