"""``kakanai db upgrade`` and ``kakanai report`` on a real database, and on a dead one."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

import kakanai.settings
from kakanai.cli import main
from kakanai.services.supervisor import hash_password
from kakanai.store.db import make_engine
from kakanai.store.visit_log import VisitLog
from tests.visit_factory import visit_events


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    it = tmp_path / "it"  # IT's settings file, with the supervisor password that `report` asks for
    it.mkdir()
    (it / "kakanai.toml").write_text(f'supervisor_password_hash = "{HASH}"\n', encoding="utf-8")
    (tmp_path / "password.txt").write_text("kanri-2026\n", encoding="utf-8")
    monkeypatch.setattr(kakanai.settings, "install_dir", lambda: it)


HASH = hash_password("kanri-2026")


def report(tmp_path: Path, *args: str) -> int:
    """``kakanai report`` with the supervisor password from a file."""
    return main(["report", "--password-file", str(tmp_path / "password.txt"), *args])


def test_upgrade_then_report_by_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'k.db'}"
    assert main(["db", "upgrade", "--url", url]) == 0
    log = VisitLog(make_engine(url))
    log.append(visit_events("v1", start=datetime(2026, 4, 1, 9), segments=(("serving", 600),), procedures=("a", "b")))
    log.append(visit_events("v2", start=datetime(2026, 4, 1, 10), segments=(("serving", 1200),), event="birth"))
    capsys.readouterr()
    assert report(tmp_path, "--url", url, "--from", "2026-04-01", "--to", "2026-04-30", "--csv") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:2] == ["区分", "件数"]
    assert rows[1:] == [["birth", "1", "20.0", "20.0", "20.0", "20.0", "100%"],
                        ["move_in", "1", "10.0", "10.0", "10.0", "10.0", "0%"]]
    assert report(tmp_path, "--url", url, "--from", "2026-04-01", "--to", "2026-04-30", "--by", "clerk") == 0
    out = capsys.readouterr().out
    assert "件数 2" in out and "職員-" in out and " c1 " not in out


def test_a_dead_database_gives_the_clerk_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(tmp_path, "--url", "postgresql+psycopg://nobody@127.0.0.1:9/none") == 2
    assert "データベースに接続できません" in capsys.readouterr().err
