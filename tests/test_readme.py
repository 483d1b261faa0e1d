"""The README as a newcomer reads it: its command list is the program's (every command and option,
both ways), its "Try it" lines run as written, its set-up promises hold (scripts/dev's commands,
Python ≥ 3.11, no display), its links lead somewhere, and the demo's keys do what it says."""

from __future__ import annotations

import argparse
import getpass
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import kakanai.settings
from kakanai.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str, nth: int = 0) -> str:
    """The text of the ``nth`` fenced block after ``heading``."""
    rest = README[README.index(heading):]
    return re.findall(r"```[a-z]*\n(.*?)```", rest, re.DOTALL)[nth]


def _readme_commands() -> dict[tuple[str, ...], set[str]]:
    """Each command of the README's list (its sub-command path) with the option names it shows."""
    commands: dict[tuple[str, ...], set[str]] = {}
    words: list[str] = []
    for line in _block_after("## Command line").splitlines() + ["kakanai"]:
        if line.startswith("kakanai") and words:
            path, options = _path_and_options(words)
            commands.setdefault(path, set()).update(options)
            words = []
        words += line.split()
    return commands


def _path_and_options(words: list[str]) -> tuple[tuple[str, ...], set[str]]:
    parser, path = build_parser(), []
    for word in words[1:]:
        choices = _subparsers(parser)
        if word not in choices:
            break
        path.append(word)
        parser = choices[word]
    options = {m for w in words for m in re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", w)}
    return tuple(path), options


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _program_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], list]:
    """Every command the program has that does something (leaf, or the bare ``kakanai``), with its options."""
    found = {}
    options = [a for a in parser._actions if a.option_strings and "--help" not in a.option_strings]
    subs = _subparsers(parser)
    if not subs or not path:
        found[path] = options
    for name, sub in subs.items():
        found.update(_program_commands(sub, (*path, name)))
    return found


def test_the_command_list_is_the_program_s_both_ways() -> None:
    readme, program = _readme_commands(), _program_commands(build_parser())
    # every command the program has is in the list, and every listed one exists
    assert sorted(program) == sorted(readme)
    for path, actions in program.items():
        shown = readme[path]
        for action in actions:  # every option of the program is shown …
            assert shown & set(action.option_strings), f"README lacks {action.option_strings} of kakanai {path}"
        known = {o for a in actions for o in a.option_strings}
        assert shown <= known, f"README shows options kakanai {' '.join(path)} does not have: {shown - known}"


def test_the_listed_choices_are_the_program_s() -> None:
    block = _block_after("## Command line")
    by = next(a for a in _subparsers(build_parser())["report"]._actions if "--by" in a.option_strings)
    assert sorted(re.search(r"--by ([\w|]+)", block)[1].split("|")) == sorted(by.choices)  # type: ignore[index]
    backend = next(a for a in _subparsers(_subparsers(build_parser())["qr"])["read"]._actions
                   if "--backend" in a.option_strings)
    assert sorted(re.search(r"--backend ([\w|]+)", block)[1].split("|")) == sorted(backend.choices)  # type: ignore[index]


@pytest.fixture
def newcomer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user in the checkout's root (where scripts/dev runs kakanai), with IT's folder and
    /tmp made private; typing kanri-2026 whenever a password is asked for."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    it = tmp_path / "it"
    it.mkdir()
    monkeypatch.setattr(kakanai.settings, "install_dir", lambda: it)
    monkeypatch.setattr("kakanai.cli.supervisor.install_dir", lambda: it)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "kanri-2026")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    return tmp_path


def _try_it_lines() -> list[list[str]]:
    lines = [line for line in _block_after("Try it").splitlines() if line.strip()]
    assert all(line.startswith("scripts/dev kakanai ") for line in lines)
    return [shlex.split(line)[2:] for line in lines]


def test_the_try_it_lines_run_as_written(newcomer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in _try_it_lines():
        argv = [a.replace("/tmp/", f"{newcomer}/") for a in argv]
        if argv == ["--selftest"]:
            continue  # it opens a window offscreen: run on its own below
        assert main(argv) == 0, f"kakanai {' '.join(argv)}:\n{capsys.readouterr().err}"
        out = capsys.readouterr().out
        assert out.strip(), f"kakanai {' '.join(argv)} printed nothing"
    assert "この期間の来庁はありません" in out  # the last line: a report of the new, empty log
    assert (newcomer / "family.pdf").read_bytes().startswith(b"%PDF-")


def test_the_selftest_line_runs_offscreen_without_noise(tmp_path: Path) -> None:
    assert ["--selftest"] in _try_it_lines()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env |= {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    run = subprocess.run([sys.executable, "-c", "import sys; from kakanai.cli import main; sys.exit(main())",
                          "--selftest"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("OK  ") == 4
    assert run.stderr.strip() == "", run.stderr  # no Qt noise such as propagateSizeHints


def test_scripts_dev_has_the_commands_the_readme_names() -> None:
    named = set(re.findall(r"scripts/dev (\w+)", README))
    script = (ROOT / "scripts" / "dev").read_text(encoding="utf-8")
    handled = set(re.findall(r"^  (\w+)\)", script, re.MULTILINE))
    assert named <= handled and {"app", "test", "bundle", "kakanai"} <= named


def test_scripts_dev_stops_on_an_old_python_and_says_what_to_do(tmp_path: Path) -> None:
    old = tmp_path / "python3.10"
    old.write_text("#!/bin/sh\necho 3.10\nexit 1\n", encoding="utf-8")
    old.chmod(0o755)
    run = subprocess.run([str(ROOT / "scripts" / "dev"), "test"], env={**os.environ, "PYTHON": str(old)},
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 2 and run.stdout == ""  # nothing installed, nothing run
    assert f"kakanai needs Python 3.11 or newer, and {old} is 3.10" in run.stderr
    assert "PYTHON=python3.11 scripts/dev test" in run.stderr


def test_scripts_dev_app_without_a_display_says_what_to_do() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([str(ROOT / "scripts" / "dev"), "app"], env=env, capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 2 and "xcb" not in run.stderr
    assert "no display" in run.stderr and "scripts/dev kakanai --selftest" in run.stderr


def test_the_readme_s_links_lead_to_files() -> None:
    for target in re.findall(r"\]\(([^)#:]+)\)", README):
        assert (ROOT / target).exists(), target


def test_pyproject_builds_with_setuptools_of_today_and_after_2027() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(meta["project"]["license"], str)  # an SPDX expression; the table form stops building
    (setuptools,) = meta["build-system"]["requires"]
    assert re.fullmatch(r"setuptools>=\d+,<\d+", setuptools)


def test_the_demo_keys_in_the_readme_reach_a_waiting_resident(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kakanai.ui.start_page import StartPage

    assert "press\n**Tab Tab** (or click) to reach the waiting residents, then **Enter**" in README
    page = StartPage()
    qtbot.addWidget(page)
    page.set_demo_queue([("山田さん（転入・4人）", "KKN-TEXT")])
    page.show()
    with qtbot.waitActive(page):  # the counter's window is the active one
        page.activateWindow()
    page.focus_default()  # 次の方 [F1], where a clerk starts
    with qtbot.waitSignal(page.demo_requested) as scanned:
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Return):
            qtbot.keyClick(QApplication.focusWidget() or page, key)
    assert scanned.args == ["KKN-TEXT"]
