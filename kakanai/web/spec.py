"""What the resident page asks and checks, derived at build time from the counter's own models and
catalog, so the page never accepts what the counter refuses:

- a JSON Schema of the household document (``HouseholdDocV2``), in which every pydantic validator
  becomes a named check the page implements (``x-checks``) or an ``enum``/``const``; a validator
  the page does not know stops the build (`UnknownCheck`) instead of being skipped;
- the cross checks pydantic cannot express, as data asked of the counter (`checks.event_rules`:
  the addresses an event needs, how many people it names, who may be the new head), and the
  character classes and conversions of its text checks (`checks.characters`);
- for each life event, the member and household questions its procedures can need: the facts of
  their conditions and every source their forms print, mapped onto the document's keys. A key the
  page has no hand-made field for (a fact added to the model later) is asked by a field generated
  from its schema node, labelled with the counter's own Japanese words (`labels`);
- for each address an event has, whether the counter accepts it abroad (a ``country`` instead of a
  postal code): asked of the counter's own validator at build time, not written down twice;
- the 全銀 bank and branch codes with their names (zengin-code, as the counter checks them).
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from kakanai.domain import vocabulary
from kakanai.domain.catalog import Catalog
from kakanai.domain.countries import COUNTRY_NAMES
from kakanai.domain.household_doc import MAX_MEMBERS, MAX_STRING, parse_household
from kakanai.domain.household_schema import EARLIEST, LATEST, HouseholdDocV2, MemberDocV2, NotifierDoc
from kakanai.domain.interview import Interview
from kakanai.domain.problems import InvalidInput
from kakanai.domain.questions import HOUSEHOLD_SPECS, MEMBER_SPECS
from kakanai.domain.sources import SOURCES
from kakanai.domain.vocabulary import EVENTS, INSURANCES, SEXES
from kakanai.domain.wareki import ERAS
from kakanai.qr.kkn2 import DICTIONARY_ID
from kakanai.qr.kkn2_dictionary import DICTIONARY_TEXT
from kakanai.qr.payload import KKN2, MAX_DEPTH
from kakanai.web import checks, probe

__all__ = ["UnknownCheck", "bank_codes", "household_schema", "page_spec"]

# each validator of household_schema, by qualified name → the check the page runs (kkn2page.js)
_CHECKS = {
    "_clean_text": "characters", "_not_blank": "not_blank", "_kana": "kana", "_postal": "postal",
    "_iso_date": "date", "HouseholdDoc._phone": "phone", "NotifierDoc._phone": "phone",
}
# the page's questions: fact of the catalog's conditions → member key, household fact → document path
_MEMBER_FACT_KEYS = {"insurance": "insurance", "card": "card", "care_certified": "care_certified",
                     "seal_requested": "seal"}
_HOUSEHOLD_FACT_KEYS = {"dogs": "extras.dogs", "mopeds": "extras.mopeds"}
# as the interview asks them (domain/interview.py): 転入届 needs the old address, 転出届 the new one
_MOVES = ("move_in", "move_out", "move_within")
# where an address abroad makes sense (from abroad; out to another country), if the counter accepts it
_MAY_BE_ABROAD = {"move_in": ("old",), "move_out": ("new",)}



class UnknownCheck(RuntimeError):
    """A validator of the household model that the page has no check for: teach kkn2page.js first."""


class _Schema(GenerateJsonSchema):
    """pydantic's JSON Schema, with each validator function named as a check or an enum."""

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> dict[str, Any]:
        return _with_check(super().function_after_schema(schema), schema["function"]["function"])

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> dict[str, Any]:
        return _with_check(super().function_before_schema(schema), schema["function"]["function"])


def _closure(function: Any) -> Any:
    cells = function.__closure__ or ()
    return cells[0].cell_contents if cells else None


def _with_check(js: dict[str, Any], function: Any) -> dict[str, Any]:
    name = function.__qualname__
    out = dict(js)
    if name == "_one_of.<locals>.check":
        out["enum"] = list(_closure(function))
    elif name == "_version.<locals>.check":
        out["const"] = _closure(function)
    elif name == "_country":
        out["enum"] = sorted(COUNTRY_NAMES)
    elif name in _CHECKS:
        out["x-checks"] = [*out.get("x-checks", []), _CHECKS[name]]
    else:
        raise UnknownCheck(f"household_schema の検査 {name} は住民ページにありません（kkn2page.js に加えてください）")
    return out


def household_schema() -> dict[str, Any]:
    """The JSON Schema of a KKN2 household document with the page's named checks."""
    schema = HouseholdDocV2.model_json_schema(schema_generator=_Schema)
    schema["x-limits"] = {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat(), "maxString": MAX_STRING,
                          "maxDepth": MAX_DEPTH}
    return schema


def _event_asks(catalog: Catalog, schema: dict[str, Any], event: str) -> dict[str, Any]:
    """What the page asks for ``event`` beyond the basics: the facts its procedures' conditions use
    (the page's own fields) and every fact the counter's probe finds its forms or conditions reading
    (fields generated from the model), with the counter's words for them."""
    member: set[str] = set()
    household: set[str] = set()
    for procedure in catalog.procedures:
        if event not in procedure.definition.events:
            continue
        facts = procedure.member_when.facts() | procedure.household_when.facts()
        member |= {_MEMBER_FACT_KEYS[f] for f in facts if f in _MEMBER_FACT_KEYS}
        household |= {_HOUSEHOLD_FACT_KEYS[f] for f in facts if f in _HOUSEHOLD_FACT_KEYS}
        for form_id in procedure.definition.forms:
            form = catalog.forms[form_id]
            for field in (*form.fields, *form.member_columns):
                if field.required and field.source in SOURCES:
                    member |= {k for k in SOURCES[field.source].needs if k in _MEMBER_FACT_KEYS.values()}
    member.add("nationality")  # always: it decides 和暦 or 西暦 on every form and the 30条の45 facts
    found = probe.event_facts(catalog, schema, event)
    labels: dict[str, str] = {}
    subjects_only: list[str] = []
    for key, label in found["member"].items():
        leaves = _leaves(schema, "member", key)
        member |= set(leaves)
        labels |= {f"member.{leaf}": label for leaf in leaves}
        labels |= {f"member.{key}.{leaf}": text for leaf, text in probe.leaf_labels(
            catalog, schema, event, "member", key).items()}
        if key not in _MEMBER_FACT_KEYS.values() and probe.subjects_only(catalog, schema, event, key):
            subjects_only += leaves
    for key, label in found["household"].items():
        household.add(key)
        labels[key] = label
        labels |= {f"{key}.{leaf}": text for leaf, text in probe.leaf_labels(
            catalog, schema, event, "household", key).items()}
    household = {k for k in household if not k.endswith(".head") or (k.split(".")[0] in addresses(catalog, event)
                                                                       and event in _MOVES)}
    order = [*MEMBER_SPECS, *_member_paths()]
    return {"member": sorted(member, key=lambda k: order.index(k) if k in order else len(order)),
            "subjectsOnly": subjects_only,
            "household": sorted(household, key=_household_order), "labels": labels}


def _household_order(key: str) -> tuple[int, str]:
    fixed = [*HOUSEHOLD_SPECS, "new.head", "new_head", "new_relation", "bank"]
    return (fixed.index(key), "") if key in fixed else (len(fixed), key)


def _leaves(schema: dict[str, Any], scope: str, key: str) -> list[str]:
    """A member fact's keys as the page's fields: an object's own keys (``residence.card`` …)."""
    root = schema["properties"]
    member = probe.resolve(schema, probe.resolve(schema, root["members"])["items"])
    node = probe.resolve(schema, member["properties"][key])
    if node.get("type") == "object":
        return [f"{key}.{leaf}" for leaf in node.get("properties", {})]
    return [key]


def _member_paths() -> list[str]:
    """The member document's keys in the model's order, a nested model's keys after its name."""
    paths = []
    for name, info in MemberDocV2.model_fields.items():
        paths.append(name)
        for model in getattr(info.annotation, "__args__", (info.annotation,)):
            paths += [f"{name}.{inner}" for inner in getattr(model, "model_fields", {})]
    return paths


# who the page asks a member fact of (MemberDocV2: 本籍・筆頭者 of nationals, 通称・在留 of foreign residents)
_NATIONALS_ONLY = ("domicile", "domicile_head")
_FOREIGN_ONLY = ("alias", "residence")
_PROBE_MEMBER = {"family": "見本", "given": "一", "family_kana": "ミホン", "given_kana": "ハジメ", "birth": "1990-01-01",
                 "sex": "F", "relation": "世帯主"}


def _abroad(catalog: Catalog, event: str) -> list[str]:
    """The addresses of ``event`` the counter accepts abroad (asked of its validator, so that when the
    counter learns e.g. a move out to another country, the page offers it at its next build)."""
    sides = addresses(catalog, event)
    found = []
    for side in _MAY_BE_ABROAD.get(event, ()):
        doc: dict[str, Any] = {"v": 2, "event": event, "date": "2026-04-01", "notifier": 0,
                               "members": [_PROBE_MEMBER]}
        for other in sides:
            doc[other] = {"postal": "100-0001", "address": "東京都千代田区千代田1番1号"}
        doc[side] = {"country": "US", "address": "1 Main St, Springfield"}
        try:
            parse_household(doc)
        except InvalidInput:
            continue
        found.append(side)
    return found


def addresses(catalog: Catalog, event: str) -> list[str]:
    """The addresses the counter's interview asks for ``event`` (asked of the interview itself: a
    move's two, the household's address of a birth, death or marriage), in the interview's order."""
    interview = Interview(catalog)
    interview.answers.update({"event": event, "member_count": 1})
    asked = [q.path.split(".")[0] for q in interview.questions() if q.path in ("new.postal", "old.postal")]
    return list(dict.fromkeys(asked))


def _events(catalog: Catalog, schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"code": code, "addresses": addresses(catalog, code), "abroad": _abroad(catalog, code),
             **checks.event_rules(code), **_event_asks(catalog, schema, code)}
            for code in EVENTS]


def _labels(events: list[dict[str, Any]]) -> dict[str, str]:
    """The counter's Japanese words for each key the page may generate a field for: the interview's
    question labels, else what the probe found the key printed as (a text of the page's table wins)."""
    labels: dict[str, str] = {}
    for event in events:
        for key, label in event.pop("labels").items():
            labels.setdefault(key, label)
    labels |= {f"member.{k}": spec.label for k, spec in MEMBER_SPECS.items()}
    labels |= {f"notifier.{k}": MEMBER_SPECS[k].label for k in NotifierDoc.model_fields if k in MEMBER_SPECS}
    return labels


def _choice_labels() -> dict[str, dict[str, str]]:
    """The Japanese label of each code of the vocabulary (種目 普通, 30条の45区分 …), by its list."""
    return {name.removesuffix("_LABELS").lower(): {str(k.value if hasattr(k, "value") else k): str(v)
                                                   for k, v in table.items()}
            for name, table in vars(vocabulary).items() if name.endswith("_LABELS") and isinstance(table, dict)}


def bank_codes() -> dict[str, list[Any]]:
    """Every 全銀 bank code → [name, {branch code: name}] (zengin-code, as the counter reads it)."""
    import zengin_code  # type: ignore[import-untyped]

    return {code: [bank.name, {b: branch.name for b, branch in sorted(bank.branches.items())}]
            for code, bank in sorted(zengin_code.Bank.all.items())}


def page_spec(catalog: Catalog) -> dict[str, Any]:
    """Everything the page needs from the counter, as one JSON-ready object."""
    schema = household_schema()
    events = _events(catalog, schema)
    return {
        "city": {"name": catalog.city.name, "prefecture": catalog.city.prefecture},
        "postal": dict(sorted(catalog.postal.items())),
        "events": events,
        "sexes": list(SEXES), "insurances": list(INSURANCES),
        "countries": dict(sorted(COUNTRY_NAMES.items())),
        "eras": [{"name": e.name, "start": e.start.isoformat()} for e in ERAS],
        "schema": schema, "labels": _labels(events),
        "nationalsOnly": list(_NATIONALS_ONLY), "foreignOnly": list(_FOREIGN_ONLY), "choiceLabels": _choice_labels(),
        "banks": bank_codes(), "characters": checks.characters(),
        "kkn2": {"prefix": KKN2, "dictionary": DICTIONARY_TEXT, "dictionaryId": f"{DICTIONARY_ID:08x}",
                 "maxMembers": MAX_MEMBERS, **checks.limits()},
    }
