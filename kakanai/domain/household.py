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

__all__ = ["EVENT_LABELS", "INSURANCE_LABELS", "Address", "BankAccount", "ChildAllowance", "Death", "Disability",
           "Extras", "Household", "LifeEvent", "Marriage", "Member", "OutsideNotifier", "Person", "Residence", "School"]


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
class School:
    """Where a child goes now (KKN2 ``members[].school``): kind, name and grade (学年) there."""

    kind: str  # vocabulary.SCHOOL_KINDS: nursery 保育所, kindergarten 幼稚園, elementary 小学校 …
    name: str = ""
    grade: int | None = None


@dataclass(frozen=True)
class Disability:
    """A 障害者手帳 (KKN2 ``members[].disability``): its kind and grade as written on it."""

    kind: str  # vocabulary.DISABILITY_KINDS: physical 身体, intellectual 療育, mental 精神
    grade: str = ""


@dataclass(frozen=True)
class Death:
    """The facts of a death the 死亡届, 火葬許可 and 葬祭費 print (KKN2 ``death``)."""

    time: str = ""  # "HH:MM" (24 h)
    place: str = ""  # 死亡したところ
    funeral: date | None = None  # 葬儀（葬祭）を行った日
    mourner: str = ""  # 喪主の氏名 (the 葬祭費 is paid to the 喪主); empty: the notifier


@dataclass(frozen=True)
class Marriage:
    """The facts of a marriage (KKN2 ``marriage``): whose surname the couple takes and after it."""

    surname_of: int | None = None  # member index whose surname the couple takes (婚姻後の夫婦の氏)
    family: str = ""  # the surname after the marriage ("": that member's family)
    domicile: str = ""  # 新しい本籍
    together: date | None = None  # 同居を始めたとき


@dataclass(frozen=True)
class Birth:
    """A birth's parents as told (KKN2 ``birth``), for a parent who is not a member of the household."""

    father: str = ""  # 父の氏名
    mother: str = ""  # 母の氏名


@dataclass(frozen=True)
class ChildAllowance:
    """Who claims 児童手当 (the parent with the higher income, asked, never assumed to be the head)."""

    claimant: int | None = None  # member index


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
    birth_time: str = ""  # "HH:MM": a newborn's time of birth (出生届)
    birth_place: str = ""  # 生まれたところ (a newborn)
    birth_country: str | None = None  # born abroad: ISO 3166 alpha-2 (None: in Japan)
    pensioner: bool | None = None  # receives a public pension (年金受給者): asked, never inferred from age
    allowance: bool | None = None  # receives 児童手当 now
    child_support: bool | None = None  # receives 児童扶養手当 now
    seal_registered: bool | None = None  # has a registered seal (印鑑登録) here
    high_cost: bool | None = None  # 高額療養費 is due (the notice came, or the bills passed the limit)
    school: School | None = None
    disability: Disability | None = None
    insured: str | None = None  # employee insurance: "insured" 被保険者 or "dependent" 被扶養者 (v2)
    pension_class: int | None = None  # 国民年金 第1・2・3号 as told (v2); None: worked out by the rules
    civil_servant: bool | None = None  # 公務員 (their 児童手当 is paid by the employer)
    late_disability: bool | None = None  # 後期高齢者医療の障害認定 (65–74)
    birth_order: int | None = None  # 父母との続柄: 1 長男・長女, 2 二男・二女 … (a newborn's, a spouse's: asked)
    father: str = ""  # 父の氏名 as the 婚姻届 writes it (a spouse's parents, also one who died): asked
    mother: str = ""  # 母の氏名

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
    address: str = ""  # the notifier's address (v2)
    agent: bool = False  # a 代理人 with a 委任状 (v2): not of the household, not a relative filing a death


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
    new_head: int | None = None  # 世帯主変更: the member who becomes head (asked, never chosen by the app)
    new_relation: str = ""  # 世帯主変更: the new head's 続柄 to the old head as the form prints it
    bank: BankAccount | None = None
    death: Death | None = None
    marriage: Marriage | None = None
    child_allowance: ChildAllowance | None = None
    birth: Birth | None = None  # the parents as told when they are not members (出生届)

    def is_subject(self, index: int) -> bool:
        """True if the event is about member ``index`` (the deceased, a newborn, one of the couple)."""
        return self.subjects is None or index in self.subjects

    @property
    def surname_after(self) -> str:
        """The couple's surname after a marriage ("" while whose surname is not known)."""
        marriage = self.marriage
        if marriage is None or marriage.family:
            return marriage.family if marriage else ""
        index = marriage.surname_of
        return self.members[index].family if index is not None and index < len(self.members) else ""

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
