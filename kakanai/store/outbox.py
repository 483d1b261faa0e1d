"""A counter PC's local outbox: events are written here first, then forwarded to the server.

With a shared PostgreSQL server, a network cut or a server restart must neither stop the counter
nor lose a record. Each event is committed to a local SQLite file at once; a forwarder sends
batches to the server, where `VisitLog.append` skips ids it already has, so a batch sent twice
(the connection died after the server committed) is stored once.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from kakanai.domain.visits import Kind, VisitEvent
from kakanai.store.visit_log import VisitLog

log = logging.getLogger(__name__)

_SCHEMA = """CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY, visit_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
    payload TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0)"""


class Outbox:
    """Durable local queue of visit events (SQLite, one file per counter PC)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._lock = threading.Lock()

    def put(self, events: Sequence[VisitEvent]) -> None:
        """Queue events (committed before this returns)."""
        rows = [(e.id, e.visit_id, e.kind.value, e.at.isoformat(), json.dumps(e.payload, ensure_ascii=False))
                for e in events]
        with self._lock:
            self._db.executemany("INSERT OR IGNORE INTO outbox (id, visit_id, kind, at, payload) VALUES (?,?,?,?,?)", rows)

    def pending(self, limit: int = 500) -> list[VisitEvent]:
        """The oldest events not yet forwarded."""
        with self._lock:
            rows = self._db.execute("SELECT id, visit_id, kind, at, payload FROM outbox WHERE sent = 0 "
                                    "ORDER BY rowid LIMIT ?", (limit,)).fetchall()
        return [VisitEvent(visit_id=v, kind=Kind(k), at=datetime.fromisoformat(a), payload=json.loads(p), id=i)
                for i, v, k, a, p in rows]

    def mark_sent(self, ids: Sequence[str]) -> None:
        """Record that the server has these events."""
        with self._lock:
            self._db.executemany("UPDATE outbox SET sent = 1 WHERE id = ?", [(i,) for i in ids])

    def backlog(self) -> int:
        """How many events wait to be forwarded."""
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM outbox WHERE sent = 0").fetchone()[0]

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()


class Forwarder:
    """Sends an outbox's events to the server log, batch by batch, retrying after failures."""

    def __init__(self, outbox: Outbox, target: VisitLog, interval: float = 2.0) -> None:
        self.outbox = outbox
        self.target = target
        self.interval = interval
        self.last_error = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def forward_once(self, batch: int = 500) -> int:
        """Forward what is pending; returns how many events the server confirmed (0 if it is down)."""
        sent = 0
        while events := self.outbox.pending(batch):
            try:
                self.target.append(events)
            except SQLAlchemyError as exc:
                self.last_error = f"サーバーに接続できません（記録は端末に保存済み）: {type(exc).__name__}"
                log.warning("forwarding failed, %d events kept locally: %s", self.outbox.backlog(), exc)
                return sent
            self.outbox.mark_sent([e.id for e in events])
            sent += len(events)
            self.last_error = ""
        return sent

    def start(self) -> None:
        """Forward in a background thread until `stop`."""
        self._thread = threading.Thread(target=self._run, name="kakanai-forwarder", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the background thread after its current batch."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.forward_once()
            self._stop.wait(self.interval)
