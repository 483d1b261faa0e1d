"""The installation's secret key: made on first start, kept in the data folder, never sent anywhere.

It encrypts the open-visit store at rest and keys the pseudonyms of clerk ids in exports; each
use derives its own sub-key, so one never reveals another.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

KEY_FILE = "installation.key"


def installation_key(data_dir: Path) -> bytes:
    """The 32-byte installation key, created (owner-only file) if it does not exist yet."""
    path = data_dir / KEY_FILE
    if path.is_file():
        key = path.read_bytes()
        if len(key) == 32:
            return key
    data_dir.mkdir(parents=True, exist_ok=True)
    key = os.urandom(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key)
    return key


def derive(key: bytes, purpose: str) -> bytes:
    """A sub-key for one purpose ("open-visits", "pseudonym" …)."""
    return hmac.new(key, purpose.encode("utf-8"), hashlib.sha256).digest()
