"""What forms print: the head after a death is the surviving spouse, not the deceased."""

from __future__ import annotations

from kakanai.domain.household_doc import parse_household
from kakanai.domain.sources import source_text
from tests.conftest import household_doc


def test_after_the_heads_death_the_spouse_is_the_new_head() -> None:
    household = parse_household(household_doc("death_of_head")).household
    assert source_text("head.name", household) == "高橋　和子"


def test_without_a_spouse_the_eldest_remaining_member_becomes_head() -> None:
    doc = household_doc("death_of_head")
    doc["members"][1]["relation"] = "母"
    doc["members"][2]["birth"] = "1940-01-01"
    assert source_text("head.name", parse_household(doc).household) == "高橋　美咲"


def test_in_any_other_event_the_head_stays() -> None:
    assert source_text("head.name", parse_household(household_doc("family_move_in")).household) == "山田　太郎"
