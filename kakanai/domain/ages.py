"""Age and school year under Japanese law.

One reaches age N at the end of the day before the N-th birthday anniversary (年齢計算ニ関スル
法律), so on date D one is N when D >= anniversary − 1 day; for a 29 February birthday the
anniversary in a common year is 1 March, so the age turns on 28 February. The school year starts
on 1 April; a child enters 小学校 in the first school year starting after reaching age 6, so
children born 2 April to 1 April of the next year share one grade.
"""

from __future__ import annotations

from datetime import date, timedelta

from kakanai.domain.problems import DomainValueError


def _anniversary(birth: date, years: int) -> date:
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:  # 29 February in a common year
        return date(birth.year + years, 3, 1)


def birthday(birth: date, n: int) -> date:
    """The n-th birthday anniversary (1 March in a common year for a 29 February birth)."""
    return _anniversary(birth, n)


def birthday_age_on(birth: date, on: date) -> int:
    """Completed years counted on birthdays themselves: 後期高齢者医療 starts on the 75th birthday
    (高齢者医療確保法52条の運用: 75歳の誕生日当日), one day after the legal age of 75 is reached."""
    if on < birth:
        raise DomainValueError(f"生年月日より前の日の年齢は求められません: {on} < {birth}", "date before birth")
    age = on.year - birth.year
    return age if on >= _anniversary(birth, age) else age - 1


def reached_age_date(birth: date, n: int) -> date:
    """The day one reaches age ``n`` (the day before the n-th anniversary)."""
    if n < 0:
        raise DomainValueError(f"年齢は0以上で指定してください: {n}", "age must not be negative")
    return _anniversary(birth, n) - timedelta(days=1)


def age_on(birth: date, on: date) -> int:
    """The legal age on a date (one turns N on the day before the N-th birthday anniversary)."""
    if on < birth:
        raise DomainValueError(f"生年月日より前の日の年齢は求められません: {on} < {birth}", "date before birth")
    age = on.year - birth.year + 1  # born 1 January: reaches this age on 31 December
    while on < reached_age_date(birth, age):
        age -= 1
    return age


def school_year_of(d: date) -> int:
    """The school (fiscal) year of a date: 1 April starts it."""
    return d.year if (d.month, d.day) >= (4, 1) else d.year - 1


def school_entry_year(birth: date) -> int:
    """The school year a child enters 小学1年 (the first one starting after reaching age 6)."""
    first_day = reached_age_date(birth, 6) + timedelta(days=1)
    return first_day.year if (first_day.month, first_day.day) <= (4, 1) else first_day.year + 1


def grade_on(birth: date, on: date) -> int:
    """The grade on a date: 1–6 小学, 7–9 中学, 10–12 高校相当; ≤ 0 before school, > 12 after."""
    return school_year_of(on) - school_entry_year(birth) + 1


def school_stage_on(birth: date, on: date) -> str:
    """The school stage on a date: preschool, elementary, junior_high, high_school or adult."""
    grade = grade_on(birth, on)
    if grade <= 0:
        return "preschool"
    if grade <= 6:
        return "elementary"
    if grade <= 9:
        return "junior_high"
    return "high_school" if grade <= 12 else "adult"


def end_of_march_after_reaching(birth: date, n: int) -> date:
    """The first 31 March on or after the day one reaches age ``n``."""
    reached = reached_age_date(birth, n)
    year = reached.year if (reached.month, reached.day) <= (3, 31) else reached.year + 1
    return date(year, 3, 31)


def within_until_march_after(birth: date, n: int, on: date) -> bool:
    """True while ``on`` is no later than the first 31 March after reaching age ``n``."""
    return on <= end_of_march_after_reaching(birth, n)
