"""A city's postal codes by 町域, as 日本郵便's KEN_ALL lists them (pure Python).

KEN_ALL gives most 町域 one code, but splits some by 丁目 or 番地 with the range in brackets after the
町域: 「大通西（１～１９丁目）」 and 「大通西（２０～２８丁目）」 have different codes, and 「（その他）」 names
the code for what no range of its 町域 covers. A list finds the code of a full address (the My
Number card's 住所): the 町域 the address starts with, then its 丁目 (or 番地) in the
ranges (`PostalBook.code_of`). Where the list cannot tell (two codes for one 町域 with no range, a range this reader does not
understand, an address without the number a range needs) it gives "" and the interview asks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kakanai.domain.kana import normalize_postal

_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"(?:\d+|[一二三四五六七八九十〇]+)"
_RANGE_ITEM = re.compile(rf"^({_NUMBER})(?:[~〜\-－]({_NUMBER}))?$")
_OTHER = "その他"
_NOT_LISTED = "以下に掲載がない場合"  # KEN_ALL's code for a whole city: a town's code, never an address's
_UNITS = ("丁目", "番地")


@dataclass(frozen=True, slots=True)
class PostalArea:
    """One line of the list: a code, its 町域 (without brackets) and what the brackets say (or "")."""

    code: str
    town: str
    part: str = ""


def area_of_line(line: str) -> PostalArea:
    """One ``NNN-NNNN,町域`` line of a list (raises ValueError when the code is no postal code)."""
    code, _, town = line.partition(",")
    return PostalArea(normalize_postal(code), *split_town(town))


def split_town(text: str) -> tuple[str, str]:
    """「北1条西（1～5丁目）」 → ("北1条西", "1～5丁目"); a 町域 without brackets → (town, "")."""
    text = text.strip()
    match = re.fullmatch(r"(.*?)[（(](.*)[）)]", text)
    return (match.group(1).strip(), match.group(2).strip()) if match else (text, "")


class PostalBook:
    """A postal-code list indexed both ways: the 町域 of a code, the code of a full address."""

    def __init__(self, areas: tuple[PostalArea, ...] | list[PostalArea]) -> None:
        self.towns: dict[str, str] = {}
        self._by_town: dict[str, list[PostalArea]] = {}
        for area in areas:
            self.towns.setdefault(area.code, area.town)
            if area.part != _NOT_LISTED:
                self._by_town.setdefault(_plain(area.town), []).append(area)
        self._longest = max((len(t) for t in self._by_town), default=0)

    def town(self, code: str) -> str:
        """The 町域 of a code as the list writes it, without KEN_ALL's brackets ("" if not listed)."""
        return self.towns.get(code, "")

    def knows(self, address: str) -> bool:
        """Whether the address starts with a 町域 of this list."""
        return self._areas(_plain(address))[0] != ""

    def code_of(self, address: str) -> str:
        """The postal code of ``address``, or "" when the list cannot tell which (then it is asked)."""
        text = _plain(address)
        town, candidates = self._areas(text)
        return _pick(candidates, text[len(town):]) if town else ""

    def _areas(self, text: str) -> tuple[str, list[PostalArea]]:
        for length in range(min(len(text), self._longest), 0, -1):
            found = self._by_town.get(text[:length])
            if found:
                return text[:length], found
        return "", []


def _pick(candidates: list[PostalArea], rest: str) -> str:
    """The one code among a 町域's lines that covers the rest of the address (its 丁目 or 番地)."""
    if len({a.code for a in candidates}) == 1:
        return candidates[0].code
    covering: set[str] = set()
    others: set[str] = set()
    for area in candidates:
        part = _plain(area.part)
        if part == _OTHER:
            others.add(area.code)
            continue
        ranges = _ranges(part)
        if ranges is None:
            return ""  # a bracket this reader does not understand (or none, beside another code): ask
        unit, spans = ranges
        number = _number_before(rest, unit)
        if number is None:
            return ""  # the address does not say the 丁目/番地 the ranges need
        if any(low <= number <= high for low, high in spans):
            covering.add(area.code)
    if len(covering) == 1:
        return covering.pop()
    return others.pop() if not covering and len(others) == 1 else ""


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").replace("\u3000", "")


def _ranges(part: str) -> tuple[str, list[tuple[int, int]]] | None:
    """「1～5丁目」「1・3・5丁目」「1～3・7丁目」「20番地」 → ("丁目", [(1, 5)] …); None for anything else."""
    unit = next((u for u in _UNITS if part.endswith(u)), None)
    if unit is None:
        return None
    spans: list[tuple[int, int]] = []
    for item in re.split("[・、,]", part[: -len(unit)]):
        match = _RANGE_ITEM.match(item.removesuffix(unit))
        if match is None:
            return None
        low = _to_int(match.group(1))
        high = _to_int(match.group(2)) if match.group(2) else low
        spans.append((low, high))
    return unit, spans


def _number_before(rest: str, unit: str) -> int | None:
    """The number right after the 町域 when it is followed by ``unit`` (「1丁目5番地」 → 1 for 丁目)."""
    match = re.match(rf"({_NUMBER}){unit}", rest)
    return _to_int(match.group(1)) if match else None


def _to_int(number: str) -> int:
    if number.isdigit():
        return int(number)
    if "十" in number:  # 十, 十二, 二十, 二十三
        tens, _, ones = number.partition("十")
        return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0)
    value = 0
    for char in number:
        value = value * 10 + _KANJI_DIGITS[char]
    return value
