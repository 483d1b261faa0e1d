"""What a form field can show: named sources of household data, and the draft paths they need.

A form definition in ``forms/`` names sources (``new.address``, ``member.birth``); this module
says which draft paths each needs (so the interview asks for them) and renders its text from a
validated `Household` (so every form shows the same value the same way: 和暦, full-width spaces).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date

from kakanai.domain.ages import age_on, grade_on
from kakanai.domain.banks import bank_name, branch_name
from kakanai.domain.countries import country_name
from kakanai.domain.household import Household, Member, Person
from kakanai.domain.vocabulary import (
    ACCOUNT_KIND_LABELS,
    DISABILITY_KIND_LABELS,
    RESIDENCE_CATEGORY_LABELS,
    SCHOOL_KIND_LABELS,
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
    # whether the fact exists for this person at all (本籍 for a Japanese national, not a foreigner): a form's
    # box left to write by hand (blank = "write") is struck through where it does not; None: everyone
    applies: Callable[[Household, int], bool] | None = None


def _address(which: str, attr: str) -> Callable[[Household, int], str]:
    def text(h: Household, _: int) -> str:
        address = getattr(h, which)
        value = getattr(address, attr) if address else ""
        return value.replace(" ", "　") if attr == "head" else value  # a name typed "山田 太郎" prints as names do
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
    """The head after the event. When the head dies or leaves while others stay, the new head is
    never chosen by the app: the one the notifier named (``new_head``), else the only member aged 15
    or over who stays (head by law), else None (not known yet: the 世帯主変更届 asks)."""
    head = h.head
    if head is None or h.subjects is None or not h.is_subject(h.members.index(head)) or h.event in (
            LifeEvent.MOVE_IN, LifeEvent.BIRTH, LifeEvent.MARRIAGE):
        return head
    staying = [i for i in range(len(h.members)) if not h.is_subject(i)]
    if not staying:
        return head
    if h.new_head is not None and h.new_head in staying:
        return h.members[h.new_head]
    adults = [i for i in staying if age_on(h.members[i].birth, max(h.date, h.members[i].birth)) >= 15]
    return h.members[adults[0]] if len(adults) == 1 else None


def _notifier_relation(h: Household, _: int) -> str:
    person = h.notifier_person
    return getattr(person, "relation", "") or "本人"


def _head_text(h: Household, attribute: str) -> str:
    head = current_head(h)
    return str(getattr(head, attribute)) if head is not None else ""


CHILD_LAST_GRADE = 12  # 18歳に達した日以後の最初の3月31日まで (高校3年相当)


def format_clock(clock: str) -> str:
    """A 24-hour "HH:MM" as 戸籍 forms print it: 午前3時5分, 午後2時30分 (正午 is 午後0時)."""
    if not clock:
        return ""
    hour, minute = (int(part) for part in clock.split(":"))
    return f"{'午後' if hour >= 12 else '午前'}{hour % 12}時{minute}分"


def _when(day: date | None, clock: str) -> str:
    return "　".join(filter(None, (format_wareki(day) if day else "", format_clock(clock))))


def _death(fn: Callable[[Household], str]) -> Callable[[Household, int], str]:
    return lambda h, _: fn(h) if h.death is not None else ""


def _mourner(h: Household, _: int) -> str:
    """The 喪主 (who is paid the 葬祭費): as told, else the notifier."""
    told = h.death.mourner if h.death is not None else ""
    return told.replace(" ", "　") or h.notifier_person.full_name


def _subject_names(h: Household, _: int) -> str:
    return "、".join(m.full_name for i, m in enumerate(h.members) if h.subjects is not None and i in h.subjects)


def _surname_taken(h: Household, _: int) -> str:
    """婚姻後の夫婦の氏 as the 婚姻届 asks it: 夫の氏 or 妻の氏 (by the sex of whose surname it is)."""
    index = h.marriage.surname_of if h.marriage is not None else None
    couple = [m for i, m in enumerate(h.members) if h.subjects is not None and i in h.subjects]
    if index is None or index >= len(h.members) or any(m.foreign for m in couple):
        return ""  # a marriage with a foreign national: each keeps their surname (the column stays empty)
    return f"{'夫' if h.members[index].sex == 'M' else '妻'}の氏（{h.surname_after}）"


def _claimant(attribute: str) -> Callable[[Household, int], str]:
    def text(h: Household, _: int) -> str:
        index = h.child_allowance.claimant if h.child_allowance is not None else None
        return str(getattr(h.members[index], attribute)) if index is not None and index < len(h.members) else ""
    return text


def _children(h: Household, _: int) -> str:
    """The children left after a death (18歳到達年度末まで): who a 遺族基礎年金 is for."""
    return "、".join(m.full_name for i, m in enumerate(h.members)
                    if not h.is_subject(i) and grade_on(m.birth, h.date) <= CHILD_LAST_GRADE and m.relation in ("子", "孫"))


def _family_after(h: Household, i: int) -> str:
    """A spouse's surname after the marriage, where it changes ("" where it does not)."""
    after = h.surname_after
    member = h.members[i]
    return after if after and h.is_subject(i) and member.family != after and not member.foreign else ""


def _school(member: Member) -> str:
    school = member.school
    if school is None:
        return ""
    grade = f"{school.grade}年" if school.grade else ""
    return "　".join(filter(None, (school.name or SCHOOL_KIND_LABELS.get(school.kind, ""), grade)))


def _disability(member: Member) -> str:
    if member.disability is None:
        return ""
    return f"{DISABILITY_KIND_LABELS.get(member.disability.kind, '')}　{member.disability.grade}".strip("　")


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
    Source("head.before", "household", "届出の時の世帯主", (), lambda h, _: h.head.full_name if h.head else ""),
    Source("head.kana", "household", "世帯主 フリガナ", (), lambda h, _: _head_text(h, "full_kana")),
    Source("dogs", "household", "飼い犬の数", ("extras.dogs",), lambda h, _: str(h.extras.dogs)),
    Source("mopeds", "household", "原付の台数", ("extras.mopeds",), lambda h, _: str(h.extras.mopeds)),
    Source("subjects.names", "household", "届出の対象者", (), _subject_names),
    Source("death.when", "household", "死亡した日時", ("date",), lambda h, _: _when(h.date, h.death.time if h.death else "")),
    Source("death.clock", "household", "死亡した日時", ("date",),
           lambda h, _: _when(h.date, h.death.time if h.death else "") if h.death and h.death.time
           else f"{format_wareki(h.date)}　午前・午後　　時　　分"),  # the time not told: its place to write
    Source("death.place", "household", "死亡したところ", (), _death(lambda h: h.death.place)),  # type: ignore[union-attr]
    Source("death.funeral", "household", "葬儀を行った日", (),
           _death(lambda h: format_wareki(h.death.funeral) if h.death and h.death.funeral else "")),
    Source("death.mourner", "household", "喪主", ("notifier",), _mourner),
    Source("birth.multiple", "household", "単胎・多胎の別", (),
           lambda h, _: ("多胎" if len(h.subjects or ()) > 1 else "単胎") if h.event is LifeEvent.BIRTH else ""),
    Source("children.names", "household", "18歳到達年度末までの子", (), _children),
    Source("marriage.surname", "household", "婚姻後の夫婦の氏", (), _surname_taken),
    Source("marriage.domicile", "household", "新しい本籍", (),
           lambda h, _: h.marriage.domicile if h.marriage else ""),
    Source("marriage.together", "household", "同居を始めたとき", (),
           lambda h, _: format_wareki(h.marriage.together) if h.marriage and h.marriage.together else ""),
    Source("claimant.name", "household", "請求者", ("child_allowance.claimant",), _claimant("full_name")),
    Source("claimant.relation", "household", "請求者の続柄", ("child_allowance.claimant",), _claimant("relation")),
)

def _insurance(h: Household, i: int) -> str:
    """A member's health insurance now; none for a newborn (it joins one because of the birth: what
    it joins is the plan's, and a form's これまでの保険 or 健康保険 is left to fill once it has)."""
    if h.event is LifeEvent.BIRTH and i in (h.subjects or ()):
        return ""
    return insurance_label(h.members[i].insurance)


_JAPANESE: Callable[[Household, int], bool] = lambda h, i: not h.members[i].foreign  # 本籍・筆頭者

_MEMBER = (
    Source("member.name", "member", "氏名", ("family", "given"), _member(lambda m: m.full_name)),
    Source("member.kana", "member", "フリガナ", ("family_kana", "given_kana"), _member(lambda m: m.full_kana)),
    Source("member.birth", "member", "生年月日", ("birth",), _member(lambda m: member_date(m, m.birth))),
    Source("member.sex", "member", "性別", ("sex",), _member(lambda m: sex_label(m.sex))),
    Source("member.relation", "member", "続柄", ("relation",), _member(lambda m: m.relation)),
    Source("member.insurance", "member", "健康保険", ("insurance",), _insurance),
    Source("member.card", "member", "マイナンバーカード", ("card",), _member(lambda m: _yes_no(m.card))),
    Source("member.care_certified", "member", "介護認定", ("care_certified",),
           _member(lambda m: _yes_no(m.care_certified))),
    Source("member.nationality", "member", "国籍・地域", (), _member(lambda m: country_name(m.nationality) or "日本")),
    Source("member.domicile", "member", "本籍", (), _member(lambda m: m.domicile), _JAPANESE),
    Source("member.domicile_head", "member", "筆頭者", (), _member(lambda m: m.domicile_head.replace(" ", "　")),
           _JAPANESE),
    Source("member.register", "member", "本籍（外国人は国籍）", (),
           _member(lambda m: f"国籍　{country_name(m.nationality)}" if m.foreign else m.domicile)),
    Source("member.alias", "member", "通称", (), _member(lambda m: m.alias)),
    Source("member.birth_when", "member", "生まれたとき", ("birth",),
           _member(lambda m: _when(m.birth, m.birth_time) if not m.foreign else
                   "　".join(filter(None, (format_seireki(m.birth), format_clock(m.birth_time)))))),
    Source("member.birth_place", "member", "生まれたところ", (),
           _member(lambda m: "　".join(filter(None, (country_name(m.birth_country) if m.birth_country else "",
                                                     m.birth_place))))),
    Source("member.family_after", "member", "婚姻後の氏", (), _family_after),
    Source("member.handwritten", "member", "（手書き）", (), lambda h, i: ""),  # a column no fact fills: written by hand
    Source("member.school", "member", "学校・園と学年", (), _member(_school)),
    Source("member.disability", "member", "障害者手帳", (), _member(_disability)),
    Source("member.residence_card", "member", "在留カード等番号", (), _residence(lambda m: m.residence.card)),  # type: ignore[union-attr]
    Source("member.residence_status", "member", "在留資格", (), _residence(lambda m: m.residence.status)),  # type: ignore[union-attr]
    Source("member.residence_until", "member", "在留期間等の満了日", (),
           _residence(lambda m: member_date(m, m.residence.until))),  # type: ignore[union-attr]
    Source("member.residence_category", "member", "30条の45区分", (),
           _residence(lambda m: RESIDENCE_CATEGORY_LABELS.get(m.residence.category or "", ""))),  # type: ignore[union-attr]
)

# a newborn's possible parents by the relations to the 世帯主 (住民票の続柄): (fathers, mothers) relations
_PARENT_RELATIONS = {"子": (("世帯主", "夫"), ("世帯主", "妻")), "孫": (("子", "子の夫"), ("子", "子の妻")),
                     "妻の子": ((), ("妻",)), "夫の子": (("夫",), ())}
_SPOUSES = ("妻", "夫", "子の妻", "子の夫")
_ORDINALS = "長二三四五六七八九十"


def parents_by_relation(people: Sequence[tuple[str, str]], newborns: Collection[int],
                        child: int) -> tuple[int | None, int | None, bool]:
    """(father, mother, married) of newborn ``child`` where the relations make them certain, from each
    member's (relation, sex): the one man (woman) who can be the parent by relation — a 子's are the
    世帯主 and their 妻・夫, a 孫's the one 子の妻 (子の夫) and the one son (daughter), a 妻の子's the 妻. None where no one or
    more than one can be (then the interview asks); ``married`` when both are known and one is the
    other's spouse by relation (嫡出子)."""
    fathers, mothers = _PARENT_RELATIONS.get(people[child][0], ((), ()))
    others = [i for i in range(len(people)) if i not in newborns]

    def only(relations: tuple[str, ...], sex: str) -> int | None:
        found = [i for i in others if people[i][0] in relations and people[i][1] == sex]
        return found[0] if len(found) == 1 else None

    father, mother = only(fathers, "M"), only(mothers, "F")
    if people[child][0] == "孫":  # a 子's child: only through the one 子の妻 (子の夫), never a son and a daughter
        wife, husband = only(("子の妻",), "F"), only(("子の夫",), "M")
        father, mother = ((only(("子",), "M"), wife) if wife is not None and husband is None else
                          (husband, only(("子",), "F")) if husband is not None and wife is None else (None, None))
    married = father is not None and mother is not None and (
        people[father][0] in _SPOUSES or people[mother][0] in _SPOUSES)
    return father, mother, married


def _parents(h: Household) -> tuple[int | None, int | None, bool]:
    newborns = h.subjects or ()
    if h.event is not LifeEvent.BIRTH or not newborns:
        return None, None, False
    return parents_by_relation([(m.relation, m.sex) for m in h.members], newborns, newborns[0])


def _parent(which: str, attribute: str) -> Callable[[Household, int], str]:
    """A newborn's father or mother: the member the relations make certain, else the name as told."""
    def text(h: Household, _: int) -> str:
        index = _parents(h)[0 if which == "father" else 1]
        if index is not None:
            parent = h.members[index]
            if attribute == "birth":
                born = h.subjects[0] if h.subjects else 0
                age = age_on(parent.birth, h.members[born].birth)
                return f"{member_date(parent, parent.birth)}（満{age}歳）"
            return parent.full_name
        told = getattr(h.birth, which) if h.birth is not None else ""
        return told.replace(" ", "　") if attribute == "name" else ""
    return text


def _parents_relation(h: Household, i: int) -> str:
    """父母との続柄 as the 出生届 writes it: 長男, 二女 … (嫡出子 when the parents are a married couple)."""
    member = h.members[i]
    order = member.birth_order
    if not order:
        return ""
    rank = _ORDINALS[order - 1] if order <= len(_ORDINALS) else str(order)
    legitimate = "嫡出子　" if h.event is LifeEvent.BIRTH and _parents(h)[2] else ""
    return f"{legitimate}{rank}{'男' if member.sex == 'M' else '女'}"


def _spouse_parents(h: Household, i: int) -> str:
    """A spouse's 父母の氏名・父母との続柄 as the 婚姻届 writes them: 「父　伊藤　正　母　伊藤　京子（長男）」."""
    member = h.members[i]
    names = [f"{role}　{name.replace(' ', '　')}" for role, name in (("父", member.father), ("母", member.mother)) if name]
    relation = _parents_relation(h, i)
    return "　".join(names) + (f"（{relation}）" if relation else "")


def _notifier_role(h: Household, _: int) -> str:
    """The 届出人's 資格 on a 出生届: 父 or 母, else 同居者 (a member), or an outsider's relation as told."""
    father, mother, _married = _parents(h)
    if isinstance(h.notifier, int):
        if h.notifier == father:
            return "父"
        if h.notifier == mother:
            return "母"
        return "同居者"  # a member's relation is to the 世帯主, not to the child: not printed
    return h.notifier.relation or "その他"


# who may file a 死亡届 (戸籍法87条) and are not relatives: everyone else filing is a 親族
_NOT_KIN = {"同居人", "同居者", "知人", "家主", "地主", "家屋管理人", "土地管理人", "後見人", "保佐人", "補助人",
            "任意後見人", "公設所の長", "代理人", "その他"}


def _death_notifier_role(h: Household, _: int) -> str:
    """The 届出人's 資格 on a 死亡届: 同居の親族 (a member), 同居していない親族 with the 続柄 as told (a
    relative from outside), else the relation as told (家主, 後見人 …)."""
    if isinstance(h.notifier, int):  # a member's relation is to the 世帯主, not to the deceased: not printed
        return "同居者" if h.members[h.notifier].relation in _NOT_KIN else "同居の親族"
    relation = h.notifier.relation
    if relation in _NOT_KIN:
        return relation
    return f"同居していない親族（{relation}）" if relation else "同居していない親族"


# the notifier's relation to the deceased when the notifier is the 世帯主: the inverse of the deceased's
# relation to the 世帯主, by the notifier's sex ("*": either)
_INVERSE = {"妻": {"M": "夫"}, "夫": {"F": "妻"}, "子": {"M": "父", "F": "母"}, "父": {"*": "子"}, "母": {"*": "子"},
            "孫": {"M": "祖父", "F": "祖母"}}


def relation_to_deceased(h: Household) -> str:
    """The notifier's 続柄 to the deceased (not to the 世帯主): as told for someone from outside; for a
    member, from both relations to the 世帯主 where they make it certain, else "" (written by hand)."""
    if not isinstance(h.notifier, int):
        return h.notifier.relation
    if not h.subjects or h.notifier in h.subjects:
        return ""
    deceased, notifier = h.members[h.subjects[0]], h.members[h.notifier]
    if deceased.is_head:
        return notifier.relation
    if notifier.is_head:
        inverse = _INVERSE.get(deceased.relation, {})
        return inverse.get(notifier.sex) or inverse.get("*", "")
    if deceased.relation in ("妻", "夫") and notifier.relation == "子":
        return "子"
    if deceased.relation == "子" and notifier.relation in ("妻", "夫"):
        return "父" if notifier.sex == "M" else "母"
    return ""


def _mourner_relation(h: Household, _: int) -> str:
    """The 喪主's 続柄 to the deceased: the notifier's, unless someone else was named 喪主 (then written)."""
    told = h.death.mourner.replace(" ", "　") if h.death is not None else ""
    return relation_to_deceased(h) if not told or told == h.notifier_person.full_name else ""


def _delegation(applicant: Callable[[Household], Person | None]) -> Callable[[Household, int], str]:
    """The 委任 box of a benefit paid into an account: 「不要」 when the account is the 申請者's own (same
    name in kana), else "" (the account holder signs it by hand)."""
    def text(h: Household, _: int) -> str:
        person = applicant(h)
        if h.bank is None or person is None:
            return ""
        same = h.bank.holder_kana.replace("　", "").replace(" ", "") == person.full_kana.replace("　", "")
        return "不要（口座名義が申請者と同じ）" if same else ""
    return text


def _newborn_register(attribute: str) -> Callable[[Household, int], str]:
    """The newborn's 本籍 and 筆頭者: as told for the child, else the parents' (the child enters their 戸籍)."""
    def text(h: Household, _: int) -> str:
        if h.event is not LifeEvent.BIRTH or not h.subjects:
            return ""
        child = h.members[h.subjects[0]]
        if child.foreign:  # 外国人のときは国籍だけ
            return f"国籍　{country_name(child.nationality)}" if attribute == "domicile" else ""
        father, mother, married = _parents(h)
        order = (father, mother) if married else (mother, father)  # 嫡出でない子 enters the mother's 戸籍
        parents = [h.members[p] for p in order if p is not None]
        domicile = child.domicile or next((p.domicile for p in parents if p.domicile), "")
        if attribute == "domicile":
            return domicile
        head = child.domicile_head or next((p.domicile_head for p in parents
                                            if p.domicile_head and p.domicile == domicile), "")
        return head.replace(" ", "　")
    return text


def _new_head(attribute: str) -> Callable[[Household, int], str]:
    """The member who becomes 世帯主 (as the notifier told it: never chosen by the app)."""
    def text(h: Household, _: int) -> str:
        i = h.new_head
        if i is None or i >= len(h.members):
            return ""
        return h.new_relation if attribute == "relation" and h.new_relation else str(getattr(h.members[i], attribute))
    return text


def _home_address(h: Household, _: int) -> str:
    """Where the household lives: the address left on a 転出, else the (new) address."""
    address = h.old if h.event is LifeEvent.MOVE_OUT else h.new
    return address.one_line if address else ""


def _notifier_phone(h: Household, _: int) -> str:
    """The 届出人's phone: as told for someone from outside the household, else the household's."""
    return h.notifier.phone if not isinstance(h.notifier, int) and h.notifier.phone else h.phone


def _mourner_phone(h: Household, _: int) -> str:
    """The 喪主's phone: the notifier's when the notifier is the 喪主; someone else named 喪主 writes theirs."""
    return _notifier_phone(h, 0) if _mourner(h, 0) == h.notifier_person.full_name else ""


def _notifier_address(h: Household, i: int) -> str:
    """The notifier's address: as told for someone from outside, the household's for a member."""
    return h.notifier.address if not isinstance(h.notifier, int) else _home_address(h, i)


_MOVES = (
    Source("new_head.name", "household", "新しい世帯主", ("new_head",), _new_head("full_name")),
    Source("new_head.relation", "household", "新しい世帯主の続柄", ("new_head",), _new_head("relation")),
    Source("home.address", "household", "住所", (), _home_address),
    Source("date.seireki", "household", "異動日（西暦）", ("date",), lambda h, _: format_seireki(h.date)),
    Source("notifier.address", "household", "届出人 住所", ("notifier",), _notifier_address),
    Source("notifier.phone", "household", "届出人 電話番号", ("notifier",), _notifier_phone),
)

_BIRTH = (
    Source("birth.father", "household", "父の氏名", (), _parent("father", "name")),
    Source("birth.father_birth", "household", "父の生年月日", (), _parent("father", "birth")),
    Source("birth.mother", "household", "母の氏名", (), _parent("mother", "name")),
    Source("birth.mother_birth", "household", "母の生年月日", (), _parent("mother", "birth")),
    Source("birth.domicile", "household", "本籍", (), _newborn_register("domicile")),
    Source("birth.domicile_head", "household", "筆頭者の氏名", (), _newborn_register("head")),
    Source("birth.notifier_role", "household", "届出人の資格", ("notifier",), _notifier_role),
    Source("death.notifier_role", "household", "届出人の資格", ("notifier",), _death_notifier_role),
    Source("death.notifier_relation", "household", "亡くなった方との続柄", ("notifier",),
           lambda h, _: relation_to_deceased(h)),
    Source("death.mourner_relation", "household", "喪主の続柄", ("notifier",), _mourner_relation),
    Source("death.mourner_phone", "household", "喪主の電話番号", ("notifier", "phone"), _mourner_phone),
    Source("guardian.name", "household", "保護者", (),
           lambda h, _: _claimant("full_name")(h, 0) or _head_text(h, "full_name")),
    Source("bank.delegation_head", "household", "委任", (), _delegation(lambda h: current_head(h))),
    Source("bank.delegation_mourner", "household", "委任", (),
           _delegation(lambda h: h.notifier_person if _mourner(h, 0) == h.notifier_person.full_name else None)),
    # a box the real form has and no household fact fills (火葬の場所 …): left blank to write by hand
    Source("handwritten", "household", "（手書き）", (), lambda h, _: ""),
    Source("member.parents_relation", "member", "父母との続柄", ("birth_order",), _parents_relation),
    Source("member.parents", "member", "父母の氏名・父母との続柄", ("father", "mother", "birth_order"), _spouse_parents),
)

SOURCES: dict[str, Source] = {s.name: s for s in _HOUSEHOLD + _MEMBER + _MOVES + _BIRTH}


def source_applies(name: str, household: Household, member_index: int = -1) -> bool:
    """Whether source ``name``'s fact exists for this household (or member): False for a foreigner's 本籍."""
    applies = SOURCES[name].applies
    return applies is None or applies(household, member_index)


def source_text(name: str, household: Household, member_index: int = -1) -> str:
    """The text a form shows for source ``name`` (for member sources, of member ``member_index``)."""
    return SOURCES[name].text(household, member_index)
