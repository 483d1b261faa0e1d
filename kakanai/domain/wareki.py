"""和暦: format and parse Japanese-era dates (明治 to 令和), including the register's digit form.

The register's 7-digit form is era code + 2-digit year + month + day: ``5080401`` is 令和8年4月1日
(1 明治, 2 大正, 3 昭和, 4 平成, 5 令和). The first year of an era is 元年.

明治 officially began on 1868-10-23 (``Era.start``), but by custom the whole of 1868 counts as
明治元年, so dates from 1868-01-01 are 明治元年 too; earlier dates are refused. Dates are proleptic
Gregorian throughout: before 1873 Japan used a lunisolar calendar, which this module ignores.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from kakanai.domain.problems import DomainValueError


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
_MEIJI_FROM = date(1868, 1, 1)  # 明治元年 is counted from 1 January 1868 by custom
_BY_NAME = {e.name: e for e in ERAS} | {e.letter: e for e in ERAS}
_BY_CODE = {str(e.code): e for e in ERAS}
_KANJI = re.compile(r"(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年([0-9]{1,2})月([0-9]{1,2})日")
_SHORT = re.compile(r"([MTSHR])([0-9]{1,2})([./-])([0-9]{1,2})\3([0-9]{1,2})")
_DIGITS = re.compile(r"([1-5])([0-9]{2})([0-9]{2})([0-9]{2})")
_WESTERN = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
_WESTERN_KANJI = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")


def era_of(d: date) -> tuple[Era, int]:
    """The era of a date and the year within it (1 for 元年)."""
    if d < _MEIJI_FROM:
        raise DomainValueError(f"明治より前の日付は和暦にできません: {d}", "date before the Meiji era")
    era = next((e for e in reversed(ERAS) if d >= e.start), ERAS[0])
    return era, d.year - era.start.year + 1


def format_wareki(d: date, *, gannen: bool = True) -> str:
    """The date as ``令和8年4月1日``; the first year as ``元年`` unless ``gannen`` is False."""
    era, year = era_of(d)
    shown = "元" if year == 1 and gannen else str(year)
    return f"{era.name}{shown}年{d.month}月{d.day}日"


def format_wareki_short(d: date) -> str:
    """The date as era letter, year, month and day: ``R8.4.1``."""
    era, year = era_of(d)
    return f"{era.letter}{year}.{d.month}.{d.day}"


def format_digits(d: date) -> str:
    """The date in the resident register's 7-digit form: ``5080401``."""
    era, year = era_of(d)
    if year > 99:
        raise DomainValueError(f"和暦の年が3桁になり7桁の形にできません: {d}", "era year above 99")
    return f"{era.code}{year:02d}{d.month:02d}{d.day:02d}"


def parse_date(text: str) -> date:
    """A date from ISO/西暦, 和暦 (``令和8年4月1日``, ``R8.4.1``) or the 7-digit form (``5080401``).

    Full-width characters, lower-case era letters and spaces are accepted; impossible dates and
    era years outside their era raise ValueError.
    """
    cleaned = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()
    if match := _KANJI.fullmatch(cleaned):
        name, year, month, day = match.groups()
        return _from_era(_BY_NAME[name], 1 if year == "元" else int(year), int(month), int(day), text)
    if match := _SHORT.fullmatch(cleaned):
        letter, year, _, month, day = match.groups()
        return _from_era(_BY_NAME[letter], int(year), int(month), int(day), text)
    if match := _DIGITS.fullmatch(cleaned):
        code, year, month, day = match.groups()
        return _from_era(_BY_CODE[code], int(year), int(month), int(day), text)
    if match := _WESTERN.fullmatch(cleaned):
        year, _, month, day = match.groups()
        return _real_date(int(year), int(month), int(day), text)
    if match := _WESTERN_KANJI.fullmatch(cleaned):
        year, month, day = match.groups()
        return _real_date(int(year), int(month), int(day), text)
    raise DomainValueError(f"和暦・西暦の日付として読めません: '{text}'", "not a date")


def _real_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DomainValueError(f"存在しない日付です: '{text}'", "impossible date") from None


def _from_era(era: Era, year: int, month: int, day: int, text: str) -> date:
    if year < 1:
        raise DomainValueError(f"和暦の年が正しくありません: '{text}'", "era year out of range")
    d = _real_date(era.start.year + year - 1, month, day, text)
    start = _MEIJI_FROM if era.code == 1 else era.start
    following = next((e for e in ERAS if e.code == era.code + 1), None)
    if d < start or (following is not None and d >= following.start):
        raise DomainValueError(f"{era.name}{year}年{month}月{day}日という日付はありません: '{text}'", "outside the era")
    return d
