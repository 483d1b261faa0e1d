"""Settings: defaults, the user's file, IT's file beside the executable wins; errors name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kakanai.domain.problems import InvalidInput
from kakanai.settings import load_settings


def test_defaults_give_an_embedded_sqlite_database(tmp_path: Path) -> None:
    settings = load_settings([], {"data_dir": str(tmp_path)})
    assert settings.effective_database_url() == f"sqlite:///{tmp_path / 'kakanai.db'}"
    assert not settings.uses_server and settings.office_timezone == "Asia/Tokyo"


def test_the_it_file_wins_over_the_users(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text('counter = "2番窓口"\nprinter = "窓口プリンタ"\n[kpi]\ntarget_minutes = 20\n', encoding="utf-8")
    it = tmp_path / "it.toml"
    it.write_text('counter = "5番窓口"\ndatabase_url = "postgresql+psycopg://k@db/kakanai"\n', encoding="utf-8")
    settings = load_settings([user, it])
    assert (settings.counter, settings.printer, settings.kpi.target_minutes) == ("5番窓口", "窓口プリンタ", 20)
    assert settings.uses_server


@pytest.mark.parametrize(("text", "words"), [
    ('office_timezone = "Mars/Olympus"', "知らないタイムゾーン"),
    ('font_point_size = 99', "font_point_size"),
    ('countr = "1"', "countr"),
    ('counter = ', "読めません"),
])
def test_a_broken_settings_file_is_reported_with_file_and_key(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "kakanai.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_settings([path])
    message = caught.value.clerk_message()
    assert "設定ファイル" in message and words in message and str(path) in message
