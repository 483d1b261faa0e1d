"""A counter PC's local outbox: events are written here first, then forwarded to the server.

With a shared PostgreSQL server, a network cut or a server restart must neither stop the counter
nor lose a record. Each event is committed to a local SQLite file before the screen moves on
(WAL, ``synchronous=FULL``: the commit survives a kill and a power cut; it costs well under a
few milliseconds per event). A forwarder sends batches to the server, where `VisitLog.append`
skips ids it already has, so a batch sent twice (the connection died after the server
committed) is stored once. An event the server refuses for its data is moved to a dead-letter
table so the others keep flowing. Sent events older than `KEEP_SENT` are pruned.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kakanai.domain.problems import InvalidInput, Problem
from kakanai.domain.visits import Kind, VisitEvent

if TYPE_CHECKING:  # SQLAlchemy is imported by the forwarder's thread, after the window shows
    from kakanai.store.visit_log import VisitLog

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
KEEP_SENT = timedelta(days=30)
END_KINDS = (Kind.FINISHED.value, Kind.CANCELLED.value, Kind.FORCE_ENDED.value)
# a PostgreSQL server stopped, a network cut, a SQLite file read-only or locked: said alike
FORWARD_FAILED = "記録用データベースに送れません（記録はこの端末に保存済みで、自動で送り直します）"
_COLUMNS = "id, visit_id, kind, at, payload"
_SCHEMA = (
    # version 0 (the first release) had only this table
    """CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY, visit_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
    payload TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0)""",
    # version 1: events the server refused for their data, kept for IT; and an index for pruning
    """CREATE TABLE IF NOT EXISTS dead_letter (
    id TEXT PRIMARY KEY, visit_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
    payload TEXT NOT NULL, reason TEXT NOT NULL, moved_at TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS outbox_visit ON outbox (visit_id)",
)


def _stamp(at: datetime) -> str:
    """Times are stored as UTC text of one width, so text order is time order (for pruning)."""
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def _events(rows: Sequence[tuple[str, str, str, str, str]]) -> list[VisitEvent]:
    return [VisitEvent(visit_id=v, kind=Kind(k), at=datetime.fromisoformat(a), payload=json.loads(p), id=i)
            for i, v, k, a, p in rows]


class DamagedOutbox(sqlite3.DatabaseError):
    """The outbox file failed SQLite's integrity check."""


def is_corrupt(exc: sqlite3.Error) -> bool:
    """True when the file is damaged or not a database (not when it is full, locked or absent)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return isinstance(exc, DamagedOutbox) or code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


class Outbox:
    """Durable local queue of visit events (SQLite, one file per counter PC)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        try:
            self._open()
        except sqlite3.Error:
            self._db.close()
            raise

    def _open(self) -> None:
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        [(check,)] = self._db.execute("PRAGMA quick_check(1)").fetchall()
        if check != "ok":
            raise DamagedOutbox("outbox failed its integrity check")
        [(version,)] = self._db.execute("PRAGMA user_version").fetchall()
        if version == SCHEMA_VERSION:
            return  # nothing to write: a counter restarting on a full disk opens it, keeps events in memory, says so
        with self._transaction():
            for statement in _SCHEMA:
                self._db.execute(statement)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction (rolled back on any error), under the lock."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def put(self, events: Sequence[VisitEvent]) -> None:
        """Queue events (committed and synced before this returns; raises sqlite3.Error if not)."""
        rows = [(e.id, e.visit_id, e.kind.value, _stamp(e.at), json.dumps(e.payload, ensure_ascii=False))
                for e in events]
        with self._transaction() as db:
            db.executemany(f"INSERT OR IGNORE INTO outbox ({_COLUMNS}) VALUES (?,?,?,?,?)", rows)

    def pending(self, limit: int = 500) -> list[VisitEvent]:
        """The oldest events not yet forwarded."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE sent = 0 ORDER BY rowid LIMIT ?",
                                    (limit,)).fetchall()
        return _events(rows)

    def mark_sent(self, ids: Sequence[str]) -> None:
        """Record that the server has these events."""
        with self._transaction() as db:
            db.executemany("UPDATE outbox SET sent = 1 WHERE id = ?", [(i,) for i in ids])

    def backlog(self) -> int:
        """How many events wait to be forwarded."""
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM outbox WHERE sent = 0").fetchone()[0]

    def dead_letter(self, ids: Sequence[str], reason: str) -> None:
        """Move events the server refused out of the queue, into the dead-letter table (kept)."""
        now = _stamp(datetime.now(UTC))
        with self._transaction() as db:
            for i in ids:
                db.execute(f"INSERT OR IGNORE INTO dead_letter ({_COLUMNS}, reason, moved_at) "
                           f"SELECT {_COLUMNS}, ?, ? FROM outbox WHERE id = ?", (reason, now, i))
                db.execute("DELETE FROM outbox WHERE id = ?", (i,))

    def dead_letters(self) -> list[VisitEvent]:
        """Events the server refused, oldest first (for IT)."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM dead_letter ORDER BY moved_at, rowid").fetchall()
        return _events(rows)

    def dead_visits(self) -> set[str]:
        """Visits with an event in the dead-letter table (their later events follow it there)."""
        with self._lock:
            return {v for (v,) in self._db.execute("SELECT DISTINCT visit_id FROM dead_letter")}

    def ended(self) -> set[str]:
        """Visits whose end (finished, cancelled, force-ended) is recorded here."""
        marks = ",".join("?" * len(END_KINDS))
        with self._lock:
            rows = self._db.execute(f"SELECT visit_id FROM outbox WHERE kind IN ({marks}) UNION "
                                    f"SELECT visit_id FROM dead_letter WHERE kind IN ({marks})", END_KINDS * 2)
            return {v for (v,) in rows}

    def open_visits(self) -> dict[str, list[VisitEvent]]:
        """Visits opened and not ended according to this outbox, with their events."""
        ended = self.ended()
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE visit_id IN "
                                    "(SELECT visit_id FROM outbox WHERE kind = ?) ORDER BY rowid",
                                    (Kind.OPENED.value,)).fetchall()
        found: dict[str, list[VisitEvent]] = {}
        for event in _events(rows):
            if event.visit_id not in ended:
                found.setdefault(event.visit_id, []).append(event)
        return found

    def prune(self, now: datetime, keep: timedelta = KEEP_SENT) -> int:
        """Delete sent events older than ``keep``; returns how many went."""
        with self._transaction() as db:
            return db.execute("DELETE FROM outbox WHERE sent = 1 AND at < ?", (_stamp(now - keep),)).rowcount

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()


def open_outbox(path: Path, now: datetime | None = None) -> tuple[Outbox, str]:
    """The outbox at ``path``, and a warning for the clerk when the file was damaged: then it is
    renamed ``outbox.db.corrupt-<UTC time>`` (kept for IT, never deleted) and a new one started."""
    try:
        return Outbox(path), ""
    except sqlite3.DatabaseError as exc:
        if not is_corrupt(exc):
            raise _unusable(exc, path) from None
        log.error("outbox file damaged (%s): set aside", type(exc).__name__)
    kept = path.with_name(f"{path.name}.corrupt-{(now or datetime.now(UTC)):%Y%m%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            source.rename(kept.with_name(kept.name + suffix))
    return Outbox(path), (f"記録用ファイルが壊れていたため「{kept.name}」として保管し、"
                          "新しいファイルで始めました（情報システム係へ）")


_OPEN_REASONS = {
    sqlite3.SQLITE_FULL: "ディスクがいっぱいです。空きを作ってから、もう一度起動してください",
    sqlite3.SQLITE_READONLY: "書き込めません（読み取り専用です）。フォルダの権限を確かめてください",
    sqlite3.SQLITE_CANTOPEN: "開けません。フォルダの場所と権限を確かめてください",
    sqlite3.SQLITE_PERM: "開けません（権限がありません）。フォルダの権限を確かめてください",
    sqlite3.SQLITE_IOERR: "読み書きできません（ディスクの異常かもしれません）",
    sqlite3.SQLITE_BUSY: "ほかのプログラムが使用中です。しばらく待ってから、もう一度起動してください",
}


def _unusable(exc: sqlite3.DatabaseError, path: Path) -> Exception:
    """An outbox that cannot be opened (full disk, read-only, locked) as the clerk's message (the
    window shows InvalidInput's text at start); any other SQLite error as it is."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_IOERR and _nearly_full(path.parent):  # e.g. no room for the WAL index (-shm)
        code = sqlite3.SQLITE_FULL
    reason = _OPEN_REASONS.get(code)
    if reason is None:
        return exc
    log.error("outbox cannot be opened (%s)", getattr(exc, "sqlite_errorname", type(exc).__name__))
    return InvalidInput([Problem(path.name, f"記録用ファイルを{reason}" if reason.startswith("開けません") else
                                 f"記録用ファイル: {reason}", "outbox cannot be opened")], "データフォルダを使えません")


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def refused_for_data(exc: Exception) -> bool:
    """True when the server refused events for what they hold (not for a connection, a lock or
    a missing table): retrying would fail forever, so they go to the dead-letter table."""
    from sqlalchemy.exc import DataError, IntegrityError

    return isinstance(exc, (DataError, IntegrityError, ValueError, KeyError, TypeError))


class Forwarder:
    """Sends an outbox's events to the visit log, batch by batch, retrying after failures; a
    visit the log refuses for its data is dead-lettered, so it blocks no other visit."""

    def __init__(self, outbox: Outbox, target: VisitLog, interval: float = 2.0) -> None:
        self.outbox = outbox
        self.target = target
        self.interval = interval
        self.last_error = ""
        self.dead_visits = outbox.dead_visits()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def forward_once(self, batch: int = 500) -> int:
        """Forward what is pending; returns how many events the log confirmed (0 if it is down)."""
        sent = 0
        while events := self.outbox.pending(batch):
            try:
                sent += self._send(self._divert_dead(events))
            except Exception as exc:  # noqa: BLE001 - a connection, lock or server problem: keep and retry later
                self.last_error = FORWARD_FAILED  # the type goes to the log only: the clerk reads Japanese
                log.warning("forwarding failed (%s), %d events kept locally", type(exc).__name__, self.outbox.backlog())
                return sent
            self.last_error = ""
        return sent

    def _divert_dead(self, events: list[VisitEvent]) -> list[VisitEvent]:
        """Later events of a dead-lettered visit follow it (a visit is never half in the log)."""
        follow = [e.id for e in events if e.visit_id in self.dead_visits]
        if follow:
            self.outbox.dead_letter(follow, "follows a refused event")
        return [e for e in events if e.visit_id not in self.dead_visits]

    def _send(self, events: list[VisitEvent]) -> int:
        try:
            self.target.append(events)
        except Exception as exc:
            if not refused_for_data(exc):
                raise
            return self._send_each_visit(events)
        self.outbox.mark_sent([e.id for e in events])
        return len(events)

    def _send_each_visit(self, events: list[VisitEvent]) -> int:
        """Send visit by visit, to find the one the log refuses and set it aside."""
        by_visit: dict[str, list[VisitEvent]] = {}
        for event in events:
            by_visit.setdefault(event.visit_id, []).append(event)
        sent = 0
        for visit_id, group in by_visit.items():
            try:
                self.target.append(group)
            except Exception as exc:
                if not refused_for_data(exc):
                    raise
                log.error("visit %s refused by the visit log (%s): %d events dead-lettered",
                          visit_id, type(exc).__name__, len(group))
                self.outbox.dead_letter([e.id for e in group], type(exc).__name__)
                self.dead_visits.add(visit_id)
                continue
            self.outbox.mark_sent([e.id for e in group])
            sent += len(group)
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
