"""Windows DPAPI through ctypes (no new dependency): seal bytes for the logged-on user.

`CryptProtectData` in user scope ties the sealed bytes to the Windows account (and its PC, unless
the profile roams): the same bytes copied elsewhere do not unseal. Import on Windows only.
"""

from __future__ import annotations

import ctypes
from ctypes import wintypes

from kakanai.keys.wrapping import KeyUnreadable, Wrapping

SEALED_FILE = "installation.key.dpapi"
CRYPTPROTECT_UI_FORBIDDEN = 0x1
_ENTROPY = b"kakanai installation key v1"  # binds the blob to this use, not a secret


class _Blob(ctypes.Structure):
    _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]


def _blob(data: bytes) -> tuple[_Blob, ctypes.Array[ctypes.c_char]]:
    buffer = ctypes.create_string_buffer(data, len(data))
    return _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))), buffer


def _call(function_name: str, data: bytes) -> bytes:
    crypt32 = ctypes.WinDLL("crypt32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    function = getattr(crypt32, function_name)
    function.argtypes = [ctypes.POINTER(_Blob), ctypes.c_void_p, ctypes.POINTER(_Blob), ctypes.c_void_p,
                         ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(_Blob)]
    function.restype = wintypes.BOOL
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    kernel32.LocalFree.restype = ctypes.c_void_p
    source, _keep = _blob(data)
    entropy, _keep_entropy = _blob(_ENTROPY)
    sealed = _Blob()
    if not function(ctypes.byref(source), None, ctypes.byref(entropy), None, None, CRYPTPROTECT_UI_FORBIDDEN,
                    ctypes.byref(sealed)):
        raise KeyUnreadable(f"DPAPI {function_name} エラー {ctypes.get_last_error()}")  # type: ignore[attr-defined]
    try:
        return ctypes.string_at(sealed.pbData, sealed.cbData)
    finally:
        kernel32.LocalFree(ctypes.cast(sealed.pbData, ctypes.c_void_p))


def protect(data: bytes) -> bytes:
    """Seal bytes for the current Windows user."""
    return _call("CryptProtectData", data)


def unprotect(sealed: bytes) -> bytes:
    """Unseal bytes sealed by `protect` for this user (raises KeyUnreadable otherwise)."""
    return _call("CryptUnprotectData", sealed)


def dpapi_wrapping() -> Wrapping:
    """The installation key kept as ``installation.key.dpapi``, sealed for the current user."""
    return Wrapping(SEALED_FILE, protect, unprotect)
