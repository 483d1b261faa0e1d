"""The counter window: header, step bar (F-keys), the pages, and the wiring to the controller."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kakanai.domain.draft import split_member_path
from kakanai.domain.questions import HOUSEHOLD_SPECS, MEMBER_SPECS
from kakanai.domain.visit_session import VisitSession
from kakanai.domain.visits import DROP_REASONS
from kakanai.domain.vocabulary import INSURANCE_LABELS, event_label, sex_code
from kakanai.services.documents import Bundle
from kakanai.services.printing import PrintStatus
from kakanai.ui import dialogs, domain_text
from kakanai.ui.add_procedure import AddProcedureDialog
from kakanai.ui.card_dialog import CardPlacement, ask_pin
from kakanai.ui.household_page import HouseholdPage
from kakanai.ui.intake_page import IntakePage
from kakanai.ui.presenters import (
    addable_groups,
    answered_rows,
    bring_lines,
    form_rows,
    member_rows,
    missing_lines,
    problem_lines,
    procedure_rows,
    resident_name,
    review_checks,
)
from kakanai.ui.print_page import PrintPage
from kakanai.ui.printing import PrintPlan, PrintRun, printer_names
from kakanai.ui.review_page import ReviewPage
from kakanai.ui.scan_catcher import ScanCatcher
from kakanai.ui.start_page import StartPage
from kakanai.ui.style import plain_text_only
from kakanai.ui.visit_controller import VisitController

STEP_KEYS = {"start": "F1", "intake": "F2", "household": "F3", "review": "F4", "print": "F5", "finish": "F6"}
FLOW = ("start", "intake", "household", "review", "print")
NOT_A_CODE = QT_TRANSLATE_NOOP("MainWindow", "QRコードではありません（住民の方のQRコードをもう一度読み取ってください）")


def beep(ok: bool) -> None:
    """Once for a code read, twice for a scan refused."""
    QApplication.beep()
    if not ok:
        QTimer.singleShot(180, QApplication.beep)


@dataclass
class WindowOptions:
    """What the window needs besides the controller."""

    counter_label: str = ""
    preferred_printer: str = ""
    save_folder: Path | None = None  # IT's pdf_save_dir; None: no 「PDFファイルに保存」
    print_plan: PrintPlan = field(default_factory=PrintPlan)  # IT's routes and take-home copies
    demo_residents: list[tuple[str, str]] = field(default_factory=list)
    geometry_file: Path | None = None  # where the window keeps its size and place between runs
    offered: list[VisitSession] = field(default_factory=list)  # open after a crash
    notice: str = ""  # open visits that could not be restored: told to the clerk at start
    status: Callable[[], str] = lambda: ""
    open_dashboard: Callable[[QWidget], object] = lambda parent: None  # supervisor's F10


class MainWindow(QMainWindow):
    """One visit at a time, keyboard first: F1 次の方 … F6 完了, F8 中断, F9 取消."""

    def __init__(self, controller: VisitController, options: WindowOptions) -> None:
        super().__init__()
        self.controller = controller
        self.options = options
        self.ask_pin: Callable[[QWidget], str | None] = ask_pin  # the resident types it (ui/card_dialog.py)
        self.suspended: list[VisitSession] = []
        self.scanners: list[object] = []  # serial/camera scanners kept alive with the window
        self.device_problem = ""
        self.dashboard: object | None = None
        self.add_dialog: AddProcedureDialog | None = None  # 手続を追加, while open
        self._pending_focus: QWidget | None = None  # the page shown, focused after the next redraw
        self.setWindowTitle(self.tr("kakanai 書かない窓口"))
        self.resize(1366, 768)
        self.sound: Callable[[bool], None] = beep  # every scan is heard: once read, twice refused
        self.start_page, self.intake_page = StartPage(), IntakePage()
        self.household_page, self.review_page, self.print_page = HouseholdPage(), ReviewPage(), PrintPage()
        self.pages = {"start": self.start_page, "intake": self.intake_page, "household": self.household_page,
                      "review": self.review_page, "print": self.print_page}
        self._build()
        plain_text_only(self)
        self._connect()
        self._shortcuts()
        self.catcher = ScanCatcher(self)
        self.catcher.scanned.connect(self._on_scan)
        self.start_page.set_demo_queue(options.demo_residents)
        self.print_page.set_printers(printer_names(options.save_folder is not None), options.preferred_printer)
        self.print_run = PrintRun(self)
        self.print_run.changed.connect(self._on_print_status)
        self.print_run.finished.connect(self._on_printed)
        self.timer = QTimer(self, interval=1000, timeout=self._tick)
        self.timer.start()
        self.card_watch: CardPlacement | None = None  # a card placed opens the PIN dialog (none: IT turned cards off)
        if controller.card is not None:
            self.card_watch = CardPlacement(controller.card, self)
            self.card_watch.placed.connect(self._on_card_placed)
            app = QApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.card_watch.stop)
        self._show("start")
        QTimer.singleShot(0, self._offer_recovery)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        header = QFrame(objectName="header")
        self.header_left = QLabel()
        self.header_right = QLabel(alignment=Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(header)
        row.addWidget(self.header_left, 1)
        row.addWidget(self.header_right)
        bar = QFrame(objectName="residentbar")
        self.resident = QLabel(objectName="resident")
        self.scan_note = QLabel(objectName="scannote", alignment=Qt.AlignmentFlag.AlignRight)
        bar_row = QHBoxLayout(bar)
        bar_row.setContentsMargins(8, 2, 8, 2)
        bar_row.addWidget(self.resident, 1)
        bar_row.addWidget(self.scan_note)
        self.steps = QListWidget(objectName="steps", focusPolicy=Qt.FocusPolicy.NoFocus)
        for step in FLOW + ("finish",):
            self.steps.addItem(f"{STEP_KEYS[step]}  {domain_text.step(step)}")
        if self.controller.card is not None:  # hidden when IT turned card reading off
            self.steps.addItem(self.tr("F7  カード読取"))
        self.steps.addItem(self.tr("F8  中断・再開"))
        self.steps.addItem(self.tr("F9  取消"))
        self.steps.addItem(self.tr("F10 集計（監督者）"))
        self.steps.setFixedWidth(200)
        self.steps.itemClicked.connect(lambda item: self._go_index(self.steps.row(item)))
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(bar)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        c = self.controller
        c.step_changed.connect(lambda step: self._show(step, refresh=False))  # visit_changed follows: one redraw
        c.visit_changed.connect(self._refresh)
        c.read.connect(lambda text: self._scan_outcome(text, True))
        c.refused.connect(lambda text: self._scan_outcome(text, False))
        c.card_read.connect(self._on_card_read)
        c.card_refused.connect(self.intake_page.show_error)
        c.other_household.connect(self._on_other_household)
        c.bundle_ready.connect(self._on_bundle)
        c.bundle_failed.connect(self._on_bundle_failed)
        self.start_page.next_requested.connect(self._on_next)
        self.start_page.resume_requested.connect(self._on_resume)
        self.start_page.demo_requested.connect(self._on_demo)
        self.intake_page.scanned.connect(self._on_scan)
        self.intake_page.scan.typed.connect(lambda text: self._scan_outcome(self.tr(NOT_A_CODE), False))
        self.intake_page.scan.rejected.connect(lambda text: self._scan_outcome(text, False))
        self.intake_page.answered.connect(self._on_answer)
        self.intake_page.answered_together.connect(self._on_answers)
        self.intake_page.town = lambda code: c.casework.postal.town(code)
        self.intake_page.revisit_requested.connect(self._on_revisit)
        self.household_page.member_edited.connect(self._on_member_edited)
        self.household_page.procedure_toggled.connect(self._on_toggle)
        self.household_page.add_requested.connect(self._on_add_procedure)
        self.review_page.jump_requested.connect(self._on_jump)
        self.review_page.identity_checked.connect(c.identity_checked)
        self.review_page.print_requested.connect(self._on_print_from_review)
        self.print_page.print_requested.connect(self._on_print)
        self.print_page.identity_then_print.connect(self._on_identity_then_print)
        self.print_page.retry_requested.connect(self._on_retry)
        self.print_page.finish_requested.connect(self._on_finish)
        self.print_page.identity_checked.connect(c.identity_checked)

    def _shortcuts(self) -> None:
        keys: dict[str, Callable[[], None]] = {
            "F1": self.start_page.take_ticket, "F2": self._on_f2, "F3": lambda: self._go("household"),
            "F4": lambda: self._go("review"), "F5": self._on_f5, "F6": self._on_finish, "F8": self._on_suspend,
            "F9": self._on_cancel, "F10": self._on_dashboard,
        }
        if self.controller.card is not None:
            keys["F7"] = self._on_card
        for key, handler in keys.items():
            QShortcut(QKeySequence(key), self, handler, context=Qt.ShortcutContext.ApplicationShortcut)

    # -- navigation ----------------------------------------------------------------------
    def _go_index(self, row: int) -> None:
        handlers = [lambda: self._on_next(""), lambda: self._go("intake"), lambda: self._go("household"),
                    lambda: self._go("review"), lambda: self._go("print"), self._on_finish,
                    *([self._on_card] if self.controller.card is not None else []), self._on_suspend,
                    self._on_cancel, self._on_dashboard]
        handlers[row]()

    def _on_card_read(self, text: str) -> None:
        """The card filled what it knows: the interview goes on at its next question."""
        self.intake_page.show_status(text)
        self.intake_page.prefer_scan = False
        self.intake_page.focus_default()

    def _on_card(self) -> None:
        """F7: the resident's My Number card fills name, birth date, sex and the address left."""
        pin = self.ask_pin(self)
        self.activateWindow()  # back from the resident's PIN dialog
        if pin:
            self.controller.read_card(pin)  # starts a visit when none is open
            self.intake_page.show_status(self.tr("カードを読み取っています…"))
        self.intake_page.focus_default()

    def _on_card_placed(self, reader: str = "") -> None:
        """A card newly placed on the reader: idle or in the interview, the PIN dialog opens as F7 opens
        it; on 世帯・手続 or the review only a hint (the clerk decides); never over a dialog, the print
        page, the supervisor's dashboard or a read under way."""
        dashboard = self.dashboard
        if (QApplication.activeModalWidget() is not None or self.add_dialog is not None or self.controller.card_busy
                or (isinstance(dashboard, QWidget) and dashboard.isVisible() and dashboard.isActiveWindow())):
            return
        page = self.stack.currentWidget()
        if page is self.start_page or page is self.intake_page:
            self._on_card()
        elif page is self.review_page or page is self.household_page:
            self.scan_note.setObjectName("ok")
            self.scan_note.setStyleSheet("")
            self.scan_note.setText(self.tr("カードが置かれました（読み取るときは F7）"))

    def _on_f2(self) -> None:
        """F2: edit the chosen member's cell when in the members table, else the interview."""
        if self.household_page.members.hasFocus():
            self.household_page.edit_current()
        else:
            self._go("intake")

    def _go(self, step: str) -> None:
        if self.controller.session is None:
            return
        self.controller.go(step)

    def _show(self, step: str, refresh: bool = True) -> None:
        """Show a step's page; from the controller's step_changed the redraw (and then the page's focus)
        waits for the visit_changed that always follows, so a step change redraws once, not twice."""
        page = self.pages.get(step, self.start_page)
        self.stack.setCurrentWidget(page)
        self.steps.setCurrentRow(list(STEP_KEYS).index(step) if step in STEP_KEYS else 0)
        if step == "review":
            self.review_page.set_identity(self.controller.session.identity if self.controller.session else "")
            self.review_page.show_rendering()
            self.controller.render()
        elif step == "print" and self.controller.session is not None:
            self.print_page.new_visit(self.controller.session.identity)
        elif step == "start":
            self.scan_note.clear()  # the last resident's scan says nothing about the next one
            self.start_page.show_scan("", True)
            self.review_page.clear()  # the visit is over or waits: its forms leave the screen and memory
            self.print_run.stop()
        self._pending_focus = page
        if refresh:
            self._refresh()

    def _refresh(self) -> None:
        """Redraw everything from the visit; then the page just shown takes its focus."""
        self._redraw()
        page, self._pending_focus = self._pending_focus, None
        if page is not None:
            page.focus_default()

    def _redraw(self) -> None:
        session = self.controller.session
        self._tick()
        waiting = (self.tr("受付待ち（QRコードを読み取るか、マイナンバーカードを置くと受付を始めます）")
                   if self.card_watch is not None and self.card_watch.watch is not None
                   else self.tr("受付待ち（QRコードを読み取ると受付を始めます）"))
        self.resident.setText(self.controller.describe() if session else waiting)
        if session is None:
            self.start_page.set_suspended([(s, self.controller.describe(s)) for s in self.suspended])
            return
        interview = self.controller.interview()
        draft = interview.draft
        names = [row["family"] + "　" + row["given"] for row in member_rows(draft)]
        self.intake_page.show_state(interview.questions(), answered_rows(session, draft), names, interview.remaining())
        self.household_page.show_members(member_rows(draft))
        rules, final = interview.plan(), self.controller.plan()
        self.household_page.show_procedures(procedure_rows(rules, final, draft, self.controller.casework.catalog))
        missing = len(interview.questions())
        notice = self.tr("まだ入力されていない項目が {0} 件あります（F2）").format(missing) if missing else ""
        self.household_page.show_bring(bring_lines(final), "\n".join(filter(None, [notice, *self.controller.warnings])))
        if self.controller.bundle is None:  # once made, the page says what the bundle holds and how printing goes
            self.print_page.show_summary(self.tr("手続 {0} 件。様式とお手続き案内を印刷します。").format(len(final.items)))

    def _tick(self) -> None:
        session = self.controller.session
        counter = self.options.counter_label
        if session is None:
            self.header_left.setText(self.tr("kakanai 書かない窓口　{0}　受付待ち").format(counter))
        else:
            minutes, seconds = divmod(int(self.controller.elapsed()), 60)
            ticket = self.tr("　整理券 {0}").format(session.ticket) if session.ticket else ""
            self.header_left.setText(self.tr("kakanai　{0}{1}　経過 {2}").format(counter, ticket, f"{minutes}:{seconds:02d}"))
        self.header_right.setText("　".join(filter(None, [self.device_problem, self.options.status()])))

    def show_for_counter(self) -> None:
        """Open as the clerk left it last time, else maximized (the counter PC's whole screen)."""
        file = self.options.geometry_file
        try:
            saved = file.read_bytes() if file is not None and file.exists() else b""
        except OSError:
            saved = b""
        if saved and self.restoreGeometry(QByteArray(saved)):
            self.show()
        else:
            self.showMaximized()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's size and place (no resident data) for the next start; stop watching
        the card reader (its thread ends here, not at exit)."""
        if self.card_watch is not None:
            self.card_watch.stop()
        if self.options.geometry_file is not None:
            try:
                self.options.geometry_file.write_bytes(bytes(self.saveGeometry().data()))
            except OSError:
                pass  # a read-only folder: the window opens maximized next time
        super().closeEvent(event)

    def show_device_problem(self, text: str) -> None:
        """A scanner or camera problem, shown in the header until the next one."""
        self.device_problem = text
        self._tick()

    # -- handlers ------------------------------------------------------------------------
    def _on_next(self, ticket: str) -> None:
        if self.controller.session is not None:
            if not dialogs.confirm(self, self.tr("次の方"), self.tr("いまの方の受付を中断して、次の方を受け付けますか？\n"
                                                                   "いまの方: {0}").format(self.controller.describe())):
                return
            self._on_suspend()
        self.intake_page.new_visit()
        self.scan_note.clear()
        self.controller.start(ticket)

    def _on_demo(self, text: str) -> None:
        self._on_scan(text)  # as a scanner would: the scan field stays empty

    def _on_scan(self, text: str) -> None:
        """A scan from any page: between visits it starts one; during a visit the controller asks."""
        if self.controller.session is None:
            self.intake_page.new_visit()
        self.controller.scanned(text)

    def _scan_outcome(self, text: str, ok: bool) -> None:
        """What a scan came to, by the scan field, in the bar and aloud."""
        (self.intake_page.show_status if ok else self.intake_page.show_error)(text)
        self.start_page.show_scan(text, ok)
        self.scan_note.setObjectName("ok" if ok else "error")
        self.scan_note.setStyleSheet("")  # re-polish for the new object name
        self.scan_note.setText(text.splitlines()[0] if text else "")
        self.sound(ok)

    def _on_other_household(self, intake: object) -> None:
        h = intake.household  # type: ignore[attr-defined]
        read = self.tr("{0}　{1}人　{2}").format(domain_text.vocabulary(h.event.label), len(h.members),
                                               resident_name(intake.draft))  # type: ignore[attr-defined]
        if dialogs.confirm(self, self.tr("別の方のQRコード"), self.tr(
                "いま受付中の方とは別のQRコードかもしれません。\nいまの方: {0}\n読み取った方: {1}\n\n"
                "いまの方を中断して、読み取った方の受付を新しく始めますか？").format(self.controller.describe(), read)):
            self.suspended.append(self.controller.session)  # type: ignore[arg-type]
            self.intake_page.new_visit()
            self.controller.take_other(intake)  # type: ignore[arg-type]
        else:
            self._scan_outcome(self.tr("読み取ったQRコードは使いませんでした（いまの方の受付を続けます）"), False)

    def _on_resume(self, session: VisitSession) -> None:
        if self.controller.session is not None:
            return
        self.suspended.remove(session)
        self.scan_note.clear()
        self.controller.adopt(session, after_restart=False)

    def _on_suspend(self) -> None:
        """F8: the visit waits; between visits, F8 goes to the waiting list (Enter resumes the one named)."""
        session = self.controller.session
        if session is not None:
            self.suspended.append(session)
            self.controller.suspend()
            self.start_page.show_scan(self.tr("中断しました（F8 で選んで再開）"), True)
        elif self.suspended:
            self.start_page.focus_suspended()

    def _on_dashboard(self) -> None:
        """F10: the supervisor's dashboard, behind its password (kept open beside the counter)."""
        window = self.options.open_dashboard(self)
        if window is not None:
            self.dashboard = window

    def _on_cancel(self) -> None:
        if self.controller.session is not None and dialogs.confirm(
                self, self.tr("取消"), self.tr("この方の受付を取り消しますか？（記録には「取消」と残ります）\n{0}")
                .format(self.controller.describe())):
            self.controller.cancel()
            self.start_page.show_scan(self.tr("取り消しました"), True)

    def _on_finish(self) -> None:
        if self.controller.session is None:
            return
        if not self.controller.has_household():
            dialogs.inform_error(self, self.tr("完了"), self.tr("まだ届出の内容がありません。受付をやめるときは「取消」（F9）です。"))
            return
        if self.controller.bundle is None and not dialogs.confirm(
                self, self.tr("完了"), self.tr("まだ印刷していません。完了にしますか？\n{0}").format(self.controller.describe())):
            return
        minutes, seconds = divmod(int(self.controller.elapsed()), 60)
        self.controller.finish()
        self.start_page.show_scan(self.tr("完了しました（所要 {0}）").format(f"{minutes}:{seconds:02d}"), True)

    def _on_f5(self) -> None:
        if self.stack.currentWidget() is self.print_page and self.controller.bundle is not None:
            self._on_print(self.print_page.chosen_printer())
        else:
            self._go("print")

    def _on_toggle(self, key: str, keep: bool) -> None:
        """A procedure kept or dropped; a drop asks why (kept as a code in the visit log)."""
        reason = ""
        if not keep:
            choice = dialogs.choose(self, self.tr("手続をやめる理由"), self.tr("この手続を今回行わない理由を選んでください。"),
                                    list(DROP_REASONS.items()))
            if choice is None:
                self._refresh()  # not dropped after all: the tick comes back
                return
            reason = choice
        self.controller.toggle(key, keep, reason)

    def _on_add_procedure(self) -> None:
        """Insert: search the procedures of this event by counter, choose for whom, add."""
        if self.controller.session is None:
            return
        draft = self.controller.interview().draft
        items, count = self.controller.plan().items, len(member_rows(draft))
        # planned: a per-person procedure only once everyone has it (印鑑登録 for the wife too)
        planned = {p.id for p in items if p.procedure.definition.scope != "each_member"} | {
            p.id for p in items if len({s for q in items if q.id == p.id for s in q.subjects}) >= count}
        event = draft.get("event")
        groups = addable_groups(self.controller.casework.catalog, event, planned)
        names = [f"{row['family']}　{row['given']}".strip() or self.tr("{0}人目").format(i + 1)
                 for i, row in enumerate(member_rows(draft))]
        dialog = AddProcedureDialog(self, groups, names, domain_text.vocabulary(event_label(event)) if event else "")
        dialog.chosen.connect(self._on_procedure_chosen)
        dialog.finished.connect(lambda _: self._after_add(dialog))
        self.add_dialog = dialog
        dialog.open()

    def _after_add(self, dialog: AddProcedureDialog) -> None:
        """Back on the checklist (on the row added, if any) for the next key."""
        dialog.deleteLater()
        self.add_dialog = None
        self.activateWindow()
        self.household_page.procedures.setFocus()

    def _on_procedure_chosen(self, procedure_id: str, members: list[int]) -> None:
        self.controller.add(procedure_id, members)
        self.household_page.select_procedure(procedure_id)

    def _on_answer(self, path: str, raw: object) -> None:
        error = self.controller.answer(path, raw)
        self.intake_page.show_error(error)
        if not error and self.stack.currentWidget() is self.intake_page:  # all answered: 世帯・手続 has the focus
            self.intake_page.focus_default()

    def _on_answers(self, answers: list[tuple[str, object]]) -> None:
        """One text that answered two questions (氏名, 郵便番号と住所): in order, up to the first refused."""
        error = ""
        for path, raw in answers:
            error = self.controller.answer(path, raw)
            if error:
                break
        self.intake_page.show_error(error)
        if self.stack.currentWidget() is self.intake_page:
            self.intake_page.focus_default()

    def _on_revisit(self, path: str) -> None:
        interview = self.controller.interview()
        self.intake_page.ask(interview.question(path), current=interview.draft.get(path))
        self.intake_page.focus_default()

    def _on_member_edited(self, index: int, key: str, text: str) -> None:
        raw: object = text
        if key == "sex":
            raw = sex_code(text)
        if key == "insurance":
            raw = next((v for v, label in self._insurance_choices() if label == text), text)
        error = self.controller.answer(f"members[{index}].{key}", raw)
        if error:
            self._refresh()  # put the table back as it was, then say why
        self.household_page.show_bring(bring_lines(self.controller.plan()), error)

    @staticmethod
    def _insurance_choices() -> list[tuple[str, str]]:
        return list(INSURANCE_LABELS.items())

    def _on_jump(self, path: str) -> None:
        where = split_member_path(path)
        if where is not None and where[1] in {"family", "given", "family_kana", "given_kana", "birth", "relation"}:
            self.controller.go("household")
            self.household_page.focus_member(*where)
        else:
            self.controller.go("intake")
            if path in HOUSEHOLD_SPECS or (where is not None and where[1] in MEMBER_SPECS):
                self._on_revisit(path)  # that very question, with what it holds now

    def _on_bundle(self, bundle: Bundle) -> None:
        report, draft = bundle.report, self.controller.interview().draft if self.controller.session else {}
        problems = problem_lines(report.unprintable, draft)
        problems += [(self.tr("{0}: 「{1}」が空欄です").format(f.title, m), "") for f in report.forms for m in f.missing]
        if self.controller.session is not None:
            household = self.controller.household().household  # a bundle was made: it is complete
            # late deadlines as the planner found them on the visit day
            problems = review_checks(draft, self.controller.plan(), household,
                                     self.controller.session.visit_date) + problems
        forms = self.controller.casework.catalog.forms
        rows = form_rows([(f.title, f.page_numbers, forms[f.form_id].signature) for f in report.forms], report.pages)
        self.review_page.show_bundle(bundle.pdf, report.pages, problems, rows)
        self.print_run.stop()  # a new bundle is printed anew
        self.print_page.show_summary(self.tr("様式 {0} ページ（お手続き案内を含む）を印刷します。").format(report.pages))
        if self.stack.currentWidget() is self.review_page:
            self.review_page.focus_default()  # problems first, else the 本人確認

    def _on_bundle_failed(self, text: str) -> None:
        """No bundle: what is still to ask, named as the interview asks it (Enter goes there)."""
        missing = missing_lines(self.controller.questions()) if self.controller.session is not None else []
        self.review_page.show_problems(missing or [(text, "")])
        self.review_page.status.setText(self.tr("まだ様式を作れません"))

    def _on_print(self, printer: str) -> None:
        bundle = self.controller.bundle
        if bundle is None:
            self.print_page.show_status(self.tr("先に「確認」（F4）で様式を作ってください"), ok=False)
            return
        if not self.print_page.identity_done():
            self.print_page.show_status(self.tr("先に本人確認をして、確認した書類を選んでください"), ok=False)
            self.print_page.identity.setFocus()
            return
        if not printer:
            self.print_page.show_status(self.tr("使えるプリンターがありません（情報システム係に連絡してください）"), ok=False)
            return
        if bundle.report.unprintable and not dialogs.confirm(
                self, self.tr("外字"), self.tr("印刷できない文字があります。このまま印刷しますか？（手書きで補ってください）")):
            return
        if self.print_run.busy:
            return  # handed over and going: pressing again would print twice
        if self.print_run.failed and self.print_run.bundle is bundle:
            self._on_retry(printer)
            return
        if self.print_run.bundle is bundle and not dialogs.confirm(
                self, self.tr("印刷"), self.tr("この様式はもう印刷しました。もう一度すべて印刷しますか？\n{0}")
                .format(self.controller.describe())):
            return  # a second F5 by habit never prints the bundle twice without asking
        self.controller.printing()  # the visit's printing time: submitted → done
        self.print_run.start(bundle, printer, self.options.print_plan, self.options.save_folder)

    def _on_print_from_review(self) -> None:
        """本人確認 chosen with Enter on the review: on to 印刷・署名, printing at once."""
        if self.controller.bundle is None:
            return  # still being made: the choice is kept, F5 prints once it is there
        self._go("print")
        self._on_identity_then_print(self.print_page.chosen_printer())

    def _on_identity_then_print(self, printer: str) -> None:
        """本人確認 chosen with Enter: print this bundle, unless it is printing or printed already."""
        if self.controller.bundle is not None and self.print_run.bundle is not self.controller.bundle:
            self._on_print(printer)

    def _on_retry(self, printer: str) -> None:
        self.print_run.retry(printer, self.options.print_plan, self.options.save_folder)

    def _on_print_status(self, status: PrintStatus) -> None:
        problem = status.phase == "problem"
        self.print_page.show_status(domain_text.status(status), ok=not problem, retry=problem)

    def _on_printed(self) -> None:
        self.controller.printed()  # redraws the page: say again that it printed
        if self.print_run.last is not None:
            self._on_print_status(self.print_run.last)
        self.print_page.finish_button.setFocus()

    def _offer_recovery(self) -> None:
        """After a crash: offer each open visit; a declined one is closed as 中断終了, and visits
        beyond the one resumed wait in the suspended list (nothing is closed without asking). Visits
        that could not be restored are announced first."""
        if self.options.notice:
            dialogs.inform_error(self, self.tr("前回の受付を復元できません"), self.options.notice)
            self.device_problem = self.tr("前回の受付を復元できませんでした（情報システム係へ）")
        for session in self.options.offered:
            started = session.started_at.astimezone().strftime("%H:%M")
            who = self.tr("{0} 開始　{1}").format(started, self.controller.describe(session))
            if self.controller.session is not None:
                self.controller.park_crashed(session)
                self.suspended.append(session)
            elif dialogs.confirm(self, self.tr("前回の受付"), self.tr("前回、終了していない受付があります。再開しますか？\n{0}\n"
                                                                      "（いいえ: 記録を「中断終了」として閉じます）").format(who)):
                self.controller.adopt(session, after_restart=True)
            else:
                self.controller.close_crashed(session)
        self.options.offered = []
        self._refresh()
