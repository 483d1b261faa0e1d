"""argparse in Japanese: the clerk's and IT's mistakes on the command line are told in Japanese,
in one line, with what to do next (``kakanai report --help``), and exit 2 like every bad input.

argparse's own texts go through gettext; rather than ship a catalog, `JapaneseParser.error` turns
its few English messages into Japanese, and the help's headings are set here."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, NoReturn

from kakanai.domain.problems import shown

EXIT_BAD_INPUT = 2
COMMAND = "コマンド"

# argparse's English message → Japanese (the groups are argparse's own: option names, values)
_TRANSLATIONS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"the following arguments are required: (?P<names>.*)"),
     lambda m: f"指定が足りません: {m['names']}"),
    (re.compile(r"unrecognized arguments: (?P<names>.*)"),
     lambda m: f"知らない指定です: {m['names']}"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)"),
     lambda m: f"{m['option']} だけではどれか決まりません（候補: {m['matches']}）"),
    (re.compile(r"one of the arguments (?P<names>.*) is required"),
     lambda m: f"次のどれか1つを指定してください: {m['names']}"),
    (re.compile(rf"argument {COMMAND}: invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"),
     lambda m: f"知らないコマンドです: {m['value']}（あるもの: {m['choices'].replace(chr(39), '')}）"),
    (re.compile(r"argument (?P<arg>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"),
     lambda m: f"{m['arg']}: 使えない値です: {m['value']}（使えるもの: {m['choices'].replace(chr(39), '')}）"),
    (re.compile(r"argument (?P<arg>\S+): invalid (?:int|float) value: (?P<value>.*)"),
     lambda m: f"{m['arg']}: 数で書いてください: {m['value']}"),
    (re.compile(r"argument (?P<arg>\S+): invalid .* value: (?P<value>.*)"),
     lambda m: f"{m['arg']}: 値が正しくありません: {m['value']}"),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"),
     lambda m: f"{m['arg']} の後に値を1つ書いてください"),
    (re.compile(r"argument (?P<arg>\S+): expected at (?:least|most) one argument"),
     lambda m: f"{m['arg']} の値の数が正しくありません"),
    (re.compile(r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)"),
     lambda m: f"{m['arg']} と {m['other']} は一緒に使えません"),
    (re.compile(r"argument (?P<arg>\S+): (?P<message>.*)"),  # our own ArgumentTypeError texts
     lambda m: f"{m['arg']}: {m['message']}"),
]


def in_japanese(message: str) -> str:
    """argparse's error ``message`` in Japanese (already-Japanese messages keep their text)."""
    for pattern, say in _TRANSLATIONS:
        found = pattern.fullmatch(message)
        if found:
            return say(found)
    return f"指定が正しくありません（{shown(message, 120)}）"


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "使い方: " if prefix is None else prefix)


class JapaneseParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors and help headings are in Japanese; its sub-parsers are too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "引数"
        self._optionals.title = "オプション"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="この説明を表示する")

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Sub-commands named コマンド in usage and errors (not the internal ``dest``)."""
        kwargs.setdefault("metavar", COMMAND)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        """Say what is wrong in Japanese and where the help is; exit 2."""
        print(f"{self.prog}: {in_japanese(message)}\n（使い方は {self.prog} --help で表示します）", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def iso_date(text: str) -> date:
    """A date typed as YYYY-MM-DD, for options such as ``--from``."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日付は YYYY-MM-DD で書いてください（例 2026-04-01）: {shown(repr(text), 30)}") from None
