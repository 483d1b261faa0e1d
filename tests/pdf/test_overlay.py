"""The city's own forms: values laid over its blank PDF at the given millimetres, and the placing grid."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kakanai.domain.catalog import Catalog, overlay_slot
from kakanai.domain.problems import InvalidInput
from kakanai.pdf.bundle import render_bundle
from kakanai.pdf.content import form_sheets
from kakanai.pdf.layout import MM
from kakanai.pdf.overlay import TICK, page_size, placements, render_grid, template_path, template_problems
from tests.conftest import household_doc
from tests.pdf.helpers import ISSUED, Rendered, embedded_fonts, household_of, plan_of, text_positions

TEMPLATE_TEXT = ("様式第2号（第4条関係）", "狂犬病予防法施行規則第6条の規定により、次のとおり届け出ます。")


def _overlay_page(bundle: Rendered) -> int:
    return next(f.page_numbers[0] for f in bundle.report.forms if f.form_id == "inu_overlay")


def test_the_values_are_drawn_onto_the_citys_own_blank_form(family_bundle: Rendered, catalog: Catalog) -> None:
    # Given the dog registration uses the city's template, When the bundle is printed
    page = _overlay_page(family_bundle)
    lines = family_bundle.lines(page)
    # Then the page is the template (its own wording) with the household's values over it
    for text in TEMPLATE_TEXT + ("山田　太郎", "ヤマダ　タロウ", "090-1234-5678", "北海道見本市北1条西1丁目1番地",
                                 "コーポ見本101", "宮城県仙台市青葉区一番町3丁目2番1号", "令和8年4月1日", TICK, "1"):
        assert text in lines, text
    box = family_bundle.reader().pages[page - 1].mediabox
    assert (float(box.width), float(box.height)) == page_size(template_path(catalog.forms["inu_overlay"], catalog))


def test_each_value_sits_at_its_millimetres_from_the_top_left(family_bundle: Rendered) -> None:
    page = _overlay_page(family_bundle)
    placed = {text: (x, y) for text, x, y in text_positions(family_bundle.reader(), page)}
    height = float(family_bundle.reader().pages[page - 1].mediabox.height)
    x, y = placed["山田　太郎"]
    assert x == pytest.approx(71 * MM, abs=0.5) and y == pytest.approx(height - 90.5 * MM, abs=0.5)


def test_the_merged_page_keeps_every_font_embedded(family_bundle: Rendered) -> None:
    fonts = embedded_fonts(family_bundle.reader())
    assert all(fonts.values()), fonts


def test_member_values_by_position_and_a_value_placed_twice(catalog: Catalog) -> None:
    household = household_of(household_doc("family_move_in"))
    sheet = form_sheets(household, plan_of(household, catalog), catalog, ISSUED)[0]
    keys = {"member.name#2": [10, 20], "member.name#9": [10, 30], "new.address@a": [10, 40],
            "new.address@b": [10, 50, 9, 80]}
    form = replace(sheet.form, overlay=tuple(overlay_slot(key, numbers, set())[0] for key, numbers in keys.items()))
    places = placements(sheet.__class__(**{**sheet.__dict__, "form": form}), household, 842)
    assert [(p.key, p.text) for p in places] == [
        ("member.name#2", "山田　花子"), ("member.name#9", ""),
        ("new.address@a", "北海道見本市北1条西1丁目1番地"), ("new.address@b", "北海道見本市北1条西1丁目1番地")]
    assert places[3].size == 9 and places[3].width == pytest.approx(80 * MM) and places[0].y == pytest.approx(
        842 - 20 * MM)


def test_the_grid_is_drawn_over_every_page_of_a_template(tmp_path: Path, catalog: Catalog) -> None:
    template = template_path(catalog.forms["inu_overlay"], catalog)
    out = tmp_path / "grid.pdf"
    assert render_grid(template, out) == 1
    lines = PdfReader(out).pages[0].extract_text().splitlines()
    assert TEMPLATE_TEXT[0] in lines
    assert {"10", "100", "200", "280"} <= set(lines)
    assert any(line.startswith("座標グリッド（mm、左上が原点）") for line in lines)
    assert all(embedded_fonts(PdfReader(out)).values())


# -- a city's template that cannot be printed on: said with the form and the file, never a traceback ------


@pytest.mark.parametrize(("damage", "words"), [
    (lambda path: path.write_bytes(path.read_bytes()[:500]), "PDFとして読めません"),  # copied half-way
    (lambda path: path.write_bytes(b""), "PDFとして読めません"),
    (lambda path: path.write_text("様式はあとで差し替えます", encoding="utf-8"), "PDFとして読めません"),
    (lambda path: path.unlink(), "ファイルを開けません"),  # removed after the catalog was checked
])
def test_a_broken_template_is_named_with_its_form_and_file_in_japanese(
        catalog: Catalog, tmp_path: Path, damage: Any, words: str) -> None:
    # Given the city's blank dog form was replaced by a broken file after the catalog loaded
    city = replace(catalog, root=tmp_path)
    (tmp_path / "templates").mkdir()
    broken = tmp_path / "templates" / catalog.forms["inu_overlay"].template
    broken.write_bytes(template_path(catalog.forms["inu_overlay"], catalog).read_bytes())
    damage(broken)
    # When the catalog's templates are checked (forms check), and when a family's bundle needs it
    problems = template_problems(city)
    household = household_of(household_doc("family_move_in"))
    with pytest.raises(InvalidInput) as caught:
        render_bundle(household, plan_of(household, city), city, io.BytesIO(), visit_id="V1", issued=ISSUED)
    # Then both name the form's key, the file and why, in Japanese
    assert [p.path for p in problems] == ["inu_overlay.template"]
    assert f"templates/{broken.name}" in problems[0].message_ja and words in problems[0].message_ja
    message = caught.value.clerk_message()
    assert message.startswith("市の様式PDFを使えません") and words in message and broken.name in message


@pytest.mark.parametrize("name", ["/etc/passwd", "../../../etc/passwd", "..", "sub/inu.pdf", "..\\inu.pdf"])
def test_a_template_outside_the_templates_folder_is_refused(catalog: Catalog, name: str) -> None:
    # Given a form whose template names a path, not a file of templates/
    form = replace(catalog.forms["inu_overlay"], definition=catalog.forms["inu_overlay"].definition.model_copy(
        update={"template": name}))
    city = replace(catalog, forms={**catalog.forms, "inu_overlay": form})
    # Then no file outside the catalog is read as a blank form
    with pytest.raises(InvalidInput) as caught:
        template_path(form, city)
    assert "templates/ の中のファイル名だけ" in caught.value.clerk_message()
    assert [p.path for p in template_problems(city)] == ["inu_overlay.template"]


@pytest.mark.parametrize(("numbers", "words"), [
    ([float("nan"), 46, 11], "nan・inf は使えません"),
    ([136, 46, float("inf")], "nan・inf は使えません"),  # a bundle needing it failed with a ValueError
    ([5000, 46, 11], "座標 [5000, 46] が様式PDFのページの外です（横 210mm・縦 297mm の中に書きます）"),
    ([136, 46, 0], "文字サイズ（ポイント） 0 は使えません"),
    ([136, 46, 1e6], "文字サイズ（ポイント） 1e+06 は使えません"),
])
def test_an_overlay_value_that_would_not_show_on_the_page_is_named_with_its_key(
        catalog: Catalog, numbers: list[float], words: str) -> None:
    # Given a city staff member who typed the 届出日's place on the dog form wrongly
    form = catalog.forms["inu_overlay"]
    slot, wrong = overlay_slot("issued", numbers, set())
    assert slot is not None and wrong is None  # the catalog alone cannot know the page it lands on
    city = replace(catalog, forms={**catalog.forms, "inu_overlay": replace(
        form, overlay=tuple(s if s.key != "issued" else slot for s in form.overlay))})
    # Then forms check names the form, the key and why, once the template's page size is known
    [problem] = template_problems(city)
    assert problem.path == "inu_overlay.overlay.issued" and words in problem.message_ja
    # And a counter whose catalog was never checked says the same when a family's bundle needs the form
    household = household_of(household_doc("family_move_in"))
    with pytest.raises(InvalidInput) as caught:
        render_bundle(household, plan_of(household, city), city, io.BytesIO(), visit_id="V1", issued=ISSUED)
    assert words in caught.value.clerk_message()


def test_the_shipped_overlay_form_has_every_value_on_its_page(catalog: Catalog) -> None:
    assert template_problems(catalog) == []
