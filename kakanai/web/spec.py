"""What the resident page asks and checks, derived at build time from the counter's own models and
catalog, so the page never accepts what the counter refuses:

- a JSON Schema of the household document (``HouseholdDocV2``), in which every pydantic validator
  becomes a named check the page implements (``x-checks``) or an ``enum``/``const``; a validator
  the page does not know stops the build (`UnknownCheck`) instead of being skipped;
- the cross checks pydantic cannot express (who the event is about, which addresses, birth after
  the event), as data;
- for each life event, the member and household questions its procedures can need (their
  conditions' facts and their forms' required sources).
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from kakanai.domain.catalog import Catalog
from kakanai.domain.countries import COUNTRY_NAMES
from kakanai.domain.household_doc import MAX_MEMBERS, MAX_STRING
from kakanai.domain.household_schema import EARLIEST, LATEST, HouseholdDocV2
from kakanai.domain.questions import HOUSEHOLD_SPECS, MEMBER_SPECS
from kakanai.domain.sources import SOURCES
from kakanai.domain.vocabulary import EVENTS, INSURANCES, SEXES
from kakanai.domain.wareki import ERAS
from kakanai.qr.kkn2 import DICTIONARY_ID
from kakanai.qr.kkn2_dictionary import DICTIONARY_TEXT
from kakanai.qr.payload import KKN2, MAX_TEXT_KKN2

__all__ = ["UnknownCheck", "household_schema", "page_spec"]

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
_ADDRESSES = {"move_in": ("new", "old"), "move_within": ("new", "old"), "move_out": ("old", "new")}
# who a v = 2 document must name (household_doc._v2_checks): (fewest, most)
_SUBJECTS = {"birth": (1, MAX_MEMBERS), "death": (1, MAX_MEMBERS), "marriage": (2, 2)}



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
    schema["x-limits"] = {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat(), "maxString": MAX_STRING}
    return schema


def _event_asks(catalog: Catalog, event: str) -> dict[str, list[str]]:
    """The optional member and household questions the event's procedures can need."""
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
    return {"member": [k for k in (*MEMBER_SPECS, "nationality") if k in member],
            "household": [k for k in HOUSEHOLD_SPECS if k in household]}


def _events(catalog: Catalog) -> list[dict[str, Any]]:
    return [{"code": code, "addresses": list(_ADDRESSES.get(code, ())),
             "subjects": list(_SUBJECTS[code]) if code in _SUBJECTS else None, **_event_asks(catalog, code)}
            for code in EVENTS]


def page_spec(catalog: Catalog) -> dict[str, Any]:
    """Everything the page needs from the counter, as one JSON-ready object."""
    return {
        "city": {"name": catalog.city.name, "prefecture": catalog.city.prefecture},
        "postal": dict(sorted(catalog.postal.items())),
        "events": _events(catalog),
        "sexes": list(SEXES), "insurances": list(INSURANCES),
        "countries": dict(sorted(COUNTRY_NAMES.items())),
        "eras": [{"name": e.name, "start": e.start.isoformat()} for e in ERAS],
        "schema": household_schema(),
        "kkn2": {"prefix": KKN2, "dictionary": DICTIONARY_TEXT, "dictionaryId": f"{DICTIONARY_ID:08x}",
                 "maxText": MAX_TEXT_KKN2, "maxMembers": MAX_MEMBERS},
    }
