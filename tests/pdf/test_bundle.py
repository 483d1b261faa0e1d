"""The bundle: every form of the plan in counter order, filled character for character, fonts embedded."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.domain.problems import InvalidInput
from kakanai.pdf.bundle import render_bundle, render_split
from kakanai.pdf.content import form_sheets
from kakanai.pdf.layout import PAPER, page_layouts
from tests.conftest import household_doc
from tests.pdf.helpers import ISSUED, VISIT, Rendered, embedded_fonts, household_of, plan_of, render, text_positions

MOVE_IN_FORMS = ["juminido", "inkan", "mynumber", "mynumber", "kokuho", "nenkin", "koki", "kaigo", "kaigo_jukyu",
                 "jido_teate", "kodomo_iryo", "inu_overlay"]


def test_the_family_bundle_has_every_form_in_counter_order_then_the_take_home_sheet(family_bundle: Rendered) -> None:
    # Given a family of four moving in, When the bundle is printed
    report = family_bundle.report
    # Then each form has its page, in the order the family visits the counters, and two take-home pages follow
    assert [f.form_id for f in report.forms] == MOVE_IN_FORMS
    assert [f.page_numbers for f in report.forms] == [(n,) for n in range(1, 13)]
    assert report.pages == len(family_bundle.reader().pages) == 14
    assert "お手続きのご案内" in family_bundle.lines(13)
    # And nothing required is left empty and nothing printed as 〓
    assert all(f.missing == () for f in report.forms)
    assert report.unprintable == ()
    assert report.forms[0].procedure_ids == ("juminido_move_in",)


def test_every_filled_value_comes_back_from_the_pdf_character_for_character(family_bundle: Rendered,
                                                                          catalog: Catalog) -> None:
    sheets = form_sheets(family_bundle.household, family_bundle.plan, catalog, ISSUED)
    for sheet, form in zip(sheets, family_bundle.report.forms):
        lines = [line for page in form.page_numbers for line in family_bundle.lines(page)]
        expected = [c.text for c in sheet.fields] + [c.text for r in sheet.rows for c in r.cells]
        expected += [r.kana for r in sheet.rows if any(c.source == "member.name" for c in sheet.columns)]
        for text in filter(None, expected):
            assert text in lines, f"{sheet.form.id}: {text!r} not printed"
        assert "届出日　令和8年4月1日" in lines or sheet.form.template


def test_the_main_form_reads_as_filled(family_bundle: Rendered) -> None:
    lines = family_bundle.lines(1)
    assert lines[:4] == ["見本市　市民課（1番窓口）", VISIT, "住民異動届", "転入・転出・転居・世帯主変更"]
    for row in (["1", "ヤマダ　タロウ", "山田　太郎", "昭和56年5月10日", "男", "世帯主", "日本"],
                ["4", "ヤマダ　キヨ", "山田　キヨ", "昭和25年12月1日", "女", "母", "日本"]):
        start = lines.index(row[0], lines.index("筆頭者"))
        assert lines[start:start + len(row)] == row
    assert "宮城県仙台市青葉区一番町3丁目2番1号" in lines and "コーポ見本101" in lines


def test_every_font_is_embedded_so_no_viewer_substitutes_one(family_bundle: Rendered) -> None:
    fonts = embedded_fonts(family_bundle.reader())
    assert fonts and all(fonts.values()), fonts
    assert {name.split("+")[-1] for name in fonts} == {"IPAexGothic", "IPAexMincho"}


def test_markup_in_names_and_addresses_prints_literally(tmp_path: Path, catalog: Catalog) -> None:
    # Given names and an address that look like markup
    doc = household_doc("family_move_in")
    doc["members"][0].update(family="<b>山田", given="&amp;太郎")
    doc["new"]["address"] = "<font size=90>北海道見本市</font> & <br/>1番地"
    rendered = render(tmp_path, "markup", catalog, doc)
    # Then they are printed exactly as typed, never interpreted
    lines = rendered.lines(1)
    assert "<b>山田　&amp;太郎" in lines
    assert "<font size=90>北海道見本市</font> & <br/>1番地" in lines


def test_control_and_direction_characters_are_refused_before_printing() -> None:
    doc = household_doc("family_move_in")
    doc["members"][1]["given"] = "花\u202e子"
    with pytest.raises(InvalidInput) as caught:
        household_of(doc)
    assert caught.value.problems[0].path == "members[1].given"


def test_a_character_the_fonts_lack_prints_as_geta_and_is_reported(tmp_path: Path, catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    doc["members"][1]["given"] = "𠮷子"
    rendered = render(tmp_path, "gaiji", catalog, doc)
    assert [p.path for p in rendered.report.unprintable] == ["members[1].given"]
    assert "山田　〓子" in rendered.lines(1)


def test_an_each_member_procedure_gives_a_page_per_person(family_bundle: Rendered) -> None:
    cards = [f for f in family_bundle.report.forms if f.form_id == "mynumber"]
    assert [family_bundle.lines(f.page_numbers[0]).count("山田　花子") for f in cards] == [0, 1]
    assert "山田　太郎" in family_bundle.lines(cards[0].page_numbers[0])


def _death_of_head_with_new_head() -> dict[str, Any]:
    """The death of the head, as a KKN2 code names it: the deceased, and the new head the family chose."""
    return household_doc("death_of_head") | {"v": 2, "subjects": [0], "new_head": 1}


def test_a_household_procedure_lists_every_member(tmp_path: Path, catalog: Catalog) -> None:
    # Given the head of a household of three dies, the head change (household scope) lists all three
    rendered = render(tmp_path, "death_of_head", catalog, _death_of_head_with_new_head())
    head_change = next(f for f in rendered.report.forms if f.procedure_ids == ("head_change",))
    lines = rendered.lines(head_change.page_numbers[0])
    assert {"高橋　正男", "高橋　和子", "高橋　美咲"} <= set(lines)
    assert "世帯主変更" in lines
    # and names the new head the family told, under the old one
    assert "高橋　和子" in lines[lines.index("新しい世帯主") + 1:]


def test_the_head_change_never_names_a_head_the_app_chose(tmp_path: Path, catalog: Catalog) -> None:
    # Given a code that does not say who becomes head
    rendered = render(tmp_path, "death_of_head", catalog)
    head_change = next(f for f in rendered.report.forms if f.procedure_ids == ("head_change",))
    # Then the form says the new head is missing (the interview asks it) rather than guessing
    assert head_change.missing == ("新しい世帯主",)


def test_a_long_member_table_continues_on_further_pages(tmp_path: Path, catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    extra = doc["members"][2]
    doc["members"] += [extra | {"given": f"子{n}", "given_kana": "コ"} for n in range(16)]
    rendered = render(tmp_path, "twenty", catalog, doc)
    main = rendered.report.forms[0]
    assert main.form_id == "juminido" and len(main.page_numbers) >= 3
    numbers = [line for p in main.page_numbers for line in rendered.lines(p) if line.isdigit()]
    assert numbers == [str(n) for n in range(1, 21)]
    assert rendered.lines(main.page_numbers[-1])[-1] == f"{len(main.page_numbers)} / {len(main.page_numbers)} 枚"


def test_an_a3_form_is_printed_on_a3(tmp_path: Path, catalog_copy: Path) -> None:
    shimin = catalog_copy / "forms" / "shimin.toml"
    shimin.write_text(shimin.read_text(encoding="utf-8").replace(
        'title = "住民異動届"', 'title = "住民異動届"\npaper = "A3"', 1), encoding="utf-8")
    rendered = render(tmp_path, "family_move_in", load_catalog(catalog_copy))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in rendered.reader().pages]
    assert sizes[0] == tuple(round(v) for v in PAPER["A3"]) and sizes[1] == tuple(round(v) for v in PAPER["A4"])


def test_a_required_field_left_empty_is_reported(tmp_path: Path, catalog_copy: Path) -> None:
    shimin = catalog_copy / "forms" / "shimin.toml"
    shimin.write_text(shimin.read_text(encoding="utf-8").replace(
        '{ source = "notifier.phone", label = "連絡先電話番号", width = 0.5, required = false }',
        '{ source = "notifier.phone", label = "連絡先電話番号", width = 0.5 }', 1), encoding="utf-8")
    doc = household_doc("family_move_in")
    doc.pop("phone")
    rendered = render(tmp_path, "no_phone", load_catalog(catalog_copy), doc)
    assert rendered.report.forms[0].missing == ("連絡先電話番号",)


def test_a_visit_id_that_could_carry_anything_else_is_refused(catalog: Catalog) -> None:
    household = household_of(household_doc("family_move_in"))
    with pytest.raises(InvalidInput) as caught:
        render_bundle(household, plan_of(household, catalog), catalog, io.BytesIO(), visit_id="山田 太郎",
                      issued=ISSUED)
    assert caught.value.problems[0].path == "visit_id"


def test_the_bundle_can_be_written_to_a_stream(catalog: Catalog) -> None:
    household = household_of(household_doc("single_move_within"))
    out = io.BytesIO()
    report = render_bundle(household, plan_of(household, catalog), catalog, out, visit_id=VISIT, issued=ISSUED)
    assert len(PdfReader(io.BytesIO(out.getvalue())).pages) == report.pages


def test_split_writes_one_file_per_form_and_the_take_home_sheet_last(tmp_path: Path, family_bundle: Rendered,
                                                                    catalog: Catalog) -> None:
    files = render_split(family_bundle.household, family_bundle.plan, catalog, tmp_path / "split", visit_id=VISIT,
                         issued=ISSUED)
    assert [f.name for f in files] == [f"{n:02d}_{form}.pdf" for n, form in enumerate(MOVE_IN_FORMS, 1)] + [
        "13_takehome.pdf"]
    assert [len(PdfReader(f).pages) for f in files] == [1] * 12 + [2]
    assert PdfReader(files[4]).pages[0].extract_text() == family_bundle.reader().pages[4].extract_text()


@pytest.mark.parametrize(("page", "form_id"), [(1, "juminido"), (5, "kokuho"), (12, "inu_overlay")])
def test_the_qr_carries_only_the_visit_form_and_page(family_bundle: Rendered, tmp_path: Path, page: int,
                                                     form_id: str) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-f", str(page), "-l", str(page), "-png",
                    str(family_bundle.path), str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*.png")))
    texts = [b.text for b in zxingcpp.read_barcodes(image)]
    assert texts == [f"KKV1:{VISIT}:{form_id}:{page}"]


def _birth_as_interviewed() -> dict[str, Any]:
    """The demo birth code and what the interview adds: the mother (not in the father's household), the
    newborn's 父母との続柄 and who claims 児童手当."""
    doc = household_doc("birth") | {"v": 2, "subjects": [1], "birth": {"mother": "鈴木 美咲"},
                                    "child_allowance": {"claimant": 0}}
    doc["members"][1]["birth_order"] = 1
    return doc


def test_every_life_event_renders(tmp_path: Path, catalog: Catalog) -> None:
    completed = {"death_of_head": _death_of_head_with_new_head(), "birth": _birth_as_interviewed()}
    for name in ("birth", "marriage", "single_move_within", "death_of_head"):
        rendered = render(tmp_path, name, catalog, completed.get(name))
        assert rendered.report.pages == len(rendered.reader().pages) > len(rendered.report.forms)
        missing = {f.form_id: f.missing for f in rendered.report.forms if f.missing}
        # every required box is filled (a newborn's insurance columns are optional in the catalog)
        assert missing == {}, name


def test_a_value_too_long_for_its_box_shrinks_then_wraps_inside_it(tmp_path: Path, catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    long_address = "北海道見本市北1条西1丁目1番地" + "見本ビル" * 20 + "の奥"
    doc["new"]["building"] = long_address
    rendered = render(tmp_path, "long", catalog, doc)
    sheet = form_sheets(rendered.household, rendered.plan, catalog, ISSUED)[0]
    box = next(b for b in page_layouts(sheet)[0].fields if b.cell.source == "new.building").value
    inside = [text for text, x, y in text_positions(rendered.reader(), 1) if box.contains(x, y)]
    assert "".join(inside) == long_address and len(inside) > 1


def test_markup_that_reportlab_would_act_on_prints_literally_on_every_page(tmp_path: Path, catalog: Catalog) -> None:
    # Given names and an address holding what reportlab's Paragraph markup would act on (a file, a link, a font)
    doc = household_doc("single_move_within")
    doc["members"][0].update(family='<img src="/etc/passwd"/>', given='<a href="http://x">健</a>')
    doc["old"]["head"] = '<font name="Courier">佐藤</font>'
    rendered = render(tmp_path, "markup_everywhere", catalog, doc)
    # Then pdftotext finds them as typed on the forms and on the take-home sheet, and no file was embedded
    text = subprocess.run(["pdftotext", "-layout", str(rendered.path), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    assert '<imgsrc="/etc/passwd"/><ahref="http://x">健</a>様' in flat  # the take-home sheet's greeting
    assert '<fontname="Courier">佐藤</font>' in flat
    assert all("/Image" not in str(page.get("/Resources", {}).get("/XObject", {})) for page in rendered.reader().pages)
