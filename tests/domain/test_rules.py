"""The rule engine on hand-made conditions (issue 11): clauses, any_of, not, any_member, unknown
facts (three values, and the draft paths that would settle them) and refused tables."""

from __future__ import annotations

from typing import Any

import pytest

from kakanai.domain.draft import Draft
from kakanai.domain.problems import Problem
from kakanai.domain.rules import Condition, evaluate, parse_condition

EVENT_DAY = "2026-04-01"


def _draft(*members: dict[str, Any], **household: Any) -> Draft:
    draft: Draft = {"event": "move_in", "date": EVENT_DAY, "member_count": len(members), **household}
    for i, member in enumerate(members):
        draft.update({f"members[{i}].{key}": value for key, value in member.items()})
    return draft


def _condition(raw: dict[str, Any], scope: str = "member") -> Condition:
    problems: list[Problem] = []
    condition = parse_condition(raw, scope, "when", problems)
    assert problems == []
    return condition


GRANDMOTHER = {"birth": "1950-12-01", "insurance": "nhi", "relation": "母"}
STUDENT = {"birth": "2005-05-01", "insurance": "employee", "relation": "子"}


@pytest.mark.parametrize(("raw", "member", "value"), [
    ({"age": {"min": 75}}, GRANDMOTHER, True),
    ({"age": {"min": 75}}, STUDENT, False),
    ({"age": 20}, STUDENT, True),
    ({"insurance": ["nhi", "none"]}, STUDENT, False),
    ({"age": {"min": 20, "max": 59}, "insurance": "employee"}, STUDENT, True),
    ({"any_of": [{"age": {"min": 75}}, {"insurance": "employee"}]}, STUDENT, True),
    ({"any_of": [{"age": {"min": 75}}, {"insurance": "nhi"}]}, STUDENT, False),
    ({"not": {"insurance": "welfare"}}, GRANDMOTHER, True),
    ({"not": {"insurance": "nhi"}}, GRANDMOTHER, False),
])
def test_member_conditions_hold_or_not(raw: dict[str, Any], member: dict[str, Any], value: bool) -> None:
    assert evaluate(_condition(raw), _draft(member), 0).value is value


def test_a_condition_that_holds_says_why_in_the_clerks_words() -> None:
    # an exclusion that did not apply is no reason to do anything: only the age is said
    verdict = evaluate(_condition({"age": {"min": 75}, "not": {"insurance": "welfare"}}), _draft(GRANDMOTHER), 0)
    assert verdict.reasons == ("75歳",)


@pytest.mark.parametrize(("raw", "member", "reason"), [
    ({"insurance": ["nhi", "none"]}, {"birth": "1980-01-01", "insurance": "nhi"}, "国民健康保険に加入中"),
    ({"insurance": "welfare"}, {"birth": "1980-01-01", "insurance": "welfare"}, "生活保護を受給中"),
    ({"grade": {"max": 12}}, {"birth": "2021-06-01"}, "未就学（5歳）"),
    ({"grade": {"max": 12}}, {"birth": "2016-06-01"}, "小学4年生"),
    ({"grade": {"max": 12}}, {"birth": "2009-06-01"}, "高校2年生相当"),
    ({"school_stage": "junior_high"}, {"birth": "2012-06-01"}, "中学生"),
    ({"days_to_75": {"min": 1}}, {"birth": "1951-12-02"}, "75歳の誕生日（令和8年12月2日）から後期高齢者医療"),
    ({"card": True}, {"birth": "1980-01-01", "card": True}, "マイナンバーカードあり"),
])
def test_each_fact_reads_as_a_colleagues_note(raw: dict[str, Any], member: dict[str, Any], reason: str) -> None:
    draft = {"event": "move_in", "date": "2026-12-01", "member_count": 1} | {f"members[0].{k}": v for k, v in member.items()}
    assert evaluate(_condition(raw), draft, 0).reasons == (reason,)


def test_being_the_one_the_event_is_about_goes_without_saying() -> None:
    draft = {"event": "move_in", "date": "2026-12-01", "member_count": 1, "members[0].birth": "1980-01-01"}
    verdict = evaluate(_condition({"subject": True}), draft, 0)
    assert verdict.value is True and verdict.reasons == ()


def test_a_missing_fact_is_unknown_and_names_what_would_settle_it() -> None:
    verdict = evaluate(_condition({"insurance": "nhi"}), _draft({"birth": "1980-01-01"}), 0)
    assert verdict.value is None and verdict.needs == ("members[0].insurance",)


def test_false_wins_over_unknown_in_all_and_true_wins_in_any_of() -> None:
    member = {"birth": "2010-01-01"}  # 16, insurance unknown
    assert evaluate(_condition({"age": {"min": 20}, "insurance": "nhi"}), _draft(member), 0).value is False
    assert evaluate(_condition({"any_of": [{"age": {"max": 18}}, {"insurance": "nhi"}]}), _draft(member), 0).value
    unknown = evaluate(_condition({"any_of": [{"age": {"min": 20}}, {"insurance": "nhi"}]}), _draft(member), 0)
    assert unknown.value is None and unknown.needs == ("members[0].insurance",)


def test_any_member_looks_at_every_member_of_the_household() -> None:
    condition = _condition({"any_member": {"age": {"min": 75}}}, "household")
    assert evaluate(condition, _draft(STUDENT, GRANDMOTHER)).value is True
    assert evaluate(condition, _draft(STUDENT)).value is False
    headcount_unknown = evaluate(condition, {"event": "move_in", "date": EVENT_DAY})
    assert headcount_unknown.value is None and headcount_unknown.needs == ("member_count",)


def test_household_facts_with_counts() -> None:
    assert evaluate(_condition({"dogs": {"min": 1}}, "household"), _draft(STUDENT, **{"extras.dogs": 2})).value
    assert evaluate(_condition({"event": ["birth", "death"]}, "household"), _draft(STUDENT)).value is False


@pytest.mark.parametrize(("raw", "scope", "words"), [
    ({"adress": 1}, "member", "知らない条件名です 'adress'"),
    ({"any_member": {"age": 1}}, "member", "知らない条件名です 'any_member'"),  # only a household looks at members
    ({"insurance": "kokuho"}, "member", "使えない値です ['kokuho']"),
    ({"age": {"min": 80, "max": 20}}, "member", "整数か { min = 数, max = 数 }"),
    ({"age": "20"}, "member", "整数か { min = 数, max = 数 }"),
    ({"card": "yes"}, "member", "true か false"),
    ({"any_of": []}, "member", "any_of は条件の表を並べたリスト"),
    ({"not": 3}, "member", "条件は { 事実 = 値 } の表"),
])
def test_a_wrong_table_is_refused_with_its_path(raw: dict[str, Any], scope: str, words: str) -> None:
    problems: list[Problem] = []
    parse_condition(raw, scope, "procedure[0].member_when", problems)
    assert len(problems) == 1 and words in problems[0].message_ja
    assert problems[0].path.startswith("procedure[0].member_when")


def test_on_the_eve_of_a_birthday_the_two_ages_say_why_they_differ() -> None:
    # A man born 1951-12-02 on 2026-12-01: legally 75 (介護), 74 counted on birthdays (後期 starts tomorrow)
    draft = {"event": "move_in", "date": "2026-12-01", "member_count": 1, "members[0].birth": "1951-12-02"}
    assert evaluate(_condition({"age": {"min": 65}}), draft, 0).reasons == ("75歳（誕生日の前日に到達）",)
    assert evaluate(_condition({"birthday_age": {"max": 74}}), draft, 0).reasons == ("74歳（75歳の誕生日は令和8年12月2日）",)
