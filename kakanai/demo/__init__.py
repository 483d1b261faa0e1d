"""Demo residents for `kakanai demo`: example households, encoded as the QR codes they would show.

A demonstration happens on some day of its own: each household's event is moved to a few days
before that day (every date of the household by the same number of days, so every age on the
event's day stays as written), so the review shows deadlines still open, as at a real counter
the week after a move, not a list of deadlines long passed."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kakanai.domain.household_doc import parse_household
from kakanai.qr.payload import encode_document

# queue order, and how many days before the demonstration each event happened
_ORDER = (("family_move_in", 3), ("single_move_within", 5), ("birth", 7), ("death_of_head", 2), ("marriage", 0))
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shifted(value: Any, by: timedelta) -> Any:
    if isinstance(value, dict):
        return {key: _shifted(item, by) for key, item in value.items()}
    if isinstance(value, list):
        return [_shifted(item, by) for item in value]
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return (date.fromisoformat(value) + by).isoformat()
    return value


def demo_document(name: str, today: date | None = None) -> dict[str, Any]:
    """One demo household's KKN2 document; with ``today``, its event ``days before`` that day."""
    document: dict[str, Any] = json.loads((Path(__file__).parent / f"{name}.json").read_text(encoding="utf-8"))
    if today is None:
        return document
    days_before = dict(_ORDER)[name]
    return _shifted(document, today - timedelta(days=days_before) - date.fromisoformat(document["date"]))


def demo_residents(today: date | None = None) -> list[tuple[str, str]]:
    """(label, KKN2 text) for each demo household, in queue order; dated as written, or as of ``today``."""
    residents = []
    for name, _ in _ORDER:
        document = demo_document(name, today)
        household = parse_household(document).household
        who = household.notifier_person.full_name
        residents.append((f"{who} さん　{household.event.label}・{len(household.members)}人", encode_document(document)))
    return residents
