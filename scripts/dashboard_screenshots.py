#!/usr/bin/env python3
"""Screenshots of the supervisor dashboard on a generated month of a city's visits.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/dashboard_screenshots.py

Generates April 2026 (about 9,000 visits at 3 offices, the bench's city model) into a scratch
SQLite database, adds a few visits being served "now" (30 April 14:20) as real visit events for
the live board, opens the dashboard at 1366×768 without the password gate and saves
docs/screenshots/dashboard.png, dashboard_filtered.png (one office, one life event) and
dashboard_password.png (the gate itself). Look at them after a layout change.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from bench.visits_bench import generate, load_sqlite
from kakanai.domain.catalog import load_catalog
from kakanai.domain.visits import JST, Kind, VisitEvent, VisitHeader, header_payload, new_id
from kakanai.resources import forms_dir
from kakanai.services.supervisor import KpiService, PasswordGuard, hash_password
from kakanai.store.db import make_engine, upgrade
from kakanai.store.kpi import KpiSettings
from kakanai.store.visit_log import VisitLog
from kakanai.ui.dashboard import DashboardWindow, PasswordDialog
from kakanai.ui.style import install_fonts

OUT = ROOT / "docs" / "screenshots"
NOW = datetime(2026, 4, 30, 14, 20, tzinfo=JST)
BASELINE = {"juminido_move_in": 15, "juminido_move_out": 10, "juminido_move_within": 10, "birth_registration": 15,
            "death_registration": 20, "marriage_registration": 10}
SERVING_NOW = [  # office, counter, event, minutes since the clerk called the resident
    ("本庁", "1番窓口", "move_in", 23), ("本庁", "2番窓口", "move_out", 6), ("本庁", "3番窓口", "birth", 12),
    ("本庁", "5番窓口", "death", 31), ("本庁", "8番窓口", "move_within", 3), ("北支所", "1番窓口", "move_in", 17),
    ("北支所", "2番窓口", "marriage", 9), ("南支所", "1番窓口", "move_within", 14),
]


def serve_now(log: VisitLog) -> None:
    """Record the visits being served at NOW as events (opened, checked in, started)."""
    for n, (office, counter, event, minutes) in enumerate(SERVING_NOW):
        visit_id = new_id()
        started = (NOW - timedelta(minutes=minutes)).astimezone(UTC)
        header = VisitHeader(visit_id, office, counter, f"k{n + 1:04d}", event, 2, f"{300 + n}")
        log.append([VisitEvent(visit_id, Kind.OPENED, started, header_payload(header)),
                    VisitEvent(visit_id, Kind.CHECKED_IN, started - timedelta(minutes=11)),
                    VisitEvent(visit_id, Kind.STARTED, started)])


def wait_for(signal: SignalInstance, timeout_ms: int = 60_000) -> None:
    """Run the event loop until ``signal`` fires (or fail after the timeout)."""
    loop = QEventLoop()
    fired: list[bool] = []
    signal.connect(lambda *_: (fired.append(True), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if not fired:
        raise SystemExit(f"timed out waiting for {signal}")


def settle(app: QApplication, ms: int = 300) -> None:
    """Let pending layout and paint events run."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def build_service(folder: Path) -> KpiService:
    """A scratch database with April 2026 and the visits being served now."""
    url = f"sqlite:///{folder / 'demo.db'}"
    upgrade(url)
    engine = make_engine(url)
    load_sqlite(engine, generate(9000, date(2026, 4, 1), date(2026, 4, 30), seed=4))
    serve_now(VisitLog(engine))
    titles = {p.id: p.title for p in load_catalog(forms_dir()).procedures}
    settings = KpiSettings(target_minutes=15, baseline_default_minutes=6, baseline_minutes=BASELINE)
    return KpiService(engine, settings, os.urandom(32), clock=lambda: NOW.astimezone(UTC),
                      procedure_titles=titles)


def shoot(app: QApplication, kpi: KpiService) -> list[Path]:
    """Open the dashboard, draw April, save the screenshots; returns their paths."""
    OUT.mkdir(parents=True, exist_ok=True)
    window = DashboardWindow(kpi)
    window.resize(1366, 768)
    window.show()
    window.set_period(date(2026, 4, 1), date(2026, 4, 30))
    wait_for(window.refreshed)
    if not window.live:
        wait_for(window.live_refreshed)
    settle(app)
    saved = [OUT / "dashboard.png"]
    window.grab().save(str(saved[-1]))
    window.office_combo.setCurrentIndex(window.office_combo.findData("北支所"))
    window.event_combo.setCurrentIndex(window.event_combo.findData("move_in"))
    wait_for(window.refreshed)
    wait_for(window.live_refreshed)
    settle(app)
    saved.append(OUT / "dashboard_filtered.png")
    window.grab().save(str(saved[-1]))
    window.tabs.setCurrentIndex(1)  # 窓口別: the breakdowns are on screen, not only in the export
    wait_for(window.breakdown_shown)  # a tab's rows are worked out when it is opened
    settle(app)
    saved.append(OUT / "dashboard_by_counter.png")
    window.grab().save(str(saved[-1]))
    window.close()
    guard = PasswordGuard(hash_password("demo-password"), Path(tempfile.mkdtemp()) / "attempts")
    gate = PasswordDialog(guard)
    gate.field.setText("wrong")
    gate._on_submit()  # show the refusal as the supervisor would see it
    gate.show()
    wait_for(gate.checked)
    settle(app)
    saved.append(OUT / "dashboard_password.png")
    gate.grab().save(str(saved[-1]))
    return saved


def main() -> int:
    """Generate the data, take the screenshots, print where they are."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    family = install_fonts(app, 13)
    if not family:
        raise SystemExit("IPAex Gothic could not be registered: Japanese would render as tofu")
    with tempfile.TemporaryDirectory(prefix="kakanai-shots-") as folder:
        for path in shoot(app, build_service(Path(folder))):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
