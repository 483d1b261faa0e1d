"""The fact vocabulary rules may test, and how each fact is worked out from a draft.

A fact is either about the household (``dogs``) or about one member (``age``). When the data a
fact needs is missing, the fact is *unknown* and names the draft paths that would settle it, so
the interview knows what to ask.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kakanai.domain.ages import age_on, grade_on, school_stage_on
from kakanai.domain.draft import Draft, member_path
from kakanai.domain.vocabulary import EVENTS, INSURANCES, SEXES

INSURANCE = INSURANCES
STAGES = ("preschool", "elementary", "junior_high", "high_school", "adult")

STAGE_LABELS = {"preschool": "未就学", "elementary": "小学生", "junior_high": "中学生",
                "high_school": "高校生相当", "adult": "高校卒業以上"}


class Unknown:
    """The value of a fact whose data is missing; `needs` lists the draft paths to ask for."""

    def __init__(self, needs: tuple[str, ...]) -> None:
        self.needs = needs

    def __repr__(self) -> str:
        return f"Unknown({', '.join(self.needs)})"


@dataclass(frozen=True)
class Fact:
    """A named fact: its scope, its kind (int, bool, enum, text) and how to compute it."""

    name: str
    scope: str  # "member" or "household"
    kind: str
    label: str
    compute: Callable[[Draft, int], Any]
    choices: tuple[str, ...] = ()


def _raw(draft: Draft, path: str) -> Any:
    value = draft.get(path)
    return Unknown((path,)) if value is None else value


def _date_of(draft: Draft, path: str) -> date | Unknown:
    value = _raw(draft, path)
    if isinstance(value, Unknown):
        return value
    return date.fromisoformat(value)


def _on_birth(fn: Callable[[date, date], Any]) -> Callable[[Draft, int], Any]:
    def compute(draft: Draft, i: int) -> Any:
        birth, on = _date_of(draft, member_path(i, "birth")), _date_of(draft, "date")
        missing = tuple(x.needs[0] for x in (on, birth) if isinstance(x, Unknown))
        if missing:
            return Unknown(missing)
        if birth > on:  # type: ignore[operator]
            return Unknown(())  # contradictory dates cannot decide a rule (the interview refuses them)
        return fn(birth, on)  # type: ignore[arg-type]
    return compute


def _member_raw(key: str) -> Callable[[Draft, int], Any]:
    return lambda draft, i: _raw(draft, member_path(i, key))


def _is_subject(draft: Draft, i: int) -> Any:
    """Who the event is about: as the document names them (``subjects``, KKN2); without it, every
    member for a move and KKN1's order for the rest: the newborn (born on the event date) for a
    birth, members[0] (the deceased) for a death, members[0] and [1] for a marriage."""
    subjects = draft.get("subjects")
    if isinstance(subjects, list):
        return i in subjects
    event = _raw(draft, "event")
    if isinstance(event, Unknown):
        return event
    if event == "birth":
        birth = _raw(draft, member_path(i, "birth"))
        return birth if isinstance(birth, Unknown) else birth == draft.get("date")
    if event == "death":
        return i == 0
    if event == "marriage":
        return i in (0, 1)
    return True


def _is_head(draft: Draft, i: int) -> Any:
    relation = _raw(draft, member_path(i, "relation"))
    return relation if isinstance(relation, Unknown) else relation == "世帯主"


def _is_foreign(draft: Draft, i: int) -> Any:
    return draft.get(member_path(i, "nationality")) is not None


def _from_abroad(draft: Draft, _: int) -> Any:
    return draft.get("old.country") is not None


def _member_count(draft: Draft, _: int) -> Any:
    return _raw(draft, "member_count")


def _household_raw(path: str, default: Any = None) -> Callable[[Draft, int], Any]:
    def compute(draft: Draft, _: int) -> Any:
        value = draft.get(path, default)
        return Unknown((path,)) if value is None else value
    return compute


MEMBER_FACTS: dict[str, Fact] = {f.name: f for f in (
    Fact("age", "member", "int", "年齢", _on_birth(age_on)),
    Fact("grade", "member", "int", "学年相当", _on_birth(grade_on)),
    Fact("school_stage", "member", "enum", "就学段階", _on_birth(school_stage_on), STAGES),
    Fact("sex", "member", "enum", "性別", _member_raw("sex"), SEXES),
    Fact("relation", "member", "text", "続柄", _member_raw("relation")),
    Fact("is_head", "member", "bool", "世帯主", _is_head),
    Fact("insurance", "member", "enum", "健康保険", _member_raw("insurance"), INSURANCE),
    Fact("card", "member", "bool", "マイナンバーカード", _member_raw("card")),
    Fact("care_certified", "member", "bool", "要介護・要支援認定", _member_raw("care_certified")),
    Fact("foreign", "member", "bool", "外国籍", _is_foreign),
    Fact("seal_requested", "member", "bool", "印鑑登録の希望", _member_raw("seal")),
    Fact("subject", "member", "bool", "届出の対象者", _is_subject),
)}

HOUSEHOLD_FACTS: dict[str, Fact] = {f.name: f for f in (
    Fact("event", "household", "enum", "届出の種類", _household_raw("event"), EVENTS),
    Fact("dogs", "household", "int", "飼い犬の数", _household_raw("extras.dogs")),
    Fact("mopeds", "household", "int", "原付の台数", _household_raw("extras.mopeds")),
    Fact("members_count", "household", "int", "人数", _member_count),
    Fact("from_abroad", "household", "bool", "国外からの転入", _from_abroad),
)}


def member_fact(draft: Draft, index: int, name: str) -> Any:
    """The value of member fact ``name`` for member ``index`` (or an `Unknown`)."""
    return MEMBER_FACTS[name].compute(draft, index)


def household_fact(draft: Draft, name: str) -> Any:
    """The value of household fact ``name`` (or an `Unknown`)."""
    return HOUSEHOLD_FACTS[name].compute(draft, -1)
