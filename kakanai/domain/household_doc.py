"""Read and write the household document of the resident QR code (document v = 2 in KKN2, v = 1 in
KKN1; ``docs/kkn2.md``).

The document is validated with pydantic (strict types, every error at once, each with its key
path such as ``members[2].birth``; the models are in `household_schema`); the checks pydantic
cannot express (the notifier and subject indexes, a birth after the event, a bank that does not
exist) are cross checks below. Unknown keys are reported as warnings, never errors, so a newer
pre-fill form does not break an older counter; only their paths are kept
(`ParsedHousehold.unknown_keys`), never their values.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from typing import Any, cast

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kakanai.domain.banks import bank_name, branch_name
from kakanai.domain.household import (
    Address,
    BankAccount,
    Birth,
    ChildAllowance,
    Death,
    Disability,
    Extras,
    Household,
    LifeEvent,
    Marriage,
    Member,
    OutsideNotifier,
    Residence,
    School,
)
from kakanai.domain.household_schema import (
    MAX_MEMBERS,
    MAX_STRING,
    AddressDoc,
    AddressDocV2,
    BankDoc,
    EventCode,
    HouseholdDoc,
    HouseholdDocV2,
    MemberDoc,
    MemberDocV2,
    check_characters,
    check_year,
    is_blank,
)
from kakanai.domain.problems import DomainValueError, InvalidInput, Problem, format_path, shown

__all__ = ["MAX_MEMBERS", "MAX_STRING", "EventCode", "ParsedHousehold", "check_characters", "check_year",
           "household_to_document", "is_blank", "parse_household", "subjects_by_kkn1_rule"]

MAX_UNKNOWN_SHOWN = 10


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
    loc = [part for part in error["loc"] if part not in ("int", "NotifierDoc", "NotifierDocV2", "function-after[_clean_text(), str]")]
    kind = error["type"]
    if kind == "value_error":
        refused = error["ctx"]["error"]
        if isinstance(refused, DomainValueError):
            return Problem(format_path(loc), refused.ja, refused.en)
        return Problem(format_path(loc), "値が正しくありません", "invalid value")
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


def _cross_checks(doc: HouseholdDoc) -> list[Problem]:
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
        problems.append(Problem("notifier", f"届出人の番号 {_number(doc.notifier)} に当たる世帯員がいません",
                                "notifier index out of range"))
    problems += _indexes("extras.seal_registration", doc.extras.seal_registration, len(doc.members))
    if isinstance(doc, HouseholdDocV2):
        problems += _v2_checks(doc)
    return problems


def _number(index: int) -> str:
    """A member index as echoed to the clerk: a number of hundreds of digits (a hostile code) is not
    repeated, nor one past Python's 4,300 digits made into text."""
    return str(index) if abs(index) < 10**6 else "（桁数の多すぎる数）"


def _indexes(path: str, indexes: list[int], count: int) -> list[Problem]:
    return [Problem(f"{path}[{j}]", f"番号 {_number(index)} に当たる世帯員がいません", "member index out of range")
            for j, index in enumerate(indexes) if index >= count]


# who a v2 document must name for each event (births: one or more; the couple: exactly two)
_SUBJECTS_NEEDED = {"birth": (1, MAX_MEMBERS), "death": (1, MAX_MEMBERS), "marriage": (2, 2)}


def _v2_checks(doc: HouseholdDocV2) -> list[Problem]:
    problems: list[Problem] = []
    low, high = _SUBJECTS_NEEDED.get(doc.event, (0, MAX_MEMBERS))
    subjects = doc.subjects
    if subjects is None and low:
        problems.append(Problem("subjects", "届出の対象者（亡くなった方・生まれた子・婚姻する2人）の番号がありません",
                                "subjects required for this event"))
    elif subjects is not None:
        problems += _indexes("subjects", subjects, len(doc.members))
        if len(set(subjects)) != len(subjects) or not low <= len(subjects) <= high:
            problems.append(Problem("subjects", "届出の対象者の番号の数が合いません（重複・人数）",
                                    "wrong number of subjects"))
    if doc.new is not None and doc.event == "move_out":  # 国外への転出: the country and the address abroad
        if bool(doc.new.postal) == (doc.new.country is not None):
            problems.append(Problem("new", "転出先は郵便番号（国内）か国・地域コード（国外）のどちらかで書きます",
                                    "new address needs a postal code or a country"))
    elif doc.new is not None and (not doc.new.postal or doc.new.country is not None):
        problems.append(Problem("new.postal", "新しい住所は国内の郵便番号で書きます", "new address needs a postal code"))
    if doc.old is not None and doc.old.country is not None and doc.event != "move_in":  # only a 転入 comes from abroad
        problems.append(Problem("old.country", "前の住所が国外になるのは転入だけです（転出・転居の前の住所はこの市です）",
                                "only a move in has an old address abroad"))
    elif doc.old is not None and bool(doc.old.postal) == (doc.old.country is not None):
        problems.append(Problem("old", "前の住所は郵便番号（国内）か国・地域コード（国外）のどちらかで書きます",
                                "old address needs a postal code or a country"))
    if doc.new_head is not None:
        problems += _indexes("new_head", [doc.new_head], len(doc.members))
        everyone = doc.event in ("move_out", "move_within") and doc.subjects is None  # the whole household moves
        leaving = doc.event in ("death", "move_out", "move_within") and (everyone or doc.new_head in (doc.subjects or ()))
        if leaving:
            problems.append(Problem("new_head", "新しい世帯主が、亡くなった方・異動して世帯を出る方になっています",
                                    "new head leaves the household"))
    return problems + _bank_checks(doc.bank) + _event_checks(doc)


def _event_checks(doc: HouseholdDocV2) -> list[Problem]:
    """The member indexes of the event's facts: the surname taken is one of the couple's, the
    児童手当 claimant a member."""
    problems: list[Problem] = []
    count = len(doc.members)
    marriage = doc.marriage
    if marriage is not None and marriage.surname_of is not None:
        couple = doc.subjects if doc.subjects is not None else list(range(min(2, count)))
        if marriage.surname_of not in couple:
            problems.append(Problem("marriage.surname_of", "婚姻後の氏は婚姻する2人のどちらかの番号で書きます",
                                    "surname_of must be one of the couple"))
    claimant = doc.child_allowance.claimant if doc.child_allowance is not None else None
    if claimant is not None and claimant >= count:
        problems.append(Problem("child_allowance.claimant", f"番号 {_number(claimant)} に当たる世帯員がいません",
                                "member index out of range"))
    return problems


def _bank_checks(bank: BankDoc | None) -> list[Problem]:
    if bank is None:
        return []
    if bank_name(bank.bank) is None:
        return [Problem("bank.bank", f"金融機関コード {bank.bank} の金融機関はありません", "no such bank code")]
    if branch_name(bank.bank, bank.branch) is None:
        return [Problem("bank.branch", f"支店コード {bank.branch} の支店はありません（{bank_name(bank.bank)}）",
                        "no such branch code")]
    return []


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
    """Validate a decoded household document (v = 2, or v = 1 of KKN1) into a `Household`.

    Raises `InvalidInput` listing every error with its key path; unknown keys become warnings
    (in a v = 1 document, v2's keys too).
    """
    if not isinstance(document, dict):
        raise InvalidInput([Problem("", "世帯の情報が { } の形になっていません", "document is not an object")])
    version = document.get("v")
    model = HouseholdDocV2 if type(version) is int and version == 2 else HouseholdDoc
    try:
        doc = model.model_validate(document)
    except ValidationError as exc:
        raise InvalidInput(_pydantic_problems(exc)) from None
    problems = _cross_checks(doc)
    if problems:
        raise InvalidInput(problems)
    unknown = _unknown_keys(doc)
    return ParsedHousehold(_to_household(doc), _unknown_warnings(unknown), tuple(path for path, _ in unknown))


def subjects_by_kkn1_rule(event: str, births: list[str], event_date: str) -> tuple[int, ...] | None:
    """Who a v = 1 document's event is about, by KKN1's member order (``docs/kkn2.md``, "KKN1
    fallback"): the deceased is members[0], the couple members[0] and [1], the newborns those born
    on the event date; None (everyone) for a move."""
    if event == "death":
        return (0,)
    if event == "marriage":
        return tuple(range(min(2, len(births))))
    if event == "birth":
        return tuple(i for i, birth in enumerate(births) if birth == event_date)
    return None


def _address(doc: AddressDoc | None) -> Address | None:
    if doc is None:
        return None
    country = doc.country if isinstance(doc, AddressDocV2) else None
    return Address(postal=doc.postal, address=doc.address, building=doc.building, head=doc.head, country=country)


def _member(doc: MemberDoc) -> Member:
    member = Member(
        family=doc.family, given=doc.given, family_kana=doc.family_kana, given_kana=doc.given_kana,
        birth=doc.birth, sex=doc.sex, relation=doc.relation, insurance=doc.insurance,
        card=doc.card, care_certified=doc.care_certified, nationality=doc.nationality,
    )
    if not isinstance(doc, MemberDocV2):
        return member
    r = doc.residence
    residence = Residence(r.card or "", r.status, r.until, r.category) if r is not None else None
    school = School(doc.school.kind, doc.school.name, doc.school.grade) if doc.school is not None else None
    disability = Disability(doc.disability.kind, doc.disability.grade) if doc.disability is not None else None
    return replace(member, domicile=doc.domicile, domicile_head=doc.domicile_head, alias=doc.alias,
                   residence=residence, birth_time=doc.birth_time or "", birth_place=doc.birth_place,
                   birth_country=doc.birth_country, pensioner=doc.pensioner, allowance=doc.allowance,
                   child_support=doc.child_support, seal_registered=doc.seal_registered, high_cost=doc.high_cost,
                   school=school, disability=disability, insured=doc.insured, pension_class=doc.pension_class,
                   civil_servant=doc.civil_servant, late_disability=doc.late_disability,
                   birth_order=doc.birth_order, father=doc.father, mother=doc.mother)


def _to_household(doc: HouseholdDoc) -> Household:
    notifier: int | OutsideNotifier
    if isinstance(doc.notifier, int):
        notifier = doc.notifier
    else:
        n = doc.notifier
        notifier = OutsideNotifier(family=n.family, given=n.given, family_kana=n.family_kana,
                                   given_kana=n.given_kana, relation=n.relation, phone=n.phone,
                                   address=getattr(n, "address", ""), agent=bool(getattr(n, "agent", False)))
    if isinstance(doc, HouseholdDocV2):
        subjects = tuple(doc.subjects) if doc.subjects is not None else None
        b = doc.bank
        bank = BankAccount(b.bank, b.branch, b.kind, b.number, b.holder_kana) if b is not None else None
        facts = _event_facts(doc) | {"new_head": doc.new_head, "new_relation": doc.new_relation}
    else:
        births = [m.birth.isoformat() for m in doc.members]
        subjects, bank = subjects_by_kkn1_rule(doc.event, births, doc.date.isoformat()), None
        facts = {}
    return Household(
        event=LifeEvent(doc.event), date=doc.date, phone=doc.phone,
        new=_address(doc.new), old=_address(doc.old), notifier=notifier,
        members=tuple(_member(m) for m in doc.members),
        extras=Extras(dogs=doc.extras.dogs, mopeds=doc.extras.mopeds,
                      seal_registration=tuple(doc.extras.seal_registration)),
        subjects=subjects, bank=bank, **facts,
    )


def _event_facts(doc: HouseholdDocV2) -> dict[str, Any]:
    """The death, marriage and 児童手当 facts of a v2 document, as the household's values."""
    d, m, c, b = doc.death, doc.marriage, doc.child_allowance, doc.birth
    return {
        "birth": Birth(b.father, b.mother) if b is not None else None,
        "death": Death(d.time or "", d.place, d.funeral, d.mourner) if d is not None else None,
        "marriage": Marriage(m.surname_of, m.family, m.domicile, m.together) if m is not None else None,
        "child_allowance": ChildAllowance(c.claimant) if c is not None else None,
    }


def household_to_document(household: Household) -> dict[str, Any]:
    """The document (v = 2) for a household, ready for ``json.dumps``: v1's keys as v1 wrote them, v2's
    keys only when they say something."""
    doc: dict[str, Any] = {"v": 2, "event": household.event.value, "date": household.date.isoformat()}
    if household.phone:
        doc["phone"] = household.phone
    for key in ("new", "old"):
        address: Address | None = getattr(household, key)
        if address is not None:
            doc[key] = _non_empty({"postal": address.postal, "country": address.country}) | {
                "address": address.address, "building": address.building}
            if key == "old" or address.head:
                doc[key]["head"] = address.head
    doc["notifier"] = household.notifier if isinstance(household.notifier, int) else _notifier_doc(household.notifier)
    if household.subjects is not None:
        doc["subjects"] = list(household.subjects)
    doc["members"] = [_member_doc(m) for m in household.members]
    extras = household.extras
    doc["extras"] = {"dogs": extras.dogs, "mopeds": extras.mopeds, "seal_registration": list(extras.seal_registration)}
    if household.bank is not None:
        b = household.bank
        doc["bank"] = {"bank": b.bank, "branch": b.branch, "kind": b.kind, "number": b.number,
                       "holder_kana": b.holder_kana}
    return doc | _event_docs(household) | _non_empty({"new_head": household.new_head,
                                                      "new_relation": household.new_relation})


def _event_docs(household: Household) -> dict[str, Any]:
    """The death, marriage and 児童手当 objects of a household, each only when it says something."""
    docs: dict[str, Any] = {}
    d, m, c = household.death, household.marriage, household.child_allowance
    if d is not None:
        docs["death"] = _non_empty({"time": d.time, "place": d.place,
                                    "funeral": d.funeral.isoformat() if d.funeral else None, "mourner": d.mourner})
    if m is not None:
        docs["marriage"] = _non_empty({"surname_of": m.surname_of, "family": m.family, "domicile": m.domicile,
                                       "together": m.together.isoformat() if m.together else None})
    if c is not None:
        docs["child_allowance"] = _non_empty({"claimant": c.claimant})
    if household.birth is not None:
        docs["birth"] = _non_empty({"father": household.birth.father, "mother": household.birth.mother})
    return docs


def _notifier_doc(n: OutsideNotifier) -> dict[str, Any]:
    return {"family": n.family, "given": n.given, "family_kana": n.family_kana,
            "given_kana": n.given_kana, "relation": n.relation, "phone": n.phone} | _non_empty(
                {"address": n.address, "agent": n.agent or None})


def _member_doc(m: Member) -> dict[str, Any]:
    doc = {
        "family": m.family, "given": m.given, "family_kana": m.family_kana, "given_kana": m.given_kana,
        "birth": m.birth.isoformat(), "sex": m.sex, "relation": m.relation, "insurance": m.insurance,
        "card": m.card, "care_certified": m.care_certified, "nationality": m.nationality,
    } | _non_empty({"domicile": m.domicile, "domicile_head": m.domicile_head, "alias": m.alias})
    doc |= _non_empty({"birth_time": m.birth_time, "birth_place": m.birth_place, "birth_country": m.birth_country,
                       "pensioner": m.pensioner, "allowance": m.allowance, "child_support": m.child_support,
                       "seal_registered": m.seal_registered, "high_cost": m.high_cost, "insured": m.insured,
                       "pension_class": m.pension_class, "civil_servant": m.civil_servant,
                       "late_disability": m.late_disability, "birth_order": m.birth_order,
                       "father": m.father, "mother": m.mother})
    if m.school is not None:
        doc["school"] = _non_empty({"kind": m.school.kind, "name": m.school.name, "grade": m.school.grade})
    if m.disability is not None:
        doc["disability"] = _non_empty({"kind": m.disability.kind, "grade": m.disability.grade})
    if m.residence is not None:
        r = m.residence
        doc["residence"] = _non_empty({"card": r.card, "status": r.status,
                                       "until": r.until.isoformat() if r.until else None, "category": r.category})
    return doc


def _non_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "")}
