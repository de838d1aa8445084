"""The learned acceptance model and the liberal candidates it judges (decision 0060; trained, off unless the setting
``GYORYU_ACCEPTANCE_MODEL`` names it, decision 0072)."""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDF, Dataset

from graph.build import extract_piece, extraction_task
from graph.extraction_cache import extractor_version
from graph.facts import FactWriter
from graph.readers import liberal
from graph.readers.acceptance import (
    MODEL_SETTING,
    AcceptanceModelError,
    accept,
    features,
    load_model,
    model_digest,
    probability,
)
from graph.readers.automatic import liberal_candidates
from graph.registry import Registry, normalize_name
from graph.report import ExtractionReport
from gyoryu.build import BuildError
from gyoryu.build import build as run_build
from ontology.namespaces import GY
from runtime.progress import Progress
from runtime.settings import Settings
from tests.readers.helpers import build, document, facts

#: The trained model (``eval/acceptance_model.json``; off in the product unless the setting names it, decision 0060).
TRAINED = Path(__file__).resolve().parents[2] / "eval" / "acceptance_model.json"
MODEL = json.loads(TRAINED.read_text(encoding="utf-8"))
SIGNED = "강릉시는 2019년 5월 24일 일본 아오모리현과 자매결연을 체결했다."
VISIT = "2019년 5월 강릉시 대표단이 일본 아오모리현을 방문해 자매결연 20주년 기념행사에 참석했다."
PLAN = "강릉시는 2026년 중 일본 아오모리현과 자매결연 체결을 추진할 계획이다."


def _writer(*lines: str) -> FactWriter:
    return FactWriter(Dataset(), document("synthetic.txt", "\n".join(lines)), Registry.default(), ExtractionReport())


def _one(w: FactWriter, n: int):
    found = liberal.line_candidates(w, n, w.doc.lines[n - 1])
    assert len(found) == 1
    return found[0]


def test_a_line_with_a_relation_word_a_date_and_two_places_is_a_liberal_candidate():
    w = _writer("국제교류 현황", SIGNED, "시청 소식", "2024년 3월 5일 강릉시 청사 준공")
    c = _one(w, 2)
    assert (sorted(p.entity.name_ko for p in c.parties), c.date.iso, c.relation, c.lines, c.reader) == (
        ["강릉시", "아오모리현"], "2019-05-24", "sister", (2, 2), "liberal")
    assert liberal.line_candidates(w, 4, w.doc.lines[3]) == []  # a date and a place, no relation or signing word
    assert liberal.read(w) == liberal.line_candidates(w, 2, SIGNED)


def test_perturbations_move_the_candidate_with_the_line():
    changed = SIGNED.replace("2019년 5월 24일", "2003. 9. 17.")
    w = _writer("강릉시 국제교류", changed, "- 일본 야마가타현, 2011년 우호교류 협약 체결")
    assert _one(w, 2).date.iso == "2003-09-17"
    subject = _one(w, 3)  # one place on the line: the document's subject (its title) is the other party
    assert (sorted(p.entity.name_ko for p in subject.parties), subject.date.iso, subject.relation) == (
        ["강릉시", "야마가타현"], "2011", "friendship")
    two = _writer("강릉시는 2015년 아오모리현, 2016년 니가타현과 각각 우호교류 협약을 체결했다.")
    got = {(c.parties[1].entity.name_ko, c.date.iso) for c in liberal.read(two)}
    assert got == {("아오모리현", "2015"), ("니가타현", "2016")}


def test_the_model_accepts_a_signing_and_rejects_a_visit_and_a_plan():
    w = _writer("강릉시 국제교류", SIGNED, VISIT, PLAN)
    signed, visit, plan = (_one(w, n) for n in (2, 3, 4))
    assert accept(w, [signed, visit, plan], MODEL) == [signed]
    part = MODEL["liberal"]
    values = [features(c, w.doc.lines, None, 1, 3) for c in (signed, visit, plan)]
    assert probability(part, values[0]) >= part["threshold"] > max(probability(part, v) for v in values[1:])


def test_a_reader_candidate_passes_and_a_liberal_one_needs_the_model():
    """Reader candidates are not scored (the model has no part for them); without a model nothing liberal is kept."""
    w = _writer("강릉시 국제교류", VISIT)
    visit = _one(w, 2)
    from_reader = replace(visit, reader="sentences")
    assert accept(w, [from_reader, visit], MODEL) == [from_reader]
    assert liberal_candidates(w, frozenset(), [], MODEL) == [visit]
    assert liberal_candidates(w, frozenset(), [from_reader], MODEL) == []  # its line is covered by a reader candidate


def test_without_a_model_in_use_nothing_is_scored_or_proposed(monkeypatch):
    """By default the setting names no model: every candidate passes and no liberal candidate is proposed."""
    monkeypatch.delenv(MODEL_SETTING, raising=False)
    w = _writer("강릉시 국제교류", VISIT)
    visit = _one(w, 2)
    assert load_model() is None and model_digest() == ""
    assert accept(w, [visit]) == [visit] and liberal_candidates(w, frozenset(), []) == []


#: Two renewals written as a table-less list: the readers read the second line; the first only a model accepts.
RENEWALS = "\n".join(["강릉시 국제교류 현황", "", "아오모리현 자매결연 2019. 5. 24. 재체결, 청소년 교류",
                      "지린성 우호교류 2011. 3. 2. 재체결"])
READ = {("강릉시", "지린성", "2011-03-02", "friendship")}


def test_the_setting_switches_the_model_on_and_off_and_the_extraction_cache_sees_it(monkeypatch):
    """``GYORYU_ACCEPTANCE_MODEL`` names the trained file: the liberal candidate it accepts becomes a fact, and the
    extraction cache's key changes with it (cached extractions of the other setting are not reused)."""
    monkeypatch.delenv(MODEL_SETTING, raising=False)
    off_version = extractor_version()
    assert facts(build(document("renewals.txt", RENEWALS))) == READ
    monkeypatch.setenv(MODEL_SETTING, str(TRAINED))
    assert load_model() == MODEL and model_digest() == hashlib.sha256(TRAINED.read_bytes()).hexdigest()
    assert facts(build(document("renewals.txt", RENEWALS))) == READ | {("강릉시", "아오모리현", "2019-05-24", "sister")}
    assert extractor_version() != off_version
    monkeypatch.setenv(MODEL_SETTING, "")
    assert extractor_version() == off_version and facts(build(document("renewals.txt", RENEWALS))) == READ


def test_a_build_hands_its_model_to_every_task_whatever_the_workers_environment_says(monkeypatch):
    """A build reads the setting once (:func:`graph.build.extraction_task`) and the task extracts with that model: a
    worker whose environment says otherwise (a Dask worker started without the setting) extracts the same facts."""
    doc = document("renewals.txt", RENEWALS)
    monkeypatch.setenv(MODEL_SETTING, str(TRAINED))
    task = extraction_task(Registry.default())
    monkeypatch.delenv(MODEL_SETTING)  # the worker's environment
    off = {"cn-jilin--kr-gangwon-gangneung--2011-03-02"}
    on = off | {"jp-aomori--kr-gangwon-gangneung--2019-05-24"}
    assert _agreements(task(doc)) == on
    assert _agreements(extract_piece(doc)) == off  # no model handed: the setting's (none)
    assert _agreements(extract_piece(doc, acceptance=(MODEL,))) == on
    monkeypatch.setenv(MODEL_SETTING, str(TRAINED))
    assert _agreements(extract_piece(doc, acceptance=(None,))) == off  # handed: none, whatever the setting says


def _agreements(extracted) -> set[str]:
    """The agreement nodes of one document's extraction (``extract_piece``'s result), by their IRIs' last part."""
    piece, _ = extracted
    return {str(a).rsplit("/", 1)[-1] for g in piece.dataset.graphs() for a in g.subjects(RDF.type, GY.Agreement)}


@pytest.mark.parametrize("content", [None, "{}", "not json", json.dumps({"liberal": {"weights": [1.0]}})])
def test_a_setting_naming_no_model_file_is_a_clear_error_before_any_build_work(tmp_path, monkeypatch, content):
    """A missing file, or one that is no model, stops ``build`` with one line naming the setting and the file; the
    data directory is not touched."""
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setenv(MODEL_SETTING, str(path))
    with pytest.raises(AcceptanceModelError, match=MODEL_SETTING):
        load_model()
    data = tmp_path / "data"
    with pytest.raises(BuildError, match=f"{MODEL_SETTING}=.*model.json"):
        run_build(None, data, Settings.from_env(), Progress(quiet=True))
    assert not data.exists()


def test_the_model_file_loads_and_scores_deterministically():
    model = MODEL
    part = model["liberal"]
    n = len(part["features"])
    assert n == len(part["weights"]) == len(part["mean"]) == len(part["scale"]) and 0 < part["threshold"] < 1
    assert all(s > 0 for s in part["scale"]) and "readers" not in model
    assert len(model["trained_on"]) >= 60 and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in model["trained_on"])
    values = {name: 0.25 for name in part["features"]}
    z = part["intercept"] + sum(w * (0.25 - m) / s for w, m, s in zip(part["weights"], part["mean"], part["scale"],
                                                                         strict=True))
    assert probability(part, values) == probability(part, dict(values)) == 1 / (1 + math.exp(-z))


def test_the_model_file_holds_no_registry_label():
    """Only feature names, numbers and document hashes: no place, organisation or country name of the registry."""
    registry = Registry.default()
    names = {normalize_name(n) for e in registry.entities.values() for n in e.names if len(n) >= 2}
    latin = {n.lower() for e in registry.entities.values() for n in (e.name_en, *e.names)
             if n and len(n) >= 4 and n.isascii()}

    def strings(value):
        if isinstance(value, dict):
            for k, v in value.items():
                yield k
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)
        elif isinstance(value, str):
            yield value

    found = []
    for s in strings(json.loads(TRAINED.read_text(encoding="utf-8"))):
        found += [w for w in re.findall(r"[가-힣]+", s) if normalize_name(w) in names]
        found += [w for w in re.findall(r"[A-Za-z]{4,}", s) if w.lower() in latin]
    assert found == []
