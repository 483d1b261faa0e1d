"""Watching the card reader for a card being placed (issue 17): a thread of its own waits on PC/SC
(`SCardGetStatusChange` with a timeout, cancelled with `SCardCancel` to stop) and calls back on each
*new* insertion on IT's reader, or on any reader when IT named none (the read then refuses two cards).

A card already lying on the reader when the watch starts, or again after the smart-card service
came back, is not an insertion: only a card that was seen absent and then present is. No reader,
no service, a service restarting: the watch waits and tries again, each time a little later (up
to 10 seconds), and says nothing — the clerk still has F7, which tells what is wrong. Nothing
read from a card passes here: the watch knows a card is present, never what it holds.
"""

from __future__ import annotations

import atexit
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

from kakanai.logsafe import safe_traceback

log = logging.getLogger(__name__)
THREAD_NAME = "kakanai-card-watch"
WAIT_MS = 1000  # one wait on the readers; the list of readers is read again after each (a reader plugged in)
FIRST_RETRY, LAST_RETRY = 0.5, 10.0  # seconds before trying again after a problem, doubling (a reader plugged in: seen within 10 s)
_MASK = 0xFFFFFFFF
_watches: weakref.WeakSet[CardWatch] = weakref.WeakSet()


class CardWatch:
    """Calls ``on_placed(reader)`` from its own thread each time a card is newly placed."""

    def __init__(self, on_placed: Callable[[str], None], reader: str = "", *, wait_ms: int = WAIT_MS,
                 first_retry: float = FIRST_RETRY, last_retry: float = LAST_RETRY) -> None:
        self._on_placed, self._reader = on_placed, reader
        self._wait_ms, self._first_retry, self._last_retry = wait_ms, first_retry, last_retry
        self._stop = threading.Event()
        self._lock = threading.Lock()  # guards the PC/SC context shared with `stop`
        self._context: int | None = None
        self._thread: threading.Thread | None = None
        self.retries = 0  # problems met so far (for tests and the self-check; never shown)
        self.watching = False  # the readers are being watched now (False: waiting to try again)

    def start(self) -> None:
        """Start watching (once)."""
        if self._thread is None:
            # daemon: a window that is never closed (a crash) cannot keep the process from ending
            self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
            _watches.add(self)
            self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 3.0) -> bool:
        """Stop watching: the wait in progress is cancelled; True once the thread has ended."""
        self._stop.set()
        with self._lock:
            if self._context is not None:
                try:
                    self._scard().SCardCancel(self._context)
                except Exception as exc:  # noqa: BLE001 - the service may be gone: the wait ends by its timeout
                    log.debug("card watch: cancel refused\n%s", safe_traceback(exc))
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    # -- the thread ------------------------------------------------------------------------
    @staticmethod
    def _scard() -> Any:
        from smartcard import scard

        return scard

    def _run(self) -> None:
        delay = self._first_retry
        while not self._stop.is_set():
            try:
                watched = self._watch()
            except ImportError:  # pyscard without its PC/SC library: nothing to watch, ever
                log.info("card watch: no PC/SC library")
                return
            except Exception as exc:  # noqa: BLE001 - never a crash from the reader; F7 says what is wrong
                log.warning("card watch: unexpected problem\n%s", safe_traceback(exc))
                watched = False
            self.watching = False
            if self._stop.is_set():
                break
            self.retries += 1
            delay = self._first_retry if watched else min(delay * 2, self._last_retry)
            self._stop.wait(delay)

    def _watch(self) -> bool:
        """Watch until a PC/SC problem or `stop`; True when the readers were watched for a while
        (the next retry starts again soon), False when they could not be reached at all."""
        scard = self._scard()
        with self._lock:
            if self._stop.is_set():
                return True
            result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if result != scard.SCARD_S_SUCCESS:
                return False
            self._context = context
        try:
            return self._follow(scard, context)
        finally:
            with self._lock:
                self._context = None
                scard.SCardReleaseContext(context)

    def _follow(self, scard: Any, context: int) -> bool:
        states: dict[str, int] = {}  # reader → its last state (UNAWARE: not seen yet)
        present: dict[str, bool] = {}  # reader → a card was on it when last seen
        watched = False
        while not self._stop.is_set():
            result, readers = scard.SCardListReaders(context, [])
            if result != scard.SCARD_S_SUCCESS or not readers:
                return watched  # no reader (or no service): try again later
            wanted = [r for r in readers if r == self._reader] if self._reader else list(readers)
            if not wanted:
                return watched  # IT's reader is not plugged in
            states = {r: states.get(r, scard.SCARD_STATE_UNAWARE) for r in wanted}
            present = {r: p for r, p in present.items() if r in states}
            result, changed = scard.SCardGetStatusChange(context, self._wait_ms, list(states.items()))
            result &= _MASK
            if result == scard.SCARD_E_TIMEOUT & _MASK:
                continue
            if result != scard.SCARD_S_SUCCESS:
                return watched  # cancelled (stop), the service gone or restarting, a reader unplugged
            watched = self.watching = True
            for reader, event, _ in changed:
                states[reader] = event & ~scard.SCARD_STATE_CHANGED  # the next wait is for a change from here
                if event & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
                    present.pop(reader, None)  # gone or not usable: a card on it once back is not "placed"
                    continue
                now = bool(event & scard.SCARD_STATE_PRESENT)
                if now and present.get(reader) is False and not self._stop.is_set():
                    self._on_placed(reader)  # was seen empty, now holds a card: placed
                present[reader] = now
        return watched


@atexit.register
def _stop_all() -> None:
    """A window that was never closed: stop its watch before Python ends (no wait left hanging)."""
    for watch in list(_watches):
        watch.stop(timeout=1.0)
