"""What a form field can show: named sources of household data, and the draft paths they need.

A form definition in ``forms/`` names sources (``new.address``, ``member.birth``); this module
says which draft paths each needs (so the interview asks for them) and renders its text from a
validated `Household` (so every form shows the same value the same way: 和暦, full-width spaces).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kakanai.domain.household import Household, Member
from kakanai.domain.vocabulary import LifeEvent, insurance_label, sex_label
from kakanai.domain.wareki import format_wareki


@dataclass(frozen=True)
class Source:
    """A household-level or member-level value a form can print."""

    name: str
    scope: str  # "household" or "member"
    label: str
    needs: tuple[str, ...]  # draft paths (member paths without the "members[i]." prefix)
    text: Callable[[Household, int], str]


def _address(which: str, attr: str) -> Callable[[Household, int], str]:
    def text(h: Household, _: int) -> str:
        address = getattr(h, which)
        return getattr(address, attr) if address else ""
    return text


def _member(fn: Callable[[Member], str]) -> Callable[[Household, int], str]:
    return lambda h, i: fn(h.members[i])


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("有" if value else "無")


def current_head(h: Household) -> Member | None:
    """The head after the event: for the death of the head, the spouse, else the eldest living member."""
    head = h.head
    if h.event is LifeEvent.DEATH and head is not None and h.is_subject(h.members.index(head)):
        living = [m for i, m in enumerate(h.members) if not h.is_subject(i)]
        if not living:
            return head
        spouse = next((m for m in living if m.relation in ("妻", "夫")), None)
        return spouse or min(living, key=lambda m: m.birth)
    return head


def _notifier_relation(h: Household, _: int) -> str:
    person = h.notifier_person
    return getattr(person, "relation", "") or "本人"


def _head_text(h: Household, attribute: str) -> str:
    head = current_head(h)
    return str(getattr(head, attribute)) if head is not None else ""


_HOUSEHOLD = (
    Source("event", "household", "異動の種類", ("event",), lambda h, _: h.event.label),
    Source("date", "household", "異動日", ("date",), lambda h, _: format_wareki(h.date)),
    Source("phone", "household", "電話番号", ("phone",), lambda h, _: h.phone),
    Source("new.postal", "household", "新住所 郵便番号", ("new.postal",), _address("new", "postal")),
    Source("new.address", "household", "新住所", ("new.address",), _address("new", "address")),
    Source("new.building", "household", "新住所 方書", (), _address("new", "building")),
    Source("old.postal", "household", "旧住所 郵便番号", ("old.postal",), _address("old", "postal")),
    Source("old.address", "household", "旧住所", ("old.address",), _address("old", "address")),
    Source("old.building", "household", "旧住所 方書", (), _address("old", "building")),
    Source("old.head", "household", "旧世帯主", ("old.head",), _address("old", "head")),
    Source("notifier.name", "household", "届出人 氏名", ("notifier",), lambda h, _: h.notifier_person.full_name),
    Source("notifier.kana", "household", "届出人 フリガナ", ("notifier",), lambda h, _: h.notifier_person.full_kana),
    Source("notifier.relation", "household", "届出人 続柄", ("notifier",), _notifier_relation),
    Source("head.name", "household", "世帯主 氏名", (), lambda h, _: _head_text(h, "full_name")),
    Source("head.kana", "household", "世帯主 フリガナ", (), lambda h, _: _head_text(h, "full_kana")),
    Source("dogs", "household", "飼い犬の数", ("extras.dogs",), lambda h, _: str(h.extras.dogs)),
    Source("mopeds", "household", "原付の台数", ("extras.mopeds",), lambda h, _: str(h.extras.mopeds)),
)

_MEMBER = (
    Source("member.name", "member", "氏名", ("family", "given"), _member(lambda m: m.full_name)),
    Source("member.kana", "member", "フリガナ", ("family_kana", "given_kana"), _member(lambda m: m.full_kana)),
    Source("member.birth", "member", "生年月日", ("birth",), _member(lambda m: format_wareki(m.birth))),
    Source("member.sex", "member", "性別", ("sex",), _member(lambda m: sex_label(m.sex))),
    Source("member.relation", "member", "続柄", ("relation",), _member(lambda m: m.relation)),
    Source("member.insurance", "member", "健康保険", ("insurance",),
           _member(lambda m: insurance_label(m.insurance))),
    Source("member.card", "member", "マイナンバーカード", ("card",), _member(lambda m: _yes_no(m.card))),
    Source("member.care_certified", "member", "介護認定", ("care_certified",),
           _member(lambda m: _yes_no(m.care_certified))),
    Source("member.nationality", "member", "国籍", (), _member(lambda m: m.nationality or "日本")),
)

SOURCES: dict[str, Source] = {s.name: s for s in _HOUSEHOLD + _MEMBER}


def source_text(name: str, household: Household, member_index: int = -1) -> str:
    """The text a form shows for source ``name`` (for member sources, of member ``member_index``)."""
    return SOURCES[name].text(household, member_index)
