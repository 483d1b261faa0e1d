"""The domain's Japanese words in the UI language: question labels ("Questions"), choice texts
("Vocabulary") and services' statuses ("Status") go through Qt's translation by context; labels
that name a person are translated by their parts (the name itself is resident data and stays).
scripts/translations.py lists every such text from the domain's own tables."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kakanai.domain.questions import DATE_LABELS, QuestionSpec

_MEMBER = re.compile(r"世帯員(\d+)")
_OF = "さんの"


def question(text: str) -> str:
    """A whole label of the domain (異動日, 届出人（世帯外の方）の氏 …) in the UI language."""
    return QCoreApplication.translate("Questions", text)


def vocabulary(text: str) -> str:
    """A choice's text (男, 国民健康保険, はい …) in the UI language."""
    return QCoreApplication.translate("Vocabulary", text)


# the print service's own states (kakanai/services/cups.py); the printer's reasons come from its REASONS
QT_TRANSLATE_NOOP("Status", "印刷が取り消されました。［再試行］で印刷し直してください")
QT_TRANSLATE_NOOP("Status", "印刷が終わりました。署名をお願いします")
QT_TRANSLATE_NOOP("Status", "プリンターが受け付けました。印刷を待っています")
_PRINTING = re.compile(r"印刷中です（残り ([0-9]+) 件）")


def status(text: str) -> str:
    """A service's status line in the UI language (unknown texts, e.g. an error's own, as they are)."""
    if found := _PRINTING.fullmatch(text):
        return QCoreApplication.translate("Status", "印刷中です（残り {0} 件）").format(found[1])
    return QCoreApplication.translate("Status", text)


def person(name: str) -> str:
    """A member as the interview names them: a resident's name as it is, 「世帯員2」 translated."""
    found = _MEMBER.fullmatch(name)
    return QCoreApplication.translate("Questions", "世帯員{0}").format(found[1]) if found else name


def label(text: str, spec: QuestionSpec) -> str:
    """A label as the interview composed it (「山田　花子さんの氏」, 転居日, …) in the UI language."""
    if text == spec.label or text in DATE_LABELS.values():
        return question(text)
    if text.endswith(_OF + spec.label):
        return QCoreApplication.translate("Questions", "{0}さんの{1}").format(
            person(text.removesuffix(_OF + spec.label)), question(spec.label))
    return text


def stem(text: str) -> str:
    """Whose name a paired name question asks (「山田　花子さんの」, 「届出人（世帯外の方）の」)."""
    if text.endswith(_OF):
        return QCoreApplication.translate("Questions", "{0}さんの").format(person(text.removesuffix(_OF)))
    return question(text) if text else ""


def in_english() -> bool:
    """Whether the English translation is installed (then a domain problem shows its English message)."""
    return QCoreApplication.translate("Language", "日本語") == "English"


_FILL = re.compile(r"「(.+)」に記入するため")
_DECIDE = re.compile(r"「(.+)」が必要か判断するため")


def reason(text: str) -> str:
    """Why the interview asks (届出に必要な基本事項, 「form title」に記入するため); the title is the city's."""
    if text == "届出に必要な基本事項":
        return QCoreApplication.translate("Questions", "届出に必要な基本事項")
    if found := _FILL.fullmatch(text):
        return QCoreApplication.translate("Questions", "「{0}」に記入するため").format(found[1])
    if found := _DECIDE.fullmatch(text):
        return QCoreApplication.translate("Questions", "「{0}」が必要か判断するため").format(found[1])
    return text
