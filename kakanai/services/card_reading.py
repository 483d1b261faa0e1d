"""The card step of a visit: read the resident's My Number card and turn its four facts into
answers of the interview (Qt-free; the window runs it off the UI thread).

The card's 住所 is the address registered now: for a move it is the address being left (旧住所);
its postal code is looked up in the city's list when the address starts with a known 町域. The card
prints the registered address whole, 方書 (building and room) included, so no separate 方書 is asked
for the address left. Kana is not on the card (the interview asks it). A successful read is also
the visit's 本人確認.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kakanai.card.protocol import BasicFour
from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import member_path

if TYPE_CHECKING:
    from kakanai.card.watch import CardWatch

IDENTITY_BY_CARD = "my_number_card_ic"  # IDENTITY_DOCUMENTS: マイナンバーカード（IC読取）
_MOVES = ("move_in", "move_out", "move_within")


@dataclass(frozen=True)
class CardReading:
    """The card reader a counter has (None of this when IT turned it off)."""

    reader: str = ""
    read: Callable[[str, str], BasicFour] | None = None  # (pin, reader) → facts; the real one by default
    watch_reader: bool = True  # a card placed on the reader opens the PIN dialog by itself (F7 either way)

    def basic_four(self, pin: str) -> BasicFour:
        """The four facts after the resident's PIN (raises kakanai.card.protocol.CardError)."""
        if self.read is not None:
            return self.read(pin, self.reader)
        from kakanai.card.pcsc import read_basic_four

        return read_basic_four(pin, self.reader)

    def watch(self, on_placed: Callable[[str], None]) -> CardWatch | None:
        """Start watching the reader: ``on_placed(reader)`` runs in the watch's own thread on each card
        newly placed (never for one already lying there); None when this counter does not watch."""
        if not self.watch_reader:
            return None
        from kakanai.card.watch import CardWatch

        watch = CardWatch(on_placed, self.reader)
        watch.start()
        return watch


def answers_from_card(facts: BasicFour, member: int, event: str | None, catalog: Catalog) -> dict[str, Any]:
    """The interview answers the card gives for member ``member`` of a visit for ``event``."""
    answers: dict[str, Any] = {member_path(member, "family"): facts.family, member_path(member, "given"): facts.given,
                               member_path(member, "birth"): facts.birth.isoformat(),
                               member_path(member, "card"): True}  # they hold it: it was just read
    if facts.sex:
        answers[member_path(member, "sex")] = facts.sex
    return answers | address_from_card(facts, event, catalog)


def address_from_card(facts: BasicFour, event: str | None, catalog: Catalog) -> dict[str, Any]:
    """The address left, for a move (nothing for another event or while the event is not known:
    the card read first, the window applies it once the event is answered)."""
    if event not in _MOVES:
        return {}
    answers: dict[str, Any] = {"old.address": facts.address,
                               "old.building": ""}  # the card's address is the register's, 方書 included
    postal = postal_of(facts.address, catalog.postal)
    if postal:
        answers["old.postal"] = postal
    return answers


def postal_of(address: str, towns: dict[str, str]) -> str:
    """The postal code whose 町域 the address starts with (the longest match), or "" when no 町域
    matches or when several codes share the matching 町域 (the interview asks then)."""
    text = unicodedata.normalize("NFKC", address).replace(" ", "")
    matches: dict[str, list[str]] = {}
    for code, town in towns.items():
        town_text = unicodedata.normalize("NFKC", town).replace(" ", "")
        if town_text and text.startswith(town_text):
            matches.setdefault(town_text, []).append(code)
    if not matches:
        return ""
    codes = matches[max(matches, key=len)]
    return codes[0] if len(codes) == 1 else ""
