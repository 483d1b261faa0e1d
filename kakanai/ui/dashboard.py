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

from PySide6.QtCore import QDate, Qt, QTimer, Signal
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
    QVBoxLayout,
    QWidget,
)

from kakanai.services.supervisor import (
    EVENT_ORDER,
    DashboardData,
    FiguresPreparing,
    FiguresUnavailable,
    FilterChoices,
    KpiFilter,
    KpiService,
    LiveVisit,
    PasswordGuard,
    csv_rows,
    event_label,
    export_csv,
    export_xlsx,
)
from kakanai.ui import dialogs
from kakanai.ui.dashboard_widgets import (
    FIGURES,
    BarChart,
    DayLineChart,
    FigureCard,
    HistogramChart,
    LiveBoard,
    event_series,
    figure_texts,
    hour_series,
)
from kakanai.ui.tasks import run_in_background

NO_PASSWORD_MESSAGE = ("監督者用のパスワードがまだ設定されていません。\n"
                       "情報システム担当に、次のコマンドの実行を依頼してください。\n\n"
                       "    kakanai supervisor set-password")
LIVE_REFRESH_MS = 10_000
PREPARING_RETRY_MS = 2_000  # while the figures are being prepared, ask again this often
STYLE = """
QFrame#card { background: white; border: 1px solid #d5d8dc; border-radius: 6px; }
QLabel#cardTitle { color: #444; font-size: 11pt; }
QLabel#cardValue { color: #1f3b5a; font-size: 19pt; font-weight: bold; }
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
        self.setWindowTitle("監督者の確認")
        self.guard, self.tries, self._busy, self._finished = guard, 0, False, False
        self.field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="error")
        self.wait_label = QLabel()
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton("開く", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("キャンセル", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_submit)
        buttons.rejected.connect(self.reject)
        self.wait_timer = QTimer(self, singleShot=True, timeout=self.update_wait)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("ダッシュボードを開くには、監督者のパスワードを入力してください。"))
        for widget in (self.field, self.error, self.wait_label, buttons):
            layout.addWidget(widget)
        self.update_wait()

    def update_wait(self) -> None:
        """Enable 開く when the guard allows the next try; until then count down the seconds."""
        wait = self.guard.wait_seconds()
        self.open_button.setEnabled(wait <= 0 and not self._busy)
        self.wait_label.setText(f"{math.ceil(wait)}秒後にもう一度入力できます" if wait > 0 else "")
        if wait > 0:
            self.wait_timer.start(min(1000, math.ceil(wait * 1000)))

    def _on_submit(self) -> None:
        if not self.open_button.isEnabled():
            return  # checking, or waiting out the delay
        password = self.field.text()
        self.field.clear()
        self._busy = True
        self.open_button.setEnabled(False)
        self.error.setText("確認中…")
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
            self.error.setText(f"パスワードが違います（あと{self.MAX_TRIES - self.tries}回）")
            self.update_wait()
        self.checked.emit(right)

    def _on_check_failed(self, exc: Exception) -> None:
        self._busy = False
        self.error.setText(f"確認できませんでした（{type(exc).__name__}）")
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
        dialogs.inform_error(parent, "監督者ダッシュボード", NO_PASSWORD_MESSAGE)
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
    chosen, _ = QFileDialog.getSaveFileName(parent, "集計の保存先", str(Path.home() / suggested), pattern)
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

    def __init__(self, kpi: KpiService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.kpi = kpi
        self.data: DashboardData | None = None
        self.live: list[LiveVisit] = []
        self.ask_save_path: Callable[[str, str], Path | None] = lambda kind, name: ask_save_path(self, kind, name)
        self.choices = FilterChoices({})
        self._generation, self._live_busy, self._closed = 0, False, False
        self.setWindowTitle("kakanai 監督者ダッシュボード")
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
        body.addLayout(self._charts(), 3)
        self.live_board = LiveBoard()
        self.live_board.setMinimumWidth(330)
        body.addWidget(self.live_board, 1)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage("集計の準備中…")

    def _filter_bar(self) -> QHBoxLayout:
        self.start_edit, self.end_edit = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("yyyy/MM/dd")
        self.office_combo, self.counter_combo, self.event_combo = QComboBox(), QComboBox(), QComboBox()
        for combo in (self.office_combo, self.counter_combo):
            combo.addItem("すべて", None)
            combo.setMinimumContentsLength(6)
        self.event_combo.addItem("すべて", None)
        for event in EVENT_ORDER:
            self.event_combo.addItem(event_label(event), event)
        self.refresh_button = QPushButton("更新 [F5]")
        self.csv_button, self.xlsx_button = QPushButton("CSV 出力"), QPushButton("Excel 出力")
        row = QHBoxLayout()
        for widget in (QLabel("期間"), self.start_edit, QLabel("〜"), self.end_edit, QLabel("庁舎"),
                       self.office_combo, QLabel("窓口"), self.counter_combo, QLabel("届出"), self.event_combo,
                       self.refresh_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.csv_button)
        row.addWidget(self.xlsx_button)
        return row

    def _cards(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(6)
        self.cards = {key: FigureCard(title) for key, title in FIGURES}
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, n // 5, n % 5)
        return grid

    def _charts(self) -> QGridLayout:
        self.charts = {
            "hour": BarChart("時間帯別の処理時間", "分", x_title="開始時刻（時台）"),
            "event": BarChart("届出別の処理時間", "分", labels=True),
            "day": DayLineChart("日ごとの処理時間", "分"), "distribution": HistogramChart("処理時間の分布", "件数"),
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
        self.counter_combo.addItem("すべて", None)
        for name in sorted(names, key=_natural):
            self.counter_combo.addItem(name, name)
        self.counter_combo.setCurrentIndex(max(0, self.counter_combo.findData(current)))
        self.counter_combo.blockSignals(False)

    # -- figures and charts ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Query the figures for the current filter in the background, then draw them."""
        flt = self.current_filter()
        if flt is None:
            self._show_error("期間の開始日が終了日より後になっています")
            return
        self._generation += 1
        generation = self._generation
        self.retry_timer.stop()
        self.statusBar().showMessage("集計中…")
        run_in_background(lambda: self.kpi.dashboard(flt), lambda data: self._on_data(generation, data),
                          lambda exc: self._on_figures_error(generation, exc))

    def _on_figures_error(self, generation: int, exc: Exception) -> None:
        if self._closed or generation != self._generation:
            return
        self._on_error(exc)
        if isinstance(exc, FiguresPreparing):
            self.retry_timer.start()  # the days are rebuilt in the background: ask again shortly

    def _on_data(self, generation: int, data: DashboardData) -> None:
        if self._closed or generation != self._generation:
            return  # a newer filter was asked for meanwhile
        self.data = data
        for key, value in figure_texts(data, self.kpi.settings.target_minutes).items():
            self.cards[key].value.setText(value)
        self.charts["hour"].show_bars(*hour_series(data.by_hour))
        self.charts["event"].show_bars(*event_series(data.by_event))
        days = [date.fromisoformat(s.group) for s in data.by_day]
        self.charts["day"].show_lines(days, {"平均": [round(s.mean / 60, 1) for s in data.by_day],
                                             "中央値": [round(s.median / 60, 1) for s in data.by_day]})
        histogram = self.charts["distribution"]
        histogram.x_title = f"処理時間（分）　右端の棒は{data.histogram[-1].low}分以上"
        histogram.show_histogram([b.low for b in data.histogram], [b.visits for b in data.histogram])
        self.statusBar().showMessage(f"最終更新 {self._now_text()}　目標 {self.kpi.settings.target_minutes:g}分"
                                     "　時間が不正確な来庁（日付をまたいだ・強制終了）は時間の集計から除いています")
        self.refreshed.emit()

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
        self.statusBar().showMessage(f"保存しました: {path}")
        self.exported.emit(path)

    def _on_export_error(self, exc: Exception) -> None:
        self._set_exporting(False)
        if isinstance(exc, OSError):
            self._show_error(f"保存できませんでした: {exc.strerror or exc}")
        else:
            self._on_error(exc)

    # -- errors and closing ----------------------------------------------------------------------
    def _on_error(self, exc: Exception) -> None:
        if isinstance(exc, FiguresUnavailable):
            self._show_error(exc.message)
        else:
            self._show_error(f"集計できませんでした（{type(exc).__name__}）。情報システム担当に連絡してください")

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
        super().closeEvent(event)


def _natural(name: str) -> tuple[Any, ...]:
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 10**9, name)
