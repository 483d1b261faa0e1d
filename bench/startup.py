"""Time from process start to the counter window shown, against a bare PySide6 window.

    python -m bench.startup [--runs 5]               kakanai and the bare peer, interleaved
    python -m bench.startup --probe kakanai DATA     one child: prints ``READY <monotonic seconds>``

Each measurement is a fresh Python process on Qt's offscreen platform. The parent notes the
system-wide monotonic clock just before starting the child; the child prints the same clock once
a main window is shown and the event loop has turned once (``READY``: the first moment a scan is
taken), and for kakanai also once the counter window itself is up (``FULL``: every key works).

* kakanai: the real start path, ``python -m kakanai`` (`kakanai.__main__.main`): the first window
  (`StartupWindow`, which keeps a scan made meanwhile) shows at once; settings, logging, catalog,
  outbox and services are made by the start thread, then the counter window takes over (and the
  warm-up thread connects the database, migrating only when behind). The data folder was migrated
  by a warm-up run, as on a counter PC's daily start.
* Bytecode: each child may write its compiled modules to a folder of this run
  (PYTHONPYCACHEPREFIX, for kakanai and the peer alike) and the warm-up run fills it, as an
  installed app ships compiled modules; PYTHONDONTWRITEBYTECODE in the caller's environment would
  otherwise make kakanai compile ~70 of its modules at every start.
* peer: ``import PySide6.QtWidgets``, a QApplication and an empty QMainWindow shown: the floor
  any PySide6 app pays.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("kakanai", "bare")


@dataclass(frozen=True)
class StartupResult:
    """Seconds to the window shown, per run, for kakanai and for the bare PySide6 peer, and to
    kakanai's counter window up."""

    kakanai: list[float]
    bare: list[float]
    full: list[float]

    @property
    def ratio(self) -> float:
        """kakanai's median over the peer's."""
        return statistics.median(self.kakanai) / statistics.median(self.bare)


def _when_shown(app: object, report: Callable[[], None]) -> None:
    """Call ``report`` on the first event-loop turn at which a main window is visible."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    def check() -> None:
        if any(isinstance(w, QMainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()):
            report()
        else:
            QTimer.singleShot(0, check)

    QTimer.singleShot(0, check)


def _ready(app: object) -> Callable[[], None]:
    def report() -> None:
        print(f"READY {time.monotonic():.6f}", flush=True)
        app.quit()  # type: ignore[attr-defined]

    return report


def _when_counter_up(app: object) -> None:
    """Print ``FULL`` on the first turn at which the counter window (the one with a controller) shows, then quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def check() -> None:
        if any(hasattr(w, "controller") and w.isVisible() for w in QApplication.topLevelWidgets()):
            print(f"FULL {time.monotonic():.6f}", flush=True)
            if os.environ.get("KAKANAI_BENCH_SETTLE"):
                app.quit()  # type: ignore[attr-defined]  (the warm-up run: its warm-up thread migrates the log)
            else:
                os._exit(0)  # a measured run: no need to wait for the warm-up thread
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)


def probe_kakanai(data_dir: str) -> int:
    """The app's own start path (``python -m kakanai``) up to the first window and the counter window, then quit."""
    from PySide6.QtWidgets import QApplication

    from kakanai.__main__ import main

    app = QApplication(sys.argv[:1])
    _when_shown(app, lambda: print(f"READY {time.monotonic():.6f}", flush=True))
    _when_counter_up(app)
    sys.argv[1:] = []  # plain ``kakanai``
    from kakanai import app as composition

    run = composition.run
    composition.run = lambda **options: run(overrides={"data_dir": data_dir}, **options)  # its own data folder
    return main()


def probe_bare() -> int:
    """An empty QMainWindow: the PySide6 floor."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.show()
    _when_shown(app, _ready(app))
    return app.exec()


def _child_env(config_home: str) -> dict[str, str]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": config_home, "PYTHONPATH": str(ROOT),
                        "PYTHONPYCACHEPREFIX": str(Path(config_home).parent / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure_once(kind: str, data_dir: str, config_home: str, *, settle: bool = False) -> tuple[float, float]:
    """Seconds from starting one child process to its first window shown, and to its counter window up
    (the same for the bare peer); ``settle``: let its warm-up thread finish (migrating the log)."""
    command = [sys.executable, "-m", "bench.startup", "--probe", kind, data_dir]
    env = _child_env(config_home) | ({"KAKANAI_BENCH_SETTLE": "1"} if settle else {})
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False)
    stamps = {line.split()[0]: float(line.split()[1]) - started for line in done.stdout.splitlines()
              if line.startswith(("READY ", "FULL "))}
    if done.returncode != 0 or "READY" not in stamps:
        raise RuntimeError(f"startup probe {kind} failed ({done.returncode}): {done.stderr[-800:]}")
    return stamps["READY"], stamps.get("FULL", stamps["READY"])


def measure(runs: int = 5) -> StartupResult:
    """Median-ready samples: one warm-up of each, then ``runs`` of each, interleaved."""
    times: dict[str, list[float]] = {kind: [] for kind in (*KINDS, "full")}
    with tempfile.TemporaryDirectory(prefix="kakanai-startup-") as folder:
        data, config = str(Path(folder) / "data"), str(Path(folder) / "config")
        for kind in KINDS:
            measure_once(kind, data, config, settle=True)  # warm-up: creates and migrates the database, compiles …
        for _ in range(runs):
            for kind in KINDS:
                ready, full = measure_once(kind, data, config)
                times[kind].append(ready)
                if kind == "kakanai":
                    times["full"].append(full)
    return StartupResult(times["kakanai"], times["bare"], times["full"])


def main(argv: list[str] | None = None) -> int:
    """Probe one child, or measure both and print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--probe", choices=KINDS)
    parser.add_argument("data_dir", nargs="?", default="")
    args = parser.parse_args(argv)
    if args.probe:
        return probe_kakanai(args.data_dir) if args.probe == "kakanai" else probe_bare()
    result = measure(args.runs)
    print(f"kakanai window shown   median {statistics.median(result.kakanai) * 1000:7.0f} ms  (n={args.runs})")
    print(f"kakanai counter window median {statistics.median(result.full) * 1000:7.0f} ms  (n={args.runs})")
    print(f"bare PySide6 window    median {statistics.median(result.bare) * 1000:7.0f} ms  (n={args.runs})")
    print(f"ratio kakanai / bare   {result.ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
