"""The household document's schema (KKN1 document v = 1, KKN2 document v = 2; ``docs/kkn2.md``):
the text checks every string passes, the typed values (dates, kana, codes) and the pydantic models
of each version. `household_doc` validates a document against them and turns it into a `Household`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from kakanai.domain.countries import is_country
from kakanai.domain.kana import is_katakana, normalize_phone, normalize_postal, to_katakana
from kakanai.domain.problems import DomainValueError, shown
from kakanai.domain.vocabulary import (
    ACCOUNT_KINDS,
    DISABILITY_KINDS,
    EVENTS,
    INSURANCES,
    INSURED_KINDS,
    RESIDENCE_CATEGORIES,
    SCHOOL_KINDS,
    SEXES,
)

MAX_MEMBERS = 20
MAX_STRING = 200
MAX_UNKNOWN_SHOWN = 10
EARLIEST = date(1868, 1, 1)  # 明治改元: the first day a 和暦 form can print
LATEST = date(2200, 12, 31)
_FORBIDDEN = re.compile("[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# format characters (zero-width space, joiners, BOM …) and whitespace: a name of only these is blank
_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u206f\ufeff]+")


def check_characters(value: str) -> str:
    """Raise ValueError if the text has control or bidirectional-override characters (the spec
    refuses them in every string, from a QR code or typed by a clerk)."""
    if _FORBIDDEN.search(value):
        raise DomainValueError("制御文字または文字の向きを変える記号が含まれています", "control or bidi character")
    return value


def _clean_text(value: str) -> str:
    return check_characters(value).strip()


def check_year(value: date) -> date:
    """Raise ValueError for a date before 明治 or after 2200 (the QR document and the interview)."""
    if not EARLIEST <= value <= LATEST:
        raise DomainValueError(f"ありえない年の日付です: '{value.isoformat()}'", "year out of range")
    return value


def is_blank(value: str) -> bool:
    """True if the text has nothing visible (only spaces, zero-width or other format characters)."""
    return not _INVISIBLE.sub("", value)


def _iso_date(value: Any) -> date:
    if not isinstance(value, str):  # pydantic turns a ValueError, not a TypeError, into the key's problem
        raise DomainValueError("文字で書いてください", "must be a string")
    if not _ISO_DATE.match(value):
        raise DomainValueError(f"日付は YYYY-MM-DD で書きます: '{shown(value, 12)}'", "not an ISO date")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise DomainValueError(f"存在しない日付です: '{value}'", "impossible date") from None
    return check_year(parsed)


def _kana(value: str) -> str:
    kana = to_katakana(value)
    if kana and not is_katakana(kana):
        raise DomainValueError(f"フリガナはカタカナで書きます: '{shown(value, 20)}'", "reading must be kana")
    return kana


def _postal(value: str) -> str:
    return normalize_postal(value)


def _one_of(codes: tuple[str, ...]) -> AfterValidator:
    def check(value: str) -> str:
        if value not in codes:
            raise DomainValueError(f"使えない値です: {shown(repr(value), 20)}（{', '.join(codes)}）", "value not allowed")
        return value
    return AfterValidator(check)


EventCode = Annotated[str, _one_of(EVENTS)]
SexCode = Annotated[str, _one_of(SEXES)]
InsuranceCode = Annotated[str, _one_of(INSURANCES)]
Text = Annotated[str, Field(max_length=MAX_STRING), AfterValidator(_clean_text)]
def _not_blank(value: str) -> str:
    if is_blank(value):
        raise DomainValueError("空欄です", "blank")
    return value


def _version(number: int) -> BeforeValidator:
    def check(value: Any) -> Any:
        if type(value) is not int or value != number:
            raise DomainValueError("文書の版（v）は整数の 1 か 2 です", "document version must be the integer 1 or 2")
        return value
    return BeforeValidator(check)


Name = Annotated[str, Field(max_length=MAX_STRING), AfterValidator(_clean_text), AfterValidator(_not_blank)]
KanaText = Annotated[Name, AfterValidator(_kana)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]  # an ISO text in the document, a date once read
Postal = Annotated[Text, AfterValidator(_postal)]


class Doc(BaseModel):
    """A part of the document: strict types, unknown keys kept apart (their paths become warnings)."""

    model_config = ConfigDict(strict=True, extra="allow")


class AddressDoc(Doc):
    postal: Postal
    address: Name
    building: Text = ""
    head: Text = ""


class MemberDoc(Doc):
    family: Name
    given: Text
    family_kana: KanaText
    given_kana: Annotated[Text, AfterValidator(_kana)]
    birth: IsoDate
    sex: SexCode
    relation: Name
    insurance: InsuranceCode | None = None
    card: bool | None = None
    care_certified: bool | None = None
    nationality: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None


class NotifierDoc(Doc):
    family: Name
    given: Text
    family_kana: KanaText
    given_kana: Annotated[Text, AfterValidator(_kana)]
    relation: Text = ""
    phone: Text = ""

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return normalize_phone(value) if value else value


class ExtrasDoc(Doc):
    dogs: Annotated[int, Field(ge=0, le=99)] = 0
    mopeds: Annotated[int, Field(ge=0, le=99)] = 0
    seal_registration: Annotated[list[Annotated[int, Field(ge=0)]], Field(max_length=MAX_MEMBERS)] = []


class HouseholdDoc(Doc):
    v: Annotated[int, _version(1)]
    event: EventCode
    date: IsoDate
    phone: Text = ""
    new: AddressDoc | None = None
    old: AddressDoc | None = None
    notifier: int | NotifierDoc
    members: Annotated[list[MemberDoc], Field(min_length=1, max_length=MAX_MEMBERS)]
    extras: ExtrasDoc = ExtrasDoc()

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return normalize_phone(value) if value else value


# -- document v = 2 (KKN2): v1's keys and the facts real forms need -------------------------------


def _country(value: str) -> str:
    if not is_country(value):
        raise DomainValueError(f"ISO 3166 の国・地域コードではありません: {shown(repr(value), 8)}", "unknown country code")
    return value


Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$"), AfterValidator(_country)]
Digits4 = Annotated[str, Field(pattern=r"^[0-9]{4}$")]
Digits3 = Annotated[str, Field(pattern=r"^[0-9]{3}$")]
Digits7 = Annotated[str, Field(pattern=r"^[0-9]{7}$")]
ResidenceCard = Annotated[str, Field(pattern=r"^[A-Z]{2}[0-9]{8}[A-Z]{2}$")]


class AddressDocV2(AddressDoc):
    """An address; the old one may be abroad: ``country`` instead of ``postal``."""

    postal: Postal = ""
    country: Country | None = None


class ResidenceDoc(Doc):
    """A foreign resident's 在留カード facts."""

    card: ResidenceCard | None = None
    status: Text = ""
    until: IsoDate | None = None
    category: Annotated[str, _one_of(RESIDENCE_CATEGORIES)] | None = None


Clock = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]  # "HH:MM", 24 hours
Index = Annotated[int, Field(ge=0)]


class SchoolDoc(Doc):
    """Where a child goes now: kind, the school's or 園's name, the grade there."""

    kind: Annotated[str, _one_of(SCHOOL_KINDS)]
    name: Text = ""
    grade: Annotated[int, Field(ge=1, le=6)] | None = None


class DisabilityDoc(Doc):
    """A 障害者手帳: kind and grade as written on it (1級, A, 2級 …)."""

    kind: Annotated[str, _one_of(DISABILITY_KINDS)]
    grade: Text = ""


class MemberDocV2(MemberDoc):
    """A member with 本籍・筆頭者 (Japanese nationals) or 通称 and 在留 facts (foreign residents)."""

    nationality: Country | None = None
    domicile: Text = ""
    domicile_head: Text = ""
    alias: Text = ""
    residence: ResidenceDoc | None = None
    birth_time: Clock | None = None
    birth_place: Text = ""
    birth_country: Country | None = None
    pensioner: bool | None = None
    allowance: bool | None = None
    child_support: bool | None = None
    seal_registered: bool | None = None
    high_cost: bool | None = None
    school: SchoolDoc | None = None
    disability: DisabilityDoc | None = None
    insured: Annotated[str, _one_of(INSURED_KINDS)] | None = None
    pension_class: Annotated[int, Field(ge=1, le=3)] | None = None
    civil_servant: bool | None = None
    late_disability: bool | None = None
    birth_order: Annotated[int, Field(ge=1, le=20)] | None = None
    father: Text = ""
    mother: Text = ""


class NotifierDocV2(NotifierDoc):
    """A notifier from outside the household, with their address and whether they are a 代理人."""

    address: Text = ""
    agent: bool | None = None


class DeathDoc(Doc):
    """A death's time and place, the funeral's date and the 喪主."""

    time: Clock | None = None
    place: Text = ""
    funeral: IsoDate | None = None
    mourner: Text = ""


class MarriageDoc(Doc):
    """Whose surname the couple takes, the surname after, the new 本籍, when living together began."""

    surname_of: Index | None = None
    family: Text = ""
    domicile: Text = ""
    together: IsoDate | None = None


class ChildAllowanceDoc(Doc):
    """The 児童手当 claimant: the parent with the higher income (a member index)."""

    claimant: Index | None = None


class BirthDoc(Doc):
    """A birth's parents as the 出生届 names them, when they are not the household's members."""

    father: Text = ""
    mother: Text = ""


class BankDoc(Doc):
    """The account a benefit is paid into, as 全銀 codes."""

    bank: Digits4
    branch: Digits3
    kind: Annotated[str, _one_of(ACCOUNT_KINDS)]
    number: Digits7
    holder_kana: KanaText


class HouseholdDocV2(HouseholdDoc):
    """Document v = 2: who the event is about, addresses abroad, members' register facts, an account."""

    v: Annotated[int, _version(2)]
    new: AddressDocV2 | None = None
    old: AddressDocV2 | None = None
    members: Annotated[list[MemberDocV2], Field(min_length=1, max_length=MAX_MEMBERS)]  # type: ignore[assignment]  # pydantic validates a list; a v2 member is a v1 member
    subjects: Annotated[list[Annotated[int, Field(ge=0)]], Field(max_length=MAX_MEMBERS)] | None = None
    bank: BankDoc | None = None
    death: DeathDoc | None = None
    marriage: MarriageDoc | None = None
    child_allowance: ChildAllowanceDoc | None = None
    birth: BirthDoc | None = None
    notifier: int | NotifierDocV2  # a v2 notifier is a v1 notifier with more
    new_head: Annotated[int, Field(ge=0)] | None = None
    new_relation: Text = ""
