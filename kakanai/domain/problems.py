"""Validation problems that name where they are and say what is wrong, for the clerk and the log."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in an input, at a key path such as ``members[2].birth``."""

    path: str
    message_ja: str
    message_en: str = ""

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message_ja}"

    def for_log(self) -> str:
        """The Japanese message with the English beside it, for log files."""
        where = f"{self.path}: " if self.path else ""
        english = f" ({self.message_en})" if self.message_en else ""
        return f"{where}{self.message_ja}{english}"


class InvalidInput(ValueError):
    """Raised when an input has one or more errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem], title_ja: str = "入力内容に誤りがあります") -> None:
        self.problems = list(problems)
        self.title_ja = title_ja
        super().__init__(self.clerk_message())

    def clerk_message(self) -> str:
        """A message for the clerk: a title line and one line per problem."""
        lines = [self.title_ja] + [f"・{p}" for p in self.problems]
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
