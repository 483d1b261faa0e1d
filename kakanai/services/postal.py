"""Postal codes at the counter: the city's own list (forms/postal_codes.csv, the city edits it) first,
then every code of Japan (resources/postal/japan.csv.gz, 日本郵便's KEN_ALL: scripts/postal_japan.py).

A code neither list has, or an address they cannot place (a 町域 written otherwise than KEN_ALL writes
it, 「北一条西」 for 「北1条西」; a 町域 split by ranges the address does not say), gives "": the
interview asks it, nothing is guessed.
"""

from __future__ import annotations

import bisect
import gzip
import logging
import threading
from pathlib import Path

from kakanai.domain.postal import PostalBook, area_of_line, split_town
from kakanai.domain.prefectures import prefecture_of
from kakanai.resources import resource

log = logging.getLogger(__name__)
NATIONWIDE = resource("postal", "japan.csv.gz")


class Nationwide:
    """Japan's list, read on the first look-up (~50 ms: the file's lines, sorted by code); a
    prefecture's 町域 are indexed when an address in it is first looked up."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lines: list[str] | None = None
        self._books: dict[str, PostalBook] = {}
        self._lock = threading.Lock()

    def town(self, code: str) -> str:
        """The 町域 of a code ("" when Japan's list has no such code or cannot be read)."""
        lines = self.lines()
        at = bisect.bisect_left(lines, code, key=lambda line: line[:8])
        return split_town(lines[at][9:])[0] if at < len(lines) and lines[at][:8] == code else ""

    def code_of(self, address: str) -> str:
        """The code of a full address that starts with its prefecture ("" when it cannot tell)."""
        prefecture = prefecture_of(address)  # a designated city may be written without its prefecture
        if prefecture is None:
            return ""
        address = address if address.strip().startswith(prefecture) else prefecture + address
        with self._lock:
            book = self._books.get(prefecture)
        if book is None:
            book = PostalBook([area_of_line(line) for line in self.lines() if line.startswith(prefecture, 9)])
            with self._lock:
                self._books[prefecture] = book
        return book.code_of(address)

    def lines(self) -> list[str]:
        """The list's lines, read from the file the first time ([] when it cannot be read)."""
        with self._lock:
            if self._lines is None:
                try:
                    text = gzip.decompress(self.path.read_bytes()).decode("utf-8")
                    self._lines = [line for line in text.splitlines() if line and not line.startswith("#")]
                except (OSError, ValueError, EOFError) as exc:  # a damaged bundle: the city's list still works
                    log.warning("全国の郵便番号を読めません（市の郵便番号だけで続けます）: %s", type(exc).__name__)
                    self._lines = []
            return self._lines


JAPAN = Nationwide(NATIONWIDE)


class PostalDirectory:
    """The 町域 of a code and the code of an address, from the city's list, then Japan's."""

    def __init__(self, city: PostalBook, nationwide: Nationwide | None = JAPAN) -> None:
        self.city = city
        self.nationwide = nationwide

    def town(self, code: str) -> str:
        """The 町域 of a postal code ("" when neither list has it)."""
        return self.city.town(code) or (self.nationwide.town(code) if self.nationwide else "")

    def warm(self) -> None:
        """Read Japan's list now (the warm-up thread), not at the first code from elsewhere."""
        if self.nationwide is not None:
            self.nationwide.lines()

    def code_of(self, address: str) -> str:
        """The postal code of a full address ("" when the lists cannot tell: the interview asks)."""
        if self.city.knows(address) or self.nationwide is None:
            return self.city.code_of(address)  # the city's own list decides its own 町域
        return self.nationwide.code_of(address)
