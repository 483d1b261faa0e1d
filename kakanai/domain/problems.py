"""Validation problems that name where they are and say what is wrong, for the clerk and the log."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Control, zero-width, bidirectional and surrogate code points: never shown back to a clerk (a
# hostile code could reorder or hide the text of a message), replaced by U+FFFD.
_UNSHOWABLE = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
                         "\ufeff\ud800-\udfff]")
MAX_PATH = 200
MAX_TEXT = 500  # a catalog error lists the valid names; QR values are echoed cut far shorter
MAX_PROBLEMS_SHOWN = 10
MAX_TITLE = 60
# the longest `InvalidInput.clerk_message`: a title and at most 11 lines of path + message
MAX_MESSAGE = MAX_TITLE + (MAX_PROBLEMS_SHOWN + 1) * (MAX_PATH + MAX_TEXT + 4)


def shown(text: str, limit: int = MAX_TEXT) -> str:
    """Text safe to show back to a person: unshowable characters replaced, cut at ``limit``."""
    cleaned = _UNSHOWABLE.sub("\ufffd", text)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in an input, at a key path such as ``members[2].birth``.

    Path and messages are made safe on creation (`shown`), so a value or key echoed from a QR code
    can neither hide the real message nor make it thousands of characters long.
    """

    path: str
    message_ja: str
    message_en: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", shown(self.path, MAX_PATH))
        object.__setattr__(self, "message_ja", shown(self.message_ja))
        object.__setattr__(self, "message_en", shown(self.message_en))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message_ja}"

    def for_log(self) -> str:
        """The Japanese message with the English beside it, for log files."""
        where = f"{self.path}: " if self.path else ""
        english = f" ({self.message_en})" if self.message_en else ""
        return f"{where}{self.message_ja}{english}"


class DomainValueError(ValueError):
    """A value the domain refuses, with the clerk's Japanese and the English as data (``ja``, ``en``),
    so no one splits them back out of the text; ``str()`` is 「ja (en)」 for logs and commands."""

    def __init__(self, ja: str, en: str) -> None:
        super().__init__(f"{ja} ({en})")
        self.ja, self.en = ja, en


class InvalidInput(ValueError):
    """Raised when an input has one or more errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem], title_ja: str = "入力内容に誤りがあります") -> None:
        self.problems = list(problems)
        self.title_ja = shown(title_ja, MAX_TITLE)
        super().__init__(self.clerk_message())

    def clerk_message(self) -> str:
        """A message for the clerk: a title line and one line per problem."""
        lines = [self.title_ja] + [f"・{p}" for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        if len(self.problems) > MAX_PROBLEMS_SHOWN:
            lines.append(f"・ほか{len(self.problems) - MAX_PROBLEMS_SHOWN}件")
        return "\n".join(lines)


def format_path(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """Join key parts into a path: ('members', 2, 'birth') -> 'members[2].birth'."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
