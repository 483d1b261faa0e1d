"""QR images: every corpus household survives JSON → QR image → decode with both backends."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
import qrcode
from PIL import Image
from qrcode.exceptions import DataOverflowError

from bench.qr_corpus import clean_samples, corpus_documents, corpus_text
from kakanai.domain.household_doc import parse_household
from kakanai.qr.images import (
    BACKENDS,
    DecoderUnavailable,
    ZbarDecoder,
    ZxingDecoder,
    decoder_for,
    make_qr_image,
    read_image_file,
)
from kakanai.qr.payload import QrPayloadError, decode

DOCUMENTS = corpus_documents()


def test_the_corpus_has_households_of_one_to_ten_members() -> None:
    sizes = {len(document["members"]) for document in DOCUMENTS.values()}
    assert set(range(1, 11)) <= sizes


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_corpus_household_round_trips_through_a_clean_image(name: str, backend: str) -> None:
    # Given a household as the resident's pre-fill form would print it
    document = DOCUMENTS[name]
    image, _ = make_qr_image(corpus_text(document))
    # When the counter reads the image back
    texts = decoder_for(backend).decode(image)
    # Then it holds the same household
    assert len(texts) == 1
    assert decode(texts[0]).household == parse_household(document).household


def test_the_smallest_version_is_chosen() -> None:
    text = corpus_text(DOCUMENTS["family_move_in"])
    _, version = make_qr_image(text)
    smaller = qrcode.QRCode(version=version - 1, error_correction=qrcode.constants.ERROR_CORRECT_M)
    smaller.add_data(qrcode.util.QRData(text, mode=qrcode.util.MODE_ALPHA_NUM))
    with pytest.raises(DataOverflowError):
        smaller.make(fit=False)


def test_codes_use_alphanumeric_mode_and_error_correction_m() -> None:
    import zxingcpp

    # 20 characters fit version 1-M only in alphanumeric mode (byte mode holds 14)
    text = "KKN1ABCDEFGHIJ234567"
    image, version = make_qr_image(text)
    barcode = zxingcpp.read_barcodes(image)[0]
    assert (version, barcode.ec_level, barcode.text) == (1, "M", text)


def test_text_outside_the_alphanumeric_set_is_refused() -> None:
    with pytest.raises(ValueError):
        make_qr_image("kkn1 lower case")


def test_zbar_reads_utf8_unmangled_thanks_to_binary_mode() -> None:
    from pyzbar.pyzbar import ZBarSymbol
    from pyzbar.pyzbar import decode as pyzbar_decode

    image = qrcode.make("山田").get_image().convert("L")
    # zbar's default text conversion guesses Shift_JIS for these bytes...
    assert pyzbar_decode(image, symbols=[ZBarSymbol.QRCODE])[0].data.decode("utf-8", "replace") != "山田"
    # ...binary mode hands them over as they are
    assert ZbarDecoder().decode(image) == ["山田"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_decoders_read_pil_rgb_grey_arrays_and_colour_arrays(backend: str) -> None:
    sample = clean_samples({"birth": DOCUMENTS["birth"]})[0]
    grey = np.asarray(sample.image)
    decoder = decoder_for(backend)
    for picture in (sample.image.convert("RGB"), grey, np.dstack([grey, grey, grey])):
        assert decoder.decode(picture) == [sample.text]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_picture_without_a_code_decodes_to_nothing(backend: str) -> None:
    assert decoder_for(backend).decode(Image.new("L", (320, 240), 200)) == []


def test_the_setting_picks_a_backend() -> None:
    assert isinstance(decoder_for(), ZxingDecoder)
    assert isinstance(decoder_for("ZBar"), ZbarDecoder)
    assert decoder_for("zxing").name == "zxing"


def test_an_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(DecoderUnavailable, match="読取方式 'opencv' は使えません"):
        decoder_for("opencv")


@pytest.mark.parametrize(("backend", "module", "words"), [("zxing", "zxingcpp", "zxing-cpp が入っていません"),
                                                            ("zbar", "pyzbar", "zbar（libzbar）が見つかりません")])
def test_a_missing_native_library_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, backend: str, module: str,
                                                   words: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails as when the library is absent
    with pytest.raises(DecoderUnavailable, match=words):
        decoder_for(backend)


def test_a_zbar_without_binary_mode_is_a_clear_error() -> None:
    from pyzbar import wrapper

    from kakanai.qr.images import _zbar_config

    assert _zbar_config(wrapper, b"qrcode.binary=1")[2] == 1
    with pytest.raises(DecoderUnavailable, match="バイナリモード"):
        _zbar_config(wrapper, b"qrcode.no-such-setting=1")


def test_a_text_too_long_for_version_40_m_is_an_overflow() -> None:
    with pytest.raises(DataOverflowError):
        make_qr_image("KKN1" + "A" * 3400)  # 40-M holds 3,391 alphanumeric characters


@pytest.mark.parametrize("side", [12_000, 20_000])  # over PIL's pixel limit (a warning), and twice it (an error)
def test_an_image_bomb_is_refused_in_japanese_not_decoded(tmp_path: Path, side: int) -> None:
    # Given a small PNG file that would unpack to hundreds of megapixels
    bomb = tmp_path / "qr.png"
    Image.new("1", (side, side), 1).save(bomb, optimize=True)
    assert bomb.stat().st_size < 200_000
    # When the clerk's supervisor reads it with `kakanai qr read`, Then it is refused before decoding
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no English warning reaches the terminal either
        with pytest.raises(QrPayloadError) as caught:
            read_image_file(bomb)
    assert "画像が大きすぎます: qr.png" in caught.value.clerk_message()


@pytest.mark.parametrize(("content", "words"), [
    (b"", "画像として開けません"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "画像として開けません"),  # a PNG cut after its signature
    (b"https://example.com/", "画像として開けません"),
])
def test_a_file_that_is_no_readable_image_is_said_so(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(content)
    with pytest.raises(QrPayloadError) as caught:
        read_image_file(path)
    assert words in caught.value.clerk_message()


@pytest.mark.parametrize("text", ["https://example.com/", "WIFI:S:kakanai;T:WPA;P:secret;;"])
def test_a_code_of_another_kind_is_told_apart_from_a_resident_code(tmp_path: Path, text: str) -> None:
    path = tmp_path / "other.png"
    qrcode.make(text).save(path)
    with pytest.raises(QrPayloadError) as caught:
        decode(read_image_file(path))
    assert "KKN2・KKN1で始まっていません" in caught.value.clerk_message()
