"""和暦: format and parse Japanese-era dates (明治 to 令和), including the register's digit form.

The register's 7-digit form is era code + 2-digit year + month + day: ``5080401`` is 令和8年4月1日
(1 明治, 2 大正, 3 昭和, 4 平成, 5 令和). The first year of an era is 元年.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Era:
    """A Japanese era: its name, initial letter, register code and first day."""

    name: str
    letter: str
    code: int
    start: date


ERAS: tuple[Era, ...] = (
    Era("明治", "M", 1, date(1868, 10, 23)),
    Era("大正", "T", 2, date(1912, 7, 30)),
    Era("昭和", "S", 3, date(1926, 12, 25)),
    Era("平成", "H", 4, date(1989, 1, 8)),
    Era("令和", "R", 5, date(2019, 5, 1)),
)
_MEIJI_PARSE_FROM = date(1868, 1, 1)  # Meiji 1 is counted from 1 January by custom
_BY_NAME = {e.name: e for e in ERAS} | {e.letter: e for e in ERAS}
_BY_CODE = {str(e.code): e for e in ERAS}
_KANJI = re.compile(r"^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$")
_SHORT = re.compile(r"^([MTSHR])(\d{1,2})[./](\d{1,2})[./](\d{1,2})$")
_DIGITS = re.compile(r"^([1-5])(\d{2})(\d{2})(\d{2})$")
_WESTERN = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def era_of(d: date) -> tuple[Era, int]:
    """The era of a date and the year within it (1 for 元年)."""
    if d < _MEIJI_PARSE_FROM:
        raise ValueError(f"明治より前の日付は扱えません: {d} (date before Meiji)")
    era = next((e for e in reversed(ERAS) if d >= e.start), ERAS[0])
    return era, d.year - era.start.year + 1


def format_wareki(d: date, *, gannen: bool = True) -> str:
    """``令和8年4月1日``; the first year as ``元年`` unless ``gannen`` is False."""
    era, year = era_of(d)
    shown = "元" if year == 1 and gannen else str(year)
    return f"{era.name}{shown}年{d.month}月{d.day}日"


def format_wareki_short(d: date) -> str:
    """``R8.4.1``."""
    era, year = era_of(d)
    return f"{era.letter}{year}.{d.month}.{d.day}"


def format_digits(d: date) -> str:
    """The register's 7-digit form, ``5080401``."""
    era, year = era_of(d)
    return f"{era.code}{year:02d}{d.month:02d}{d.day:02d}"


def parse_date(text: str) -> date:
    """A date from ISO, 和暦 (``令和8年4月1日``, ``R8.4.1``) or the 7-digit form (``5080401``)."""
    cleaned = unicodedata.normalize("NFKC", text).strip().upper().replace(" ", "")
    for pattern, by in ((_KANJI, _BY_NAME), (_SHORT, _BY_NAME), (_DIGITS, _BY_CODE)):
        match = pattern.match(cleaned)
        if match:
            era, year, month, day = match.groups()
            return _from_era(by[era], 1 if year == "元" else int(year), int(month), int(day), text)
    match = _WESTERN.match(cleaned)
    if match:
        return _real_date(*(int(g) for g in match.groups()), text=text)
    raise ValueError(f"和暦・西暦の日付として読めません: '{text}' (not a date)")


def _real_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"存在しない日付です: '{text}' (impossible date)") from None


def _from_era(era: Era, year: int, month: int, day: int, text: str) -> date:
    if year < 1:
        raise ValueError(f"和暦の年が正しくありません: '{text}' (era year out of range)")
    d = _real_date(era.start.year + year - 1, month, day, text)
    start = _MEIJI_PARSE_FROM if era.code == 1 else era.start
    following = next((e for e in ERAS if e.code == era.code + 1), None)
    if d < start or (following is not None and d >= following.start):
        raise ValueError(f"{era.name}{year}年{month}月{day}日という日付はありません: '{text}' (outside the era)")
    return d
