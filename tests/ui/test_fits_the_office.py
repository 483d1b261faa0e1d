"""Fits the office: Qt's own texts in Japanese, Enter never confirms a destructive question, one font
setting scales the whole UI, the window keeps its place between runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kakanai.ui import dialogs
from kakanai.ui.i18n import install_translation, remove_translations
from kakanai.ui.style import style_sheet
from tests.ui.conftest import Counter


def test_qt_context_menus_read_japanese(qapp) -> None:  # type: ignore[no-untyped-def]
    install_translation(qapp, "ja")
    try:
        assert QCoreApplication.translate("QLineEdit", "&Undo").startswith("元に戻す")
        assert QCoreApplication.translate("QLineEdit", "&Copy").startswith("コピー")
    finally:
        remove_translations(qapp)


def test_enter_on_a_destructive_question_answers_no(qapp) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        box.defaultButton().click()

    QTimer.singleShot(100, press_enter)
    assert dialogs.confirm(None, "取消", "この方の受付を取り消しますか？") is False
    assert seen == ["いいえ"]


def test_one_font_setting_scales_every_size() -> None:
    assert "font-size: 20pt" in style_sheet(13) and "font-size: 40pt" in style_sheet(26)
    assert "font-size: 15pt" in style_sheet(13) and "font-size: 30pt" in style_sheet(26)


def test_the_window_opens_where_it_was_left(counter: Counter, tmp_path: Path) -> None:
    window = counter.window
    window.options.geometry_file = tmp_path / "geometry.bin"
    window.setGeometry(40, 50, 900, 520)
    window.close()
    assert window.options.geometry_file.stat().st_size > 0
    window.resize(900, 420)
    window.show_for_counter()
    assert window.height() == 520
