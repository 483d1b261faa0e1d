"""The supervisor dashboard over the store tests' fixture log, on SQLite and PostgreSQL: the figures
and charts it draws (hand-computed in tests/store/test_kpi.py), the live board, the exports with
pseudonymised clerks, the password gate, and that no query runs on the UI thread."""

from __future__ import annotations

import csv
import logging
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kakanai.services.supervisor import (
    DATABASE_UNREACHABLE,
    FiguresPreparing,
    FiguresUnavailable,
    KpiService,
    PasswordGuard,
    hash_password,
    pseudonym,
)
from kakanai.ui import dashboard as dashboard_module
from kakanai.ui.dashboard import DashboardWindow, PasswordDialog, open_dashboard
from kakanai.ui.tasks import pending_tasks
from tests.ui.conftest import PSEUDONYM_SECRET

APRIL_1 = date(2026, 4, 1)


def show(window: DashboardWindow, qtbot, start: date, end: date) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        window.set_period(start, end)


def card_texts(window: DashboardWindow) -> dict[str, str]:
    return {key: card.value.text() for key, card in window.cards.items()}


def test_headline_figures_of_the_fixture_day(dashboard: DashboardWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    # Given the fixture log, When the supervisor picks 1 April
    show(dashboard, qtbot, APRIL_1, APRIL_1)
    # Then the cards show test_kpi's figures: 4 timed visits of 600, 1200, 300, 1500 s
    assert card_texts(dashboard) == {
        "visits": "4件", "mean": "15.0分", "median": "10.0分", "p90": "25.0分", "over_target": "50%（15分超）",
        "forms": "3.2枚", "wait": "7.5分", "cancelled": "1件", "inaccurate": "2件", "saved": "0.3時間",
    }


def test_charts_by_hour_event_and_distribution(dashboard: DashboardWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    show(dashboard, qtbot, APRIL_1, APRIL_1)
    hour, event, histogram = dashboard.charts["hour"], dashboard.charts["event"], dashboard.charts["distribution"]
    # each bar's category says how many visits it stands for; the minutes are on the bars
    assert hour.categories() == [f"{h}<br>{n}" for h, n in zip(range(8, 18), [0, 2, 2, 0, 0, 0, 0, 0, 0, 0])]
    assert hour.values("平均") == [0, 15.0, 15.0, 0, 0, 0, 0, 0, 0, 0]
    assert hour.values("90%") == [0, 20.0, 25.0, 0, 0, 0, 0, 0, 0, 0]
    assert event.categories() == ["転入<br>2件", "転出<br>0件", "転居<br>1件", "出生<br>1件", "死亡<br>0件", "婚姻<br>0件"]
    assert all(chart.chart().series()[0].isLabelsVisible() for chart in (hour, event, histogram))
    assert event.values("平均") == [15.0, 0, 5.0, 25.0, 0, 0]
    assert event.values("90%") == [20.0, 0, 5.0, 25.0, 0, 0]
    # 300 s falls in 5–10 (a bin includes its lower edge), 600 in 10–15, 1200 in 20–25, 1500 in 25–30
    assert histogram.values("件数") == [0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    assert histogram.edge_labels() == ["0", "10", "20", "30", "40", "50", "60"]


def test_trend_by_day(dashboard: DashboardWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    show(dashboard, qtbot, APRIL_1, date(2026, 4, 2))
    day = dashboard.charts["day"]
    assert day.points("平均") == [(APRIL_1, 15.0), (date(2026, 4, 2), 15.0)]
    assert day.points("中央値") == [(APRIL_1, 10.0), (date(2026, 4, 2), 15.0)]
    assert dashboard.cards["visits"].value.text() == "5件"


def test_filters_by_life_event_and_office(dashboard: DashboardWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    show(dashboard, qtbot, APRIL_1, APRIL_1)
    qtbot.waitUntil(lambda: dashboard.office_combo.findData("北支所") >= 0, timeout=20_000)
    with qtbot.waitSignal(dashboard.refreshed, timeout=20_000):
        dashboard.event_combo.setCurrentIndex(dashboard.event_combo.findData("birth"))
    assert (dashboard.cards["visits"].value.text(), dashboard.cards["mean"].value.text()) == ("1件", "25.0分")
    with qtbot.waitSignal(dashboard.refreshed, timeout=20_000):
        dashboard.office_combo.setCurrentIndex(dashboard.office_combo.findData("北支所"))
    assert dashboard.cards["visits"].value.text() == "0件" and dashboard.cards["mean"].value.text() == "—"
    assert [dashboard.counter_combo.itemData(i) for i in range(dashboard.counter_combo.count())] == [None, "3番窓口"]


def test_live_board_shows_counters_serving_now(dashboard: DashboardWindow) -> None:
    # v9 started 09:40 at 北支所 3番窓口; the clock says 10:00, past the 15-minute target
    board = dashboard.live_board.table
    cells = [board.item(0, c).text() for c in range(board.columnCount())]
    assert board.rowCount() == 1 and cells == ["北支所 3番窓口", "死亡", "09:40", "20分"]
    assert board.item(0, 3).background().color().name() == "#fde2e1"


def test_exports_csv_and_excel_with_pseudonymised_clerks(dashboard: DashboardWindow, qtbot,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    show(dashboard, qtbot, APRIL_1, APRIL_1)
    dashboard.ask_save_path = lambda kind, name: tmp_path / name
    with qtbot.waitSignal(dashboard.exported, timeout=20_000) as saved_csv:
        dashboard.csv_button.click()
    with qtbot.waitSignal(dashboard.exported, timeout=20_000) as saved_xlsx:
        dashboard.xlsx_button.click()
    c1, c2 = pseudonym("c1", PSEUDONYM_SECRET), pseudonym("c2", PSEUDONYM_SECRET)
    rows = list(csv.reader(saved_csv.args[0].open(encoding="utf-8-sig")))
    assert saved_csv.args[0].name == "処理時間_20260401-20260401.csv"
    assert rows[0] == ["集計", "区分", "件数", "平均(分)", "中央値(分)", "90%(分)", "最大(分)", "目標超過(%)"]
    assert ["全体", "全体", "4", "15.0", "10.0", "25.0", "25.0", "50.0"] in rows
    assert sorted(r[1:3] for r in rows if r[0] == "職員別") == sorted([[c1, "2"], [c2, "2"]])
    book = load_workbook(saved_xlsx.args[0])
    assert sorted(r[0] for r in book["職員別"].iter_rows(min_row=2, values_only=True)) == sorted([c1, c2])
    overview = dict(book["概要"].iter_rows(min_row=2, values_only=True))
    assert (overview["件数"], overview["取消"], overview["手書きに比べた短縮(時間)"]) == (4, 1, 0.3)
    every_cell = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert not {"c1", "c2"} & ({c for r in rows for c in r} | set(every_cell))


class ThreadSpy:
    """Wraps a KpiService and notes the thread of every call."""

    def __init__(self, kpi: KpiService) -> None:
        self.kpi, self.threads = kpi, []  # type: ignore[var-annotated]

    def __getattr__(self, name: str) -> Any:
        found = getattr(self.kpi, name)
        if name in ("dashboard", "choices", "open_visits", "export_tables"):
            def spy(*args: Any) -> Any:
                self.threads.append((name, threading.current_thread() is threading.main_thread()))
                return found(*args)
            return spy
        return found


def test_no_query_runs_on_the_ui_thread(kpi: KpiService, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    spy = ThreadSpy(kpi)
    window = DashboardWindow(spy)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.ask_save_path = lambda kind, name: tmp_path / name
    with qtbot.waitSignals([window.refreshed, window.live_refreshed], timeout=20_000):
        pass
    with qtbot.waitSignal(window.exported, timeout=20_000):
        window.xlsx_button.click()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=20_000)
    assert {name for name, _ in spy.threads} == {"dashboard", "choices", "open_visits", "export_tables"}
    assert not any(on_ui_thread for _, on_ui_thread in spy.threads)
    window.close()


def test_a_database_failure_is_shown_not_raised(kpi: KpiService, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*_: Any) -> None:  # what KpiService raises for a lost connection (tests/services/test_supervisor.py)
        raise FiguresUnavailable(DATABASE_UNREACHABLE)

    window = DashboardWindow(kpi)
    qtbot.addWidget(window)
    monkeypatch.setattr(kpi, "dashboard", broken)
    with qtbot.waitSignal(window.failed, timeout=20_000) as failed:
        window.refresh()
    assert "データベースに接続できません" in failed.args[0] and "データベース" in window.statusBar().currentMessage()
    window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=20_000)


def test_while_figures_are_prepared_the_screen_says_so_and_asks_again(kpi: KpiService, qtbot,  # type: ignore[no-untyped-def]
                                                                      monkeypatch) -> None:
    # Given figures that are still being prepared the first time (after an upgrade, say)
    real, calls = kpi.dashboard, []

    def preparing_once(flt: Any, breakdowns: Any = ()) -> Any:
        calls.append(flt)
        if len(calls) == 1:
            raise FiguresPreparing(days_left=40)
        return real(flt, breakdowns)

    monkeypatch.setattr(kpi, "dashboard", preparing_once)
    monkeypatch.setattr(dashboard_module, "PREPARING_RETRY_MS", 200)
    window = DashboardWindow(kpi)
    qtbot.addWidget(window)
    # When the dashboard opens, Then it says so, and draws the figures once they are ready, unasked
    with qtbot.waitSignal(window.failed, timeout=20_000) as failed:
        pass
    assert failed.args[0] == "集計を準備しています（あと40日分）。しばらくお待ちください"
    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        pass
    assert len(calls) == 2 and window.data is not None
    window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=20_000)


# -- the password gate ----------------------------------------------------------------------------

STORED = hash_password("kanri-2026")


class FakeTime:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def gate_for(qtbot, guard: PasswordGuard) -> PasswordDialog:  # type: ignore[no-untyped-def]
    gate = PasswordDialog(guard)
    qtbot.addWidget(gate)
    return gate


def submit(qtbot, gate: PasswordDialog, password: str) -> None:  # type: ignore[no-untyped-def]
    """Type a password and press 開く, then wait for the check (it runs off the UI thread)."""
    gate.field.setText(password)
    with qtbot.waitSignal(gate.checked, timeout=20_000):
        gate.open_button.click()


def test_wrong_password_is_refused_and_three_wrong_ones_close_the_gate(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    guard = PasswordGuard(STORED, tmp_path / "attempts.json", max_delay=0)
    gate = gate_for(qtbot, guard)
    submit(qtbot, gate, "kanri-2025")
    assert gate.result() != PasswordDialog.DialogCode.Accepted and "パスワードが違います（あと2回）" == gate.error.text()
    for _ in range(2):
        submit(qtbot, gate, "guess")
    assert gate.result() == PasswordDialog.DialogCode.Rejected
    right = gate_for(qtbot, guard)
    submit(qtbot, right, "kanri-2026")
    assert right.result() == PasswordDialog.DialogCode.Accepted


def test_the_delay_after_wrong_passwords_grows_and_outlives_the_dialog(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    # Given the gate, with a clock the test moves
    clock, attempts = FakeTime(), tmp_path / "attempts.json"
    gate = gate_for(qtbot, PasswordGuard(STORED, attempts, clock=clock))
    # When three wrong passwords are typed, Then each one disables 開く for 1, 2, then 4 seconds
    with caplog.at_level(logging.WARNING):
        for n, delay in enumerate((1, 2), 1):
            submit(qtbot, gate, f"guess-{n}")
            assert not gate.open_button.isEnabled() and gate.wait_label.text() == f"{delay}秒後にもう一度入力できます"
            clock.now += delay - 0.5
            gate.update_wait()
            assert not gate.open_button.isEnabled()
            clock.now += 0.5
            gate.update_wait()
            assert gate.open_button.isEnabled() and gate.wait_label.text() == ""
        submit(qtbot, gate, "guess-3")
    assert gate.result() == PasswordDialog.DialogCode.Rejected
    # And a new dialog (F10 again, or a restarted app) still makes the supervisor wait 4 seconds
    again = gate_for(qtbot, PasswordGuard(STORED, attempts, clock=clock))
    assert not again.open_button.isEnabled() and again.wait_label.text() == "4秒後にもう一度入力できます"
    clock.now += 4
    again.update_wait()
    submit(qtbot, again, "kanri-2026")
    assert again.result() == PasswordDialog.DialogCode.Accepted
    assert PasswordGuard(STORED, attempts, clock=clock).wait_seconds() == 0  # the right one starts afresh
    # And the log counts the attempts without what was typed
    assert [r.getMessage() for r in caplog.records if "rejected" in r.getMessage()] == [
        f"supervisor password rejected (attempt {n})" for n in (1, 2, 3)]
    assert "guess" not in caplog.text and "kanri" not in caplog.text


def answer_gate(*passwords: str) -> None:
    """Type each password into the modal gate once it is open, pressing 開く after each check."""
    remaining = list(passwords)

    def type_next() -> None:
        gate = QApplication.activeModalWidget()
        if not isinstance(gate, PasswordDialog):
            QTimer.singleShot(20, type_next)
            return
        gate.checked.connect(lambda right: QTimer.singleShot(0, press) if not right else None)
        press(gate)

    def press(gate: PasswordDialog | None = None) -> None:
        gate = gate or QApplication.activeModalWidget()
        if isinstance(gate, PasswordDialog) and remaining:
            gate.field.setText(remaining.pop(0))
            gate.open_button.click()
    QTimer.singleShot(0, type_next)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_open_dashboard_asks_the_password(kpi: KpiService, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    guard = PasswordGuard(STORED, tmp_path / "attempts.json", max_delay=0)
    answer_gate("wrong", "wrong", "wrong")
    assert open_dashboard(None, kpi, guard) is None
    answer_gate("wrong", "kanri-2026")
    window = open_dashboard(None, kpi, guard)
    assert isinstance(window, DashboardWindow) and window.isVisible()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        pass
    window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=20_000)


@pytest.mark.parametrize("stored", ["", "   "])
def test_without_a_password_the_supervisor_is_told_to_ask_it(qtbot, monkeypatch, stored: str) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(dashboard_module.dialogs, "inform_error", lambda parent, title, text: shown.append(text))
    assert open_dashboard(None, None, PasswordGuard(stored, None)) is None  # type: ignore[arg-type] (never reached)
    assert len(shown) == 1 and "kakanai supervisor set-password" in shown[0] and "情報システム" in shown[0]


def test_breakdowns_by_counter_clerk_and_procedure_are_on_screen(dashboard: DashboardWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    # Given 1 April: counter 1 served 600 s and 300 s, counter 2 1200 s and 1500 s; procedure a was
    # in three visits (a share of 300, 1200 and 750 s)
    show(dashboard, qtbot, APRIL_1, APRIL_1)
    tabs = [dashboard.tabs.tabText(i) for i in range(dashboard.tabs.count())]
    assert tabs == ["グラフ", "窓口別", "職員別（仮名）", "手続別"]
    # the first view draws the charts only: each breakdown is worked out when its tab is shown
    assert all(table.rows() == [] for table in dashboard.breakdowns.values())
    for index, dimension in enumerate(("counter", "clerk", "procedure"), start=1):
        with qtbot.waitSignal(dashboard.breakdown_shown, timeout=20_000, check_params_cb=lambda d, w=dimension: d == w):
            dashboard.tabs.setCurrentIndex(index)
    counters = dashboard.breakdowns["counter"].rows()
    assert [row[:3] for row in counters] == [["1", "2", "7.5"], ["2", "2", "22.5"]]
    c1, c2 = pseudonym("c1", PSEUDONYM_SECRET), pseudonym("c2", PSEUDONYM_SECRET)
    assert sorted(row[0] for row in dashboard.breakdowns["clerk"].rows()) == sorted([c1, c2])
    # Then procedures are listed with their share of a visit and no 目標超過 (a share is not a visit)
    procedures = dashboard.breakdowns["procedure"]
    headers = [procedures.horizontalHeaderItem(c).text() for c in range(procedures.columnCount())]
    assert "目標超過(%)" not in headers and "目標超過(%)" in [
        dashboard.breakdowns["counter"].horizontalHeaderItem(c).text() for c in range(6)]
    assert procedures.rows()[0][:3] == ["a", "3", "12.5"]
    # When the supervisor picks 2 April with the 手続別 tab on screen, Then that tab is redrawn with the
    # refresh, and the counter tab (not on screen) waits for its tab to show
    with qtbot.waitSignal(dashboard.breakdown_shown, timeout=20_000, check_params_cb=lambda d: d == "procedure"):
        show(dashboard, qtbot, date(2026, 4, 2), date(2026, 4, 2))
    assert procedures.rows() and all(row[1] == "1" for row in procedures.rows())  # the one visit of 2 April
    assert dashboard.breakdowns["counter"].rows() == []


def test_the_period_before_is_shown_beside_this_one(dashboard: DashboardWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    # Given 2 April (one visit of 900 s), the period before is 1 April (four timed visits)
    show(dashboard, qtbot, date(2026, 4, 2), date(2026, 4, 2))
    assert dashboard.cards["visits"].value.text() == "1件"
    assert dashboard.cards["visits"].previous.text() == "前の期間 4件"
    assert dashboard.cards["mean"].previous.text() == "前の期間 15.0分"
    assert "前の期間 04/01〜04/01" in dashboard.statusBar().currentMessage()


def test_procedures_are_exported_without_a_target_column(dashboard: DashboardWindow, qtbot,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    show(dashboard, qtbot, APRIL_1, APRIL_1)
    dashboard.ask_save_path = lambda kind, name: tmp_path / name
    with qtbot.waitSignal(dashboard.exported, timeout=20_000) as saved:
        dashboard.xlsx_button.click()
    book = load_workbook(saved.args[0])
    header = next(book["手続別"].iter_rows(max_row=1, values_only=True))
    assert "目標超過(%)" not in header and "目標超過(%)" in next(book["窓口別"].iter_rows(max_row=1, values_only=True))


def _japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def test_english_covers_the_dashboard(kpi: KpiService, qtbot) -> None:  # type: ignore[no-untyped-def]
    # Given the English UI
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTableWidget

    from kakanai.ui.i18n import install_translation, remove_translations

    assert install_translation(QApplication.instance(), "en")
    try:
        window = DashboardWindow(kpi)
        qtbot.addWidget(window)
        with qtbot.waitSignals([window.refreshed, window.live_refreshed], timeout=20_000):
            window.set_period(APRIL_1, APRIL_1)
        # Then every word the dashboard itself writes is English (the log's office and counter names,
        # and the catalog's procedure titles, are data)
        texts = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)]
        texts += [window.tabs.tabText(i) for i in range(window.tabs.count())] + [window.windowTitle()]
        for table in window.findChildren(QTableWidget):
            texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        for chart in window.charts.values():
            c = chart.chart()
            texts += [c.title()] + [a.titleText() for a in c.axes()] + [s.name() for s in c.series()]
            texts += [b.label() for s in c.series() if hasattr(s, "barSets") for b in s.barSets()]
            texts += chart.categories() if hasattr(chart, "categories") and not hasattr(chart, "edge_labels") else []
        texts = [t.replace("<br>", " ") for t in texts]
        texts += [window.event_combo.itemText(i) for i in range(window.event_combo.count())]
        texts += [window.statusBar().currentMessage()]
        assert [t for t in texts if _japanese(t)] == []
        assert window.cards["visits"].value.text() == "4 visits"
    finally:
        remove_translations(QApplication.instance())
        window.close()
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=20_000)
