"""What IT can get wrong at start-up ends in a Japanese message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.app import run
from kakanai.bootstrap import build_services
from kakanai.domain.catalog import load_catalog
from kakanai.domain.problems import InvalidInput
from kakanai.settings import load_settings
from kakanai.ui import dialogs


def test_a_malformed_database_url_is_named(tmp_path: Path) -> None:
    settings = load_settings([], {"data_dir": str(tmp_path), "database_url": "db.city.local"})
    with pytest.raises(InvalidInput) as caught:
        build_services(settings)
    assert "接続先の書き方が正しくありません" in caught.value.clerk_message()


def test_an_unusable_data_folder_gives_a_message_and_exit_2(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    dialogs.AUTO_ANSWER = False
    try:
        assert run(overrides={"data_dir": str(blocker / "kakanai")}) == 2
    finally:
        dialogs.AUTO_ANSWER = None
    assert "データの保存先を使えません" in capsys.readouterr().err


def test_a_shift_jis_postal_list_is_read(catalog_copy: Path) -> None:
    (catalog_copy / "postal_codes.csv").write_bytes("090-0003,北海道見本市北3条西\n".encode("cp932"))
    assert load_catalog(catalog_copy).postal["090-0003"] == "北海道見本市北3条西"
