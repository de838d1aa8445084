"""Calibrated confidence: a reader's raw score → the precision measured on the tune half of the judged set.

:data:`CALIBRATION` maps a reader and a raw-score floor to the confidence written as ``gy:confidence``;
it is measured by ``gyoryu eval --extraction --calibrate`` on the tune half only, so that facts with
confidence ≥ c have precision ≥ c there. A reader or score below every floor keeps its raw score.
"""

from __future__ import annotations

from graph.readers.candidates import AgreementCandidate, OfficialCandidate

#: reader → ((raw-score floor, calibrated confidence), …), highest floor first.
CALIBRATION: dict[str, tuple[tuple[float, float], ...]] = {}


def calibrate(candidate: AgreementCandidate | OfficialCandidate) -> AgreementCandidate | OfficialCandidate:
    """``candidate`` with its confidence replaced by the calibrated one."""
    for floor, value in CALIBRATION.get(candidate.reader, ()):
        if candidate.confidence >= floor:
            candidate.confidence = value
            break
    return candidate
