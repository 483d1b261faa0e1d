"""The UI is Japanese by default and English from Qt's translation file, with nothing untranslated."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kakanai.demo import demo_residents
from kakanai.domain.catalog import Catalog
from kakanai.domain.draft import OUTSIDE_NOTIFIER, Draft, from_document, member_count, member_path
from kakanai.domain.household_doc import household_to_document, parse_household
from kakanai.domain.phrases import PHRASE_TEXTS, REASON_TEXTS, reason_text
from kakanai.domain.planner import plan
from kakanai.domain.questions import DATE_LABELS, HOUSEHOLD_SPECS, MEMBER_SPECS, Reason, Why
from kakanai.domain.visit_session import STEP_LABELS
from kakanai.resources import resource
from kakanai.services.printing import REASONS, STATE_TEXTS, PrintState, PrintStatus
from kakanai.ui import domain_text
from kakanai.ui.i18n import install_translation, remove_translations
from kakanai.ui.presenters import procedure_rows, resident_name, resident_parts
from kakanai.ui.print_page import PrintPage
from kakanai.ui.printing import SAVE_AS_PDF
from kakanai.ui.start_page import StartPage
from tests.conftest import household_doc
from tests.ui.conftest import Counter
from tests.ui.driver import wait_until

K = Qt.Key


def test_english_replaces_the_japanese_labels(qapp) -> None:  # type: ignore[no-untyped-def]
    assert StartPage().next_button.text() == "次の方\u3000［F1］"
    assert install_translation(qapp, "en")
    try:
        assert StartPage().next_button.text() == "Next please  [F1]"
        assert PrintPage().print_button.text() == "Print all  [F5]"
    finally:
        remove_translations(qapp)


def test_every_ui_text_has_an_english_translation(tmp_path: Path) -> None:
    ui = sorted(str(p) for p in (Path(resource()).parent / "kakanai" / "ui").glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *ui, "-ts", str(fresh)], check=True, capture_output=True)
    sources = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    shipped = {m.findtext("source"): m.find("translation") for m in ET.parse(resource("translations", "kakanai_en.ts")).iter("message")}
    assert sources <= set(shipped), sources - set(shipped)
    unfinished = [s for s, t in shipped.items() if t is None or t.get("type") == "unfinished" or not t.text]
    assert unfinished == []


def _translations_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("translations", Path(resource()).parent / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_question_choice_reason_and_print_state_of_the_domain_has_english() -> None:
    # The list is made from the domain's own tables: a new question label, choice, kind of reason,
    # print state or printer state without English shows here (and in scripts/translations.py's report)
    texts = _translations_script().domain_texts()
    labels = {s.label for s in (*HOUSEHOLD_SPECS.values(), *MEMBER_SPECS.values())} | set(DATE_LABELS.values())
    choices = {text for s in (*HOUSEHOLD_SPECS.values(), *MEMBER_SPECS.values()) for _, text in s.choices}
    assert labels <= set(texts["Questions"]) and choices <= set(texts["Vocabulary"])
    assert set(Why) == set(REASON_TEXTS) and {REASON_TEXTS[why] for why in Why} <= set(texts["Questions"])
    assert set(PrintState) == set(STATE_TEXTS) and {STATE_TEXTS[state] for state in PrintState} <= set(texts["Status"])
    assert {t for t in REASONS.values() if t} <= set(texts["Status"])
    assert set(PHRASE_TEXTS.values()) <= set(texts["Reasons"])  # every phrase a plan's reasons can say
    assert set(STEP_LABELS.values()) <= set(texts["Steps"])  # the window's list of a visit's steps
    untranslated = [(c, s) for c, found in texts.items() for s, english in found.items() if not english]
    assert untranslated == []
    # And the shipped file carries each in its context, finished
    shipped = {(c.findtext("name"), m.findtext("source")): m.findtext("translation")
               for c in ET.parse(resource("translations", "kakanai_en.ts")).iter("context") for m in c.iter("message")}
    missing = [(c, s) for c, found in texts.items() for s in found if not shipped.get((c, s))]
    assert missing == []


REGISTER = ["世帯主, 妻, 子"]  # the relation is typed as the register writes it (the label gives examples)
JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _japanese_left(text: str, allowed: list[str]) -> list[str]:
    """The Japanese characters of a text once resident data and the city's own texts are taken out."""
    for word in sorted(allowed, key=len, reverse=True):
        text = text.replace(word, "")
    return JAPANESE.findall(text)


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    assert install_translation(qapp, "en")
    yield
    remove_translations(qapp)


def _problem_lines(counter: Counter) -> list[str]:
    listing = counter.window.review_page.problems
    return [listing.item(i).text() for i in range(listing.count())]


def test_an_interview_only_move_is_asked_and_reviewed_in_english(english: None, counter: Counter) -> None:
    # Given an English-speaking clerk and 佐藤 健, alone, moving within the city, with no QR code
    window, clerk, page = counter.window, counter.clerk, counter.window.intake_page
    catalog = counter.services.catalog
    titles = [p.title for p in catalog.procedures] + [f.title for f in catalog.forms.values()]  # the city's own words stay
    resident = ["佐藤", "健", "\u3000", "北海道見本市北4条東2丁目5番地", "北海道見本市北1条西1丁目1番地"]
    clerk.press(K.Key_F1)
    answers = [("choose", 2), ("ascii", "R8.6.15"), ("ascii", "1"), ("address", ("0900024", "2丁目5番地")),
               ("jp", "メゾン北4条 203"), ("address", ("090-0001", "1丁目1番地")), ("ascii", ""), ("jp", "佐藤 健"),
               ("jp", "さとう　けん"), ("ascii", "4080229"), ("choose", 0), ("jp", "世帯主"), ("choose", 1),
               ("choose", 0), ("ascii", ""), ("ascii", "080-2222-3333")]
    asked = []
    # When the clerk asks each question and picks from each list
    for kind, value in answers:
        assert window.stack.currentWidget() is page and page.error.text() == ""
        asked.append(page.question.text())
        assert _japanese_left(page.question.text(), resident + REGISTER) == [], page.question.text()
        assert page.reason.text() and _japanese_left(page.reason.text(), titles) == [], page.reason.text()
        # the answer's hint (a date's examples keep their 和暦 sample) and the resident bar too
        examples = ["令和8年4月1日", "山田 太郎", "やまだ たろう", "\u3000"]  # what the clerk types is Japanese
        assert _japanese_left(page.text.placeholderText(), examples) == [], page.text.placeholderText()
        assert _japanese_left(window.controller.describe(), resident) == [], window.controller.describe()
        if page.editor.currentWidget() is page.choice:
            shown = [page.choice.itemText(i) for i in range(page.choice.count())]
            assert _japanese_left(" ".join(shown), resident) == [], shown
        if kind == "address":
            clerk.postal_then_address(*value)  # type: ignore[misc]
        else:
            {"ascii": clerk.type_ascii, "jp": clerk.commit_japanese, "choose": clerk.choose}[kind](value)  # type: ignore[operator]
    # Then every question was in English (the person named by their name) and the interview is done
    assert asked[0].startswith("Kind of notification") and asked[1].startswith("Date of moving"), asked
    assert any(q.startswith("佐藤\u3000健: ") for q in asked), asked
    assert window.stack.currentWidget() is window.household_page
    assert window.controller.interview().draft["event"] == "move_within"
    # And the review's lines read English but for the city's procedure titles
    clerk.press(K.Key_F4)
    wait_until(lambda: window.controller.bundle is not None)
    for line in _problem_lines(counter):
        assert _japanese_left(line, resident + titles) == [], line


def test_an_unfinished_interview_is_listed_in_english(english: None, counter: Counter) -> None:
    # Given a birth of which only the event, the date and the headcount are known
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.choose(3)  # birth
    clerk.type_ascii("R8.6.10")
    clerk.type_ascii("2")
    # When the clerk goes to the review
    clerk.press(K.Key_F4)
    wait_until(lambda: window.review_page.problems.count() > 0)
    lines = _problem_lines(counter)
    # Then what is missing is named in English, the members by their place in the household
    assert "member 1: family name is missing" in lines and "member 2: date of birth is missing" in lines, lines
    assert [line for line in lines if _japanese_left(line, REGISTER)] == []


def _every_state() -> list[PrintStatus]:
    """Each print state with its parts: a printer's every reason, a failure by each refusal and by an
    error's own (English) text."""
    states = [PrintStatus(state, ("job-1",), count=3, printer="counter-1", detail="/srv/pdf/v1.pdf")
              for state in PrintState if state not in (PrintState.PRINTER_ALERT, PrintState.FAILED, PrintState.ERROR)]
    states += [PrintStatus(PrintState.PRINTER_ALERT, printer="counter-1", detail=code) for code, text in REASONS.items() if text]
    states += [PrintStatus(PrintState.FAILED, cause=cause) for cause in PrintState]
    return states + [PrintStatus(PrintState.FAILED, detail="Permission denied"), PrintStatus(PrintState.ERROR, detail="timeout")]


def test_the_print_service_s_states_read_japanese_as_the_service_words_them(qapp) -> None:  # type: ignore[no-untyped-def]
    # Without a translation the window shows each state exactly as the service words it
    assert [domain_text.status(state) for state in _every_state()] == [state.text for state in _every_state()]
    assert PrintStatus(PrintState.PRINTING, count=3).text == "印刷中です（残り 3 件）"
    assert PrintStatus(PrintState.PRINTER_ALERT, printer="窓口1", detail="media-jam").text == \
        "窓口1: 紙が詰まっています。詰まった紙を取り除いてください"
    assert PrintStatus(PrintState.FAILED, cause=PrintState.NO_SUCH_PRINTER).text == \
        "印刷できませんでした: そのプリンターは見つかりません。一覧から選び直してください"


def test_the_print_service_s_states_read_english(english: None) -> None:
    # Every state the print service reports, by its code (a new one without English shows here), with
    # its parts: the jobs still printing, the printer and what stops it, the refusal that failed a print
    shown = [domain_text.status(state) for state in _every_state()]
    assert [text for text in shown if JAPANESE.search(text)] == [], shown
    assert domain_text.status(PrintStatus(PrintState.PRINTING, count=3)) == "Printing (3 jobs to go)"
    assert domain_text.status(PrintStatus(PrintState.PRINTER_ALERT, printer="counter-1", detail="media-jam")) == \
        "counter-1: Paper jam. Remove the jammed paper"
    assert domain_text.status(PrintStatus(PrintState.FAILED, cause=PrintState.NOT_ACCEPTING)) == \
        "Could not print: The printer is not accepting jobs. Choose another printer, or call IT"


def test_why_a_question_is_asked_reads_english_by_its_kind(english: None) -> None:
    # Each kind of reason, with a title the city wrote (kept as it is), reads English; the Japanese
    # sentence is the domain's own (phrases.reason_text), never read back by the UI
    for why in Why:
        reason = Reason(why, "住民異動届")
        assert reason_text(reason) != domain_text.reason(reason)
        assert _japanese_left(domain_text.reason(reason), ["住民異動届"]) == [], domain_text.reason(reason)
    assert domain_text.reason(Reason(Why.FILL, "住民異動届")) == 'to fill in "住民異動届"'


def test_why_a_question_is_asked_reads_as_the_domain_words_it_in_japanese(qapp) -> None:  # type: ignore[no-untyped-def]
    for why in Why:
        assert domain_text.reason(Reason(why, "国民健康保険 加入")) == reason_text(Reason(why, "国民健康保険 加入"))
    # the sentences a Japanese clerk has always read
    assert [reason_text(Reason(why, "国民健康保険 加入")) for why in (Why.BASICS, Why.DECIDE, Why.CHANGE)] == \
        ["届出に必要な基本事項", "「国民健康保険 加入」が必要か判断するため", "変更する"]
    assert reason_text(Reason(Why.FILL, "住民異動届")) == "「住民異動届」に記入するため"


def test_an_answer_chosen_to_change_is_asked_again_in_english(english: None, counter: Counter) -> None:
    # Given an English-speaking clerk who has answered the kind of notification, the date and the headcount
    clerk, page = counter.clerk, counter.window.intake_page
    clerk.press(K.Key_F1)
    clerk.choose(2)
    clerk.type_ascii("R8.6.15")
    clerk.type_ascii("2")
    # When the clerk picks the answered kind of notification to change it
    listed = [page.answered_list.item(i) for i in range(page.answered_list.count())]
    event = next(item for item in listed if item.data(Qt.ItemDataRole.UserRole) == "event")
    page.answered_list.itemActivated.emit(event)
    # Then it is asked again, and why, in English; the answers listed read English too (the date as
    # the register writes it, 和暦)
    assert page.question.text().startswith("Kind of notification") and page.reason.text() == "to change it"
    assert [_japanese_left(item.text(), ["令和8年6月15日"]) for item in listed] == [[], [], []], [i.text() for i in listed]


def test_someone_from_outside_filing_is_named_in_english(english: None) -> None:
    # Given a daughter living elsewhere who reports her father's death (her name is resident data)
    draft = {"event": "death", "members[0].family": "佐藤", "members[0].given": "一郎", "member_count": 1,
             "notifier": OUTSIDE_NOTIFIER, "notifier.family": "田中", "notifier.given": "花子"}
    # Then the bar names her, and that she is from outside, in English
    assert dict(resident_parts(draft, ""))["Name"] == "田中\u3000花子 (Someone from outside)"
    assert resident_name(draft) == "田中\u3000花子（世帯外の方）"  # the visit's own record keeps the Japanese


def _draft(name: str) -> Draft:
    """An example household as the counter holds it."""
    return from_document(household_to_document(parse_household(household_doc(name)).household))


WAREKI = re.compile(r"(明治|大正|昭和|平成|令和)(元|\d+)年\d+月\d+日")  # dates stay 和暦 in both languages


@pytest.mark.parametrize("name", ["family_move_in", "birth", "death_of_head", "marriage", "single_move_within"])
def test_why_each_procedure_is_planned_reads_english(english: None, catalog: Catalog, name: str) -> None:
    # Given a household the checklist lists procedures for, under the shipped catalog
    draft = _draft(name)
    the_plan = plan(draft, catalog)
    names = [domain_text.member_of(draft, i) for i in range(member_count(draft) or 0)]
    relations = [str(draft.get(member_path(i, "relation")) or "") for i in range(member_count(draft) or 0)]
    # When the household page lists them in English
    rows = procedure_rows(the_plan, the_plan, draft, catalog)
    # Then whom and why read English: only names, relations as the register writes them, 和暦 dates
    # and the city's prefecture are left Japanese
    assert rows and all(why for *_, why, _kept in rows)
    for _key, _title, whom, _counter, why, _kept in rows:
        left = _japanese_left(WAREKI.sub("", f"{whom} {why}"), [*names, *relations, catalog.city.prefecture])
        assert left == [], (whom, why)


def test_a_household_procedure_s_subject_and_the_event_reason_read_english(english: None, catalog: Catalog) -> None:
    # Given a family of four moving in with a dog
    draft = _draft("family_move_in")
    rows = {key: (whom, why) for key, _title, whom, _counter, why, _kept in procedure_rows(
        plan(draft, catalog), plan(draft, catalog), draft, catalog)}
    # Then the dog's registration is the household's, for its dog; 住民異動届 is there for the event
    assert next(v for k, v in rows.items() if k.startswith("dog_registration_move_in")) == ("Household", "1 dog(s)")
    assert next(v for k, v in rows.items() if k.startswith("juminido_move_in"))[1] == "notification: moving in"


def test_a_member_s_reasons_read_english_with_their_name(english: None, catalog: Catalog) -> None:
    # Given a family moving in whose members' facts decide the procedures
    draft = _draft("family_move_in")
    whys = [why for *_, why, _kept in procedure_rows(plan(draft, catalog), plan(draft, catalog), draft, catalog)]
    # Then a member's reason is their name, then the facts in English, joined with commas
    assert any(re.search(r": in National Health Insurance, \d+ years old", why) for why in whys), whys


def test_the_japanese_reasons_are_the_domain_s(qapp, catalog: Catalog) -> None:  # type: ignore[no-untyped-def]
    # Given no translation installed, the checklist's reasons are the planner's own Japanese
    draft = _draft("family_move_in")
    the_plan = plan(draft, catalog)
    rows = procedure_rows(the_plan, the_plan, draft, catalog)
    assert [why for *_, why, _kept in rows] == [" / ".join(item.reasons) for item in the_plan.items]
    assert "世帯" in [whom for _k, _t, whom, *_ in rows]


def test_the_member_table_reads_english_and_an_english_choice_is_recorded(english: None, counter: Counter) -> None:
    # Given an English-speaking clerk and a family read from its code
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan(demo_residents()[1][1])
    table = window.household_page.members
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[5] == "Sex" and all(_japanese_left(h, []) == [] for h in headers), headers
    assert table.item(0, 5).text() in ("male", "female")
    # When the clerk chooses the other sex from the cell's English list
    other = "female" if table.item(0, 5).text() == "male" else "male"
    table.item(0, 5).setText(other)
    # Then the household records it by its code and the table shows it in English
    assert window.controller.interview().draft["members[0].sex"] == {"male": "M", "female": "F"}[other]
    assert table.item(0, 5).text() == other and window.household_page.notice.text() == ""


def test_a_code_that_cannot_be_read_is_said_in_english(english: None, counter: Counter) -> None:
    # Given an English-speaking clerk, When a broken KKN2 code is scanned
    window, clerk = counter.window, counter.clerk
    clerk.press(K.Key_F1)
    clerk.scan("KKN2")
    # Then the note says so in English
    wait_until(lambda: window.scan_note.text() != "")
    assert window.scan_note.text() == "Could not read the QR code", window.scan_note.text()


def _card_error_codes() -> set[str]:
    """Every code kakanai.card refuses a card with: CardError(message, "code") and the PC/SC table's
    (message, "code") pairs, read from its sources."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (Path(resource()).parent / "kakanai" / "card").glob("*.py"))
    return set(re.findall(r'[\u3000-\u9fff][^"]*"\)?,\s*"([a-z_]+)"\)', source)) | set(re.findall(r'\b[A-Z_]+, "([a-z_]+)"\)', source))


def test_every_card_problem_reads_english(english: None) -> None:
    # Each code the card reader refuses with has English (else the clerk reads the reader's Japanese)
    codes = _card_error_codes()
    assert {"no_card", "wrong_pin", "bad_birth", "no_service", "blocked"} <= codes
    assert [c for c in codes if domain_text.card_problem(c, "日本語") == "日本語"] == []
    assert domain_text.card_problem("wrong_pin", "暗証番号が違います", 2) == "Wrong PIN. 2 more wrong tries lock the card"


def test_saving_as_a_pdf_is_offered_in_english_and_chosen_by_its_name(english: None) -> None:
    # Given the print page offering a printer and saving as a PDF, the PDF chosen
    page = PrintPage()
    page.set_printers(["kakanai-letter", SAVE_AS_PDF], SAVE_AS_PDF)
    # Then the clerk reads English, and printing is asked of the same choice by its name
    assert page.printers.currentText() == "Save as a PDF file" and page.chosen_printer() == SAVE_AS_PDF
    page.printers.setCurrentIndex(0)
    assert page.chosen_printer() == "kakanai-letter"
