"""Why a condition held, in the words a colleague would write on a note: 「国民健康保険に加入中」,
「未就学（5歳）」, 「75歳の誕生日（令和8年12月2日）から後期高齢者医療」. What goes without saying
(that the person is one the event is about, the event itself) is said with nothing, so a plan's
reasons are the facts that decided it and only those. And why the interview asks a question
(「「住民異動届」に記入するため」), worded from its `Reason` here only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kakanai.domain.ages import age_on, birthday
from kakanai.domain.draft import CITY_PREFECTURE, Draft, member_path
from kakanai.domain.facts import HOUSEHOLD_FACTS, MEMBER_FACTS, Fact
from kakanai.domain.questions import Reason, Why
from kakanai.domain.vocabulary import INSURED_KIND_LABELS, PENSION_CLASS_LABELS, LifeEvent, event_label
from kakanai.domain.wareki import format_wareki

_SILENT = {"subject", "event"}


@dataclass(frozen=True)
class Phrase:
    """Why one condition held, as data: a code of `PHRASE_TEXTS` and the values its template takes
    (numbers, 和暦 dates, the city's prefecture: the same in every language)."""

    code: str
    values: tuple[str | int, ...] = ()

    def text(self) -> str:
        """The phrase in the clerk's Japanese (「国民健康保険に加入中」)."""
        return PHRASE_TEXTS[self.code].format(*self.values)


@dataclass(frozen=True)
class ReasonLine:
    """One line of a plan item's reasons: the phrases that decided it, and whose they are (a
    member's index and name, "" while unknown; None for the household)."""

    phrases: tuple[Phrase, ...]
    member: int | None = None
    name: str = ""

    def text(self) -> str:
        """The line in the clerk's Japanese: 「山田　キヨ: 76歳、後期高齢者医療に加入中」."""
        said = "、".join(p.text() for p in self.phrases)
        if self.member is None:
            return said
        return f"{self.name or f'世帯員{self.member + 1}'}: {said}"


CLERK_ADDED = ReasonLine((Phrase("clerk_added"),))  # a procedure the clerk added by hand


def _choices(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}.{code}": text for code, text in texts.items()}


def _flags(texts: dict[str, tuple[str, str]]) -> dict[str, str]:
    """A yes/no fact's two phrases (codes ``name`` and ``name.no``; an empty one is never said)."""
    table: dict[str, str] = {}
    for name, (yes, no) in texts.items():
        table |= {name: yes} if yes else {}
        table |= {f"{name}.no": no} if no else {}
    return table


_FLAGS = {
    "card": ("マイナンバーカードあり", "マイナンバーカードなし"),
    "care_certified": ("要介護・要支援の認定あり", "要介護・要支援の認定なし"),
    "foreign": ("外国籍", "日本国籍"), "seal_requested": ("印鑑登録を希望", "印鑑登録の希望なし"),
    "is_head": ("世帯主", "世帯主以外"), "from_abroad": ("国外からの転入", ""), "to_abroad": ("国外への転出", ""),
    "agent": ("代理人による届出", ""), "late_disability": ("後期高齢者医療の障害認定あり", "障害認定なし"),
    "civil_servant": ("公務員", "公務員以外"), "pensioner": ("年金を受給中", "年金は受けていない"),
    "claimant_civil_servant": ("請求者が公務員（勤務先で請求）", ""),
    "allowance_recipient": ("児童手当を受給中", ""), "child_support": ("児童扶養手当を受給中", ""),
    "single_parent": ("ひとり親家庭（児童扶養手当を受給中）", ""), "lone_parent": ("ひとり親", ""),
    "child_of_subject": ("亡くなった方の子", ""), "spouse_of_subject": ("亡くなった方の配偶者", ""),
    "seal_registered": ("印鑑登録あり", ""), "high_cost": ("高額療養費の支給対象", ""),
    "surname_changes": ("婚姻で氏が変わる", ""), "keeps_old_surname": ("親の婚姻前の氏のまま", ""),
    "special_permanent": ("特別永住者", ""),
    "born_abroad": ("国外で出生", ""), "disability": ("障害者手帳あり", ""),
}
_INSURANCE = {"nhi": "国民健康保険に加入中", "employee": "被用者保険（社会保険）に加入中",
              "late_elderly": "後期高齢者医療に加入中", "welfare": "生活保護を受給中", "none": "健康保険に未加入"}

# Every phrase a plan's reasons can say, by code, in the clerk's Japanese; {0}, {1} … are the
# phrase's values. The UI words the same codes in its language (scripts/translations.py: English
# per code), so no text is ever read back from the Japanese.
PHRASE_TEXTS: dict[str, str] = {
    "clerk_added": "職員が追加",
    "age": "{0}歳", "age.eve": "{0}歳（誕生日の前日に到達）", "birthday_age.eve": "{0}歳（{1}歳の誕生日は{2}）",
    "age_at_visit": "{0}歳の誕生日（{1}）を迎えて{0}歳", "age_at_visit.no_birth": "来庁日に{0}歳",
    "days_to_75": "75歳の誕生日（{0}）から後期高齢者医療", "days_to_75.reached": "75歳の誕生日（{0}）から後期高齢者医療の対象",
    "grade.preschool": "未就学", "grade.preschool_age": "未就学（{0}歳）", "grade.elementary": "小学{0}年生",
    "grade.junior_high": "中学{0}年生", "grade.high_school": "高校{0}年生相当",
    "grade.adult": "高校卒業後", "grade.adult_age": "高校卒業後（{0}歳）",
    "school_stage.elementary": "小学生", "school_stage.junior_high": "中学生", "school_stage.high_school": "高校生相当",
    **_choices("insurance", _INSURANCE),
    **_choices("newborn_insurance", {"nhi": "国民健康保険に加入", "employee": "勤め先の健康保険の被扶養者に",
                                     "welfare": "生活保護（医療扶助）"}),
    **_choices("insured", {k: f"被用者保険の{v}" for k, v in INSURED_KIND_LABELS.items()}),
    **_choices("pension_class", {str(k): f"国民年金の{v}" for k, v in PENSION_CLASS_LABELS.items()}),
    "pension_class.none": "国民年金の被保険者でない",
    **_choices("sex", {"M": "男性", "F": "女性"}),
    **_choices("couple_surname", {"husband": "夫の氏を称する", "wife": "妻の氏を称する",
                                  "none": "外国籍の方との婚姻（氏は変わりません）"}),
    **_choices("school_kind", {"nursery": "保育所等に在園中", "kindergarten": "幼稚園に在園中"}),
    "relation": "続柄 {0}", "dogs": "犬 {0}頭", "mopeds": "原付 {0}台", "members_count": "{0}人の世帯",
    "remaining_15_plus": "残る15歳以上の世帯員 {0}人",
    "old_same_prefecture": "同じ都道府県（{0}）内からの転入", "old_same_prefecture.no": "他の都道府県からの転入",
    "new_same_prefecture": "同じ都道府県（{0}）内への転出", "new_same_prefecture.no": "他の都道府県への転出",
    **_flags(_FLAGS),
    **_choices("event", {str(e.value): f"届出: {event_label(e.value)}" for e in LifeEvent}),
}


def _birth(draft: Draft, index: int) -> date | None:
    text = draft.get(member_path(index, "birth"))
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _age(draft: Draft, index: int) -> int | None:
    birth, on = _birth(draft, index), draft.get("date")
    if birth is None or not isinstance(on, str):
        return None
    try:
        return age_on(birth, date.fromisoformat(on))
    except ValueError:
        return None


def _eve_of_birthday(draft: Draft, index: int) -> bool:
    """True on the day before a birthday (the legal age is already the next one: 年齢計算ニ関スル法律)."""
    birth, on = _birth(draft, index), draft.get("date")
    if birth is None or not isinstance(on, str):
        return False
    try:
        day = date.fromisoformat(on)
    except ValueError:
        return False
    next_day = day + timedelta(days=1)
    return (next_day.month, next_day.day) == (birth.month, birth.day) and next_day > birth


def _with_age(code: str, draft: Draft, index: int) -> Phrase:
    age = _age(draft, index)
    return Phrase(f"{code}_age", (age,)) if age is not None else Phrase(code)


def _grade(value: Any, draft: Draft, index: int) -> Phrase:
    grade = int(value)
    if grade <= 0:
        return _with_age("grade.preschool", draft, index)
    if grade <= 6:
        return Phrase("grade.elementary", (grade,))
    if grade <= 9:
        return Phrase("grade.junior_high", (grade - 6,))
    if grade <= 12:
        return Phrase("grade.high_school", (grade - 9,))
    return _with_age("grade.adult", draft, index)


def _stage(value: Any, draft: Draft, index: int) -> Phrase | None:
    if value == "preschool":
        return _grade(0, draft, index)
    if value == "adult":
        return _grade(13, draft, index)
    return _choice("school_stage", value)


def _days_to_75(value: Any, draft: Draft, index: int) -> Phrase | None:
    birth = _birth(draft, index)
    if birth is None:
        return None
    return Phrase("days_to_75" if value > 0 else "days_to_75.reached", (format_wareki(birthday(birth, 75)),))


def _age_at_visit(value: Any, draft: Draft, index: int) -> Phrase:
    birth = _birth(draft, index)
    if birth is None:
        return Phrase("age_at_visit.no_birth", (value,))
    return Phrase("age_at_visit", (value, format_wareki(birthday(birth, value))))


def _birthday_age(value: Any, draft: Draft, index: int) -> Phrase:
    birth = _birth(draft, index)
    if birth is not None and _eve_of_birthday(draft, index):
        return Phrase("birthday_age.eve", (value, value + 1, format_wareki(birthday(birth, value + 1))))
    return Phrase("age", (value,))


def _choice(prefix: str, value: Any) -> Phrase | None:
    """The phrase of one of a fact's choices; None for a value the table has no words for."""
    code = f"{prefix}.{value}"
    return Phrase(code) if code in PHRASE_TEXTS else None


def _flag(name: str) -> Callable[[Any, Draft, int], Phrase | None]:
    code = name
    return lambda value, draft, index: (Phrase(code) if code in PHRASE_TEXTS else None) if value else \
        (Phrase(f"{code}.no") if f"{code}.no" in PHRASE_TEXTS else None)


def _of_choices(prefix: str) -> Callable[[Any, Draft, int], Phrase | None]:
    return lambda value, draft, index: _choice(prefix, value)


def _counted(code: str) -> Callable[[Any, Draft, int], Phrase]:
    return lambda value, draft, index: Phrase(code, (value,))


def _pension(value: Any, draft: Draft, index: int) -> Phrase | None:
    return _choice("pension_class", value) if value in PENSION_CLASS_LABELS else Phrase("pension_class.none")


def _same_prefecture(name: str) -> Callable[[Any, Draft, int], Phrase]:
    return lambda value, draft, index: (Phrase(name, (str(draft.get(CITY_PREFECTURE, "")),)) if value
                                        else Phrase(f"{name}.no"))


_PHRASES: dict[str, Callable[[Any, Draft, int], Phrase | None]] = {
    "age": lambda v, d, i: Phrase("age.eve" if _eve_of_birthday(d, i) else "age", (v,)),
    "birthday_age": _birthday_age,
    "age_at_visit": _age_at_visit,
    "days_to_75": _days_to_75,
    "grade": _grade,
    "school_stage": _stage,
    "pension_class": _pension,
    "relation": lambda v, d, i: Phrase("relation", (str(v),)),
    "old_same_prefecture": _same_prefecture("old_same_prefecture"),
    "new_same_prefecture": _same_prefecture("new_same_prefecture"),
    **{name: _of_choices(name) for name in ("insurance", "newborn_insurance", "insured", "sex", "couple_surname", "school_kind")},
    **{name: _counted(name) for name in ("dogs", "mopeds", "members_count", "remaining_15_plus")},
    **{name: _flag(name) for name in _FLAGS},
}


# A fact with no phrases of its own reads as its label: 「label」, 「label：いいえ」, 「label value」
# (tests/domain/test_phrases.py asks every fact for its own words; this keeps a new one said meanwhile).
PLAIN_FACTS = [f for f in (*MEMBER_FACTS.values(), *HOUSEHOLD_FACTS.values()) if f.name not in {*_PHRASES, *_SILENT}]
PHRASE_TEXTS |= {code: text for f in PLAIN_FACTS for code, text in
                 ((f"fact.{f.name}", f.label), (f"fact.{f.name}.no", f"{f.label}：いいえ"),
                  (f"fact.{f.name}.value", f"{f.label} {{0}}"))}


def phrase(fact: Fact, value: Any, draft: Draft, index: int = -1) -> Phrase | None:
    """Why a clause on ``fact`` held with ``value``; None when it goes without saying (the person is
    one the event is about, the event itself) or the table has no words for that value."""
    if fact.name in _SILENT:
        return None
    special = _PHRASES.get(fact.name)
    if special is not None:
        return special(value, draft, index)
    if f"fact.{fact.name}" not in PHRASE_TEXTS:  # a fact made outside the tables (tests)
        return None
    if fact.kind == "bool":
        return Phrase(f"fact.{fact.name}" if value else f"fact.{fact.name}.no")
    return Phrase(f"fact.{fact.name}.value", (str(value),))


def event_reason(event: str) -> ReasonLine:
    """The reason of a procedure only the event decided: 「届出: 転入」."""
    return ReasonLine((Phrase(f"event.{event}"),))


# Why the interview asks, by kind; {title} is the form's or the procedure's title as the city wrote it.
# The UI translates these templates by the same kind (scripts/translations.py: English per kind).
REASON_TEXTS: dict[Why, str] = {
    Why.BASICS: "届出に必要な基本事項",
    Why.FILL: "「{title}」に記入するため",
    Why.DECIDE: "「{title}」が必要か判断するため",
    Why.CHANGE: "変更する",
}


def reason_text(reason: Reason) -> str:
    """Why a question is asked, in the clerk's Japanese (「「住民異動届」に記入するため」)."""
    return REASON_TEXTS[reason.why].format(title=reason.title)
