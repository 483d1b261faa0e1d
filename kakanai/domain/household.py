"""The household as the counter sees it: members, addresses and the life event that brings them.

These are plain frozen dataclasses; `household_doc` reads them from the resident QR document
(KKN2 document v = 2, ``docs/kkn2.md``; KKN1 v = 1 still read) and writes them back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

# the vocabulary lives in one module; these names are kept here for modules that read a household
from kakanai.domain.vocabulary import EVENT_LABELS, INSURANCE_LABELS, LifeEvent

__all__ = ["EVENT_LABELS", "INSURANCE_LABELS", "Address", "BankAccount", "Extras", "Household", "LifeEvent",
           "Member", "OutsideNotifier", "Person", "Residence"]


@dataclass(frozen=True)
class Address:
    """A postal code (``NNN-NNNN``), an address line and a building/room line (方書)."""

    postal: str  # "" for an address abroad
    address: str
    building: str = ""
    head: str = ""  # old: 旧世帯主; new: the head of the household the members join (v2)
    country: str | None = None  # old address abroad (v2): ISO 3166 alpha-2

    @property
    def abroad(self) -> bool:
        """True for an address outside Japan (a move in from abroad)."""
        return self.country is not None

    @property
    def one_line(self) -> str:
        """Address and building on one line."""
        return f"{self.address}　{self.building}".strip("　 ")


@dataclass(frozen=True)
class Person:
    """Someone named on a form: 氏・名 and their katakana readings."""

    family: str
    given: str
    family_kana: str
    given_kana: str

    @property
    def full_name(self) -> str:
        """氏 and 名 separated by a full-width space."""
        return f"{self.family}　{self.given}"

    @property
    def full_kana(self) -> str:
        """The reading of the full name in katakana."""
        return f"{self.family_kana}　{self.given_kana}"


@dataclass(frozen=True)
class Residence:
    """A foreign resident's 在留 facts (住民基本台帳法 30条の45) as on the 在留カード."""

    card: str = ""  # 在留カード番号 (or 特別永住者証明書番号)
    status: str = ""  # 在留資格
    until: date | None = None  # 在留期間の満了日
    category: str | None = None  # 30条の45区分 (vocabulary.RESIDENCE_CATEGORIES)


@dataclass(frozen=True)
class BankAccount:
    """The account a benefit is paid into (児童手当, 葬祭費, 未支給年金 …): 全銀 codes and holder."""

    bank: str  # 金融機関コード, 4 digits
    branch: str  # 支店コード, 3 digits
    kind: str  # 種目: ordinary 普通, current 当座, savings 貯蓄
    number: str  # 口座番号, 7 digits
    holder_kana: str  # 口座名義 (katakana)


@dataclass(frozen=True)
class Member(Person):
    """A person of the household (or concerned by the event)."""

    birth: date = date(1900, 1, 1)
    sex: str = "M"
    relation: str = ""
    insurance: str | None = None
    card: bool | None = None
    care_certified: bool | None = None
    nationality: str | None = None
    domicile: str = ""  # 本籍 (Japanese nationals)
    domicile_head: str = ""  # 筆頭者
    alias: str = ""  # 通称 (foreign residents)
    residence: Residence | None = None

    @property
    def foreign(self) -> bool:
        """True for a foreign resident (a nationality is given)."""
        return self.nationality is not None

    @property
    def is_head(self) -> bool:
        """True for the head of household (世帯主)."""
        return self.relation == "世帯主"


@dataclass(frozen=True)
class OutsideNotifier(Person):
    """A notifier (届出人) from outside the household, e.g. a relative filing a death."""

    relation: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Extras:
    """Household facts that trigger procedures: dogs, mopeds, who asks for seal registration."""

    dogs: int = 0
    mopeds: int = 0
    seal_registration: tuple[int, ...] = ()


@dataclass(frozen=True)
class Household:
    """One visit's household document: the event, its date, addresses, people and extras."""

    event: LifeEvent
    date: date
    members: tuple[Member, ...]
    notifier: int | OutsideNotifier = 0
    new: Address | None = None
    old: Address | None = None
    phone: str = ""
    extras: Extras = field(default_factory=Extras)
    subjects: tuple[int, ...] | None = None  # who the event is about; None: every member (a move)
    bank: BankAccount | None = None

    def is_subject(self, index: int) -> bool:
        """True if the event is about member ``index`` (the deceased, a newborn, one of the couple)."""
        return self.subjects is None or index in self.subjects

    @property
    def head(self) -> Member | None:
        """The member whose relation is 世帯主, if any."""
        return next((m for m in self.members if m.is_head), None)

    @property
    def notifier_person(self) -> Person:
        """The person filing: a member or someone from outside."""
        if isinstance(self.notifier, int):
            return self.members[self.notifier]
        return self.notifier

    def with_member(self, index: int, **changes: Any) -> Household:
        """A copy with member ``index`` changed (a clerk's correction)."""
        members = list(self.members)
        members[index] = replace(members[index], **changes)
        return replace(self, members=tuple(members))
