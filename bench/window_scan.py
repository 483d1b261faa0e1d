"""Scan → bundle print-ready in the real counter window, the first scan after start and later ones.

    python -m bench.window_scan [--later 10]          one fresh app process; prints JSON

A fresh process starts the app the way a counter does (`kakanai.app.run`, offscreen, its own data
folder). Once the window shows, the probe waits for the warm-up thread to end (its time after the
window showed is reported), then feeds the family move-in's scanned text to the controller, as a
serial or camera scanner does, presses F4 as the clerk does, and stops the clock when the window
has received the bundle (review page filled: print-ready). The visit is cancelled and the next
scan follows; ``later`` scans are timed the same way. Beside the wall time, the process's CPU time
over each scan (all its threads), which other work on a shared machine does not inflate.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _probe(data_dir: str, later: int) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bench.pdf_bundle import load_case
    from kakanai.app import run
    from kakanai.qr.payload import encode_household
    from kakanai.ui import dialogs

    dialogs.AUTO_ANSWER = True
    text = encode_household(load_case().household)
    app = QApplication(sys.argv[:1])
    result: dict[str, object] = {"scans": [], "cpu": []}

    def window() -> object | None:
        return next((w for w in QApplication.topLevelWidgets() if hasattr(w, "controller") and w.isVisible()), None)

    def one_scan(win: object) -> float:
        done: list[float] = []
        cpu = time.process_time()
        controller = win.controller  # type: ignore[attr-defined]
        slot = lambda _bundle: done.append(time.perf_counter())  # after the window's own slot
        controller.bundle_ready.connect(slot)
        started = time.perf_counter()
        controller.scanned(text)
        QTest.keyClick(win, Qt.Key.Key_F4)
        while not done:
            app.processEvents()
            time.sleep(0.0005)
        result["cpu"].append(time.process_time() - cpu)  # type: ignore[attr-defined]
        controller.bundle_ready.disconnect(slot)
        controller.cancel()
        app.processEvents()
        return done[0] - started

    def go() -> None:
        win = window()
        if win is None:
            QTimer.singleShot(0, go)
            return
        shown = time.perf_counter()
        warm = next((t for t in threading.enumerate() if t.name == "kakanai-warm-up"), None)
        if warm is not None:
            while warm.is_alive():
                app.processEvents()
                time.sleep(0.005)
        result["warm_up_after_shown"] = time.perf_counter() - shown
        result["scans"] = [one_scan(win) for _ in range(1 + later)]
        print("RESULT " + json.dumps(result), flush=True)
        win.close()  # type: ignore[attr-defined]
        app.quit()

    QTimer.singleShot(0, go)
    return run(overrides={"data_dir": data_dir})


def measure(later: int = 10) -> dict[str, object]:
    """One fresh app process: warm-up seconds after the window showed, and seconds per scan (first first).

    A first process, not measured, compiles the modules into a bytecode folder of this run (as an
    installed app ships them compiled; PYTHONDONTWRITEBYTECODE in the caller's environment would
    otherwise make the first scan compile every module it imports) and migrates the data folder."""
    with tempfile.TemporaryDirectory(prefix="kakanai-window-scan-") as folder:
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(Path(folder) / "config"),
                            "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(Path(folder) / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for runs in (1, later):
            done = subprocess.run([sys.executable, "-m", "bench.window_scan", "--probe", str(Path(folder) / "data"),
                                   "--later", str(runs)], capture_output=True, text=True, env=env, cwd=ROOT,
                                  timeout=300, check=False)
        found = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
        if not found:
            raise RuntimeError(f"window scan probe failed ({done.returncode}): {done.stderr[-800:]}")
        return json.loads(found[0].removeprefix("RESULT "))


def main(argv: list[str] | None = None) -> int:
    """Probe (child) or measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--later", type=int, default=10)
    parser.add_argument("--probe", default="")
    args = parser.parse_args(argv)
    if args.probe:
        return _probe(args.probe, args.later)
    print(json.dumps(measure(args.later), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
