"""A city's blank template drawn under the values as a form XObject: it shows as the template itself,
is read once per process, and anew when the city replaces the file."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject

from kakanai.domain.catalog import Catalog
from kakanai.pdf.draw import new_canvas
from kakanai.pdf.fonts import GOTHIC, MINCHO
from kakanai.pdf.overlay import read_templates, template_path
from kakanai.pdf.template import _read, template_page, use_template
from tests.pdf.helpers import embedded_fonts

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")


def _city_template(path: Path, title: str) -> None:
    """A blank form as a city might have one: an embedded Japanese font, a photo (image XObject), a
    stamp drawn once as a form, a half-transparent band, and its content in two streams."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (595.28, 841.89), "見本市 様式")
    canvas.setFont(MINCHO, 20)
    canvas.drawCentredString(297, 780, title)
    canvas.setFont(GOTHIC, 10)
    canvas.drawString(60, 700, "住所　　　　　　　　氏名　　　　　　　　生年月日")
    canvas.beginForm("stamp")
    canvas.circle(0, 0, 20)
    canvas.setFont(GOTHIC, 8)
    canvas.drawCentredString(0, -3, "受付印")
    canvas.endForm()
    canvas.saveState()
    canvas.translate(500, 100)
    canvas.doForm("stamp")
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColorRGB(0.2, 0.4, 0.9, alpha=0.4)
    canvas.rect(40, 600, 515, 40, stroke=0, fill=1)
    canvas.restoreState()
    photo = Image.fromarray((np.indices((40, 60)).sum(axis=0) % 2 * 255).astype("uint8"))
    photo_file = path.with_suffix(".png")
    photo.save(photo_file)
    canvas.drawImage(str(photo_file), 60, 400, 60, 40)
    canvas.rect(40, 60, 515, 720)
    canvas.showPage()
    canvas.save()
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[0]
    data = page.get_contents().get_data()  # type: ignore[union-attr]
    middle = data.index(b"\n", len(data) // 2) + 1  # reportlab writes one operator per line
    streams = []
    for part in (data[:middle], data[middle:]):
        stream = DecodedStreamObject()
        stream.set_data(part)
        streams.append(writer._add_object(stream))  # an indirect stream, as a scanner's PDF has
    page[NameObject("/Contents")] = ArrayObject(streams)
    with path.open("wb") as out:
        writer.write(out)


def _drawn_on(template: Path, out: Path) -> None:
    """A bundle page with only the template painted (what `draw_overlay_page` puts under the values)."""
    page = template_page(template)
    canvas = new_canvas(out, (page.width, page.height))
    use_template(canvas, page)
    canvas.showPage()
    canvas.save()


def _pixels(pdf: Path, folder: Path) -> np.ndarray:
    stem = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", "50", "-singlefile", "-png", str(pdf), str(stem)], check=True)
    return np.asarray(Image.open(stem.with_suffix(".png")).convert("RGB"), dtype=np.int16)


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_the_template_shows_on_the_bundle_page_as_it_does_alone(tmp_path: Path) -> None:
    template, page = tmp_path / "template.pdf", tmp_path / "page.pdf"
    _city_template(template, "転入届（見本市 様式第1号）")
    _drawn_on(template, page)
    alone, drawn = _pixels(template, tmp_path), _pixels(page, tmp_path)
    assert alone.shape == drawn.shape
    assert np.abs(alone - drawn).max() == 0  # every pixel: text, photo, stamp form, transparent band
    assert _text(page) == _text(template) and "転入届（見本市 様式第1号）" in _text(page)
    assert embedded_fonts(PdfReader(page)) and all(embedded_fonts(PdfReader(page)).values())


def test_a_template_is_read_once_and_anew_when_the_city_replaces_it(tmp_path: Path) -> None:
    template = tmp_path / "template.pdf"
    _city_template(template, "旧様式")
    first = template_page(template)
    assert template_page(template) is first  # read once while the file is unchanged
    _city_template(template, "新様式")
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert template_page(template) is not first
    _drawn_on(template, tmp_path / "page.pdf")
    assert "新様式" in _text(tmp_path / "page.pdf") and "旧様式" not in _text(tmp_path / "page.pdf")


def test_the_same_template_twice_in_one_bundle_is_embedded_once(tmp_path: Path) -> None:
    template, out = tmp_path / "template.pdf", tmp_path / "two.pdf"
    _city_template(template, "犬の登録事項変更届")
    page = template_page(template)
    canvas = new_canvas(out, (page.width, page.height))
    for _ in range(2):
        use_template(canvas, page)
        canvas.showPage()
    canvas.save()
    reader = PdfReader(out)
    forms = {next(iter(p["/Resources"]["/XObject"].values())).idnum for p in reader.pages}
    assert len(reader.pages) == 2 and len(forms) == 1
    assert _text(out).count("犬の登録事項変更届") == 2


def test_the_warm_up_reads_every_template_of_the_catalog(catalog: Catalog) -> None:
    forms = [form for form in catalog.forms.values() if form.template]
    _read.cache_clear()
    assert read_templates(catalog) == len({form.template for form in forms}) >= 1
    parsed = _read.cache_info().misses
    for form in forms:  # a visit's bundle parses none again
        template_page(template_path(form, catalog))
    assert _read.cache_info().misses == parsed
