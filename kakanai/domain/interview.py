"""The interview: ask only what the chosen procedures still need, in a stable order.

What is known comes from a QR code (the *base*) and from the clerk's answers; an answer wins
over the base (the clerk's correction). Every call to `Interview.questions` recomputes the plan
from scratch, so answering one question may settle others or raise new ones; answers are never
dropped, so going back and changing one loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kakanai.domain.catalog import Catalog, Form
from kakanai.domain.draft import MEMBER_COUNT, Draft, member_count, member_path, split_member_path, to_document
from kakanai.domain.household_doc import ParsedHousehold, parse_household
from kakanai.domain.planner import Plan, member_name, plan
from kakanai.domain.problems import InvalidInput, Problem
from kakanai.domain.questions import HOUSEHOLD_SPECS, MEMBER_SPECS, QuestionSpec, normalize_answer
from kakanai.domain.sources import SOURCES

_BASE_MEMBER_KEYS = ("family", "given", "family_kana", "given_kana", "birth", "sex", "relation")
# 転入届 needs the previous address and 転出届 the destination, though the QR spec makes them optional
_ADDRESS_NEEDS = {"move_in": ("new", "old"), "move_within": ("new", "old"), "move_out": ("old", "new")}
_HOUSEHOLD_ORDER = tuple(HOUSEHOLD_SPECS)
_MEMBER_ORDER = tuple(MEMBER_SPECS)


@dataclass(frozen=True)
class Question:
    """One question for the clerk: the draft path, a label naming the person, the kind, why."""

    path: str
    label: str
    spec: QuestionSpec
    reason: str
    suggestion: str = ""  # a value to start from, e.g. the 町域 of the postal code already given


class Interview:
    """An interview over a catalog, starting from what a QR code (or nothing) already told."""

    def __init__(self, catalog: Catalog, base: Draft | None = None) -> None:
        self.catalog = catalog
        self.base: Draft = dict(base or {})
        self.answers: Draft = {}

    @property
    def draft(self) -> Draft:
        """What is known now: the base overlaid with the clerk's answers."""
        return {**self.base, **self.answers}

    def plan(self) -> Plan:
        """The plan for what is known now."""
        return plan(self.draft, self.catalog)

    def questions(self) -> list[Question]:
        """Every question still open, in a stable order (household first, then each member)."""
        draft = self.draft
        needed = _needed(draft, self.plan(), self.catalog)
        open_paths = [p for p in needed if draft.get(p) is None]
        return sorted((self._question(p, needed[p]) for p in open_paths), key=lambda q: _order(q.path))

    def answer(self, path: str, raw: Any) -> None:
        """Record an answer (normalised), or raise `InvalidInput` with the clerk's message."""
        spec = _spec_for(path)
        try:
            value = normalize_answer(spec, raw, member_count(self.draft))
            _check_dates(self.draft | {path: value}, path)
        except ValueError as exc:
            ja, _, en = str(exc).partition(" (")
            raise InvalidInput([Problem(path, ja, en.rstrip(")"))], "入力を確認してください") from None
        self.answers[path] = value

    def question(self, path: str, reason: str = "") -> Question:
        """The question for any draft path (also one already answered, to change it)."""
        return self._question(path, reason)

    def household(self) -> ParsedHousehold:
        """The finished household, validated like a QR document (raises `InvalidInput` if not)."""
        return parse_household(to_document(self.draft))

    def _question(self, path: str, reason: str) -> Question:
        spec = _spec_for(path)
        where = split_member_path(path)
        label = spec.label if where is None else f"{member_name(self.draft, where[0])}さんの{spec.label}"
        return Question(path, label, spec, reason, self._suggestion(path))

    def _suggestion(self, path: str) -> str:
        if path in ("new.address", "old.address"):
            return self.catalog.postal.get(self.draft.get(path.replace("address", "postal")) or "", "")
        return ""


def _check_dates(draft: Draft, path: str) -> None:
    """No one may be born after the event date (the same rule as the QR document's)."""
    if path != "date" and not path.endswith(".birth"):
        return
    event_date = draft.get("date")
    births = [draft.get(member_path(i, "birth")) for i in range(member_count(draft) or 0)]
    if event_date and any(b and b > event_date for b in births):
        raise ValueError("生年月日が届出の日付より後になっています (birth after the event date)")


def _spec_for(path: str) -> QuestionSpec:
    where = split_member_path(path)
    spec = MEMBER_SPECS.get(where[1]) if where else HOUSEHOLD_SPECS.get(path)
    if spec is None:
        raise KeyError(f"no question for {path}")
    return spec


def _order(path: str) -> tuple[int, int, int]:
    where = split_member_path(path)
    if where is None:
        rank = _HOUSEHOLD_ORDER.index(path)
        return (0 if rank <= _HOUSEHOLD_ORDER.index(MEMBER_COUNT) else 2, 0, rank)
    return (1, where[0], _MEMBER_ORDER.index(where[1]))


def _needed(draft: Draft, the_plan: Plan, catalog: Catalog) -> dict[str, str]:
    """Each needed draft path with the reason it is needed (first reason wins)."""
    needed: dict[str, str] = {}
    _basics(draft, needed)
    for undecided in the_plan.undecided:
        for path in undecided.needs:
            needed.setdefault(path, f"「{undecided.procedure.title}」が必要か判断するため")
    for item in the_plan.items:
        for form_id in item.procedure.definition.forms:
            _form_needs(catalog.forms[form_id], item.subjects, needed)
    return {p: r for p, r in needed.items() if _spec_exists(p)}


def _basics(draft: Draft, needed: dict[str, str]) -> None:
    reason = "届出に必要な基本事項"
    for path in ("event", "date", MEMBER_COUNT):
        needed[path] = reason
    for side in _ADDRESS_NEEDS.get(draft.get("event", ""), ()):
        needed[f"{side}.postal"] = needed[f"{side}.address"] = reason
    count = member_count(draft) or 0
    for i in range(count):
        for key in _BASE_MEMBER_KEYS:
            needed[member_path(i, key)] = reason
    if count:
        needed["notifier"] = reason


def _form_needs(form: Form, subjects: tuple[int, ...], needed: dict[str, str]) -> None:
    reason = f"「{form.title}」に記入するため"
    for field in form.fields:
        if field.required:
            for path in SOURCES[field.source].needs:
                needed.setdefault(path, reason)
    for column in form.member_columns:
        if column.required:
            for i in subjects:
                for key in SOURCES[column.source].needs:
                    needed.setdefault(member_path(i, key), reason)


def _spec_exists(path: str) -> bool:
    try:
        _spec_for(path)
    except KeyError:
        return False
    return True
