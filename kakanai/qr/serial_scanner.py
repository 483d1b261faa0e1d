"""Serial (COM port) scanners: bytes arrive in pieces; each CR or LF ends one scanned code.

The port name and speed come from settings (``scanner.serial_port``, ``scanner.baud``). A port
that is missing, busy or unplugged becomes a message for the clerk on ``error``, never a crash.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QIODevice, QObject, Signal
from PySide6.QtSerialPort import QSerialPort, QSerialPortInfo

log = logging.getLogger(__name__)

MAX_PENDING = 16 * 1024  # four times the longest code: more without a line end is not a scanner
_LINE_END = re.compile(rb"\r\n|\r|\n")
_CONTROL = re.compile("[\u0000-\u001f\u007f]")  # STX/ETX framing some scanners add


def split_lines(pending: bytes, data: bytes) -> tuple[list[str], bytes]:
    """Complete lines in ``pending + data`` (CR, LF or CRLF ends one), and the unfinished rest.

    Lines are cleaned of control characters and surrounding spaces; empty lines are dropped.
    """
    *complete, rest = _LINE_END.split(pending + data)
    lines = [_CONTROL.sub("", raw.decode("utf-8", errors="replace")).strip() for raw in complete]
    return [line for line in lines if line], rest


def port_error_message(port_name: str, error: QSerialPort.SerialPortError, detail: str = "") -> str | None:
    """The clerk's message for a serial port error, or None for errors that need none."""
    E = QSerialPort.SerialPortError
    messages = {
        E.DeviceNotFoundError: f"スキャナのポート {port_name} が見つかりません。接続と設定を確認してください",
        E.PermissionError: f"スキャナのポート {port_name} を開けません（他のアプリが使用中か、権限がありません）",
        E.OpenError: f"スキャナのポート {port_name} は既に開いています",
        E.ResourceError: f"スキャナ（{port_name}）との接続が切れました。ケーブルを確認してください",
    }
    if error in (E.NoError, E.TimeoutError):
        return None
    return messages.get(error, f"スキャナ（{port_name}）との通信で異常が起きました: {detail}")


class SerialScanner(QObject):
    """A scanner on a serial port: ``scanned(str)`` per line read, ``error(str)`` for the clerk."""

    scanned = Signal(str)
    error = Signal(str)

    def __init__(self, port_name: str, baud: int = 9600, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.port_name = port_name
        self.baud = baud
        self._pending = b""
        self._port: QSerialPort | None = None

    @staticmethod
    def available_ports() -> list[tuple[str, str]]:
        """(port name, description) of every serial port on this PC, for the settings screen."""
        return [(info.portName(), info.description()) for info in QSerialPortInfo.availablePorts()]

    @property
    def is_open(self) -> bool:
        """Whether the port is open and being read."""
        return self._port is not None and self._port.isOpen()

    def open(self) -> bool:
        """Open the port (8 data bits, no parity, 1 stop bit); False, with ``error``, if it cannot."""
        self.close()
        if not self.port_name.strip():
            self.error.emit("スキャナのシリアルポートが設定されていません（設定の scanner.serial_port）")
            return False
        port = QSerialPort(self)
        port.setPortName(self.port_name)
        port.setBaudRate(self.baud)
        port.setDataBits(QSerialPort.DataBits.Data8)
        port.setParity(QSerialPort.Parity.NoParity)
        port.setStopBits(QSerialPort.StopBits.OneStop)
        if not port.open(QIODevice.OpenModeFlag.ReadOnly):
            message = port_error_message(self.port_name, port.error(), port.errorString())
            port.deleteLater()
            self.error.emit(message or f"スキャナのポート {self.port_name} を開けません")
            return False
        port.readyRead.connect(self._on_ready_read)
        port.errorOccurred.connect(self._on_error)
        self._port = port
        return True

    def close(self) -> None:
        """Close the port and forget any half-read code."""
        self._pending = b""
        if self._port is not None:
            self._port.close()
            self._port.deleteLater()
            self._port = None

    def feed(self, data: bytes) -> None:
        """Take bytes as read from the port; emits ``scanned`` for every line they complete."""
        lines, self._pending = split_lines(self._pending, data)
        if len(self._pending) > MAX_PENDING:
            self._pending = b""
            self.error.emit("スキャナから改行のないデータが続いています。"
                            "スキャナの設定（末尾に CR か LF を付ける）を確認してください")
        for line in lines:
            self.scanned.emit(line)

    def _on_ready_read(self) -> None:
        if self._port is not None:
            self.feed(bytes(self._port.readAll().data()))

    def _on_error(self, error: QSerialPort.SerialPortError) -> None:
        if self._port is None:
            return
        message = port_error_message(self.port_name, error, self._port.errorString())
        if message is None:
            return
        log.warning("serial scanner %s: %s", self.port_name, self._port.errorString())
        if error == QSerialPort.SerialPortError.ResourceError:
            self.close()
        self.error.emit(message)
