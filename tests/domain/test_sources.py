"""What forms print: the head after a death is the surviving spouse, not the deceased."""

from __future__ import annotations

from kakanai.domain.household_doc import parse_household
from kakanai.domain.sources import source_text
from tests.conftest import household_doc


def test_after_the_heads_death_the_new_head_is_the_one_the_family_named() -> None:
    doc = household_doc("death_of_head") | {"v": 2, "subjects": [0], "new_head": 2}
    assert source_text("head.name", parse_household(doc).household) == "高橋　美咲"


def test_after_the_heads_death_the_app_names_no_head_it_would_have_to_choose() -> None:
    # Given the head's widow and their adult daughter stay: either may become head (世帯主変更届)
    household = parse_household(household_doc("death_of_head")).household
    assert source_text("head.name", household) == ""


def test_the_only_member_aged_15_or_over_who_stays_is_head_by_law() -> None:
    # Given the head's widow stays with a child of 10: she is head without a 世帯主変更届
    doc = household_doc("death_of_head")
    doc["members"][2]["birth"] = "2016-01-01"
    assert source_text("head.name", parse_household(doc).household) == "高橋　和子"


def test_in_any_other_event_the_head_stays() -> None:
    assert source_text("head.name", parse_household(household_doc("family_move_in")).household) == "山田　太郎"
