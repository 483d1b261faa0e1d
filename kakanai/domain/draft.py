"""A household in the making: a flat map from key path to wire value.

The interview and the planner both work on a `Draft` so they can reason about a household that
is still incomplete (a QR with no insurance, an interview half done). Values are in the KKN1
wire format (ISO date strings, ``"nhi"``, ``true`` …); `to_document` rebuilds the nested
document that `household_doc.parse_household` validates.
"""

from __future__ import annotations

import re
from typing import Any

from kakanai.domain.household import Household
from kakanai.domain.household_doc import household_to_document, subjects_by_kkn1_rule

Draft = dict[str, Any]

MEMBER_COUNT = "member_count"
# household objects whose keys are draft paths of their own (``new.postal``, ``death.funeral`` …)
_FLAT_OBJECTS = ("new", "old", "death", "marriage", "child_allowance", "birth")
# what the planner adds to its own copy of a draft (never part of a household document)
VISIT_DATE = "visit_date"  # the day the resident comes (ISO)
# an interview's answers on who moves (written into the document as ``subjects``)
WHOLE = "whole"  # False: only some of the members move; the others stay in the household
MOVING = "moving"  # members[i].moving: True for those who move when not the whole household does
OUTSIDE_NOTIFIER = -1  # the interview's notifier answer for someone from outside the household
CITY_PREFECTURE = "city_prefecture"  # the catalog city's prefecture (its 後期高齢者医療広域連合)
_MEMBER_PATH = re.compile(r"^members\[(\d+)\]\.(\w+)$")


def member_path(index: int, key: str) -> str:
    """The draft path of a member's field: ``members[2].birth``."""
    return f"members[{index}].{key}"


def split_member_path(path: str) -> tuple[int, str] | None:
    """(index, key) for a member path, None for a household path."""
    match = _MEMBER_PATH.match(path)
    return (int(match.group(1)), match.group(2)) if match else None


def member_count(draft: Draft) -> int | None:
    """How many members the draft has, or None while unknown."""
    value = draft.get(MEMBER_COUNT)
    return value if isinstance(value, int) else None


def draft_from_household(household: Household) -> Draft:
    """The draft of a validated household: the one way from a `Household` back to a draft (the
    scan path, the command line and the forms all use it; unknown QR keys never get here)."""
    return from_document(household_to_document(household))


def from_document(document: dict[str, Any]) -> Draft:
    """Flatten a household document made by `household_to_document` into a draft."""
    draft: Draft = {}
    for key, value in document.items():
        if key == "members":
            draft[MEMBER_COUNT] = len(value)
            for i, member in enumerate(value):
                draft.update({member_path(i, k): v for k, v in member.items()})
        elif key == "extras":
            seals = set(value.get("seal_registration", []))
            draft.update({f"extras.{k}": v for k, v in value.items() if k != "seal_registration"})
            for i in range(len(document.get("members", []))):
                draft[member_path(i, "seal")] = i in seals
        elif isinstance(value, dict) and key in _FLAT_OBJECTS:
            draft.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            draft[key] = value
    return draft


_V1_KEYS = {"v", "event", "date", "phone", "new", "old", "notifier", "members", "extras"}
_V1_MEMBER_KEYS = {"family", "given", "family_kana", "given_kana", "birth", "sex", "relation", "insurance", "card",
                   "care_certified", "nationality"}


def _says_more_than_v1(doc: dict[str, Any]) -> bool:
    """True when an interview's answers hold a fact only document v = 2 carries (then it is written
    as v = 2, who the event is about by KKN1's order unless answered)."""
    return bool(set(doc) - _V1_KEYS or any(set(m) - _V1_MEMBER_KEYS for m in doc["members"])
                or any(set(doc.get(side) or {}) - {"postal", "address", "building", "head"} for side in ("new", "old"))
                or (isinstance(doc.get("notifier"), dict) and bool(set(doc["notifier"]) & {"address", "agent"})))


def to_document(draft: Draft) -> dict[str, Any]:
    """Rebuild the nested KKN1 document from a draft (missing keys stay missing)."""
    doc: dict[str, Any] = {}
    count = member_count(draft) or 0
    members: list[dict[str, Any]] = [{} for _ in range(count)]
    extras: dict[str, Any] = {}
    for path, value in draft.items():
        where = split_member_path(path)
        if path == WHOLE or (where is not None and where[1] == MOVING):
            continue  # who moves is written as ``subjects`` below
        if path == "notifier" and value == OUTSIDE_NOTIFIER:
            continue  # someone from outside the household: the ``notifier.*`` answers make the object
        if path.startswith("notifier.") and draft.get("notifier") != OUTSIDE_NOTIFIER:
            continue  # answers about an outside notifier no longer apply (a member was chosen)
        if where is not None:
            index, key = where
            if index < count and key != "seal" and not (value == "" and key not in _V1_MEMBER_KEYS):
                members[index][key] = value  # an empty answer to a v2 fact (出生の時刻 …) is "none"
        elif path.startswith("extras."):
            extras[path.removeprefix("extras.")] = value
        elif "." in path:
            head, _, key = path.partition(".")
            if value != "" or head in ("new", "old"):
                doc.setdefault(head, {})[key] = value
        elif path != MEMBER_COUNT:
            doc[path] = value
    doc["members"] = members
    if draft.get(WHOLE) is False and "subjects" not in doc:  # a move of part of the household
        doc["subjects"] = [i for i in range(count) if draft.get(member_path(i, MOVING))]
    doc.setdefault("v", 2 if _says_more_than_v1(doc) else 1)
    if doc["v"] == 2 and "subjects" not in doc and doc.get("event") in ("birth", "death", "marriage"):
        births = [str(m.get("birth", "")) for m in members]
        doc["subjects"] = list(subjects_by_kkn1_rule(doc["event"], births, str(doc.get("date", ""))) or ())
    extras["seal_registration"] = [i for i in range(count) if draft.get(member_path(i, "seal"))]
    doc["extras"] = extras
    return doc
