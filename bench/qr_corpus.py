"""A seeded corpus of resident QR codes: households of 1 to 10 members, clean and camera-like images.

The degraded images imitate a resident holding a phone up to the counter webcam: the code on a
phone screen (white, with a dark bezel) over a desk, tilted and seen at an angle, out of focus,
noisy, washed out by glare, and sent as MJPEG at 640×480 or 1280×720.

    python -m bench.qr_corpus OUT_DIR      write every image, named by household, kind and canvas
"""

from __future__ import annotations

import copy
import io
import json
import math
import random
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

from kakanai.domain.household_doc import parse_household
from kakanai.qr.images import make_qr_image
from kakanai.qr.payload import encode_household

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "households"
CANVASES = ((640, 480), (1280, 720))
KINDS = ("blur", "tilt", "perspective", "noise", "low_contrast", "combined")
DEFAULT_SEED = 20260401

_GIVEN = (("健太", "ケンタ", "M"), ("さくら", "サクラ", "F"), ("悠真", "ユウマ", "M"), ("陽葵", "ヒマリ", "F"),
          ("蓮", "レン", "M"), ("結衣", "ユイ", "F"), ("大翔", "ヒロト", "M"), ("美桜", "ミオ", "F"),
          ("湊", "ミナト", "M"), ("凛", "リン", "F"))
_INSURANCE = ("nhi", "employee", None, "nhi", "welfare")


@dataclass(frozen=True)
class QrSample:
    """One corpus image with the KKN2 (or KKN1) text it must decode to."""

    name: str
    members: int
    kind: str  # "clean" or one of KINDS
    canvas: tuple[int, int] | None  # None for the clean image at its own size
    text: str
    version: int
    image: Image.Image


def fixture_documents() -> dict[str, dict[str, Any]]:
    """The example households of tests/fixtures/households, by file name."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*.json"))}


def household_with_members(base: dict[str, Any], count: int, rng: random.Random) -> dict[str, Any]:
    """A copy of ``base`` with exactly ``count`` members: its own first ones, then made-up children."""
    doc = copy.deepcopy(base)
    members = doc["members"][:count]
    event_date = date.fromisoformat(doc["date"])
    family = members[0]["family"]
    family_kana = members[0]["family_kana"]
    while len(members) < count:
        members.append(_made_up_member(len(members), family, family_kana, event_date, rng))
    doc["members"] = members
    extras = doc.setdefault("extras", {})
    extras["seal_registration"] = [i for i in extras.get("seal_registration", []) if i < count]
    if isinstance(doc["notifier"], int) and doc["notifier"] >= count:
        doc["notifier"] = 0
    return doc


def _made_up_member(index: int, family: str, family_kana: str, event_date: date,
                    rng: random.Random) -> dict[str, Any]:
    given, given_kana, sex = _GIVEN[index % len(_GIVEN)]
    birth = date(rng.randint(1995, min(event_date.year - 1, 2024)), rng.randint(1, 12), rng.randint(1, 28))
    return {"family": family, "given": given, "family_kana": family_kana, "given_kana": given_kana,
            "birth": birth.isoformat(), "sex": sex, "relation": "子",
            "insurance": _INSURANCE[index % len(_INSURANCE)], "card": rng.random() < 0.6,
            "care_certified": False, "nationality": None}


def corpus_documents(seed: int = DEFAULT_SEED) -> dict[str, dict[str, Any]]:
    """Every corpus household: the fixtures, and one household for each size from 1 to 10 members."""
    fixtures = fixture_documents()
    bases = list(fixtures.values())
    rng = random.Random(seed)
    documents = dict(fixtures)
    for count in range(1, 11):
        documents[f"members_{count:02d}"] = household_with_members(bases[count % len(bases)], count, rng)
    return documents


def corpus_text(document: dict[str, Any], prefix: str = "KKN2") -> str:
    """The KKN2 (or KKN1) text a pre-fill form would print for a document (normalised as the counter reads it)."""
    return encode_household(parse_household(document).household, prefix)


def clean_samples(documents: dict[str, dict[str, Any]], prefix: str = "KKN2") -> list[QrSample]:
    """One clean, generated QR image per household."""
    samples = []
    for name, document in documents.items():
        text = corpus_text(document, prefix)
        image, version = make_qr_image(text, box_size=4)
        samples.append(QrSample(name, len(document["members"]), "clean", None, text, version, image))
    return samples


def degraded_samples(documents: dict[str, dict[str, Any]], seed: int = DEFAULT_SEED,
                     prefix: str = "KKN2") -> list[QrSample]:
    """Every household seen through a webcam: each kind of degradation on each canvas size. The
    degradation depends on the household, kind and canvas only, so KKN1 and KKN2 codes of the same
    household are seen through the same frames."""
    samples = []
    for name, document in documents.items():
        text = corpus_text(document, prefix)
        code, version = make_qr_image(text, box_size=1)
        for kind in KINDS:
            for canvas in CANVASES:
                rng = random.Random(f"{seed}/{name}/{kind}/{canvas[0]}x{canvas[1]}")
                image = degrade(code, kind, canvas, rng)
                samples.append(QrSample(name, len(document["members"]), kind, canvas, text, version, image))
    return samples


@dataclass(frozen=True)
class _Look:
    """How strongly each effect is applied to one frame."""

    fill: float = 0.75  # share of the frame height the code's quiet zone takes
    angle: float = 0.0  # degrees of in-plane rotation
    skew: float = 0.0  # corner jitter as a share of the code size (perspective)
    blur: float = 0.0  # gaussian radius in pixels
    noise: float = 2.0  # sensor noise, standard deviation in grey levels
    contrast: tuple[int, int] = (20, 235)  # the darkest and lightest grey on screen
    jpeg: int = 85  # MJPEG quality


def _look(kind: str, rng: random.Random) -> _Look:
    sign = rng.choice((-1, 1))
    looks = {
        "blur": _Look(blur=rng.uniform(1.2, 2.2)),
        "tilt": _Look(fill=0.6, angle=sign * rng.uniform(12, 35)),
        "perspective": _Look(fill=0.65, skew=rng.uniform(0.08, 0.14)),
        "noise": _Look(noise=rng.uniform(12, 20), jpeg=70),
        "low_contrast": _Look(contrast=(rng.randint(95, 115), rng.randint(165, 185))),
        "combined": _Look(fill=0.65, angle=sign * rng.uniform(5, 15), skew=rng.uniform(0.03, 0.07),
                          blur=rng.uniform(0.8, 1.3), noise=rng.uniform(6, 10),
                          contrast=(rng.randint(55, 75), rng.randint(190, 215)), jpeg=75),
    }
    return looks[kind]


def degrade(code: Image.Image, kind: str, canvas: tuple[int, int], rng: random.Random) -> Image.Image:
    """A webcam frame of ``canvas`` size showing ``code`` (one pixel per module) degraded by ``kind``."""
    look = _look(kind, rng)
    side = int(canvas[1] * look.fill * rng.uniform(0.92, 1.0))
    screen = _phone_screen(code, side, look.contrast)
    quad = _placement(screen.size, canvas, look, rng)
    frame = _project(screen, quad, canvas, rng)
    if look.blur:
        frame = frame.filter(ImageFilter.GaussianBlur(look.blur))
    frame = _add_noise(frame, look.noise, rng)
    return _mjpeg(frame, look.jpeg)


def _phone_screen(code: Image.Image, side: int, contrast: tuple[int, int]) -> Image.Image:
    """The code scaled to ``side`` pixels on a screen with a dark bezel, at the given contrast."""
    scaled = code.resize((side, side), Image.Resampling.BOX if side < code.width * 3 else Image.Resampling.NEAREST)
    dark, light = contrast
    lut = [dark + (light - dark) * v // 255 for v in range(256)]
    bezel = max(4, side // 12)
    phone = Image.new("L", (side + 2 * bezel, int(side * 1.5) + 2 * bezel), 18)
    phone.paste(Image.new("L", (side, int(side * 1.5)), light), (bezel, bezel))
    phone.paste(scaled.point(lut), (bezel, bezel + side // 4))
    return phone


def _placement(size: tuple[int, int], canvas: tuple[int, int], look: _Look,
               rng: random.Random) -> list[tuple[float, float]]:
    """Where the phone's four corners land in the frame: rotated, skewed and near the centre."""
    width, height = size
    cx = canvas[0] / 2 + rng.uniform(-0.08, 0.08) * canvas[0]
    cy = canvas[1] / 2 + rng.uniform(-0.05, 0.05) * canvas[1]  # the code sits mid-screen
    theta = math.radians(look.angle)
    quad = []
    half_w, half_h = width / 2, height / 2
    for x, y in ((-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h)):
        x += rng.uniform(-look.skew, look.skew) * width
        y += rng.uniform(-look.skew, look.skew) * width
        quad.append((cx + x * math.cos(theta) - y * math.sin(theta), cy + x * math.sin(theta) + y * math.cos(theta)))
    return quad


def _perspective_coefficients(source: list[tuple[float, float]], target: list[tuple[float, float]]) -> list[float]:
    """PIL's eight coefficients mapping a point of ``target`` back to ``source``."""
    rows, values = [], []
    for (x, y), (u, v) in zip(target, source):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values.extend((u, v))
    return list(np.linalg.solve(np.array(rows, dtype=float), np.array(values, dtype=float)))


def _project(screen: Image.Image, quad: list[tuple[float, float]], canvas: tuple[int, int],
             rng: random.Random) -> Image.Image:
    """The phone drawn at ``quad`` over a desk-like gradient background."""
    width, height = screen.size
    corners = [(0.0, 0.0), (float(width), 0.0), (float(width), float(height)), (0.0, float(height))]
    coefficients = _perspective_coefficients(corners, quad)
    warped = screen.transform(canvas, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC)
    mask = Image.new("L", screen.size, 255).transform(canvas, Image.Transform.PERSPECTIVE, coefficients,
                                                      Image.Resampling.BILINEAR)
    top, bottom = rng.randint(120, 170), rng.randint(70, 110)
    ramp = np.linspace(top, bottom, canvas[1], dtype=np.float32)[:, None].repeat(canvas[0], axis=1)
    desk = Image.fromarray(ramp.astype(np.uint8), "L")
    desk.paste(warped, (0, 0), mask)
    return desk


def _add_noise(frame: Image.Image, sigma: float, rng: random.Random) -> Image.Image:
    noise = np.random.default_rng(rng.getrandbits(64)).normal(0.0, sigma, (frame.height, frame.width))
    return Image.fromarray(np.clip(np.asarray(frame, dtype=np.float32) + noise, 0, 255).astype(np.uint8), "L")


def _mjpeg(frame: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    frame.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Image.open(buffer).convert("L")


def write_corpus(folder: Path, seed: int = DEFAULT_SEED) -> int:
    """Write every clean and degraded image to ``folder`` as PNG; returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    documents = corpus_documents(seed)
    samples = clean_samples(documents) + degraded_samples(documents, seed)
    for sample in samples:
        size = f"_{sample.canvas[0]}x{sample.canvas[1]}" if sample.canvas else ""
        sample.image.save(folder / f"{sample.name}_{sample.kind}{size}_v{sample.version}.png")
    return len(samples)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(f"{write_corpus(Path(sys.argv[1]))} images written to {sys.argv[1]}")
