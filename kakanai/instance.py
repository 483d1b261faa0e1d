"""One kakanai per data folder: a second window on the same folder would take the first one's open
visit for a crashed one and offer (or close) it.

The lock is an OS lock on ``<data>/kakanai.lock`` (``flock`` on POSIX, ``msvcrt.locking`` on
Windows), held for the life of the process: the OS drops it when the process ends, even after a
crash or a power cut, so a stale lock file never keeps the counter shut.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_FILE = "kakanai.lock"
_HELD = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


class AlreadyRunning(Exception):
    """Another kakanai holds the data folder."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(str(data_dir))
        self.data_dir = data_dir

    def clerk_message(self) -> str:
        """What the clerk reads."""
        return ("この端末ではすでに kakanai が開いています。開いている画面を使ってください。\n"
                f"（データフォルダ: {self.data_dir}。画面が見当たらないときは情報システム係に連絡してください）")


class FolderLock:
    """The held lock on a data folder; `release` (or the end of the process) lets it go."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        """Let another kakanai use the folder."""
        if self._descriptor is None:
            return
        if sys.platform == "win32":
            import msvcrt

            os.lseek(self._descriptor, 0, os.SEEK_SET)
            try:
                msvcrt.locking(self._descriptor, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass  # never locked (a file system without locks); closing is enough
        os.close(self._descriptor)
        self._descriptor = None


def lock_data_folder(data_dir: Path) -> FolderLock:
    """Take the data folder for this process (creating the folder); raises AlreadyRunning if another
    process has it, OSError if the folder cannot be used."""
    data_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _try_lock(descriptor)
    except OSError as exc:
        if exc.errno not in _HELD:  # a file system without locks: run, but say so in the log
            log.warning("cannot lock %s (%s): a second kakanai on this folder would not be stopped", LOCK_FILE, type(exc).__name__)
            return FolderLock(descriptor)
        os.close(descriptor)
        raise AlreadyRunning(data_dir) from None
    return FolderLock(descriptor)


def _try_lock(descriptor: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
