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

from kakanai.domain.ages import age_on, birthday, birthday_age_on, grade_on, school_stage_on
from kakanai.domain.draft import (
    CITY_PREFECTURE,
    MOVING,
    OUTSIDE_NOTIFIER,
    VISIT_DATE,
    WHOLE,
    Draft,
    member_count,
    member_path,
)
from kakanai.domain.prefectures import prefecture_of
from kakanai.domain.vocabulary import EVENTS, INSURANCES, INSURED_KINDS, SCHOOL_KINDS, SEXES

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


def _visit_day(draft: Draft, path: str) -> date | Unknown:
    """The day the resident comes (the planner's ``visit_date``), never before the event date."""
    on = _date_of(draft, path)
    visit = draft.get(VISIT_DATE)
    return max(on, date.fromisoformat(visit)) if visit and not isinstance(on, Unknown) else on


def _on_birth(fn: Callable[[date, date], Any], day: Callable[[Draft, str], Any] = _date_of) -> Callable[[Draft, int], Any]:
    def compute(draft: Draft, i: int) -> Any:
        birth, on = _date_of(draft, member_path(i, "birth")), day(draft, "date")
        missing = tuple(x.needs[0] for x in (on, birth) if isinstance(x, Unknown))
        if missing:
            return Unknown(missing)
        if birth > on:
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
    if event in ("move_out", "move_within") and draft.get(WHOLE) is False:  # the interview's answer: only some move
        moving = draft.get(member_path(i, MOVING))  # asked right after the person's 続柄; until then: moving
        return moving is not False
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


def _to_abroad(draft: Draft, _: int) -> Any:
    return draft.get("new.country") is not None


def _member_count(draft: Draft, _: int) -> Any:
    return _raw(draft, "member_count")


def _surname_changes(draft: Draft, i: int) -> Any:
    """Whether a marriage changes member ``i``'s surname: one of the couple whose family name is not
    the couple's surname after it (two 佐藤 change none; a marriage with a foreign national changes
    no surname by itself: 氏の変更届 is a separate notification)."""
    subject = _is_subject(draft, i)
    if isinstance(subject, Unknown) or not subject or draft.get("event") != "marriage":
        return False if not isinstance(subject, Unknown) else subject
    couple = [k for k in range(draft.get("member_count") or 0) if _is_subject(draft, k) is True]
    if any(draft.get(member_path(k, "nationality")) for k in couple):
        return False
    after = draft.get("marriage.family") or None
    taken = draft.get("marriage.surname_of")
    if after is None and isinstance(taken, int):
        after = draft.get(member_path(taken, "family"))
    if after is None:
        return Unknown(("marriage.surname_of",))
    family = _raw(draft, member_path(i, "family"))
    return family if isinstance(family, Unknown) else family != after


_CHILD_RELATIONS = ("子", "妻の子", "夫の子")


def _keeps_old_surname(draft: Draft, i: int) -> Any:
    """On a marriage, whether member ``i`` is a child of the household (子, 妻の子, 夫の子), not one of
    the couple, who bears the surname one of the couple gives up: a parent's marriage changes no
    child's surname or 戸籍 (民法790条・791条), so the child keeps the old one."""
    if draft.get("event") != "marriage" or draft.get(member_path(i, "relation")) not in _CHILD_RELATIONS:
        return False
    subject = _is_subject(draft, i)
    if subject is not False:
        return False if subject is True else subject
    family = draft.get(member_path(i, "family"))
    needs: list[str] = []
    for k in range(draft.get("member_count") or 0):
        if k == i or _is_subject(draft, k) is not True or draft.get(member_path(k, "family")) != family:
            continue
        changes = _surname_changes(draft, k)
        if changes is True:
            return True
        needs.extend(changes.needs if isinstance(changes, Unknown) else ())
    return Unknown(tuple(dict.fromkeys(needs))) if needs else False


def _couple_surname(draft: Draft, _: int) -> Any:
    """婚姻後の夫婦の氏: ``husband`` or ``wife``; ``none`` when a spouse is a foreign national (each
    keeps their surname); unknown until whose surname the couple takes is told."""
    count = draft.get("member_count") or 0
    couple = [k for k in range(count) if _is_subject(draft, k) is True]
    if any(draft.get(member_path(k, "nationality")) for k in couple):
        return "none"
    taken = draft.get("marriage.surname_of")
    if not isinstance(taken, int) or taken >= count:
        return Unknown(("marriage.surname_of",))
    return "husband" if draft.get(member_path(taken, "sex")) == "M" else "wife"


def _allowance_recipient(draft: Draft, i: int) -> Any:
    """Whether member ``i`` receives 児童手当 now: as told; where no child (高校3年相当まで) stays in
    the household it does not matter, so it is not asked."""
    told = draft.get(member_path(i, "allowance"))
    if told is not None:
        return told
    grade = _on_birth(grade_on)
    children = [k for k in range(draft.get("member_count") or 0)
                if _is_subject(draft, k) is False and not isinstance(g := grade(draft, k), Unknown) and g <= 12]
    return Unknown((member_path(i, "allowance"),)) if children else False


def _claimant_civil_servant(draft: Draft, _: int) -> Any:
    """Whether the 児童手当 claimant is a 公務員 (then the employer pays it, not the city): the
    claimant's ``civil_servant``; while the claimant is not known, asked only when a parent is one.
    A deceased claimant claims no more (児童手当法7条: the surviving parent claims anew), so on a
    death only the surviving parents count."""
    def deceased(k: int) -> bool:
        return draft.get("event") == "death" and _is_subject(draft, k) is True

    claimant = draft.get("child_allowance.claimant")
    if isinstance(claimant, int) and not deceased(claimant):
        return draft.get(member_path(claimant, "civil_servant")) is True
    parents = [k for k in range(draft.get("member_count") or 0)
               if draft.get(member_path(k, "relation")) in ("世帯主", *_SPOUSES) and not deceased(k)]
    if any(draft.get(member_path(k, "civil_servant")) is True for k in parents):
        # the deceased claimant's successor is the surviving parent: a 公務員 claims at the employer
        return True if isinstance(claimant, int) else Unknown(("child_allowance.claimant",))
    return False


# who can be a newborn's parent by relation (a 子's are the 世帯主 and their spouse, a 孫's a 子 or a 子の妻・夫)
_PARENT_RELATIONS = {"子": ("世帯主", "妻", "夫", "妻（未届）", "夫（未届）"), "孫": ("子", "子の妻", "子の夫"), "妻の子": ("妻",), "夫の子": ("夫",)}
# the insurances a newborn can join through a parent: 国保 (a household's), 被用者保険 (a dependant), 生活保護
_CHILD_INSURANCES = ("nhi", "employee", "welfare")


def _newborn_insurance(draft: Draft, i: int) -> Any:
    """The health insurance a newborn joins: as told (the child's ``insurance``: 国保, 被用者保険 or 生活保護);
    else (not told, or 加入なし: a newborn has none yet) the one its parents in the household share
    (国保 where none of them has one it can join through: every resident without another insurance
    joins it); unknown (asked) where the parents are on different ones (one 国保, one 被用者保険: the
    child may be the employee's dependant) or none is here."""
    told = draft.get(member_path(i, "insurance"))
    if told in _CHILD_INSURANCES:
        return told
    relations = _PARENT_RELATIONS.get(str(draft.get(member_path(i, "relation")) or ""), ())
    age = _on_birth(age_on)
    parents = [k for k in range(draft.get("member_count") or 0) if k != i and _is_subject(draft, k) is False
               and draft.get(member_path(k, "relation")) in relations
               and not isinstance(a := age(draft, k), Unknown) and a >= 13]
    if not parents:
        return Unknown((member_path(i, "insurance"),))
    kinds = [_raw(draft, member_path(k, "insurance")) for k in parents]
    missing = tuple(p for x in kinds if isinstance(x, Unknown) for p in x.needs)
    if missing:
        return Unknown(missing)
    through = {k for k in kinds if k in _CHILD_INSURANCES}
    if len(through) > 1:
        return Unknown((member_path(i, "insurance"),))
    return through.pop() if through else "nhi"


_CHILDREN = ("子", "孫", "妻の子", "夫の子")


def _lone_parent(draft: Draft, i: int) -> Any:
    """Whether member ``i`` raises a child up to 高校3年相当 with no spouse in the household: the 世帯主
    of a 子 where there is no 妻・夫; a 子 (子の妻, 子の夫) of a 孫 where no couple of them lives here
    (a single mother living with her parents); the 世帯主 of a 孫 where none of them does (a
    grandparent raising a grandchild). Unknown while a child's age or the person's is."""
    count = draft.get("member_count") or 0
    relations = [draft.get(member_path(k, "relation")) for k in range(count)]
    sexes = [draft.get(member_path(k, "sex")) for k in range(count)]
    grade = _on_birth(grade_on)
    grades = [grade(draft, k) for k in range(count)]
    needs = tuple(p for g in grades if isinstance(g, Unknown) for p in g.needs)
    if needs:
        return Unknown(tuple(dict.fromkeys(needs)))
    adults = [k for k in range(count) if grades[k] > 12]
    if i not in adults:
        return False

    def kids(*kinds: str) -> bool:
        return any(relations[k] in kinds and grades[k] <= 12 for k in range(count))

    middle = [k for k in adults if relations[k] in ("子", "子の妻", "子の夫")]
    couple = any(relations[k] == "子の妻" for k in middle) and any(relations[k] == "子" and sexes[k] == "M" for k in middle) \
        or any(relations[k] == "子の夫" for k in middle) and any(relations[k] == "子" and sexes[k] == "F" for k in middle)
    if relations[i] == "世帯主":
        return not set(relations) & set(_SPOUSES) and (kids("子", "妻の子", "夫の子") or (kids("孫") and not middle))
    return i in middle and not couple and kids("孫")


def _single_parent(draft: Draft, _: int) -> Any:
    """Whether the household is a one-parent family on 児童扶養手当: one raising a child alone
    (`_lone_parent`; for a marriage, one of the couple, until now) receives it, and a child up to
    高校3年相当 lives here. Asked only of such a parent."""
    count = draft.get("member_count") or 0
    if draft.get("event") == "marriage":
        grade = _on_birth(grade_on)
        others = [grade(draft, k) for k in range(count) if _is_subject(draft, k) is False
                  and draft.get(member_path(k, "relation")) in _CHILDREN]
        if not any(not isinstance(g, Unknown) and g <= 12 for g in others):
            needs = tuple(p for g in others if isinstance(g, Unknown) for p in g.needs)
            return Unknown(needs) if needs else False
        parents: list[Any] = [k for k in range(count) if _is_subject(draft, k) is True]
    else:
        lone = [(k, member_fact(draft, k, "lone_parent")) for k in range(count)]
        unknown = tuple(p for _, v in lone if isinstance(v, Unknown) for p in v.needs)
        if unknown:
            return Unknown(unknown)
        parents = [k for k, v in lone if v is True]
    told = [_raw(draft, member_path(k, "child_support")) for k in parents]
    if any(t is True for t in told):
        return True
    missing = tuple(p for t in told if isinstance(t, Unknown) for p in t.needs)
    return Unknown(missing) if missing else False


def _child_of_subject(draft: Draft, i: int) -> Any:
    """Whether member ``i`` is, by relation, a child of one the event is about (the deceased): a 子 of
    the 世帯主 or their 妻・夫, a 孫 of a 子 or a 子の妻・夫, a 妻の子 (夫の子) of the 妻 (夫). A 孫 is
    not a child of the 世帯主 who died (遺族基礎年金 and 児童扶養手当 go to the deceased's own children)."""
    relation = _raw(draft, member_path(i, "relation"))
    if isinstance(relation, Unknown):
        return relation
    parents = _PARENT_RELATIONS.get(str(relation), ())
    if not parents or _is_subject(draft, i) is True:
        return False
    return _a_subject_is(draft, i, lambda other, _k: other in parents)


def _a_subject_is(draft: Draft, i: int, related: Callable[[Any, int], bool]) -> Any:
    """Whether one the event is about (other than member ``i``) is ``related(their relation, index)``:
    True, False, or Unknown with what to ask (who the event is about, a relation)."""
    needs: list[str] = []
    for k in range(draft.get("member_count") or 0):
        subject = _is_subject(draft, k)
        if k == i or subject is False:
            continue
        other = _raw(draft, member_path(k, "relation"))
        if isinstance(subject, Unknown) or isinstance(other, Unknown):
            needs.extend(x for u in (subject, other) if isinstance(u, Unknown) for x in u.needs)
        elif related(other, k):
            return True
    return Unknown(tuple(dict.fromkeys(needs))) if needs else False


# whose spouse a relation can be: the 世帯主's 妻・夫, a 子's 子の妻・子の夫
_SPOUSE_OF = {"世帯主": ("妻", "夫", "妻（未届）", "夫（未届）"), "妻": ("世帯主",), "夫": ("世帯主",),
              "妻（未届）": ("世帯主",), "夫（未届）": ("世帯主",), "子": ("子の妻", "子の夫"),
              "子の妻": ("子",), "子の夫": ("子",)}


def _spouse_of_subject(draft: Draft, i: int) -> Any:
    """Whether member ``i`` is, by relation and sex, the spouse of one the event is about (the
    deceased): the 妻 of a deceased 世帯主, the 世帯主 of a deceased 夫, the 子の妻 of a deceased son.
    A daughter-in-law is not the widow of her husband's father."""
    relation, sex = _raw(draft, member_path(i, "relation")), draft.get(member_path(i, "sex"))
    if isinstance(relation, Unknown):
        return relation
    if _is_subject(draft, i) is True:
        return False
    return _a_subject_is(draft, i, lambda other, k: relation in _SPOUSE_OF.get(str(other), ())
                         and sex != draft.get(member_path(k, "sex")))


def _special_permanent(draft: Draft, i: int) -> Any:
    """Whether member ``i`` is a 特別永住者 (the 住民票's 30条の45区分, as the document tells it)."""
    residence = draft.get(member_path(i, "residence"))
    return isinstance(residence, dict) and residence.get("category") == "special_permanent"


def _born_abroad(draft: Draft, i: int) -> Any:
    """Whether a birth being reported happened abroad (the newborn's ``birth_country``); only a birth
    asks it, so a resident born abroad who moves is never read as one."""
    if draft.get("event") != "birth":
        return False
    return draft.get(member_path(i, "birth_country")) not in (None, "", "JP")


def _school_kind(draft: Draft, i: int) -> Any:
    school = draft.get(member_path(i, "school"))
    return school.get("kind", "none") if isinstance(school, dict) else "none"


def _has_disability(draft: Draft, i: int) -> Any:
    return isinstance(draft.get(member_path(i, "disability")), dict)


def _days_to_75(birth: date, on: date) -> int:
    """Days from the event date to the 75th birthday, when 後期高齢者医療 starts (≤ 0: it has)."""
    return (birthday(birth, 75) - on).days


# a spouse by the 住民票's 続柄, a de facto one (妻（未届）・夫（未届）) too: the laws kakanai plans by count
# 事実婚 as marriage (児童扶養手当法3条3項, 国民年金法5条8項, 厚生年金保険法3条2項, 健康保険法3条7項1号)
_SPOUSES = ("妻", "夫", "妻（未届）", "夫（未届）")


def _pension_class(draft: Draft, i: int) -> Any:
    """国民年金の種別 on the event date: as the document says (``pension_class``), else worked out:
    2 for the insured person of an employee insurance, 3 for their dependent spouse aged 20–59 (a 妻・夫,
    a 子の妻・子の夫), 1 for
    every other resident aged 20–59 (a 21-year-old student on a parent's insurance too), 0 for none."""
    explicit = draft.get(member_path(i, "pension_class"))
    if isinstance(explicit, int):
        return explicit
    age, insurance = _on_birth(age_on)(draft, i), _raw(draft, member_path(i, "insurance"))
    if isinstance(age, Unknown) or isinstance(insurance, Unknown):
        return Unknown(tuple(p for x in (age, insurance) if isinstance(x, Unknown) for p in x.needs))
    if insurance == "employee":
        insured = _raw(draft, member_path(i, "insured"))
        if isinstance(insured, Unknown) or insured == "insured":
            return 2 if insured == "insured" else insured
        if 20 <= age <= 59:
            return 3 if draft.get(member_path(i, "relation")) in (*_SPOUSES, "子の妻", "子の夫") else 1
        return 0
    return 1 if 20 <= age <= 59 and insurance != "late_elderly" else 0


def _remaining_15_plus(draft: Draft, _: int) -> Any:
    """How many members aged 15 or over stay in the household (those the event is not about)."""
    count = member_count(draft)
    if count is None:
        return Unknown(("member_count",))
    total, needs = 0, list[tuple[str, ...]]()
    for i in range(count):
        subject, age = _is_subject(draft, i), _on_birth(age_on)(draft, i)
        if isinstance(subject, Unknown) or isinstance(age, Unknown):
            needs.extend(x.needs for x in (subject, age) if isinstance(x, Unknown))
        elif not subject and age >= 15:
            total += 1
    return Unknown(tuple(dict.fromkeys(p for n in needs for p in n))) if needs else total


def _same_prefecture(side: str) -> Callable[[Draft, int], Any]:
    """Whether the old (転入) or new (転出) address is in the city's prefecture (its 広域連合); an
    address abroad is not; an address whose text names no prefecture counts as another one (the
    resident then brings the 負担区分等証明書, which is never wrong)."""
    def compute(draft: Draft, _: int) -> Any:
        if draft.get(f"{side}.country"):
            return False
        address, city = _raw(draft, f"{side}.address"), draft.get(CITY_PREFECTURE)
        if isinstance(address, Unknown) or not city:
            return address if isinstance(address, Unknown) else Unknown(())
        return prefecture_of(str(address)) == city
    return compute


_MOVES = ("move_in", "move_out", "move_within")


def _agent(draft: Draft, _: int) -> Any:
    """Whether a 代理人 files: the notifier says so, or someone from outside the household files a
    move (住民異動届 is filed by the person or a member of the household; anyone else needs a 委任状)."""
    notifier = _raw(draft, "notifier")
    if isinstance(notifier, Unknown):
        return notifier
    outside = isinstance(notifier, dict) or notifier == OUTSIDE_NOTIFIER  # a code's object, or the interview's answer
    told = notifier.get("agent") if isinstance(notifier, dict) else draft.get("notifier.agent")
    return outside and (bool(told) or draft.get("event") in _MOVES)


def _household_raw(path: str, default: Any = None) -> Callable[[Draft, int], Any]:
    def compute(draft: Draft, _: int) -> Any:
        value = draft.get(path, default)
        return Unknown((path,)) if value is None else value
    return compute


MEMBER_FACTS: dict[str, Fact] = {f.name: f for f in (
    Fact("age", "member", "int", "年齢", _on_birth(age_on)),
    Fact("age_at_visit", "member", "int", "来庁日の年齢", _on_birth(age_on, _visit_day)),
    Fact("birthday_age", "member", "int", "誕生日で数えた年齢（後期高齢者医療）", _on_birth(birthday_age_on)),
    Fact("days_to_75", "member", "int", "75歳の誕生日までの日数", _on_birth(_days_to_75)),
    Fact("pension_class", "member", "int", "国民年金の種別", _pension_class),
    Fact("insured", "member", "enum", "被用者保険の本人・家族", _member_raw("insured"), INSURED_KINDS),
    Fact("civil_servant", "member", "bool", "公務員", _member_raw("civil_servant")),
    Fact("late_disability", "member", "bool", "後期高齢者医療の障害認定", _member_raw("late_disability")),
    Fact("grade", "member", "int", "学年相当", _on_birth(grade_on)),
    Fact("school_stage", "member", "enum", "就学段階", _on_birth(school_stage_on), STAGES),
    Fact("sex", "member", "enum", "性別", _member_raw("sex"), SEXES),
    Fact("relation", "member", "text", "続柄", _member_raw("relation")),
    Fact("is_head", "member", "bool", "世帯主", _is_head),
    Fact("insurance", "member", "enum", "健康保険", _member_raw("insurance"), INSURANCE),
    Fact("newborn_insurance", "member", "enum", "生まれた子が加入する健康保険", _newborn_insurance, INSURANCE),
    Fact("card", "member", "bool", "マイナンバーカード", _member_raw("card")),
    Fact("care_certified", "member", "bool", "要介護・要支援認定", _member_raw("care_certified")),
    Fact("foreign", "member", "bool", "外国籍", _is_foreign),
    Fact("seal_requested", "member", "bool", "印鑑登録の希望", _member_raw("seal")),
    Fact("subject", "member", "bool", "届出の対象者", _is_subject),
    Fact("pensioner", "member", "bool", "年金を受給中", _member_raw("pensioner")),
    Fact("allowance_recipient", "member", "bool", "児童手当を受給中", _allowance_recipient),
    Fact("child_support", "member", "bool", "児童扶養手当を受給中", _member_raw("child_support")),
    Fact("child_of_subject", "member", "bool", "届出の対象者（亡くなった方）の子", _child_of_subject),
    Fact("spouse_of_subject", "member", "bool", "届出の対象者（亡くなった方）の配偶者", _spouse_of_subject),
    Fact("lone_parent", "member", "bool", "ひとり親（同居の配偶者なしで子を養育）", _lone_parent),
    Fact("seal_registered", "member", "bool", "印鑑登録済み", _member_raw("seal_registered")),
    Fact("high_cost", "member", "bool", "高額療養費の支給対象", _member_raw("high_cost")),
    Fact("surname_changes", "member", "bool", "婚姻で氏が変わる", _surname_changes),
    Fact("keeps_old_surname", "member", "bool", "親の婚姻前の氏のままの子（婚姻）", _keeps_old_surname),
    Fact("special_permanent", "member", "bool", "特別永住者", _special_permanent),
    Fact("born_abroad", "member", "bool", "国外で出生（出生の届出）", _born_abroad),
    Fact("school_kind", "member", "enum", "通っている学校・園", _school_kind, (*SCHOOL_KINDS, "none")),
    Fact("disability", "member", "bool", "障害者手帳あり", _has_disability),
)}

HOUSEHOLD_FACTS: dict[str, Fact] = {f.name: f for f in (
    Fact("event", "household", "enum", "届出の種類", _household_raw("event"), EVENTS),
    Fact("dogs", "household", "int", "飼い犬の数", _household_raw("extras.dogs")),
    Fact("mopeds", "household", "int", "原付の台数", _household_raw("extras.mopeds")),
    Fact("members_count", "household", "int", "人数", _member_count),
    Fact("from_abroad", "household", "bool", "国外からの転入", _from_abroad),
    Fact("to_abroad", "household", "bool", "国外への転出", _to_abroad),
    Fact("claimant_civil_servant", "household", "bool", "児童手当の請求者が公務員", _claimant_civil_servant),
    Fact("couple_surname", "household", "enum", "婚姻後の夫婦の氏", _couple_surname, ("husband", "wife", "none")),
    Fact("remaining_15_plus", "household", "int", "残る15歳以上の世帯員", _remaining_15_plus),
    Fact("old_same_prefecture", "household", "bool", "前住所が同じ都道府県", _same_prefecture("old")),
    Fact("new_same_prefecture", "household", "bool", "転出先が同じ都道府県", _same_prefecture("new")),
    Fact("agent", "household", "bool", "代理人の届出", _agent),
    Fact("single_parent", "household", "bool", "ひとり親家庭（児童扶養手当を受給中）", _single_parent),
)}


class Context(dict[str, Any]):
    """A draft as one plan reads it (never changed while it does): each fact is worked out once."""

    def __init__(self, draft: Draft) -> None:
        super().__init__(draft)
        self.facts: dict[tuple[str, int], Any] = {}


def _fact(draft: Draft, fact: Fact, index: int) -> Any:
    if not isinstance(draft, Context):
        return fact.compute(draft, index)
    key = (fact.name, index)
    if key not in draft.facts:
        draft.facts[key] = fact.compute(draft, index)
    return draft.facts[key]


def member_fact(draft: Draft, index: int, name: str) -> Any:
    """The value of member fact ``name`` for member ``index`` (or an `Unknown`)."""
    return _fact(draft, MEMBER_FACTS[name], index)


def household_fact(draft: Draft, name: str) -> Any:
    """The value of household fact ``name`` (or an `Unknown`)."""
    return _fact(draft, HOUSEHOLD_FACTS[name], -1)
