"""The domain's words in the UI language, worded from the domain's data, never read back from its
Japanese: question labels ("Questions") by their table text and, for a member, by their parts (the
name is resident data and stays); why a question is asked by its `Reason` (a kind and the city's
title); choice texts ("Vocabulary"); the print service's states ("Status") by their `PrintState` and
parts; why a plan item is there ("Reasons") by its phrases' codes and values. Every template comes from the domain's or the service's own table, translated by Qt;
scripts/translations.py lists them all from those tables, with English for each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kakanai.domain.draft import Draft, split_member_path
from kakanai.domain.interview import Question, known_name, question_label
from kakanai.domain.phrases import PHRASE_TEXTS, REASON_TEXTS, Phrase, ReasonLine
from kakanai.domain.planner import PlannedProcedure
from kakanai.domain.problems import MAX_PROBLEMS_SHOWN, InvalidInput, Problem
from kakanai.domain.questions import MEMBER_SPECS, Reason
from kakanai.domain.visit_session import STEP_LABELS
from kakanai.services.printing import PrintStatus, state_text


def question(text: str) -> str:
    """A whole label of the domain's tables (異動日, 届出人（世帯外の方）の氏 …) in the UI language."""
    return QCoreApplication.translate("Questions", text)


def vocabulary(text: str) -> str:
    """A choice's text (男, 国民健康保険, はい …) in the UI language."""
    return QCoreApplication.translate("Vocabulary", text)


def status(state: PrintStatus) -> str:
    """The print service's state in the UI language, worded from its code and parts (an error's own
    text, a printer's name and a saved file's path as they are)."""
    return state_text(state, lambda text: QCoreApplication.translate("Status", text))


def member(index: int, name: str) -> str:
    """A member as the interview names them: their name as it is, or 「世帯員2」 (translated) while
    it is not known (``name`` "")."""
    return name or QCoreApplication.translate("Questions", "世帯員{0}").format(index + 1)


def member_of(draft: Draft, index: int) -> str:
    """A member of a draft, named as the interview names them (see `member`)."""
    return member(index, known_name(draft, index))


def label(asked: Question) -> str:
    """The label a question is asked by (「山田　花子さんの氏」, 転居日, …) in the UI language."""
    where = split_member_path(asked.path)
    if where is None:
        return question(asked.label)  # a table's label (a date's named by its event: DATE_LABELS)
    return QCoreApplication.translate("Questions", "{0}さんの{1}").format(member(where[0], asked.person),
                                                                       question(asked.spec.label))


def field(path: str, draft: Draft) -> str:
    """The label of a draft path as the interview asks it (review lines name a field so); KeyError
    for a path no question asks."""
    where = split_member_path(path)
    if where is None:
        return question(question_label(path, draft))
    return QCoreApplication.translate("Questions", "{0}さんの{1}").format(member_of(draft, where[0]),
                                                                       question(MEMBER_SPECS[where[1]].label))


def stem(asked: Question, whole: str) -> str:
    """Whose name a paired name question asks (「山田　花子さんの」); ``whole`` is the stem of a
    label that names no member (「届出人（世帯外の方）の」)."""
    where = split_member_path(asked.path)
    if where is not None:
        return QCoreApplication.translate("Questions", "{0}さんの").format(member(where[0], asked.person))
    return question(whole) if whole else ""


def reason(why: Reason) -> str:
    """Why the interview asks, worded by its kind; the form's or procedure's title is the city's."""
    return QCoreApplication.translate("Questions", REASON_TEXTS[why.why]).format(title=why.title)


def phrase(said: Phrase) -> str:
    """One reason a plan item is there (「国民健康保険に加入中」) in the UI language, worded from its
    code; its values (ages, 和暦 dates, the prefecture) as they are."""
    return QCoreApplication.translate("Reasons", PHRASE_TEXTS[said.code]).format(*said.values)


def reason_line(line: ReasonLine) -> str:
    """A line of a plan item's reasons: 「山田　キヨ: 75歳、後期高齢者医療に加入中」 / "山田　キヨ: 75
    years old, in late-stage elderly medical care" (the name is resident data and stays)."""
    said = QCoreApplication.translate("Reasons", "、").join(phrase(p) for p in line.phrases)
    if line.member is None:
        return said
    return QCoreApplication.translate("Reasons", "{0}: {1}").format(member(line.member, line.name), said)


def reasons(item: PlannedProcedure) -> str:
    """Why a plan item is there, every line, in the UI language (the checklist's 理由 column)."""
    return " / ".join(reason_line(line) for line in item.said)


def step(code: str) -> str:
    """A step of a visit (受付, 読取・聞き取り …) in the UI language; an unknown code as it is."""
    return QCoreApplication.translate("Steps", STEP_LABELS[code]) if code in STEP_LABELS else code


def problem(found: Problem) -> str:
    """A problem's message in the UI language: its English where it has one and English is shown."""
    return found.message_en if found.message_en and in_english() else found.message_ja


def clerk_message(refused: InvalidInput) -> str:
    """An input's problems for the clerk, in the UI language: a title line and a line per problem
    (in English each problem's English, the title from the few the window shows)."""
    if not in_english():
        return refused.clerk_message()
    title = QCoreApplication.translate("Problems", refused.title_ja)
    lines = [title if title != refused.title_ja else "The input has errors"]
    for found in refused.problems[:MAX_PROBLEMS_SHOWN]:
        lines.append(f"・{found.path}: {problem(found)}" if found.path else f"・{problem(found)}")
    if len(refused.problems) > MAX_PROBLEMS_SHOWN:
        lines.append(f"・{len(refused.problems) - MAX_PROBLEMS_SHOWN} more")
    return "\n".join(lines)


MALFORMED_CODES = ("short_tlv", "bad_length", "not_basic_four", "truncated", "bad_my_number", "empty_name", "bad_birth",
                   "bad_sex")  # the card's record is not as expected
# The card reader's problems by code (kakanai.card: CardError.code); English from scripts/translations.py
CARD_CODES = ("no_pcsc", "no_service", "no_reader", "reader_gone", "removed", "no_card", "unresponsive", "in_use",
              "service_lost", "pcsc_error", "several", "short_response", "wrong_card", "no_pin_file", "no_record",
              "blocked", "verify_failed", "read_failed", "wrong_pin", "pin_format", *MALFORMED_CODES)


def card_problem(code: str, message_ja: str, tries: int = 0) -> str:
    """Why the card could not be read: the reader's own Japanese (with its details), or in English
    by its code ({0}: tries left before a wrong PIN locks the card)."""
    if not in_english() or code not in CARD_CODES:
        return message_ja
    return QCoreApplication.translate("CardErrors", code).format(tries)


def in_english() -> bool:
    """Whether the English translation is installed (then a domain problem shows its English message)."""
    return QCoreApplication.translate("Language", "日本語") == "English"
