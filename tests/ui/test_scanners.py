"""A serial (COM-port) scanner from settings feeds the counter window; a missing port is shown."""

from __future__ import annotations

import os
from pathlib import Path

from kakanai.app import build_window
from kakanai.bootstrap import build_services
from kakanai.qr.payload import encode_document
from kakanai.settings import load_settings
from kakanai.ui import dialogs
from tests.conftest import household_doc
from tests.ui.driver import wait_until


def _window(tmp_path: Path, port: str):  # type: ignore[no-untyped-def]
    settings = load_settings([], {"data_dir": str(tmp_path), "scanner": {"mode": "serial", "serial_port": port}})
    services = build_services(settings)
    return build_window(services, demo=False), services


def test_a_code_from_a_serial_scanner_starts_the_visit(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs.AUTO_ANSWER = True
    master, slave = os.openpty()
    window, services = _window(tmp_path, os.ttyname(slave))
    try:
        assert window.device_problem == ""
        os.write(master, encode_document(household_doc("marriage")).encode() + b"\r\n")
        wait_until(lambda: window.controller.session is not None)
        # the couple read from the code (an older KKN1 code: the 婚姻届's 父母 are asked next)
        assert window.controller.interview().draft["members[1].given"] == "エマ"
        assert window.stack.currentWidget() in (window.intake_page, window.household_page)
    finally:
        window.close()
        services.close()
        os.close(master)
        os.close(slave)
        dialogs.AUTO_ANSWER = None


def test_a_missing_serial_port_is_shown_in_japanese(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, services = _window(tmp_path, "/dev/ttyKAKANAI-none")
    try:
        assert "ttyKAKANAI-none" in window.device_problem and "見つかりません" in window.device_problem
        assert window.device_problem in window.header_right.text()
    finally:
        window.close()
        services.close()


def test_a_bundle_without_the_camera_says_so_and_keeps_working(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  monkeypatch) -> None:
    # Given a bundle built without Qt's camera backend (build.spec leaves QtMultimedia out by default)
    import sys

    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    monkeypatch.delitem(sys.modules, "kakanai.qr.camera", raising=False)
    settings = load_settings([], {"data_dir": str(tmp_path), "scanner": {"mode": "camera"}})
    services = build_services(settings)
    # When IT set the camera as the scanner
    window = build_window(services, demo=False)
    try:
        # Then the header says what to do, and the counter opens with no scanner attached
        assert "カメラでの読み取りが入っていません" in window.device_problem and window.scanners == []
    finally:
        window.close()
        services.close()
