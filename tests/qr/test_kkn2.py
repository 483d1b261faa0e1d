"""The KKN2 envelope: digits in numeric mode, the preset dictionary as published, a family of five
in a version-13 code that a webcam reads, and KKN1 codes still read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kakanai.domain.household_doc import parse_household
from kakanai.qr import kkn2
from kakanai.qr.images import decoder_for, make_qr_image
from kakanai.qr.payload import decode, encode_document, encode_household
from tests.conftest import household_doc

DOCS = Path(__file__).resolve().parents[2] / "docs"


def family_of_five() -> dict[str, Any]:
    """The demo move-in (a family of four) and a grandfather."""
    doc = household_doc("family_move_in")
    doc["members"].append({"family": "山田", "given": "茂", "family_kana": "ヤマダ", "given_kana": "シゲル",
                           "birth": "1948-02-14", "sex": "M", "relation": "父", "insurance": "late_elderly",
                           "card": True, "care_certified": False, "nationality": None})
    return doc


@given(st.binary(min_size=1, max_size=600))
def test_any_bytes_survive_the_digits(data: bytes) -> None:
    digits = kkn2.to_digits(data)
    assert digits.isdigit() and kkn2.from_digits(digits) == data


def test_the_dictionary_is_the_published_one() -> None:
    assert (DOCS / "kkn2-dictionary.txt").read_bytes() == kkn2.DICTIONARY
    assert f"{kkn2.DICTIONARY_ID:08x}" in (DOCS / "kkn2.md").read_text(encoding="utf-8")


def test_a_family_of_five_fits_version_13_and_a_webcam_reads_it_back() -> None:
    # Given the demo move-in and a grandfather
    household = parse_household(family_of_five()).household
    # When it is written as KKN2 (and, to compare, as KKN1)
    text, old = encode_household(household), encode_household(household, "KKN1")
    image, version = make_qr_image(text, box_size=3)
    # Then the code is version 13 or less (KKN1 needs 20), only upper-case letters and digits, and reads back
    assert version <= 13 and make_qr_image(old, box_size=1)[1] == 20
    assert text.startswith("KKN2") and text[4:].isdigit()
    assert decode(decoder_for("zxing").decode(image)[0]).household == household


@pytest.mark.parametrize("name", ["family_move_in", "birth", "death_of_head", "marriage", "single_move_within"])
def test_every_kkn1_code_still_reads_as_before(name: str) -> None:
    document = household_doc(name)
    assert decode(encode_document(document, "KKN1")).household == decode(encode_document(document)).household


def test_a_code_made_with_another_dictionary_is_refused() -> None:
    import zlib

    other = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, zdict=b'{"v":2}')
    data = other.compress(b'{"v":2}') + other.flush()
    with pytest.raises(Exception, match="QRコードを読み取れませんでした"):
        decode("KKN2" + kkn2.to_digits(data))
