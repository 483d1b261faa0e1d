"""The composition root: settings → logging → services → controller → window.

Screens get only what they use: the window gets a controller and plain options; the controller
gets the catalog, the visit service and the document service.

A counter's start (`run`): Qt and a first window (`StartupWindow`, which keeps any scan made
meanwhile) come first; settings, the data folder's lock, logging, catalog and services are made
by a start thread (pydantic, the catalog's TOML and the domain load there, off the UI thread);
then the UI thread builds the counter window, which takes over the first window and its scans,
and a warm-up thread connects the visit log and renders a throwaway bundle.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import date
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kakanai.logsafe import SafeFormatter, safe_traceback

if TYPE_CHECKING:  # pydantic and the catalog load in the start thread, after the first window shows
    from kakanai.bootstrap import Services
    from kakanai.settings import Settings

log = logging.getLogger("kakanai")

_DATA_FOLDER_UNUSABLE = "データの保存先を使えません: {}\n（設定 data_dir と書き込みの権限を確認してください）"


def install_logging(data_dir: Path) -> logging.Handler:
    """Log to a rotating file in the data folder (no personal data is logged); returns the handler."""
    data_dir.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(data_dir / "kakanai.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    log.critical("unhandled error\n%s", safe_traceback(value, tb))
    from kakanai.ui import dialogs

    dialogs.inform_error(None, "kakanai", "予期しないエラーが起きました。入力中の内容は保存されています。\n"
                                          "担当（情報システム係）に連絡してください。")


def build_window(services: Services, *, demo: bool) -> Any:
    """The main window wired to the services (QApplication must exist)."""
    from kakanai.demo import demo_residents
    from kakanai.services.card_reading import CardReading
    from kakanai.services.documents import remove_legacy_copies
    from kakanai.ui.main_window import MainWindow, WindowOptions
    from kakanai.ui.visit_controller import VisitController

    settings = services.settings
    save_folder = Path(settings.pdf_save_dir) if settings.pdf_save_dir else None
    remove_legacy_copies(settings.data_path(), save_folder)
    offered = services.visits.unfinished()
    card = CardReading(settings.card.reader) if settings.card.enabled else None
    controller = VisitController(services.casework, services.visits, card)
    demo_day = services.visits.clock().astimezone().date()  # the day a visit opened now is dated
    options = WindowOptions(
        counter_label=f"{settings.office} {settings.counter}", preferred_printer=settings.printer,
        save_folder=save_folder, print_plan=print_plan(settings), demo_residents=demo_residents(demo_day) if demo else [],
        offered=offered, notice=restore_notice(services.key_problem, services.visits.store.set_aside),
        status=lambda: "　".join(filter(None, [services.database_warning, services.recorder.status])),
        open_dashboard=lambda parent: _open_dashboard(parent, services),
        geometry_file=settings.data_path() / "window-geometry.bin",
    )
    window = MainWindow(controller, options)
    window.scanners = connect_scanner(settings, controller, window)
    return window


def print_plan(settings: Settings) -> Any:
    """IT's printing settings as the window's PrintPlan (routes per procedure, take-home copies)."""
    from kakanai.services.printing import Route
    from kakanai.ui.printing import PrintPlan

    routes = {pid: Route(route.printer, route.tray) for pid, route in settings.printing.routes.items()}
    return PrintPlan(routes, settings.printing.takehome_copies)


def restore_notice(key_problem: str, set_aside: list[Path]) -> str:
    """The clerk's message at start when open visits could not be restored or the key was replaced
    ("" when all is well)."""
    if not key_problem and not set_aside:
        return ""
    lines = []
    if set_aside:
        lines.append(f"前回終了していない受付 {len(set_aside)} 件を復元できませんでした。"
                     f"記録は消さずに保管してあります（{set_aside[0].parent}）。")
    if key_problem:
        lines.append(f"{key_problem}。新しい鍵で続けます。")
    lines.append("情報システム係に連絡してください。")
    return "\n".join(lines)


def _open_dashboard(parent: Any, services: Services) -> Any:
    from kakanai.services.supervisor import kpi_service_for, password_guard
    from kakanai.ui.dashboard import open_dashboard

    titles = {p.id: p.title for p in services.catalog.procedures}
    kpi = kpi_service_for(services.settings, services.visit_log.engine, titles)
    return open_dashboard(parent, kpi, password_guard(services.settings))


CAMERA_NOT_BUILT = ("この版にはカメラでの読み取りが入っていません。USB・シリアルのQRリーダーを使うか、"
                    "情報システム係に連絡してください（KAKANAI_CAMERA=1 で作り直した版が必要です）")


def connect_scanner(settings: Settings, controller: Any, window: Any) -> list[Any]:
    """A serial or camera scanner from settings, feeding the visit controller (a keyboard-wedge
    scanner needs nothing: it types into the scan field). Problems show in the window's header."""
    mode = settings.scanner.mode
    if mode == "serial":
        from kakanai.qr.serial_scanner import SerialScanner

        scanner: Any = SerialScanner(settings.scanner.serial_port, settings.scanner.baud, window)
        scanner.scanned.connect(controller.scanned)
        scanner.error.connect(window.show_device_problem)
        scanner.open()
        return [scanner]
    if mode == "camera":
        try:
            from kakanai.qr.camera import CameraScanner
        except ImportError:  # a bundle built without the camera backend (build.spec: KAKANAI_CAMERA)
            window.show_device_problem(CAMERA_NOT_BUILT)
            return []
        from kakanai.qr.images import DecoderUnavailable, decoder_for

        try:
            scanner = CameraScanner(decoder_for(settings.scanner.decoder))
        except DecoderUnavailable as exc:
            window.show_device_problem(str(exc))
            return []
        scanner.decoded.connect(controller.scanned)
        scanner.error.connect(window.show_device_problem)
        scanner.start()
        return [scanner]
    return []


_QT_NOISE = ("This plugin does not support propagateSizeHints()",)  # the offscreen platform, every window
_qt_handler: Any = None


def _drop_qt_noise() -> None:
    """Keep Qt's messages that mean nothing to IT out of the self-test's output; pass the rest on."""
    global _qt_handler
    if _qt_handler is not None:
        return
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode: Any, context: Any, message: str) -> None:
        if message in _QT_NOISE:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    _qt_handler = handler


def run(*, demo: bool = False, selftest: bool = False, overrides: dict[str, Any] | None = None) -> int:
    """Open the counter window (or walk the self-test); returns the exit code."""
    if selftest and not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _drop_qt_noise()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    overrides = dict(overrides or {})
    if not selftest:
        return _serve_counter(app, overrides, demo=demo)
    from kakanai.ui import dialogs

    dialogs.AUTO_ANSWER = False  # no person to answer: never block on a dialog
    scratch = Path(tempfile.mkdtemp(prefix="kakanai-selftest-"))
    # its own data folder, visit log (SQLite there, whatever database_url says) and save folder
    overrides.update(data_dir=str(scratch / "data"), database_url="", pdf_save_dir=str(scratch / "saved"))
    start = prepare(overrides, demo=True)
    try:
        if start.failure:
            return _fatal(start.failure)
        from kakanai.selftest import walk_one_visit

        window = _counter_window(app, start, demo=True)
        return walk_one_visit(app, window, start.services)
    finally:
        start.finish()
        shutil.rmtree(scratch, ignore_errors=True)


WINDOW_COMMANDS: dict[tuple[str, ...], dict[str, bool]] = {(): {}, ("--selftest",): {"selftest": True},
                                                      ("demo",): {"demo": True}}


def run_window_command(argv: list[str]) -> int | None:
    """``kakanai``, ``kakanai --selftest`` or ``kakanai demo``: the window, started without building the
    command line's parser (which imports every tool's modules: SQLAlchemy, numpy, pydantic); None for
    any other command line, which `kakanai.cli.main` handles."""
    options = WINDOW_COMMANDS.get(tuple(argv))
    return None if options is None else run(**options)


@dataclass
class Start:
    """What the start thread made for the UI thread, or the clerk's message when it failed; the
    counter's parts that `finish` lets go of when the window closes."""

    settings: Settings | None = None
    services: Services | None = None
    failure: str = ""
    lock: Any = None
    handler: logging.Handler | None = None
    warming: threading.Thread | None = None
    windows: list[Any] = field(default_factory=list)  # kept alive while the counter runs

    def finish(self) -> None:
        """Stop the warm-up, flush and close the services, the log file and the folder's lock."""
        if self.warming is not None:
            self.warming.join(timeout=10)  # a render half done must not meet a closed database
            gc.unfreeze()  # `freeze_start_up` holds while the counter runs, not after (tests run it in-process)
            gc.set_threshold(*_GC_DEFAULTS)
        if self.services is not None:
            self.services.close()
        if self.handler is not None:
            logging.getLogger().removeHandler(self.handler)
            self.handler.close()
        if self.lock is not None:
            self.lock.release()


def prepare(overrides: dict[str, Any], *, demo: bool) -> Start:
    """Settings, the data folder's lock (one kakanai per folder), logging, catalog and services,
    and the window's modules imported: Qt-free work, run by the start thread while the first window shows."""
    from kakanai.bootstrap import build_services
    from kakanai.domain.problems import InvalidInput
    from kakanai.instance import AlreadyRunning, lock_data_folder
    from kakanai.settings import load_settings

    start = Start()
    try:
        if demo:
            overrides.setdefault("data_dir", str(load_settings().data_path() / "demo"))
        settings = start.settings = load_settings(overrides=overrides)
        start.lock = lock_data_folder(settings.data_path())
        start.handler = install_logging(settings.data_path())
        start.services = build_services(settings)
    except (InvalidInput, AlreadyRunning) as exc:
        start.failure = exc.clerk_message()
    except OSError as exc:
        start.failure = _DATA_FOLDER_UNUSABLE.format(exc.filename or "")
    if not start.failure:
        import kakanai.ui.main_window  # noqa: F401 - the window's classes, so the UI thread only builds
    return start


def _counter_window(app: Any, start: Start, *, demo: bool) -> Any:
    """Fonts, translation and the counter window, on the UI thread."""
    from kakanai.ui.i18n import install_translation
    from kakanai.ui.style import install_fonts

    assert start.settings is not None and start.services is not None
    install_fonts(app, start.settings.font_point_size)
    install_translation(app, start.settings.language)
    sys.excepthook = _excepthook
    return build_window(start.services, demo=demo)


def _serve_counter(app: Any, overrides: dict[str, Any], *, demo: bool) -> int:
    """The first window at once; the start thread prepares the rest; the counter window takes over."""
    from PySide6.QtCore import QObject, Signal

    from kakanai.ui.startup_window import StartupWindow

    class Prepared(QObject):
        done = Signal()  # emitted by the start thread, handled on the UI thread

    first = StartupWindow()
    first.showMaximized()
    made: list[Start] = []
    prepared = Prepared()
    prepared.done.connect(lambda: _take_over(app, first, made[0], demo=demo))

    def work() -> None:
        try:
            made.append(prepare(overrides, demo=demo))
        except Exception as exc:  # noqa: BLE001 - said to the clerk, never a silent hang
            log.critical("start failed\n%s", safe_traceback(exc, exc.__traceback__))
            made.append(Start(failure="kakanai を準備できませんでした。情報システム係に連絡してください。"))
        prepared.done.emit()

    starting = threading.Thread(target=work, name="kakanai-start", daemon=True)
    starting.start()
    try:
        return app.exec()
    finally:
        starting.join()
        if made:
            made[0].finish()


def _take_over(app: Any, first: Any, start: Start, *, demo: bool) -> None:
    """On the UI thread, once the start thread is done: the counter window replaces the first one and
    gets the scans it kept; then the warm-up starts. A failure is told to the clerk, and the app ends."""
    if start.failure:
        app.exit(_fatal(start.failure))
        return
    window = _counter_window(app, start, demo=demo)
    window.show_for_counter()
    first.hand_over(window)
    start.windows.append(window)
    start.warming = start_warm_up(start.services)  # type: ignore[arg-type]
    collect_when_idle(window)


WARM_UP_VISIT = "V00000000-WARMUP"  # no visit: the id printed on the throwaway pages


def warm_up(services: Services) -> None:
    """Connect the visit log (migrating only if behind) and render one throwaway bundle in memory,
    so the first scan finds SQLAlchemy, reportlab, pypdf and the fonts loaded (and the first postal
    code from elsewhere, Japan's list read).

    Off the UI thread, right after the window shows. The household is the made-up demo family
    (no resident's data), the bundle is dropped, nothing is written: not to disk, not to the log.
    """
    from kakanai.demo import demo_residents
    from kakanai.pdf.overlay import template_problems
    from kakanai.services.printing import bundle_pages

    services.link.connect()
    casework = services.casework
    # every blank form of the city read now (none is parsed in a visit); one that cannot be printed on
    # is said in the header from the start, for IT, not first at the visit that needs it
    problems = template_problems(casework.catalog)
    if problems:
        more = f"（ほか{len(problems) - 1}件）" if len(problems) > 1 else ""
        services.forms_warning = (f"様式ファイルに問題があります（情報システム係へ）: {problems[0].path} "
                                  f"{problems[0].message_ja}{more}")
    intake = casework.read_code(demo_residents()[0][1])
    bundle = casework.render(intake.household, casework.plan_of(intake), WARM_UP_VISIT, date.today())
    bundle_pages(bundle.pdf, bundle.report)  # pypdf, as the print page reads it
    casework.postal.warm()  # Japan's postal codes: a 転入's first code finds its town at once


_GC_DEFAULTS = gc.get_threshold()
_NO_AUTOMATIC_FULL = 1_000_000_000  # full collections come from `collect_when_idle`, not in a scan
FULL_COLLECTION_AFTER_BUNDLE_MS = 2_000  # the clerk reads the review page: nothing renders
FULL_COLLECTION_EVERY_MS = 60_000


def freeze_start_up() -> None:
    """Collect the warm-up's garbage, then move every object start-up made (modules, catalog, Qt
    wrappers) out of the cyclic collector's reach: a full collection no longer walks them in the
    middle of a scan (measured: one scan in ten took ~50 ms more without this). From then on the
    collector only collects young objects by itself; full collections wait for an idle moment
    (`collect_when_idle`), never in the middle of a scan → print-ready."""
    gc.collect()
    gc.freeze()
    young, middle, _ = _GC_DEFAULTS
    gc.set_threshold(young, middle, _NO_AUTOMATIC_FULL)


def collect_when_idle(window: Any) -> Any:
    """Full collections on the UI thread while the counter is idle: 2 s after a bundle is shown (the
    clerk reads it) and once a minute, but only when no background task (a render, a card read)
    runs and the visit has not changed for 2 s (else tried again 2 s later). Returns the minute's
    timer (owned by ``window``)."""
    import time

    from PySide6.QtCore import QTimer

    from kakanai.ui.tasks import pending_tasks

    quiet = FULL_COLLECTION_AFTER_BUNDLE_MS / 1000
    last = [time.monotonic()]
    retry = QTimer(window)  # one pending try at a time
    retry.setSingleShot(True)
    retry.setInterval(FULL_COLLECTION_AFTER_BUNDLE_MS)

    def busy() -> None:
        last[0] = time.monotonic()

    def collect() -> None:
        if pending_tasks() or time.monotonic() - last[0] < quiet:
            retry.start()
            return
        gc.collect()

    retry.timeout.connect(collect)
    timer = QTimer(window)
    timer.setInterval(FULL_COLLECTION_EVERY_MS)
    timer.timeout.connect(collect)
    timer.start()
    controller = window.controller
    controller.visit_changed.connect(busy)
    controller.step_changed.connect(lambda _step: busy())
    controller.bundle_ready.connect(lambda _bundle: (busy(), retry.start()))
    return timer


def start_warm_up(services: Services) -> threading.Thread:
    """`warm_up` in a daemon thread; a failure is logged, never shown (the first scan then pays)."""
    def run() -> None:
        try:
            warm_up(services)
        except Exception as exc:  # noqa: BLE001 - a warm-up must never stop or bother the counter
            log.warning("warm-up failed (%s)", type(exc).__name__)
        freeze_start_up()

    thread = threading.Thread(target=run, name="kakanai-warm-up", daemon=True)
    thread.start()
    return thread


def _fatal(message: str) -> int:
    from kakanai.ui import dialogs

    print(message, file=sys.stderr)
    dialogs.inform_error(None, "kakanai を起動できません", message)
    return 2


def settings_for_tests(data_dir: Path, **values: Any) -> Settings:
    """Settings with a private data folder (used by tests and the self-test)."""
    from kakanai.settings import load_settings

    return load_settings([], {"data_dir": str(data_dir), **values})
