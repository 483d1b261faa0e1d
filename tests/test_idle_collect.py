"""Garbage collection at the counter: after start-up no full collection interrupts a scan; the full
collections run once the counter is idle (a bundle shown and nothing changing, nothing rendering)."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kakanai import app


class Controller(QObject):
    """The visit controller's signals the collector listens to."""

    visit_changed = Signal()
    step_changed = Signal(str)
    bundle_ready = Signal(object)


class Counter(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.controller = Controller()


@pytest.fixture
def full_collections() -> Iterator[list[float]]:
    """When each full collection started, while the test runs (the collector's state restored after)."""
    started: list[float] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == 2:
            started.append(time.monotonic())

    thresholds = gc.get_threshold()
    gc.callbacks.append(record)
    try:
        yield started
    finally:
        gc.callbacks.remove(record)
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _work(count: int) -> list[dict[str, int]]:
    """Cyclic garbage and objects that survive, as a scan's work makes."""
    kept = []
    for n in range(count):
        a: list[Any] = []
        a.append(a)
        kept.append({"n": n})
    return kept


def test_after_start_up_only_young_objects_are_collected_by_themselves(full_collections: list[float]) -> None:
    app.freeze_start_up()
    full_collections.clear()  # start-up's own collection
    before = gc.get_count()
    _work(200_000)  # by default at least one full collection (checked without the policy)
    assert full_collections == []
    assert gc.get_count() != before  # the young generations were collected all along


def _run_events(qapp: Any, seconds: float, each: Any = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if each is not None:
            each()
        qapp.processEvents()
        time.sleep(0.01)


def test_a_full_collection_waits_until_the_counter_is_idle(qapp: Any, monkeypatch: pytest.MonkeyPatch,
                                                           full_collections: list[float]) -> None:
    monkeypatch.setattr(app, "FULL_COLLECTION_AFTER_BUNDLE_MS", 150)
    app.freeze_start_up()
    window = Counter()
    app.collect_when_idle(window)
    full_collections.clear()
    # Given a bundle was shown while the clerk keeps working on the visit
    window.controller.bundle_ready.emit(object())
    _run_events(qapp, 0.5, window.controller.visit_changed.emit)
    assert full_collections == []  # never in the middle of the work
    # When the counter goes quiet
    quiet = time.monotonic()
    _run_events(qapp, 0.6)
    # Then one full collection runs, after the quiet time
    assert len(full_collections) == 1 and full_collections[0] - quiet >= 0.15
    window.deleteLater()
