"""Draw one generated form page from its layout: an official-looking, fully filled form.

Labels are set in IPAex Gothic in shaded cells, filled values in IPAex Mincho, the title large
and spaced; besides the office-use box and the signature box, only boxes the real form always has and the
household does not tell (blank = "write": 死亡したところ, an account) are left empty; the rest is filled or struck.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from kakanai.pdf.content import Cell, FormSheet, Row, label_of
from kakanai.pdf.draw import SHADE, draw_box, draw_checkbox, draw_fitted, draw_qr
from kakanai.pdf.fonts import GOTHIC, MINCHO, printable, text_width
from kakanai.pdf.layout import LABEL_FONT, MM, CheckMark, FieldBox, PageLayout, Rect, Table

FRAME = 1.2
SIGNATURE_HINT = "この欄のみ、ご本人が自署してください"
OFFICE_CELLS = ("受付", "本人確認", "入力", "照合", "決裁")


def qr_text(visit_id: str, form_id: str, page: int) -> str:
    """What a page's QR carries: the visit, the form and the bundle page, never personal data."""
    return f"KKV1:{visit_id}:{form_id}:{page}"


def draw_form_page(canvas: Canvas, sheet: FormSheet, layout: PageLayout, visit_id: str, bundle_page: int) -> None:
    """Draw one page of ``sheet`` as placed by ``layout`` and end the page."""
    _masthead(canvas, sheet, layout, visit_id, bundle_page)
    _title(canvas, sheet.form.title, layout.title)
    if layout.note:
        draw_fitted(canvas, sheet.form.note, layout.note, GOTHIC, 8, 6, align="center")
    draw_fitted(canvas, f"（宛先）{sheet.form.definition.addressee or sheet.city + '長'}", layout.addressee, MINCHO, 11, 8, pad=0)
    draw_fitted(canvas, f"届出日　{sheet.issued}", layout.addressee, MINCHO, 11, 8, align="right", pad=0)
    if layout.checks_label:
        _checks(canvas, layout.checks_label, layout.checks)
    if layout.fields:
        _fields(canvas, layout.fields)
    if layout.table:
        _table(canvas, sheet, layout.table)
    _signature(canvas, sheet.form.signature, layout)
    _office(canvas, layout.office)
    _footer(canvas, sheet, layout)
    canvas.showPage()


def _masthead(canvas: Canvas, sheet: FormSheet, layout: PageLayout, visit_id: str, bundle_page: int) -> None:
    counter = f"（{sheet.counter}）" if sheet.counter else ""
    draw_fitted(canvas, f"{sheet.city}　{sheet.department}{counter}", layout.masthead, GOTHIC, 9.5, 7, pad=0)
    draw_qr(canvas, qr_text(visit_id, sheet.form.id, bundle_page), layout.qr)
    canvas.setFont(GOTHIC, 5.5)
    canvas.drawCentredString(layout.qr.x + layout.qr.w / 2, layout.qr.y - 2.2 * MM, printable(visit_id))


def _title(canvas: Canvas, title: str, box: Rect) -> None:
    size = 21.0
    spacing = size * max(0.0, (10 - len(title)) * 0.1)  # 住 民 異 動 届: short titles are spaced out
    width = text_width(title, MINCHO, size) + spacing * (len(title) - 1)
    if len(title) > 9 or width > box.w:
        draw_fitted(canvas, title, box, MINCHO, 18, 12, align="center", pad=0)
        return
    text = canvas.beginText(box.x + (box.w - width) / 2, box.y + (box.h - size) / 2 + size * 0.12)
    text.setFont(MINCHO, size)
    text.setCharSpace(spacing)
    text.textOut(printable(title))
    text.setCharSpace(0)  # Tc outlives the text object: reset it for everything drawn after
    canvas.drawText(text)


def _checks(canvas: Canvas, frame: Rect, marks: tuple[CheckMark, ...]) -> None:
    label = Rect(frame.x, frame.y, 26 * MM, frame.h)
    draw_box(canvas, label, 0.5, SHADE)
    draw_fitted(canvas, "該当項目", label, GOTHIC, 8.5, 6, align="center")
    draw_box(canvas, frame, FRAME)
    for mark in marks:
        draw_checkbox(canvas, mark.box, mark.ticked)
        canvas.setFont(GOTHIC, 9.5)
        canvas.drawString(mark.box.right + 1.5 * MM, mark.box.y + 0.5 * MM, printable(mark.label))


def _fields(canvas: Canvas, boxes: tuple[FieldBox, ...]) -> None:
    for box in boxes:
        draw_box(canvas, box.label, 0.5, SHADE)
        draw_fitted(canvas, box.cell.label, box.label, GOTHIC, LABEL_FONT, 5.5, align="center", pad=1 * MM)
        draw_box(canvas, box.value, 0.5)
        if struck(box.cell):
            _strike(canvas, box.value)
        draw_fitted(canvas, box.cell.text, box.value, MINCHO, 12.5, 7.5)
    left, right = min(b.label.x for b in boxes), max(b.value.right for b in boxes)
    bottom, top = min(b.label.y for b in boxes), max(b.label.top for b in boxes)
    draw_box(canvas, Rect(left, bottom, right - left, top - bottom), FRAME)


def _table(canvas: Canvas, sheet: FormSheet, table: Table) -> None:
    draw_box(canvas, table.heading[0], 0.5, SHADE)
    _heading(canvas, "番号", table.heading[0])
    for k, (box, column) in enumerate(zip(table.heading[1:], sheet.columns)):
        draw_box(canvas, box, 0.5, SHADE)
        _heading(canvas, f"フリガナ\n{label_of(column)}" if _is_name(sheet, k) else label_of(column), box)
    for n, (cells, person) in enumerate(zip(table.rows, table.people)):
        draw_box(canvas, cells[0], 0.5)
        draw_fitted(canvas, str(table.first_number + n), cells[0], GOTHIC, 9, 7, align="center", pad=0)
        for k, (box, cell) in enumerate(zip(cells[1:], person.cells)):
            draw_box(canvas, box, 0.5)
            if struck(cell):
                _strike(canvas, box)
            elif _is_name(sheet, k):
                _name_cell(canvas, person, cell.text, box)
            else:
                align = "center" if sheet.columns[k].width <= 0.6 else "left"
                draw_fitted(canvas, cell.text, box, MINCHO, 11, 6.5, align=align)
    draw_box(canvas, table.frame, FRAME)


def struck(cell: Cell) -> bool:
    """An optional value that is empty: struck through (斜線) so nobody takes it for a blank to fill,
    unless the form always has it (``blank = "write"``: left blank to write by hand)."""
    return not cell.required and not cell.write and not cell.text.strip()


def _strike(canvas: Canvas, box: Rect) -> None:
    canvas.setLineWidth(0.4)
    canvas.line(box.x + 1 * MM, box.y + 1 * MM, box.right - 1 * MM, box.top - 1 * MM)


def _is_name(sheet: FormSheet, column: int) -> bool:
    return sheet.columns[column].source == "member.name"


def _heading(canvas: Canvas, text: str, box: Rect) -> None:
    if "\n" not in text:
        draw_fitted(canvas, text, box, GOTHIC, 8.5, 5.5, align="center", pad=0.8 * MM)
        return
    small, big = text.split("\n")
    draw_fitted(canvas, small, Rect(box.x, box.y + box.h * 0.58, box.w, box.h * 0.42), GOTHIC, 6, 5, align="center")
    draw_fitted(canvas, big, Rect(box.x, box.y, box.w, box.h * 0.6), GOTHIC, 8.5, 5.5, align="center")


def _name_cell(canvas: Canvas, person: Row, name: str, box: Rect) -> None:
    kana_h = 4.2 * MM
    canvas.setLineWidth(0.3)
    canvas.setDash(1, 1.5)
    canvas.line(box.x, box.top - kana_h, box.right, box.top - kana_h)
    canvas.setDash()
    draw_fitted(canvas, person.kana, Rect(box.x, box.top - kana_h, box.w, kana_h), GOTHIC, 7, 4.5)
    draw_fitted(canvas, name, Rect(box.x, box.y, box.w, box.h - kana_h), MINCHO, 13, 7)


def _signature(canvas: Canvas, label: str, layout: PageLayout) -> None:
    box, side = layout.signature, layout.signature_label
    draw_box(canvas, side, 0.5, SHADE)
    draw_fitted(canvas, "署名欄", Rect(side.x, side.y + side.h * 0.45, side.w, side.h * 0.45),
                GOTHIC, 15, 10, align="center")
    draw_fitted(canvas, label, Rect(side.x, side.y + side.h * 0.1, side.w, side.h * 0.35),
                GOTHIC, 9, 6, align="center")
    canvas.setLineWidth(2.0)
    canvas.rect(box.x, box.y, box.w, box.h, stroke=1, fill=0)
    canvas.setFillGray(0.35)
    canvas.setFont(GOTHIC, 7)
    canvas.drawString(side.right + 2 * MM, box.top - 4 * MM, SIGNATURE_HINT)
    canvas.setFillGray(0)


def _office(canvas: Canvas, box: Rect) -> None:
    _cut_line(canvas, box)
    stamp = Rect(box.right - box.h, box.y, box.h, box.h)
    cells = Rect(box.x, box.y, box.w - stamp.w, box.h)
    strip = Rect(cells.x, cells.top - 5 * MM, cells.w, 5 * MM)
    draw_box(canvas, strip, 0.5, SHADE)
    draw_fitted(canvas, "職員記入欄（ここには記入しないでください）", strip, GOTHIC, 8, 6, align="center")
    width = cells.w / len(OFFICE_CELLS)
    for n, name in enumerate(OFFICE_CELLS):
        head = Rect(cells.x + n * width, strip.y - 4.5 * MM, width, 4.5 * MM)
        draw_box(canvas, head, 0.4, 0.94)
        draw_fitted(canvas, name, head, GOTHIC, 7, 5.5, align="center")
        draw_box(canvas, Rect(head.x, box.y, width, head.y - box.y), 0.4)
    draw_box(canvas, stamp, 0.5)
    draw_fitted(canvas, "受付印", Rect(stamp.x, stamp.top - 5 * MM, stamp.w, 5 * MM), GOTHIC, 7, 6, align="center")
    canvas.setLineWidth(0.4)
    canvas.setDash(2, 2)
    canvas.circle(stamp.x + stamp.w / 2, stamp.y + (stamp.h - 4 * MM) / 2, (stamp.h - 8 * MM) / 2)
    canvas.setDash()
    draw_box(canvas, box, FRAME)


def _cut_line(canvas: Canvas, box: Rect) -> None:
    y, text = box.top + 2.6 * MM, "以下は市役所で記入します"
    half = text_width(text, GOTHIC, 7) / 2 + 2 * MM
    middle = box.x + box.w / 2
    canvas.setLineWidth(0.4)
    canvas.setDash(3, 2)
    canvas.line(box.x, y, middle - half, y)
    canvas.line(middle + half, y, box.right, y)
    canvas.setDash()
    canvas.setFont(GOTHIC, 7)
    canvas.drawCentredString(middle, y - 2.4, text)


def _footer(canvas: Canvas, sheet: FormSheet, layout: PageLayout) -> None:
    canvas.setFillGray(0.3)
    draw_fitted(canvas, f"様式 {sheet.form.id}　{sheet.procedure_title}　（書かない窓口 kakanai で作成）",
                layout.footer, GOTHIC, 6.5, 5, pad=0)
    draw_fitted(canvas, f"{layout.page} / {layout.pages} 枚", layout.footer, GOTHIC, 7, 5, align="right", pad=0)
    canvas.setFillGray(0)
