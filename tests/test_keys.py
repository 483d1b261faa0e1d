"""The installation key: owner-only on POSIX, sealed with DPAPI on Windows, and never silently
replaced: a key that cannot be used is kept aside and reported."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from kakanai.keys import KEY_FILE, KeyUnreadable, Wrapping, load_key

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _sealed(tag: bytes = b"SEALED:") -> Wrapping:
    """A stand-in for DPAPI: seals by prefixing a tag; a blob without it (another user's) fails."""

    def unseal(blob: bytes) -> bytes:
        if not blob.startswith(tag):
            raise KeyUnreadable("not sealed for this user")
        return blob[len(tag):]

    return Wrapping("installation.key.sealed", lambda key: tag + key, unseal)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_key_is_readable_by_its_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        loaded = load_key(tmp_path)
    finally:
        os.umask(old)
    assert len(loaded.key) == 32 and loaded.problem == ""
    assert _mode(tmp_path / KEY_FILE) == 0o600
    assert load_key(tmp_path).key == loaded.key


@posix_only
def test_a_key_left_readable_by_others_is_tightened_to_0600(tmp_path: Path) -> None:
    key = load_key(tmp_path).key
    os.chmod(tmp_path / KEY_FILE, 0o644)
    assert load_key(tmp_path).key == key
    assert _mode(tmp_path / KEY_FILE) == 0o600


def test_a_damaged_key_is_set_aside_not_overwritten_and_reported(tmp_path: Path) -> None:
    # Given a key file cut short (a disk error, a bad copy)
    (tmp_path / KEY_FILE).write_bytes(b"x" * 20)
    # When the key is loaded
    loaded = load_key(tmp_path)
    # Then a new key is made, the damaged one is kept for IT, and the problem is said
    assert len(loaded.key) == 32 and "installation.key" in loaded.problem
    assert (tmp_path / "installation.key.damaged").read_bytes() == b"x" * 20
    assert (tmp_path / KEY_FILE).read_bytes() == loaded.key
    # And a second damage keeps the first damaged key too
    (tmp_path / KEY_FILE).write_bytes(b"y")
    assert load_key(tmp_path).problem
    assert (tmp_path / "installation.key.damaged2").read_bytes() == b"y"


def test_a_sealed_key_is_stored_only_sealed(tmp_path: Path) -> None:
    wrapping = _sealed()
    loaded = load_key(tmp_path, wrapping)
    assert (tmp_path / wrapping.file_name).read_bytes() == b"SEALED:" + loaded.key
    assert not (tmp_path / KEY_FILE).exists()
    assert load_key(tmp_path, wrapping).key == loaded.key


def test_a_plain_key_of_an_earlier_version_is_sealed_and_its_file_deleted(tmp_path: Path) -> None:
    plain = load_key(tmp_path).key  # what an earlier version left
    wrapping = _sealed()
    loaded = load_key(tmp_path, wrapping)
    assert loaded.key == plain and loaded.problem == ""
    assert not (tmp_path / KEY_FILE).exists()
    assert (tmp_path / wrapping.file_name).read_bytes() == b"SEALED:" + plain


def test_a_key_sealed_for_another_user_is_reported_and_kept(tmp_path: Path) -> None:
    # Given a data folder copied from another account: its sealed key does not unseal here
    theirs = load_key(tmp_path, _sealed(b"OTHER:"))
    # When this account loads it
    loaded = load_key(tmp_path, _sealed())
    # Then it gets a new key and a problem to show, and the other key is kept aside
    assert loaded.key != theirs.key and "not sealed for this user" in loaded.problem
    assert (tmp_path / "installation.key.sealed.damaged").read_bytes() == b"OTHER:" + theirs.key


@pytest.mark.skipif(sys.platform != "win32", reason="DPAPI exists on Windows only")
def test_dpapi_seals_for_this_user_and_the_key_is_never_on_disk_in_clear(tmp_path: Path) -> None:
    from kakanai.keys.dpapi import SEALED_FILE, protect, unprotect

    assert unprotect(protect(b"k" * 32)) == b"k" * 32
    with pytest.raises(KeyUnreadable):
        unprotect(b"not a DPAPI blob")
    loaded = load_key(tmp_path)
    sealed = (tmp_path / SEALED_FILE).read_bytes()
    assert loaded.key not in sealed and not (tmp_path / KEY_FILE).exists()
    assert load_key(tmp_path).key == loaded.key
