"""Builds the services from settings (the Qt-free half of the composition root in `app`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.exc import ArgumentError, SQLAlchemyError

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
from kakanai.store.db import make_engine, upgrade
from kakanai.store.outbox import Forwarder, open_outbox
from kakanai.store.visit_log import VisitLog

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything the screens may use; each screen is handed only the parts it needs."""

    settings: Settings
    catalog: Catalog
    visit_log: VisitLog
    recorder: Recorder
    visits: VisitService
    database_warning: str = ""
    key_problem: str = ""  # the installation key was unusable: open visits could not be restored

    @cached_property
    def casework(self) -> Casework:
        """The case service: code or answers → household → plan → bundle."""
        return Casework(self.catalog)

    def close(self) -> None:
        """Flush what is queued, stop background threads and let go of the database files."""
        self.recorder.close()
        self.visit_log.engine.dispose()


def build_services(settings: Settings, clock: Callable[[], datetime] = utc_now) -> Services:
    """Catalog, database (migrated), outbox + forwarder, visit service (raises InvalidInput on a
    broken catalog; a database that cannot be reached becomes a warning, not a stop)."""
    data = settings.data_path()
    data.mkdir(parents=True, exist_ok=True)
    catalog = load_catalog(Path(settings.forms_dir) if settings.forms_dir else forms_dir())
    url = settings.effective_database_url()
    warning = ""
    try:
        upgrade(url)
    except SQLAlchemyError as exc:
        log.error("database upgrade failed (%s)", describe(exc))
        warning = "データベースに接続できません。記録は端末に保存し、つながり次第送ります"
    try:
        engine = make_engine(url)
    except ArgumentError:
        raise InvalidInput([Problem("database_url", "データベースの接続先の書き方が正しくありません"
                                    "（例: postgresql+psycopg://ユーザー:パスワード@サーバー/kakanai）", url.split("@")[-1])],
                           "設定ファイルに誤りがあります") from None
    visit_log = VisitLog(engine, ZoneInfo(settings.office_timezone))  # local day and hour for KPIs
    outbox, outbox_warning = open_outbox(data / "outbox.db")  # a damaged file is kept aside, not a stop
    warning = "　".join(filter(None, [warning, outbox_warning]))
    forwarder = Forwarder(outbox, visit_log)
    recorder = Recorder(outbox, forwarder, BackgroundWriter())
    recorder.start()
    office_tz = ZoneInfo(settings.office_timezone)
    workplace = Workplace(settings.office, settings.counter, settings.clerk_id or _os_user()[:NAME_LENGTH["clerk_id"]], office_tz)
    key = load_key(data)
    store = OpenVisitStore(data / "open", key.key)
    return Services(settings, catalog, visit_log, recorder, VisitService(recorder, store, workplace, clock), warning,
                    key.problem)


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "clerk"
