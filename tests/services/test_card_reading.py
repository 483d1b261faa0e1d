"""The card's four facts as interview answers (no reader here: tests/card drives the real stack)."""

from __future__ import annotations

from datetime import date

from kakanai.card.protocol import BasicFour
from kakanai.domain.catalog import Catalog
from kakanai.services.card_reading import address_from_card, answers_from_card
from kakanai.services.postal import PostalDirectory

FACTS = BasicFour("佐藤", "健", "北海道見本市北４条東２丁目５番地", date(1996, 2, 29), "M")


def test_a_move_takes_the_card_address_as_the_one_left_with_its_postal_code(catalog: Catalog) -> None:
    answers = answers_from_card(FACTS, 0, "move_within", PostalDirectory(catalog.postal_book))
    assert answers == {"members[0].family": "佐藤", "members[0].given": "健", "members[0].birth": "1996-02-29",
                       "members[0].sex": "M", "members[0].card": True,
                       "old.address": "北海道見本市北４条東２丁目５番地", "old.postal": "090-0024",
                       "old.building": ""}  # the card prints the registered address whole, 方書 included


def test_before_the_event_is_known_the_card_gives_no_address(catalog: Catalog) -> None:
    """Read first (F7 opens the visit): the window applies the address once the event is a move."""
    assert "old.address" not in answers_from_card(FACTS, 0, None, PostalDirectory(catalog.postal_book))
    assert address_from_card(FACTS, "move_out", PostalDirectory(catalog.postal_book))["old.address"] == FACTS.address
    assert address_from_card(FACTS, "death", PostalDirectory(catalog.postal_book)) == {}


def test_a_birth_takes_no_address_and_sex_nine_is_asked(catalog: Catalog) -> None:
    answers = answers_from_card(BasicFour("佐藤", "健", "x", date(1996, 2, 29), ""), 1, "birth", PostalDirectory(catalog.postal_book))
    assert "old.address" not in answers and "members[1].sex" not in answers and answers["members[1].family"] == "佐藤"


def test_a_card_from_another_city_gives_the_postal_code_of_the_address_left(catalog: Catalog) -> None:
    """A 転入: the card still holds the address in the city left; Japan's list gives its code."""
    facts = BasicFour("佐藤", "健", "北海道札幌市中央区大通西２２丁目１番地", date(1996, 2, 29), "M")
    assert address_from_card(facts, "move_in", PostalDirectory(catalog.postal_book))["old.postal"] == "064-0820"
