"""The UI language: Japanese in the sources, English from Qt's translation file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from kakanai.resources import resource

_installed: list[QTranslator] = []


def install_qt_translation(app: QCoreApplication, language: str) -> bool:
    """Qt's own texts (context menus 元に戻す/コピー, dialog buttons) in ``language``; True if loaded."""
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_translation(app: QCoreApplication, language: str) -> bool:
    """Load the translation for ``language`` (kakanai's sources are Japanese: "ja" loads only Qt's
    own Japanese); True if kakanai's translation was installed."""
    install_qt_translation(app, language)
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
