"""Fitted text: long values shrink to a minimum size, then wrap; never smaller than the floor."""

from __future__ import annotations

import numpy as np
import pytest

from kakanai.pdf import draw
from kakanai.pdf.draw import FLOOR, dark_runs, fit_text, wrap
from kakanai.pdf.fonts import MINCHO, register_fonts, text_width
from kakanai.pdf.layout import MM

register_fonts()


def test_a_value_that_fits_keeps_the_largest_size() -> None:
    fitted = fit_text("山田　太郎", MINCHO, 60 * MM, 10 * MM, 12, 7)
    assert fitted == fitted.__class__(12, ("山田　太郎",))


def test_a_longer_value_shrinks_before_it_wraps() -> None:
    text = "北海道見本市北1条西1丁目1番地　コーポ見本101号室"
    fitted = fit_text(text, MINCHO, 70 * MM, 10 * MM, 12, 7)
    assert 7 <= fitted.size < 12 and fitted.lines == (text,)
    assert text_width(text, MINCHO, fitted.size) <= 70 * MM


def test_a_value_too_long_for_the_minimum_wraps_onto_lines_that_fit() -> None:
    text = "北海道見本市北1条西1丁目1番地" * 4
    fitted = fit_text(text, MINCHO, 60 * MM, 12 * MM, 12, 7)
    assert len(fitted.lines) > 1 and "".join(fitted.lines) == text
    assert all(text_width(line, MINCHO, fitted.size) <= 60 * MM for line in fitted.lines)
    assert len(fitted.lines) * fitted.size * 1.18 <= 12 * MM or fitted.size == FLOOR


def test_wrapping_never_starts_a_line_with_closing_punctuation() -> None:
    lines = wrap("あいうえお、かきくけこ。", MINCHO, 10, text_width("あいうえお", MINCHO, 10) + 0.1)
    assert all(not line.startswith(("、", "。")) for line in lines)


def test_qr_rows_become_runs_of_dark_modules() -> None:
    rows = np.array([[True, True, False, True, False, False, True, True, True],
                     [False, False, False, False, False, False, False, False, False],
                     [False, True, True, True, True, True, True, True, False]])
    assert dark_runs(rows) == [(0, 0, 2), (0, 3, 1), (0, 6, 3), (2, 1, 7)]


@pytest.mark.parametrize("encoder", ["zxing-cpp", "qrcode"])
def test_a_qr_reads_back_as_its_text_with_either_encoder(encoder: str, monkeypatch: pytest.MonkeyPatch) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    if encoder == "qrcode":  # an older zxing-cpp without an encoder
        monkeypatch.setattr(draw, "_zxing", lambda: None)
    text = "KKV1:V20260401-0001:juminido:12"
    matrix = draw.qr_matrix(text)
    assert not matrix[:2].any() and not matrix[:, -2:].any()  # the quiet zone
    image = np.kron(~matrix, np.ones((4, 4), dtype=bool)).astype(np.uint8) * 255
    assert [code.text for code in zxingcpp.read_barcodes(image)] == [text]


def test_a_value_too_long_even_at_the_floor_is_cut_with_an_ellipsis_inside_its_box() -> None:
    # Given a 200-character name (the longest a code may carry) in a member table's name cell
    text = "寿限無" * 66 + "健"
    fitted = fit_text(text, MINCHO, 40 * MM, 8 * MM, 10.5, 7)
    # Then its lines stay inside the box, and the last says the value goes on (…), never drawn over the next cell
    assert fitted.cut and fitted.size == FLOOR and fitted.lines[-1].endswith("…")
    assert len(fitted.lines) * fitted.size * 1.18 <= 8 * MM
    assert all(text_width(line, MINCHO, fitted.size) <= 40 * MM for line in fitted.lines)
    assert "".join(fitted.lines).removesuffix("…") == text[:len("".join(fitted.lines)) - 1]
