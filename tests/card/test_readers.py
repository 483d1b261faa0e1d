"""The readers around the card (issue 17), on real pcscd: two readers each with a card, IT naming
one, no reader at all, and the smart-card service going away mid-read (a second, private pcscd in
its own mount namespace: tests/card/private_pcscd.py). Each is a clear Japanese message and
nothing half-read comes back.

Not here: pulling a USB reader out. pcsc-lite 1.9.9 keeps a reader.conf reader (vpcd) until it
stops, and the tests have no virtual USB; the message for PC/SC's "reader unavailable" codes is in
kakanai/card/pcsc.py and the service test below shows that an error mid-read ends cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kakanai.card.protocol import CardError
from tests.card import private_pcscd
from tests.card.test_reading import REQUIRES_PCSC, _card
from tests.card.virtual_card import VPCD_PORT, Inserted, basic_four_record

pytestmark = REQUIRES_PCSC
OTHER = basic_four_record("鈴木\u3000花", "北海道見本市北２条西３丁目", "19750707", "2")


@pytest.fixture
def inserted() -> Iterator[list[Inserted]]:
    placed: list[Inserted] = []
    yield placed
    for card in placed:
        card.remove()


def test_two_readers_each_with_a_card_are_refused_by_name(inserted: list[Inserted]) -> None:
    from kakanai.card.pcsc import read_basic_four

    # Given two residents' cards, one on each reader of the counter
    inserted.append(Inserted(_card(), VPCD_PORT))
    inserted.append(Inserted(_card(records={b"\x00\x02": OTHER}), VPCD_PORT + 1))
    # When the clerk reads, Then nothing is read and the message says to leave one card only
    with pytest.raises(CardError) as caught:
        read_basic_four("1234")
    assert caught.value.code == "several" and "2台" in caught.value.message_ja
    # And with IT's reader named in the settings, that reader's card is read
    assert read_basic_four("1234", "Virtual PCD 00 01").family == "鈴木"


def test_a_named_reader_without_a_card_says_so(inserted: list[Inserted]) -> None:
    from kakanai.card.pcsc import read_basic_four

    inserted.append(Inserted(_card(), VPCD_PORT))
    with pytest.raises(CardError) as caught:
        read_basic_four("1234", "Virtual PCD 00 01")
    assert caught.value.code == "no_card" and "Virtual PCD 00 01" in caught.value.message_ja


WHY_NO_PRIVATE = private_pcscd.available()
PRIVATE = pytest.mark.skipif(bool(WHY_NO_PRIVATE) and not os.environ.get("KAKANAI_REQUIRE_CARD"),
                             reason=f"no private pcscd: {WHY_NO_PRIVATE}")


def _outcome(process: subprocess.Popen[str]) -> dict[str, str]:
    out, _ = process.communicate(timeout=60)
    return json.loads(out.strip().splitlines()[-1])


@PRIVATE
def test_no_reader_at_all_is_named(tmp_path: Path) -> None:
    # Given a PC without any card reader (pcscd running, nothing configured or plugged)
    empty = tmp_path / "reader.conf.d"
    empty.mkdir()
    outcome = _outcome(private_pcscd.start(empty, wait_for_card=False))
    # Then the clerk is told to check the USB cable, and nothing was read
    assert outcome == {"code": "no_reader", "message": "カードリーダーがつながっていません。USBの接続を確認してください"}


PRIVATE_PORT = 0x8CA0  # a vpcd slot of the private pcscd only


@PRIVATE
def test_the_card_service_stopping_mid_read_ends_cleanly(tmp_path: Path) -> None:
    # Given a reader of a private pcscd with a card on it
    config = private_pcscd.reader_config(tmp_path, PRIVATE_PORT)
    process = private_pcscd.start(config, wait_for_card=True)
    assert process.stdout is not None
    daemon = int(process.stdout.readline().split()[1])
    card = _card()
    # When the service stops while the card's record is being read (the reader gone from under it)
    card.on_read = lambda n: os.kill(daemon, signal.SIGKILL) if n == 1 else None
    placed = _place_when_listening(card)
    try:
        outcome = _outcome(process)
    finally:
        placed.remove()
    # Then a message in Japanese, and no facts came back half-read
    assert "family" not in outcome, outcome
    assert outcome == {"code": "service_lost", "message": "カードリーダーの仕組み（スマートカードサービス）との通信が切れました。"
                                                       "もう一度読み取り、続くときは情報システム係に連絡してください"}


def _place_when_listening(card: object) -> Inserted:
    """The card on the private reader, once its pcscd listens on the port."""
    import time

    deadline = time.monotonic() + 20
    while True:
        try:
            return Inserted(card, PRIVATE_PORT, reader="")  # type: ignore[arg-type]
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
