"""``kakanai --selftest`` walks a visit in a world of its own: the visit log IT configured (the
supervisors' figures) never sees it, and no temporary folder is left behind, even on failure."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kakanai import settings as settings_module
from kakanai.app import run
from kakanai.store.db import make_engine, upgrade
from kakanai.store.schema import visits
from kakanai.ui import dialogs


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An installation: IT's kakanai.toml beside the executable, a private temp dir; returns IT's folder."""
    it_folder, temp = tmp_path / "program", tmp_path / "tmp"
    it_folder.mkdir()
    temp.mkdir()
    monkeypatch.setattr(settings_module, "install_dir", lambda: it_folder)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield it_folder
    dialogs.AUTO_ANSWER = None


def _visits_in(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(visits)).scalar_one()
    engine.dispose()
    return count


def test_the_selftest_leaves_the_configured_visit_log_and_the_temp_dir_as_they_were(
        qapp, installed: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Given IT's settings naming the counter's data folder and its visit log
    url = f"sqlite:///{tmp_path / 'city.db'}"
    upgrade(url)
    (installed / "kakanai.toml").write_text(f"data_dir = '{tmp_path / 'counter'}'\ndatabase_url = '{url}'\n",
                                            encoding="utf-8")
    # When IT runs the self-test after installing
    assert run(selftest=True) == 0
    # Then the visit log holds no scripted visit, the counter's data folder is untouched, nothing is left in temp
    assert _visits_in(url) == 0
    assert not (tmp_path / "counter").exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_failing_selftest_removes_its_folder_too(  # type: ignore[no-untyped-def]
        qapp, installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (installed / "kakanai.toml").write_text(f"forms_dir = '{tmp_path / 'no-such-catalog'}'\n", encoding="utf-8")
    assert run(selftest=True) == 2
    assert capsys.readouterr().err
    assert list((tmp_path / "tmp").iterdir()) == []
