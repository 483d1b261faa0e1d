"""Drawing primitives shared by every page: fitted text, ruled boxes, checkboxes and the QR corner.

Every value goes through `draw_fitted`, which draws it with plain ``drawString`` calls (never
Paragraph markup, so ``<b>`` or ``&`` print as themselves), shrinks it to fit its box down to a
minimum size and only then wraps it, and replaces any character the fonts lack with 〓.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from kakanai.pdf.fonts import GOTHIC, printable, register_fonts, text_width
from kakanai.pdf.layout import MM, Rect

FLOOR = 4.0  # never set text smaller than this, even when it must wrap
LEADING = 1.18
_NO_LINE_START = set("、。，．・ー）」』】〕！？ー,.)!?")
SHADE = 0.88
QR_MASK = 2  # qrcode's mask, fixed: any is valid, and choosing the best one costs more than the rest of a page
QR_BORDER = 2


@dataclass(frozen=True)
class Fitted:
    """Text fitted to a box: the font size and the lines to draw."""

    size: float
    lines: tuple[str, ...]
    cut: bool = False  # the text did not fit even at the floor: its last line ends in … (never drawn past its box)


def new_canvas(out: Path | BinaryIO, size: tuple[float, float], title: str = "", *, invariant: bool = False) -> Canvas:
    """A canvas with the IPAex fonts registered and no other font referenced (all fonts embedded);
    ``invariant`` leaves out dates and ids so the same drawing gives the same bytes."""
    register_fonts()
    canvas = Canvas(out if not isinstance(out, Path) else str(out), pagesize=size, invariant=invariant,
                    initialFontName=GOTHIC, initialFontSize=10, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("kakanai 書かない窓口")
    return canvas


def wrap(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Break ``text`` into lines no wider than ``width`` (Japanese breaks between any characters)."""
    lines: list[str] = []
    line = ""
    for char in text:
        if line and text_width(line + char, font, size) > width and char not in _NO_LINE_START:
            lines.append(line)
            line = char.lstrip(" 　")
        else:
            line += char
    return tuple(lines + [line]) if line or not lines else tuple(lines)


def fit_text(text: str, font: str, width: float, height: float, largest: float, smallest: float) -> Fitted:
    """The largest size from ``largest`` down to ``smallest`` at which ``text`` fits on one line,
    else ``text`` wrapped at ``smallest`` (smaller still, down to a floor, if the lines overflow)."""
    text = printable(text)
    size = largest
    while size > smallest and (text_width(text, font, size) > width or size * LEADING > height):
        size = max(smallest, size - 0.5)
    if text_width(text, font, size) <= width:
        return Fitted(size, (text,))
    size = min(size, smallest)
    lines = wrap(text, font, size, width)
    while len(lines) * size * LEADING > height and size > FLOOR:
        size = max(FLOOR, size - 0.5)
        lines = wrap(text, font, size, width)
    room = max(1, int(height // (size * LEADING)))
    if len(lines) <= room:
        return Fitted(size, lines)
    return Fitted(size, lines[:room - 1] + (_ellipsis(lines[room - 1], font, size, width),), cut=True)


def _ellipsis(line: str, font: str, size: float, width: float) -> str:
    """``line`` shortened to end in … within ``width`` (a value longer than its box: say it is cut)."""
    while line and text_width(line + "…", font, size) > width:
        line = line[:-1]
    return line + "…"


def draw_fitted(canvas: Canvas, text: str, box: Rect, font: str, largest: float, smallest: float,
                align: str = "left", pad: float = 1.6 * MM) -> Fitted:
    """Draw ``text`` inside ``box`` (vertically centred), fitted by `fit_text`; returns the fit."""
    fitted = fit_text(text, font, box.w - 2 * pad, box.h - 0.8 * MM, largest, smallest)
    block = len(fitted.lines) * fitted.size * LEADING
    baseline = box.y + (box.h + block) / 2 - fitted.size * 0.92
    canvas.setFont(font, fitted.size)
    for line in fitted.lines:
        if align == "center":
            canvas.drawCentredString(box.x + box.w / 2, baseline, line)
        elif align == "right":
            canvas.drawRightString(box.right - pad, baseline, line)
        else:
            canvas.drawString(box.x + pad, baseline, line)
        baseline -= fitted.size * LEADING
    return fitted


def draw_box(canvas: Canvas, box: Rect, width: float = 0.5, shade: float | None = None) -> None:
    """Stroke a rectangle, optionally filled with a grey."""
    canvas.setLineWidth(width)
    if shade is not None:
        canvas.setFillGray(shade)
        canvas.rect(box.x, box.y, box.w, box.h, stroke=1, fill=1)
        canvas.setFillGray(0)
    else:
        canvas.rect(box.x, box.y, box.w, box.h, stroke=1, fill=0)


def draw_checkbox(canvas: Canvas, box: Rect, ticked: bool) -> None:
    """A square box, with a tick drawn in it when ``ticked`` (☑) and empty otherwise (☐)."""
    draw_box(canvas, box, 0.8)
    if not ticked:
        return
    canvas.setLineWidth(1.4)
    path = canvas.beginPath()
    path.moveTo(box.x + box.w * 0.18, box.y + box.h * 0.52)
    path.lineTo(box.x + box.w * 0.42, box.y + box.h * 0.2)
    path.lineTo(box.x + box.w * 0.86, box.y + box.h * 0.88)
    canvas.drawPath(path, stroke=1, fill=0)


def qr_matrix(text: str) -> np.ndarray:
    """The modules of a QR code of ``text`` (level M), dark as True, with a 2-module quiet zone.

    zxing-cpp's encoder (C++, ~0.2 ms) when it has one (2.3 and later), else the qrcode package
    (pure Python, ~0.6 ms: its Reed-Solomon step alone cost ~5 ms of a 12-form bundle)."""
    create = getattr(_zxing(), "create_barcode", None)
    if create is None:
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QR_BORDER, mask_pattern=QR_MASK)
        code.add_data(text)
        code.make(fit=True)
        return np.array(code.get_matrix(), dtype=bool)
    symbol = create(text, _zxing().BarcodeFormat.QRCode, ec_level="M")
    dark = np.asarray(symbol.to_image(scale=1, add_quiet_zones=False)) < 128
    out = np.zeros((dark.shape[0] + 2 * QR_BORDER, dark.shape[1] + 2 * QR_BORDER), dtype=bool)
    out[QR_BORDER:-QR_BORDER, QR_BORDER:-QR_BORDER] = dark
    return out


@lru_cache(maxsize=1)
def _zxing() -> Any:
    try:
        import zxingcpp
    except ImportError:
        return None
    return zxingcpp


def dark_runs(matrix: np.ndarray) -> list[tuple[int, int, int]]:
    """(row, first column, length) of each run of dark modules, row by row, left to right."""
    edges = np.diff(np.pad(matrix, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    ends = np.nonzero(edges == -1)[1]
    return list(zip(rows.tolist(), starts.tolist(), (ends - starts).tolist()))


def draw_qr(canvas: Canvas, text: str, box: Rect) -> None:
    """A QR code of ``text`` filling the square ``box`` (with its quiet zone inside the box)."""
    matrix = qr_matrix(text)
    size = len(matrix)
    module = min(box.w, box.h) / size
    # one "x y w h re" per run of dark modules (~220), in modules (whole numbers, row 0 at the top) scaled
    # by the transform, written as one literal and filled: no call per rectangle; the runs never overlap
    rects = " ".join(f"{start} {size - 1 - row} {length} 1 re" for row, start, length in dark_runs(matrix))
    canvas.setFillGray(0)
    canvas.addLiteral(f"q {fp_str(module, 0, 0, module, box.x, box.top - size * module)} cm n {rects} f Q")
