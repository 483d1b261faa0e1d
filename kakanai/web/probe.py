"""Which facts of the household document each life event's procedures use, found by asking the
counter itself at build time: a fact matters to an event when setting it changes which procedures
are planned (or what they still need to be decided) or what their forms print.

So a fact added to the model (a new key of `HouseholdDocV2` or `MemberDocV2`, printed by a form the
city adds) reaches the resident page at its next build with no edit here: the page asks it for the
events whose forms show it, by a field generated from its schema node, labelled with the words of
the form source that prints it.

"What the counter makes of a household" is its plan (each procedure, for whom, or what it still
needs to decide) and the text of every field its forms print, for the people they print it for.

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
from kakanai.domain.household import Household
from kakanai.domain.household_doc import parse_household
from kakanai.domain.planner import plan
from kakanai.domain.problems import InvalidInput
from kakanai.domain.sources import SOURCES, source_text

__all__ = ["HAND_HOUSEHOLD", "HAND_MEMBER", "UnknownPattern", "base_household", "event_facts", "leaf_labels", "resolve", "sample", "subjects_only"]

# a probe value for each pattern of the model (a new pattern: add a value that matches it)
_PATTERN_SAMPLES = {
    "^[A-Z]{2}$": "US", "^[0-9]{4}$": "0005", "^[0-9]{3}$": "001", "^[0-9]{7}$": "1234567",
    "^[A-Z]{2}[0-9]{8}[A-Z]{2}$": "AB12345678CD", "^([01][0-9]|2[0-3]):[0-5][0-9]$": "10:30",
}
# what the page asks with fields of its own (the basics, addresses, members, notifier, extras)
HAND_MEMBER = ("family", "given", "family_kana", "given_kana", "birth", "sex", "relation", "nationality")
HAND_HOUSEHOLD = ("v", "event", "date", "phone", "new", "old", "notifier", "members", "extras", "subjects")
_ADDRESSES = {"move_in": ("new", "old"), "move_within": ("new", "old"), "move_out": ("old", "new"),
              "birth": ("new",), "death": ("new",), "marriage": ("new",)}  # each probe household has them


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


def base_household(event: str, nationality: str | None = None, head_is_subject: bool = False) -> dict[str, Any]:
    """A plain household for ``event``: a couple (78 and 64) and their child (11, a newborn for a
    birth), Japanese or all of ``nationality``, so that the procedures for the old, the young and
    foreign residents are planned and their forms looked at."""
    members = [{"family": "見本", "given": "一郎", "family_kana": "ミホン", "given_kana": "イチロウ", "birth": "1948-01-01",
                "sex": "M", "relation": "世帯主"},
               {"family": "見本", "given": "花子", "family_kana": "ミホン", "given_kana": "ハナコ", "birth": "1962-02-02",
                "sex": "F", "relation": "妻"}]
    doc: dict[str, Any] = {"v": 2, "event": event, "date": "2026-04-01", "notifier": 0, "members": members}
    for side in _ADDRESSES.get(event, ()):
        doc[side] = {"postal": "100-0001", "address": "東京都千代田区千代田1番1号"}
    # a child besides the couple: someone the event is not about (a birth: the newborn, who is)
    members.append({"family": "見本", "given": "陽", "family_kana": "ミホン", "given_kana": "ヒナタ",
                    "birth": "2026-04-01" if event == "birth" else "2015-05-05", "sex": "F", "relation": "子"})
    if nationality:
        for member in members:
            member["nationality"] = nationality
    subjects = {"birth": [2], "death": [0 if head_is_subject else 1], "marriage": [0, 1]}.get(event)
    if subjects is not None:
        doc["subjects"] = subjects
    return doc


def _reading(household: Household, catalog: Catalog) -> list[tuple[str, str]]:
    """What the counter makes of ``household``: the procedures planned (for whom) and those still
    undecided (on what), and each text their forms print for the people they print it for."""
    draft = draft_from_household(household)
    the_plan = plan(draft, catalog)
    out = [(f"plan:{item.id}", repr(item.subjects)) for item in the_plan.items]
    out += [(f"undecided:{u.procedure.id}", repr(u.needs)) for u in the_plan.undecided]
    for item in the_plan.items:
        for form_id in item.procedure.definition.forms:
            form = catalog.forms[form_id]
            for field in form.fields:
                if field.source in SOURCES:
                    scope = SOURCES[field.source].scope
                    for i in (item.subjects if scope == "member" else (-1,)):
                        out.append((field.source, _safe(lambda: source_text(field.source, household, i))))  # noqa: B023
            for column in form.member_columns:
                if column.source in SOURCES:
                    for i in item.subjects:
                        out.append((column.source, _safe(lambda: source_text(column.source, household, i))))  # noqa: B023
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


def _bases(event: str) -> list[dict[str, Any]]:
    """The households probed: Japanese, foreign, and (a death) the head's death besides the wife's."""
    return [base_household(event), base_household(event, "US"), *([base_household(event, head_is_subject=True)] if event == "death" else [])]


def event_facts(catalog: Catalog, schema: dict[str, Any], event: str) -> dict[str, dict[str, str]]:
    """The facts ``event`` uses beyond the page's own fields: {"member" | "household": {key: the
    label of the first source that showed it}}, over a Japanese and a foreign household."""
    found: dict[str, dict[str, str]] = {"member": {}, "household": {}}
    for base in _bases(event):
        _find(catalog, schema, base, found)
    return found


def _find(catalog: Catalog, schema: dict[str, Any], base: dict[str, Any], found: dict[str, dict[str, str]]) -> None:
    for _ in range(2):  # a second round on top of what the first found (新しい世帯主の続柄 needs the 世帯主)
        with_found = base
        for scope, key in [(sc, k) for sc in found for k in found[sc]]:
            with_found = _with(with_found, scope, key, sample(schema, _node(schema, scope, key)))
        reference = _parsed(with_found)
        if reference is None:
            break
        plain = _reading(reference, catalog)
        for scope, key in _candidates(schema):
            if key in found[scope]:
                continue
            probe = _parsed(_with(with_found, scope, key, sample(schema, _node(schema, scope, key))))
            changed = _changed(plain, probe, catalog)
            if changed:
                found[scope][key] = _label(changed[0], catalog)


def _changed(plain: list[tuple[str, str]], probe: Household | None, catalog: Catalog) -> list[str]:
    """The sources and procedures whose reading differs from ``plain`` (none when the counter
    refused the probe), sources first: they name the fact best."""
    if probe is None:
        return []
    after = _reading(probe, catalog)
    before_set, after_set = set(plain), set(after)
    names = [name for name, value in after if (name, value) not in before_set]
    names += [name for name, value in plain if (name, value) not in after_set and name not in names]
    return sorted(dict.fromkeys(names), key=lambda n: (n.startswith(("plan:", "undecided:")), names.index(n)))


def leaf_labels(catalog: Catalog, schema: dict[str, Any], event: str, scope: str, key: str) -> dict[str, str]:
    """For an object fact (death, school …): each optional leaf → the label of what it changes."""
    node = resolve(schema, _node(schema, scope, key))
    if node.get("type") != "object":
        return {}
    full = sample(schema, node)
    labels: dict[str, str] = {}
    for base in _bases(event):
        whole = _parsed(_with(base, scope, key, full))
        if whole is None:
            continue
        plain = _reading(whole, catalog)
        for leaf in node.get("properties", {}):
            if leaf in node.get("required", []) or leaf in labels:
                continue
            without = {k: v for k, v in full.items() if k != leaf}
            changed = _changed(plain, _parsed(_with(base, scope, key, without)), catalog)
            if changed:
                labels[leaf] = _label(changed[0], catalog)
    return labels


def _label(name: str, catalog: Catalog) -> str:
    """The words for what changed: a form source's label, else the title of the procedure decided."""
    if name in SOURCES:
        return SOURCES[name].label
    procedure_id = name.split(":", 1)[-1]
    return next((p.definition.title for p in catalog.procedures if p.id == procedure_id), procedure_id)


def subjects_only(catalog: Catalog, schema: dict[str, Any], event: str, key: str) -> bool:
    """True when a member fact changes nothing unless it is about the event's subjects (the newborn's
    time of birth, not the parents'): the page asks it of them only."""
    value = sample(schema, _node(schema, "member", key))
    for base in _bases(event):
        if "subjects" not in base:
            return False
        before = _parsed(base)
        assert before is not None, f"the probe household for {event} is refused by the counter"
        others = copy.deepcopy(base)
        for i, member in enumerate(others["members"]):
            if i not in base["subjects"]:
                member[key] = copy.deepcopy(value)
        if _changed(_reading(before, catalog), _parsed(others), catalog):
            return False
    return True
