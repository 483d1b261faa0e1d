"""One kakanai per data folder: a second one says so and leaves, touching nothing; the lock goes
with the process that held it, even when it dies."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kakanai.app import run
from kakanai.bootstrap import build_services
from kakanai.instance import AlreadyRunning, lock_data_folder
from kakanai.settings import load_settings
from kakanai.ui import dialogs

ROOT = Path(__file__).resolve().parents[1]
RUNNING = "この端末ではすでに kakanai が開いています"
SECOND_KAKANAI = ("import sys; from kakanai.ui import dialogs; dialogs.AUTO_ANSWER = False; "
                  "from kakanai.cli import main; sys.exit(main([]))")
HOLDER = ("import sys; from pathlib import Path; from kakanai.instance import lock_data_folder; "
          "lock = lock_data_folder(Path(sys.argv[1])); print('held', flush=True); sys.stdin.read()")


def _open_visits(data: Path) -> dict[str, bytes]:
    services = build_services(load_settings([], {"data_dir": str(data)}))
    services.visits.start()
    services.close()
    return {p.name: p.read_bytes() for p in (data / "open").iterdir()}


def test_a_second_kakanai_on_the_same_data_folder_says_so_and_touches_nothing(tmp_path: Path) -> None:
    # Given a counter open on a data folder with a visit in progress
    data = tmp_path / "data"
    before = _open_visits(data)
    config = tmp_path / "config" / "kakanai"
    config.mkdir(parents=True)
    (config / "kakanai.toml").write_text(f"data_dir = '{data}'\n", encoding="utf-8")
    first = lock_data_folder(data)
    try:
        # When a second kakanai starts on the same folder (a real process, as from the Start menu)
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
        second = subprocess.run([sys.executable, "-c", SECOND_KAKANAI], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=120, check=False)
    finally:
        first.release()
    # Then it tells the clerk and exits 2, and the open visit is as it was (not offered, not set aside)
    assert second.returncode == 2, second.stderr
    assert RUNNING in second.stderr and str(data) in second.stderr
    assert {p.name: p.read_bytes() for p in (data / "open").iterdir()} == before
    assert not (data / "kakanai.log").exists()


def test_the_lock_goes_with_a_process_that_dies(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                capsys: pytest.CaptureFixture[str]) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning):
            lock_data_folder(tmp_path)
        dialogs.AUTO_ANSWER = False
        try:
            assert run(overrides={"data_dir": str(tmp_path)}) == 2
        finally:
            dialogs.AUTO_ANSWER = None
        assert RUNNING in capsys.readouterr().err
    finally:
        holder.kill()  # a crash: nobody releases the lock by hand
        holder.wait(timeout=30)
    lock_data_folder(tmp_path).release()
