"""The card step of a visit: read the resident's My Number card and turn its four facts into
answers of the interview (Qt-free; the window runs it off the UI thread).

The card's 住所 is the address registered now: for a move it is the address being left (旧住所);
its postal code is looked up in the city's list (the 町域 the address starts with, then its 丁目 where
KEN_ALL splits the 町域: kakanai.domain.postal). The card
prints the registered address whole, 方書 (building and room) included, so no separate 方書 is asked
for the address left. Kana is not on the card (the interview asks it). A successful read is also
the visit's 本人確認.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kakanai.card.protocol import BasicFour
from kakanai.domain.draft import member_path
from kakanai.services.postal import PostalDirectory

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

    def basic_four(self, pin: str, postal: PostalDirectory | None = None) -> BasicFour:
        """The four facts after the resident's PIN (raises kakanai.card.protocol.CardError); with
        ``postal``, its look-up of the card's address is made here too (off the UI thread: the first
        address of a prefecture indexes that prefecture's 町域)."""
        if self.read is not None:
            facts = self.read(pin, self.reader)
        else:
            from kakanai.card.pcsc import read_basic_four

            facts = read_basic_four(pin, self.reader)
        if postal is not None:
            postal.code_of(facts.address)
        return facts

    def watch(self, on_placed: Callable[[str], None]) -> CardWatch | None:
        """Start watching the reader: ``on_placed(reader)`` runs in the watch's own thread on each card
        newly placed (never for one already lying there); None when this counter does not watch."""
        if not self.watch_reader:
            return None
        from kakanai.card.watch import CardWatch

        watch = CardWatch(on_placed, self.reader)
        watch.start()
        return watch


def answers_from_card(facts: BasicFour, member: int, event: str | None, postal: PostalDirectory) -> dict[str, Any]:
    """The interview answers the card gives for member ``member`` of a visit for ``event``."""
    answers: dict[str, Any] = {member_path(member, "family"): facts.family, member_path(member, "given"): facts.given,
                               member_path(member, "birth"): facts.birth.isoformat(),
                               member_path(member, "card"): True}  # they hold it: it was just read
    if facts.sex:
        answers[member_path(member, "sex")] = facts.sex
    return answers | address_from_card(facts, event, postal)


def address_from_card(facts: BasicFour, event: str | None, postal: PostalDirectory) -> dict[str, Any]:
    """The address left, for a move (nothing for another event or while the event is not known:
    the card read first, the window applies it once the event is answered)."""
    if event not in _MOVES:
        return {}
    answers: dict[str, Any] = {"old.address": facts.address,
                               "old.building": ""}  # the card's address is the register's, 方書 included
    code = postal.code_of(facts.address)
    if code:
        answers["old.postal"] = code
    return answers
