"""The counter's checks as data for the resident page, asked of the counter itself at build time.

Nothing here is a copy of a rule: each table is what the counter's own functions answer.

- ``characters``: the character classes of the counter's text checks, by asking its functions about
  every character of the Basic Multilingual Plane — refused (control, bidi), invisible (a name of
  only these is blank), space (kana and digits: runs become one 　 or are dropped), stripped at the
  ends (``str.strip``), dropped from digits, katakana; and what the counter turns a character into (full-width digits,
  dashes and ＋ in ASCII; hiragana as katakana; a lone voiced mark as ゛). The page runs the same
  steps in the same order with these tables (kkn2page.js), so a Unicode difference between Python
  and JavaScript (``\\s`` takes U+FEFF in JavaScript, not in Python) cannot make them disagree.
- ``event_rules``: for each life event, which addresses the counter refuses a document without,
  how many people it must name (``subjects``), and whether the new head may be one of them or,
  with no one named, anyone: asked of ``parse_household`` with a household it accepts, changed
  one fact at a time.
- ``limits``: the counter's own limits on a code's text and its document, the text cut to what one
  QR code holds when that is less (asked of the QR encoder the counter draws with).
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Iterable
from typing import Any

from qrcode.exceptions import DataOverflowError

from kakanai.domain.household_doc import MAX_MEMBERS, check_characters, is_blank, parse_household
from kakanai.domain.kana import is_katakana, normalize_digits, to_katakana
from kakanai.domain.problems import InvalidInput
from kakanai.qr.payload import KKN2, MAX_DOCUMENT, MAX_TEXT_KKN2
from kakanai.web import probe

__all__ = ["characters", "event_rules", "limits", "qr_capacity"]

_BMP = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
_LONG_VOWELS = "ーｰ"  # a dash between digits only: the page keeps that one rule as code (kkn2page.js digits)


def _refused(c: str) -> bool:
    try:
        check_characters(c)
    except ValueError:
        return True
    return False


def _class(chars: Iterable[str]) -> str:
    """A regular-expression character class ``[…]`` of ``chars``, in ranges of \\uXXXX escapes."""
    codes = sorted(ord(c) for c in chars)
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    parts = [f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges]
    return "[" + "".join(parts) + "]"


def _where(test: Callable[[str], bool], chars: Iterable[str] = _BMP) -> str:
    return _class(c for c in chars if test(c))


def _changes(convert: Callable[[str], str], chars: Iterable[str]) -> dict[str, str]:
    """Each character ``convert`` turns into another single character."""
    out = {}
    for c in chars:
        got = convert(c)
        if got != c and len(got) == 1:
            out[c] = got
    return out


def characters() -> dict[str, Any]:
    """The counter's character classes and conversions (module docstring), ready for JSON."""
    allowed = [c for c in _BMP if not _refused(c)]
    hiragana = [chr(c) for c in range(0x3041, 0x30A0) if chr(c) not in "\u3099\u309a"]
    return {
        "forbidden": _where(_refused),
        "invisible": _where(is_blank, allowed),
        "space": _where(lambda c: to_katakana(f"ア{c}ア") == "ア\u3000ア", allowed),
        "dropped": _where(lambda c: normalize_digits(f"1{c}1") == "11", allowed),
        "strip": _where(lambda c: f"{c}a{c}".strip() == "a", allowed),
        "katakana": _where(lambda c: is_katakana(c), allowed),
        "toAscii": _changes(normalize_digits, (c for c in allowed if c not in _LONG_VOWELS)),
        "hiragana": _changes(to_katakana, hiragana),
        "lone": _changes(to_katakana, "\u3099\u309a"),
    }


def qr_capacity() -> int:
    """The longest KKN2 text one QR code holds: version 40 at error correction L, the prefix in
    alphanumeric mode and the digits in numeric mode (as the page and the counter draw it), asked of
    the QR encoder the counter draws with."""
    import qrcode.constants
    import qrcode.util

    def fits(digits: int) -> bool:
        segments = [qrcode.util.QRData(KKN2, mode=qrcode.util.MODE_ALPHA_NUM),
                    qrcode.util.QRData("1" * digits, mode=qrcode.util.MODE_NUMBER)]
        try:
            qrcode.util.create_data(40, qrcode.constants.ERROR_CORRECT_L, segments)
        except DataOverflowError:
            return False
        return True

    low, high = 0, MAX_TEXT_KKN2  # fits(low), not fits(high + 1)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(middle) else (low, middle - 1)
    return len(KKN2) + low


def limits() -> dict[str, int]:
    """What the counter reads at most: the code's characters (its own limit, or what one QR code holds
    when that is less; both are 7,077 digits after 「KKN2」, 40-L's capacity) and the document's
    UTF-8 bytes."""
    return {"maxText": min(MAX_TEXT_KKN2, qr_capacity()), "maxDocument": MAX_DOCUMENT}


def _accepts(doc: dict[str, Any]) -> bool:
    try:
        parse_household(doc)
    except InvalidInput:
        return False
    return True


def _ruled(event: str) -> dict[str, Any]:
    """The probe household of ``event`` with both addresses and as many members as the counter takes."""
    doc = probe.base_household(event)  # the probe's household: one the counter accepts
    doc["members"] = (doc["members"] * MAX_MEMBERS)[:MAX_MEMBERS]
    for side in ("new", "old"):
        doc.setdefault(side, {"postal": "100-0001", "address": "東京都千代田区千代田1番1号"})
    assert _accepts(doc), f"the probe household for {event} is refused by the counter"
    return doc


def _without(doc: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def event_rules(event: str) -> dict[str, Any]:
    """The counter's rules across fields for ``event``: ``needs`` (the addresses it cannot do
    without), ``subjects`` ([fewest, most] people named, None when naming no one is fine),
    ``headNotSubject`` (the new head may not be one of those named) and ``headNotEveryone`` (with no
    one named, the new head may not be anyone: the whole household leaves)."""
    doc = _ruled(event)
    needs = [side for side in ("new", "old") if not _accepts(_without(doc, **{side: None}))]
    counts = [n for n in range(MAX_MEMBERS + 1) if _accepts(_without(doc, subjects=list(range(n))))]
    subjects = None if _accepts(_without(doc, subjects=None)) else [min(counts), max(counts)]
    named = doc.get("subjects") or [0]
    head_named = _without(doc, subjects=named, new_head=named[0])
    head_unnamed = _without(doc, subjects=None, new_head=0)
    return {"needs": needs, "subjects": subjects, "headNotSubject": not _accepts(head_named),
            "headNotEveryone": subjects is None and not _accepts(head_unnamed)}


if __name__ == "__main__":  # a look at the tables: python -m kakanai.web.checks
    import json

    json.dump({"characters": characters(), "events": {e: event_rules(e) for e in ("move_in", "move_out", "move_within",
                                                                                  "birth", "death", "marriage")}},
              sys.stdout, ensure_ascii=False, indent=1)
