"""The interview asks only what is still missing, in a stable order, and never loses an answer."""

from __future__ import annotations

import pytest

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household, to_document
from kakanai.domain.household_doc import parse_household
from kakanai.domain.interview import Interview
from kakanai.domain.problems import InvalidInput
from tests.conftest import household_doc
from tests.domain.interviewing import answer_in_turn, from_answers, went_down
from tests.domain.procedure_table import household, person


def _paths(interview: Interview) -> list[str]:
    return [q.path for q in interview.questions()]


def _qr_interview(catalog: Catalog, name: str, **member_changes: dict) -> Interview:
    doc = household_doc(name)
    for index, changes in member_changes.items():
        doc["members"][int(index[1:])].update(changes)
    return Interview(catalog, draft_from_household(parse_household(doc).household))


def test_an_empty_interview_starts_with_the_event_date_and_headcount(catalog: Catalog) -> None:
    assert _paths(Interview(catalog)) == ["event", "date", "member_count"]


def test_a_complete_qr_needs_no_question_but_the_child_allowance_claimant(catalog: Catalog) -> None:
    # a KKN1 code cannot say who claims 児童手当 (the parent with the higher income): the 認定請求書 asks it
    interview = _qr_interview(catalog, "family_move_in")
    assert [(q.path, q.label) for q in interview.questions()] == [
        ("child_allowance.claimant", "児童手当の請求者（父母のうち所得の高い方）")]
    interview.answer("child_allowance.claimant", 1)
    assert _paths(interview) == []


def test_a_kkn2_code_naming_the_claimant_needs_no_question(catalog: Catalog) -> None:
    doc = household_doc("family_move_in") | {"v": 2, "child_allowance": {"claimant": 0}}
    assert _paths(Interview(catalog, draft_from_household(parse_household(doc).household))) == []


def test_a_move_in_qr_without_the_previous_address_asks_for_it(catalog: Catalog) -> None:
    doc = household_doc("family_move_in")
    doc.pop("old")
    interview = Interview(catalog, draft_from_household(parse_household(doc).household))
    assert _paths(interview) == ["old.postal", "old.address", "child_allowance.claimant"]


def test_a_qr_without_insurance_asks_only_for_that(catalog: Catalog) -> None:
    interview = _qr_interview(catalog, "family_move_in", m1={"insurance": None})
    questions = interview.questions()
    assert [q.path for q in questions] == ["members[1].insurance", "child_allowance.claimant"]
    assert questions[0].label == "山田　花子さんの今の健康保険"
    assert "国民健康保険 加入" in questions[0].reason


def test_answering_settles_the_plan(catalog: Catalog) -> None:
    interview = _qr_interview(catalog, "family_move_in", m1={"insurance": None})
    interview.answer("members[1].insurance", "被用者保険（社会保険）")
    # on an employee insurance, whether she is the insured person or a dependent decides her 国民年金 種別
    assert [q.path for q in interview.questions()] == ["members[1].insured", "child_allowance.claimant"]
    interview.answer("members[1].insured", "被扶養者（家族）")
    interview.answer("child_allowance.claimant", 0)
    assert interview.questions() == []
    nhi = next(item for item in interview.plan().items if item.id == "nhi_join")
    assert nhi.subjects == (0, 2)
    # a dependent spouse on an employee insurance is 第3号: her 国民年金 goes through the employer
    pension = next(item for item in interview.plan().items if item.id == "pension_address")
    assert pension.subjects == (0,)


def _interview_move_within(catalog: Catalog) -> Interview:
    interview = Interview(catalog)
    for path, answer in [("event", "転居"), ("date", "R8.6.15"), ("member_count", "１")]:
        interview.answer(path, answer)
    return interview


_MOVE_WITHIN_ANSWERS = {
    "new.postal": "０９０－００２４", "new.address": "北海道見本市北4条東2丁目5番地", "new.building": "メゾン北4条 203",
    "old.postal": "0900001", "old.address": "北海道見本市北1条西1丁目1番地", "old.building": "",
    "members[0].family": "佐藤", "members[0].given": "健", "members[0].family_kana": "さとう",
    "members[0].given_kana": "ｹﾝ", "members[0].birth": "4080229", "members[0].sex": "男",
    "members[0].relation": "世帯主", "members[0].insurance": "employee", "members[0].card": "はい",
    "old.head": "佐藤 健", "phone": "080-2222-3333",
}


def test_an_interview_only_move_within_asks_each_thing_once_in_order(catalog: Catalog) -> None:
    # Given a clerk who starts an interview for a move within the city of one person
    interview = _interview_move_within(catalog)
    # Then the addresses (with their 方書) come first, then the person, then what the rules need to
    # decide, then what the 住民異動届 prints: no 届出人 (one person), no dogs or mopeds (0 unless told)
    assert _paths(interview) == list(_MOVE_WITHIN_ANSWERS)
    # When every question is answered in turn (the old 方書 left empty)
    answer_in_turn(interview, lambda question: _MOVE_WITHIN_ANSWERS[question.path])
    # Then the household is complete, valid and normalised
    household = interview.household().household
    assert household.members[0].birth.isoformat() == "1996-02-29"
    assert household.members[0].full_kana == "サトウ　ケン"
    assert household.new.postal == "090-0024" and household.new.building == "メゾン北4条 203"
    assert household.old.building == "" and household.old.head == "佐藤 健" and household.phone == "080-2222-3333"
    assert household.notifier == 0 and (household.extras.dogs, household.extras.mopeds) == (0, 0)
    assert interview.plan().ids() == ["juminido_move_within", "mynumber_card_update"]


def test_the_remaining_count_only_goes_down(catalog: Catalog) -> None:
    # Given a move within of one person, interviewed from nothing
    interview = _interview_move_within(catalog)
    # When every question is answered in turn
    _, counts = answer_in_turn(interview, lambda question: _MOVE_WITHIN_ANSWERS[question.path])
    # Then the count shown never went up and ends at 0
    assert went_down(counts), counts
    assert counts[0] >= len(_MOVE_WITHIN_ANSWERS)


def test_a_family_s_remaining_count_only_goes_down_and_is_shown_once_the_shape_is_known(catalog: Catalog) -> None:
    # Given a family of three moving in, interviewed from nothing
    interview = Interview(catalog)
    assert interview.remaining() is None
    interview.answer("event", "転入")
    interview.answer("date", "R8.4.1")
    assert interview.remaining() is None  # how many people is not known yet
    interview.answer("member_count", "3")
    doc = household_doc("family_move_in") | {"v": 2, "child_allowance": {"claimant": 0}}
    answers = draft_from_household(parse_household(doc).household)
    _, counts = answer_in_turn(interview, from_answers(answers))
    assert went_down(counts), counts


@pytest.mark.parametrize(("event", "label"), [("move_in", "転入日"), ("move_out", "転出予定日"), ("move_within", "転居日"),
                                              ("birth", "出生日"), ("death", "死亡日"), ("marriage", "婚姻日")])
def test_the_date_is_asked_by_the_event_s_own_name(catalog: Catalog, event: str, label: str) -> None:
    interview = Interview(catalog)
    assert interview.questions()[1].label == "異動日"  # before the event is known
    interview.answer("event", event)
    assert interview.questions()[0].label == label


def test_one_person_is_the_notifier_two_are_asked_and_a_death_is_asked(catalog: Catalog) -> None:
    interview = _interview_move_within(catalog)
    assert "notifier" not in _paths(interview) and interview.draft["notifier"] == 0
    interview.answer("member_count", 2)
    assert "notifier" in _paths(interview)
    interview.answer("member_count", 1)
    interview.answer("event", "死亡")  # the one who died did not come to the counter
    assert "notifier" in _paths(interview)


def test_counts_are_0_unless_a_form_the_clerk_added_asks(catalog: Catalog) -> None:
    # Given a move within, fully answered: no dogs or mopeds asked, none planned
    interview = _interview_move_within(catalog)
    answer_in_turn(interview, lambda question: _MOVE_WITHIN_ANSWERS[question.path])
    assert "moped_address" not in interview.plan().ids()
    # When the clerk adds the moped's change of address (the resident mentions a moped)
    added = Interview(catalog, interview.base, {"moped_address": ()})
    added.answers = interview.answers
    # Then its form asks how many
    assert _paths(added) == ["extras.mopeds"]
    added.answer("extras.mopeds", "1")
    assert added.questions() == [] and added.household().household.extras.mopeds == 1


def test_optional_fields_are_not_asked_after_a_code(catalog: Catalog) -> None:
    # Given a code whose resident left the phone and 方書 empty
    doc = household_doc("single_move_within") | {"phone": ""}
    doc["new"]["building"] = ""
    interview = Interview(catalog, draft_from_household(parse_household(doc).household))
    # Then nothing is asked: what they left empty stays empty
    assert _paths(interview) == []


def test_going_back_loses_no_answer(catalog: Catalog) -> None:
    interview = _interview_move_within(catalog)
    interview.answer("member_count", 2)
    interview.answer("members[1].family", "佐藤")
    interview.answer("members[1].given", "愛")
    interview.answer("member_count", 1)  # the clerk goes back: only one person after all
    assert not any(p.startswith("members[1]") for p in _paths(interview))
    interview.answer("member_count", 2)  # …and back again
    assert "members[1].family" not in _paths(interview)
    assert interview.draft["members[1].given"] == "愛"


def test_changing_the_event_recomputes_what_is_needed(catalog: Catalog) -> None:
    interview = _interview_move_within(catalog)
    interview.answer("event", "move_out")
    paths = _paths(interview)
    assert "old.address" in paths and "new.address" in paths  # 転出先 belongs on the 転出届
    interview.answer("event", "birth")
    paths = _paths(interview)
    assert not any(p.startswith("old.") for p in paths)  # no previous address: nobody moved
    assert "new.address" in paths  # where the household lives, printed on the 出生届 and the others


@pytest.mark.parametrize(
    ("path", "answer", "words"),
    [
        ("date", "令和8年2月30日", "存在しない日付"),
        ("date", "昨日", "日付として読めません"),
        ("date", "", "未入力"),
        ("member_count", "0", "1から20"),
        ("member_count", "たくさん", "1から20"),
        ("members[0].family_kana", "Sato", "カタカナ"),
        ("members[0].sex", "X", "男・女"),
        ("members[0].card", "たぶん", "はい"),
        ("new.postal", "12-34", "7桁"),
        ("members[0].family", "佐\u202e藤", "制御文字"),
        ("notifier", "5", "世帯員"),
    ],
)
def test_a_wrong_answer_gets_a_clear_message_and_is_not_recorded(
    catalog: Catalog, path: str, answer: str, words: str
) -> None:
    interview = _interview_move_within(catalog)
    before = dict(interview.answers)
    with pytest.raises(InvalidInput) as caught:
        interview.answer(path, answer)
    assert caught.value.problems[0].path == path
    assert words in caught.value.problems[0].message_ja
    assert interview.answers == before


def test_a_clerk_correction_wins_over_the_qr(catalog: Catalog) -> None:
    interview = _qr_interview(catalog, "family_move_in")
    interview.answer("members[0].given", "太朗")
    assert interview.household().household.members[0].given == "太朗"
    assert interview.base["members[0].given"] == "太郎"


def test_a_known_postal_code_suggests_the_town_for_the_address(catalog: Catalog) -> None:
    interview = _interview_move_within(catalog)
    interview.answer("new.postal", "0900024")
    question = next(q for q in interview.questions() if q.path == "new.address")
    assert question.suggestion == "北海道見本市北4条東"
    interview.answer("old.postal", "999-9999")
    assert next(q for q in interview.questions() if q.path == "old.address").suggestion == ""


@pytest.mark.parametrize(("first", "second"), [(("members[0].birth", "R9.5.10"), None),
                                                (("members[0].birth", "R8.1.1"), ("date", "R7.12.31"))])
def test_a_birth_after_the_event_date_is_refused(catalog: Catalog, first: tuple, second: tuple | None) -> None:
    interview = _interview_move_within(catalog)
    attempts = [first] + ([second] if second else [])
    with pytest.raises(InvalidInput) as caught:
        for path, answer in attempts:
            interview.answer(path, answer)
    assert "生年月日が届出の日付より後" in caught.value.problems[0].message_ja
    interview.questions()  # still answers, no crash


# -- what the QR path refuses, the interview refuses too (issue 10, item 13) -------------------


def _refused(catalog: Catalog, path: str, raw: str) -> str:
    interview = Interview(catalog, {"event": "move_within", "date": "2026-06-15", "member_count": 1})
    with pytest.raises(InvalidInput) as caught:
        interview.answer(path, raw)
    assert path not in interview.answers
    return caught.value.clerk_message()


@pytest.mark.parametrize("raw", ["²", "1²", "³", "١٢", "①"])
def test_superscript_or_foreign_digits_are_refused_in_plain_japanese(catalog: Catalog, raw: str) -> None:
    message = _refused(catalog, "extras.dogs", raw)
    assert "までの数を入力してください" in message and "invalid literal" not in message


@pytest.mark.parametrize("raw", ["1867-12-31", "0001-01-01", "1800年1月1日", "2201-01-01"])
def test_a_year_the_qr_code_refuses_is_refused_in_the_interview(catalog: Catalog, raw: str) -> None:
    assert "ありえない年" in _refused(catalog, "members[0].birth", raw)


@pytest.mark.parametrize("raw", ["\u200b", "\u200b\u3000\u200d", "\ufeff", "\u2060 "])
def test_a_name_of_only_invisible_characters_is_blank(catalog: Catalog, raw: str) -> None:
    assert "未入力" in _refused(catalog, "members[0].family", raw)


def test_a_phone_number_is_checked_in_the_qr_code_as_in_the_interview(catalog: Catalog) -> None:
    assert "電話番号として読めません" in _refused(catalog, "phone", "あいう")
    doc = household_doc("single_move_within") | {"phone": "電話してね<b>"}
    with pytest.raises(InvalidInput) as caught:
        parse_household(doc)
    assert "電話番号として読めません" in caught.value.clerk_message()


def test_a_name_of_only_a_zero_width_space_is_refused_in_the_qr_code() -> None:
    doc = household_doc("single_move_within")
    doc["members"][0]["family"] = "\u200b"
    with pytest.raises(InvalidInput) as caught:
        parse_household(doc)
    assert "members[0].family: 空欄です" in caught.value.clerk_message()


def test_the_new_head_is_asked_only_when_a_head_change_is_needed(catalog: Catalog) -> None:
    # Given a code: the head moves out alone (the 児童手当 goes to his wife), his wife and their 15-year-old son stay
    doc = household("move_out", "2026-04-01", person("太郎", "1980-01-01", seal_registered=False, allowance=False),
                    person("花子", "1982-01-01", "妻", sex="F"), person("一郎", "2011-04-01", "子"), subjects=[0],
                    child_allowance={"claimant": 0})
    interview = Interview(catalog, draft_from_household(parse_household(doc).household))
    # Then the only question is who becomes head: asked, never chosen by the app
    assert [(q.path, q.label) for q in interview.questions()] == [("new_head", "新しい世帯主（届出人に伺ってください）")]
    interview.answer("new_head", 1)
    assert interview.questions() == [] and interview.household().household.new_head == 1
    # And with a son of 14 (one person aged 15+ stays: she is head by law) nothing is asked
    doc["members"][2]["birth"] = "2011-04-03"
    assert Interview(catalog, draft_from_household(parse_household(doc).household)).questions() == []


def test_insured_or_dependent_is_asked_only_of_20_to_59_on_an_employee_insurance(catalog: Catalog) -> None:
    # Given a family moving in on an employee insurance: father 45, son 21, daughter 12, grandfather 70
    doc = household("move_in", "2026-04-01", person("太郎", "1981-01-01", insurance="employee"),
                    person("一郎", "2005-01-01", "子", insurance="employee"),
                    person("花", "2014-01-01", "子", sex="F", insurance="employee"),
                    person("茂", "1956-01-01", "父", insurance="employee"), child_allowance={"claimant": 0})
    interview = Interview(catalog, draft_from_household(parse_household(doc).household))
    # Then only the two aged 20–59 are asked (their 国民年金 種別 depends on it); and the father, head with
    # children and no wife in the household, whether he receives 児童扶養手当 (父子家庭 too, since 2010)
    assert [q.path for q in interview.questions()] == ["members[0].insured", "members[0].child_support",
                                                       "members[1].insured"]
    before = interview.remaining()
    interview.answer("members[0].insured", "被保険者（本人）")
    interview.answer("members[0].child_support", "いいえ")
    interview.answer("members[1].insured", "被扶養者（家族）")
    assert interview.questions() == [] and before is not None and interview.remaining() == 0
    # And the student on his father's insurance is 第1号
    pension = next(item for item in interview.plan().items if item.id == "pension_address")
    assert pension.subjects == (1,)


@pytest.mark.parametrize("event", ["move_in", "move_out", "move_within"])
def test_a_family_move_asks_the_new_facts_in_a_stable_order_and_the_count_never_goes_up(
        catalog: Catalog, event: str) -> None:
    # Given a family on an employee insurance (the father insured, his wife and their student son of 21
    # dependents, a daughter of 14), interviewed from nothing for a move
    doc = household(event, "2026-04-01", person("太郎", "1975-01-01", insurance="employee", insured="insured",
                                                card=True, seal_registered=True),
                    person("花子", "1977-01-01", "妻", sex="F", insurance="employee", insured="dependent",
                           seal_registered=False),
                    person("一郎", "2005-01-01", "子", insurance="employee", insured="dependent", seal_registered=False),
                    person("花", "2012-01-01", "子", sex="F", insurance="employee", seal_registered=False),
                    child_allowance={"claimant": 0})
    answers = draft_from_household(parse_household(doc).household)
    interview = Interview(catalog)
    for path in ("event", "date", "member_count"):
        interview.answer(path, answers[path])
    asked, counts = answer_in_turn(interview, from_answers(answers))
    # Then the count shown never went up, and each person's questions came together, in order
    assert went_down(counts), counts
    members = [p for p in asked if p.startswith("members[")]
    assert members == sorted(members, key=lambda p: int(p[8:p.index("]")])), members
    # And the new facts were asked only where a procedure depends on them
    insured = [p for p in asked if p.endswith(".insured")]
    seal = [p for p in asked if p.endswith(".seal_registered")]
    assert insured == (["members[0].insured", "members[1].insured", "members[2].insured"] if event == "move_in" else [])
    assert seal == (["members[0].seal_registered", "members[1].seal_registered", "members[2].seal_registered"]
                    if event == "move_out" else [])


def test_the_head_moving_out_alone_is_asked_who_stays_and_who_becomes_head(catalog: Catalog) -> None:
    # Given an interview for a 転出 of a household of three where only the head leaves
    interview = Interview(catalog)
    for path, answer in [("event", "転出"), ("date", "R8.4.20"), ("member_count", "3")]:
        interview.answer(path, answer)
    people = [("山田", "太郎", "ヤマダ", "タロウ", "1980-01-01", "男", "世帯主", "はい"),
              ("山田", "花子", "ヤマダ", "ハナコ", "1982-01-01", "女", "妻", "いいえ"),
              ("山田", "一郎", "ヤマダ", "イチロウ", "2005-01-01", "男", "子", "いいえ")]
    answers = {"whole": "いいえ", "new.postal": "980-0811", "new.address": "宮城県仙台市青葉区一番町1",
               "old.postal": "090-0001", "old.address": "北海道見本市北1条西1丁目1番地", "notifier": 0,
               "members[0].insurance": "国民健康保険", "members[0].card": "いいえ",
               "members[0].care_certified": "いいえ", "members[0].seal_registered": "いいえ", "new_head": 1}
    keys = ("family", "given", "family_kana", "given_kana", "birth", "sex", "relation", "moving")
    answers |= {f"members[{i}].{k}": v for i, row in enumerate(people) for k, v in zip(keys, row, strict=True)}
    asked, counts = answer_in_turn(interview, lambda question: answers.get(question.path, ""))
    # Then "the whole household?" comes first, each person says whether they move right after their 続柄,
    # nothing else is asked of those who stay, and the new head is asked last; the count never went up
    assert asked[0] == "whole" and asked[-1] == "new_head"
    assert asked.index("members[0].moving") == asked.index("members[0].relation") + 1
    assert not [p for p in asked if p.startswith(("members[1].", "members[2].")) and p.split(".")[1] not in keys]
    assert went_down(counts), counts
    # And the household is written with who moves, the 転出届 for him alone and the 世帯主変更届 for the rest
    household = interview.household().household
    assert household.subjects == (0,) and household.new_head == 1
    assert [(item.id, item.subjects) for item in interview.plan().items if item.id in ("juminido_move_out", "head_change")] \
        == [("juminido_move_out", (0,)), ("head_change", ())]


def test_a_notifier_from_outside_the_household_is_asked_by_name_and_brings_a_letter(catalog: Catalog) -> None:
    # Given a person moving in whose friend comes to the counter for them (a 代理人)
    interview = Interview(catalog)
    for path, answer in [("event", "転入"), ("date", "R8.4.1"), ("member_count", "1")]:
        interview.answer(path, answer)
    # When the clerk answers the notifier question with 世帯外の方 (the window's choice value -1)
    interview.answer("notifier", "世帯外の方")
    outside = [q.path for q in interview.questions() if q.path.startswith("notifier.")]
    # Then the notifier's name, reading, relation, address and phone (the 届出人's 連絡先電話番号) are asked
    assert outside == ["notifier.family", "notifier.given", "notifier.family_kana", "notifier.given_kana",
                       "notifier.relation", "notifier.address", "notifier.phone"]
    for path, answer in [("notifier.family", "佐藤"), ("notifier.given", "一郎"), ("notifier.family_kana", "さとう"),
                         ("notifier.given_kana", "イチロウ"), ("notifier.relation", "知人"),
                         ("notifier.address", "北海道札幌市中央区北1条西2丁目"), ("notifier.phone", "090-1234-5678")]:
        interview.answer(path, answer)
    assert not [q for q in interview.questions() if q.path.startswith("notifier")]
    written = to_document(interview.draft)["notifier"]  # as the household document writes it
    assert written["family"] == "佐藤" and written["family_kana"] == "サトウ" and written["relation"] == "知人"
    assert written["phone"] == "090-1234-5678"
    # And a move filed by someone from outside the household needs a 委任状
    assert "agent_letter" in interview.plan().ids()
    # And choosing a member afterwards drops what was said about the outsider
    interview.answer("notifier", 0)
    assert "agent_letter" not in interview.plan().ids()
