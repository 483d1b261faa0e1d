"""A real counter window on a private data folder with a controllable clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from kakanai.app import build_window
from kakanai.bootstrap import Services, build_services
from kakanai.settings import load_settings
from kakanai.ui import dialogs
from kakanai.ui.main_window import MainWindow
from kakanai.ui.style import install_fonts
from tests.clock import Clock
from tests.ui.driver import Clerk


def _counter_clock() -> Clock:
    return Clock(datetime(2026, 6, 15, 0, 30, tzinfo=timezone.utc))  # 09:30 JST


@dataclass
class Counter:
    window: MainWindow
    services: Services
    clock: Clock
    clerk: Clerk
    data: Path


def open_counter(qapp, data: Path, clock: Clock, demo: bool = True) -> Counter:  # type: ignore[no-untyped-def]
    install_fonts(qapp, 13)
    services = build_services(load_settings([], {"data_dir": str(data), "clerk_id": "c9"}), clock)
    window = build_window(services, demo=demo)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    return Counter(window, services, clock, Clerk(window), data)


@pytest.fixture
def counter(qapp, tmp_path: Path) -> Iterator[Counter]:  # type: ignore[no-untyped-def]
    dialogs.AUTO_ANSWER = True
    c = open_counter(qapp, tmp_path, _counter_clock())
    yield c
    c.window.close()
    c.services.close()
    dialogs.AUTO_ANSWER = None
