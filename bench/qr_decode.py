"""Decode the QR corpus with every backend: success rate and median decode time, side by side.

    python -m bench.qr_decode [--seed N] [--backends zxing,zbar] [--envelopes KKN1,KKN2]

The same households through the same degraded frames, once as KKN1 codes and once as KKN2. A sample
counts as read only when a decoded text equals the code's text exactly.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass

from bench.qr_corpus import DEFAULT_SEED, KINDS, QrSample, clean_samples, corpus_documents, degraded_samples
from kakanai.qr.images import BACKENDS, Decoder, as_grey_array, decoder_for


@dataclass(frozen=True)
class Outcome:
    """One backend's attempt at one sample."""

    read: bool
    seconds: float


def run(decoder: Decoder, samples: list[QrSample]) -> list[Outcome]:
    """Decode every sample once, timing the decoder alone (the frame is already grayscale)."""
    outcomes = []
    for sample in samples:
        grey = as_grey_array(sample.image)
        start = time.perf_counter()
        texts = decoder.decode(grey)
        outcomes.append(Outcome(sample.text in texts, time.perf_counter() - start))
    return outcomes


def group_of(sample: QrSample) -> str:
    """The row a sample is reported in, e.g. ``blur 640×480``."""
    return "clean" if sample.canvas is None else f"{sample.kind} {sample.canvas[0]}×{sample.canvas[1]}"


def summarise(samples: list[QrSample], outcomes: list[Outcome]) -> dict[str, tuple[int, int, float]]:
    """Per row: (read, total, median milliseconds), plus ``all degraded`` and each canvas size."""
    rows: dict[str, list[Outcome]] = defaultdict(list)
    for sample, outcome in zip(samples, outcomes):
        rows[group_of(sample)].append(outcome)
        if sample.canvas is not None:
            rows["all degraded"].append(outcome)
            rows[f"all {sample.canvas[0]}×{sample.canvas[1]}"].append(outcome)
    return {name: (sum(o.read for o in got), len(got), 1000 * statistics.median(o.seconds for o in got))
            for name, got in rows.items()}


def row_order() -> list[str]:
    """Rows in print order: clean, each kind on each canvas, then the degraded total."""
    return (["clean"] + [f"{kind} {w}×{h}" for kind in KINDS for w, h in ((640, 480), (1280, 720))]
            + ["all 640×480", "all 1280×720", "all degraded"])


def table(results: dict[str, dict[str, tuple[int, int, float]]]) -> str:
    """A plain-text table, one column pair (success, median ms) per backend."""
    backends = list(results)
    header = f"{'set':<26}" + "".join(f"{b + ' read':>16}{b + ' median':>14}" for b in backends)
    lines = [header, "-" * len(header)]
    for row in row_order():
        cells = ""
        for backend in backends:
            read, total, median = results[backend][row]
            cells += f"{f'{read}/{total} {100 * read / total:5.1f}%':>16}{f'{median:7.1f} ms':>14}"
        lines.append(f"{row:<26}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, decode it with each backend and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--envelopes", default="KKN1,KKN2")
    args = parser.parse_args(argv)
    documents = corpus_documents(args.seed)
    results = {}
    for envelope in args.envelopes.split(","):
        samples = clean_samples(documents, envelope) + degraded_samples(documents, args.seed, envelope)
        versions = sorted({s.version for s in samples})
        print(f"{envelope}: {len(documents)} households (1–10 members, QR versions {versions[0]}–{versions[-1]}, "
              f"error correction M), {len(samples)} images, seed {args.seed}")
        for name in args.backends.split(","):
            results[f"{envelope} {name}"] = summarise(samples, run(decoder_for(name), samples))
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
