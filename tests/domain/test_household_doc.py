"""Reading the resident's household document (KKN1 v1) with the spec's errors and warnings."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from kakanai.domain.household import LifeEvent, OutsideNotifier
from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.domain.problems import InvalidInput
from tests.conftest import household_doc
from tests.domain.procedure_table import household, person


def _errors(doc: Any) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        parse_household(doc)
    return {p.path: p.message_ja for p in caught.value.problems}


@pytest.fixture
def family() -> dict[str, Any]:
    return household_doc("family_move_in")


def test_a_valid_family_reads_into_the_domain_model(family: dict[str, Any]) -> None:
    parsed = parse_household(family)
    h = parsed.household
    assert h.event is LifeEvent.MOVE_IN and h.date == date(2026, 4, 1)
    assert [m.full_name for m in h.members] == ["山田　太郎", "山田　花子", "山田　翔太", "山田　キヨ"]
    assert h.head is h.members[0] and h.notifier_person is h.members[0]
    assert h.new is not None and h.new.postal == "090-0001"
    assert h.extras.dogs == 1 and h.extras.seal_registration == (0,)
    assert parsed.warnings == []


def test_kana_in_hiragana_or_half_width_is_normalised_to_katakana(family: dict[str, Any]) -> None:
    wife = parse_household(family).household.members[1]
    assert (wife.family_kana, wife.given_kana) == ("ヤマダ", "ハナコ")


def test_full_width_digits_in_postal_code_and_phone_are_normalised(family: dict[str, Any]) -> None:
    family["new"]["postal"] = "０９００００１"
    family["phone"] = "０９０－１２３４－５６７８"
    h = parse_household(family).household
    assert h.new.postal == "090-0001" and h.phone == "090-1234-5678"


def test_round_trip_through_the_document_keeps_the_household(family: dict[str, Any]) -> None:
    h = parse_household(family).household
    assert parse_household(household_to_document(h)).household == h


def test_an_outside_notifier_is_read_as_a_person() -> None:
    h = parse_household(household_doc("death_of_head")).household
    assert isinstance(h.notifier, OutsideNotifier) and h.notifier_person.full_name == "高橋　誠"


def test_unknown_keys_are_warned_not_errors_and_their_values_not_kept(family: dict[str, Any]) -> None:
    family["pet_names"] = ["ポチ"]
    family["members"][2]["school"] = "見本高校"
    parsed = parse_household(family)
    assert {w.path for w in parsed.warnings} == {"pet_names", "members[2].school"}
    assert parsed.unknown_keys == ("pet_names", "members[2].school")
    assert "pet_names" not in household_to_document(parsed.household)


@pytest.mark.parametrize(
    ("mutate", "path", "words"),
    [
        (lambda d: d["members"][2].pop("birth"), "members[2].birth", "必須"),
        (lambda d: d.pop("event"), "event", "必須"),
        (lambda d: d.update(date="2026-02-30"), "date", "存在しない日付"),
        (lambda d: d["members"][1].update(birth="1983/11/03"), "members[1].birth", "YYYY-MM-DD"),
        (lambda d: d["members"][2].update(birth="2026-04-02"), "members[2].birth", "後"),
        (lambda d: d.update(notifier=7), "notifier", "世帯員がいません"),
        (lambda d: d["members"][0].update(card="yes"), "members[0].card", "true か false"),
        (lambda d: d["members"][0].update(sex="X"), "members[0].sex", "使えない値"),
        (lambda d: d.update(event="divorce"), "event", "使えない値"),
        (lambda d: d["members"][0].update(family=12), "members[0].family", "文字"),
        (lambda d: d["members"][0].update(given_kana="Taro"), "members[0].given_kana", "カタカナ"),
        (lambda d: d["new"].update(postal="123"), "new.postal", "7桁"),
        (lambda d: d.pop("new"), "new", "新しい住所"),
        (lambda d: d["extras"].update(dogs=-1), "extras.dogs", "0以上"),
        (lambda d: d["extras"].update(seal_registration=[9]), "extras.seal_registration[0]", "世帯員がいません"),
        (lambda d: d.update(members=[]), "members", "1人以上"),
        (lambda d: d.update(members=d["members"] * 6), "members", "20"),
        (lambda d: d["members"][0].update(family="山" * 201), "members[0].family", "200文字"),
        (lambda d: d["members"][0].update(given="太\u202e郎"), "members[0].given", "制御文字"),
        (lambda d: d["new"].update(address="見本市\x00北1条"), "new.address", "制御文字"),
        (lambda d: d["members"][0].update(nationality="france"), "members[0].nationality", "形式"),
        (lambda d: d.update(v=3), "v", "版（v）は整数の 1 か 2"),
        (lambda d: d["members"][0].update(family="　 "), "members[0].family", "空欄"),
        (lambda d: d["members"][0].update(birth="1700-01-01"), "members[0].birth", "ありえない年"),
        (lambda d: d.update(date="9999-01-01"), "date", "ありえない年"),
    ],
)
def test_each_spec_error_names_its_key_path(family: dict[str, Any], mutate: Any, path: str, words: str) -> None:
    doc = copy.deepcopy(family)
    mutate(doc)
    errors = _errors(doc)
    assert path in errors, errors
    assert words in errors[path]


def test_every_error_is_reported_at_once(family: dict[str, Any]) -> None:
    family["members"][0].pop("birth")
    family["members"][1]["sex"] = "?"
    family["phone"] = 5
    assert {"members[0].birth", "members[1].sex", "phone"} <= set(_errors(family))


def test_a_document_that_is_not_an_object_is_refused() -> None:
    assert "" in _errors(["not", "a", "household"])


@pytest.mark.parametrize("bad", [{"family": "A"}, "山田", 1.5, True, -1])
def test_a_wrong_notifier_is_an_error_on_notifier(family: dict[str, Any], bad: Any) -> None:
    family["notifier"] = bad
    assert any(path.startswith("notifier") for path in _errors(family))


def test_markup_in_a_name_is_kept_literally(family: dict[str, Any]) -> None:
    family["members"][0]["given"] = "<b>太郎</b> & <font size=90>"
    assert parse_household(family).household.members[0].given == "<b>太郎</b> & <font size=90>"


def _move_out_with_new_facts() -> dict[str, Any]:
    return household("move_out", "2026-04-01",
                     person("太郎", "1980-01-01", insurance="employee", insured="insured", pension_class=2, civil_servant=True),
                     person("花子", "1982-01-01", "妻", sex="F", insurance="employee", insured="dependent",
                            late_disability=False),
                     person("一郎", "2005-01-01", "子"), subjects=[0], new_head=1, new_relation="妻",
                     notifier={"family": "佐藤", "given": "一", "family_kana": "サトウ", "given_kana": "ハジメ",
                               "relation": "知人", "agent": True, "address": "北海道札幌市中央区北1条西2丁目"})


def test_the_insurance_pension_head_and_agent_facts_round_trip() -> None:
    # Given a code with who is insured or a dependent, the 国民年金 種別, a 公務員, the new head and a 代理人
    parsed = parse_household(_move_out_with_new_facts())
    h = parsed.household
    assert parsed.warnings == []
    assert (h.members[0].insured, h.members[0].pension_class, h.members[0].civil_servant) == ("insured", 2, True)
    assert (h.members[1].insured, h.members[1].late_disability) == ("dependent", False)
    assert (h.new_head, h.new_relation) == (1, "妻")
    assert h.notifier.agent is True and h.notifier.address == "北海道札幌市中央区北1条西2丁目"  # type: ignore[union-attr]
    # When written back and read again, nothing is lost
    assert parse_household(household_to_document(h)).household == h


@pytest.mark.parametrize(("change", "path"), [
    (lambda d: d["members"][0].update(pension_class=4), "members[0].pension_class"),
    (lambda d: d["members"][0].update(insured="self"), "members[0].insured"),
    (lambda d: d.update(new_head=7), "new_head"),
    (lambda d: d.update(new_head=0), "new_head"),  # the head who moves out cannot be the new head
    (lambda d: d.pop("subjects"), "new_head"),  # the whole household moves: no one stays to be head
])
def test_a_wrong_insurance_pension_or_head_fact_is_named(change: Any, path: str) -> None:
    doc = _move_out_with_new_facts()
    change(doc)
    with pytest.raises(InvalidInput) as caught:
        parse_household(doc)
    assert any(p.path.startswith(path) for p in caught.value.problems), caught.value.problems


def test_a_move_out_abroad_names_the_country_and_a_move_in_still_needs_a_postal_code() -> None:
    # Given a family leaving for the United States (国外転出): the destination is a country and an address abroad
    doc = household("move_out", "2026-04-01", person("太郎", "1985-01-01"),
                    new={"country": "US", "address": "ニューヨーク州ニューヨーク市5番街1"})
    new = parse_household(doc).household.new
    assert new is not None and new.abroad and new.country == "US" and new.postal == ""
    # But a destination with both, or a move in to an address abroad, is refused by its key
    both = copy.deepcopy(doc)
    both["new"]["postal"] = "100-0001"
    assert "new" in _errors(both)
    move_in = household("move_in", "2026-04-01", person("太郎", "1985-01-01"),
                        new={"country": "US", "address": "ニューヨーク州"})
    assert "new.postal" in _errors(move_in)


@pytest.mark.parametrize("event", ["move_out", "move_within"])
def test_only_a_move_in_comes_from_abroad(event: str) -> None:
    # Given a 転出 or 転居 whose old address is abroad (it is this city's: nothing "from abroad" to plan)
    doc = household(event, "2026-04-01", person("太郎", "1985-01-01"), new={"postal": "100-0001", "address": "千代田"},
                    old={"country": "US", "address": "ニューヨーク州"})
    # Then the counter refuses it by the key
    assert "old.country" in _errors(doc)
