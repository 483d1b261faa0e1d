"""A key one letter off a known one (``extra``, ``birht``) is still only a warning (a newer pre-fill
form must not stop an older counter), but it says 「もしかして extras？」 first, so the dog
registration does not disappear unnoticed; the unknown key's value is never shown."""

from __future__ import annotations

from kakanai.domain.household_doc import parse_household
from tests.conftest import household_doc


def test_a_near_miss_names_the_key_it_is_close_to_first() -> None:
    # Given a family whose file says "extra" for "extras" and "birht" for one member's birth
    doc = household_doc("family_move_in")
    doc["extra"] = doc.pop("extras") | {"dogs": 2}
    doc["members"][1]["birht"] = "1999-01-01"
    doc["members"][1]["hobby"] = "囲碁"
    # When it is read
    parsed = parse_household(doc)
    # Then the near misses come first and say which key was meant; the other unknown key is listed after them
    shown = [str(w) for w in parsed.warnings]
    assert shown[:2] == ["extra: もしかして extras？ 綴りが違うため読み飛ばしました。直してください",
                         "members[1].birht: もしかして birth？ 綴りが違うため読み飛ばしました。直してください"]
    assert shown[2] == "members[1].hobby: この版では使わない項目です（読み飛ばしました）"
    assert parsed.household.extras.dogs == 0  # the dogs were not read: that is why it must be loud
    # and no value of an unknown key reaches a message or the household
    assert not any("囲碁" in s or "1999" in s or "2" in s.split(":")[-1] for s in shown)
    assert parsed.unknown_keys == ("extra", "members[1].birht", "members[1].hobby")


def test_a_key_far_from_every_known_one_gets_no_guess() -> None:
    doc = household_doc("birth")
    doc["prefill_app_version"] = "3.1"
    assert [str(w) for w in parse_household(doc).warnings] == [
        "prefill_app_version: この版では使わない項目です（読み飛ばしました）"]
