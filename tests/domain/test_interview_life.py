"""The interview for a death, a birth and a marriage asks each new fact only when a chosen procedure
needs it, and the answers reach the household (document v = 2)."""

from __future__ import annotations

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.interview import Interview
from kakanai.domain.problems import InvalidInput
from tests.conftest import household_doc


def _from_code(catalog: Catalog, name: str) -> Interview:
    return Interview(catalog, draft_from_household(parse_household(household_doc(name)).household))


def _paths(interview: Interview) -> list[str]:
    return [q.path for q in interview.questions()]


def test_a_death_code_asks_whether_the_deceased_received_a_pension(catalog: Catalog) -> None:
    # Given the KKN1 code of an 82-year-old head who died (no children in the household)
    interview = _from_code(catalog, "death_of_head")
    paths = _paths(interview)
    # Then his age is not taken as proof: whether he received a pension is asked, of him only
    assert "members[0].pensioner" in paths
    assert not any(p.endswith(".pensioner") for p in paths if not p.startswith("members[0]"))
    # And nothing about the 児童手当 is asked where no child is left
    assert not any(p.endswith(".allowance") or p.startswith("child_allowance") for p in paths)
    question = next(q for q in interview.questions() if q.path == "members[0].pensioner")
    assert question.label.startswith("高橋　正男さんの年金を受けていたか")
    # When the clerk answers yes, the 未支給年金 claim is planned
    interview.answer("members[0].pensioner", "はい")
    assert "pension_death" in interview.plan().ids()


def test_a_death_interview_asks_time_and_place_and_keeps_them(catalog: Catalog) -> None:
    # Given an interview (no code) for the death of a man living alone, filed by his daughter
    interview = Interview(catalog)
    for path, value in (("event", "死亡"), ("date", "2026-03-28"), ("member_count", "1")):
        interview.answer(path, value)
    for path, value in (("members[0].family", "高橋"), ("members[0].given", "正男"),
                        ("members[0].family_kana", "タカハシ"), ("members[0].given_kana", "マサオ"),
                        ("members[0].birth", "1944-03-15"), ("members[0].sex", "男"),
                        ("members[0].relation", "世帯主"), ("notifier", 0)):
        interview.answer(path, value)
    paths = _paths(interview)
    # Then the 死亡届's time and place are asked (optional), the time in the clerk's words
    assert {"death.time", "death.place"} <= set(paths)
    interview.answer("death.time", "午後2時30分")
    interview.answer("death.place", "見本市立病院")
    assert interview.answers["death.time"] == "14:30"
    # And the answers reach the household
    for question in interview.questions():
        if question.spec.optional:
            interview.answer(question.path, "")
        elif question.spec.kind == "bool":
            interview.answer(question.path, "いいえ")
        elif question.spec.kind == "choice":
            interview.answer(question.path, question.spec.choices[0][0])
    household = interview.household().household
    assert household.death is not None and (household.death.time, household.death.place) == ("14:30", "見本市立病院")


@pytest.mark.parametrize("raw", ["25:00", "午前13時", "あさ"])
def test_a_time_that_is_not_one_is_refused(catalog: Catalog, raw: str) -> None:
    interview = Interview(catalog)
    interview.answer("event", "death")
    with pytest.raises(InvalidInput):
        interview.answer("death.time", raw)


def test_a_marriage_code_asks_whose_surname_the_couple_takes(catalog: Catalog) -> None:
    # Given the KKN1 code of a couple, both Japanese, the wife with a card
    doc = household_doc("marriage")
    doc["members"][1].update(nationality=None, family="鈴木", card=True)
    interview = Interview(catalog, draft_from_household(parse_household(doc).household))
    # Then whose surname they take is asked, once
    assert _paths(interview).count("marriage.surname_of") == 1
    # When they take his, only her card and her 国保 name change follow
    interview.answer("marriage.surname_of", 0)
    planned = {item.id: item.subjects for item in interview.plan().items}
    assert planned["mynumber_card_update_marriage"] == (1,)
    assert "nhi_name_change" not in planned  # she is on 被用者保険; he keeps his name


def test_a_birth_asks_the_newborns_time_of_birth_not_the_parents(catalog: Catalog) -> None:
    interview = Interview(catalog)
    for path, value in (("event", "birth"), ("date", "2026-05-20"), ("member_count", "2")):
        interview.answer(path, value)
    interview.answer("members[1].birth", "2026-05-20")
    interview.answer("members[0].birth", "1990-07-07")
    paths = _paths(interview)
    assert "members[1].birth_time" in paths and "members[0].birth_time" not in paths
