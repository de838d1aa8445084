"""Issue 9.5, "any sequence": random sequences (fixed seeds) of ingest, re-ingest of a changed file, re-ingest of an
unchanged one and removal, over small documents whose signings restate each other to the day, the month and the
year; after every step the data equals a clean build of the resulting corpus (graph bytes, store, report, state).

The fixed sequences of ``test_incremental_graph`` walk chosen steps; these walk steps nobody chose.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

import graph.build
from corpus.loader import CORPUS_COPY
from graph.extractors import MODULES, all_extractors, extractor
from graph.facts import AUTOMATIC, FactWriter, slug
from graph.set_aside import REJECTED
from gyoryu.build import build
from gyoryu.ingest import ingest, remove
from ontology.namespaces import GY, ID, ORG
from runtime.progress import Progress
from runtime.settings import Settings
from tests.graph.test_incremental_graph import same_as_clean, write_corpus
from tests.readers.helpers import document

OTARU = "강릉시는 {} 일본 오타루시와 자매결연을 맺었다."
DALIAN = "강릉시는 {} 중국 다롄시와 우호교류 협약을 체결했다."
SOKCHO = "속초시는 {} 중국 다롄시와 우호교류 협약을 체결했다."

#: Files a researcher may bring, each in the versions it may have over time: the same signings stated to the day,
#: the month or the year (one signing with several sources), a date no known signing has (a further signing).
VERSIONS: dict[str, list[list[str]]] = {
    "day.txt": [[OTARU.format("2019년 5월 24일")],
                [OTARU.format("2019년 5월 24일"), DALIAN.format("2021년 4월 2일")],
                [OTARU.format("2019년 6월 1일")]],
    "month.txt": [[OTARU.format("2019년 5월")], [DALIAN.format("2021년 4월")]],
    "year.txt": [[OTARU.format("2019년")], [OTARU.format("2019년"), DALIAN.format("2021년")],
                 [OTARU.format("2017년")]],
    "sokcho.txt": [[SOKCHO.format("2024년 3월 5일")], [SOKCHO.format("2024년"), OTARU.format("2019년 5월")]],
}
#: The first build's corpus: both of 강릉시's signings to the day, and one of 춘천시 nobody restates.
BASE = document("base.txt", "\n".join(["강릉시 국제교류 소식", "", OTARU.format("2019년 5월 24일"),
                                       DALIAN.format("2021년 4월 2일"),
                                       "춘천시는 2018년 6월 1일 중국 다롄시와 우호교류 협약을 체결했다."]) + "\n")
STEPS = 6


def text(name: str, version: int, versions: dict[str, list[list[str]]] = VERSIONS) -> str:
    title = {"sokcho.txt": "속초시 국제교류 소식"}.get(name, "강릉시 국제교류 소식")
    return "\n".join([title, "", *versions[name][version]]) + "\n"


def signings(data: Path) -> dict[str, int]:
    """``agreement IRI → sources`` of the built graph (how reconciliation merged the statements)."""
    counts: dict[str, int] = {}
    for line in (data / "graph.nq").read_text(encoding="utf-8").splitlines():
        if "/id/agreement/" in line.split(" ", 1)[0] and "wasDerivedFrom" in line:
            iri = line.split(" ", 1)[0]
            counts[iri] = counts.get(iri, 0) + 1
    return counts


def restated(data: Path) -> int:
    """How many signings of the built graph have more than one source (restatements merged)."""
    return sum(n > 1 for n in signings(data).values())


#: Seeds whose sequences between them re-date a signing (1), remove the document that states a signing to the day
#: while a month or a year restates it (7, 35: a clean build then dates it to the month or year) and remove the
#: first build's document (40). With ``IncrementalGraph.affected`` cut down to the added graphs, 7 and 35 fail; without
#: its redirect rule, 40 fails (measured, decision 0072).
@pytest.mark.parametrize("seed", [1, 7, 35, 40])
def test_a_random_sequence_of_ingests_changes_and_removals_equals_a_clean_build(tmp_path, seed):
    done, merged = walk(tmp_path, seed, VERSIONS, restated)
    assert merged, f"seed {seed} never restated a signing: {done}"  # reconciliation was exercised


def walk(tmp_path: Path, seed: int, versions: dict[str, list[list[str]]], count) -> tuple[list[str], int]:
    """A random sequence (``seed``) of :data:`STEPS` ingests of new files, changes, unchanged re-ingests and removals
    over ``versions``, from a build of :data:`BASE`; after every step the data equals a clean build of its corpus.
    Returns the steps and how many times ``count(data)`` found what the sequence is to exercise."""
    rng = random.Random(seed)
    settings = Settings.from_env()
    data, inbox = tmp_path / "data", tmp_path / "inbox"
    inbox.mkdir()
    build(write_corpus(tmp_path / "corpus", [BASE]), data, settings, Progress(quiet=True), with_index=False)
    held: dict[str, int] = {}  # file name → version ingested (its document id is the file name)
    done: list[str] = []
    found = 0
    for _ in range(STEPS):
        documents = ["base.txt", *held] if (data / CORPUS_COPY / "base.txt").exists() else list(held)
        moves = ["ingest"] * 3 * (len(versions) > len(held)) + ["change", "change", "again"] * bool(held) + \
            ["remove"] * (len(documents) > 1)  # weighted: new and changed files more often than the rest
        move = rng.choice(moves)
        if move == "remove":
            doc = rng.choice(documents)
            assert remove([doc], data, settings, Progress(quiet=True)) == [doc]
            held.pop(doc, None)
        else:
            name = rng.choice([n for n in versions if (n in held) == (move != "ingest")])
            version = held.get(name, 0) if move == "again" else rng.choice(
                [v for v in range(len(versions[name])) if v != held.get(name)])
            (inbox / name).write_text(text(name, version, versions), encoding="utf-8")
            before = (data / "manifest.json").read_bytes()
            outcome = ingest([inbox / name], data, settings, Progress(quiet=True), warn=lambda m: None)
            expected = {"ingest": ([name], [], []), "change": ([], [name], []), "again": ([], [], [name])}[move]
            assert (outcome.added, outcome.replaced, outcome.unchanged) == expected, (seed, done, move)
            if move == "again":
                assert (data / "manifest.json").read_bytes() == before  # nothing rebuilt
            held[name] = version
        done.append(f"{move} {name if move != 'remove' else doc}" + (f" v{held[name]}" if move != "remove" else ""))
        corpus = tmp_path / "corpus-now"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.copytree(data / CORPUS_COPY, corpus)
        same_as_clean(data, corpus, tmp_path / "clean", settings)
        found += count(data)
    assert len(done) == STEPS
    return done, found


#: A club only ``club.txt`` describes (types) and ``pact.txt``'s automatic agreement names as a party without
#: typing it: the agreement conforms (``gy:party`` is ``sh:class org:Organization``) only while ``club.txt`` is in
#: the corpus, else it is set aside. Adding or removing ``club.txt`` changes nothing in ``pact.txt``'s own lines,
#: redirects or descriptions, so only ``IncrementalGraph.affected``'s rule "a node it mentions gained or lost a type"
#: makes the incremental build look at ``pact.txt`` again.
CLUB, PACT = "club.txt", "pact.txt"
CLUB_IRI = ID[f"organization/{slug('test-가나교류협회')}"]
TYPED = {**VERSIONS, CLUB: [["가나교류협회 소개"], ["가나교류협회 소개", "회원 명부"]],
         PACT: [["협약 메모"], ["협약 메모", "서명본 보관"]]}


@extractor("test: an organisation one document describes", applies=lambda doc: doc.id == CLUB)
def _club(w: FactWriter) -> None:
    w.node("organization", "test-가나교류협회", ORG.Organization, 3, label_ko="가나교류협회")


@extractor("test: an automatic agreement with a party another document types", applies=lambda doc: doc.id == PACT)
def _pact(w: FactWriter) -> None:
    node = w.node("agreement", "kr-gangwon-gangneung--test-가나교류협회--2020", GY.Agreement, 3,
                  label_ko="강릉시–가나교류협회 협약 (2020)")
    w.add(node, GY.party, w.entity(w.registry.entities["kr-gangwon-gangneung"]))
    w.add(node, GY.party, CLUB_IRI)
    w.add(node, GY.signedOn, w.year(2020))
    w.add(node, GY.agreementType, GY.friendship)
    w.add(node, GY.extractionMethod, w.plain(AUTOMATIC))
    w.add(node, GY.confidence, w.decimal(0.9))


@pytest.fixture
def with_club_extractors(monkeypatch):
    monkeypatch.setattr(graph.build, "all_extractors",
                        lambda: all_extractors((*MODULES, "tests.graph.test_generated_sequences")))


def pact_set_aside(data: Path) -> int:
    """1 when the built data holds ``pact.txt`` with its agreement set aside (its party untyped), else 0."""
    if not (data / CORPUS_COPY / PACT).exists():
        return 0
    rejected = [i for i in json.loads((data / "report.json").read_text())["issues"] if i["kind"] == REJECTED]
    return int(any(i["doc"] == PACT for i in rejected))


#: Seeds whose sequences ingest ``club.txt`` after ``pact.txt`` (102: the party gains its type, the agreement comes
#: back) and remove it while ``pact.txt`` stays (107: the type is lost, the agreement is set aside). Without the type
#: rule of ``IncrementalGraph.affected`` both fail; the four seeds above all pass without it (measured, decision 0072).
@pytest.mark.parametrize("seed", [102, 107])
def test_a_party_typed_by_another_document_comes_and_goes_as_a_clean_build_has_it(tmp_path, with_club_extractors,
                                                                                  seed):
    done, set_aside = walk(tmp_path, seed, TYPED, pact_set_aside)
    assert set_aside and any(CLUB in step for step in done), f"seed {seed} never toggled the type: {done}"
