"""A real counter window on a private data folder with a controllable clock; the supervisor dashboard
over the store tests' fixture log."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from kakanai.app import build_window
from kakanai.bootstrap import Services, build_services
from kakanai.domain.visits import JST, Kind, VisitEvent, VisitHeader, header_payload
from kakanai.services.supervisor import KpiService
from kakanai.settings import load_settings
from kakanai.store.db import make_engine, upgrade
from kakanai.store.kpi import KpiSettings
from kakanai.store.visit_log import VisitLog
from kakanai.ui import dialogs
from kakanai.ui.dashboard import DashboardWindow
from kakanai.ui.main_window import MainWindow
from kakanai.ui.printing import SAVE_AS_PDF
from kakanai.ui.style import install_fonts
from kakanai.ui.tasks import pending_tasks
from tests.clock import Clock
from tests.ui.driver import Clerk
from tests.visit_factory import kpi_fixture_visits


def _counter_clock() -> Clock:
    return Clock(datetime(2026, 6, 15, 0, 30, tzinfo=UTC))  # 09:30 JST


@dataclass
class Counter:
    window: MainWindow
    services: Services
    clock: Clock
    clerk: Clerk
    data: Path
    saved: Path  # IT's pdf_save_dir, beside (not in) the data folder


def open_counter(qapp, data: Path, clock: Clock, demo: bool = True) -> Counter:  # type: ignore[no-untyped-def]
    install_fonts(qapp, 13)
    saved = data.with_name(data.name + "-saved")
    # the counter's printer is IT's save folder: a machine with a print system (CUPS) prints nothing
    services = build_services(load_settings([], {"data_dir": str(data), "clerk_id": "c9", "pdf_save_dir": str(saved),
                                                 "printer": SAVE_AS_PDF}), clock)
    window = build_window(services, demo=demo)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    return Counter(window, services, clock, Clerk(window), data, saved)


@pytest.fixture
def counter(qapp, tmp_path: Path) -> Iterator[Counter]:  # type: ignore[no-untyped-def]
    dialogs.AUTO_ANSWER = True
    c = open_counter(qapp, tmp_path, _counter_clock())
    yield c
    c.window.close()
    c.services.close()
    dialogs.AUTO_ANSWER = None


# -- the supervisor dashboard: the store tests' fixture log on SQLite and PostgreSQL ----------------

KPI_SETTINGS = KpiSettings(target_minutes=15, baseline_default_minutes=6, baseline_minutes={"a": 20})
PSEUDONYM_SECRET = b"k"
DASHBOARD_NOW = datetime(2026, 4, 2, 10, 0, tzinfo=JST)  # v9 has been served for 20 minutes


def fixture_log(log: VisitLog) -> None:
    """The eight visits of tests/store/test_kpi.py (figures worked out there by hand), plus v9 being
    served at DASHBOARD_NOW at 北支所 3番窓口."""
    for events in kpi_fixture_visits():
        log.append(events)
    started = datetime(2026, 4, 2, 9, 40, tzinfo=JST)
    header = VisitHeader("v9", "北支所", "3番窓口", "c3", "death", 2)
    log.append([VisitEvent("v9", Kind.OPENED, started, header_payload(header)), VisitEvent("v9", Kind.STARTED, started)])


@pytest.fixture
def kpi(db_url: str) -> KpiService:
    """A KpiService over the fixture log with the clock at DASHBOARD_NOW, on SQLite and on PostgreSQL."""
    upgrade(db_url)
    engine = make_engine(db_url)
    fixture_log(VisitLog(engine))
    return KpiService(engine, KPI_SETTINGS, PSEUDONYM_SECRET, clock=lambda: DASHBOARD_NOW.astimezone(UTC))


@pytest.fixture
def dashboard(qtbot, kpi: KpiService) -> Iterator[DashboardWindow]:  # type: ignore[no-untyped-def]
    """The dashboard over the fixture log, once its first figures and live board are drawn."""
    window = DashboardWindow(kpi)
    qtbot.addWidget(window)
    with qtbot.waitSignals([window.refreshed, window.live_refreshed], timeout=20_000):
        pass
    yield window
    window.close()
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=20_000)


def family_doc() -> dict:  # type: ignore[type-arg]
    """The 山田 family moving in, as the resident's page makes their code today (KKN2 with the
    児童手当 claimant, which the counter asks otherwise: an older KKN1 code stops at that question)."""
    from tests.conftest import household_doc

    return household_doc("family_move_in") | {"v": 2, "child_allowance": {"claimant": 0}}
