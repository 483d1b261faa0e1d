"""A second, private pcscd for the reader tests the shared one cannot give: no reader at all, and
the smart-card service going away in the middle of a read. It runs in its own mount namespace
(``unshare -m``, root as in CI) with a tmpfs on /run/pcscd, so its socket does not meet the shared
daemon's; the read runs in that namespace too (a pcsc-lite client finds its daemon by that path).

Run as a script inside the namespace: ``private_pcscd.py CONFIG_DIR WAIT_FOR_CARD``. It starts pcscd
with CONFIG_DIR as its reader.conf.d, prints ``pid <n>``, reads the card with kakanai's reader
code (PIN 1234) and prints the outcome as one JSON line, then stops its pcscd.

``private_pcscd.py CONFIG_DIR watch`` runs the window's card watch instead, through the service
starting late and restarting, talking with the test line by line (see `watch`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PCSCD = "/usr/sbin/pcscd"
HERE = Path(__file__).resolve()


def available() -> str:
    """Why a private pcscd cannot run here ("" when it can)."""
    if os.geteuid() != 0:
        return "needs root (unshare -m, mount)"
    if not (shutil.which("unshare") and Path(PCSCD).exists()):
        return "needs unshare and pcscd"
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return "" if probe.returncode == 0 else "unshare -m is not allowed here"


def reader_config(folder: Path, port: int) -> Path:
    """A reader.conf.d in ``folder`` naming one virtual reader (vpcd) on ``port``, for ``start``."""
    config = folder / "reader.conf.d"
    config.mkdir()
    (config / "vpcd").write_text(f'FRIENDLYNAME "Private PCD"\nDEVICENAME /dev/null:0x{port:04X}\n'
                                 "LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\n"
                                 f"CHANNELID 0x{port:04X}\n", encoding="ascii")
    return config


def start(config: Path, wait_for_card: bool | str) -> subprocess.Popen[str]:
    """The read (or with "watch" the card watch) in a fresh namespace with its own pcscd reading
    ``config``; its stdout gives ``pid <n>`` then the JSON outcome."""
    mode = wait_for_card if isinstance(wait_for_card, str) else str(int(wait_for_card))
    script = f'mount -t tmpfs tmpfs /run/pcscd && exec "{sys.executable}" "{HERE}" "{config}" {mode}'
    env = os.environ | {"PYTHONPATH": str(HERE.parents[2])}
    return subprocess.Popen(["unshare", "-m", "sh", "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=env)


def _wait_ready(scard: Any, card: bool, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if result == scard.SCARD_S_SUCCESS:
            try:
                if not card:
                    return
                result, readers = scard.SCardListReaders(context, [])
                if readers:
                    result, states = scard.SCardGetStatusChange(context, 0, [(r, scard.SCARD_STATE_UNAWARE)
                                                                             for r in readers])
                    if result == scard.SCARD_S_SUCCESS and any(s & scard.SCARD_STATE_PRESENT for _, s, _ in states):
                        return
            finally:
                scard.SCardReleaseContext(context)
        time.sleep(0.05)
    raise TimeoutError("the private pcscd did not come up (or never saw the card)")


def _main(config: str, wait_for_card: bool) -> None:
    daemon = subprocess.Popen([PCSCD, "--foreground", "--config", config], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    print(f"pid {daemon.pid}", flush=True)
    from smartcard import scard

    from kakanai.card.pcsc import read_basic_four
    from kakanai.card.protocol import CardError

    try:
        _wait_ready(scard, wait_for_card)
        facts = read_basic_four("1234")
        outcome: dict[str, Any] = {"family": facts.family}
    except CardError as exc:
        outcome = {"code": exc.code, "message": exc.message_ja}
    finally:
        if daemon.poll() is None:
            daemon.terminate()
        daemon.wait(timeout=10)
    print(json.dumps(outcome, ensure_ascii=False), flush=True)


def _until(condition: Any, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _watch(config: str) -> None:
    """The card watch through the service: none at first, then started; a card placed; the service
    restarted with the card lying there; the card taken off and placed again. Each step prints one
    JSON line and waits for the test's next line on stdin (the test places and removes the card)."""
    import threading

    from smartcard import scard

    from kakanai.card.watch import CardWatch

    told: list[str] = []
    told_event = threading.Event()

    def placed(reader: str) -> None:
        told.append(reader)
        told_event.set()

    def say(**outcome: Any) -> None:
        print(json.dumps(outcome), flush=True)

    # a retry long enough for the restarted service to find the card before the watch looks again
    watch = CardWatch(placed, first_retry=4.0, last_retry=4.0)
    watch.start()
    time.sleep(1.0)  # no service yet: the watch waits to try again, quietly
    say(step="no service", watching=watch.watching, retries=watch.retries)
    daemon = subprocess.Popen([PCSCD, "--foreground", "--config", config], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        _wait_ready(scard, card=False)
        say(step="service up", watching=_until(lambda: watch.watching))
        sys.stdin.readline()  # the test placed the card
        say(step="placed", told=told_event.wait(15) and list(told))
        told_event.clear()
        daemon.terminate()  # the service restarts (the card still on the reader)
        daemon.wait(timeout=10)
        _until(lambda: not watch.watching)
        daemon = subprocess.Popen([PCSCD, "--foreground", "--config", config], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        say(step="restarted")
        sys.stdin.readline()  # the test has the card connect to the new service
        _wait_ready(scard, card=True)
        back = _until(lambda: watch.watching)
        time.sleep(1.5)
        say(step="lying", watching=back, told=list(told))
        sys.stdin.readline()  # the test took the card off and placed it again
        say(step="placed again", told=told_event.wait(15) and list(told))
    finally:
        stopped = watch.stop()
        daemon.terminate()
        daemon.wait(timeout=10)
        say(step="stopped", stopped=stopped, threads=[t.name for t in threading.enumerate()])


if __name__ == "__main__":
    if sys.argv[2] == "watch":
        _watch(sys.argv[1])
    else:
        _main(sys.argv[1], sys.argv[2] == "1")
