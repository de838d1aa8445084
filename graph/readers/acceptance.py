"""A learned acceptance model over the general readers' agreement candidates (decision 0060).

Every agreement candidate (not a plan) gets general features — which reader made it, the shape of its source lines
(a table row, a list item, prose, English), the relation, signing, plan, activity, renewal and expiry words there
(the readers' own word tables: :mod:`graph.readers.relations`, :mod:`graph.readers.context`), the date's precision
and whether it falls after the document's own date, how many dates the lines hold, whether each party came from
the registry or was minted and is written on the lines, how far the partner is from the date, the line's position,
the reader's own score. No name, title or phrase of any document is a feature.

A logistic regression over them (feature names, scaling, weights, the acceptance threshold, the hashes of the
documents it was trained on; written by ``eval/train_acceptance.py`` to ``eval/acceptance_model.json``) gives each
candidate a probability of being a judged signing; a candidate below the threshold is dropped. It is applied only
when the setting ``GYORYU_ACCEPTANCE_MODEL`` names a model file, and by default it names none: the trained model
moved no held-out figure (decision 0060; why a setting, decision 0072). Scoring is plain Python: the product needs no
learning library.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

from graph.dates import find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import BULLET, document_date, is_activity, is_plan, is_table_row
from graph.readers.relations import (
    DEFAULT_RELATION,
    finished_signing,
    is_intent,
    is_renewal,
    negates_signing,
    relation_of,
    states_signing,
)
from runtime.settings import SETTINGS

#: The setting that names the model in use (:mod:`runtime.settings`): empty by default, so nothing is scored and no
#: liberal candidate is proposed (decision 0060: the trained model, ``eval/acceptance_model.json``, moved no held-out
#: figure).
MODEL_SETTING = SETTINGS["acceptance_model"].env
READER_NAMES = ("tables", "lists", "lists_en", "sentences", "sentences_en", "liberal")
#: The model part scoring a candidate of a reader (``liberal``: :mod:`graph.readers.liberal`), and of the others.
LIBERAL, READERS_PART = "liberal", "readers"
_ANNIVERSARY = re.compile(r"\d+\s*주년|anniversary", re.IGNORECASE)
_EXPIRY = re.compile(r"만료|종료|해지|중단|expir|lapsed|ended", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[가-힣]")
#: A label line above a dated line (a card's field name) is at most this long.
LABEL_CHARS = 16
#: What may stand beside a date on a line that holds only a date (a card's value cell).
_DATELESS_REST = re.compile(r"[\s.,/~()\-·:|]+")
#: The models handed to the extraction running in this process (:class:`model_given`), innermost last.
_GIVEN: list[dict | None] = []
#: When set (``recording``), every scored candidate's features are handed to it and nothing is dropped.
_RECORDER: dict[str, Callable[[AgreementCandidate, dict[str, float]], None] | None] = {"on": None}


def _text_of(lines: tuple[str, ...], c: AgreementCandidate) -> str:
    return "\n".join(lines[c.lines[0] - 1:c.lines[1]])


def _date_free(text: str) -> str:
    """``text`` without its dates."""
    for d in reversed(find_dates(text, bare_years=True)):
        text = text[:d.start] + text[d.end:]
    return text


def _partner_distance(text: str, c: AgreementCandidate) -> float:
    """Characters (÷ 50, at most 4) between the nearest written party and the nearest mention of the date; 4 when
    neither party is written on the lines or the date is not stated there."""
    dates = [d for d in find_dates(text, bare_years=True) if c.date is not None and d.value.year == c.date.year]
    spots = [i for p in c.parties if p.surface and (i := text.find(p.surface)) >= 0]
    if not dates or not spots:
        return 4.0
    return min(4.0, min(abs(s - d.start) for s in spots for d in dates) / 50)


def features(c: AgreementCandidate, lines: tuple[str, ...], doc_day, same_lines: int, same_pair: int) -> dict:
    """The general features of one agreement candidate (see the module's docstring); values are numbers."""
    text = _text_of(lines, c)
    first = lines[c.lines[0] - 1] if lines else ""
    last = lines[c.lines[1] - 1] if lines else ""
    dates = find_dates(text, bare_years=True)
    latin, hangul = len(_LATIN.findall(text)), len(_HANGUL.findall(text))
    out = {f"reader_{r}": float(c.reader == r) for r in READER_NAMES}
    out.update({
        "raw_confidence": c.confidence,
        "date_day": float(c.date is not None and c.date.precision == "day"),
        "date_month": float(c.date is not None and c.date.precision == "month"),
        "date_year": float(c.date is not None and c.date.precision == "year"),
        "date_after_document": float(c.date is not None and doc_day is not None and c.date.year > doc_day.year),
        "dates_on_lines": min(len(dates), 6) / 6,
        "years_on_lines": min(len({d.value.year for d in dates}), 6) / 6,
        "minted_parties": sum(p.minted for p in c.parties) / 2,
        "korean_parties": sum(p.entity.country == "KR" for p in c.parties) / 2,
        "written_parties": sum(bool(p.surface) and p.surface in text for p in c.parties) / 2,
        "partner_distance": _partner_distance(text, c) / 4,
        "span_lines": min(c.lines[1] - c.lines[0] + 1, 10) / 10,
        "line_position": c.lines[0] / max(len(lines), 1),
        "text_length": min(len(text), 400) / 400,
        "table_row": float(is_table_row(first)),
        "list_item": float(bool(BULLET.match(first))),
        "english": float(latin > hangul),
        "relation_word": float(relation_of(text) is not None),
        "specific_relation": float(c.relation != DEFAULT_RELATION),
        "signing_word": float(states_signing(text)),
        "finished_signing": float(finished_signing(text)),
        "plan_words": float(is_plan(text) or is_intent(text)),
        "activity_words": float(is_activity(text)),
        "renewal_words": float(is_renewal(text)),
        "negated_signing": float(negates_signing(text)),
        "anniversary": float(bool(_ANNIVERSARY.search(text))),
        "expiry_words": float(bool(_EXPIRY.search(text))),
        "candidates_on_lines": min(same_lines, 6) / 6,
        "dates_of_pair": min(same_pair, 6) / 6,
        "fields": float(bool(c.fields)),
        "date_only_line": float(not _DATELESS_REST.sub("", _date_free(last)).strip()),
        "label_above": float(c.lines[1] > 1 and len(lines[c.lines[1] - 2].strip()) <= LABEL_CHARS
                             and states_signing(lines[c.lines[1] - 2])),
        "parties_on_dated_line": sum(bool(p.surface) and p.surface in last for p in c.parties) / 2,
    })
    return out


class AcceptanceModelError(ValueError):
    """The model the setting names cannot be used: no such file, or not a model ``eval/train_acceptance.py`` wrote."""


def model_path(env: Mapping[str, str] | None = None) -> Path | None:
    """The model file the setting names in ``env`` (default: the environment), ``None`` when it names none."""
    env = os.environ if env is None else env
    named = str(SETTINGS["acceptance_model"].parse(env.get(MODEL_SETTING) or "")).strip()
    return Path(named).expanduser().resolve() if named else None


def load_model(path: Path | None = None) -> dict | None:
    """The content of the model file ``path``, by default the one in use: the one a build handed to this extraction
    (:class:`model_given`), else the one the setting names (:func:`model_path`); ``None`` when there is none (every
    candidate is kept, no liberal candidate is proposed). A file read once per process while it is unchanged."""
    if path is None and _GIVEN:
        return _GIVEN[-1]
    path = path if path is not None else model_path()
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError as exc:
        raise AcceptanceModelError(f"{MODEL_SETTING}={path}: {exc.strerror or exc}") from exc
    return _read_model(path, stat.st_mtime_ns, stat.st_size)


@cache
def _read_model(path: Path, mtime_ns: int, size: int) -> dict:
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AcceptanceModelError(f"{MODEL_SETTING}={path}: not a model file ({exc})") from exc
    parts = [model.get(p) for p in (LIBERAL, READERS_PART)] if isinstance(model, dict) else [None]
    if not any(isinstance(p, dict) and {"features", "weights", "mean", "scale", "intercept", "threshold"} <= set(p)
               for p in parts):
        raise AcceptanceModelError(f"{MODEL_SETTING}={path}: not a model file (no '{LIBERAL}' or '{READERS_PART}' "
                                   "part with features, weights, scaling and a threshold)")
    return model


def model_digest() -> str:
    """SHA-256 of the model file in use, ``""`` when none is: the extraction cache's key includes it, so switching a
    model on, off or to another one extracts every document again."""
    path = model_path()
    if path is None:
        return ""
    load_model(path)  # a clear error before anything is built with a file that is no model
    return hashlib.sha256(path.read_bytes()).hexdigest()


def probability(model: dict, values: dict[str, float]) -> float:
    """A model part's probability that a candidate with these feature values is a judged signing."""
    z = model["intercept"] + sum(w * (values[name] - m) / s for name, w, m, s in
                                 zip(model["features"], model["weights"], model["mean"], model["scale"], strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


class model_given:
    """Within the block, the model in use is ``model`` (``None``: none), whatever the environment says: a build reads
    the setting once and hands the model to every extraction task, so a worker of a cluster extracts with the model
    the extraction cache's key names (:func:`model_digest`), not with its own environment's."""

    def __init__(self, model: dict | None) -> None:
        self.model = model

    def __enter__(self) -> model_given:
        _GIVEN.append(self.model)
        return self

    def __exit__(self, *exc) -> None:
        _GIVEN.pop()


class recording:
    """Within the block, each agreement candidate's features go to ``sink(candidate, features)`` and none is
    dropped (to train the model on the readers' own output)."""

    def __init__(self, sink: Callable[[AgreementCandidate, dict[str, float]], None]) -> None:
        self.sink = sink

    def __enter__(self) -> recording:
        _RECORDER["on"] = self.sink
        return self

    def __exit__(self, *exc) -> None:
        _RECORDER["on"] = None


def part_of(c: AgreementCandidate) -> str:
    """The model part that scores ``c``."""
    return LIBERAL if c.reader == LIBERAL else READERS_PART


def recording_on() -> bool:
    """Whether candidates are being recorded to train the model (every liberal candidate is proposed then)."""
    return _RECORDER["on"] is not None


def accept(w: FactWriter, candidates: list, model: dict | None = None) -> list:
    """``candidates`` without the agreement candidates the model rejects: a candidate whose part (:func:`part_of`)
    the model has is kept when its probability reaches that part's threshold, a candidate of a part it lacks is kept
    (a liberal candidate is only proposed when the model has the liberal part). Plans (``intent``), people and
    candidates the writer would not write (no date, one party) pass."""
    model = model if model is not None else load_model()
    sink = _RECORDER["on"]
    if model is None and sink is None:
        return candidates
    scored = [c for c in candidates if isinstance(c, AgreementCandidate) and not c.intent and c.date is not None
              and c.parties[0].entity.id != c.parties[1].entity.id]
    if not scored:
        return candidates
    doc_day = document_date(w.doc)
    per_lines = Counter(c.lines for c in scored)
    per_pair = Counter(c.party_ids for c in {c.key: c for c in scored}.values())
    rejected: set[int] = set()
    for c in scored:
        part = None if sink is not None or model is None else model.get(part_of(c))
        if sink is None and part is None:
            continue
        values = features(c, w.doc.lines, doc_day, per_lines[c.lines], per_pair[c.party_ids])
        if sink is not None:
            sink(c, values)
        elif probability(part, values) < part["threshold"]:
            rejected.add(id(c))
    return [c for c in candidates if id(c) not in rejected]
