"""Why a condition held, in the words a colleague would write on a note: 「国民健康保険に加入中」,
「未就学（5歳）」, 「75歳の誕生日（令和8年12月2日）から後期高齢者医療」. What goes without saying
(that the person is one the event is about, the event itself) is said with nothing, so a plan's
reasons are the facts that decided it and only those. And why the interview asks a question
(「「住民異動届」に記入するため」), worded from its `Reason` here only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from kakanai.domain.ages import age_on, birthday
from kakanai.domain.draft import CITY_PREFECTURE, Draft, member_path
from kakanai.domain.facts import Fact
from kakanai.domain.questions import Reason, Why
from kakanai.domain.vocabulary import INSURED_KIND_LABELS, PENSION_CLASS_LABELS
from kakanai.domain.wareki import format_wareki

_SILENT = {"subject", "event"}
_INSURANCE = {"nhi": "国民健康保険に加入中", "employee": "被用者保険（社会保険）に加入中",
              "late_elderly": "後期高齢者医療に加入中", "welfare": "生活保護を受給中", "none": "健康保険に未加入"}


def _birth(draft: Draft, index: int) -> date | None:
    text = draft.get(member_path(index, "birth"))
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _age_text(draft: Draft, index: int) -> str:
    birth, on = _birth(draft, index), draft.get("date")
    if birth is None or not isinstance(on, str):
        return ""
    try:
        return f"{age_on(birth, date.fromisoformat(on))}歳"
    except ValueError:
        return ""


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


def _grade(value: Any, draft: Draft, index: int) -> str:
    grade = int(value)
    if grade <= 0:
        age = _age_text(draft, index)
        return f"未就学（{age}）" if age else "未就学"
    if grade <= 6:
        return f"小学{grade}年生"
    if grade <= 9:
        return f"中学{grade - 6}年生"
    if grade <= 12:
        return f"高校{grade - 9}年生相当"
    return f"高校卒業後（{_age_text(draft, index)}）"


def _stage(value: Any, draft: Draft, index: int) -> str:
    if value == "preschool":
        return _grade(0, draft, index)
    if value == "adult":
        return _grade(13, draft, index)
    return {"elementary": "小学生", "junior_high": "中学生", "high_school": "高校生相当"}.get(str(value), str(value))


def _days_to_75(value: Any, draft: Draft, index: int) -> str:
    birth = _birth(draft, index)
    if birth is None:
        return ""
    day = format_wareki(birthday(birth, 75))
    return f"75歳の誕生日（{day}）から後期高齢者医療" if value > 0 else f"75歳の誕生日（{day}）から後期高齢者医療の対象"


def _age_at_visit(value: Any, draft: Draft, index: int) -> str:
    birth = _birth(draft, index)
    if birth is None:
        return f"来庁日に{value}歳"
    return f"{value}歳の誕生日（{format_wareki(birthday(birth, value))}）を迎えて{value}歳"


def _bool(yes: str, no: str) -> Callable[[Any, Draft, int], str]:
    return lambda value, draft, index: yes if value else no


_PHRASES: dict[str, Callable[[Any, Draft, int], str]] = {
    "age": lambda v, d, i: f"{v}歳（誕生日の前日に到達）" if _eve_of_birthday(d, i) else f"{v}歳",
    "birthday_age": lambda v, d, i: (f"{v}歳（{v + 1}歳の誕生日は{format_wareki(birthday(b, v + 1))}）"
                                     if _eve_of_birthday(d, i) and (b := _birth(d, i)) else f"{v}歳"),
    "age_at_visit": _age_at_visit,
    "days_to_75": _days_to_75,
    "grade": _grade,
    "school_stage": _stage,
    "insurance": lambda v, d, i: _INSURANCE.get(str(v), str(v)),
    "newborn_insurance": lambda v, d, i: {"nhi": "国民健康保険に加入", "employee": "勤め先の健康保険の被扶養者に",
                                          "welfare": "生活保護（医療扶助）"}.get(str(v), str(v)),
    "insured": lambda v, d, i: f"被用者保険の{INSURED_KIND_LABELS.get(str(v), str(v))}",
    "pension_class": lambda v, d, i: f"国民年金の{PENSION_CLASS_LABELS[v]}" if v in PENSION_CLASS_LABELS
    else "国民年金の被保険者でない",
    "card": _bool("マイナンバーカードあり", "マイナンバーカードなし"),
    "care_certified": _bool("要介護・要支援の認定あり", "要介護・要支援の認定なし"),
    "foreign": _bool("外国籍", "日本国籍"),
    "seal_requested": _bool("印鑑登録を希望", "印鑑登録の希望なし"),
    "is_head": _bool("世帯主", "世帯主以外"),
    "sex": lambda v, d, i: {"M": "男性", "F": "女性"}.get(str(v), str(v)),
    "relation": lambda v, d, i: f"続柄 {v}",
    "dogs": lambda v, d, i: f"犬 {v}頭",
    "mopeds": lambda v, d, i: f"原付 {v}台",
    "members_count": lambda v, d, i: f"{v}人の世帯",
    "from_abroad": _bool("国外からの転入", ""),
    "to_abroad": _bool("国外への転出", ""),
    "remaining_15_plus": lambda v, d, i: f"残る15歳以上の世帯員 {v}人",
    "old_same_prefecture": lambda v, d, i: (f"同じ都道府県（{d.get(CITY_PREFECTURE, '')}）内からの転入"
                                            if v else "他の都道府県からの転入"),
    "new_same_prefecture": lambda v, d, i: (f"同じ都道府県（{d.get(CITY_PREFECTURE, '')}）内への転出"
                                            if v else "他の都道府県への転出"),
    "agent": _bool("代理人による届出", ""),
    "late_disability": _bool("後期高齢者医療の障害認定あり", "障害認定なし"),
    "civil_servant": _bool("公務員", "公務員以外"),
    "pensioner": _bool("年金を受給中", "年金は受けていない"),
    "claimant_civil_servant": _bool("請求者が公務員（勤務先で請求）", ""),
    "couple_surname": lambda v, d, i: {"husband": "夫の氏を称する", "wife": "妻の氏を称する",
                                       "none": "外国籍の方との婚姻（氏は変わりません）"}.get(str(v), ""),
    "allowance_recipient": _bool("児童手当を受給中", ""),
    "child_support": _bool("児童扶養手当を受給中", ""),
    "single_parent": _bool("ひとり親家庭（児童扶養手当を受給中）", ""),
    "lone_parent": _bool("ひとり親", ""),
    "child_of_subject": _bool("亡くなった方の子", ""),
    "spouse_of_subject": _bool("亡くなった方の配偶者", ""),
    "seal_registered": _bool("印鑑登録あり", ""),
    "high_cost": _bool("高額療養費の支給対象", ""),
    "surname_changes": _bool("婚姻で氏が変わる", ""),
    "born_abroad": _bool("国外で出生", ""),
    "disability": _bool("障害者手帳あり", ""),
    "school_kind": lambda v, d, i: {"nursery": "保育所等に在園中", "kindergarten": "幼稚園に在園中"}.get(str(v), ""),
}


def phrase(fact: Fact, value: Any, draft: Draft, index: int = -1) -> str:
    """The reason a clause on ``fact`` held with ``value``; "" when it goes without saying. A fact
    with no phrase of its own reads as its label (true), 「label：いいえ」 (false) or 「label value」."""
    if fact.name in _SILENT:
        return ""
    special = _PHRASES.get(fact.name)
    if special is not None:
        return special(value, draft, index)
    if fact.kind == "bool":
        return fact.label if value else f"{fact.label}：いいえ"
    return f"{fact.label} {value}"


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
