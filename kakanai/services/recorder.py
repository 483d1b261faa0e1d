"""Records visit events: each event is committed to the counter's local outbox in the caller's
thread before the screen moves on (a small SQLite insert, well under a few milliseconds), and a
background thread forwards them to the visit log (the local SQLite database, or the shared
PostgreSQL server when IT configured one).

When the disk refuses the write (full, or failing), the events stay in memory in order, the
window's header says so, and the background thread retries until they are saved: the clerk
can keep working, and nothing is lost unless the app is killed before the disk has room again.
"""

from __future__ import annotations

import errno
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from kakanai.domain.visits import VisitEvent
from kakanai.store.outbox import Forwarder, Outbox

log = logging.getLogger(__name__)

DISK_FULL = "記録を保存できません（ディスクがいっぱいです）。再試行しています"
CANNOT_SAVE = "記録を保存できません。再試行しています"
OPEN_VISIT_DISK_FULL = "受付中の内容を保存できません（ディスクがいっぱいです）。続けられますが、終了すると戻せません"
OPEN_VISIT_NOT_SAVED = "受付中の内容を保存できません（データフォルダに書き込めません）。続けられますが、終了すると戻せません"
PRUNE_EVERY = timedelta(hours=1)


def dead_letter_message(visits: int) -> str:
    """The header's line when some visits could not be sent to the visit log."""
    return f"送れない記録が{visits}件あります（情報システム係へ）"


def disk_full(exc: BaseException) -> bool:
    """True when a write failed because the disk is full (SQLite's or the OS's error)."""
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL
    return isinstance(exc, OSError) and exc.errno == errno.ENOSPC


def _run_quietly(job: Callable[[], None]) -> None:
    """Run a follow-up job (forgetting a finished visit's file); a failure is logged, never raised."""
    try:
        job()
    except Exception as exc:  # noqa: BLE001 - a background job must not kill its thread; type only in the log
        log.error("follow-up job failed (%s)", type(exc).__name__)


class BackgroundWriter:
    """Runs small jobs in order on one background thread. Visit events and open visits no longer
    go through it (they are written in the caller's thread); `flush` is kept for its callers."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="kakanai-writer", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        """Queue a job; it runs after every job queued before it."""
        self._jobs.put(job)

    def flush(self) -> None:
        """Wait until every queued job has run."""
        self._jobs.join()

    def close(self) -> None:
        """Run what is queued, then stop the thread."""
        self._jobs.put(None)
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except Exception as exc:  # noqa: BLE001 - a failed write is logged (type only); the next one runs
                log.error("background write failed (%s)", type(exc).__name__)
            finally:
                self._jobs.task_done()
        self._jobs.task_done()


class Recorder:
    """The visit-event sink the services use: outbox now, visit log soon after."""

    def __init__(self, outbox: Outbox, forwarder: Forwarder, writer: BackgroundWriter,
                 interval: float | None = None) -> None:
        self.outbox = outbox
        self.forwarder = forwarder
        self.writer = writer
        self.interval = forwarder.interval if interval is None else interval
        self.save_error = ""
        self.open_visit_error = ""  # the open visit's encrypted file could not be written (VisitService.save)
        self._unsaved: list[tuple[list[VisitEvent], Callable[[], None] | None]] = []
        self._save_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def record(self, events: Sequence[VisitEvent], then: Callable[[], None] | None = None) -> bool:
        """Commit events to the outbox now, then run ``then``. True when they are on disk; if the
        disk refuses, they are kept in memory and retried (``then`` runs once they are saved)."""
        with self._save_lock:
            self._unsaved.append((list(events), then))
            return self._save_unsaved()

    def retry(self) -> bool:
        """Try again to save events the disk refused; True when nothing waits in memory."""
        with self._save_lock:
            return self._save_unsaved()

    @property
    def unsaved(self) -> int:
        """How many events wait in memory for the disk."""
        with self._save_lock:
            return sum(len(batch) for batch, _ in self._unsaved)

    def _save_unsaved(self) -> bool:
        while self._unsaved:
            batch, then = self._unsaved[0]
            try:
                self.outbox.put(batch)
            except (sqlite3.Error, OSError) as exc:
                if not self.save_error:
                    log.error("cannot write the outbox (%s): events kept in memory, retrying", type(exc).__name__)
                self.save_error = DISK_FULL if disk_full(exc) else CANNOT_SAVE
                return False
            self._unsaved.pop(0)
            if then is not None:
                _run_quietly(then)
        if self.save_error:
            log.warning("outbox writable again: events saved")
        self.save_error = ""
        return True

    def flush(self) -> None:
        """Write everything queued and forward it now (tests, shutdown)."""
        self.writer.flush()
        self.retry()
        self.forwarder.forward_once()

    @property
    def status(self) -> str:
        """Empty when all is well, else the clerk's message: unsaved events, forwarding, dead letters."""
        dead = len(self.forwarder.dead_visits)
        return "　".join(filter(None, [self.save_error, self.open_visit_error, self.forwarder.last_error,
                                       dead_letter_message(dead) if dead else ""]))

    def start(self) -> None:
        """Retry, forward and prune in a background thread until `close`."""
        self._thread = threading.Thread(target=self._run, name="kakanai-recorder", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop the thread, save and forward what can be, stop the writer."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.flush()
        if self.unsaved:
            log.error("closing with %d events the disk refused: they are lost", self.unsaved)
        self.writer.close()

    def _run(self) -> None:
        pruned: datetime | None = None
        while not self._stop.is_set():
            self.retry()
            self.forwarder.forward_once()
            now = datetime.now(UTC)
            if pruned is None or now - pruned > PRUNE_EVERY:
                pruned = now
                self._prune(now)
            self._stop.wait(self.interval)

    def _prune(self, now: datetime) -> None:
        try:
            if gone := self.outbox.prune(now):
                log.info("pruned %d sent events older than the outbox keeps them", gone)
        except sqlite3.Error as exc:
            log.warning("outbox pruning failed (%s)", type(exc).__name__)
