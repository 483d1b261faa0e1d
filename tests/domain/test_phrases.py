"""Why a plan item is there is data (a phrase's code and values), worded from one Japanese table."""

from __future__ import annotations

import string

from kakanai.domain.draft import Draft, from_document
from kakanai.domain.facts import HOUSEHOLD_FACTS, MEMBER_FACTS
from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.domain.phrases import _PHRASES, _SILENT, PHRASE_TEXTS, PLAIN_FACTS, Phrase, ReasonLine
from kakanai.domain.planner import plan
from tests.conftest import household_doc


def _draft(name: str) -> Draft:
    """An example household as the counter holds it."""
    return from_document(household_to_document(parse_household(household_doc(name)).household))


def test_every_fact_has_words_of_its_own() -> None:
    # A new fact must say itself in PHRASE_TEXTS (and so get English in scripts/translations.py),
    # not fall back to its bare label
    facts = {*MEMBER_FACTS, *HOUSEHOLD_FACTS}
    assert PLAIN_FACTS == [] and facts <= {*_PHRASES, *_SILENT}


def test_each_phrase_has_its_own_japanese() -> None:
    # The UI finds a phrase's words by its Japanese text: two codes with one text could not differ in English
    assert len(set(PHRASE_TEXTS.values())) == len(PHRASE_TEXTS)
    for code, text in PHRASE_TEXTS.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        assert fields <= {str(n) for n in range(4)}, code


def test_a_line_names_its_member_or_calls_them_by_their_place() -> None:
    assert ReasonLine((Phrase("age", (75,)), Phrase("insurance.nhi")), 0, "山田　キヨ").text() == "山田　キヨ: 75歳、国民健康保険に加入中"
    assert ReasonLine((Phrase("dogs", (2,)),), 1).text() == "世帯員2: 犬 2頭"
    assert ReasonLine((Phrase("old_same_prefecture.no"),)).text() == "他の都道府県からの転入"


def test_a_plan_carries_its_reasons_as_codes_and_values(catalog) -> None:  # type: ignore[no-untyped-def]
    # Given a family moving in, When it is planned, Then every reason is a phrase of the table
    draft = _draft("family_move_in")
    items = plan(draft, catalog).items
    codes = {p.code for item in items for line in item.said for p in line.phrases}
    assert codes <= set(PHRASE_TEXTS) and "event.move_in" in codes
    assert any(line.member is not None and line.name for item in items for line in item.said)
