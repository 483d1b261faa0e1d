"""The two fonts every printed page uses, embedded as subsets, and what they cannot print (外字).

IPAex Gothic (labels, headings) and IPAex Mincho (titles, filled values) ship in
``resources/fonts`` under the IPA Font License. reportlab embeds only the glyphs a document uses
and adds a ToUnicode map, so a viewer's search and copy give back the characters that were filled.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kakanai.resources import FONT_GOTHIC, FONT_MINCHO, resource

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"
GETA = "〓"  # the typesetter's mark for a character the font lacks (ゲタ)
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


@lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register IPAex Gothic and Mincho with reportlab (once per process); returns their names."""
    for name, parts in ((GOTHIC, FONT_GOTHIC), (MINCHO, FONT_MINCHO)):
        font = TTFont(name, str(resource(*parts)))
        _subset_faster(font.face)
        pdfmetrics.registerFont(font)
    return GOTHIC, MINCHO


def _subset_faster(face: Any) -> None:
    """Make reportlab's subsetting of ``face`` cheaper for every bundle, the glyphs unchanged.

    - Each subset (256 characters) read its tables anew as slices of the font file: the glyph
      table alone is 5.6 MB (Gothic) and 7.3 MB (Mincho), copied for every subset of every bundle.
      The tables are read once per process instead (~13 MB kept).
    - The subset's font file is embedded without Flate: CJK glyph outlines shrink only to ~72 %,
      and compressing them was ~4 ms of every bundle's ~40 ms (the bundle grows ~60 KB of ~290 KB;
      the page content streams and the ToUnicode maps stay compressed).
    """
    read_table = face.get_table
    tables: dict[str, bytes] = {}

    def get_table(tag: str) -> bytes:
        if tag not in tables:
            tables[tag] = read_table(tag)
        return tables[tag]

    add_subset = face.addSubsetObjects

    def add_subset_objects(doc: Any, fontname: str, subset: Any) -> Any:
        compression, doc.compression = doc.compression, 0  # read only when the font file's stream is made
        try:
            return add_subset(doc, fontname, subset)
        finally:
            doc.compression = compression

    face.get_table = get_table
    face.addSubsetObjects = add_subset_objects


@lru_cache(maxsize=1)
def _coverage() -> frozenset[int]:
    """Code points both fonts have a glyph for."""
    register_fonts()
    maps = [pdfmetrics.getFont(name).face.charToGlyph for name in (GOTHIC, MINCHO)]
    return frozenset(maps[0]).intersection(maps[1])


@lru_cache(maxsize=1)
def _printable_chars() -> frozenset[str]:
    """Every character that prints as itself in both fonts (~15,000: built once per process, so a
    bundle's ~7,000 checks are one set lookup per text instead of one per character)."""
    return frozenset(chr(code) for code in _coverage() if unicodedata.category(chr(code)) not in _INVISIBLE)


def is_printable(char: str) -> bool:
    """Whether one character prints as itself in both fonts (no control or direction marks)."""
    return char in _printable_chars()


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` the fonts have no glyph for (外字), each once, in order of appearance."""
    return list(dict.fromkeys(c for c in text if not is_printable(c)))


def printable(text: str) -> str:
    """``text`` with every character the fonts lack replaced by 〓, so nothing prints as a tofu box."""
    chars = _printable_chars()
    if chars.issuperset(text):
        return text
    return "".join(c if c in chars else GETA for c in text)


def text_width(text: str, font: str, size: float) -> float:
    """The width in points of ``text`` set in ``font`` at ``size``."""
    return float(_font(font).stringWidth(text, size))


@lru_cache(maxsize=8)
def _font(name: str) -> Any:
    """A registered font by name (what `pdfmetrics.stringWidth` looks up on every call; a bundle measures ~2,500 texts)."""
    register_fonts()
    return pdfmetrics.getFont(name)
