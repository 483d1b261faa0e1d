"""A refused answer carries the clerk's Japanese and the English as data, whatever the clerk typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.domain.catalog import Catalog
from kakanai.domain.interview import Interview
from kakanai.domain.problems import DomainValueError, InvalidInput
from kakanai.domain.questions import HOUSEHOLD_SPECS, MEMBER_SPECS, normalize_answer


def _refusal(catalog: Catalog, path: str, typed: object) -> tuple[str, str]:
    """The clerk's Japanese and the English of an answer refused in a move-in of one, dated 令和8年4月1日."""
    interview = Interview(catalog)
    for asked, answer in (("event", "move_in"), ("member_count", 1), ("date", "R8.4.1")):
        if asked != path:
            interview.answer(asked, answer)
    with pytest.raises(InvalidInput) as caught:
        interview.answer(path, typed)
    (problem,) = caught.value.problems
    return problem.message_ja, problem.message_en


def test_a_date_typed_with_a_bracket_keeps_both_messages_whole(catalog: Catalog) -> None:
    # Given a clerk who types 「R8.4.1 (火」 as the date of moving in (a " (" in the typed text)
    ja, en = _refusal(catalog, "date", "R8.4.1 (火")
    # Then the Japanese names what was typed, whole, and the English is the English alone
    assert ja == "和暦・西暦の日付として読めません: 'R8.4.1 (火'" and en == "not a date"


def test_a_phone_number_typed_with_a_bracket_keeps_both_messages_whole(catalog: Catalog) -> None:
    ja, en = _refusal(catalog, "phone", "090 (1234")
    assert ja == "電話番号として読めません: '090 (1234'" and en == "not a phone number"


def test_each_kind_of_refusal_keeps_its_message(catalog: Catalog) -> None:
    # The messages the clerk has always read, unchanged
    assert _refusal(catalog, "members[0].birth", "2099-01-01") == (
        "生年月日が届出の日付より後になっています", "birth after the event date")
    assert _refusal(catalog, "members[0].family_kana", "abc") == (
        "フリガナはカタカナ（またはひらがな）で入力してください", "reading must be kana")
    assert _refusal(catalog, "members[0].card", "たぶん") == ("「はい」か「いいえ」で答えてください", "answer yes or no")
    assert _refusal(catalog, "date", "令和8年2月30日") == ("存在しない日付です: '令和8年2月30日'", "impossible date")


SPECS = [*HOUSEHOLD_SPECS.values(), *MEMBER_SPECS.values()]


@given(spec=st.sampled_from(SPECS), typed=st.one_of(st.text(max_size=40), st.integers(), st.booleans(), st.none()))
def test_every_refused_answer_has_japanese_and_english(spec, typed) -> None:  # type: ignore[no-untyped-def]
    # Whatever is typed for whatever question, a refusal is a DomainValueError with both texts
    try:
        normalize_answer(spec, typed, 3)
    except DomainValueError as exc:
        assert exc.ja and exc.en and str(exc) == f"{exc.ja} ({exc.en})"
    except ValueError as exc:
        pytest.fail(f"{spec.label}: a refusal without its texts as data: {exc!r}")
