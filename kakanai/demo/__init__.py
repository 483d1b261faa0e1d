"""Demo residents for `kakanai demo`: example households, encoded as the QR codes they would show."""

from __future__ import annotations

import json
from pathlib import Path

from kakanai.domain.household_doc import parse_household
from kakanai.qr.payload import encode_document

_ORDER = ("family_move_in", "single_move_within", "birth", "death_of_head", "marriage")


def demo_residents() -> list[tuple[str, str]]:
    """(label, KKN1 text) for each demo household, in queue order."""
    residents = []
    for name in _ORDER:
        document = json.loads((Path(__file__).parent / f"{name}.json").read_text(encoding="utf-8"))
        household = parse_household(document).household
        who = household.notifier_person.full_name
        residents.append((f"{who} さん　{household.event.label}・{len(household.members)}人", encode_document(document)))
    return residents
