"""Webcam scanning: frames from QtMultimedia, decoded off the UI thread at a bounded rate.

`FrameDecoder` takes frames (``QVideoFrame`` or ``QImage``) from any source, drops those that
arrive while a decode is running or sooner than the rate allows, decodes the rest on a worker
thread and reports each resident's code once. `CameraScanner` feeds it from a ``QCamera``
through a ``QMediaCaptureSession`` and a ``QVideoSink``. Nothing here touches a widget.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoFrameFormat,
    QVideoSink,
)

from kakanai.logsafe import safe_traceback
from kakanai.qr.images import Decoder

log = logging.getLogger(__name__)

Grey = np.ndarray[Any, np.dtype[np.uint8]]
_PF = QVideoFrameFormat.PixelFormat
# formats whose first plane is 8-bit luma, i.e. already the grayscale picture
_LUMA_PLANE = {_PF.Format_NV12, _PF.Format_NV21, _PF.Format_YUV420P, _PF.Format_YV12, _PF.Format_YUV422P,
               _PF.Format_IMC1, _PF.Format_IMC2, _PF.Format_IMC3, _PF.Format_IMC4, _PF.Format_Y8}
_PACKED_LUMA_OFFSET = {_PF.Format_YUYV: 0, _PF.Format_UYVY: 1}
RESIDENT_PREFIX = "KKN"


def grey_from_qimage(image: QImage) -> Grey:
    """The image as a 2-D uint8 array (a copy, safe after the image is gone)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    buffer = np.frombuffer(grey.constBits(), dtype=np.uint8, count=stride * height)
    return buffer.reshape(height, stride)[:, :width].copy()


def grey_from_frame(frame: QVideoFrame | QImage) -> Grey:
    """The grayscale picture of a video frame: its luma plane when it has one, else via ``toImage``."""
    if isinstance(frame, QImage):
        return grey_from_qimage(frame)
    pixel_format = frame.pixelFormat()
    if pixel_format in _LUMA_PLANE or pixel_format in _PACKED_LUMA_OFFSET:
        luma = _luma(frame, pixel_format)
        if luma is not None:
            return luma
    return grey_from_qimage(frame.toImage())


def _luma(frame: QVideoFrame, pixel_format: Any) -> Grey | None:
    copy = QVideoFrame(frame)
    if not copy.map(QVideoFrame.MapMode.ReadOnly):
        return None
    try:
        width, height, stride = copy.width(), copy.height(), copy.bytesPerLine(0)
        rows = np.frombuffer(copy.bits(0), dtype=np.uint8, count=stride * height).reshape(height, stride)
        if pixel_format in _PACKED_LUMA_OFFSET:
            return rows[:, _PACKED_LUMA_OFFSET[pixel_format]:2 * width:2].copy()
        return rows[:, :width].copy()
    finally:
        copy.unmap()


class _Relay(QObject):
    """Carries a worker's result back to the thread that owns the `FrameDecoder`."""

    finished = Signal(list)


class _DecodeJob(QRunnable):
    """One frame: convert to grayscale and decode, on a pool thread."""

    def __init__(self, frame: QVideoFrame | QImage, decoder: Decoder, relay: _Relay) -> None:
        super().__init__()
        self._frame, self._decoder, self._relay = frame, decoder, relay

    def run(self) -> None:
        """Decode the frame; any failure counts as "nothing found" and is logged."""
        texts: list[str] = []
        try:
            texts = self._decoder.decode(grey_from_frame(self._frame))
        except Exception as exc:  # noqa: BLE001 - a backend failure must not take the counter down
            # where it failed, never its text: a decoder's message may quote what the frame held
            log.error("decoding a camera frame with %s failed\n%s", self._decoder.name,
                      safe_traceback(exc, exc.__traceback__))
        self._frame = None
        try:
            self._relay.finished.emit(texts)
        except RuntimeError:  # the FrameDecoder was deleted while this frame was decoded
            log.debug("camera frame decoded after its decoder was closed")


class FrameDecoder(QObject):
    """Decodes frames on a worker at most ``max_rate`` times a second and reports each code once.

    ``decoded`` carries a resident's code (any ``KKN`` version, so a newer code gets its own
    message); ``foreign_code`` any other QR code in view. The same text is reported again only
    after it has been out of view for ``repeat_after`` seconds.
    """

    decoded = Signal(str)
    foreign_code = Signal(str)

    def __init__(self, decoder: Decoder, max_rate: float = 8.0, repeat_after: float = 3.0,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._decoder = decoder
        self._interval = 1.0 / max_rate
        self._repeat_after = repeat_after
        self._clock = clock
        self._busy = False
        self._last_start = float("-inf")
        self._seen: dict[str, float] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self.frames_decoded = 0

    @property
    def busy(self) -> bool:
        """Whether a frame is being decoded now (new frames are dropped meanwhile)."""
        return self._busy

    def submit(self, frame: QVideoFrame | QImage) -> bool:
        """Queue a frame for decoding; False when it is dropped (busy, too soon, or empty)."""
        now = self._clock()
        if self._busy or now - self._last_start < self._interval:
            return False
        if (isinstance(frame, QImage) and frame.isNull()) or (isinstance(frame, QVideoFrame) and not frame.isValid()):
            return False
        self._busy = True
        self._last_start = now
        self._pool.start(_DecodeJob(frame, self._decoder, self._relay))
        return True

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Block until the running decode (if any) ends; for shutdown and tests."""
        return self._pool.waitForDone(msecs)

    def _on_finished(self, texts: list[str]) -> None:
        self._busy = False
        self.frames_decoded += 1
        now = self._clock()
        for text in texts:
            first_sighting = now - self._seen.get(text, float("-inf")) > self._repeat_after
            self._seen[text] = now
            if first_sighting:
                is_resident = text.strip().upper().startswith(RESIDENT_PREFIX)
                (self.decoded if is_resident else self.foreign_code).emit(text)
        self._seen = {text: seen for text, seen in self._seen.items() if now - seen <= self._repeat_after}


class CameraScanner(QObject):
    """A webcam that reads resident codes: ``decoded(str)``, ``foreign_code(str)``, ``error(str)``.

    Pass ``video_sink`` (e.g. a ``QVideoWidget``'s ``videoSink()``) to show the preview too;
    otherwise frames go to a private sink that is never drawn.
    """

    decoded = Signal(str)
    foreign_code = Signal(str)
    error = Signal(str)

    def __init__(self, decoder: Decoder, device_id: bytes | str | None = None,
                 video_sink: QVideoSink | None = None, max_rate: float = 8.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._device_id = device_id.encode() if isinstance(device_id, str) else device_id
        self._session = QMediaCaptureSession(self)
        self.sink = video_sink or QVideoSink(self)
        self._session.setVideoSink(self.sink)
        self._camera: QCamera | None = None
        self.frames = FrameDecoder(decoder, max_rate=max_rate, parent=self)
        self.frames.decoded.connect(self.decoded)
        self.frames.foreign_code.connect(self.foreign_code)
        self.sink.videoFrameChanged.connect(self.frames.submit)

    @staticmethod
    def available_cameras() -> list[tuple[str, str]]:
        """(id, description) of every camera on this PC, the system default first."""
        devices = QMediaDevices.videoInputs()
        default = QMediaDevices.defaultVideoInput()
        devices.sort(key=lambda d: d.id() != default.id())
        return [(bytes(d.id().data()).decode(errors="replace"), d.description()) for d in devices]

    def start(self) -> bool:
        """Open the camera and start reading; False (with ``error``) when there is none."""
        device = self._device()
        if device is None:
            return False
        self.stop()
        self._camera = QCamera(device, self)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self._session.setCamera(self._camera)
        self._camera.start()
        return True

    def stop(self) -> None:
        """Stop the camera (frames already being decoded still finish)."""
        if self._camera is not None:
            self._camera.stop()
            self._session.setCamera(None)
            self._camera.deleteLater()
            self._camera = None

    def _device(self) -> QCameraDevice | None:
        devices = QMediaDevices.videoInputs()
        if not devices:
            self.error.emit("カメラが見つかりません。カメラの接続を確認してください")
            return None
        if self._device_id is None:
            return QMediaDevices.defaultVideoInput()
        for device in devices:
            if bytes(device.id().data()) == self._device_id:
                return device
        self.error.emit(f"設定のカメラ（{self._device_id.decode(errors='replace')}）が見つかりません")
        return None

    def _on_camera_error(self, _code: QCamera.Error, description: str) -> None:
        self.error.emit(f"カメラを使えません（他のアプリが使用中か、外されました）: {description}")
