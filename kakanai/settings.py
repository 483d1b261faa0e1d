"""One typed settings model. Defaults live here; the user's file overrides them; the file
municipal IT places beside the executable (``kakanai.toml``) overrides both.

A broken settings file never stops the counter silently: `load_settings` reports it with file,
key and reason, and the app shows that message.
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path
from typing import Any, Literal

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kakanai.domain.problems import InvalidInput, Problem, format_path
from kakanai.resources import install_dir

SETTINGS_FILE = "kakanai.toml"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScannerSettings(_Section):
    """Which scanner the counter has: a keyboard-wedge USB scanner, a serial one, or a webcam."""

    mode: Literal["keyboard", "serial", "camera"] = "keyboard"
    serial_port: str = ""
    baud: int = 9600
    decoder: Literal["zxing", "zbar"] = "zxing"


class KpiSection(_Section):
    """Service-level target and handwritten baseline (minutes) for the supervisor's figures."""

    target_minutes: float = 15.0
    baseline_default_minutes: float = 6.0
    baseline_minutes: dict[str, float] = Field(default_factory=dict)


class Settings(_Section):
    """Everything an installation can set."""

    office: str = "本庁"
    counter: str = "1番窓口"
    clerk_id: str = ""
    database_url: str = ""  # empty: embedded SQLite in the data folder
    forms_dir: str = ""  # empty: the catalog shipped with the app
    data_dir: str = ""  # empty: the user's data folder
    office_timezone: str = "Asia/Tokyo"
    language: Literal["ja", "en"] = "ja"
    printer: str = ""
    font_point_size: int = Field(default=13, ge=9, le=24)
    supervisor_password_hash: str = ""
    scanner: ScannerSettings = Field(default_factory=ScannerSettings)
    kpi: KpiSection = Field(default_factory=KpiSection)

    @field_validator("office_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"知らないタイムゾーンです: '{value}'（例: Asia/Tokyo）") from None
        return value

    def data_path(self) -> Path:
        """The folder for the local database, outbox, open-visit store and key."""
        return Path(self.data_dir) if self.data_dir else user_data_dir()

    def effective_database_url(self) -> str:
        """The visit-log database URL (embedded SQLite unless IT set a server)."""
        return self.database_url or f"sqlite:///{self.data_path() / 'kakanai.db'}"

    @property
    def uses_server(self) -> bool:
        """True when visits go to a shared server through the local outbox."""
        return not self.effective_database_url().startswith("sqlite")


def user_data_dir() -> Path:
    """The per-user data folder (``%LOCALAPPDATA%\\kakanai`` on Windows, XDG on Linux)."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "kakanai"
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "kakanai"


def user_settings_file() -> Path:
    """The user's settings file."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "kakanai" / SETTINGS_FILE
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "kakanai" / SETTINGS_FILE


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InvalidInput([Problem(str(path), f"設定ファイルを読めません: {exc}", "unreadable settings")],
                           "設定ファイルに誤りがあります") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def load_settings(files: list[Path] | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """Defaults, then each existing file in order (later wins), then ``overrides``."""
    files = files if files is not None else [user_settings_file(), install_dir() / SETTINGS_FILE]
    merged: dict[str, Any] = {}
    sources: list[str] = []
    for path in files:
        if path.is_file():
            merged = _merge(merged, _read(path))
            sources.append(str(path))
    merged = _merge(merged, overrides or {})
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        where = " / ".join(sources) or "設定"
        raise InvalidInput([Problem(f"{where}: {format_path(list(e['loc']))}", e["msg"]) for e in exc.errors()],
                           "設定ファイルに誤りがあります") from None
