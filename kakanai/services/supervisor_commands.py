"""``kakanai supervisor set-password``: IT sets the password that guards the supervisor dashboard.

The hash goes into the settings file beside the executable (``kakanai.toml``, the one IT owns and
that wins over the user's); every other line of that file is kept as it was.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import shutil
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kakanai.domain.problems import InvalidInput, Problem
from kakanai.resources import install_dir
from kakanai.settings import SETTINGS_FILE

KEY = "supervisor_password_hash"
MIN_LENGTH = 8


def _refuse(message_ja: str, message_en: str) -> InvalidInput:
    return InvalidInput([Problem("password", message_ja, message_en)], "パスワードを設定できません")


def read_new_password(ask: Callable[[str], str] | None = None) -> str:
    """Read the new password twice without echo; raises InvalidInput when the entries differ or it is short."""
    ask = ask or getpass.getpass
    first = ask("新しい監督者パスワード: ")
    second = ask("もう一度入力してください: ")
    if first != second:
        raise _refuse("2回の入力が一致しません", "the two entries differ")
    if len(first) < MIN_LENGTH:
        raise _refuse(f"{MIN_LENGTH}文字以上にしてください", f"use at least {MIN_LENGTH} characters")
    return first


def with_top_level_string(toml_text: str, key: str, value: str) -> str:
    """``toml_text`` with a top-level string ``key`` set to ``value`` (replaced in place or added after the
    last top-level line); every other line is kept. Raises ValueError if the result would not mean the same."""
    lines = toml_text.splitlines(keepends=True)
    new_line = f'{key} = "{_escape(value)}"\n'
    first_table = next((n for n, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
    found = next((n for n in range(first_table) if pattern.match(lines[n])), None)
    if found is not None:
        lines[found] = new_line
    else:
        at = first_table
        while at and not lines[at - 1].strip():
            at -= 1  # next to the other top-level keys, not after the blank line before a table
        if at and not lines[at - 1].endswith("\n"):
            lines[at - 1] += "\n"
        lines.insert(at, new_line)
    result = "".join(lines)
    before, after = tomllib.loads(toml_text), tomllib.loads(result)
    if after.pop(key, None) != value or {k: v for k, v in before.items() if k != key} != after:
        raise ValueError(f"could not set {key} without changing other settings")
    return result


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def write_setting(path: Path, key: str, value: str) -> None:
    """Set a top-level string in a TOML settings file (created if missing), replacing it atomically."""
    try:
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        new = with_top_level_string(old, key, value)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as exc:
        raise InvalidInput([Problem(str(path), f"設定ファイルを書き換えられません: {exc}", "unreadable settings")],
                           "パスワードを設定できません") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".kakanai-", suffix=".toml", dir=path.parent)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(new)
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except OSError as exc:
        raise InvalidInput([Problem(str(path), f"書き込めません（管理者として実行してください）: {exc.strerror}",
                                    "cannot write the settings file")], "パスワードを設定できません") from None


def _cmd_set_password(args: argparse.Namespace) -> int:
    from kakanai.services.supervisor import hash_password

    path = args.file or install_dir() / SETTINGS_FILE
    write_setting(path, KEY, hash_password(read_new_password()))
    print(f"監督者のパスワードを設定しました: {path}")
    return 0


def add_supervisor_commands(sub: Any) -> None:
    """Register ``supervisor set-password`` on the top-level sub-parsers."""
    supervisor = sub.add_parser("supervisor", help="監督者ダッシュボード (supervisor tools)")
    ssub = supervisor.add_subparsers(dest="supervisor_command", required=True)
    set_password = ssub.add_parser("set-password", help="ダッシュボードのパスワードを設定 (set the dashboard password)")
    set_password.add_argument("--file", type=Path,
                              help=f"書き込む設定ファイル（既定: 実行ファイルと同じフォルダの {SETTINGS_FILE}）")
    set_password.set_defaults(func=_cmd_set_password)
