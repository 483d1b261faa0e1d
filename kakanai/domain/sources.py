"""What a form field can show: named sources of household data, and the draft paths they need.

A form definition in ``forms/`` names sources (``new.address``, ``member.birth``); this module
says which draft paths each needs (so the interview asks for them) and renders its text from a
validated `Household` (so every form shows the same value the same way: 和暦, full-width spaces).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kakanai.domain.banks import bank_name, branch_name
from kakanai.domain.countries import country_name
from kakanai.domain.household import Household, Member
from kakanai.domain.vocabulary import (
    ACCOUNT_KIND_LABELS,
    RESIDENCE_CATEGORY_LABELS,
    LifeEvent,
    insurance_label,
    sex_label,
)
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


def format_seireki(day: date) -> str:
    """A date in 西暦 as forms print it for foreign residents: 1990年5月10日."""
    return f"{day.year}年{day.month}月{day.day}日"


def member_date(member: Member, day: date | None) -> str:
    """A member's date: 西暦 for a foreign resident, 和暦 for everyone else ("" for none)."""
    if day is None:
        return ""
    return format_seireki(day) if member.foreign else format_wareki(day)


def _residence(fn: Callable[[Member], str]) -> Callable[[Household, int], str]:
    return _member(lambda m: fn(m) if m.residence is not None else "")


def _bank(fn: Callable[..., str | None]) -> Callable[[Household, int], str]:
    return lambda h, _: (fn(h.bank) or "") if h.bank is not None else ""


def _old_address(h: Household, _: int) -> str:
    """The old address; abroad, the country's name before it (ベトナム　ハノイ市 …)."""
    old = h.old
    if old is None:
        return ""
    return f"{country_name(old.country)}　{old.address}" if old.abroad else old.address


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
    Source("old.address", "household", "旧住所", ("old.address",), _old_address),
    Source("old.country", "household", "転入前の国・地域", (),
           lambda h, _: country_name(h.old.country) if h.old and h.old.abroad else ""),
    Source("new.head", "household", "加入する世帯の世帯主", (), _address("new", "head")),
    Source("bank.name", "household", "金融機関", (), _bank(lambda b: bank_name(b.bank))),
    Source("bank.branch", "household", "支店", (), _bank(lambda b: branch_name(b.bank, b.branch))),
    Source("bank.codes", "household", "金融機関・支店コード", (), _bank(lambda b: f"{b.bank}・{b.branch}")),
    Source("bank.kind", "household", "種目", (), _bank(lambda b: ACCOUNT_KIND_LABELS.get(b.kind, b.kind))),
    Source("bank.number", "household", "口座番号", (), _bank(lambda b: b.number)),
    Source("bank.holder", "household", "口座名義（カナ）", (), _bank(lambda b: b.holder_kana)),
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
    Source("member.birth", "member", "生年月日", ("birth",), _member(lambda m: member_date(m, m.birth))),
    Source("member.sex", "member", "性別", ("sex",), _member(lambda m: sex_label(m.sex))),
    Source("member.relation", "member", "続柄", ("relation",), _member(lambda m: m.relation)),
    Source("member.insurance", "member", "健康保険", ("insurance",),
           _member(lambda m: insurance_label(m.insurance))),
    Source("member.card", "member", "マイナンバーカード", ("card",), _member(lambda m: _yes_no(m.card))),
    Source("member.care_certified", "member", "介護認定", ("care_certified",),
           _member(lambda m: _yes_no(m.care_certified))),
    Source("member.nationality", "member", "国籍・地域", (), _member(lambda m: country_name(m.nationality) or "日本")),
    Source("member.domicile", "member", "本籍", (), _member(lambda m: m.domicile)),
    Source("member.domicile_head", "member", "筆頭者", (), _member(lambda m: m.domicile_head)),
    Source("member.alias", "member", "通称", (), _member(lambda m: m.alias)),
    Source("member.residence_card", "member", "在留カード等番号", (), _residence(lambda m: m.residence.card)),  # type: ignore[union-attr]
    Source("member.residence_status", "member", "在留資格", (), _residence(lambda m: m.residence.status)),  # type: ignore[union-attr]
    Source("member.residence_until", "member", "在留期間等の満了日", (),
           _residence(lambda m: member_date(m, m.residence.until))),  # type: ignore[union-attr]
    Source("member.residence_category", "member", "30条の45区分", (),
           _residence(lambda m: RESIDENCE_CATEGORY_LABELS.get(m.residence.category or "", ""))),  # type: ignore[union-attr]
)

SOURCES: dict[str, Source] = {s.name: s for s in _HOUSEHOLD + _MEMBER}


def source_text(name: str, household: Household, member_index: int = -1) -> str:
    """The text a form shows for source ``name`` (for member sources, of member ``member_index``)."""
    return SOURCES[name].text(household, member_index)
