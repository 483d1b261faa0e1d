"""Settings: defaults, the user's file, IT's file beside the executable wins; guarded keys come only
from IT's file; errors name file and key; names longer than their database column are refused."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kakanai.domain.problems import InvalidInput
from kakanai.settings import GUARDED, load_settings


def test_defaults_give_an_embedded_sqlite_database(tmp_path: Path) -> None:
    settings = load_settings([], {"data_dir": str(tmp_path)})
    assert settings.effective_database_url() == f"sqlite:///{tmp_path / 'kakanai.db'}"
    assert not settings.uses_server and settings.office_timezone == "Asia/Tokyo"


def test_the_it_file_wins_over_the_users(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text('counter = "2番窓口"\nprinter = "窓口プリンタ"\n[kpi]\ntarget_minutes = 20\n', encoding="utf-8")
    it = tmp_path / "it.toml"
    it.write_text('counter = "5番窓口"\ndatabase_url = "postgresql+psycopg://k@db/kakanai"\n', encoding="utf-8")
    settings = load_settings([user], it_file=it)
    assert (settings.counter, settings.printer, settings.kpi.target_minutes) == ("5番窓口", "窓口プリンタ", 20)
    assert settings.uses_server


@pytest.mark.parametrize(("text", "words"), [
    ('office_timezone = "Mars/Olympus"', "知らないタイムゾーン"),
    ('font_point_size = 99', "font_point_size"),
    ('countr = "1"', "countr"),
    ('counter = ', "読めません"),
    ("a = " + "[" * 50_000 + "]" * 50_000, "入れ子が深すぎます"),
])
def test_a_broken_settings_file_is_reported_with_file_and_key(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "kakanai.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_settings([path])
    message = caught.value.clerk_message()
    assert "設定ファイル" in message and words in message and str(path) in message


USER_GUARDED = ('supervisor_password_hash = "scrypt$16384$8$1$c2FsdA==$ZGlnZXN0"\n'
                'database_url = "postgresql+psycopg://clerk@my-laptop/kakanai"\nforms_dir = "C:/Users/clerk/forms"\n'
                'pdf_save_dir = "D:/usb-stick"\nprinter = "窓口プリンタ"\n')


def test_guarded_keys_in_the_users_file_are_ignored_and_logged_by_name(tmp_path: Path,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    # Given a clerk-writable user file setting the password hash, the database and the catalog
    user = tmp_path / "user.toml"
    user.write_text(USER_GUARDED, encoding="utf-8")
    it = tmp_path / "it.toml"
    it.write_text('database_url = "postgresql+psycopg://k@db/kakanai"\n', encoding="utf-8")
    # When the settings load beside IT's file
    with caplog.at_level(logging.WARNING, logger="kakanai.settings"):
        settings = load_settings([user], it_file=it)
    # Then IT's values or the defaults hold, the rest of the user's file still counts,
    assert settings.database_url == "postgresql+psycopg://k@db/kakanai"
    assert (settings.supervisor_password_hash, settings.forms_dir, settings.printer) == ("", "", "窓口プリンタ")
    assert settings.pdf_save_dir == ""  # a saved bundle goes only where IT says
    # and the log names each ignored key but never its value
    assert all(key in caplog.text for key in GUARDED)
    assert "scrypt$" not in caplog.text and "my-laptop" not in caplog.text and "C:/Users/clerk" not in caplog.text
    assert "usb-stick" not in caplog.text


def test_without_an_it_file_guarded_keys_keep_their_defaults(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text(USER_GUARDED, encoding="utf-8")
    settings = load_settings([user], it_file=tmp_path / "missing.toml")
    assert (settings.supervisor_password_hash, settings.database_url, settings.forms_dir) == ("", "", "")
    assert not settings.uses_server and settings.printer == "窓口プリンタ"


def test_the_it_file_sets_guarded_keys(tmp_path: Path) -> None:
    it = tmp_path / "it.toml"
    it.write_text('supervisor_password_hash = "scrypt$x"\nforms_dir = "//fs/forms"\n', encoding="utf-8")
    settings = load_settings([], it_file=it)
    assert (settings.supervisor_password_hash, settings.forms_dir) == ("scrypt$x", "//fs/forms")


@pytest.mark.parametrize("key", ["office", "counter", "clerk_id"])
def test_a_name_longer_than_its_database_column_is_refused_naming_file_and_key(tmp_path: Path, key: str) -> None:
    # Given IT's file with a 61-character name (the visits columns hold 60), and a user file that is fine
    user = tmp_path / "user.toml"
    user.write_text('printer = "窓口プリンタ"\n', encoding="utf-8")
    it = tmp_path / "it.toml"
    it.write_text(f'{key} = "{"庁" * 61}"\n', encoding="utf-8")
    # When the settings load, Then the clerk is told in Japanese which file and key, and the limit
    with pytest.raises(InvalidInput) as caught:
        load_settings([user], it_file=it)
    [problem] = caught.value.problems
    assert problem.path == key and "60文字以内" in problem.message_ja and "61文字" in problem.message_ja
    assert str(it) in problem.message_ja and str(user) not in problem.message_ja
    assert load_settings([], {key: "庁" * 60}).model_dump()[key] == "庁" * 60


def test_a_section_error_names_the_file_that_set_that_key(tmp_path: Path) -> None:
    user = tmp_path / "user.toml"
    user.write_text("[kpi]\ntarget_minutes = \"soon\"\n", encoding="utf-8")
    it = tmp_path / "it.toml"
    it.write_text("[kpi]\nbaseline_default_minutes = 5\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_settings([user], it_file=it)
    [problem] = caught.value.problems
    assert problem.path == "kpi.target_minutes" and str(user) in problem.message_ja


def test_it_routes_procedures_to_a_tray_and_sets_take_home_copies(tmp_path: Path) -> None:
    it = tmp_path / "kakanai.toml"
    it.write_text('[printing]\ntakehome_copies = 2\n[printing.routes]\njuminido_move_in = { tray = "tray-2" }\n'
                  'seal_registration = { printer = "shimin-mfp" }\n', encoding="utf-8")
    printing = load_settings([], it_file=it).printing
    assert printing.takehome_copies == 2
    assert (printing.routes["juminido_move_in"].tray, printing.routes["seal_registration"].printer) == ("tray-2", "shimin-mfp")
    it.write_text('[printing]\ntakehome_copies = 9\n[printing.routes]\nx = { tary = "1" }\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_settings([], it_file=it)
    message = caught.value.clerk_message()
    assert "printing.takehome_copies" in message and "printing.routes.x.tary" in message


def test_the_example_file_of_it_is_the_defaults() -> None:
    example = Path(__file__).parent.parent / "packaging" / "kakanai.toml.example"
    assert load_settings([], it_file=example) == load_settings([], it_file=None)
