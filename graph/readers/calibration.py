"""Calibrated confidence: a reader's raw score → a confidence measured on the tune half of the judged set.

``graph/data/confidence_calibration.tsv`` maps raw-score floors to confidences. It is measured by
``gyoryu eval --extraction --calibrate`` on the ``tune`` half only (:func:`calibration_rows`): for each raw
floor ``f`` the conservative precision ``L(f) = min(p, (tp + 1) / (n + 2))`` of the facts scoring ≥ ``f``,
then ``confidence(r) = min(L(f) for f ≥ r)`` — non-decreasing in the raw score and never above the
measured precision, so facts with confidence ≥ c have precision ≥ c there. A raw score below every floor
keeps the lowest confidence of the table.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from graph.readers.candidates import AgreementCandidate, OfficialCandidate

CALIBRATION_FILE = Path(__file__).resolve().parents[1] / "data" / "confidence_calibration.tsv"


KINDS = ("agreement", "official")
_RAW = {"on": False}


@cache
def calibration_table(kind: str, path: Path = CALIBRATION_FILE) -> tuple[tuple[float, float], ...]:
    """``((raw floor, confidence), …)`` of one kind of fact, highest floor first (empty when missing)."""
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(float(r["raw_floor"]), float(r["confidence"])) for r in csv.DictReader(fh, delimiter="\t")
                if r["kind"] == kind]
    return tuple(sorted(rows, reverse=True))


@contextmanager
def raw_scores() -> Iterator[None]:
    """Within the block, candidates keep their raw scores (to measure a new calibration)."""
    _RAW["on"] = True
    try:
        yield
    finally:
        _RAW["on"] = False


def calibrated(raw: float, table: tuple[tuple[float, float], ...]) -> float:
    """The confidence for a raw score.

    >>> calibrated(0.9, ((0.85, 0.95), (0.7, 0.8))), calibrated(0.75, ((0.85, 0.95), (0.7, 0.8)))
    (0.95, 0.8)
    >>> calibrated(0.5, ((0.85, 0.95), (0.7, 0.8))), calibrated(0.5, ())
    (0.8, 0.5)
    """
    if not table:
        return raw
    return next((value for floor, value in table if raw >= floor), table[-1][1])


def calibrate(candidate: AgreementCandidate | OfficialCandidate) -> AgreementCandidate | OfficialCandidate:
    """``candidate`` with its raw score replaced by the calibrated confidence of its kind."""
    if not _RAW["on"]:
        kind = "official" if isinstance(candidate, OfficialCandidate) else "agreement"
        candidate.confidence = calibrated(candidate.confidence, calibration_table(kind))
    return candidate


def calibration_rows(scored: list[tuple[float, bool]]) -> list[tuple[float, float]]:
    """From ``(raw score, judged correct)`` pairs of the tune half: ``(raw floor, confidence)`` rows.

    >>> calibration_rows([(0.9, True), (0.9, True), (0.8, True), (0.7, False)])
    [(0.9, 0.75), (0.8, 0.75), (0.7, 0.667)]
    """
    floors = sorted({raw for raw, _ in scored}, reverse=True)
    lower: dict[float, float] = {}
    for f in floors:
        chosen = [ok for raw, ok in scored if raw >= f]
        tp, n = sum(chosen), len(chosen)
        lower[f] = round(min(tp / n, (tp + 1) / (n + 2)), 3)
    return [(f, min(lower[g] for g in floors if g >= f)) for f in floors]
