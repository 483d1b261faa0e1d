"""Why the interview asks is data (a kind and the city's title), worded in Japanese in one place."""

from __future__ import annotations

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.interview import Interview
from kakanai.domain.phrases import REASON_TEXTS, reason_text
from kakanai.domain.questions import Reason, Why
from tests.conftest import household_doc


def test_an_empty_interview_asks_the_basics_of_every_notification(catalog: Catalog) -> None:
    questions = Interview(catalog).questions()
    assert {q.why for q in questions} == {Reason(Why.BASICS)}
    assert questions[0].reason == "届出に必要な基本事項"


def test_a_family_moving_in_without_the_wife_s_insurance_is_asked_to_decide_and_to_fill_in(catalog: Catalog) -> None:
    # Given a family of four moving in by QR code, the wife's health insurance left out
    doc = household_doc("family_move_in")
    doc["members"][1]["insurance"] = None
    interview = Interview(catalog, draft_from_household(parse_household(doc).household))
    # When the interview asks what is missing
    insurance, claimant = interview.questions()
    # Then her insurance decides a procedure, named by its title as the city wrote it
    decide = next(p for p in catalog.procedures if p.title == insurance.why.title)
    assert insurance.why.why is Why.DECIDE and insurance.reason == f"「{decide.title}」が必要か判断するため"
    # And the claimant is asked for a form, named by its title, with the person's name beside the question
    assert claimant.why.why is Why.FILL and claimant.why.title in {f.title for f in catalog.forms.values()}
    assert claimant.reason == f"「{claimant.why.title}」に記入するため"
    assert insurance.person == "山田　花子" and claimant.person == ""


def test_an_answered_question_asked_again_is_asked_to_change_it(catalog: Catalog) -> None:
    interview = Interview(catalog)
    interview.answer("event", "転入")
    assert interview.question("event").why == Reason(Why.CHANGE) and interview.question("event").reason == "変更する"


def test_every_kind_of_reason_has_its_words_and_a_title_is_never_read_as_a_template() -> None:
    assert set(REASON_TEXTS) == set(Why)
    assert reason_text(Reason(Why.FILL, "{title}の届 {0}")) == "「{title}の届 {0}」に記入するため"
