"""Before printing: every character a bundle would print that the fonts lack (外字), by person and field.

A rare name kanji such as 𠮷 (U+20BB7) has no glyph in IPAex; printed anyway it would come out
as a tofu box. `printing_problems` names each such character with the household path it sits at
(``members[1].given``) and whose name or which address it is in, so the clerk can settle it with
the resident (a registered alternative form, or writing it by hand) before anything is printed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from kakanai.domain.catalog import Catalog
from kakanai.domain.household import Address, Household, OutsideNotifier
from kakanai.domain.planner import Plan
from kakanai.domain.problems import Problem
from kakanai.pdf.fonts import unprintable

PERSON_FIELDS = {"family": "氏", "given": "名", "family_kana": "氏のフリガナ", "given_kana": "名のフリガナ",
                 "relation": "続柄"}
MEMBER_FIELDS = PERSON_FIELDS | {"domicile": "本籍", "domicile_head": "筆頭者", "alias": "通称",
                                 "birth_place": "生まれたところ", "father": "父の氏名", "mother": "母の氏名",
                                 "residence.status": "在留資格", "school.name": "学校・園の名前",
                                 "disability.grade": "障害の等級"}
NOTIFIER_FIELDS = PERSON_FIELDS | {"phone": "電話番号", "address": "住所"}
ADDRESS_FIELDS = {"postal": "郵便番号", "address": "住所", "building": "方書", "head": "旧世帯主"}
ADDRESS_NAMES = {"new": "新住所", "old": "旧住所"}
# the event's own texts a form prints (本籍 after marriage, 死亡したところ, 喪主 …)
HOUSEHOLD_FIELDS = {"new_relation": "新しい世帯主の続柄", "bank.holder_kana": "口座名義", "death.place": "死亡したところ",
                    "death.mourner": "喪主", "marriage.family": "婚姻後の氏", "marriage.domicile": "婚姻後の本籍",
                    "birth.father": "出生届の父の氏名", "birth.mother": "出生届の母の氏名"}


def _text(value: object, path: str) -> str:
    """The text at a dotted ``path`` under ``value`` ("" where a part is absent, e.g. no school)."""
    for part in path.split("."):
        value = getattr(value, part, None)
    return value if isinstance(value, str) else ""


def household_texts(household: Household) -> Iterator[tuple[str, str, str]]:
    """(path, whose field in Japanese, value) for every text of the household a form may print."""
    yield "phone", "世帯の電話番号", household.phone
    for key in ("new", "old"):
        address: Address | None = getattr(household, key)
        for attr, label in ADDRESS_FIELDS.items():
            if address is not None:
                yield f"{key}.{attr}", f"{ADDRESS_NAMES[key]}の{label}", getattr(address, attr)
    for i, member in enumerate(household.members):
        for attr, label in MEMBER_FIELDS.items():
            yield f"members[{i}].{attr}", f"{member.full_name}（{i + 1}人目）の{label}", _text(member, attr)
    if isinstance(household.notifier, OutsideNotifier):
        notifier = household.notifier
        for attr, label in NOTIFIER_FIELDS.items():
            yield f"notifier.{attr}", f"届出人 {notifier.full_name} の{label}", getattr(notifier, attr)
    for attr, label in HOUSEHOLD_FIELDS.items():
        yield attr, label, _text(household, attr)


def catalog_texts(plan: Plan, catalog: Catalog) -> Iterator[tuple[str, str, str]]:
    """(path, what it is, text) for every catalog text the plan's forms and take-home sheet print."""
    yield "city.name", "市の名前", catalog.city.name
    for item in plan.items:
        definition = item.procedure.definition
        department = catalog.departments[definition.department]
        yield f"procedures.{item.id}.title", f"手続 {item.id} の名前", definition.title
        deadline = item.procedure.deadline.text if item.procedure.deadline else ""
        for n, text in enumerate((department.name, department.counter, deadline, definition.note,
                                  *item.bring)):
            yield f"procedures.{item.id}[{n}]", f"手続 {item.id} の案内", text
        for form_id in definition.forms:
            form = catalog.forms[form_id]
            labels = (form.title, form.note, form.signature, *(f.label for f in form.fields),
                      *(f.label for f in form.member_columns), *(b.label for b in form.checkboxes))
            for n, text in enumerate(labels):
                yield f"forms.{form.id}[{n}]", f"様式 {form.id} の文言", text


def printing_problems(household: Household, plan: Plan, catalog: Catalog) -> list[Problem]:
    """One problem per character the fonts lack, per place it occurs, household first."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for path, where, text in (*household_texts(household), *catalog_texts(plan, catalog)):
        for char in unprintable(text):
            if (path, char) not in seen:
                seen.add((path, char))
                problems.append(_problem(path, where, text, char))
        mark = stacked_mark(text)
        if mark is not None:
            problems.append(_mark_problem(path, where, text, mark))
    return problems


def _mark_problem(path: str, where: str, text: str, mark: str) -> Problem:
    """A combining mark with nothing under it, or stacked: named by code point, never echoed (a
    stack of marks drawn on the clerk's screen covers the lines around it)."""
    code, where = f"U+{ord(mark):04X}", _without_marks(where)
    if unicodedata.category(text[0]) in _MARKS:
        return Problem(path, f"{where}の先頭に、前の字に重ねる記号（結合文字 {code}）があります。正しい字形を確かめてください",
                       f"combining mark {code} with no character before it")
    return Problem(path, f"{where}に、前の字に重ねる記号（結合文字 {code} など）が{MAX_MARKS + 1}つ以上重ねてあります。"
                         "正しい字形を確かめてください", f"more than {MAX_MARKS} combining marks stacked")


def _without_marks(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) not in _MARKS)


MAX_MARKS = 2  # a kana's 濁点 (か + U+3099) or an accent and one more; more is no name, it hides the text
_MARKS = ("Mn", "Mc", "Me")


def stacked_mark(text: str) -> str | None:
    """The first combining mark of ``text`` that has no character before it, or that is the
    (MAX_MARKS + 1)-th in a row (printed, each takes a width and the name shrinks to dots), else None."""
    run = 0
    for position, char in enumerate(text):
        if unicodedata.category(char) not in _MARKS:
            run = 0
            continue
        run += 1
        if position == run - 1 or run > MAX_MARKS:
            return char
    return None


def _problem(path: str, where: str, text: str, char: str) -> Problem:
    code = f"U+{ord(char):04X}"
    if unicodedata.category(char) == "Co":  # a city system's own 外字 code (private use): no font has it
        return Problem(path, f"{where}「{_visible(text)}」に外字（私用領域の文字 {code}）があります。正しい字形を確かめてください",
                       f"private-use character {code} (a gaiji) cannot be printed")
    if not char.isprintable():
        return Problem(path, f"{where}「{_visible(text)}」に印刷できない制御文字（{code}）があります",
                       f"control character {code} cannot be printed")
    return Problem(path, f"{where}「{text}」の「{char}」（{code}）は印刷用フォントにない文字（外字）です",
                   f"character {code} is not in the IPAex fonts")


def _visible(text: str) -> str:
    return "".join(c if c.isprintable() else f"[U+{ord(c):04X}]" for c in text)
