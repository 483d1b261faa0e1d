"""The city's own forms: values drawn onto its approved blank PDF, and a grid to place them.

A form definition with ``template = "X.pdf"`` (in ``forms/templates/``) and an ``overlay`` table
is printed on a page the size of the template: the template's first page first (read once per
process, `kakanai.pdf.template`), then each value at its coordinates over it. The catalog compiles and checks the keys
when it loads (`catalog.OverlaySlot`); this module only draws. Coordinates are millimetres from the
page's top-left corner to where the text starts, on its baseline (what `render_grid` shows)::

    [form.overlay]
    "head.name"      = [40, 62, 12]        # x, y, font size (pt); size 10.5 if left out
    "new.address"    = [40, 95, 11, 140]   # a 4th number: the width (mm) to shrink the text into
    "member.name#1"  = [40, 120]           # a member source: #n is the form's n-th person
    "issued"         = [150, 38]           # 届出日 in 和暦
    "check:転入"     = [31, 80, 12]        # ✓ when the form's checkbox with that label is ticked
    "qr"             = [180, 275, 14]      # where the QR goes: x, y of its top-left corner, size (mm)
    "new.address@2"  = [40, 140, 11]       # "@tag" tells apart two places for the same value
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from kakanai.domain.catalog import Catalog, Form, OverlaySlot
from kakanai.domain.household import Household
from kakanai.domain.problems import InvalidInput, Problem
from kakanai.domain.sources import source_text
from kakanai.pdf.content import FormSheet
from kakanai.pdf.draw import draw_qr, fit_text, new_canvas
from kakanai.pdf.fonts import GOTHIC, MINCHO, printable
from kakanai.pdf.formpage import qr_text
from kakanai.pdf.layout import MM, Rect
from kakanai.pdf.template import TEMPLATE_TITLE, template_page, use_template

DEFAULT_SIZE = 10.5
TICK = "✓"
GRID_STEP = 10
GRID_CAPTION = "座標グリッド（mm、左上が原点）　overlay = { 項目名 = [横mm, 縦mm, 文字サイズ] }"


@dataclass(frozen=True)
class Placement:
    """A value to draw at a point in PDF coordinates (points from the bottom-left)."""

    key: str
    text: str
    x: float
    y: float
    size: float
    width: float | None


def template_path(form: Form, catalog: Catalog) -> Path:
    """The file of a form's blank template: a file name inside the catalog's ``templates/``
    (InvalidInput for a path, absolute or leading out of it with ``..``)."""
    name = form.template
    if name in ("", ".", "..") or Path(name).name != name or PureWindowsPath(name).name != name:
        raise InvalidInput([Problem(f"{form.id}.template", f"様式PDF '{name}' は templates/ の中のファイル名だけで書きます"
                                    "（フォルダ・/・\\ を含めません）", "template must be a file name inside templates/")],
                           TEMPLATE_TITLE)
    return catalog.root / "templates" / name


def template_problems(catalog: Catalog) -> list[Problem]:
    """What is wrong with each blank template of the catalog (read as a bundle would read it), with
    the form's key; [] when every one can be printed on."""
    problems: list[Problem] = []
    for form in catalog.forms.values():
        if form.template:
            try:
                page = template_page(template_path(form, catalog))
            except InvalidInput as exc:
                problems += [Problem(f"{form.id}.template", f"{p.path}: {p.message_ja}" if p.path != f"{form.id}.template"
                                     else p.message_ja, p.message_en) for p in exc.problems]
                continue
            problems += [problem for slot in form.overlay
                         if (problem := _placement_problem(form, slot, page.width / MM, page.height / MM))]
    return problems


SIZES = (4.0, 72.0)  # points: smaller is unreadable once printed, larger no form's box holds


def _placement_problem(form: Form, slot: OverlaySlot, width_mm: float, height_mm: float) -> Problem | None:
    """Why an overlay value would not show on its template page (off the page, NaN, a size nobody
    reads), or None; the page's size is known only here, once the template is read."""
    where = f"{form.id}.overlay.{slot.key}"
    numbers = [slot.x_mm, slot.y_mm, *(n for n in (slot.size, slot.width_mm) if n is not None)]
    if not all(math.isfinite(n) for n in numbers):
        return Problem(where, "座標・文字サイズ・幅は数で書きます（nan・inf は使えません）", "coordinates must be finite")
    if slot.x_mm >= width_mm or slot.y_mm >= height_mm:
        return Problem(where, f"座標 [{slot.x_mm:g}, {slot.y_mm:g}] が様式PDFのページの外です"
                              f"（横 {width_mm:.0f}mm・縦 {height_mm:.0f}mm の中に書きます）", "placed off the page")
    largest = SIZES[1] if slot.kind != "qr" else min(width_mm - slot.x_mm, height_mm - slot.y_mm)
    if slot.size is not None and not SIZES[0] <= slot.size <= largest:
        unit = "QRコードの一辺（mm）" if slot.kind == "qr" else "文字サイズ（ポイント）"
        return Problem(where, f"{unit} {slot.size:g} は使えません（{SIZES[0]:g}〜{largest:.0f} で書きます）", "size out of range")
    return None


def read_templates(catalog: Catalog) -> int:
    """Read every blank template of the catalog once (the counter's warm-up), so that no visit's first
    bundle pays for parsing one; returns how many were read."""
    paths = {template_path(form, catalog) for form in catalog.forms.values() if form.template}
    for path in paths:
        template_page(path)
    return len(paths)


def page_size(template: Path) -> tuple[float, float]:
    """The size in points of a template's first page."""
    page = template_page(template)
    return page.width, page.height


def placements(sheet: FormSheet, household: Household, height: float) -> list[Placement]:
    """Where each overlay value of a sheet goes on a page ``height`` points tall (the QR excluded)."""
    ticked = {label for label, on in sheet.checks if on}
    out = []
    for slot in sheet.form.overlay:
        if slot.kind == "qr":
            continue
        width = slot.width_mm * MM if slot.width_mm is not None else None
        out.append(Placement(slot.key, _value(slot, sheet, household, ticked), slot.x_mm * MM, height - slot.y_mm * MM,
                             slot.size if slot.size is not None else DEFAULT_SIZE, width))
    return out


def _value(slot: OverlaySlot, sheet: FormSheet, household: Household, ticked: set[str]) -> str:
    if slot.kind == "issued":
        return sheet.issued
    if slot.kind == "check":
        return TICK if slot.check in ticked else ""
    if slot.kind == "field":
        return source_text(slot.source, household)
    index = slot.nth - 1
    return source_text(slot.source, household, sheet.subjects[index]) if index < len(sheet.subjects) else ""


def draw_overlay_page(canvas: Canvas, sheet: FormSheet, household: Household, template: Path, visit_id: str,
                      bundle_page: int) -> None:
    """Draw the values of an overlay form on a page the size of its template, and end the page."""
    page = template_page(template)
    width, height = page.width, page.height
    wrong = [p for slot in sheet.form.overlay if (p := _placement_problem(sheet.form, slot, width / MM, height / MM))]
    if wrong:  # the counter's catalog was not checked with `forms check`: said, not drawn off the page or a crash
        raise InvalidInput(wrong, TEMPLATE_TITLE)
    canvas.setPageSize((width, height))
    use_template(canvas, page)  # the city's blank form under the values
    for place in placements(sheet, household, height):
        font = GOTHIC if place.key.startswith("check:") else MINCHO
        size = place.size
        if place.width is not None:
            size = fit_text(place.text, font, place.width, 10 * place.size, place.size, min(6.0, place.size)).size
        canvas.setFont(font, size)
        canvas.drawString(place.x, place.y, printable(place.text))
    slot = sheet.form.qr_slot
    qx, qy, qs = (slot.x_mm, slot.y_mm, slot.size or 14) if slot else (width / MM - 20, height / MM - 20, 14)
    draw_qr(canvas, qr_text(visit_id, sheet.form.id, bundle_page), Rect(qx * MM, height - (qy + qs) * MM, qs * MM,
                                                                           qs * MM))
    canvas.showPage()


def render_grid(template: Path, out: Path) -> int:
    """Write ``template`` with a labelled millimetre grid over each page (to place overlay values);
    returns the number of pages."""
    reader = PdfReader(template)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, (595, 842), "座標グリッド")
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        canvas.setPageSize((width, height))
        _grid(canvas, width, height)
        canvas.showPage()
    canvas.save()
    grid = PdfReader(io.BytesIO(buffer.getvalue()))
    writer = PdfWriter()
    for page, lines in zip(reader.pages, grid.pages):
        merged = writer.add_blank_page(float(page.mediabox.width), float(page.mediabox.height))
        merged.merge_page(page)
        merged.merge_page(lines)
    writer.write(out)
    return len(reader.pages)


def _grid(canvas: Canvas, width: float, height: float) -> None:
    canvas.setFont(GOTHIC, 5.5)
    canvas.setFillColorRGB(0.75, 0, 0)
    for mm in range(0, int(width / MM) + 1, GRID_STEP // 2):
        _grid_line(canvas, mm, mm * MM, 0, mm * MM, height)
        if mm % GRID_STEP == 0 and 0 < mm * MM < width - 3 * MM:
            canvas.drawCentredString(mm * MM, height - 3 * MM, str(mm))
            canvas.drawCentredString(mm * MM, 1.5 * MM, str(mm))
    for mm in range(0, int(height / MM) + 1, GRID_STEP // 2):
        _grid_line(canvas, mm, 0, height - mm * MM, width, height - mm * MM)
        if mm % GRID_STEP == 0 and 0 < mm * MM < height - 3 * MM:
            canvas.drawString(1 * MM, height - mm * MM + 0.6 * MM, str(mm))
            canvas.drawRightString(width - 1 * MM, height - mm * MM + 0.6 * MM, str(mm))
    canvas.setFont(GOTHIC, 7)
    canvas.drawString(12 * MM, 6 * MM, GRID_CAPTION)


def _grid_line(canvas: Canvas, mm: int, x1: float, y1: float, x2: float, y2: float) -> None:
    major = mm % (GRID_STEP * 5) == 0
    canvas.setStrokeColorRGB(0.85, 0.2, 0.2) if mm % GRID_STEP == 0 else canvas.setStrokeColorRGB(1, 0.7, 0.7)
    canvas.setLineWidth(0.6 if major else 0.25 if mm % GRID_STEP == 0 else 0.15)
    canvas.line(x1, y1, x2, y2)
