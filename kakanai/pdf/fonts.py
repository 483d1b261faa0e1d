"""The two fonts every printed page uses, embedded as subsets, and what they cannot print (外字).

IPAex Gothic (labels, headings) and IPAex Mincho (titles, filled values) ship in
``resources/fonts`` under the IPA Font License. reportlab embeds only the glyphs a document uses
and adds a ToUnicode map, so a viewer's search and copy give back the characters that were filled.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

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
        pdfmetrics.registerFont(TTFont(name, str(resource(*parts))))
    return GOTHIC, MINCHO


@lru_cache(maxsize=1)
def _coverage() -> frozenset[int]:
    """Code points both fonts have a glyph for."""
    register_fonts()
    maps = [pdfmetrics.getFont(name).face.charToGlyph for name in (GOTHIC, MINCHO)]
    return frozenset(maps[0]).intersection(maps[1])


def is_printable(char: str) -> bool:
    """Whether one character prints as itself in both fonts (no control or direction marks)."""
    return unicodedata.category(char) not in _INVISIBLE and ord(char) in _coverage()


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` the fonts have no glyph for (外字), each once, in order of appearance."""
    return list(dict.fromkeys(c for c in text if not is_printable(c)))


def printable(text: str) -> str:
    """``text`` with every character the fonts lack replaced by 〓, so nothing prints as a tofu box."""
    if all(is_printable(c) for c in text):
        return text
    return "".join(c if is_printable(c) else GETA for c in text)


def text_width(text: str, font: str, size: float) -> float:
    """The width in points of ``text`` set in ``font`` at ``size``."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)
