"""The counter's start path to the shown window loads no heavy library: SQLAlchemy, Alembic,
numpy, reportlab and pypdf come after it (the warm-up thread, the first scan, the dashboard), and
the warm-up connects the log and renders in memory only, writing no file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kakanai import app
from kakanai.bootstrap import build_services
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
