"""The fonts: both IPAex faces embedded, and the characters they lack (外字) found before printing."""

from __future__ import annotations

from kakanai.pdf.fonts import GETA, GOTHIC, MINCHO, is_printable, printable, register_fonts, unprintable


def test_both_fonts_register_once() -> None:
    assert register_fonts() == (GOTHIC, MINCHO)
    assert register_fonts() == (GOTHIC, MINCHO)


def test_a_rare_name_kanji_the_fonts_lack_is_found() -> None:
    # 𠮷 (U+20BB7, つちよし) is outside IPAex; 髙 and 﨑 (IBM extensions) are inside
    assert unprintable("𠮷野　髙﨑") == ["𠮷"]
    assert unprintable("山田　太郎 ﾊﾅｺ <b>&amp;") == []


def test_each_missing_character_is_listed_once_in_order() -> None:
    # 𩸽 (U+29E3D, ほっけ) is beyond the BMP yet in IPAex (JIS X 0213): only 𠮷 and the mark are missing
    assert unprintable("𠮷𩸽𠮷\u202e") == ["𠮷", "\u202e"]


def test_control_and_direction_marks_never_count_as_printable() -> None:
    assert not is_printable("\u202e") and not is_printable("\n") and not is_printable("\u200b")
    assert is_printable("　") and is_printable("〓")


def test_printable_replaces_what_cannot_print_with_geta() -> None:
    assert printable("𠮷田\u202e") == f"{GETA}田{GETA}"
    assert printable("山田") == "山田"
