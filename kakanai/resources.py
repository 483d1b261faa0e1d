"""Every file path the app reads goes through here, whether frozen by PyInstaller or not."""

from __future__ import annotations

import sys
from pathlib import Path


def base_dir() -> Path:
    """The folder holding ``forms/`` and ``resources/``: the bundle when frozen, else the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def install_dir() -> Path:
    """The folder of the executable (frozen) or of the checkout: IT's settings file lives here."""
    return Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else base_dir()


def forms_dir() -> Path:
    """The default catalog folder (``forms/``)."""
    return base_dir() / "forms"


def resource(*parts: str) -> Path:
    """A file under ``resources/``, e.g. ``resource("fonts", "ipaexg.ttf")``."""
    return base_dir().joinpath("resources", *parts)


FONT_GOTHIC = ("fonts", "ipaexg.ttf")
FONT_MINCHO = ("fonts", "ipaexm.ttf")
