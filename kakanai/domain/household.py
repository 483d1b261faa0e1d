"""The household as the counter sees it: members, addresses and the life event that brings them.

These are plain frozen dataclasses; `household_doc` reads them from the resident QR document
(KKN1, ``shared/spec/qr-payload.md``) and writes them back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

# the vocabulary lives in one module; these names are kept here for modules that read a household
from kakanai.domain.vocabulary import EVENT_LABELS, INSURANCE_LABELS, LifeEvent

__all__ = ["EVENT_LABELS", "INSURANCE_LABELS", "Address", "Extras", "Household", "LifeEvent", "Member",
           "OutsideNotifier", "Person"]


@dataclass(frozen=True)
class Address:
    """A postal code (``NNN-NNNN``), an address line and a building/room line (方書)."""

    postal: str
    address: str
    building: str = ""
    head: str = ""  # 旧世帯主, only on the old address

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
class Member(Person):
    """A person of the household (or concerned by the event)."""

    birth: date = date(1900, 1, 1)
    sex: str = "M"
    relation: str = ""
    insurance: str | None = None
    card: bool | None = None
    care_certified: bool | None = None
    nationality: str | None = None

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
