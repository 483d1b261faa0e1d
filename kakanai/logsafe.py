"""Logging that never writes resident data: exceptions as their type, key paths and code locations.

An exception's text can carry a value (``存在しない日付です: '1985-02-30'``, a name in a KeyError, a
row in a database error), so the log file gets none of it: `SafeFormatter` replaces Python's
traceback text with `safe_traceback`, for every ``log.exception`` in the app and its libraries.
"""

from __future__ import annotations

import logging
import re
import traceback
from types import TracebackType

from kakanai.domain.problems import InvalidInput

# a key path made only of schema names and indexes (``members[2].birth``); anything else is a value
_KEY_PATH = re.compile(r"^[a-z_]{1,40}(\[\d{1,3}\])?(\.[a-z_]{1,40}(\[\d{1,3}\])?){0,4}$")
_MAX_FRAMES = 12
_MAX_CHAIN = 4


def describe(exc: BaseException) -> str:
    """The exception's type, and for invalid input the key paths it names; never its text."""
    name = f"{type(exc).__module__}.{type(exc).__qualname__}".removeprefix("builtins.")
    if isinstance(exc, InvalidInput):
        paths = sorted({p.path if _KEY_PATH.match(p.path) else "?" for p in exc.problems if p.path})
        return f"{name} at {', '.join(paths)}" if paths else name
    return name


def safe_traceback(exc: BaseException | None, tb: TracebackType | None = None) -> str:
    """Where an exception came from: types and code locations of it and its causes, no values."""
    lines: list[str] = []
    seen = 0
    while exc is not None and seen < _MAX_CHAIN:
        frames = traceback.extract_tb(tb if seen == 0 and tb is not None else exc.__traceback__)
        lines.append(("caused by " if seen else "") + describe(exc))
        lines.extend(f"  {f.filename}:{f.lineno} in {f.name}" for f in frames[-_MAX_FRAMES:])
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
        seen += 1
    return "\n".join(lines)


class SafeFormatter(logging.Formatter):
    """A formatter whose tracebacks hold no exception text (see `safe_traceback`)."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler may have cached Python's own traceback text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def,override]
        return safe_traceback(ei[1], ei[2])

    def formatStack(self, stack_info: str) -> str:
        return ""  # a stack dump may show locals in some tools; the traceback locations suffice
