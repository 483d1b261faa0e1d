"""Layout: every box inside the page, the signature box the only blank for the resident, tables paginate."""

from __future__ import annotations

from itertools import combinations

from kakanai.domain.catalog import Catalog
from kakanai.pdf.content import FormSheet, form_sheets
from kakanai.pdf.formpage import OFFICE_CELLS, SIGNATURE_HINT
from kakanai.pdf.layout import FIELD_H, MAX_STRETCH, MM, PAPER, PageLayout, Rect, page_layouts
from tests.conftest import household_doc
from tests.pdf.helpers import ISSUED, Rendered, household_of, plan_of, text_positions


def _sheets(family_bundle: Rendered, catalog: Catalog) -> list[FormSheet]:
    return form_sheets(family_bundle.household, family_bundle.plan, catalog, ISSUED)


def _generated(family_bundle: Rendered, catalog: Catalog) -> list[tuple[FormSheet, PageLayout, int]]:
    pages = [f.page_numbers[0] for f in family_bundle.report.forms]
    return [(s, page_layouts(s)[0], n) for s, n in zip(_sheets(family_bundle, catalog), pages) if not s.form.template]


def _page_rect() -> Rect:
    width, height = PAPER["A4"]
    return Rect(0, 0, width, height)


def test_the_signature_box_is_on_the_page_below_the_filled_part_and_above_the_office_box(
        family_bundle: Rendered, catalog: Catalog) -> None:
    for sheet, layout, _ in _generated(family_bundle, catalog):
        signature = layout.signature
        assert signature.inside(layout.body), sheet.form.id
        assert signature.w > 150 * MM and signature.h >= 20 * MM
        above = layout.table.frame.y if layout.table else min(b.label.y for b in layout.fields)
        assert layout.office.top < signature.y < signature.top < above, sheet.form.id
        assert layout.signature_label.inside(signature)


def test_the_signature_label_is_printed_inside_the_signature_box(family_bundle: Rendered, catalog: Catalog) -> None:
    reader = family_bundle.reader()
    for sheet, layout, page in _generated(family_bundle, catalog):
        placed = {text: (x, y) for text, x, y in text_positions(reader, page)}
        for text in ("署名欄", sheet.form.signature):
            assert layout.signature_label.contains(*placed[text]), (sheet.form.id, text)


def test_nothing_is_printed_in_the_signature_blank_or_the_office_box_but_their_labels(
        family_bundle: Rendered, catalog: Catalog) -> None:
    reader = family_bundle.reader()
    allowed = {"署名欄", SIGNATURE_HINT, "受付印", "職員記入欄（ここには記入しないでください）", *OFFICE_CELLS}
    for sheet, layout, page in _generated(family_bundle, catalog):
        for text, x, y in text_positions(reader, page):
            if layout.signature.contains(x, y) or layout.office.contains(x, y):
                assert text in allowed | {sheet.form.signature}, (sheet.form.id, text)


def test_fields_fill_rows_left_to_right_without_overlapping(family_bundle: Rendered, catalog: Catalog) -> None:
    for sheet, layout, _ in _generated(family_bundle, catalog):
        boxes = [Rect(b.label.x, b.label.y, b.value.right - b.label.x, b.label.h) for b in layout.fields]
        assert all(box.inside(layout.body) for box in boxes)
        for a, b in combinations(boxes, 2):
            overlap_w = min(a.right, b.right) - max(a.x, b.x)
            overlap_h = min(a.top, b.top) - max(a.y, b.y)
            assert overlap_w <= 0.01 or overlap_h <= 0.01, sheet.form.id
        rows = {round(box.y, 2) for box in boxes}
        for y in rows:
            width = sum(box.w for box in boxes if round(box.y, 2) == y)
            assert abs(width - layout.body.w) < 0.01, "a row of fields spans the full width"


def test_the_main_form_puts_event_and_date_on_one_row_and_postal_code_beside_the_address(
        family_bundle: Rendered, catalog: Catalog) -> None:
    layout = page_layouts(_sheets(family_bundle, catalog)[0])[0]
    by_label = {b.cell.source: b for b in layout.fields}
    assert by_label["event"].label.y == by_label["date"].label.y
    assert by_label["new.postal"].label.y == by_label["new.address"].label.y
    assert by_label["new.postal"].value.right < by_label["new.address"].label.x + 0.01


def test_a_short_form_gets_taller_rows_up_to_a_limit(family_bundle: Rendered, catalog: Catalog) -> None:
    for _, layout, _ in _generated(family_bundle, catalog):
        assert FIELD_H - 0.01 <= layout.fields[0].label.h <= FIELD_H * MAX_STRETCH + 0.01


def test_ticked_boxes_follow_the_household(family_bundle: Rendered, catalog: Catalog) -> None:
    layout = page_layouts(_sheets(family_bundle, catalog)[0])[0]
    assert [(m.label, m.ticked) for m in layout.checks] == [
        ("転入", True), ("国外からの転入", False), ("転出", False), ("転居", False),
        ("代理人による届出（委任状あり）", False)]
    assert all(m.box.inside(layout.checks_label) for m in layout.checks)


def test_a_long_table_splits_into_pages_that_each_keep_the_signature_box(catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    doc["members"] += [doc["members"][2] | {"given": f"子{n}"} for n in range(16)]
    household = household_of(doc)
    sheet = form_sheets(household, plan_of(household, catalog), catalog, ISSUED)[0]
    pages = page_layouts(sheet)
    assert sum(len(p.table.rows) for p in pages) == 20
    assert [p.table.first_number for p in pages] == [1 + sum(len(q.table.rows) for q in pages[:i])
                                                     for i in range(len(pages))]
    for page in pages:
        assert page.table.frame.inside(page.body) and page.signature.inside(page.body)
        assert page.signature.top < page.table.frame.y and page.office.top < page.signature.y


def test_the_qr_sits_in_the_top_right_corner(family_bundle: Rendered, catalog: Catalog) -> None:
    for _, layout, _ in _generated(family_bundle, catalog):
        assert layout.qr.inside(_page_rect()) and layout.qr.w <= 20 * MM
        assert layout.qr.x > PAPER["A4"][0] * 0.8 and layout.qr.y > PAPER["A4"][1] * 0.85
