"""外字 before printing: every character the fonts lack, named by person, field and code point."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

from kakanai.domain.catalog import Catalog, load_catalog
from kakanai.domain.household import OutsideNotifier
from kakanai.pdf.bundle import check_printable
from tests.conftest import household_doc
from tests.pdf.helpers import household_of


def test_a_household_the_fonts_can_print_has_no_problem(catalog: Catalog) -> None:
    for name in ("family_move_in", "birth", "death_of_head", "marriage", "single_move_within"):
        assert check_printable(household_of(household_doc(name)), catalog) == [], name


def test_a_rare_kanji_in_a_given_name_is_reported_with_the_person_and_the_character(catalog: Catalog) -> None:
    # Given the wife's name is written with 𠮷 (つちよし), which IPAex lacks
    doc = household_doc("family_move_in")
    doc["members"][1]["given"] = "𠮷子"
    problems = check_printable(household_of(doc), catalog)
    # Then the clerk learns whose name, which field and which character, before anything is printed
    assert [p.path for p in problems] == ["members[1].given"]
    message = problems[0].message_ja
    assert "山田　𠮷子（2人目）の名" in message and "「𠮷」（U+20BB7）" in message and "外字" in message
    assert problems[0].message_en == "character U+20BB7 is not in the IPAex fonts"


def test_addresses_and_an_outside_notifier_are_checked_too(catalog: Catalog) -> None:
    household = household_of(household_doc("death_of_head"))
    notifier = household.notifier
    assert isinstance(notifier, OutsideNotifier)
    household = replace(household, notifier=replace(notifier, given="𠮷"),
                        new=replace(household.new, building="𠮷荘"))
    assert [p.path for p in check_printable(household, catalog)] == ["new.building", "notifier.given"]


def test_a_control_character_slipped_past_validation_is_reported_as_such(catalog: Catalog) -> None:
    household = household_of(household_doc("family_move_in")).with_member(0, family="山\u202e田")
    problem = check_printable(household, catalog)[0]
    assert problem.path == "members[0].family"
    assert "制御文字（U+202E）" in problem.message_ja and "[U+202E]" in problem.message_ja


def test_catalog_wording_the_fonts_lack_is_reported_against_the_catalog(catalog_copy: Path) -> None:
    head = catalog_copy / "catalog.toml"
    head.write_text(head.read_text(encoding="utf-8").replace('name = "見本市"', 'name = "𠮷野市"'), encoding="utf-8")
    problems = check_printable(household_of(household_doc("single_move_within")), load_catalog(catalog_copy))
    assert [p.path for p in problems] == ["city.name"]


def test_every_text_a_form_prints_is_checked_not_only_names_and_addresses(catalog: Catalog) -> None:
    # Given a code whose 本籍, 筆頭者, 父の氏名, 在留資格 and 死亡したところ hold characters the fonts lack
    doc = household_doc("death_of_head") | {"v": 2, "subjects": [0], "death": {"place": "𠮷野病院", "mourner": "髙\u200d橋"}}
    doc["members"][1] |= {"domicile": "北海道𠮷野町1番地", "domicile_head": "高橋\u200e正男", "father": "𠮷田一郎",
                          "residence": {"status": "永住者\ue000"}}
    problems = check_printable(household_of(doc), catalog)
    # Then each is named before anything is printed (before, they printed as 〓 without a word)
    assert {p.path for p in problems} >= {"members[1].domicile", "members[1].domicile_head", "members[1].father",
                                          "members[1].residence.status", "death.place", "death.mourner"}
    assert next(p for p in problems if p.path == "death.place").message_ja.startswith("死亡したところ「𠮷野病院」")


def test_a_private_use_character_is_called_a_gaiji_not_a_control_character(catalog: Catalog) -> None:
    # Given a name copied from a city system that keeps its 外字 in the private-use area
    household = household_of(household_doc("family_move_in")).with_member(0, family="\ue000田")
    [problem] = check_printable(household, catalog)
    assert "外字（私用領域の文字 U+E000）" in problem.message_ja and "制御文字" not in problem.message_ja


def test_combining_marks_stacked_on_a_name_are_named_before_printing_not_echoed(catalog: Catalog) -> None:
    # Given a code whose 氏 carries forty accents on one character (printed, the name shrinks to dots)
    # and whose 名 starts with an accent that sits on nothing
    household = household_of(household_doc("family_move_in")).with_member(
        0, family="山" + "\u0301\u0300\u0302\u0303" * 10 + "田", given="\u0301太郎")
    problems = check_printable(household, catalog)
    # Then both are named by person, field and code point, and the message holds no mark to stack on screen
    assert [p.path for p in problems] == ["members[0].family", "members[0].given"]
    assert "山田　太郎（1人目）の氏に、前の字に重ねる記号（結合文字 U+0302 など）が3つ以上重ねてあります" in problems[0].message_ja
    assert "山田　太郎（1人目）の名の先頭に、前の字に重ねる記号（結合文字 U+0301）があります" in problems[1].message_ja
    assert not any(unicodedata.combining(c) for p in problems for c in p.message_ja)


def test_a_voiced_mark_written_apart_is_no_stack(catalog: Catalog) -> None:
    # Given kana typed on a phone that keeps the 濁点 apart (NFD), two marks on one kana at most
    household = household_of(household_doc("family_move_in")).with_member(0, family_kana="ヤマタ\u3099", given="太郎")
    assert check_printable(household, catalog) == []
