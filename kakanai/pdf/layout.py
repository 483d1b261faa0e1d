"""Where everything goes on a generated form page: pure geometry in PDF points, origin bottom-left.

`page_layouts` splits a `FormSheet` into pages (the member table paginates when it has more rows
than fit) and places, for each page, the masthead, the QR corner, the title, the checkboxes, the
grid of labelled fields, the member table, the signature box (署名欄) and the office-use box.
Drawing is `formpage`'s job; tests read the rectangles from here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kakanai.pdf.content import Cell, FormSheet, Row
from kakanai.pdf.fonts import GOTHIC, text_width

MM = 72 / 25.4
PAPER = {"A4": (210 * MM, 297 * MM), "A3": (297 * MM, 420 * MM)}

SIDE, TOP, BOTTOM = 14 * MM, 10 * MM, 9 * MM
QR_SIZE = 17 * MM
MASTHEAD_H, TITLE_H, NOTE_H, ADDRESSEE_H = 7 * MM, 15 * MM, 5 * MM, 8 * MM
CHECK_LINE_H, CHECK_BOX, CHECK_LABEL_W = 8 * MM, 3.8 * MM, 26 * MM
FIELD_H, TABLE_HEAD_H, NAME_ROW_H, ROW_H, NO_W = 10.5 * MM, 7 * MM, 12 * MM, 9 * MM, 8 * MM
SIGNATURE_H, SIGNATURE_LABEL_W = 22 * MM, 42 * MM
OFFICE_H, FOOTER_H, GAP = 24 * MM, 5 * MM, 4 * MM
CHECK_FONT = 9.5
LABEL_FONT = 8.5
MAX_STRETCH = 1.3
EPSILON = 0.01


@dataclass(frozen=True)
class Rect:
    """A rectangle in points: ``x, y`` its bottom-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        """The y of the top edge."""
        return self.y + self.h

    @property
    def right(self) -> float:
        """The x of the right edge."""
        return self.x + self.w

    def contains(self, x: float, y: float) -> bool:
        """Whether the point lies inside (edges included, to a hundredth of a point)."""
        return self.x - EPSILON <= x <= self.right + EPSILON and self.y - EPSILON <= y <= self.top + EPSILON

    def inside(self, other: Rect) -> bool:
        """Whether this rectangle lies wholly inside ``other``."""
        return other.contains(self.x, self.y) and other.contains(self.right, self.top)


@dataclass(frozen=True)
class FieldBox:
    """A field of the grid: the shaded label cell and the value cell beside it."""

    label: Rect
    value: Rect
    cell: Cell


@dataclass(frozen=True)
class CheckMark:
    """One checkbox: its square, where its label starts, and whether it is ticked."""

    box: Rect
    label: str
    ticked: bool


@dataclass(frozen=True)
class Table:
    """The member table: a heading row and one row of cells per person on this page."""

    heading: tuple[Rect, ...]
    rows: tuple[tuple[Rect, ...], ...]
    people: tuple[Row, ...]
    first_number: int

    @property
    def frame(self) -> Rect:
        """The outline of the whole table."""
        bottom = self.rows[-1][0].y if self.rows else self.heading[0].y
        return Rect(self.heading[0].x, bottom, self.heading[-1].right - self.heading[0].x,
                    self.heading[0].top - bottom)


@dataclass(frozen=True)
class PageLayout:
    """Every region of one generated form page."""

    size: tuple[float, float]
    masthead: Rect
    qr: Rect
    title: Rect
    note: Rect | None
    addressee: Rect
    checks_label: Rect | None
    checks: tuple[CheckMark, ...]
    fields: tuple[FieldBox, ...]
    table: Table | None
    signature: Rect
    signature_label: Rect
    office: Rect
    footer: Rect
    page: int
    pages: int

    @property
    def body(self) -> Rect:
        """The printable area inside the margins."""
        width, height = self.size
        return Rect(SIDE, BOTTOM, width - 2 * SIDE, height - TOP - BOTTOM)


def page_layouts(sheet: FormSheet) -> list[PageLayout]:
    """The pages of a sheet: one, or more when its member table has more rows than fit.

    A one-page form with room to spare gets taller rows (up to `MAX_STRETCH`), as printed forms do.
    """
    plain = _pages(sheet, 1.0)
    if len(plain) > 1:
        return plain
    page = plain[0]
    stretchable = page.fields[0].label.top - page.fields[-1].label.y if page.fields else 0.0
    stretchable += len(page.table.rows) * _row_height(sheet) if page.table else 0.0
    free = page.signature.y - page.office.top - 3 * GAP
    if stretchable <= 0 or free <= 0:
        return plain
    return _pages(sheet, min(MAX_STRETCH, 1 + free / stretchable))


def _pages(sheet: FormSheet, stretch: float) -> list[PageLayout]:
    skeleton, table_top = _skeleton(sheet, PAPER[sheet.form.paper], stretch)
    row_h = _row_height(sheet) * stretch
    per_page = max(1, int(_room_for_rows(skeleton, table_top) // row_h))
    chunks = [sheet.rows[i:i + per_page] for i in range(0, len(sheet.rows), per_page)] or [()]
    pages = []
    for n, chunk in enumerate(chunks):
        table = _table(sheet, table_top, skeleton.body.w, chunk, n * per_page + 1, row_h) if sheet.columns else None
        signature = _signature(table.frame.y if table else table_top, skeleton.body.w)
        pages.append(replace(skeleton, table=table, page=n + 1, pages=len(chunks), signature=signature,
                             signature_label=Rect(signature.x, signature.y, SIGNATURE_LABEL_W, signature.h)))
    return pages


def _skeleton(sheet: FormSheet, size: tuple[float, float], stretch: float) -> tuple[PageLayout, float]:
    width, height = size
    inner = width - 2 * SIDE
    top = height - TOP
    masthead = Rect(SIDE, top - MASTHEAD_H, inner - QR_SIZE - 2 * MM, MASTHEAD_H)
    qr = Rect(width - SIDE - QR_SIZE, top - QR_SIZE, QR_SIZE, QR_SIZE)
    title = Rect(SIDE + QR_SIZE + 4 * MM, masthead.y - TITLE_H, inner - 2 * (QR_SIZE + 4 * MM), TITLE_H)
    cursor = title.y
    note = None
    if sheet.form.note:
        note = Rect(SIDE, cursor - NOTE_H, inner, NOTE_H)
        cursor = note.y
    addressee = Rect(SIDE, cursor - ADDRESSEE_H, inner, ADDRESSEE_H)
    checks_label, checks, cursor = _checks(sheet, addressee.y - GAP / 2, inner)
    fields, cursor = _fields(sheet.fields, cursor - (GAP if checks else GAP / 2), inner, FIELD_H * stretch)
    office = Rect(SIDE, BOTTOM + FOOTER_H + 1 * MM, inner, OFFICE_H)
    footer = Rect(SIDE, BOTTOM, inner, FOOTER_H)
    nothing = Rect(0, 0, 0, 0)
    return PageLayout(size, masthead, qr, title, note, addressee, checks_label, checks, fields, None,
                      nothing, nothing, office, footer, 1, 1), cursor - GAP


def _checks(sheet: FormSheet, top: float, inner: float) -> tuple[Rect | None, tuple[CheckMark, ...], float]:
    if not sheet.checks:
        return None, (), top
    left = SIDE + CHECK_LABEL_W + 3 * MM
    x, line = left, 0
    marks = []
    for label, ticked in sheet.checks:
        need = CHECK_BOX + 1.5 * MM + text_width(label, GOTHIC, CHECK_FONT) + 6 * MM
        if x + need > SIDE + inner and x > left:
            x, line = left, line + 1
        y = top - (line + 0.5) * CHECK_LINE_H - CHECK_BOX / 2
        marks.append(CheckMark(Rect(x, y, CHECK_BOX, CHECK_BOX), label, ticked))
        x += need
    height = (line + 1) * CHECK_LINE_H
    return Rect(SIDE, top - height, inner, height), tuple(marks), top - height


def _fields(cells: tuple[Cell, ...], top: float, inner: float, height: float) -> tuple[tuple[FieldBox, ...], float]:
    rows: list[list[Cell]] = []
    for cell in cells:
        if rows and sum(c.width for c in rows[-1]) + cell.width <= 1.0 + 1e-9:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    boxes = []
    for n, row in enumerate(rows):
        y, x = top - (n + 1) * height, SIDE
        total = sum(c.width for c in row)
        for cell in row:
            w = inner * cell.width / total
            label_w = _label_width(cell.label, w)
            boxes.append(FieldBox(Rect(x, y, label_w, height), Rect(x + label_w, y, w - label_w, height), cell))
            x += w
    return tuple(boxes), top - len(rows) * height


def _label_width(label: str, cell_width: float) -> float:
    """Room for the label on one line at its normal size where the cell allows, within bounds."""
    wanted = max(min(cell_width * 0.3, 27 * MM), text_width(label, GOTHIC, LABEL_FONT) + 3 * MM)
    return max(17 * MM, min(wanted, 40 * MM, cell_width * 0.5))


def _row_height(sheet: FormSheet) -> float:
    return NAME_ROW_H if any(c.source == "member.name" for c in sheet.columns) else ROW_H


def _room_for_rows(skeleton: PageLayout, table_top: float) -> float:
    bottom = skeleton.office.top + GAP + SIGNATURE_H + GAP
    return table_top - TABLE_HEAD_H - bottom


def _table(sheet: FormSheet, top: float, inner: float, people: tuple[Row, ...], first: int, row_h: float) -> Table:
    total = sum(c.width for c in sheet.columns)
    widths = [NO_W] + [(inner - NO_W) * c.width / total for c in sheet.columns]
    lefts = [SIDE + sum(widths[:i]) for i in range(len(widths))]
    heading = tuple(Rect(x, top - TABLE_HEAD_H, w, TABLE_HEAD_H) for x, w in zip(lefts, widths))
    rows = tuple(
        tuple(Rect(x, top - TABLE_HEAD_H - (n + 1) * row_h, w, row_h) for x, w in zip(lefts, widths))
        for n in range(len(people)))
    return Table(heading, rows, people, first)


def _signature(above: float, inner: float) -> Rect:
    return Rect(SIDE, above - GAP - SIGNATURE_H, inner, SIGNATURE_H)
