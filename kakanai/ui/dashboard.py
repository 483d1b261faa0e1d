"""The supervisor dashboard: filters, headline figures, charts, a live board of counters serving
now, and CSV / Excel exports — behind the supervisor's password (checked off the UI thread, with
the delay after wrong ones that `PasswordGuard` keeps across dialogs).

Every query runs through `run_in_background`; the handlers here only draw what comes back. The
screen knows no database: it talks to `KpiService` and shows the message of a `FiguresUnavailable`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kakanai.services.supervisor import (
    BREAKDOWNS,
    EVENT_ORDER,
    DashboardData,
    FiguresPreparing,
    FiguresUnavailable,
    FilterChoices,
    KpiFilter,
    KpiService,
    LiveVisit,
    PasswordGuard,
    Row,
    csv_rows,
    export_csv,
    export_xlsx,
)
from kakanai.ui import dialogs
from kakanai.ui.dashboard_widgets import (
    FIGURES,
    BarChart,
    BreakdownTable,
    DayLineChart,
    FigureCard,
    HistogramChart,
    LiveBoard,
    event_name,
    event_series,
    figure_texts,
    hour_series,
    previous_texts,
    tr,
)
from kakanai.ui.tasks import run_in_background

NO_PASSWORD_MESSAGE = QT_TRANSLATE_NOOP("Dashboard", "監督者用のパスワードがまだ設定されていません。\n"
                                                    "情報システム担当に、次のコマンドの実行を依頼してください。\n\n"
                                                    "    kakanai supervisor set-password")
LIVE_REFRESH_MS = 10_000
PREPARING_RETRY_MS = 2_000  # while the figures are being prepared, ask again this often
STYLE = """
QFrame#card { background: white; border: 1px solid #d5d8dc; border-radius: 6px; }
QLabel#cardTitle { color: #444; font-size: 11pt; }
QLabel#cardValue { color: #1f3b5a; font-size: 19pt; font-weight: bold; }
QLabel#cardPrevious { color: #666; font-size: 10pt; }
QLabel#boardTitle { font-size: 13pt; font-weight: bold; }
QComboBox, QDateEdit { font-size: 13pt; padding: 2px 4px; }
QTableWidget { font-size: 12pt; background: white; }
QHeaderView::section { font-size: 11pt; padding: 4px; }
"""


class PasswordDialog(QDialog):
    """Asks for the supervisor password; accepts only the right one and gives up after three tries.
    After a wrong one, 開く stays disabled for the delay the guard sets (also when the dialog is reopened)."""

    MAX_TRIES = 3
    checked = Signal(bool)  # a typed password came back from the check (True: the right one)

    def __init__(self, guard: PasswordGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("監督者の確認"))
        self.guard, self.tries, self._busy, self._finished = guard, 0, False, False
        self.field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="error")
        self.wait_label = QLabel()
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(self.tr("開く"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_submit)
        buttons.rejected.connect(self.reject)
        self.wait_timer = QTimer(self, singleShot=True, timeout=self.update_wait)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("ダッシュボードを開くには、監督者のパスワードを入力してください。")))
        for widget in (self.field, self.error, self.wait_label, buttons):
            layout.addWidget(widget)
        self.update_wait()

    def update_wait(self) -> None:
        """Enable 開く when the guard allows the next try; until then count down the seconds."""
        wait = self.guard.wait_seconds()
        self.open_button.setEnabled(wait <= 0 and not self._busy)
        self.wait_label.setText(self.tr("{0}秒後にもう一度入力できます").format(math.ceil(wait)) if wait > 0 else "")
        if wait > 0:
            self.wait_timer.start(min(1000, math.ceil(wait * 1000)))

    def _on_submit(self) -> None:
        if not self.open_button.isEnabled():
            return  # checking, or waiting out the delay
        password = self.field.text()
        self.field.clear()
        self._busy = True
        self.open_button.setEnabled(False)
        self.error.setText(self.tr("確認中…"))
        guard = self.guard
        run_in_background(lambda: guard.check(password), self._on_checked, self._on_check_failed)

    def _on_checked(self, right: bool) -> None:
        self._busy = False
        if self._finished:
            return  # cancelled while checking
        if right:
            self.accept()
        else:
            self.tries += 1
            if self.tries >= self.MAX_TRIES:
                self.reject()
            self.error.setText(self.tr("パスワードが違います（あと{0}回）").format(self.MAX_TRIES - self.tries))
            self.update_wait()
        self.checked.emit(right)

    def _on_check_failed(self, exc: Exception) -> None:
        self._busy = False
        self.error.setText(self.tr("確認できませんでした（{0}）").format(type(exc).__name__))
        self.update_wait()
        self.checked.emit(False)

    def done(self, result: int) -> None:
        """Close the dialog; a check still running is then ignored."""
        self._finished = True
        self.wait_timer.stop()
        super().done(result)


def ask_password(parent: QWidget | None, guard: PasswordGuard) -> bool:
    """True when the supervisor typed the right password (tells them to ask IT when none is set)."""
    if not guard.is_set:
        dialogs.inform_error(parent, tr("監督者ダッシュボード"), tr(NO_PASSWORD_MESSAGE))
        return False
    return PasswordDialog(guard, parent).exec() == QDialog.DialogCode.Accepted


def open_dashboard(parent: QWidget | None, kpi: KpiService, guard: PasswordGuard) -> DashboardWindow | None:
    """Ask the supervisor password, then show the dashboard; None on a wrong password or cancel."""
    if not ask_password(parent, guard):
        return None
    window = DashboardWindow(kpi, parent)
    window.show()
    return window


def ask_save_path(parent: QWidget, kind: str, suggested: str) -> Path | None:
    """Ask where to save an export (kind: csv or xlsx); None when cancelled."""
    pattern = "CSV (*.csv)" if kind == "csv" else "Excel (*.xlsx)"
    chosen, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Dashboard", "集計の保存先"),
                                            str(Path.home() / suggested), pattern)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{kind}" else path.with_name(f"{path.name}.{kind}")


class DashboardWindow(QMainWindow):
    """The supervisor's figures for a period, office, counter and life event, and the live board."""

    refreshed = Signal()  # the figures and charts were redrawn
    live_refreshed = Signal()  # the live board was redrawn
    exported = Signal(object)  # Path of a saved export
    failed = Signal(str)  # a message shown in the status bar
    breakdown_shown = Signal(str)  # a breakdown tab (BREAKDOWNS key) was filled for the figures shown

    def __init__(self, kpi: KpiService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.kpi = kpi
        self.data: DashboardData | None = None
        self.live: list[LiveVisit] = []
        self.ask_save_path: Callable[[str, str], Path | None] = lambda kind, name: ask_save_path(self, kind, name)
        self.choices = FilterChoices({})
        self._generation, self._live_busy, self._closed = 0, False, False
        self._shown_filter: KpiFilter | None = None  # the filter of the figures on screen
        self._filled: set[str] = set()  # breakdown tabs filled for those figures (others fill when shown)
        self.setWindowTitle(self.tr("kakanai 監督者ダッシュボード"))
        self.setStyleSheet(STYLE)
        self.resize(1366, 768)
        self.refresh_timer = QTimer(self, singleShot=True, interval=250, timeout=self.refresh)
        self.retry_timer = QTimer(self, singleShot=True, interval=PREPARING_RETRY_MS, timeout=self.refresh)
        self.live_timer = QTimer(self, interval=LIVE_REFRESH_MS, timeout=self.refresh_live)
        self._build()
        self._connect()
        today = kpi.today()
        self.set_period(today - timedelta(days=29), today)
        self.live_timer.start()
        self.refresh_button.setFocus()
        QTimer.singleShot(0, self._load_choices)
        QTimer.singleShot(0, self.refresh_live)

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(objectName="page")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addLayout(self._filter_bar())
        layout.addLayout(self._cards())
        body = QHBoxLayout()
        body.addWidget(self._tabs(), 3)
        self.live_board = LiveBoard()
        self.live_board.setMinimumWidth(330)
        body.addWidget(self.live_board, 1)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("集計の準備中…"))

    def _filter_bar(self) -> QHBoxLayout:
        self.start_edit, self.end_edit = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("yyyy/MM/dd")
        self.office_combo, self.counter_combo, self.event_combo = QComboBox(), QComboBox(), QComboBox()
        for combo in (self.office_combo, self.counter_combo):
            combo.addItem(self.tr("すべて"), None)
            combo.setMinimumContentsLength(6)
        self.event_combo.addItem(self.tr("すべて"), None)
        for event in EVENT_ORDER:
            self.event_combo.addItem(event_name(event), event)
        self.refresh_button = QPushButton(self.tr("更新 [F5]"))
        self.csv_button, self.xlsx_button = QPushButton(self.tr("CSV 出力")), QPushButton(self.tr("Excel 出力"))
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("期間")), self.start_edit, QLabel("〜"), self.end_edit, QLabel(self.tr("庁舎")),
                       self.office_combo, QLabel(self.tr("窓口")), self.counter_combo, QLabel(self.tr("届出")),
                       self.event_combo, self.refresh_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.csv_button)
        row.addWidget(self.xlsx_button)
        return row

    def _cards(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(6)
        self.cards = {key: FigureCard(tr(title)) for key, title in FIGURES}
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, n // 5, n % 5)
        return grid

    def _tabs(self) -> QTabWidget:
        """The charts, then the breakdowns by counter, clerk and procedure (Ctrl+Tab goes through them)."""
        self.tabs = QTabWidget()
        charts = QWidget()
        charts.setLayout(self._charts())
        self.tabs.addTab(charts, self.tr("グラフ"))
        titles = {"counter": self.tr("窓口別"), "clerk": self.tr("職員別（仮名）"), "procedure": self.tr("手続別")}
        self.breakdowns = {d: BreakdownTable(d) for d in BREAKDOWNS}
        for dimension in BREAKDOWNS:
            page = QWidget()
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 4, 0, 0)
            column.addWidget(self.breakdowns[dimension], 1)
            if dimension == "procedure":
                column.addWidget(QLabel(self.tr("手続ごとの時間は、来庁1件の処理時間をその来庁の手続の数で等分したものです"
                                                "（来庁の目標時間とは比べません）"), objectName="hint", wordWrap=True))
            self.tabs.addTab(page, titles[dimension])
        self.tabs.currentChanged.connect(lambda _index: self._fill_breakdown())
        return self.tabs

    def _tab_breakdown(self) -> str | None:
        """The breakdown on screen (a BREAKDOWNS key), None on the charts."""
        index = self.tabs.currentIndex()
        return BREAKDOWNS[index - 1] if 1 <= index <= len(BREAKDOWNS) else None

    def _charts(self) -> QGridLayout:
        minutes = self.tr("分")
        self.charts = {
            "hour": BarChart(self.tr("時間帯別の処理時間"), minutes, x_title=self.tr("開始時刻（時台）と件数"), labels=True),
            "event": BarChart(self.tr("届出別の処理時間"), minutes, x_title=self.tr("届出と件数"), labels=True),
            "day": DayLineChart(self.tr("日ごとの処理時間"), minutes),
            "distribution": HistogramChart(self.tr("処理時間の分布"), self.tr("件数"), labels=True),
        }
        grid = QGridLayout()
        grid.setSpacing(6)
        for n, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, n // 2, n % 2)
        return grid

    def _connect(self) -> None:
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self._on_filter_changed)
        self.office_combo.currentIndexChanged.connect(self._on_office_changed)
        for combo in (self.counter_combo, self.event_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))

    # -- filters ---------------------------------------------------------------------------------
    def set_period(self, start: date, end: date) -> None:
        """Show ``start``..``end`` (and refresh)."""
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))
        self._on_filter_changed()

    def current_filter(self) -> KpiFilter | None:
        """The filter the widgets describe (None when the period is backwards)."""
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        if start > end:
            return None
        return KpiFilter(start, end, office=self.office_combo.currentData(),
                         counter=self.counter_combo.currentData(), event=self.event_combo.currentData())

    def _on_filter_changed(self) -> None:
        self.refresh_timer.start()  # one query for a burst of changes

    def _on_office_changed(self) -> None:
        self._fill_counters()
        self._on_filter_changed()
        self.refresh_live()

    def _load_choices(self) -> None:
        run_in_background(self.kpi.choices, self._on_choices, self._on_error)

    def _on_choices(self, choices: FilterChoices) -> None:
        if self._closed:
            return
        self.choices = choices
        self.office_combo.blockSignals(True)
        for office in choices.offices:
            self.office_combo.addItem(office, office)
        self.office_combo.blockSignals(False)
        self._fill_counters()

    def _fill_counters(self) -> None:
        counters = self.choices.counters
        office = self.office_combo.currentData()
        names = counters.get(office, []) if office else sorted({c for cs in counters.values() for c in cs})
        current = self.counter_combo.currentData()
        self.counter_combo.blockSignals(True)
        self.counter_combo.clear()
        self.counter_combo.addItem(self.tr("すべて"), None)
        for name in sorted(names, key=_natural):
            self.counter_combo.addItem(name, name)
        self.counter_combo.setCurrentIndex(max(0, self.counter_combo.findData(current)))
        self.counter_combo.blockSignals(False)

    # -- figures and charts ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Query the figures for the current filter in the background, then draw them."""
        flt = self.current_filter()
        if flt is None:
            self._show_error(self.tr("期間の開始日が終了日より後になっています"))
            return
        self._generation += 1
        generation = self._generation
        self.retry_timer.stop()
        self.statusBar().showMessage(self.tr("集計中…"))
        shown = self._tab_breakdown()  # the first view: a breakdown is worked out only when its tab shows
        run_in_background(lambda: self.kpi.dashboard(flt, (shown,) if shown else ()),
                          lambda data: self._on_data(generation, flt, data),
                          lambda exc: self._on_figures_error(generation, exc))

    def _on_figures_error(self, generation: int, exc: Exception) -> None:
        if self._closed or generation != self._generation:
            return
        self._on_error(exc)
        if isinstance(exc, FiguresPreparing):
            self.retry_timer.start()  # the days are rebuilt in the background: ask again shortly

    def _on_data(self, generation: int, flt: KpiFilter, data: DashboardData) -> None:
        if self._closed or generation != self._generation:
            return  # a newer filter was asked for meanwhile
        self.data, self._shown_filter, self._filled = data, flt, set()
        target = self.kpi.settings.target_minutes
        for key, value in figure_texts(data, target).items():
            self.cards[key].value.setText(value)
        for key, value in previous_texts(data, target).items():
            self.cards[key].previous.setText(value)
        for dimension, table in self.breakdowns.items():
            table.show_rows(data.breakdowns.get(dimension, []))  # the others fill when their tab shows
        self._filled.update(data.breakdowns)
        self.charts["hour"].show_bars(*hour_series(data.by_hour))
        self.charts["event"].show_bars(*event_series(data.by_event))
        days = [date.fromisoformat(s.group) for s in data.by_day]
        self.charts["day"].show_lines(days, {self.tr("平均"): [round(s.mean / 60, 1) for s in data.by_day],
                                             self.tr("中央値"): [round(s.median / 60, 1) for s in data.by_day]})
        histogram = self.charts["distribution"]
        histogram.x_title = self.tr("処理時間（分）　右端の棒は{0}分以上").format(data.histogram[-1].low)
        histogram.show_histogram([b.low for b in data.histogram], [b.visits for b in data.histogram],
                                 name=self.tr("件数"))
        earlier = data.previous_period
        compared = (self.tr("　前の期間 {0}〜{1}").format(f"{earlier[0]:%m/%d}", f"{earlier[1]:%m/%d}")
                    if earlier else "")
        self.statusBar().showMessage(self.tr("最終更新 {0}　目標 {1}分{2}　時間が不正確な来庁（日付をまたいだ・強制終了）は"
                                             "時間の集計から除いています").format(self._now_text(), f"{target:g}", compared))
        self.refreshed.emit()
        for dimension in data.breakdowns:
            self.breakdown_shown.emit(dimension)
        self._fill_breakdown()

    def _fill_breakdown(self) -> None:
        """Fill the breakdown tab on screen from the figures shown, once per refresh (in the background)."""
        dimension, flt, generation = self._tab_breakdown(), self._shown_filter, self._generation
        if dimension is None or flt is None or dimension in self._filled or self._closed:
            return
        self._filled.add(dimension)

        def done(rows: list[Row]) -> None:
            if self._closed or generation != self._generation:
                return
            self.breakdowns[dimension].show_rows(rows)
            if self.data is not None:
                self.data.breakdowns[dimension] = rows
            self.breakdown_shown.emit(dimension)

        def failed(exc: Exception) -> None:
            self._filled.discard(dimension)
            self._on_figures_error(generation, exc)

        run_in_background(lambda: self.kpi.breakdown(flt, dimension), done, failed)

    # -- live board ------------------------------------------------------------------------------
    def refresh_live(self) -> None:
        """Query the visits being served now in the background, then redraw the board."""
        if self._live_busy or self._closed:
            return
        self._live_busy = True
        office = self.office_combo.currentData()
        run_in_background(lambda: self.kpi.open_visits(office), self._on_live, self._on_live_error)

    def _on_live(self, live: list[LiveVisit]) -> None:
        self._live_busy = False
        if self._closed:
            return
        self.live = live
        self.live_board.show_visits(live, self.kpi.settings.target_minutes * 60, self.kpi.office_tz,
                                    self._now_text())
        self.live_refreshed.emit()

    def _on_live_error(self, exc: Exception) -> None:
        self._live_busy = False
        self._on_error(exc)

    # -- exports ---------------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        """Save the current filter's report as CSV or Excel (asks where; runs in the background)."""
        flt = self.current_filter()
        if flt is None:
            return
        path = self.ask_save_path(kind, f"処理時間_{flt.start:%Y%m%d}-{flt.end:%Y%m%d}.{kind}")
        if path is None:
            return
        kpi = self.kpi

        def work() -> Path:  # on a worker thread: files and queries only, no widget
            tables = kpi.export_tables(flt)
            if kind == "csv":
                export_csv(path, csv_rows(tables))
            else:
                export_xlsx(path, tables)
            return path

        self._set_exporting(True)
        run_in_background(work, self._on_exported, self._on_export_error)

    def _set_exporting(self, busy: bool) -> None:
        self.csv_button.setEnabled(not busy)
        self.xlsx_button.setEnabled(not busy)

    def _on_exported(self, path: Path) -> None:
        self._set_exporting(False)
        self.statusBar().showMessage(self.tr("保存しました: {0}").format(path))
        self.exported.emit(path)

    def _on_export_error(self, exc: Exception) -> None:
        self._set_exporting(False)
        if isinstance(exc, OSError):
            self._show_error(self.tr("保存できませんでした: {0}").format(exc.strerror or exc))
        else:
            self._on_error(exc)

    # -- errors and closing ----------------------------------------------------------------------
    def _on_error(self, exc: Exception) -> None:
        if isinstance(exc, FiguresUnavailable):
            self._show_error(self.tr("集計を準備しています（あと{0}日分）。しばらくお待ちください").format(exc.days_left)
                             if isinstance(exc, FiguresPreparing) else tr(exc.message))
        else:
            self._show_error(self.tr("集計できませんでした（{0}）。情報システム担当に連絡してください")
                             .format(type(exc).__name__))

    def _now_text(self) -> str:
        return f"{self.kpi.clock().astimezone(self.kpi.office_tz):%H:%M:%S}"

    def _show_error(self, message: str) -> None:
        if self._closed:
            return
        self.statusBar().showMessage(message)
        self.failed.emit(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the timers; late results are ignored."""
        self._closed = True
        self.live_timer.stop()
        self.refresh_timer.stop()
        self.retry_timer.stop()
        self.kpi.release()
        super().closeEvent(event)


def _natural(name: str) -> tuple[Any, ...]:
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 10**9, name)
