"""F10 opens the supervisor's dashboard from the counter window, only with the password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kakanai.ui import dashboard
from tests.ui.conftest import Counter


def test_without_a_password_set_f10_opens_nothing(counter: Counter) -> None:
    counter.clerk.press(Qt.Key.Key_F10)
    assert counter.window.dashboard is None


def test_with_the_right_password_f10_opens_the_dashboard(counter: Counter, monkeypatch: pytest.MonkeyPatch) -> None:
    counter.services.settings.supervisor_password_hash = "set-by-it"
    seen: list[str] = []
    monkeypatch.setattr(dashboard, "ask_password", lambda parent, guard: seen.append(guard.stored_hash) or True)
    counter.clerk.press(Qt.Key.Key_F10)
    assert seen == ["set-by-it"]
    assert isinstance(counter.window.dashboard, dashboard.DashboardWindow)
    counter.window.dashboard.close()
