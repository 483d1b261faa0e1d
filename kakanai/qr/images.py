"""QR images: draw a resident code (KKN2 or KKN1), and read codes from pictures with a choice of two backends.

``zxing`` (zxing-cpp) is the default: it reads blurred, tilted, low-resolution webcam frames
that zbar misses. ``zbar`` (pyzbar) is kept for cities whose scanners were tuned with it; it runs
with zbar's binary mode on, so the bytes of a code reach us unconverted.
"""

from __future__ import annotations

import logging
import warnings
from ctypes import byref, c_int, c_void_p, cast, string_at
from pathlib import Path
from typing import Any, Protocol, TypeAlias

import numpy as np
import qrcode
import qrcode.constants
import qrcode.util
from PIL import Image, ImageFilter, UnidentifiedImageError
from qrcode.exceptions import DataOverflowError

from kakanai.qr.payload import KKN2, PREFIX, QrPayloadError

log = logging.getLogger(__name__)

Picture: TypeAlias = "Image.Image | np.ndarray[Any, np.dtype[np.uint8]]"
"""What a decoder reads: a PIL image (any mode) or a grayscale numpy array (height × width, uint8)."""

BACKENDS = ("zxing", "zbar")
DEFAULT_BACKEND = "zxing"
_GREY_FOURCC = 0x30303859  # zbar's 'Y800': 8-bit grayscale


class DecoderUnavailable(RuntimeError):
    """A decoding backend that cannot run here (its native library is missing or unknown)."""


class Decoder(Protocol):
    """Something that finds QR codes in a picture and returns their texts."""

    name: str

    def decode(self, image: Picture) -> list[str]:
        """The texts of every QR code found in ``image`` (empty when none)."""
        ...


def make_qr_image(text: str, box_size: int = 8) -> tuple[Image.Image, int]:
    """A grayscale QR image of ``text`` (error correction M) and its version: a KKN2 code is its prefix
    in alphanumeric mode and its digits in numeric mode, anything else one alphanumeric segment.

    The smallest version that holds the text is used; ``qrcode.exceptions.DataOverflowError``
    when even version 40 is too small.
    """
    code = qrcode.QRCode(version=None, error_correction=qrcode.constants.ERROR_CORRECT_M,
                         box_size=box_size, border=4)
    for segment, mode in _segments(text):
        code.add_data(qrcode.util.QRData(segment, mode=mode))
    try:
        code.make(fit=True)
    except ValueError:  # qrcode 8 reports "version 41" instead of an overflow
        raise DataOverflowError(f"{len(text)} characters do not fit QR version 40-M") from None
    image = code.make_image(fill_color="black", back_color="white").get_image().convert("L")
    return image, int(code.version)


def _segments(text: str) -> list[tuple[str, int]]:
    """The QR segments of a code's text: digits after a KKN2 prefix go in numeric mode."""
    head, digits = text[:len(KKN2)], text[len(KKN2):]
    if head == KKN2 and digits.isascii() and digits.isdigit():
        return [(head, qrcode.util.MODE_ALPHA_NUM), (digits, qrcode.util.MODE_NUMBER)]
    return [(text, qrcode.util.MODE_ALPHA_NUM)]


def as_grey_array(image: Picture) -> np.ndarray[Any, np.dtype[np.uint8]]:
    """``image`` as a contiguous 2-D uint8 array."""
    if isinstance(image, Image.Image):
        return np.asarray(image.convert("L") if image.mode != "L" else image, dtype=np.uint8)
    array = np.asarray(image)
    if array.ndim == 3:
        array = array[:, :, :3].mean(axis=2)
    return np.ascontiguousarray(array, dtype=np.uint8)


SECOND_LOOK = ImageFilter.UnsharpMask(radius=2, percent=150, threshold=2)
"""The sharpening of a frame in which zxing found a code it could not read (a blurred webcam frame)."""


class ZxingDecoder:
    """QR codes read with zxing-cpp (tries rotations, downscaling and inverted codes).

    When zxing locates a QR code in a frame but cannot decode it (a checksum error: typically a
    blurred 640×480 frame), the frame is sharpened (`SECOND_LOOK`) and read once more. A frame with
    no code in it costs nothing extra. On bench/qr_corpus's degraded frames at 640×480 this second
    look reads the KKN2 frame the first pass missed, and 6 of the 16 KKN1 frames."""

    name = "zxing"

    def __init__(self) -> None:
        try:
            import zxingcpp
        except ImportError as exc:
            raise DecoderUnavailable(
                f"QRコード読取ライブラリ zxing-cpp が入っていません。情報システム担当にご連絡ください ({exc})"
            ) from None
        self._zxing = zxingcpp

    def decode(self, image: Picture) -> list[str]:
        """The texts of every QR code found in ``image`` (a second look at a sharpened copy when a code
        was seen but not read)."""
        grey = as_grey_array(image)
        found = self._read(grey, return_errors=True)
        texts = [barcode.text for barcode in found if barcode.valid]
        if texts or all(barcode.valid for barcode in found):
            return texts
        sharpened = np.asarray(Image.fromarray(grey).filter(SECOND_LOOK))
        return [barcode.text for barcode in self._read(sharpened) if barcode.valid]

    def _read(self, grey: np.ndarray[Any, np.dtype[np.uint8]], *, return_errors: bool = False) -> list[Any]:
        return list(self._zxing.read_barcodes(grey, formats=self._zxing.BarcodeFormat.QRCode,
                                              text_mode=self._zxing.TextMode.Plain, return_errors=return_errors))


class ZbarDecoder:
    """QR codes read with zbar (via pyzbar's bindings), in zbar's binary mode."""

    name = "zbar"

    def __init__(self) -> None:
        try:
            from pyzbar import wrapper
        except (ImportError, OSError) as exc:
            raise DecoderUnavailable(
                "QRコード読取ライブラリ zbar（libzbar）が見つかりません。"
                f"情報システム担当にご連絡ください ({exc})"
            ) from None
        self._zbar = wrapper
        self._binary = _zbar_config(wrapper, b"qrcode.binary=1")

    def decode(self, image: Picture) -> list[str]:
        """The texts of every QR code found in ``image``."""
        grey = as_grey_array(image)
        height, width = grey.shape
        pixels = grey.tobytes()
        z = self._zbar
        scanner = z.zbar_image_scanner_create()
        img = z.zbar_image_create()
        try:
            self._configure(scanner)
            z.zbar_image_set_format(img, _GREY_FOURCC)
            z.zbar_image_set_size(img, width, height)
            z.zbar_image_set_data(img, cast(pixels, c_void_p), len(pixels), None)
            if z.zbar_scan_image(scanner, img) < 0:
                return []
            return [_text(data) for data in self._symbol_data(img)]
        finally:
            z.zbar_image_destroy(img)
            z.zbar_image_scanner_destroy(scanner)

    def _configure(self, scanner: Any) -> None:
        z = self._zbar
        z.zbar_image_scanner_set_config(scanner, 0, z.ZBarConfig.CFG_ENABLE, 0)  # symbology 0: all of them
        z.zbar_image_scanner_set_config(scanner, z.ZBarSymbol.QRCODE, z.ZBarConfig.CFG_ENABLE, 1)
        if z.zbar_image_scanner_set_config(scanner, *self._binary) != 0:
            log.warning("zbar refused binary mode for QR codes; non-ASCII content may be converted")

    def _symbol_data(self, img: Any) -> list[bytes]:
        z = self._zbar
        out = []
        symbol = z.zbar_image_first_symbol(img)
        while symbol:
            if symbol.contents.type == z.ZBarSymbol.QRCODE:
                out.append(string_at(z.zbar_symbol_get_data(symbol), z.zbar_symbol_get_data_length(symbol)))
            symbol = z.zbar_symbol_next(symbol)
        return out


def _zbar_config(wrapper: Any, setting: bytes) -> tuple[int, int, int]:
    """(symbology, config, value) for a zbar setting string such as ``b"qrcode.binary=1"``.

    Asking zbar itself gives the right number for ZBAR_CFG_BINARY in the installed release.
    """
    symbology, config, value = c_int(), c_int(), c_int()
    if wrapper.zbar_parse_config(setting, byref(symbology), byref(config), byref(value)) != 0:
        raise DecoderUnavailable(
            "この zbar は古く、バイナリモードに対応していません（0.23 以降が必要です）。"
            "設定で読取方式を zxing にしてください"
        )
    return symbology.value, config.value, value.value


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decoder_for(name: str = DEFAULT_BACKEND) -> Decoder:
    """The decoder named in settings: ``"zxing"`` (default) or ``"zbar"``.

    Raises `DecoderUnavailable` with a message for the clerk when the name is unknown or the
    backend's native library cannot be loaded.
    """
    key = (name or DEFAULT_BACKEND).strip().lower()
    if key == "zxing":
        return ZxingDecoder()
    if key == "zbar":
        return ZbarDecoder()
    raise DecoderUnavailable(f"QRコードの読取方式 '{name}' は使えません（zxing か zbar を指定してください）")


def read_image_file(path: Path, backend: str = DEFAULT_BACKEND) -> str:
    """The QR text in an image file: the first KKN code found, else the first code of any kind.

    Raises `QrPayloadError` when the file is not an image or holds no QR code, and
    `DecoderUnavailable` when the backend cannot run.
    """
    decoder = decoder_for(backend)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # a bomb is refused, never decoded
            with Image.open(path) as image:
                texts = decoder.decode(image.convert("L"))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise QrPayloadError("image", f"画像が大きすぎます: {path.name}（{Image.MAX_IMAGE_PIXELS // 10**4:,}万画素まで。"
                             "縮小するか、QRコードの部分を切り出してください）", "image larger than PIL's limit") from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise QrPayloadError("image", f"画像として開けません: {path.name}", "not a readable image") from None
    if not texts:
        raise QrPayloadError("image", "画像にQRコードが見つかりません（写りが小さいか、ぼやけています）",
                             "no QR code found in image")
    return pick_code(texts)


def pick_code(texts: list[str]) -> str:
    """Of several codes seen at once, the resident's (KKN prefix, any version), else the first."""
    for text in texts:
        if text.strip().upper().startswith(PREFIX[:3]):
            return text
    return texts[0]
