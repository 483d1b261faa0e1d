"""The counter's start path to the shown window loads no heavy library: SQLAlchemy, Alembic,
numpy, reportlab and pypdf come after it (the warm-up thread, the first scan, the dashboard), and
the warm-up connects the log and renders in memory only, writing no file."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kakanai import app
from kakanai.bootstrap import build_services
from kakanai.domain.problems import InvalidInput
from kakanai.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "numpy", "reportlab", "pypdf")
_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from kakanai.app import build_window
from kakanai.bootstrap import build_services
from kakanai.settings import load_settings
qt = QApplication([])
services = build_services(load_settings([], {"data_dir": sys.argv[1]}))
window = build_window(services, demo=False)
window.show_for_counter()
qt.processEvents()
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
services.close()
"""


def test_the_window_shows_before_any_heavy_library_is_imported(tmp_path: Path) -> None:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", _PROBE, str(tmp_path / "data")], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, check=True)
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_a_city_blank_form_that_cannot_be_printed_on_is_said_in_the_header_from_the_start(
        qapp, tmp_path: Path, catalog_copy: Path) -> None:  # type: ignore[no-untyped-def]
    # Given a city whose blank 犬 form was saved cut short (not a whole PDF)
    template = catalog_copy / "templates" / "inu_template.pdf"
    template.write_bytes(template.read_bytes()[:200])
    services = build_services(load_settings([], {"data_dir": str(tmp_path / "data"), "forms_dir": str(catalog_copy)}))
    try:
        assert services.database_warning == ""
        # When the counter's warm-up runs (right after the window shows; its throwaway bundle may need
        # that form and fail: start_warm_up logs that and goes on)
        with contextlib.suppress(InvalidInput):
            app.warm_up(services)
        # Then the header says which form, for IT, before any visit needs it
        assert services.database_warning.startswith("様式ファイルに問題があります（情報システム係へ）: ")
        assert "inu" in services.database_warning
    finally:
        services.close()


def test_the_warm_up_connects_the_log_and_writes_nothing(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Given a counter started on an empty data folder
    services = build_services(load_settings([], {"data_dir": str(tmp_path)}))
    try:
        before = {p: p.stat().st_size for p in tmp_path.rglob("*") if p.is_file() and p.suffix != ".log"}
        # When the warm-up runs
        app.warm_up(services)
        # Then the log is connected and migrated, no visit was recorded, and no other file was made
        assert services.link.warning == "" and services.visits.unfinished() == []
        assert services.visit_log.summary(app.WARM_UP_VISIT) is None
        made = {p for p in tmp_path.rglob("*") if p.is_file() and p not in before}
        assert {p.name for p in made} <= {"kakanai.db", "kakanai.db-wal", "kakanai.db-shm"}, made
        assert not [p for p in made if p.suffix == ".pdf"]
    finally:
        services.close()


_FIRST_WINDOW_PROBE = """
import json, sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from kakanai import app
qt = QApplication([])
window_seen = threading.Event()
prepare = app.prepare
def held_prepare(*args, **kwargs):  # the start thread waits until the first window was seen
    window_seen.wait(30)
    return prepare(*args, **kwargs)
app.prepare = held_prepare
def shown():
    if not any(isinstance(w, QMainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()):
        QTimer.singleShot(0, shown)
        return
    print(json.dumps(sorted({m.split(".")[0] if m.split(".")[0] != "kakanai" else m for m in sys.modules})), flush=True)
    window_seen.set()
    QTimer.singleShot(0, close_when_up)
def close_when_up():
    counter = [w for w in QApplication.topLevelWidgets() if hasattr(w, "controller") and w.isVisible()]
    if counter:
        counter[0].close()
    else:
        QTimer.singleShot(5, close_when_up)
QTimer.singleShot(0, shown)
sys.exit(app.run(overrides={"data_dir": sys.argv[1]}))
"""


def test_the_first_window_shows_before_settings_catalog_and_pydantic_load(tmp_path: Path) -> None:
    # Given a counter started the way a clerk starts it
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", _FIRST_WINDOW_PROBE, str(tmp_path / "data")], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120, check=True)
    # Then its first window shows with none of the start thread's work done (the thread is held until then)
    loaded = set(json.loads(done.stdout.splitlines()[0]))
    assert loaded.isdisjoint({*HEAVY, "pydantic", "kakanai.settings", "kakanai.domain.catalog", "kakanai.bootstrap"}), \
        sorted(loaded & {*HEAVY, "pydantic", "kakanai.settings", "kakanai.domain.catalog", "kakanai.bootstrap"})
    assert "kakanai.ui.startup_window" in loaded


def test_a_scan_made_while_the_counter_starts_is_handled_once_it_is_up(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kakanai.demo import demo_residents
    from kakanai.ui.startup_window import StartupWindow

    code = demo_residents()[0][1]
    seen: dict[str, object] = {}
    scanned = threading.Event()
    prepare = app.prepare

    def held_prepare(*args: object, **kwargs: object) -> object:  # the start thread waits for the scan
        scanned.wait(30)
        return prepare(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "prepare", held_prepare)

    # windows other tests of this process left open are not this start's
    earlier = QApplication.topLevelWidgets()  # held, so each keeps its wrapper (ids could be reused)

    def top(test: object) -> object | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if not any(w is e for e in earlier) and test(w) and w.isVisible()), None)  # type: ignore[operator]

    def scan_into_the_first_window() -> None:
        first = top(lambda w: isinstance(w, StartupWindow))
        if first is None:
            QTimer.singleShot(1, scan_into_the_first_window)
            return
        # When a resident's code is scanned (keyboard wedge) before the counter window is up
        QTest.keyClicks(first, code)  # type: ignore[arg-type]
        QTest.keyClick(first, Qt.Key.Key_Return)  # type: ignore[arg-type]
        seen["kept"] = list(first.queued)  # type: ignore[attr-defined]
        seen["counter up when scanned"] = top(lambda w: hasattr(w, "controller")) is not None
        scanned.set()
        QTimer.singleShot(1, look_at_the_counter)

    def look_at_the_counter() -> None:
        window = top(lambda w: hasattr(w, "controller"))
        if window is None:
            QTimer.singleShot(5, look_at_the_counter)
            return
        controller = window.controller  # type: ignore[attr-defined]
        seen["visit"] = controller.session is not None and controller.has_household()
        seen["first window left"] = top(lambda w: isinstance(w, StartupWindow)) is None
        window.close()  # type: ignore[attr-defined]
        # windows of earlier tests in this process may still be open: end the event loop here
        QApplication.exit(0)

    def give_up() -> None:  # fail, never hang the suite, if the counter window never comes
        seen.setdefault("visit", "the counter window did not come up within 60 s")
        QApplication.exit(1)

    # Given a counter starting
    QTimer.singleShot(0, scan_into_the_first_window)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(give_up)
    watchdog.start(60_000)
    try:
        assert app.run(overrides={"data_dir": str(tmp_path)}) == 0, seen
    finally:
        watchdog.stop()  # never fires into a later test's event loop
    # Then the first window kept the code, and the counter window started the visit with it
    assert seen["counter up when scanned"] is False and seen["kept"] == [code]
    assert seen["visit"] is True and seen["first window left"] is True
