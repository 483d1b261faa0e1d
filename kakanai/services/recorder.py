"""Records visit events without blocking the screen: a background thread writes each event to
the counter's local outbox at once, and a forwarder moves them to the visit log (the local
SQLite database, or the shared PostgreSQL server when IT configured one)."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence

from kakanai.domain.visits import VisitEvent
from kakanai.store.outbox import Forwarder, Outbox

log = logging.getLogger(__name__)


class BackgroundWriter:
    """Runs small persistence jobs in order on one background thread."""

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
            except Exception:  # a failed write is logged; the next one still runs
                log.exception("background write failed")
            finally:
                self._jobs.task_done()
        self._jobs.task_done()


class Recorder:
    """The visit-event sink the services use: outbox now, visit log soon after."""

    def __init__(self, outbox: Outbox, forwarder: Forwarder, writer: BackgroundWriter) -> None:
        self.outbox = outbox
        self.forwarder = forwarder
        self.writer = writer

    def record(self, events: Sequence[VisitEvent]) -> None:
        """Queue events for the outbox (returns at once)."""
        batch = list(events)
        self.writer.submit(lambda: self.outbox.put(batch))

    def flush(self) -> None:
        """Write everything queued and forward it now (tests, shutdown)."""
        self.writer.flush()
        self.forwarder.forward_once()

    @property
    def status(self) -> str:
        """Empty when all is well, else a clerk's message about forwarding."""
        return self.forwarder.last_error
