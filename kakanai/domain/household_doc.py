"""Read and write the household document of the resident QR code (KKN1, document v = 1).

The document is validated with pydantic (strict types, every error at once, each with its key
path such as ``members[2].birth``); the checks pydantic cannot express (dates, kana, control
characters, the notifier index, a birth after the event) are validators below. Unknown keys are
reported as warnings, never errors, so a newer pre-fill form does not break an older counter; only
their paths are kept (`ParsedHousehold.unknown_keys`), never their values.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, cast

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from kakanai.domain.household import (
    Address,
    Extras,
    Household,
    LifeEvent,
    Member,
    OutsideNotifier,
)
from kakanai.domain.kana import is_katakana, normalize_phone, normalize_postal, to_katakana
from kakanai.domain.problems import InvalidInput, Problem, format_path, shown
from kakanai.domain.vocabulary import EVENTS, INSURANCES, SEXES

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
        raise ValueError("制御文字または文字の向きを変える記号が含まれています (control or bidi character)")
    return value


def _clean_text(value: str) -> str:
    return check_characters(value).strip()


def check_year(value: date) -> date:
    """Raise ValueError for a date before 明治 or after 2200 (the QR document and the interview)."""
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"ありえない年の日付です: '{value.isoformat()}' (year out of range)")
    return value


def is_blank(value: str) -> bool:
    """True if the text has nothing visible (only spaces, zero-width or other format characters)."""
    return not _INVISIBLE.sub("", value)


def _iso_date(value: Any) -> date:
    if not isinstance(value, str):  # pydantic turns a ValueError, not a TypeError, into the key's problem
        raise ValueError("文字で書いてください (must be a string)")  # noqa: TRY004
    if not _ISO_DATE.match(value):
        raise ValueError(f"日付は YYYY-MM-DD で書きます: '{shown(value, 12)}' (not an ISO date)")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"存在しない日付です: '{value}' (impossible date)") from None
    return check_year(parsed)


def _kana(value: str) -> str:
    kana = to_katakana(value)
    if kana and not is_katakana(kana):
        raise ValueError(f"フリガナはカタカナで書きます: '{shown(value, 20)}' (reading must be kana)")
    return kana


def _postal(value: str) -> str:
    return normalize_postal(value)


def _one_of(codes: tuple[str, ...]) -> AfterValidator:
    def check(value: str) -> str:
        if value not in codes:
            raise ValueError(f"使えない値です: {shown(repr(value), 20)}（{', '.join(codes)}） (value not allowed)")
        return value
    return AfterValidator(check)


EventCode = Annotated[str, _one_of(EVENTS)]
SexCode = Annotated[str, _one_of(SEXES)]
InsuranceCode = Annotated[str, _one_of(INSURANCES)]
Text = Annotated[str, Field(max_length=MAX_STRING), AfterValidator(_clean_text)]
def _not_blank(value: str) -> str:
    if is_blank(value):
        raise ValueError("空欄です (blank)")
    return value


def _one_version(value: Any) -> Any:
    if type(value) is not int or value != 1:
        raise ValueError("文書の版（v）は整数の 1 です (document version must be the integer 1)")
    return value


Name = Annotated[str, Field(max_length=MAX_STRING), AfterValidator(_clean_text), AfterValidator(_not_blank)]
KanaText = Annotated[Name, AfterValidator(_kana)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]  # an ISO text in the document, a date once read
Postal = Annotated[Text, AfterValidator(_postal)]


class _Doc(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow")


class _AddressDoc(_Doc):
    postal: Postal
    address: Name
    building: Text = ""
    head: Text = ""


class _MemberDoc(_Doc):
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


class _NotifierDoc(_Doc):
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


class _ExtrasDoc(_Doc):
    dogs: Annotated[int, Field(ge=0, le=99)] = 0
    mopeds: Annotated[int, Field(ge=0, le=99)] = 0
    seal_registration: Annotated[list[Annotated[int, Field(ge=0)]], Field(max_length=MAX_MEMBERS)] = []


class _HouseholdDoc(_Doc):
    v: Annotated[int, BeforeValidator(_one_version)]
    event: EventCode
    date: IsoDate
    phone: Text = ""
    new: _AddressDoc | None = None
    old: _AddressDoc | None = None
    notifier: int | _NotifierDoc
    members: Annotated[list[_MemberDoc], Field(min_length=1, max_length=MAX_MEMBERS)]
    extras: _ExtrasDoc = _ExtrasDoc()

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return normalize_phone(value) if value else value


@dataclass(frozen=True)
class ParsedHousehold:
    """A household read from a document, with warnings (unknown keys) that did not stop it.

    Unknown keys are kept apart as their paths only: their values never reach the household,
    the draft, the plan, the forms or the crash-recovery store.
    """

    household: Household
    warnings: list[Problem]
    unknown_keys: tuple[str, ...] = ()


_MESSAGES = {
    "missing": ("必須の項目がありません", "required key missing"),
    "string_type": ("文字で書いてください", "must be a string"),
    "int_type": ("整数で書いてください", "must be an integer"),
    "bool_type": ("true か false で書いてください", "must be true or false"),
    "list_type": ("リスト（[ ]）で書いてください", "must be a list"),
    "model_type": ("{ } の形で書いてください", "must be an object"),
    "dict_type": ("{ } の形で書いてください", "must be an object"),
    "string_too_long": (f"{MAX_STRING}文字を超えています", f"longer than {MAX_STRING} characters"),
    "string_too_short": ("空欄です", "empty"),
    "too_long": (f"人数・件数が多すぎます（{MAX_MEMBERS}まで）", f"more than {MAX_MEMBERS} entries"),
    "too_short": ("1人以上必要です", "at least one entry needed"),
    "literal_error": ("使えない値です", "value not allowed"),
    "string_pattern_mismatch": ("形式が違います", "wrong format"),
    "greater_than_equal": ("0以上の数で書いてください", "must not be negative"),
    "less_than_equal": ("数が大きすぎます", "number too large"),
}


def _problem_from_pydantic(error: ErrorDetails) -> Problem | None:
    loc = [part for part in error["loc"] if part not in ("int", "_NotifierDoc", "function-after[_clean_text(), str]")]
    kind = error["type"]
    if kind == "value_error":
        ja, _, en = str(error["ctx"]["error"]).partition(" (")
        return Problem(format_path(loc), ja, en.rstrip(")"))
    ja, en = _MESSAGES.get(kind, ("値が正しくありません", error["msg"]))
    if kind == "literal_error":
        ja = f"{ja}: {shown(repr(error['input']), 20)}（{error['ctx']['expected']}）"
    return Problem(format_path(loc), ja, en)


def _pydantic_problems(exc: ValidationError) -> list[Problem]:
    problems: list[Problem] = []
    notifier_union = [e for e in exc.errors() if e["loc"][:1] == ("notifier",)]
    for error in exc.errors():
        if error in notifier_union:
            continue
        problem = _problem_from_pydantic(error)
        if problem and problem not in problems:
            problems.append(problem)
    if notifier_union:
        problems.extend(_notifier_problems(notifier_union))
    return problems


def _notifier_problems(errors: list[ErrorDetails]) -> list[Problem]:
    if any(e["type"] == "missing" and e["loc"] == ("notifier",) for e in errors):
        return [Problem("notifier", *_MESSAGES["missing"])]
    detailed = [e for e in errors if len(e["loc"]) > 2]
    if detailed:
        fixed = [cast(ErrorDetails, {**e, "loc": ("notifier",) + tuple(e["loc"][2:])}) for e in detailed]
        return [p for p in map(_problem_from_pydantic, fixed) if p]
    return [Problem("notifier", "世帯員の番号（0から）か、届出人の氏名等で書いてください",
                    "must be a member index or a person object")]


def _cross_checks(doc: _HouseholdDoc) -> list[Problem]:
    problems: list[Problem] = []
    event_date = doc.date
    if doc.event in ("move_in", "move_within") and doc.new is None:
        problems.append(Problem("new", "新しい住所がありません（転入・転居に必要）", "new address required"))
    if doc.event in ("move_out", "move_within") and doc.old is None:
        problems.append(Problem("old", "前の住所がありません（転出・転居に必要）", "old address required"))
    for i, member in enumerate(doc.members):
        if member.birth > event_date:
            problems.append(Problem(f"members[{i}].birth", "生年月日が届出の日付より後になっています",
                                    "birth after the event date"))
    if isinstance(doc.notifier, int) and not 0 <= doc.notifier < len(doc.members):
        problems.append(Problem("notifier", f"届出人の番号 {doc.notifier} に当たる世帯員がいません",
                                "notifier index out of range"))
    for j, index in enumerate(doc.extras.seal_registration):
        if index >= len(doc.members):
            problems.append(Problem(f"extras.seal_registration[{j}]",
                                    f"番号 {index} に当たる世帯員がいません", "member index out of range"))
    return problems


def _unknown_keys(model: BaseModel, path: tuple[str | int, ...] = ()) -> list[tuple[str, str | None]]:
    """The paths of the keys ``model`` did not know, each with the known key at its level it is
    close to (``extra`` → ``extras``, ``birht`` → ``birth``), if any."""
    known = [info.alias or name for name, info in type(model).model_fields.items()]
    found = [(format_path(path + (key,)), _closest(key, known)) for key in (model.model_extra or {})]
    for name in type(model).model_fields:
        value = getattr(model, name)
        children = value if isinstance(value, list) else [value]
        for k, child in enumerate(children):
            if isinstance(child, BaseModel):
                sub = path + ((name, k) if isinstance(value, list) else (name,))
                found.extend(_unknown_keys(child, sub))
    return found


def _closest(key: str, known: list[str]) -> str | None:
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.75)
    return close[0] if close else None


def _unknown_warnings(found: list[tuple[str, str | None]]) -> list[Problem]:
    """Near misses first (a typo loses a procedure silently otherwise), then the other unknown keys."""
    ordered = sorted(found, key=lambda item: item[1] is None)
    warnings = [Problem(shown(p, 40), f"もしかして {hint}？ 綴りが違うため読み飛ばしました。直してください", "misspelt key ignored")
                if hint else Problem(shown(p, 40), "この版では使わない項目です（読み飛ばしました）", "unknown key ignored")
                for p, hint in ordered[:MAX_UNKNOWN_SHOWN]]
    if len(found) > MAX_UNKNOWN_SHOWN:
        warnings.append(Problem("", f"ほか{len(found) - MAX_UNKNOWN_SHOWN}件の使わない項目を読み飛ばしました",
                                "more unknown keys ignored"))
    return warnings


def parse_household(document: Any) -> ParsedHousehold:
    """Validate a decoded KKN1 household document into a `Household`.

    Raises `InvalidInput` listing every error with its key path; unknown keys become warnings.
    """
    if not isinstance(document, dict):
        raise InvalidInput([Problem("", "世帯の情報が { } の形になっていません", "document is not an object")])
    try:
        doc = _HouseholdDoc.model_validate(document)
    except ValidationError as exc:
        raise InvalidInput(_pydantic_problems(exc)) from None
    problems = _cross_checks(doc)
    if problems:
        raise InvalidInput(problems)
    unknown = _unknown_keys(doc)
    return ParsedHousehold(_to_household(doc), _unknown_warnings(unknown), tuple(path for path, _ in unknown))


def _address(doc: _AddressDoc | None) -> Address | None:
    if doc is None:
        return None
    return Address(postal=doc.postal, address=doc.address, building=doc.building, head=doc.head)


def _member(doc: _MemberDoc) -> Member:
    return Member(
        family=doc.family, given=doc.given, family_kana=doc.family_kana, given_kana=doc.given_kana,
        birth=doc.birth, sex=doc.sex, relation=doc.relation, insurance=doc.insurance,
        card=doc.card, care_certified=doc.care_certified, nationality=doc.nationality,
    )


def _to_household(doc: _HouseholdDoc) -> Household:
    notifier: int | OutsideNotifier
    if isinstance(doc.notifier, int):
        notifier = doc.notifier
    else:
        n = doc.notifier
        notifier = OutsideNotifier(family=n.family, given=n.given, family_kana=n.family_kana,
                                   given_kana=n.given_kana, relation=n.relation, phone=n.phone)
    return Household(
        event=LifeEvent(doc.event), date=doc.date, phone=doc.phone,
        new=_address(doc.new), old=_address(doc.old), notifier=notifier,
        members=tuple(_member(m) for m in doc.members),
        extras=Extras(dogs=doc.extras.dogs, mopeds=doc.extras.mopeds,
                      seal_registration=tuple(doc.extras.seal_registration)),
    )


def household_to_document(household: Household) -> dict[str, Any]:
    """The KKN1 document (v = 1) for a household, ready for ``json.dumps``."""
    doc: dict[str, Any] = {"v": 1, "event": household.event.value, "date": household.date.isoformat()}
    if household.phone:
        doc["phone"] = household.phone
    for key in ("new", "old"):
        address: Address | None = getattr(household, key)
        if address is not None:
            doc[key] = {"postal": address.postal, "address": address.address, "building": address.building}
            if key == "old":
                doc[key]["head"] = address.head
    doc["notifier"] = household.notifier if isinstance(household.notifier, int) else _notifier_doc(household.notifier)
    doc["members"] = [_member_doc(m) for m in household.members]
    extras = household.extras
    doc["extras"] = {"dogs": extras.dogs, "mopeds": extras.mopeds, "seal_registration": list(extras.seal_registration)}
    return doc


def _notifier_doc(n: OutsideNotifier) -> dict[str, Any]:
    return {"family": n.family, "given": n.given, "family_kana": n.family_kana,
            "given_kana": n.given_kana, "relation": n.relation, "phone": n.phone}


def _member_doc(m: Member) -> dict[str, Any]:
    return {
        "family": m.family, "given": m.given, "family_kana": m.family_kana, "given_kana": m.given_kana,
        "birth": m.birth.isoformat(), "sex": m.sex, "relation": m.relation, "insurance": m.insurance,
        "card": m.card, "care_certified": m.care_certified, "nationality": m.nationality,
    }
