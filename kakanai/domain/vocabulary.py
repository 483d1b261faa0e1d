"""The words of the domain, defined once: life events, health insurance kinds and sexes, with
their wire codes (the KKN document, the catalog, the visit log) and their Japanese and English
labels. Everything else (the QR document's validation, the catalog's conditions, the interview's
choices, forms, the window and the supervisor's figures) takes them from here."""

from __future__ import annotations

import enum


class LifeEvent(str, enum.Enum):
    """The life events a visit can be about, with the spec's wire names."""

    MOVE_IN = "move_in"
    MOVE_OUT = "move_out"
    MOVE_WITHIN = "move_within"
    BIRTH = "birth"
    DEATH = "death"
    MARRIAGE = "marriage"

    @property
    def label(self) -> str:
        """The Japanese name clerks use (転入, 転出, …)."""
        return EVENT_LABELS[self]


class Insurance(str, enum.Enum):
    """A person's health insurance now."""

    NHI = "nhi"
    EMPLOYEE = "employee"
    LATE_ELDERLY = "late_elderly"
    WELFARE = "welfare"
    NONE = "none"


class Sex(str, enum.Enum):
    """Sex as on the resident register."""

    M = "M"
    F = "F"


EVENT_LABELS = {LifeEvent.MOVE_IN: "転入", LifeEvent.MOVE_OUT: "転出", LifeEvent.MOVE_WITHIN: "転居",
                LifeEvent.BIRTH: "出生", LifeEvent.DEATH: "死亡", LifeEvent.MARRIAGE: "婚姻"}
EVENT_LABELS_EN = {LifeEvent.MOVE_IN: "moving in", LifeEvent.MOVE_OUT: "moving out",
                   LifeEvent.MOVE_WITHIN: "moving within the city", LifeEvent.BIRTH: "birth",
                   LifeEvent.DEATH: "death", LifeEvent.MARRIAGE: "marriage"}
INSURANCE_LABELS = {"nhi": "国民健康保険", "employee": "被用者保険（社会保険）", "late_elderly": "後期高齢者医療",
                    "welfare": "生活保護", "none": "加入なし"}
INSURANCE_LABELS_EN = {"nhi": "National Health Insurance", "employee": "employee health insurance",
                       "late_elderly": "late-stage elderly medical care", "welfare": "public assistance",
                       "none": "none"}
SEX_LABELS = {"M": "男", "F": "女"}
SEX_LABELS_EN = {"M": "male", "F": "female"}

EVENTS = tuple(e.value for e in LifeEvent)
INSURANCES = tuple(i.value for i in Insurance)
SEXES = tuple(s.value for s in Sex)


def event_label(code: str) -> str:
    """The Japanese name of an event code (転入 …); an unknown code as it is."""
    return EVENT_LABELS[LifeEvent(code)] if code in EVENTS else code


def sex_label(code: str | None) -> str:
    """男 or 女 for a sex code; an unknown code as it is, "" for none."""
    return SEX_LABELS.get(code or "", code or "")


def sex_code(text: str) -> str:
    """The code for 男/女 as a clerk types it (M/F pass through)."""
    return {label: code for code, label in SEX_LABELS.items()}.get(text, text)


def insurance_label(code: str | None) -> str:
    """The Japanese name of an insurance code; an unknown code as it is, "" for none."""
    return INSURANCE_LABELS.get(code or "", code or "")


# 住民基本台帳法 30条の45: the categories of foreign residents on the register (KKN2 ``residence.category``)
RESIDENCE_CATEGORY_LABELS = {
    "mid_long": "中長期在留者", "special_permanent": "特別永住者", "temporary_refuge": "一時庇護許可者",
    "provisional_stay": "仮滞在許可者", "birth": "出生による経過滞在者", "nationality_loss": "国籍喪失による経過滞在者",
}
RESIDENCE_CATEGORIES = tuple(RESIDENCE_CATEGORY_LABELS)
# 預金種目 of a bank account (KKN2 ``bank.kind``)
ACCOUNT_KIND_LABELS = {"ordinary": "普通", "current": "当座", "savings": "貯蓄"}
ACCOUNT_KINDS = tuple(ACCOUNT_KIND_LABELS)
# where a child goes now (KKN2 ``members[].school.kind``)
SCHOOL_KIND_LABELS = {"nursery": "保育所・認定こども園（保育）", "kindergarten": "幼稚園", "elementary": "小学校",
                      "junior_high": "中学校", "high_school": "高等学校", "other": "その他"}
SCHOOL_KINDS = tuple(SCHOOL_KIND_LABELS)
# the kind of a 障害者手帳 (KKN2 ``members[].disability.kind``)
DISABILITY_KIND_LABELS = {"physical": "身体障害者手帳", "intellectual": "療育手帳", "mental": "精神障害者保健福祉手帳"}
DISABILITY_KINDS = tuple(DISABILITY_KIND_LABELS)
# 被用者保険での立場 (KKN2 ``members[].insured``): the insured person or a dependent (被扶養者)
INSURED_KIND_LABELS = {"insured": "被保険者（本人）", "dependent": "被扶養者（家族）"}
INSURED_KINDS = tuple(INSURED_KIND_LABELS)
# 国民年金の種別 (KKN2 ``members[].pension_class``; 0: not insured by age)
PENSION_CLASS_LABELS = {1: "第1号被保険者", 2: "第2号被保険者", 3: "第3号被保険者"}
