"""The scale study's corpus generator: reproducible, sized as asked, and building a graph that conforms."""

from __future__ import annotations

import csv
import random
import re
import sys
from pathlib import Path

from rdflib import RDF, URIRef

from corpus import load_corpus
from graph.build import build_graph
from graph.examples import all_examples
from graph.registry import Registry
from graph.store import OxigraphStore, write_dataset
from graph.validate import validate_dataset

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generate_corpus import (  # noqa: E402
    LATEST_REPORT,
    NEAR_FOUNDED,
    SEED_CORPUS,
    SHAPES,
    Vocabulary,
    generate,
    josa,
    near,
)

GY = "https://w3id.org/gyoryu/ontology#"


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    first = generate(0.05, tmp_path / "a")
    generate(0.05, tmp_path / "b")
    generate(0.05, tmp_path / "c", seed=14)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")
    seed_chars = sum(len(p.read_text(encoding="utf-8")) for p in SEED_CORPUS.glob("*.txt"))
    assert first["characters"] >= 0.05 * seed_chars
    with (tmp_path / "a" / "manifest.tsv").open(encoding="utf-8") as fh:
        listed = [row["file"] for row in csv.DictReader(fh, delimiter="\t")]
    assert sorted(listed) == sorted(p.name for p in (tmp_path / "a").glob("*.txt"))
    assert len(listed) == first["documents"]


def test_particles_follow_the_last_syllable() -> None:
    assert [josa("양평군", "은/는"), josa("서울특별시", "은/는"), josa("청주시", "와/과"), josa("하령군", "와/과"),
            josa("사무총장", "이/가"), josa("대사", "이/가")] == ["양평군은", "서울특별시는", "청주시와", "하령군과",
                                                                "사무총장이", "대사가"]


def test_generated_corpus_builds_a_conforming_graph_with_agreements(tmp_path: Path) -> None:
    generate(0.1, tmp_path)
    dataset = build_graph(load_corpus(tmp_path), Registry.default()).dataset
    conforms, text = validate_dataset(dataset)
    assert conforms, text
    agreements = {s for s, _, _, _ in dataset.quads((None, RDF.type, URIRef(GY + "Agreement"), None))}
    assert len(agreements) >= 10
    for agreement in agreements:
        parties = {o for _, _, o, _ in dataset.quads((agreement, URIRef(GY + "party"), None, None))}
        assert len(parties) >= 2


def test_every_readme_question_answers_on_a_small_generated_corpus(tmp_path: Path) -> None:
    """One document of each shape first (the first agreement table is Seoul's, the first NEAR report 2024's): each
    README question without SERVICE returns rows, so the scale study times answers, not empty results."""
    counts = generate(0.05, tmp_path / "corpus")
    names = sorted(p.name for p in (tmp_path / "corpus").glob("*.txt"))
    assert [n.split("_", 1)[1][:-4] for n in names[:len(SHAPES)]] == [s for s, _ in SHAPES]
    assert counts["documents"] == len(names) >= len(SHAPES)
    assert "서울특별시 국내 자매·우호도시 교류 현황" in (tmp_path / "corpus" / names[0]).read_text(encoding="utf-8")
    write_dataset(build_graph(load_corpus(tmp_path / "corpus"), Registry.default()).dataset, tmp_path / "graph.nq")
    store = OxigraphStore.load(tmp_path)
    answered = {e["id"]: len(list(store.query(e["query"]))) for e in all_examples() if "SERVICE" not in e["query"]}
    assert len(answered) >= 9 and min(answered.values()) >= 1, answered
    partners = list(store.query(next(e for e in all_examples() if e["id"] == "seoul-partners")["query"]))
    assert len(partners) >= 20  # Seoul's table: 50-90 rows of Korean partners


def test_a_larger_scale_writes_the_same_first_documents(tmp_path: Path) -> None:
    small, large = generate(0.05, tmp_path / "small"), generate(0.2, tmp_path / "large")
    assert large["documents"] > small["documents"]
    for path in (tmp_path / "small").glob("*.txt"):
        assert (tmp_path / "large" / path.name).read_bytes() == path.read_bytes()


def test_near_reports_count_back_a_year_each_to_the_founding_year_and_again() -> None:
    vocab = Vocabulary(random.Random(5))
    years = LATEST_REPORT - NEAR_FOUNDED + 1
    titles = [near(vocab, n, n)[0] for n in range(2 * years + 1)]
    stated = [int(re.search(r"\b(\d{4})\b", t).group(1)) for t in titles]
    assert stated[:2] == [LATEST_REPORT, LATEST_REPORT - 1] and stated[years - 1] == NEAR_FOUNDED
    assert stated[years:] == stated[:years + 1]
