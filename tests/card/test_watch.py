"""Watching the reader for a card being placed (issue 17), on real pcscd with the virtual reader:
only a new insertion is told (a card already lying there, or left there, is not), IT's reader is the
one watched, the watch stops at once, and without the smart-card service it retries quietly, each
time later (a pcsc-lite client pointed at a socket no daemon listens on: PCSCLITE_CSOCK_NAME), and
comes back when the service starts late or restarts (a private pcscd: tests/card/private_pcscd.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kakanai.card.watch import THREAD_NAME, CardWatch
from tests.card import private_pcscd
from tests.card.test_readers import PRIVATE, PRIVATE_PORT, _place_when_listening
from tests.card.test_reading import REQUIRES_PCSC, _card
from tests.card.virtual_card import VPCD_PORT, Inserted

pytestmark = REQUIRES_PCSC
ROOT = Path(__file__).resolve().parents[2]


class Told:
    """What the watch told, from its thread."""

    def __init__(self) -> None:
        self.readers: list[str] = []
        self.threads: set[str] = set()
        self._event = threading.Event()

    def __call__(self, reader: str) -> None:
        self.threads.add(threading.current_thread().name)
        self.readers.append(reader)
        self._event.set()

    def wait(self, seconds: float = 10) -> bool:
        ok = self._event.wait(seconds)
        self._event.clear()
        return ok


@pytest.fixture
def watching() -> Iterator[list[CardWatch]]:
    watches: list[CardWatch] = []
    yield watches
    for watch in watches:
        watch.stop()


def _settle(watch: CardWatch) -> None:
    """Let the watch take its first look at the readers (a card lying there then is not "placed")."""
    time.sleep(1.5)
    assert watch.running


def test_only_a_card_newly_placed_is_told(watching: list[CardWatch]) -> None:
    # Given a card already lying on the reader when the counter starts watching
    lying = Inserted(_card())
    told = Told()
    watch = CardWatch(told)
    watching.append(watch)
    watch.start()
    try:
        _settle(watch)
        # Then nothing is told for it
        assert told.readers == []
    finally:
        lying.remove()
    # When it is taken off and placed again
    assert not told.wait(1.5)  # taking it off is not placing
    again = Inserted(_card())
    try:
        # Then that is told, once, from the watch's own thread
        assert told.wait()
        assert told.readers == ["Virtual PCD 00 00"] and told.threads == {THREAD_NAME}
        # And a card left lying there is not told again
        assert not told.wait(2.5)
    finally:
        again.remove()


def test_the_reader_it_named_is_the_one_watched(watching: list[CardWatch]) -> None:
    told = Told()
    watch = CardWatch(told, "Virtual PCD 00 01")
    watching.append(watch)
    watch.start()
    _settle(watch)
    other = Inserted(_card(), VPCD_PORT)  # the other reader
    try:
        assert not told.wait(2)
        named = Inserted(_card(), VPCD_PORT + 1)
        try:
            assert told.wait() and told.readers == ["Virtual PCD 00 01"]
        finally:
            named.remove()
    finally:
        other.remove()


def test_stopping_ends_the_thread_at_once(watching: list[CardWatch]) -> None:
    watch = CardWatch(Told(), wait_ms=30_000)  # even in the middle of a long wait
    watch.start()
    _settle(watch)
    started = time.monotonic()
    assert watch.stop()
    assert time.monotonic() - started < 1.0
    assert THREAD_NAME not in {t.name for t in threading.enumerate()}


_NO_SERVICE = """
import json, logging, sys, time, threading
logging.basicConfig(level=logging.DEBUG, stream=sys.stderr)
from kakanai.card.watch import CardWatch, THREAD_NAME
told = []
watch = CardWatch(told.append, first_retry=0.1, last_retry=0.8)
watch.start()
time.sleep(4)
started = time.monotonic()
stopped = watch.stop()
print(json.dumps({"told": told, "retries": watch.retries, "stopped": stopped,
                  "stop_seconds": time.monotonic() - started,
                  "threads": [t.name for t in threading.enumerate()]}))
"""


def test_without_the_card_service_the_watch_retries_quietly_and_less_often(tmp_path: Path) -> None:
    # Given a counter PC whose smart-card service does not answer (no daemon behind the socket)
    env = os.environ | {"PCSCLITE_CSOCK_NAME": str(tmp_path / "no-pcscd"), "PYTHONPATH": str(ROOT)}
    # When the window's watch runs for four seconds
    done = subprocess.run([sys.executable, "-c", _NO_SERVICE], capture_output=True, text=True, env=env, timeout=60,
                          check=True, cwd=ROOT)
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    # Then it told nothing, tried again each time later (0.1, 0.2, 0.4, 0.8, 0.8 … s: a handful of
    # tries, not one every wait), logged nothing, and stopped at once with no thread left
    assert outcome["told"] == [] and 3 <= outcome["retries"] <= 8, outcome
    assert done.stderr.strip() == "", done.stderr
    assert outcome["stopped"] and outcome["stop_seconds"] < 1.5 and outcome["threads"] == ["MainThread"]


@PRIVATE
def test_the_watch_comes_back_with_the_service_and_a_card_lying_through_a_restart_is_not_told(tmp_path: Path) -> None:
    # Given a counter whose smart-card service is not up yet (a private pcscd, started by the script)
    config = private_pcscd.reader_config(tmp_path, PRIVATE_PORT)
    process = private_pcscd.start(config, "watch")
    assert process.stdin is not None and process.stdout is not None
    stdin, stdout = process.stdin, process.stdout

    def step() -> dict[str, object]:
        return json.loads(stdout.readline())

    def go_on() -> None:
        stdin.write("\n")
        stdin.flush()

    cards: list[Inserted] = []
    try:
        # Then without the service the watch waits quietly; once it is up, the watch is back
        assert step() == {"step": "no service", "watching": False, "retries": 1}
        assert step() == {"step": "service up", "watching": True}
        # When a card is placed, Then it is told
        cards.append(_place_when_listening(_card()))
        go_on()
        assert step() == {"step": "placed", "told": ["Private PCD 00 00"]}
        # When the service restarts with the card still on the reader, Then the card found lying
        # there is not told (F7 reads it)
        assert step() == {"step": "restarted"}
        cards.append(_place_when_listening(_card()))  # the restarted service finds the card there
        go_on()
        assert step() == {"step": "lying", "watching": True, "told": ["Private PCD 00 00"]}
        # And taken off and placed again, it is told
        cards.pop().remove()
        time.sleep(2)  # the private pcscd polls the virtual reader: let it see the card gone
        cards.append(_place_when_listening(_card()))
        go_on()
        assert step() == {"step": "placed again", "told": ["Private PCD 00 00", "Private PCD 00 00"]}
        assert step() == {"step": "stopped", "stopped": True, "threads": ["MainThread"]}
    finally:
        for card in cards:
            card.remove()
        process.kill()
        process.wait(timeout=10)
