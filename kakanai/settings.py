"""One typed settings model. Defaults live here; the user's file overrides them; the file
municipal IT places beside the executable (``kakanai.toml``) overrides both.

Settings that guard something (`GUARDED`: the supervisor's password, the database, the catalog)
come only from IT's file: the user's file is writable by the clerk, so those keys in it are
ignored (and logged by name), whether or not IT's file exists.

A broken settings file never stops the counter silently: `load_settings` reports it with file,
key and reason, and the app shows that message. Names that go into the visit log (office,
counter, clerk id) are checked against the length of their database column, so a long name is
refused at start instead of blocking the outbox on the server.
"""

from __future__ import annotations

import logging
import os
import sys
import tomllib
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kakanai.domain.problems import InvalidInput, Problem, format_path
from kakanai.resources import install_dir
from kakanai.store.columns import NAME_LENGTH

log = logging.getLogger(__name__)

SETTINGS_FILE = "kakanai.toml"
GUARDED = ("supervisor_password_hash", "database_url", "forms_dir", "pdf_save_dir")  # from IT's file only


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CardSettings(_Section):
    """The My Number card reader: on unless IT turns it off; which reader when several are attached."""

    enabled: bool = True
    reader: str = ""  # a PC/SC reader name; empty: the one reader that holds a card


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


class PrintRoute(_Section):
    """Where one procedure's forms print, when not on the counter's printer or its usual tray."""

    printer: str = Field(default="", description="プリンター名。空欄 = 窓口のプリンター（printer）")
    tray: str = Field(default="", description="給紙トレイ（IPP の media-source、例 tray-2・manual）。空欄 = 既定のトレイ")


class PrintingSection(_Section):
    """Which procedures print on which printer or tray, and copies of the take-home sheet."""

    routes: dict[str, PrintRoute] = Field(
        default_factory=dict, description="手続ID → 印刷先。例 juminido = { tray = \"tray-2\" }（住民票用紙のトレイ）")
    takehome_copies: int = Field(default=1, ge=0, le=5, description="お手続き案内（持ち帰り用）の部数（0〜5）")


class Settings(_Section):
    """Everything an installation can set."""

    office: str = Field(default="本庁", max_length=NAME_LENGTH["office"])
    counter: str = Field(default="1番窓口", max_length=NAME_LENGTH["counter"])
    clerk_id: str = Field(default="", max_length=NAME_LENGTH["clerk_id"])
    database_url: str = ""  # empty: embedded SQLite in the data folder
    forms_dir: str = ""  # empty: the catalog shipped with the app
    data_dir: str = ""  # empty: the user's data folder
    office_timezone: str = "Asia/Tokyo"
    language: Literal["ja", "en"] = "ja"
    printer: str = Field(default="", description="窓口のプリンター名。空欄 = OS の既定のプリンター")
    pdf_save_dir: str = ""  # empty: no 「PDFファイルに保存」; else the only folder a bundle may be saved to
    font_point_size: int = Field(default=13, ge=9, le=24)
    supervisor_password_hash: str = ""
    scanner: ScannerSettings = Field(default_factory=ScannerSettings)
    card: CardSettings = Field(default_factory=CardSettings)
    kpi: KpiSection = Field(default_factory=KpiSection)
    printing: PrintingSection = Field(default_factory=PrintingSection)

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
        raise InvalidInput([Problem("", f"設定ファイルを読めません: {exc}［{path}］", "unreadable settings")],
                           "設定ファイルに誤りがあります") from None
    except RecursionError:  # a table or list nested thousands deep
        raise InvalidInput([Problem("", f"設定ファイルを読めません: 入れ子が深すぎます［{path}］", "nested too deep")],
                           "設定ファイルに誤りがあります") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def _without_guarded(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    for key in GUARDED:
        if key in data:
            log.warning("%s: %s ignored: only IT's settings file beside the executable may set it", path, key)
    return {key: value for key, value in data.items() if key not in GUARDED}


def _source_of(loc: tuple[Any, ...], layers: list[tuple[str, dict[str, Any]]]) -> str:
    """The layer that set the value at ``loc`` (the last one holding its top-level key if none holds all of it)."""
    for name, data in reversed(layers):
        node: Any = data
        for part in loc:
            if not isinstance(node, dict) or part not in node:
                break
            node = node[part]
        else:
            return name
    return next((name for name, data in reversed(layers) if loc and loc[0] in data), "既定値")


def _reason(error: Any) -> str:
    if error["type"] == "string_too_long":
        limit = error["ctx"]["max_length"]
        return (f"{limit}文字以内にしてください（いま{len(error['input'])}文字。"
                "来庁記録のデータベースに入る長さです）")
    return str(error["msg"])


def load_settings(files: list[Path] | None = None, overrides: dict[str, Any] | None = None, *,
                  it_file: Path | None = None) -> Settings:
    """Defaults, then each existing user file in order (later wins), then IT's file, then ``overrides``.

    With no arguments: the user's file and IT's file beside the executable. Keys in `GUARDED` are
    taken only from ``it_file`` and ``overrides``, never from a user file.
    """
    if files is None:
        files, it_file = [user_settings_file()], install_dir() / SETTINGS_FILE
    layers = [(str(path), _without_guarded(path, _read(path))) for path in files if path.is_file()]
    if it_file is not None and it_file.is_file():
        layers.append((str(it_file), _read(it_file)))
    layers.append(("起動時の指定", overrides or {}))
    merged: dict[str, Any] = {}
    for _, data in layers:
        merged = _merge(merged, data)
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        problems = [Problem(format_path(list(e["loc"])), f"{_reason(e)}［{_source_of(e['loc'], layers)}］")
                    for e in exc.errors()]
        raise InvalidInput(problems, "設定ファイルに誤りがあります") from None
