"""``kakanai supervisor set-password``: IT sets the password that guards the supervisor dashboard
and ``kakanai report``; and `require_supervisor`, the same gate for ``kakanai report``.

The hash goes into the settings file beside the executable (``kakanai.toml``, the one IT owns and
that wins over the user's); every other line of that file is kept as it was.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import shutil
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kakanai.cli.common import os_reason
from kakanai.domain.problems import InvalidInput, Problem
from kakanai.resources import install_dir
from kakanai.settings import SETTINGS_FILE

if TYPE_CHECKING:
    from kakanai.services.supervisor import PasswordGuard

KEY = "supervisor_password_hash"
MIN_LENGTH = 8
NO_PASSWORD_JA = ("監督者用のパスワードがまだ設定されていません。情報システム担当が管理者として"
                  "次のコマンドを実行してください: kakanai supervisor set-password")


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


def _denied(message_ja: str, message_en: str) -> InvalidInput:
    return InvalidInput([Problem("", message_ja, message_en)], "監督者の確認ができません")


def read_supervisor_password(password_file: Path | None, ask: Callable[[str], str] | None = None) -> str:
    """The password from the first line of ``password_file`` (for scripts), else typed without echo on a terminal."""
    if password_file is not None:
        try:
            with password_file.open("rb") as file:  # the first line only (/dev/zero or a wrong big file: never all of it)
                return file.readline(4096).decode("utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise _denied(f"パスワードファイルを読めません: {password_file}", f"unreadable password file: {exc}") from None
    if ask is None and not sys.stdin.isatty():
        raise _denied("端末から実行するか、--password-file でパスワードファイルを指定してください",
                      "no terminal to ask the password on")
    return (ask or getpass.getpass)("監督者パスワード: ")


def require_supervisor(guard: PasswordGuard, password_file: Path | None = None, *,
                       ask: Callable[[str], str] | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
    """Return when the supervisor's password is given; raise InvalidInput when none is set or it is wrong.
    Waits out the delay left by earlier wrong passwords (shared with the dashboard) before checking."""
    if not guard.is_set:
        raise _denied(NO_PASSWORD_JA, "no supervisor password is set")
    password = read_supervisor_password(password_file, ask)
    if guard.wait_seconds() > 0:
        print(f"前回パスワードが違っていたため、{guard.wait_seconds():.0f}秒待ってから確認します", file=sys.stderr)
    while (wait := guard.wait_seconds()) > 0:
        sleep(wait)
    if not guard.check(password):
        raise _denied("パスワードが違います", "wrong supervisor password")


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


def _unwritable(path: Path, reason: str) -> InvalidInput:
    return InvalidInput([Problem(str(path), reason, "cannot set the password in the settings file")],
                        "パスワードを設定できません")


def write_setting(path: Path, key: str, value: str) -> None:
    """Set a top-level string in a TOML settings file (created if missing), replacing it atomically."""
    try:
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        new = with_top_level_string(old, key, value)
    except UnicodeDecodeError:
        raise _unwritable(path, "文字コードが UTF-8 ではありません。UTF-8 で保存し直してください") from None
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = f"{line[1]}行目" if line else "どこか"
        raise _unwritable(path, f"{where}の書き方が TOML として正しくありません。直してから実行してください") from None
    except ValueError:
        raise _unwritable(path, f"{KEY} を書き換えると他の設定が変わってしまいます。{KEY} の行を消してから実行してください") \
            from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".kakanai-", suffix=".toml", dir=path.parent)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(new)
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except OSError as exc:
        raise _unwritable(path, f"書き込めません（{os_reason(exc)}）") from None


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
