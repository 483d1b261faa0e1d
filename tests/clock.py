"""A clock the test moves by hand, for services that stamp events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class Clock:
    """Returns ``now``; ``advance`` moves it forward."""

    def __init__(self, start: datetime = datetime(2026, 4, 1, 0, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self.now += timedelta(seconds=seconds)
