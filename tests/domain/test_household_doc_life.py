"""The death, birth and marriage facts of a KKN2 document: read, written back unchanged, and each wrong
value refused with its key path (never a crash, never silently dropped)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.domain.problems import InvalidInput

V2 = Path(__file__).resolve().parents[1] / "fixtures" / "households_v2"


def _doc(name: str) -> dict[str, Any]:
    return json.loads((V2 / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["death_of_pensioner", "birth_of_twins", "marriage_surname_change"])
def test_a_life_event_document_reads_and_writes_back_the_same(name: str) -> None:
    household = parse_household(_doc(name)).household
    again = parse_household(household_to_document(household))
    assert again.household == household and again.warnings == []


def test_the_facts_arrive_typed() -> None:
    death = parse_household(_doc("death_of_pensioner")).household
    assert death.death is not None and death.death.funeral is not None and death.death.funeral.isoformat() == "2026-03-31"
    assert death.members[0].pensioner is True and death.members[0].disability is not None
    marriage = parse_household(_doc("marriage_surname_change")).household
    assert marriage.surname_after == "佐藤" and marriage.members[1].seal_registered is True
    twins = parse_household(_doc("birth_of_twins")).household
    assert [m.birth_time for m in twins.members[2:]] == ["03:15", "03:41"]
    assert twins.child_allowance is not None and twins.child_allowance.claimant == 1


@pytest.mark.parametrize(("name", "change", "path"), [
    ("death_of_pensioner", {"death": {"time": "24:30"}}, "death.time"),
    ("death_of_pensioner", {"death": {"funeral": "2026-02-30"}}, "death.funeral"),
    ("marriage_surname_change", {"marriage": {"surname_of": 5}}, "marriage.surname_of"),
    ("birth_of_twins", {"child_allowance": {"claimant": 9}}, "child_allowance.claimant"),
])
def test_a_wrong_event_fact_is_refused_by_its_key(name: str, change: dict[str, Any], path: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_household(_doc(name) | change)
    assert path in [p.path for p in refused.value.problems]


@pytest.mark.parametrize(("member_change", "path"), [
    ({"school": {"kind": "college"}}, "members[2].school.kind"),
    ({"school": {"kind": "nursery", "grade": 0}}, "members[2].school.grade"),
    ({"disability": {"kind": "heart"}}, "members[2].disability.kind"),
    ({"birth_country": "XX"}, "members[2].birth_country"),
    ({"pensioner": "yes"}, "members[2].pensioner"),
])
def test_a_wrong_member_fact_is_refused_by_its_key(member_change: dict[str, Any], path: str) -> None:
    doc = _doc("birth_of_twins")
    doc["members"][2].update(member_change)
    with pytest.raises(InvalidInput) as refused:
        parse_household(doc)
    assert path in [p.path for p in refused.value.problems]


def test_a_kkn1_code_carrying_them_keeps_them_apart_as_unknown_keys() -> None:
    doc = _doc("death_of_pensioner")
    v1 = {k: v for k, v in doc.items() if k not in ("subjects", "bank")} | {"v": 1}
    parsed = parse_household(v1)
    assert parsed.household.death is None
    assert "death" in parsed.unknown_keys
