"""How the installation key is kept on disk: the seal/unseal pair a platform offers (plain 0600
file, or DPAPI on Windows), apart from the key logic so that each wrapping can depend on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class KeyUnreadable(Exception):
    """The key file exists but does not give a usable key."""


@dataclass(frozen=True)
class Wrapping:
    """How the key is kept on disk: its file name and the functions that seal and unseal it."""

    file_name: str
    seal: Callable[[bytes], bytes]
    unseal: Callable[[bytes], bytes]  # raises KeyUnreadable
