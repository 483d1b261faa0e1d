"""Builds the services from settings (the Qt-free half of the composition root in `app`)."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.domain.problems import InvalidInput, Problem
from kakanai.keys import load_key
from kakanai.logsafe import describe
from kakanai.resources import forms_dir
from kakanai.services.casework import Casework
from kakanai.services.open_visits import OpenVisitStore
from kakanai.services.recorder import BackgroundWriter, Recorder
from kakanai.services.visit_service import VisitService, Workplace, utc_now
from kakanai.settings import NAME_LENGTH, Settings
from kakanai.store.outbox import Forwarder, open_outbox

if TYPE_CHECKING:  # SQLAlchemy loads off the UI thread, after the window shows (`VisitLogLink.connect`)
    from kakanai.domain.visits import VisitEvent
    from kakanai.store.visit_log import VisitLog

log = logging.getLogger(__name__)

DATABASE_UNREACHABLE = "データベースに接続できません。記録は端末に保存し、つながり次第送ります"
_DIALECTS = ("sqlite", "postgresql")
_URL = re.compile(r"(?P<dialect>[\w+]+)://")


class VisitLogLink:
    """The visit-log database, connected (and migrated only when it is behind) on first use: by the
    app's warm-up thread after the window shows, by the forwarder, or by whoever asks first."""

    def __init__(self, url: str, office_tz: ZoneInfo) -> None:
        self.url, self.office_tz = url, office_tz
        self.warning = ""
        self._log: VisitLog | None = None
        self._lock = threading.Lock()

    def connect(self) -> VisitLog:
        """The visit log; the first call makes the engine and checks the schema (a database that
        cannot be reached becomes `warning`, and the forwarder keeps retrying)."""
        with self._lock:
            if self._log is None:
                from sqlalchemy.exc import SQLAlchemyError

                from kakanai.store.db import make_engine, upgrade_if_behind
                from kakanai.store.visit_log import VisitLog

                engine = make_engine(self.url)
                try:
                    upgrade_if_behind(engine, self.url)  # a daily start reads one row; Alembic only when behind
                except SQLAlchemyError as exc:
                    log.error("database upgrade failed (%s)", describe(exc))
                    self.warning = DATABASE_UNREACHABLE
                self._log = VisitLog(engine, self.office_tz)  # local day and hour for KPIs
            return self._log

    def append(self, events: Sequence[VisitEvent]) -> int:
        """The forwarder's target: `VisitLog.append` once connected."""
        return self.connect().append(events)

    def close(self) -> None:
        """Let go of the database files (nothing to do when never connected)."""
        with self._lock:
            if self._log is not None:
                self._log.engine.dispose()


def check_database_url(url: str) -> None:
    """Raise InvalidInput when ``url`` is not a SQLite or PostgreSQL URL (checked before the window
    shows, without SQLAlchemy)."""
    found = _URL.match(url)
    if found is None or found["dialect"].split("+")[0] not in _DIALECTS:
        raise InvalidInput([Problem("database_url", "データベースの接続先の書き方が正しくありません"
                                    "（例: postgresql+psycopg://ユーザー:パスワード@サーバー/kakanai）", url.split("@")[-1])],
                           "設定ファイルに誤りがあります")


@dataclass
class Services:
    """Everything the screens may use; each screen is handed only the parts it needs."""

    settings: Settings
    catalog: Catalog
    link: VisitLogLink
    recorder: Recorder
    visits: VisitService
    outbox_warning: str = ""
    key_problem: str = ""  # the installation key was unusable: open visits could not be restored
    forms_warning: str = ""  # a city's blank form (template) that cannot be printed on, found by the warm-up
    _warmed: threading.Event = field(default_factory=threading.Event)

    @property
    def visit_log(self) -> VisitLog:
        """The visit log (connects on first use)."""
        return self.link.connect()

    @property
    def database_warning(self) -> str:
        """What the header says about the database, the local outbox and the city's blank forms ("" when
        all is well)."""
        return "　".join(filter(None, [self.link.warning, self.outbox_warning, self.forms_warning]))

    @cached_property
    def casework(self) -> Casework:
        """The case service: code or answers → household → plan → bundle."""
        return Casework(self.catalog)

    def close(self) -> None:
        """Flush what is queued, stop background threads and let go of the database files."""
        self.recorder.close()
        self.link.close()


def build_services(settings: Settings, clock: Callable[[], datetime] = utc_now) -> Services:
    """Catalog, database (migrated), outbox + forwarder, visit service (raises InvalidInput on a
    broken catalog; a database that cannot be reached becomes a warning, not a stop)."""
    data = settings.data_path()
    data.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog(Path(settings.forms_dir) if settings.forms_dir else forms_dir())
    url = settings.effective_database_url()
    check_database_url(url)
    link = VisitLogLink(url, ZoneInfo(settings.office_timezone))
    outbox, outbox_warning = open_outbox(data / "outbox.db")  # a damaged file is kept aside, not a stop
    forwarder = Forwarder(outbox, link)  # type: ignore[arg-type]  (a VisitLog once connected)
    recorder = Recorder(outbox, forwarder, BackgroundWriter())
    recorder.start()
    office_tz = ZoneInfo(settings.office_timezone)
    workplace = Workplace(settings.office, settings.counter, settings.clerk_id or _os_user()[:NAME_LENGTH["clerk_id"]], office_tz)
    key = load_key(data)
    store = OpenVisitStore(data / "open", key.key)
    return Services(settings, catalog, link, recorder, VisitService(recorder, store, workplace, clock), outbox_warning,
                    key.problem)


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "clerk"
