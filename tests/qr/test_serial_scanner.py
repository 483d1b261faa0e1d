"""Serial scanners: bytes in any pieces become one code per line; port trouble becomes a message."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtSerialPort import QSerialPort
from pytestqt.qtbot import QtBot

from kakanai.qr.serial_scanner import MAX_PENDING, SerialScanner, port_error_message, split_lines

CODE = "KKN1PDNJLEW5JLBTAFEA34S5OG5EAMT6WA3Y44JQ"


@pytest.mark.parametrize(
    ("pending", "data", "lines", "rest"),
    [
        (b"", b"KKN1AB\r", ["KKN1AB"], b""),
        (b"", b"KKN1AB\n", ["KKN1AB"], b""),
        (b"", b"KKN1AB\r\nKKN1CD\r\n", ["KKN1AB", "KKN1CD"], b""),
        (b"", b"KKN1AB", [], b"KKN1AB"),
        (b"KKN1", b"AB\r\nKKN", ["KKN1AB"], b"KKN"),
        (b"", b"\n", [], b""),  # the LF of a CRLF whose CR ended the previous read: no empty code
        (b"", b"\r\n\r\n  \n", [], b""),
        (b"", b"\x02KKN1AB\x03\r", ["KKN1AB"], b""),  # STX/ETX framing
        (b"", b"kkn1ab \r", ["kkn1ab"], b""),
        (b"", b"\xffKKN1\r", ["\ufffdKKN1"], b""),
    ],
)
def test_split_lines(pending: bytes, data: bytes, lines: list[str], rest: bytes) -> None:
    assert split_lines(pending, data) == (lines, rest)


def test_a_code_arriving_byte_by_byte_is_emitted_once(qtbot: QtBot) -> None:
    scanner = SerialScanner("COM3")
    got: list[str] = []
    scanner.scanned.connect(got.append)
    for byte in (CODE + "\r\n" + CODE.lower() + "\r\n").encode():
        scanner.feed(bytes([byte]))
    assert got == [CODE, CODE.lower()]


def test_endless_data_without_a_line_end_is_dropped_with_a_message(qtbot: QtBot) -> None:
    scanner = SerialScanner("COM3")
    got: list[str] = []
    scanner.scanned.connect(got.append)
    with qtbot.waitSignal(scanner.error) as signal:
        scanner.feed(b"A" * (MAX_PENDING + 1))
    assert "CR か LF" in signal.args[0]
    scanner.feed(b"KKN1AB\r")
    assert got == ["KKN1AB"]


def test_no_port_in_settings_is_a_message(qtbot: QtBot) -> None:
    scanner = SerialScanner("")
    with qtbot.waitSignal(scanner.error) as signal:
        assert scanner.open() is False
    assert "シリアルポートが設定されていません" in signal.args[0]


def test_a_missing_port_is_a_message_not_a_crash(qtbot: QtBot) -> None:
    scanner = SerialScanner("COM99" if sys.platform == "win32" else "/dev/ttyKAKANAI99", 9600)
    with qtbot.waitSignal(scanner.error) as signal:
        assert scanner.open() is False
    assert signal.args[0].startswith("スキャナのポート") and "見つかりません" in signal.args[0]
    assert not scanner.is_open


@pytest.mark.parametrize(("error", "words"), [
    (QSerialPort.SerialPortError.PermissionError, "他のアプリが使用中"),
    (QSerialPort.SerialPortError.OpenError, "既に開いています"),
    (QSerialPort.SerialPortError.ResourceError, "接続が切れました"),
    (QSerialPort.SerialPortError.ReadError, "通信で異常が起きました: I/O"),
])
def test_each_port_error_has_a_message(error: QSerialPort.SerialPortError, words: str) -> None:
    assert words in (port_error_message("COM3", error, "I/O") or "")


def test_no_error_needs_no_message() -> None:
    assert port_error_message("COM3", QSerialPort.SerialPortError.NoError) is None


@pytest.fixture
def pseudo_port() -> Iterator[tuple[int, str]]:
    """A pseudo terminal standing in for a scanner: (the scanner's end, the port name to open)."""
    if not hasattr(os, "openpty"):
        pytest.skip("pseudo terminals are POSIX only")
    import tty

    scanner_end, port_end = os.openpty()
    tty.setraw(port_end)
    yield scanner_end, os.ttyname(port_end)
    for fd in (scanner_end, port_end):
        try:
            os.close(fd)
        except OSError:
            pass


def test_a_port_delivers_codes_as_they_are_scanned(qtbot: QtBot, pseudo_port: tuple[int, str]) -> None:
    scanner_end, name = pseudo_port
    scanner = SerialScanner(name, 115200)
    assert scanner.open() and scanner.is_open
    with qtbot.waitSignal(scanner.scanned, timeout=3000) as signal:
        os.write(scanner_end, CODE[:10].encode())
        os.write(scanner_end, CODE[10:].encode() + b"\r\n")
    assert signal.args == [CODE]
    scanner.close()
    assert not scanner.is_open


def test_a_port_already_in_use_is_a_message(qtbot: QtBot, pseudo_port: tuple[int, str]) -> None:
    _, name = pseudo_port
    first = SerialScanner(name)
    assert first.open()
    second = SerialScanner(name)
    with qtbot.waitSignal(second.error) as signal:
        assert second.open() is False
    assert "他のアプリが使用中" in signal.args[0] or "既に開いています" in signal.args[0]
    first.close()


def test_an_unplugged_scanner_is_a_message(qtbot: QtBot, pseudo_port: tuple[int, str]) -> None:
    scanner_end, name = pseudo_port
    scanner = SerialScanner(name)
    assert scanner.open()
    with qtbot.waitSignal(scanner.error, timeout=3000) as signal:
        os.close(scanner_end)  # the cable is pulled
    assert "接続が切れました" in signal.args[0]
    assert not scanner.is_open
