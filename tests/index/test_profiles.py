"""Partner profiles' graph part (decision 0090): exact on a small graph, from memory and from an on-disk store alike;
read relation by relation, so a region party to many agreements costs no lookup per agreement; on the seeds the
same as the profiles the build wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph.quad_lines import GraphFileQuads
from index.fact_passages import read_facts
from index.profiles import graph_partners, graph_profiles
from index.store_facts import StoreFacts
from ontology.namespaces import GY

ID = "https://w3id.org/gyoryu/id/"
GRAPH = URIRef(ID + "graph/doc.txt")
GRAPH_FIELDS = ("fields", "broader", "partners", "subcommittees", "programs", "memberOf", "country")


def node(path: str) -> URIRef:
    return URIRef(ID + path)


def small_graph(agreements: int = 2) -> list[tuple]:
    """Regions 가시, 나시, 다시 and 라시, an organisation and a programme: ``agreements`` agreements of 가시 with 나시
    (fields 관광, under 경제, and 청소년), one with 다시 (문화), 라시 signed with 가시, a programme 가시 runs with 마시,
    a sub-committee 가시 coordinates."""
    triples = []

    def named(n, kind, label, lang="ko"):
        triples.extend([(n, RDF.type, GY[kind]), (n, RDFS.label, Literal(label, lang=lang))])

    ga, na, da, ra, ma = (node(f"region/{k}") for k in ("ga", "na", "da", "ra", "ma"))
    for n, label in ((ga, "가시"), (na, "나시"), (da, "다시"), (ra, "라시"), (ma, "마시")):
        named(n, "Region", label)
    tourism, youth, culture, economy = (node(f"field/{k}") for k in ("tourism", "youth", "culture", "economy"))
    for n, label in ((tourism, "관광"), (youth, "청소년"), (culture, "문화"), (economy, "경제")):
        triples.append((n, SKOS.prefLabel, Literal(label, lang="ko")))
    triples.append((tourism, SKOS.broader, economy))
    for k in range(agreements):
        a = node(f"agreement/ga--na--{k}")
        named(a, "Agreement", f"가시-나시 {k}")
        triples += [(a, GY.party, ga), (a, GY.party, na), (a, GY.cooperationField, tourism),
                    (a, GY.cooperationField, youth)]
    other = node("agreement/ga--da")
    named(other, "Agreement", "가시-다시")
    triples += [(other, GY.party, ga), (other, GY.party, da), (other, GY.cooperationField, culture),
                (ra, GY.signedWith, ga)]
    programme, sub, org, korea = node("program/p"), node("subcommittee/s"), node("organization/o"), node("country/KR")
    named(programme, "Program", "청소년 교류 사업")
    named(sub, "Subcommittee", "방재 분과위원회")
    named(org, "Organization", "동북아지방정부연합")
    triples += [(programme, GY.runBy, ga), (programme, GY.partner, ma), (ga, GY.coordinates, sub),
                (sub, GY.activityField, Literal("방재")), (ga, GY.memberOf, org), (ga, GY.country, korea),
                (korea, RDFS.label, Literal("대한민국", lang="ko")), (korea, RDFS.label, Literal("Korea", lang="en"))]
    return triples


def in_memory(triples: list[tuple]):
    dataset = Dataset()
    graph = dataset.graph(GRAPH)
    for triple in triples:
        graph.add(triple)
    return read_facts(dataset)


def on_disk(triples: list[tuple], folder: Path) -> StoreFacts:
    """A store holding the triples in a named graph and in the default graph, as the build writes it."""
    store = ox.Store(str(folder))

    def term(t):
        if isinstance(t, Literal):
            return ox.Literal(str(t), language=t.language) if t.language else ox.Literal(str(t))
        return ox.NamedNode(str(t))

    for s, p, o in triples:
        for graph in (ox.NamedNode(str(GRAPH)), ox.DefaultGraph()):
            store.add(ox.Quad(term(s), term(p), term(o), graph))
    store.flush()
    del store
    return StoreFacts(folder)


EXPECTED_GA = {"fields": ["관광", "문화", "청소년"], "broader": ["경제"],
               "partners": [ID + "region/da", ID + "region/ma", ID + "region/na", ID + "region/ra"],
               "subcommittees": ["방재 분과위원회 (방재)"], "programs": ["청소년 교류 사업"],
               "memberOf": ["동북아지방정부연합"], "country": ["korea", "kr", "대한민국"]}
EXPECTED_NA = {"fields": ["관광", "청소년"], "broader": ["경제"], "partners": [ID + "region/ga"], "subcommittees": [],
               "programs": [], "memberOf": [], "country": []}
EXPECTED_MA = {"fields": [], "broader": [], "partners": [ID + "region/ga"], "subcommittees": [],
               "programs": ["청소년 교류 사업"], "memberOf": [], "country": []}


@pytest.mark.parametrize("where", ["memory", "store"])
def test_graph_part_of_each_profile_is_exact(where, tmp_path):
    triples = small_graph()
    facts = in_memory(triples) if where == "memory" else on_disk(triples, tmp_path / "store")
    refs: dict[str, dict] = {}
    graph_partners(facts, refs)  # party to an agreement or coordinating: 가시, 나시, 다시 (not 라시, 마시)
    assert sorted(refs) == [ID + "region/da", ID + "region/ga", ID + "region/na"]
    assert refs[ID + "region/ga"] == {"iri": ID + "region/ga", "label": "가시", "type": "Region"}
    parts = graph_profiles(facts, [*refs, ID + "region/ma"])
    assert parts[ID + "region/ga"] == EXPECTED_GA
    assert parts[ID + "region/na"] == EXPECTED_NA
    assert parts[ID + "region/ma"] == EXPECTED_MA
    assert parts[ID + "region/da"]["fields"] == ["문화"] and parts[ID + "region/da"]["partners"] == [ID + "region/ga"]


def test_lookups_do_not_grow_with_the_agreements(tmp_path, monkeypatch):
    """The store describes the profiled nodes, fields, sub-committees and programmes, never an agreement: as many
    node descriptions with 3 agreements between two regions as with 300 (before: one or two per agreement)."""
    reads = []
    real = StoreFacts._read_description
    monkeypatch.setattr(StoreFacts, "_read_description", lambda self, n: reads.append(str(n)) or real(self, n))
    counted = []
    for n in (3, 300):
        reads.clear()
        facts = on_disk(small_graph(n), tmp_path / f"store-{n}")
        parts = graph_profiles(facts, [ID + "region/ga", ID + "region/na"])
        assert parts[ID + "region/ga"] == EXPECTED_GA and parts[ID + "region/na"] == EXPECTED_NA
        assert not [r for r in reads if "/agreement/" in r]
        counted.append(len(reads))
    assert counted[0] == counted[1]


def test_seed_profiles_equal_the_built_ones(built_data):
    """The seeds' profiles the build wrote, read again from graph.nq and from the store: the same graph parts."""
    written = json.loads((built_data / "index" / "profiles.json").read_text(encoding="utf-8"))
    assert all(any(p[key] for p in written) for key in GRAPH_FIELDS)  # every part is exercised
    expected = {p["iri"]: {key: p[key] for key in GRAPH_FIELDS} for p in written}
    for facts in (read_facts(GraphFileQuads(built_data / "graph.nq")), StoreFacts(built_data / "graph.oxigraph")):
        assert graph_profiles(facts, list(expected)) == expected
