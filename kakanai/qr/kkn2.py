"""The KKN2 envelope's two parts of its own (``docs/kkn2.md``): the preset zlib dictionary, and
bytes written as decimal digits so that a QR code holds them in numeric mode.

``text = "KKN2" + digits(zlib(utf8(json), zdict=DICTIONARY))``. Digits cost 3⅓ bits each in a QR
code against base32's 5½ bits for 5 bits of data, and a keyboard-wedge scanner types them alike on
JIS and US layouts. The dictionary is fixed for KKN2: a different one would be KKN3.
"""

from __future__ import annotations

import zlib

from kakanai.qr.kkn2_dictionary import DICTIONARY_TEXT

__all__ = ["CHUNK_BYTES", "CHUNK_DIGITS", "DICTIONARY", "DICTIONARY_ID", "compress", "from_digits", "to_digits"]

DICTIONARY = DICTIONARY_TEXT.encode("utf-8")
DICTIONARY_ID = zlib.adler32(DICTIONARY)  # the DICTID every KKN2 zlib header carries
CHUNK_BYTES = 7  # 56 bits ...
CHUNK_DIGITS = 17  # ... fit 17 digits (10**17 > 2**56)
# digits for a last, shorter chunk of 1 … 6 bytes: the fewest that hold 256**n values
_TAIL_DIGITS = {n: len(str(256**n - 1)) for n in range(1, CHUNK_BYTES)}
_TAIL_BYTES = {digits: n for n, digits in _TAIL_DIGITS.items()}


def compress(raw: bytes) -> bytes:
    """A zlib stream (RFC 1950, level 9) of ``raw`` with the KKN2 preset dictionary."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, zdict=DICTIONARY)
    return compressor.compress(raw) + compressor.flush()


def to_digits(data: bytes) -> str:
    """``data`` as decimal digits: each 7 bytes as a 17-digit number (big-endian, zero-padded), a
    last chunk of n < 7 bytes in the fewest digits that hold it (3, 5, 8, 10, 13 or 15)."""
    parts = []
    for start in range(0, len(data), CHUNK_BYTES):
        chunk = data[start:start + CHUNK_BYTES]
        width = CHUNK_DIGITS if len(chunk) == CHUNK_BYTES else _TAIL_DIGITS[len(chunk)]
        parts.append(str(int.from_bytes(chunk, "big")).zfill(width))
    return "".join(parts)


def from_digits(digits: str) -> bytes:
    """The bytes written by `to_digits`; ValueError if the text is not such digits (a wrong length
    or a chunk too large for its bytes)."""
    if not digits.isascii() or not digits.isdigit():
        raise ValueError("not digits")
    whole, tail = divmod(len(digits), CHUNK_DIGITS)
    if tail and tail not in _TAIL_BYTES:
        raise ValueError("digit count fits no byte count")
    out = bytearray()
    for k in range(whole + (1 if tail else 0)):
        piece = digits[k * CHUNK_DIGITS:(k + 1) * CHUNK_DIGITS]
        size = CHUNK_BYTES if len(piece) == CHUNK_DIGITS else _TAIL_BYTES[len(piece)]
        value = int(piece)
        if value >= 256**size:
            raise ValueError("chunk larger than its bytes")
        out += value.to_bytes(size, "big")
    return bytes(out)
