"""The composition root tells the clerk when open visits could not be restored (a damaged key, a
damaged file), and keeps those files: nothing is set aside in silence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from kakanai import app
from kakanai.bootstrap import build_services
from kakanai.keys import KEY_FILE
from kakanai.settings import load_settings
from kakanai.ui import dialogs
from tests.ui.driver import wait_until


def _leave_open_visits(data: Path, count: int) -> None:
    services = build_services(load_settings([], {"data_dir": str(data)}))
    for _ in range(count):
        services.visits.start()
    services.close()


def _start_counter(data: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], object]:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform_error", lambda parent, title, text: told.append(text))
    services = build_services(load_settings([], {"data_dir": str(data)}))
    window = app.build_window(services, demo=False)
    QTest.qWait(20)  # the window offers recovery once the event loop runs
    wait_until(lambda: not window.options.offered)
    return told, (window, services)


@pytest.mark.parametrize("damage", ["key", "visit file"])
def test_visits_that_cannot_be_restored_are_told_to_the_clerk_and_kept(
        qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:  # type: ignore[no-untyped-def]
    # Given two visits open at a crash, and then a damaged key (or one damaged visit file)
    _leave_open_visits(tmp_path, 2)
    files = sorted((tmp_path / "open").glob("*.visit"))
    if damage == "key":
        (tmp_path / KEY_FILE).write_bytes(b"\0" * 7)
    else:
        files[0].write_bytes(files[0].read_bytes()[:-4])
    dialogs.AUTO_ANSWER = False
    try:
        # When the counter starts
        told, (window, services) = _start_counter(tmp_path, monkeypatch)
    finally:
        dialogs.AUTO_ANSWER = None
    try:
        # Then the clerk reads how many visits could not be restored and that IT must be called
        lost = 2 if damage == "key" else 1
        [message] = told
        assert f"受付 {lost} 件を復元できませんでした" in message and "情報システム係" in message
        assert ("暗号鍵" in message) == (damage == "key")
        assert "情報システム係" in window.header_right.text()
        # And every file is kept for IT
        assert len(list((tmp_path / "open").glob("*.bad"))) == lost
        if damage == "key":
            assert (tmp_path / "installation.key.damaged").read_bytes() == b"\0" * 7
    finally:
        window.close()
        services.close()


def test_a_start_with_nothing_lost_says_nothing(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    told, (window, services) = _start_counter(tmp_path, monkeypatch)
    assert told == [] and app.restore_notice("", []) == ""
    window.close()
    services.close()
