"""The UI language: Japanese in the sources, English from Qt's translation file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from kakanai.resources import resource

_installed: list[QTranslator] = []


def install_translation(app: QCoreApplication, language: str) -> bool:
    """Load the translation for ``language`` ("ja" needs none); True if one was installed."""
    if language == "ja":
        return False
    translator = QTranslator(app)
    if not translator.load(str(resource("translations", f"kakanai_{language}.qm"))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def remove_translations(app: QCoreApplication) -> None:
    """Back to the Japanese sources (tests)."""
    while _installed:
        app.removeTranslator(_installed.pop())
