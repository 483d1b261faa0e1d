"""What the interview may ask: one spec per draft key, and how an answer is checked and normalised.

Answers are normalised to the KKN1 wire format (ISO dates, katakana, ``NNN-NNNN``), so a draft
filled by interview and one read from a QR code are the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kakanai.domain.draft import OUTSIDE_NOTIFIER
from kakanai.domain.household_doc import MAX_MEMBERS, MAX_STRING, check_characters, check_year, is_blank
from kakanai.domain.kana import is_katakana, normalize_digits, normalize_phone, normalize_postal, to_katakana
from kakanai.domain.problems import DomainValueError
from kakanai.domain.vocabulary import EVENT_LABELS, INSURANCE_LABELS, INSURED_KIND_LABELS, SEX_LABELS
from kakanai.domain.wareki import parse_date

_YES = {"はい", "有", "あり", "yes", "y", "1", "true"}
_NO = {"いいえ", "無", "なし", "no", "n", "0", "false"}


@dataclass(frozen=True)
class QuestionSpec:
    """How to ask for one key: label, kind of answer and, for choices, the (value, label) pairs."""

    key: str
    label: str
    kind: str  # choice, date, text, kana, postal, phone, int, bool, notifier
    choices: tuple[tuple[str, str], ...] = ()
    low: int = 0
    high: int = 99
    optional: bool = False  # asked when a form prints it; Enter on an empty answer means "none"



class Why(StrEnum):
    """The kinds of reason the interview gives for a question (their words: phrases.REASON_TEXTS)."""

    BASICS = "basics"  # what every notification needs (届出に必要な基本事項)
    FILL = "fill"  # a planned form prints it: the form's title
    DECIDE = "decide"  # whether a procedure is needed depends on it: the procedure's title
    CHANGE = "change"  # the clerk chose an answered item to change it


@dataclass(frozen=True)
class Reason:
    """Why a question is asked, as data: its kind and the title it names (a form's or a procedure's,
    as the city wrote it; "" for a kind that names none)."""

    why: Why
    title: str = ""

HOUSEHOLD_SPECS: dict[str, QuestionSpec] = {s.key: s for s in (
    QuestionSpec("event", "届出の種類", "choice", tuple((e.value, label) for e, label in EVENT_LABELS.items())),
    QuestionSpec("date", "異動日", "date"),
    QuestionSpec("member_count", "届出の対象になる人数", "int", low=1, high=MAX_MEMBERS),
    QuestionSpec("whole", "世帯全員の異動か（残る方がいれば「いいえ」で、残る方も人数に含めます）", "bool", optional=True),
    QuestionSpec("new.postal", "新しい住所の郵便番号", "postal"),
    QuestionSpec("new.address", "新しい住所", "text"),
    QuestionSpec("new.building", "新しい住所の方書（建物名・部屋番号）", "text", optional=True),
    QuestionSpec("old.postal", "前の住所の郵便番号", "postal"),
    QuestionSpec("old.address", "前の住所", "text"),
    QuestionSpec("old.building", "前の住所の方書", "text", optional=True),
    QuestionSpec("notifier", "届出人（窓口に来た方）", "notifier"),
    QuestionSpec("notifier.family", "届出人（世帯外の方）の氏", "text"),
    QuestionSpec("notifier.given", "届出人（世帯外の方）の名", "text"),
    QuestionSpec("notifier.family_kana", "届出人（世帯外の方）の氏のフリガナ", "kana"),
    QuestionSpec("notifier.given_kana", "届出人（世帯外の方）の名のフリガナ", "kana"),
    QuestionSpec("notifier.relation", "届出人と届出の方との関係（長男・知人 など）", "text"),
    QuestionSpec("notifier.address", "届出人（世帯外の方）の住所", "text"),
    QuestionSpec("notifier.phone", "届出人（世帯外の方）の電話番号", "phone", optional=True),
    QuestionSpec("old.head", "前の住所での世帯主", "text", optional=True),
    QuestionSpec("phone", "連絡先の電話番号", "phone", optional=True),
    QuestionSpec("extras.dogs", "飼っている犬の数", "int"),
    QuestionSpec("extras.mopeds", "原付（125cc以下のバイク）の台数", "int"),
    QuestionSpec("new_head", "新しい世帯主（届出人に伺ってください）", "notifier"),
    QuestionSpec("death.time", "死亡した時刻（24時間で 14:30 など）", "clock", optional=True),
    QuestionSpec("death.place", "死亡したところ（病院名・住所）", "text", optional=True),
    QuestionSpec("death.funeral", "葬儀（葬祭）を行った日", "date", optional=True),
    QuestionSpec("marriage.surname_of", "婚姻後の夫婦の氏（どちらの氏にするか）", "notifier"),
    QuestionSpec("marriage.domicile", "婚姻後の新しい本籍", "text", optional=True),
    QuestionSpec("marriage.together", "同居を始めた日", "date", optional=True),
    QuestionSpec("child_allowance.claimant", "児童手当の請求者（父母のうち所得の高い方）", "notifier"),
    QuestionSpec("birth.father", "生まれた子の父の氏名（世帯にいない方。父がいなければ空欄）", "text", optional=True),
    QuestionSpec("birth.mother", "生まれた子の母の氏名（世帯にいない方）", "text"),
)}

MEMBER_SPECS: dict[str, QuestionSpec] = {s.key: s for s in (
    QuestionSpec("family", "氏", "text"),
    QuestionSpec("given", "名", "text"),
    QuestionSpec("family_kana", "氏のフリガナ", "kana"),
    QuestionSpec("given_kana", "名のフリガナ", "kana"),
    QuestionSpec("birth", "生年月日", "date"),
    QuestionSpec("sex", "性別", "choice", tuple(SEX_LABELS.items())),
    QuestionSpec("relation", "続柄（世帯主・妻・子 など）", "text"),
    QuestionSpec("moving", "この方も異動するか（世帯に残る方は「いいえ」）", "bool"),
    QuestionSpec("insurance", "今の健康保険", "choice", tuple(INSURANCE_LABELS.items())),
    QuestionSpec("card", "マイナンバーカードを持っているか", "bool"),
    QuestionSpec("care_certified", "要介護・要支援の認定を受けているか", "bool"),
    QuestionSpec("seal", "印鑑登録をするか", "bool"),
    QuestionSpec("insured", "勤め先の健康保険で本人か家族（被扶養者）か", "choice", tuple(INSURED_KIND_LABELS.items())),
    QuestionSpec("birth_time", "生まれた時刻（24時間で 3:15 など）", "clock", optional=True),
    QuestionSpec("birth_place", "生まれたところ（病院名・住所）", "text", optional=True),
    QuestionSpec("father", "父の氏名（戸籍のとおり。亡くなった方も。いなければ空欄）", "text", optional=True),
    QuestionSpec("mother", "母の氏名（戸籍のとおり。亡くなった方も。いなければ空欄）", "text", optional=True),
    QuestionSpec("birth_order", "父母との続柄：同じ父母の子のうち同じ性別で何番目か（長男・長女は1、二男・二女は2）", "int",
                 low=1, high=20),
    QuestionSpec("pensioner", "年金を受けていたか（老齢・障害・遺族年金の受給者か）", "bool"),
    QuestionSpec("allowance", "児童手当を受け取っているか", "bool"),
    QuestionSpec("child_support", "児童扶養手当を受けているか", "bool"),
    QuestionSpec("seal_registered", "この市で印鑑登録をしているか", "bool"),
    QuestionSpec("high_cost", "高額療養費の支給の対象か（お知らせが届いているか）", "bool"),
)}

# A newborn is asked what it joins, not what it has: the insurance its parents do not share (one on
# 国民健康保険, one on an employee's insurance) is asked of the child (facts.newborn_insurance)
NEWBORN_SPECS: dict[str, QuestionSpec] = {s.key: s for s in (
    QuestionSpec("insurance", "加入する健康保険（親の勤め先の健康保険の扶養に入るなら被用者保険）", "choice",
                 tuple((k, INSURANCE_LABELS[k]) for k in ("nhi", "employee", "welfare"))),
)}

# The date question names the day the event is about (a 転居 is not asked for a 出生日)
DATE_LABELS = {"move_in": "転入日", "move_out": "転出予定日", "move_within": "転居日", "birth": "出生日",
               "death": "死亡日", "marriage": "婚姻日"}


def normalize_answer(spec: QuestionSpec, raw: Any, member_count: int | None = None) -> Any:
    """Check and normalise one answer to its wire value; raise ValueError with a clerk's message."""
    if isinstance(raw, str):
        raw = raw.strip()
    if raw is None or (isinstance(raw, str) and is_blank(raw)):
        if spec.optional:
            return ""
        raise DomainValueError("未入力です", "empty answer")
    handler = _HANDLERS[spec.kind]
    return handler(spec, raw, member_count)


def _text(spec: QuestionSpec, raw: Any, _: int | None) -> str:
    text = check_characters(str(raw))
    if len(text) > MAX_STRING:
        raise DomainValueError(f"{MAX_STRING}文字以内で入力してください", "too long")
    return text


def _kana(spec: QuestionSpec, raw: Any, n: int | None) -> str:
    kana = to_katakana(_text(spec, raw, n))
    if not is_katakana(kana):
        raise DomainValueError("フリガナはカタカナ（またはひらがな）で入力してください", "reading must be kana")
    return kana


def _date(spec: QuestionSpec, raw: Any, _: int | None) -> str:
    return check_year(parse_date(str(raw))).isoformat()


_CLOCK = re.compile(r"^(午前|午後)?([0-9]{1,2})(?:[:：時])([0-9]{1,2})?分?$")


def _clock(spec: QuestionSpec, raw: Any, _: int | None) -> str:
    """A time of day as "HH:MM" (24 h) from 14:30, 14時30分 or 午後2時30分."""
    match = _CLOCK.match(normalize_digits(str(raw)).replace(" ", ""))
    hour, minute = (int(match.group(2)), int(match.group(3) or 0)) if match else (-1, -1)
    if match and match.group(1):
        hour = hour + 12 if match.group(1) == "午後" and hour < 12 else hour
        hour = -1 if hour > 23 or (match.group(1) == "午前" and hour > 12) else hour
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise DomainValueError("時刻は 14:30 や 午後2時30分 のように入力してください", "not a time of day")
    return f"{hour:02d}:{minute:02d}"


def _int(spec: QuestionSpec, raw: Any, _: int | None) -> int:
    text = normalize_digits(str(raw))
    if not re.fullmatch("[0-9]{1,3}", text) or not spec.low <= int(text) <= spec.high:
        raise DomainValueError(f"{spec.low}から{spec.high}までの数を入力してください", "number out of range")
    return int(text)


def _bool(spec: QuestionSpec, raw: Any, _: int | None) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).lower()
    if text in _YES or text in _NO:
        return text in _YES
    raise DomainValueError("「はい」か「いいえ」で答えてください", "answer yes or no")


def _choice(spec: QuestionSpec, raw: Any, _: int | None) -> str:
    for value, label in spec.choices:
        if raw in (value, label):
            return value
    labels = "・".join(label for _, label in spec.choices)
    raise DomainValueError(f"次のどれかを選んでください: {labels}", "not one of the choices")


_OUTSIDE_WORDS = {"世帯外", "世帯外の方", "外", "outside"}


def _notifier(spec: QuestionSpec, raw: Any, n: int | None) -> int:
    if spec.key == "notifier" and (raw == OUTSIDE_NOTIFIER or str(raw).strip() in _OUTSIDE_WORDS):
        return OUTSIDE_NOTIFIER  # someone from outside the household: their name etc. are asked next
    index = raw if isinstance(raw, int) else _int(QuestionSpec("", "", "int", low=0, high=MAX_MEMBERS), raw, n)
    if n is not None and not 0 <= index < n:
        raise DomainValueError("届出人は世帯員の中から選んでください", "notifier must be a member")
    return index


_HANDLERS = {"text": _text, "kana": _kana, "date": _date, "int": _int, "bool": _bool, "choice": _choice, "clock": _clock,
             "postal": lambda s, r, n: normalize_postal(str(r)), "phone": lambda s, r, n: normalize_phone(str(r)),
             "notifier": _notifier}
