"""The postal code of a full address (the My Number card's 住所), from a city's list written like
日本郵便's KEN_ALL: a 町域 with one code, or split by 丁目/番地 ranges in brackets."""

from __future__ import annotations

import pytest

from kakanai.domain.postal import PostalArea, PostalBook, split_town

SAPPORO = [PostalArea("060-0042", "北海道札幌市中央区大通西", "1～19丁目"),
           PostalArea("064-0820", "北海道札幌市中央区大通西", "20～28丁目"),
           PostalArea("060-0000", "北海道札幌市中央区", "以下に掲載がない場合"),
           PostalArea("060-0001", "北海道札幌市中央区北一条西"),
           PostalArea("064-0941", "北海道札幌市中央区旭ケ丘"),
           PostalArea("099-1111", "北海道見本町栄", "1～3・5丁目"),
           PostalArea("099-1112", "北海道見本町栄", "4、6丁目"),
           PostalArea("099-2000", "北海道見本町本郷", "1～100番地"),
           PostalArea("099-2001", "北海道見本町本郷", "その他"),
           PostalArea("099-3000", "北海道見本町川", "次のビルを除く"),
           PostalArea("099-3001", "北海道見本町川", "1階"),
           PostalArea("099-4000", "北海道見本町谷"),
           PostalArea("099-4001", "北海道見本町谷")]


@pytest.mark.parametrize(("address", "code"), [
    ("北海道札幌市中央区大通西５丁目１番地", "060-0042"),  # full-width digits, as on the card
    ("北海道札幌市中央区大通西19丁目", "060-0042"),
    ("北海道札幌市中央区大通西２０丁目３番", "064-0820"),
    ("北海道札幌市中央区大通西二十二丁目", "064-0820"),  # 漢数字
    ("北海道 札幌市中央区　旭ケ丘３丁目", "064-0941"),  # spaces as a clerk or a card may write them
    ("北海道見本町栄５丁目", "099-1111"),
    ("北海道見本町栄６丁目２番", "099-1112"),
    ("北海道見本町本郷８８番地", "099-2000"),
    ("北海道見本町本郷５００番地", "099-2001"),  # no range covers it: KEN_ALL's その他
])
def test_the_town_and_its_number_pick_the_code(address: str, code: str) -> None:
    assert PostalBook(SAPPORO).code_of(address) == code


@pytest.mark.parametrize(("address", "why"), [
    ("北海道札幌市中央区大通西", "the address does not say which 丁目"),
    ("北海道札幌市中央区大通西３０丁目", "no range covers it and there is no その他"),
    ("北海道札幌市中央区北１条西２丁目", "北1条西 is not how KEN_ALL writes 北一条西: never the city's catch-all code"),
    ("北海道札幌市中央区宮の森１条", "a town the list does not have: not the city's 以下に掲載がない場合"),
    ("北海道見本町川１丁目", "a bracket this reader does not understand"),
    ("北海道見本町谷２丁目", "two codes for one 町域 with nothing to tell them apart"),
    ("東京都千代田区千代田１番１号", "another city"),
])
def test_where_the_list_cannot_tell_it_says_nothing(address: str, why: str) -> None:
    assert PostalBook(SAPPORO).code_of(address) == "", why


def test_a_code_gives_its_town_without_the_bracket() -> None:
    book = PostalBook(SAPPORO)
    assert book.town("064-0820") == "北海道札幌市中央区大通西"
    assert book.town("060-0000") == "北海道札幌市中央区"  # the catch-all still names its town
    assert book.town("100-0001") == ""
    assert book.knows("北海道札幌市中央区旭ケ丘１丁目") and not book.knows("北海道札幌市中央区宮の森")


def test_kenall_brackets_are_kept_apart() -> None:
    assert split_town("北1条西（1～9丁目）") == ("北1条西", "1～9丁目")
    assert split_town("大通西(20〜28丁目)") == ("大通西", "20〜28丁目")
    assert split_town(" 美山町 ") == ("美山町", "")
