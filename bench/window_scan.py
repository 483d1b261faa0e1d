"""Scan → bundle print-ready in the real counter window, the first scan after start and later ones.

    python -m bench.window_scan [--later 20]          one fresh app process; prints JSON and a summary

A fresh process starts the app the way a counter does (`kakanai.app.run`, offscreen, its own data
folder). Once the window shows, the probe waits for the warm-up thread to end (its time after the
window showed is reported), then feeds the family move-in's scanned text to the controller, as a
serial or camera scanner does, presses F4 as the clerk does, and stops the clock when the window
has received the bundle (review page filled: print-ready). Meanwhile the probe waits in a Qt event
loop, as the window does (no polling: the render thread has the interpreter to itself). The visit
is cancelled and the next scan follows; ``later`` scans are timed the same way. Beside the wall
time, the process's CPU time over each scan (all its threads), which other work on a shared
machine does not inflate. `summary` gives the first scan, the later scans' median, 90th
percentile and slowest, and the ratios to the peer (bench/run's section 3b and goals table).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _probe(data_dir: str, later: int) -> int:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
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
        waiting = QEventLoop()
        cpu = time.process_time()
        controller = win.controller  # type: ignore[attr-defined]

        def slot(_bundle: object) -> None:  # after the window's own slot
            done.append(time.perf_counter())
            waiting.quit()

        controller.bundle_ready.connect(slot)
        started = time.perf_counter()
        controller.scanned(text)
        QTest.keyClick(win, Qt.Key.Key_F4)
        if not done:
            QTimer.singleShot(60_000, waiting.quit)  # a render that never reports fails the probe, not hangs it
            waiting.exec()
        if not done:
            raise RuntimeError("no bundle within 60 s")
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


def measure(later: int = 20) -> dict[str, object]:
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


def p90(values: list[float]) -> float:
    """The 90th percentile (inclusive: between the measured values)."""
    return statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]


def summary(got: dict[str, object], peer: float | None = None) -> dict[str, float]:
    """Seconds: the first scan, the later scans' median, 90th percentile and slowest (wall, and CPU
    when measured), and with ``peer`` (seconds of the spreadsheet + LibreOffice route) how many
    times faster the first, the median and the slowest later scan are."""
    scans = [float(t) for t in got["scans"]]  # type: ignore[attr-defined]
    cpu = [float(t) for t in got.get("cpu", [])]  # type: ignore[attr-defined]
    first, rest = scans[0], scans[1:] or scans[:1]
    out = {"first": first, "median": statistics.median(rest), "p90": p90(rest), "max": max(rest), "later": len(rest)}
    if len(cpu) == len(scans):
        later_cpu = cpu[1:] or cpu[:1]
        out |= {"cpu_first": cpu[0], "cpu_median": statistics.median(later_cpu), "cpu_p90": p90(later_cpu),
                "cpu_max": max(later_cpu)}
    if peer:
        out |= {"peer": peer, "ratio_first": peer / first, "ratio_median": peer / out["median"],
                "ratio_max": peer / out["max"]}
    return out


def main(argv: list[str] | None = None) -> int:
    """Probe (child) or measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--later", type=int, default=20)
    parser.add_argument("--peer-ms", type=float, default=0.0, help="the peer's time (ms) for the ratios")
    parser.add_argument("--probe", default="")
    args = parser.parse_args(argv)
    if args.probe:
        return _probe(args.probe, args.later)
    got = measure(args.later)
    print(json.dumps(got, indent=1))
    figures = summary(got, args.peer_ms / 1000 or None)
    print("\n".join(f"{key:>12}: {value * 1000:8.1f} ms" if key not in ("later",) and not key.startswith("ratio")
                    else f"{key:>12}: {value:8.1f}" for key, value in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
