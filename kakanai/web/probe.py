"""Which facts of the household document each life event's procedures use, found by asking the
counter itself at build time: a fact matters to an event when setting it changes what one of the
event's forms prints or what one of its procedures' conditions decides.

So a fact added to the model (a new key of `HouseholdDocV2` or `MemberDocV2`, printed by a form the
city adds) reaches the resident page at its next build with no edit here: the page asks it for the
events whose forms show it, by a field generated from its schema node, labelled with the words of
the form source that prints it.

A probe value is made for each schema node (an enum's first code, a date, a number within its
bounds, a text). A ``pattern`` the table below does not know stops the build (`UnknownPattern`),
as an unknown validator does, instead of guessing.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import draft_from_household
from kakanai.domain.facts import HOUSEHOLD_FACTS, MEMBER_FACTS, household_fact, member_fact
from kakanai.domain.household import Household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.problems import InvalidInput
from kakanai.domain.sources import SOURCES, source_text

__all__ = ["HAND_HOUSEHOLD", "HAND_MEMBER", "UnknownPattern", "event_facts", "leaf_labels", "resolve", "sample"]

# a probe value for each pattern of the model (a new pattern: add a value that matches it)
_PATTERN_SAMPLES = {
    "^[A-Z]{2}$": "US", "^[0-9]{4}$": "0005", "^[0-9]{3}$": "001", "^[0-9]{7}$": "1234567",
    "^[A-Z]{2}[0-9]{8}[A-Z]{2}$": "AB12345678CD", "^([01][0-9]|2[0-3]):[0-5][0-9]$": "10:30",
}
# what the page asks with fields of its own (the basics, addresses, members, notifier, extras)
HAND_MEMBER = ("family", "given", "family_kana", "given_kana", "birth", "sex", "relation", "nationality")
HAND_HOUSEHOLD = ("v", "event", "date", "phone", "new", "old", "notifier", "members", "extras", "subjects")
_ADDRESSES = {"move_in": ("new", "old"), "move_within": ("new", "old"), "move_out": ("old", "new")}


class UnknownPattern(RuntimeError):
    """A pattern of the household model with no probe value: add one to kakanai/web/probe.py."""


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The node itself: a ``$ref`` followed, an optional's non-null branch (an object's first)."""
    if "anyOf" in node:
        branches = [resolve(schema, n) for n in node["anyOf"] if n.get("type") != "null"]
        node = next((b for b in branches if b.get("type") == "object"), branches[0])
    if "$ref" in node:
        return resolve(schema, schema["$defs"][node["$ref"].split("/")[-1]])
    return node


def sample(schema: dict[str, Any], node: dict[str, Any]) -> Any:
    """A value the model accepts for ``node`` (an object: every key of it)."""
    node = resolve(schema, node)
    if node.get("type") == "object":
        return {key: sample(schema, sub) for key, sub in node.get("properties", {}).items()}
    if "enum" in node:
        return "US" if "US" in node["enum"] else node["enum"][0]
    if node.get("type") == "boolean":
        return True
    if node.get("type") == "integer":
        return int(node.get("minimum", 1))
    if node.get("type") == "array":
        return []
    checks = node.get("x-checks", [])
    if "date" in checks:
        return "2000-01-02"
    if "pattern" in node:
        if node["pattern"] not in _PATTERN_SAMPLES:
            raise UnknownPattern(f"household_schema の形式 {node['pattern']} は住民ページの見本値にありません"
                                 "（kakanai/web/probe.py に加えてください）")
        return _PATTERN_SAMPLES[node["pattern"]]
    return "ミホン" if "kana" in checks else "見本"


def _base(event: str) -> dict[str, Any]:
    """A plain household for ``event``: a couple and their child (a newborn for a birth)."""
    members = [{"family": "見本", "given": "一郎", "family_kana": "ミホン", "given_kana": "イチロウ", "birth": "1960-01-01",
                "sex": "M", "relation": "世帯主"},
               {"family": "見本", "given": "花子", "family_kana": "ミホン", "given_kana": "ハナコ", "birth": "1962-02-02",
                "sex": "F", "relation": "妻"}]
    doc: dict[str, Any] = {"v": 2, "event": event, "date": "2026-04-01", "notifier": 0, "members": members}
    for side in _ADDRESSES.get(event, ()):
        doc[side] = {"postal": "100-0001", "address": "東京都千代田区千代田1番1号"}
    # a child besides the couple: someone the event is not about (a birth: the newborn, who is)
    members.append({"family": "見本", "given": "陽", "family_kana": "ミホン", "given_kana": "ヒナタ",
                    "birth": "2026-04-01" if event == "birth" else "2015-05-05", "sex": "F", "relation": "子"})
    subjects = {"birth": [2], "death": [1], "marriage": [0, 1]}.get(event)
    if subjects is not None:
        doc["subjects"] = subjects
    return doc


def _printed(catalog: Catalog, event: str) -> tuple[list[str], list[str], list[str]]:
    """The sources the event's forms print, and the member and household facts its conditions use."""
    sources: list[str] = []
    member_facts: set[str] = set()
    household_facts: set[str] = set()
    for procedure in catalog.procedures:
        if event not in procedure.definition.events:
            continue
        for fact in procedure.member_when.facts() | procedure.household_when.facts():
            (member_facts if fact in MEMBER_FACTS else household_facts).add(fact)
        for form_id in procedure.definition.forms:
            form = catalog.forms[form_id]
            sources += [f.source for f in (*form.fields, *form.member_columns) if f.source not in sources]
    return [s for s in sources if s in SOURCES], sorted(member_facts), sorted(household_facts & set(HOUSEHOLD_FACTS))


def _reading(household: Household, sources: list[str], member_facts: list[str],
             household_facts: list[str]) -> list[tuple[str, str]]:
    """What the forms print and the conditions decide for ``household``: (source or fact, value)."""
    out: list[tuple[str, str]] = []
    everyone = range(len(household.members))
    for name in sources:
        for i in (everyone if SOURCES[name].scope == "member" else (-1,)):
            out.append((name, _safe(lambda: source_text(name, household, i))))  # noqa: B023
    draft = draft_from_household(household)
    out += [(f, _safe(lambda: member_fact(draft, i, f))) for f in member_facts for i in everyone]  # noqa: B023
    out += [(f, _safe(lambda: household_fact(draft, f))) for f in household_facts]  # noqa: B023
    return out


def _safe(read: Any) -> str:
    try:
        return repr(read())
    except Exception as exc:  # noqa: BLE001  # a source that cannot print this probe: a difference like any other
        return f"! {type(exc).__name__}"


def _parsed(doc: dict[str, Any]) -> Household | None:
    try:
        return parse_household(doc).household
    except InvalidInput:
        return None


def _candidates(schema: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """("member" | "household", key) for each fact the page has no field of its own for."""
    root = schema["properties"]
    member = resolve(schema, resolve(schema, root["members"])["items"])
    for key in member["properties"]:
        if key not in HAND_MEMBER:
            yield "member", key
    for key in root:
        if key not in HAND_HOUSEHOLD:
            yield "household", key
    for side in ("new", "old"):
        if "head" in resolve(schema, root[side])["properties"]:
            yield "household", f"{side}.head"


def _with(doc: dict[str, Any], scope: str, key: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    if scope == "member":
        for member in out["members"]:
            member[key] = copy.deepcopy(value)
    elif "." in key:
        side, inner = key.split(".", 1)
        if side not in out:
            return out
        out[side][inner] = value
    else:
        out[key] = value
    return out


def _node(schema: dict[str, Any], scope: str, key: str) -> dict[str, Any]:
    root = schema["properties"]
    if scope == "member":
        return resolve(schema, resolve(schema, root["members"])["items"])["properties"][key]
    head, _, inner = key.partition(".")
    return resolve(schema, root[head])["properties"][inner] if inner else root[head]


def event_facts(catalog: Catalog, schema: dict[str, Any], event: str) -> dict[str, dict[str, str]]:
    """The facts ``event`` uses beyond the page's own fields: {"member" | "household": {key: the
    label of the first source or condition that showed it}}."""
    sources, member_facts, household_facts = _printed(catalog, event)
    base = _base(event)
    found: dict[str, dict[str, str]] = {"member": {}, "household": {}}
    for _ in range(2):  # a second round on top of what the first found (新しい世帯主の続柄 needs the 世帯主)
        with_found = base
        for scope, key in [(sc, k) for sc in found for k in found[sc]]:
            with_found = _with(with_found, scope, key, sample(schema, _node(schema, scope, key)))
        reference = _parsed(with_found)
        if reference is None:
            break
        plain = _reading(reference, sources, member_facts, household_facts)
        for scope, key in _candidates(schema):
            if key in found[scope]:
                continue
            probe = _parsed(_with(with_found, scope, key, sample(schema, _node(schema, scope, key))))
            changed = _changed(plain, probe, sources, member_facts, household_facts)
            if changed:
                found[scope][key] = _label(changed[0])
    return found


def _changed(plain: list[tuple[str, str]], probe: Household | None, *uses: list[str]) -> list[str]:
    """The sources and facts whose value differs from ``plain`` (none when the counter refused the probe)."""
    if probe is None:
        return []
    return [name for (name, a), (_, b) in zip(plain, _reading(probe, *uses), strict=True) if a != b]


def leaf_labels(catalog: Catalog, schema: dict[str, Any], event: str, scope: str, key: str) -> dict[str, str]:
    """For an object fact (death, school …): each optional leaf → the label of what it changes."""
    node = resolve(schema, _node(schema, scope, key))
    if node.get("type") != "object":
        return {}
    uses = _printed(catalog, event)
    full = sample(schema, node)
    whole = _parsed(_with(_base(event), scope, key, full))
    if whole is None:
        return {}
    plain = _reading(whole, *uses)
    labels = {}
    for leaf in node.get("properties", {}):
        if leaf in node.get("required", []):
            continue
        without = {k: v for k, v in full.items() if k != leaf}
        changed = _changed(plain, _parsed(_with(_base(event), scope, key, without)), *uses)
        if changed:
            labels[leaf] = _label(changed[0])
    return labels


def _label(name: str) -> str:
    if name in SOURCES:
        return SOURCES[name].label
    fact = MEMBER_FACTS.get(name) or HOUSEHOLD_FACTS.get(name)
    return fact.label if fact is not None else name
