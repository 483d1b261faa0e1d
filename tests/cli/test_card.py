"""``kakanai card read`` through the real PC/SC stack with the project's virtual card."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.cli import main
from tests.card.test_reading import ADDRESS, REQUIRES_PCSC, _card
from tests.card.virtual_card import Inserted

pytestmark = REQUIRES_PCSC


def _pin(monkeypatch: pytest.MonkeyPatch, pin: str) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt: pin)


def test_card_read_prints_the_four_facts_and_never_the_pin(monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    placed = Inserted(_card(pin="2580"))
    try:
        _pin(monkeypatch, "2580")
        assert main(["card", "read"]) == 0
    finally:
        placed.remove()
    out = capsys.readouterr()
    assert "氏名　　　佐藤　健" in out.out and ADDRESS in out.out and "昭和63年2月29日" in out.out
    assert "性別　　　男" in out.out and "個人番号" not in out.out and "2580" not in out.out + out.err
    assert "郵便番号　090-0001" in out.out  # what the counter fills: the city splits 北1条西 by 丁目


def test_a_wrong_pin_exits_2_with_the_tries_left(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    placed = Inserted(_card())
    try:
        _pin(monkeypatch, "0000")
        assert main(["card", "read"]) == 2
    finally:
        placed.remove()
    assert "あと2回" in capsys.readouterr().err


def test_it_can_turn_card_reading_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "kakanai.toml").write_text("[card]\nenabled = false\n", encoding="utf-8")
    monkeypatch.setattr("kakanai.settings.install_dir", lambda: tmp_path)
    _pin(monkeypatch, "1234")
    assert main(["card", "read"]) == 2
    assert "使わないことになっています" in capsys.readouterr().err
