"""Webcam frames: grayscale conversion, decoding off the UI thread at a bounded rate, each code once."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaDevices, QVideoFrame, QVideoFrameFormat
from pytestqt.qtbot import QtBot

from bench.qr_corpus import corpus_documents, degraded_samples
from kakanai.qr.camera import CameraScanner, FrameDecoder, grey_from_frame, grey_from_qimage
from kakanai.qr.images import decoder_for

PF = QVideoFrameFormat.PixelFormat


def _qimage(grey: np.ndarray) -> QImage:
    height, width = grey.shape
    return QImage(grey.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()


@pytest.fixture(scope="module")
def webcam_frame() -> tuple[np.ndarray, str]:
    """A tilted 640×480 webcam frame of a household's code, and the code's text."""
    sample = next(s for s in degraded_samples({"birth": corpus_documents()["birth"]})
                  if s.kind == "tilt" and s.canvas == (640, 480))
    return np.asarray(sample.image), sample.text


class FakeClock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class ScriptedDecoder:
    """A decoder that returns given texts, remembers its threads, and can be held mid-decode."""

    name = "scripted"

    def __init__(self, texts: list[str] | None = None, fail: bool = False) -> None:
        self.texts = texts or []
        self.fail = fail
        self.threads: list[int] = []
        self.release = threading.Event()
        self.release.set()

    def decode(self, image: Any) -> list[str]:
        self.threads.append(threading.get_ident())
        self.release.wait(5)
        if self.fail:
            raise RuntimeError("backend crashed on KKN2 山田花子")  # a decoder's text may quote the frame
        return list(self.texts)


def test_a_qimage_becomes_the_same_grey_array_even_with_padded_rows() -> None:
    grey = np.arange(61 * 37, dtype=np.uint32).reshape(37, 61).astype(np.uint8)  # 61 px: rows padded to 64
    assert np.array_equal(grey_from_qimage(_qimage(grey)), grey)


@pytest.mark.parametrize("pixel_format", [PF.Format_NV12, PF.Format_YUV420P])
def test_a_planar_yuv_frame_gives_its_luma_plane(pixel_format: Any) -> None:
    frame = QVideoFrame(QVideoFrameFormat(QSize(64, 48), pixel_format))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    stride = frame.bytesPerLine(0)
    luma = np.frombuffer(frame.bits(0), dtype=np.uint8, count=stride * 48).reshape(48, stride)
    expected = (np.arange(64 * 48) % 251).astype(np.uint8).reshape(48, 64)
    np.copyto(luma[:, :64], expected)
    frame.unmap()
    assert np.array_equal(grey_from_frame(frame), expected)


def test_a_packed_yuyv_frame_gives_every_other_byte() -> None:
    frame = QVideoFrame(QVideoFrameFormat(QSize(8, 2), PF.Format_YUYV))
    assert frame.map(QVideoFrame.MapMode.WriteOnly)
    packed = np.frombuffer(frame.bits(0), dtype=np.uint8, count=frame.bytesPerLine(0) * 2)
    packed[:] = 128
    packed[0:16:2] = np.arange(10, 18)  # first row: Y0 U Y1 V ...
    frame.unmap()
    assert grey_from_frame(frame)[0].tolist() == list(range(10, 18))


def test_an_rgb_video_frame_is_converted_through_qimage(webcam_frame: tuple[np.ndarray, str]) -> None:
    grey, _ = webcam_frame
    rgb = _qimage(grey).convertToFormat(QImage.Format.Format_RGB32)
    got = grey_from_frame(QVideoFrame(rgb))
    assert got.shape == grey.shape and np.abs(got.astype(int) - grey).max() <= 1


def test_a_webcam_frame_is_decoded_and_the_code_reported(qtbot: QtBot, webcam_frame: tuple[np.ndarray, str]) -> None:
    grey, text = webcam_frame
    frames = FrameDecoder(decoder_for("zxing"))
    with qtbot.waitSignal(frames.decoded, timeout=5000) as signal:
        assert frames.submit(QVideoFrame(_qimage(grey)))
    assert signal.args == [text]


def test_decoding_runs_off_the_ui_thread(qtbot: QtBot) -> None:
    decoder = ScriptedDecoder(["KKN1AAAA"])
    frames = FrameDecoder(decoder)
    with qtbot.waitSignal(frames.decoded, timeout=5000):
        frames.submit(_qimage(np.zeros((8, 8), np.uint8)))
    assert decoder.threads and decoder.threads[0] != threading.get_ident()


def test_frames_are_dropped_while_busy_and_above_the_rate(qtbot: QtBot) -> None:
    clock, decoder = FakeClock(), ScriptedDecoder()
    frames = FrameDecoder(decoder, max_rate=8.0, clock=clock)
    frame = _qimage(np.zeros((8, 8), np.uint8))
    # Given a decode that takes long
    decoder.release.clear()
    assert frames.submit(frame)
    clock.now += 1.0
    # Then frames arriving meanwhile are dropped, however late
    assert not frames.submit(frame) and frames.busy
    decoder.release.set()
    qtbot.waitUntil(lambda: not frames.busy, timeout=5000)
    # And after it, no more than 8 decodes a second
    assert frames.submit(frame)
    qtbot.waitUntil(lambda: not frames.busy, timeout=5000)
    clock.now += 0.1
    assert not frames.submit(frame)
    clock.now += 0.03
    assert frames.submit(frame)
    qtbot.waitUntil(lambda: not frames.busy, timeout=5000)
    assert frames.frames_decoded == 3


def test_a_code_held_in_view_is_reported_once_until_it_leaves(qtbot: QtBot) -> None:
    clock = FakeClock()
    decoder = ScriptedDecoder(["KKN1ABCD"])
    frames = FrameDecoder(decoder, repeat_after=3.0, clock=clock)
    got: list[str] = []
    frames.decoded.connect(got.append)
    frame = _qimage(np.zeros((8, 8), np.uint8))
    for _ in range(10):  # held up for 5 seconds
        frames.submit(frame)
        qtbot.waitUntil(lambda: not frames.busy, timeout=5000)
        clock.now += 0.5
    clock.now += 4.0  # out of view for 4 seconds, then shown again
    frames.submit(frame)
    qtbot.waitUntil(lambda: not frames.busy, timeout=5000)
    assert got == ["KKN1ABCD", "KKN1ABCD"]


def test_other_qr_codes_are_reported_apart(qtbot: QtBot) -> None:
    frames = FrameDecoder(ScriptedDecoder(["https://example.jp/", "kkn1abcd"]))
    resident: list[str] = []
    foreign: list[str] = []
    frames.decoded.connect(resident.append)
    frames.foreign_code.connect(foreign.append)
    frames.submit(_qimage(np.zeros((8, 8), np.uint8)))
    qtbot.waitUntil(lambda: frames.frames_decoded == 1, timeout=5000)
    assert (resident, foreign) == (["kkn1abcd"], ["https://example.jp/"])


def test_a_failing_backend_reports_nothing_and_keeps_going(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    frames = FrameDecoder(ScriptedDecoder(["KKN1X"], fail=True))
    got: list[str] = []
    frames.decoded.connect(got.append)
    assert frames.submit(_qimage(np.zeros((8, 8), np.uint8)))
    qtbot.waitUntil(lambda: frames.frames_decoded == 1, timeout=5000)
    assert got == [] and not frames.busy
    # the log says which backend failed where, never the error's text (any handler, not only the file's)
    assert "decoding a camera frame with scripted failed" in caplog.text and "RuntimeError" in caplog.text
    assert "山田" not in caplog.text and "KKN2" not in caplog.text


def test_empty_frames_are_not_decoded() -> None:
    frames = FrameDecoder(ScriptedDecoder())
    assert not frames.submit(QImage()) and not frames.submit(QVideoFrame())


def test_frames_reaching_the_camera_sink_are_decoded(qtbot: QtBot, webcam_frame: tuple[np.ndarray, str]) -> None:
    # Given the webcam scanner, fed through its video sink as QtMultimedia would
    grey, text = webcam_frame
    scanner = CameraScanner(decoder_for("zbar"))
    with qtbot.waitSignal(scanner.decoded, timeout=5000) as signal:
        scanner.sink.setVideoFrame(QVideoFrame(_qimage(grey)))
    assert signal.args == [text]


@pytest.mark.skipif(bool(QMediaDevices.videoInputs()), reason="this PC has a camera")
def test_no_camera_is_a_message_not_a_crash(qtbot: QtBot) -> None:
    scanner = CameraScanner(decoder_for("zxing"))
    with qtbot.waitSignal(scanner.error, timeout=1000) as signal:
        assert scanner.start() is False
    assert signal.args == ["カメラが見つかりません。カメラの接続を確認してください"]
    assert CameraScanner.available_cameras() == []
    scanner.stop()


def test_a_grey_pil_image_survives_the_qimage_round_trip() -> None:
    image = Image.effect_noise((33, 21), 60).convert("L")
    assert np.array_equal(grey_from_frame(_qimage(np.asarray(image))), np.asarray(image))
