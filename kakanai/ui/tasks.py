"""Run slow work (PDF rendering, database queries) off the UI thread; results come back by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kakanai.logsafe import safe_traceback

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - reported to the UI thread, which shows the clerk a message
            # types and code locations only (every handler, not just the log file's SafeFormatter,
            # gets no exception text: it may quote a resident's value)
            log.error("background task failed\n%s", safe_traceback(exc, exc.__traceback__))
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_running: set[_Task] = set()


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None]) -> None:
    """Run ``fn`` on the thread pool; ``on_done``/``on_error`` run on the UI thread afterwards."""
    task = _Task(fn)
    task.setAutoDelete(False)
    _running.add(task)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(task)
        callback(value)

    task.signals.done.connect(lambda result: finish(on_done, result))
    task.signals.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(task)


def pending_tasks() -> int:
    """How many background tasks have not reported yet (for tests and shutdown)."""
    return len(_running)
