"""The supervisor's password, which guards the dashboard and ``kakanai report``: scrypt hashes, and
a growing delay after each wrong password that outlives dialogs, restarts and the command line.
(`kakanai.services.supervisor` re-exports all of it.)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from kakanai.settings import Settings

log = logging.getLogger(__name__)


# New hashes: N = 2^17 (128 MB, about 0.3 s), so a copy of IT's file (readable by every user of the
# PC) is slow to attack offline. Older hashes (N = 2^14) still verify; `set-password` writes N = 2^17.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**17, 8, 1
_MAX_MEMORY = 2**28  # refuse stored parameters that would need more than 256 MB (or minutes)
_MAXMEM = 2 * _MAX_MEMORY  # what OpenSSL may allocate (128·N·r·p plus its own overhead)


def hash_password(password: str) -> str:
    """A salted scrypt hash of ``password``, as one string for ``Settings.supervisor_password_hash``."""
    if not password:
        raise ValueError("the supervisor password must not be empty")
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32,
                            maxmem=_MAXMEM)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (False for an empty or malformed stored hash)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        if scheme != "scrypt" or min(n_, r_, p_) < 1 or 128 * n_ * r_ * p_ > _MAX_MEMORY:
            return False
        expected = base64.b64decode(digest, validate=True)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt, validate=True),
                                n=n_, r=r_, p=p_, dklen=len(expected), maxmem=_MAXMEM)
    except (ValueError, binascii.Error):
        return False
    return hmac.compare_digest(actual, expected)


ATTEMPTS_FILE = "supervisor_attempts.json"
MAX_DELAY_SECONDS = 60.0
FORGET_AFTER_SECONDS = 15 * 60  # a quarter of an hour without a wrong password starts the count afresh


class PasswordGuard:
    """The supervisor password with a growing delay: after the n-th wrong password in a row the next
    one is checked only 2^(n-1) seconds later (1, 2, 4 … capped at ``max_delay``).

    The count lives in a small file in the data folder (``state_file``), so closing the dialog,
    restarting the app or switching to ``kakanai report`` does not reset it. Wrong passwords are
    logged with their number, never with what was typed.
    """

    def __init__(self, stored_hash: str, state_file: Path | None, *, clock: Callable[[], float] = time.time,
                 max_delay: float = MAX_DELAY_SECONDS) -> None:
        self.stored_hash = stored_hash
        self.state_file = state_file
        self.clock = clock
        self.max_delay = max_delay
        self._memory = (0, 0.0)  # the count when there is no state file

    @property
    def is_set(self) -> bool:
        """True when IT has set a password."""
        return bool(self.stored_hash.strip())

    def failures(self) -> int:
        """Wrong passwords in a row so far (0 once forgotten)."""
        count, last = self._load()
        return count if self.clock() - last < FORGET_AFTER_SECONDS else 0

    def wait_seconds(self) -> float:
        """Seconds before the next password may be checked (0: now)."""
        count, last = self._load()
        if count == 0 or self.clock() - last >= FORGET_AFTER_SECONDS:
            return 0.0
        return max(0.0, last + min(2.0 ** min(count - 1, 30), self.max_delay) - self.clock())

    def check(self, password: str) -> bool:
        """True for the right password (the count starts afresh). False for a wrong one (counted and
        logged) and, without checking, for any password typed before `wait_seconds` has passed."""
        if not self.is_set or self.wait_seconds() > 0:
            return False
        if check_password(password, self.stored_hash):
            self._save(0, 0.0)
            return True
        count = self.failures() + 1
        self._save(count, self.clock())
        log.warning("supervisor password rejected (attempt %d)", count)
        return False

    def _load(self) -> tuple[int, float]:
        if self.state_file is None:
            return self._memory
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
            return int(data["failures"]), float(data["last_failure"])
        except FileNotFoundError:
            return 0, 0.0
        except (OSError, ValueError, KeyError, TypeError):  # whoever can damage the file can delete it
            log.warning("the record of supervisor password attempts is unreadable: counting afresh")
            return 0, 0.0

    def _save(self, count: int, last: float) -> None:
        self._memory = (count, last)
        if self.state_file is None:
            return
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.state_file.with_suffix(".tmp")
            temporary.write_text(json.dumps({"failures": count, "last_failure": last}), encoding="utf-8")
            os.replace(temporary, self.state_file)
        except OSError:
            log.warning("could not record supervisor password attempts in the data folder")


def password_guard(settings: Settings) -> PasswordGuard:
    """The guard of IT's supervisor password, counting wrong ones in the data folder."""
    return PasswordGuard(settings.supervisor_password_hash, settings.data_path() / ATTEMPTS_FILE)
