"""A My Number card of our own, for the real PC/SC stack: it connects to vsmartcard's virtual
reader (vpcd, in pcscd) over TCP and answers APDUs as the public traces say a real card does
(docs/card.md). Tests insert it, take it out mid-read, lock it, or give it broken records."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from kakanai.card.protocol import AID

ATR = bytes.fromhex("3B888001000005E0B381A1007F")  # a contactless My Number card's ATR (public)
VPCD_PORT = 35963
OFF, ON, RESET, GET_ATR = 0, 1, 2, 4


def tlv(tag: int, value: bytes) -> bytes:
    """A TLV with a 2-byte tag and a 1-byte or 81/82 length."""
    n = len(value)
    length = bytes([n]) if n < 0x80 else (b"\x81" + bytes([n]) if n < 0x100 else b"\x82" + n.to_bytes(2, "big"))
    return tag.to_bytes(2, "big") + length + value


def basic_four_record(name: str, address: str, birth: str, sex: str, *, padding: int = 32) -> bytes:
    """EF 0002 as a card holds it: FF 20 <len> (DF 21 offsets, DF 22..25), padded with FF."""
    parts = [tlv(0xDF22, name.encode()), tlv(0xDF23, address.encode()), tlv(0xDF24, birth.encode()),
             tlv(0xDF25, sex.encode())]
    offsets_size = len(tlv(0xDF21, bytes(8)))
    header_guess = 3 if sum(map(len, parts)) + offsets_size < 0x80 else (4 if sum(map(len, parts)) + offsets_size < 0x100 else 5)
    offsets, at = b"", header_guess + offsets_size
    for part in parts:
        offsets += at.to_bytes(2, "big")
        at += len(part)
    body = tlv(0xDF21, offsets) + b"".join(parts)
    outer = tlv(0xFF20, body)
    return outer + b"\xff" * padding


def my_number_record(number: str) -> bytes:
    """EF 0001: FF 10 0C + 12 digits + FF FF."""
    return b"\xff\x10\x0c" + number.encode() + b"\xff\xff"


@dataclass
class VirtualCard:
    """The card's state and what a test wants it to do."""

    pin: str = "1234"
    tries: int = 3
    records: dict[bytes, bytes] = field(default_factory=dict)
    aid: bytes = AID
    locked_status: int = 0x6983  # what VERIFY answers once the PIN is locked (cards differ: handled alike)
    pull_out_after_reads: int | None = None  # close the connection after this many READ BINARY
    on_read: Callable[[int], None] | None = None  # called before answering each READ BINARY (its count)
    apdus: list[bytes] = field(default_factory=list)
    _selected_app: bool = False
    _file: bytes = b""
    _reads: int = 0

    def answer(self, apdu: bytes) -> bytes:
        """The response to one command APDU."""
        self.apdus.append(apdu)
        ins, p1 = apdu[1], apdu[2]
        if ins == 0xA4 and p1 == 0x04:
            self._selected_app = apdu[5:5 + apdu[4]] == self.aid
            return b"\x90\x00" if self._selected_app else b"\x6a\x82"
        if not self._selected_app:
            return b"\x69\x86"
        if ins == 0xA4 and p1 == 0x02:
            fid = apdu[5:7]
            if fid == b"\x00\x11" or fid in self.records:
                self._file = fid
                return b"\x90\x00"
            return b"\x6a\x82"
        if ins == 0x20:
            return self._verify(apdu)
        if ins == 0xB0:
            return self._read(apdu)
        return b"\x6d\x00"

    def _verify(self, apdu: bytes) -> bytes:
        if self.tries == 0:
            return self.locked_status.to_bytes(2, "big")
        if len(apdu) == 4:
            return bytes([0x63, 0xC0 | self.tries])
        if apdu[5:5 + apdu[4]].decode("ascii", "replace") == self.pin:
            self.tries = 3
            self.verified = True
            return b"\x90\x00"
        self.tries -= 1
        return bytes([0x63, 0xC0 | self.tries]) if self.tries else self.locked_status.to_bytes(2, "big")

    def _read(self, apdu: bytes) -> bytes:
        if not getattr(self, "verified", False):
            return b"\x69\x82"
        self._reads += 1
        if self.on_read is not None:
            self.on_read(self._reads)
        data = self.records[self._file]
        offset, le = ((apdu[2] & 0x7F) << 8) | apdu[3], apdu[4] or 256
        return data[offset:offset + le] + b"\x90\x00"

    def pulled_out(self) -> bool:
        """True once the test's moment to take the card out has come."""
        return self.pull_out_after_reads is not None and self._reads >= self.pull_out_after_reads


class Inserted:
    """A virtual card placed on vpcd's reader until `remove`: slot 0 (port 35963, "Virtual PCD 00 00")
    or slot 1 (port 35964, "Virtual PCD 00 01"); ``reader=""`` for a vpcd the tests' pcscd does not
    serve (a private one), which the caller waits for itself."""

    def __init__(self, card: VirtualCard, port: int = VPCD_PORT, reader: str | None = None) -> None:
        self.card = card
        self.reader = f"Virtual PCD 00 {port - VPCD_PORT:02d}" if reader is None else reader
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        if self.reader:
            _wait_for(present=True, reader=self.reader)  # pcscd polls the virtual reader: wait until it sees the card

    def _serve(self) -> None:
        try:
            while True:
                size_bytes = self._recv(2)
                if size_bytes is None:
                    return
                message = self._recv(struct.unpack(">H", size_bytes)[0])
                if message is None:
                    return
                if len(message) == 1:
                    if message[0] == GET_ATR:
                        self._send(ATR)
                    continue
                response = self.card.answer(message)
                if self.card.pulled_out():
                    self.sock.close()
                    return
                self._send(response)
        except OSError:
            return

    def _recv(self, n: int) -> bytes | None:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                return None
            data += chunk
        return data

    def _send(self, data: bytes) -> None:
        self.sock.sendall(struct.pack(">H", len(data)) + data)

    def remove(self) -> None:
        """Take the card off the reader."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        self.thread.join(timeout=5)
        if self.reader:
            _wait_for(present=False, reader=self.reader)


def _wait_for(*, present: bool, reader: str = "Virtual PCD 00 00", seconds: float = 30) -> None:
    from smartcard import scard

    result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            result, states = scard.SCardGetStatusChange(context, 0, [(reader, scard.SCARD_STATE_UNAWARE)])
            if result == scard.SCARD_S_SUCCESS and bool(states[0][1] & scard.SCARD_STATE_PRESENT) == present:
                return
            time.sleep(0.05)
    finally:
        scard.SCardReleaseContext(context)
    raise TimeoutError(f"pcscd did not see the virtual card {'placed' if present else 'removed'}")
