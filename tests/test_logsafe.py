"""The log file never holds resident data (issue 10, item 9): exceptions are logged as type, key
path and code location, whatever their text says."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

from kakanai.app import _excepthook, install_logging
from kakanai.domain.household_doc import parse_household
from kakanai.domain.problems import InvalidInput
from kakanai.ui import dialogs
from tests.conftest import household_doc

LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}
BIRTH = "1985-02-30"
NAME = "山田花子"


@pytest.fixture
def log_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    root = logging.getLogger()
    before = list(root.handlers)
    install_logging(tmp_path)
    yield tmp_path / "kakanai.log"
    for handler in root.handlers[len(before):]:
        handler.close()
        root.removeHandler(handler)


def _text(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_an_exception_with_a_birth_date_in_its_text_is_logged_without_it(log_file: Path) -> None:
    try:
        try:
            raise KeyError(NAME)
        except KeyError as inner:
            raise ValueError(f"存在しない日付です: '{BIRTH}'") from inner
    except ValueError:
        logging.getLogger("kakanai.pdf").exception("render failed")
    text = _text(log_file)
    assert "render failed" in text and "ValueError" in text and "caused by KeyError" in text
    assert "test_logsafe.py" in text  # where it happened is kept
    assert BIRTH not in text and NAME not in text


def test_invalid_input_is_logged_as_its_key_paths(log_file: Path) -> None:
    doc = household_doc("single_move_within")
    doc["members"][0]["birth"] = BIRTH
    with pytest.raises(InvalidInput) as caught:
        parse_household(doc)
    logging.getLogger("kakanai").error("scan refused", exc_info=caught.value)
    text = _text(log_file)
    assert "InvalidInput at members[0].birth" in text and BIRTH not in text


def test_the_crash_handler_logs_no_values(log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "AUTO_ANSWER", True)
    try:
        raise RuntimeError(f"{NAME} {BIRTH}")
    except RuntimeError as exc:
        _excepthook(type(exc), exc, exc.__traceback__)
    text = _text(log_file)
    assert "RuntimeError" in text and NAME not in text and BIRTH not in text


def _exception_names(function: ast.AST) -> set[str]:
    return {node.name for node in ast.walk(function) if isinstance(node, ast.ExceptHandler) and node.name}


def test_no_log_call_formats_an_exception_object() -> None:
    """``log.error("… %s", exc)`` would write the exception's text: only its type may be logged."""
    offenders = []
    for path in sorted((Path(__file__).parents[1] / "kakanai").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            caught = _exception_names(function)
            for call in ast.walk(function):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr in LOG_METHODS and isinstance(call.func.value, ast.Name)
                        and call.func.value.id in ("log", "logger", "logging")):
                    bare = [a.id for a in call.args[1:] if isinstance(a, ast.Name) and a.id in caught]
                    if bare:
                        offenders.append(f"{path.name}:{call.lineno} {bare}")
    assert offenders == []
