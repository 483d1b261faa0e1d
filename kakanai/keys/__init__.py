"""The installation's secret key: made on first start, kept in the data folder, never sent anywhere.

It encrypts the open-visit store at rest and keys the pseudonyms of clerk ids in exports; each
use derives its own sub-key, so one never reveals another.

How it is kept:

- Windows: wrapped with DPAPI for the logged-on user (``installation.key.dpapi``), so a copied data
  folder cannot be decrypted on another PC or by another account. A plain key left by an earlier
  version is wrapped and its file deleted at the next start.
- Elsewhere: a file readable by its owner only (``installation.key``, mode 0600). The protection
  is the OS account: whoever can read the data folder as that user (or as root), or a copy of the
  folder taken with the key, can decrypt the open visits.

A key file that exists but cannot be used (damaged, wrong length, DPAPI refuses it) is never
overwritten: it is set aside as ``<name>.damaged`` for IT, a new key is made, and `load_key` says
so, so the app can tell the clerk that the open visits could not be restored.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from kakanai.keys.wrapping import KeyUnreadable, Wrapping

__all__ = ["KEY_FILE", "KeyUnreadable", "LoadedKey", "Wrapping", "derive", "installation_key", "load_key"]

log = logging.getLogger(__name__)

KEY_FILE = "installation.key"
KEY_BYTES = 32


PLAIN = Wrapping(KEY_FILE, bytes, bytes)


@dataclass(frozen=True)
class LoadedKey:
    """The key, and why an existing key could not be used ("" when all was well)."""

    key: bytes
    problem: str = ""


def default_wrapping() -> Wrapping:
    """DPAPI on Windows, an owner-only file elsewhere."""
    if sys.platform == "win32":
        from kakanai.keys.dpapi import dpapi_wrapping

        return dpapi_wrapping()
    return PLAIN


def load_key(data_dir: Path, wrapping: Wrapping | None = None) -> LoadedKey:
    """The 32-byte installation key: read, migrated from a plain file, or created (never overwritten)."""
    wrapping = wrapping or default_wrapping()
    path = data_dir / wrapping.file_name
    legacy = data_dir / KEY_FILE
    try:
        if path.is_file():
            return LoadedKey(_read(path, wrapping))
        if wrapping.file_name != KEY_FILE and legacy.is_file():
            key = _read(legacy, PLAIN)
            _write(path, wrapping.seal(key))
            legacy.unlink()
            log.info("installation key moved from %s into %s", legacy.name, path.name)
            return LoadedKey(key)
        return LoadedKey(_create(path, wrapping))
    except KeyUnreadable as exc:
        broken = legacy if legacy.is_file() and not path.is_file() else path
        aside = _set_aside(broken)
        log.error("installation key %s unusable (%s): set aside as %s, new key made", broken.name, type(exc).__name__, aside.name)
        return LoadedKey(_create(path, wrapping), f"暗号鍵 {broken.name} を読めませんでした（{exc}）")


def installation_key(data_dir: Path) -> bytes:
    """The 32-byte installation key (see `load_key`)."""
    return load_key(data_dir).key


def _read(path: Path, wrapping: Wrapping) -> bytes:
    try:
        key = wrapping.unseal(path.read_bytes())
    except OSError as exc:
        raise KeyUnreadable(exc.strerror or type(exc).__name__) from None
    if len(key) != KEY_BYTES:
        raise KeyUnreadable(f"長さが {len(key)} バイトです")
    _owner_only(path)
    return key


def _set_aside(path: Path) -> Path:
    """Rename an unusable key to ``<name>.damaged`` (``.damaged2`` … if that exists), for IT."""
    aside, number = path.with_name(path.name + ".damaged"), 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.damaged{number}")
    path.rename(aside)
    return aside


def _create(path: Path, wrapping: Wrapping) -> bytes:
    key = os.urandom(KEY_BYTES)
    _write(path, wrapping.seal(key))
    return key


def _write(path: Path, content: bytes) -> None:
    """Write atomically, owner-only from the first byte (whatever the umask)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(temporary, flags, 0o600), "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _owner_only(path: Path) -> None:
    """Tighten a key file others may read to 0600 (POSIX; on Windows the ACL of the folder rules)."""
    if os.name != "posix":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, 0o600)
        log.warning("installation key %s was open to others (mode %o): now 0600", path.name, mode)


def derive(key: bytes, purpose: str) -> bytes:
    """A sub-key for one purpose ("open-visits", "pseudonym" …)."""
    return hmac.new(key, purpose.encode("utf-8"), hashlib.sha256).digest()
