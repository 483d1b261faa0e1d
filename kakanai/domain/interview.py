"""The interview: ask only what the chosen procedures still need, in a stable order.

What is known comes from a QR code (the *base*) and from the clerk's answers; an answer wins
over the base (the clerk's correction). Every call to `Interview.questions` recomputes the plan
from scratch, so answering one question may settle others or raise new ones; answers are never
dropped, so going back and changing one loses nothing.

What is never asked: the 届出人 of a one-person household that is not a death (it is member 0),
and the counts of dogs and mopeds (0 unless a code says otherwise, or a form the clerk added
prints them: then that form asks). What a planned form prints but does not require (方書, 電話,
前世帯主) is asked too when there is no code (an empty answer means "none"; what a resident left
empty in their code stays empty).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kakanai.domain.catalog import Catalog, Form
from kakanai.domain.draft import (
    MEMBER_COUNT,
    MOVING,
    OUTSIDE_NOTIFIER,
    WHOLE,
    Draft,
    member_count,
    member_path,
    split_member_path,
    to_document,
)
from kakanai.domain.facts import member_fact
from kakanai.domain.household_doc import ParsedHousehold, parse_household
from kakanai.domain.phrases import reason_text
from kakanai.domain.planner import Plan, member_name, plan
from kakanai.domain.problems import DomainValueError, InvalidInput, Problem
from kakanai.domain.questions import (
    DATE_LABELS,
    HOUSEHOLD_SPECS,
    MEMBER_SPECS,
    NEWBORN_SPECS,
    QuestionSpec,
    Reason,
    Why,
    normalize_answer,
)
from kakanai.domain.sources import SOURCES, parents_by_relation

_BASE_MEMBER_KEYS = ("family", "given", "family_kana", "given_kana", "birth", "sex", "relation")
# 転入届 needs the previous address and 転出届 the destination, though the QR spec makes them optional;
# a birth, a death or a marriage happens to a household living here: its address (new) is printed on
# every form of the event (住所, 死亡者の住所), so it is asked like the other basics
_ADDRESS_NEEDS = {"move_in": ("new", "old"), "move_within": ("new", "old"), "move_out": ("old", "new"),
                  "birth": ("new",), "death": ("new",), "marriage": ("new",)}
# counts a code may carry: 0 until the clerk adds a procedure whose form prints them
_COUNT_DEFAULTS = {"extras.dogs": 0, "extras.mopeds": 0}
# optional fields a printed form shows and the clerk asks for (an empty answer is kept as "none")
_ASKED_WHEN_PRINTED = {"new.building": "new.building", "old.building": "old.building", "old.head": "old.head",
                       "phone": "phone", "death.when": "death.time", "death.clock": "death.time", "death.place": "death.place",
                       "death.funeral": "death.funeral", "marriage.domicile": "marriage.domicile",
                       "marriage.together": "marriage.together", "claimant.name": "child_allowance.claimant"}
# the same for a member column (asked of the form's people): a newborn's time and place of birth
_MEMBER_ASKED_WHEN_PRINTED = {"member.birth_when": ("birth_time",), "member.birth_place": ("birth_place",),
                              "member.parents": ("father", "mother", "birth_order")}
# a newborn's parent is asked only when the relations do not make them certain (sources.parents_by_relation),
# after a code too (no code carries a parent from outside the household); an empty answer: no father
_PARENT_FIELDS = {"birth.father": 0, "birth.mother": 1}
# what the interview asks of a 届出人 from outside the household (OUTSIDE_NOTIFIER)
_OUTSIDER_KEYS = ("family", "given", "family_kana", "given_kana", "relation", "address")
_TO_CHANGE = Reason(Why.CHANGE)  # an answered item the clerk chose to change
_HOUSEHOLD_ORDER = tuple(HOUSEHOLD_SPECS)  # what, when, how many, the addresses: then each person, then the rest
_MEMBER_ORDER = tuple(MEMBER_SPECS)


@dataclass(frozen=True)
class Question:
    """One question for the clerk: the draft path, a label naming the person, the kind, why (as data:
    `why`; in Japanese: `reason`)."""

    path: str
    label: str
    spec: QuestionSpec
    why: Reason
    suggestion: str = ""  # a value to start from, e.g. the 町域 of the postal code already given
    person: str = ""  # the member's name once known ("" for the household's questions and one not yet named)

    @property
    def reason(self) -> str:
        """Why it is asked, in the clerk's Japanese (「「住民異動届」に記入するため」)."""
        return reason_text(self.why)


class Interview:
    """An interview over a catalog, starting from what a QR code (or nothing) already told."""

    def __init__(self, catalog: Catalog, base: Draft | None = None,
                 added: dict[str, tuple[int, ...]] | None = None, visit_date: date | None = None) -> None:
        self.catalog = catalog
        self.visit_date = visit_date  # the day the resident comes: ages and deadlines are looked at on it too
        self.base: Draft = dict(base or {})
        self.answers: Draft = {}
        self.added = dict(added or {})  # procedures the clerk added (id → members): their forms ask too
        # the 町域 of a postal code (the counter sets one that knows all of Japan); the city's list by default
        self.towns: Callable[[str], str] = lambda code: catalog.postal.get(code, "")

    @property
    def draft(self) -> Draft:
        """What is known now: the base overlaid with the clerk's answers, and what goes without asking
        (届出人 of one person, no dogs or mopeds unless told)."""
        return {**_COUNT_DEFAULTS, **self._known()}

    def _known(self) -> Draft:
        known = {**self.base, **self.answers}
        if member_count(known) == 1 and known.get("event") not in (None, "death"):
            known.setdefault("notifier", 0)
        return known

    def plan(self) -> Plan:
        """The plan for what is known now, on the visit day."""
        return plan(self.draft, self.catalog, self.visit_date)

    def questions(self) -> list[Question]:
        """Every question still open, in a stable order (household first, then each member)."""
        return self._open(_needed(self.draft, self.plan(), self.catalog, self.added))

    def remaining(self) -> int | None:
        """How many questions may still come: never more after an answer than before it (what an
        undecided procedure's forms would ask is counted already); None until the event and the
        number of people are known."""
        draft = self.draft
        if draft.get("event") is None or member_count(draft) is None:
            return None
        return len(self._open(_needed(draft, self.plan(), self.catalog, self.added, upper=True)))

    def _open(self, needed: dict[str, Reason]) -> list[Question]:
        known = self._known()
        # what a resident left empty in their code stays empty: optional fields are asked only in an interview
        open_paths = [p for p in needed if known.get(p) is None
                      and not (self.base and _spec_for(p).optional and p not in _PARENT_FIELDS)]
        return sorted((self._question(p, needed[p]) for p in open_paths), key=lambda q: _order(q.path))

    def answer(self, path: str, raw: Any) -> None:
        """Record an answer (normalised), or raise `InvalidInput` with the clerk's message."""
        spec = _spec_in(path, self.draft)
        try:
            value = normalize_answer(spec, raw, member_count(self.draft))
            _check_dates(self.draft | {path: value}, path)
        except DomainValueError as exc:  # the clerk's Japanese and the English, as the check gave them
            raise InvalidInput([Problem(path, exc.ja, exc.en)], "入力を確認してください") from None
        except ValueError:  # a check that words no message of its own: never its raw text
            raise InvalidInput([Problem(path, "値が正しくありません", "invalid value")], "入力を確認してください") from None
        self.answers[path] = value

    def question(self, path: str, reason: Reason = _TO_CHANGE) -> Question:
        """The question for any draft path (also one already answered: by default, to change it)."""
        return self._question(path, reason)

    def household(self) -> ParsedHousehold:
        """The finished household, validated like a QR document (raises `InvalidInput` if not)."""
        return parse_household(to_document(self.draft))

    def _question(self, path: str, reason: Reason) -> Question:
        draft, where = self.draft, split_member_path(path)
        return Question(path, question_label(path, draft), _spec_in(path, draft), reason, self._suggestion(path),
                        known_name(draft, where[0]) if where else "")

    def _suggestion(self, path: str) -> str:
        draft = self.draft
        if path in ("new.address", "old.address"):
            return self.towns(draft.get(path.replace("address", "postal")) or "")
        if path == "old.head" and draft.get("event") == "move_within":
            heads = [i for i in range(member_count(draft) or 0) if draft.get(member_path(i, "relation")) == "世帯主"]
            return member_name(draft, heads[0]).replace("　", " ") if heads else ""
        where = split_member_path(path)
        if where is not None and where[1] == "birth_order" and draft.get("event") == "birth":
            return str(_older_in_household(draft, where[0]) + 1)  # a spouse's brothers and sisters are not here
        return ""


def question_label(path: str, draft: Draft) -> str:
    """The label the interview asks a draft path by: the person named, the date by its event
    (転居日, 出生日 …); the same words name a missing field in the review."""
    spec = _spec_in(path, draft)
    where = split_member_path(path)
    if where is not None:
        return f"{member_name(draft, where[0])}さんの{spec.label}"
    return DATE_LABELS.get(draft.get("event") or "", spec.label) if path == "date" else spec.label


def known_name(draft: Draft, index: int) -> str:
    """A member's name once known ("" while neither 氏 nor 名 is: question_label calls them 世帯員N)."""
    named = draft.get(member_path(index, "family")) or draft.get(member_path(index, "given"))
    return member_name(draft, index) if named else ""


def _check_dates(draft: Draft, path: str) -> None:
    """No one may be born after the event date (the same rule as the QR document's)."""
    if path != "date" and not path.endswith(".birth"):
        return
    event_date = draft.get("date")
    births = [draft.get(member_path(i, "birth")) for i in range(member_count(draft) or 0)]
    if event_date and any(b and b > event_date for b in births):
        raise DomainValueError("生年月日が届出の日付より後になっています", "birth after the event date")


def _spec_for(path: str) -> QuestionSpec:
    where = split_member_path(path)
    spec = MEMBER_SPECS.get(where[1]) if where else HOUSEHOLD_SPECS.get(path)
    if spec is None:
        raise KeyError(f"no question for {path}")
    return spec


def _spec_in(path: str, draft: Draft) -> QuestionSpec:
    """The spec a path is asked by in this draft: a newborn's own where it has one (what it joins)."""
    where = split_member_path(path)
    if where is not None and where[1] in NEWBORN_SPECS and draft.get("event") == "birth" \
            and member_fact(draft, where[0], "subject") is True:
        return NEWBORN_SPECS[where[1]]
    return _spec_for(path)


def _order(path: str) -> tuple[int, int, int]:
    where = split_member_path(path)
    if where is None:
        rank = _HOUSEHOLD_ORDER.index(path)
        return (0 if rank <= _HOUSEHOLD_ORDER.index("old.building") else 2, 0, rank)
    return (1, where[0], _MEMBER_ORDER.index(where[1]))


def _needed(draft: Draft, the_plan: Plan, catalog: Catalog, added: dict[str, tuple[int, ...]],
            upper: bool = False) -> dict[str, Reason]:
    """Each needed draft path with the reason it is needed (first reason wins). With ``upper``, also
    what the forms of undecided procedures would need for everyone (an upper bound)."""
    needed: dict[str, Reason] = {}
    _basics(draft, needed, upper)
    for undecided in the_plan.undecided:
        for path in undecided.needs:
            needed.setdefault(path, Reason(Why.DECIDE, undecided.procedure.title))
    forms = [(item.procedure.definition.forms, item.subjects) for item in the_plan.items]
    planned = {item.id for item in the_plan.items}
    forms += [(catalog.procedure(pid).definition.forms, subjects) for pid, subjects in added.items()
              if pid not in planned]
    if upper:
        everyone = tuple(range(member_count(draft) or 0))
        forms += [(undecided.procedure.definition.forms, everyone) for undecided in the_plan.undecided]
    for form_ids, subjects in forms:
        for form_id in form_ids:
            _form_needs(catalog.forms[form_id], subjects, needed, draft, upper)
    return {p: r for p, r in needed.items() if _spec_exists(p)}


def _basics(draft: Draft, needed: dict[str, Reason], upper: bool = False) -> None:
    reason = Reason(Why.BASICS)
    for path in ("event", "date", MEMBER_COUNT):
        needed[path] = reason
    for side in _ADDRESS_NEEDS.get(draft.get("event", ""), ()):
        needed[f"{side}.postal"] = needed[f"{side}.address"] = reason
    count = member_count(draft) or 0
    if count >= 2 and draft.get("event") in ("move_out", "move_within") and "subjects" not in draft:
        needed[WHOLE] = reason  # a family may leave someone behind (then 世帯主変更 may follow)
    for i in range(count):
        for key in _BASE_MEMBER_KEYS:
            needed[member_path(i, key)] = reason
        if WHOLE in needed and (draft.get(WHOLE) is False or (upper and draft.get(WHOLE) is None)):
            needed[member_path(i, MOVING)] = reason  # who of them moves (counted while not yet known)
    if count:
        needed["notifier"] = reason
    # someone from outside the household files: their details are asked; while the 届出人 is not chosen
    # yet, the upper bound counts them (a choice must never raise the count: issue 14)
    if draft.get("notifier") == OUTSIDE_NOTIFIER or (upper and count and draft.get("notifier") is None):
        for key in _OUTSIDER_KEYS:
            needed[f"notifier.{key}"] = reason


def _form_needs(form: Form, subjects: tuple[int, ...], needed: dict[str, Reason], draft: Draft,
                upper: bool = False) -> None:
    reason = Reason(Why.FILL, form.title)
    for field in form.fields:
        # the 届出人's phone (the 喪主's, who is the 届出人 unless another was named): an outsider's own, else
        # the household's
        if field.source in ("notifier.phone", "death.mourner_phone"):
            notifier = draft.get("notifier")
            if notifier == OUTSIDE_NOTIFIER or (upper and notifier is None):
                needed.setdefault("notifier.phone", reason)
            if notifier != OUTSIDE_NOTIFIER:
                needed.setdefault("phone", reason)
        if field.source in _PARENT_FIELDS and _parent_unknown(draft, subjects, _PARENT_FIELDS[field.source]):
            needed.setdefault(field.source, reason)
        if field.required:
            for path in SOURCES[field.source].needs:
                needed.setdefault(path, reason)
        if field.source in _ASKED_WHEN_PRINTED:
            needed.setdefault(_ASKED_WHEN_PRINTED[field.source], reason)
    for column in form.member_columns:
        for key in _MEMBER_ASKED_WHEN_PRINTED.get(column.source, ()):
            for i in subjects:
                needed.setdefault(member_path(i, key), reason)
        if column.required:
            for i in subjects:
                for key in SOURCES[column.source].needs:
                    needed.setdefault(member_path(i, key), reason)


def _older_in_household(draft: Draft, child: int) -> int:
    """How many children of the same relation and sex in the household were born before ``child``
    (a start for 父母との続柄: an older brother living elsewhere is not here, so it is asked)."""
    def key(i: int) -> tuple[str, str, str, str]:
        get = draft.get
        return (str(get(member_path(i, "relation"))), str(get(member_path(i, "sex"))),
                str(get(member_path(i, "birth")) or ""), str(get(member_path(i, "birth_time")) or ""))
    relation, sex, born, clock = key(child)
    return sum(1 for i in range(member_count(draft) or 0) if i != child
               and key(i)[:2] == (relation, sex) and key(i)[2:] < (born, clock))


def _parent_unknown(draft: Draft, subjects: tuple[int, ...], which: int) -> bool:
    """True when the relations do not tell a newborn's father (0) or mother (1)."""
    people = [(str(draft.get(member_path(i, "relation")) or ""), str(draft.get(member_path(i, "sex")) or ""))
              for i in range(member_count(draft) or 0)]
    return not subjects or subjects[0] >= len(people) or parents_by_relation(people, subjects, subjects[0])[which] is None


def _spec_exists(path: str) -> bool:
    try:
        _spec_for(path)
    except KeyError:
        return False
    return True
