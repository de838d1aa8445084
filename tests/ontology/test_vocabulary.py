"""The vocabulary documents every class and property in Korean and English, and covers DESIGN's terms."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import ORG, OWL, RDF, RDFS, SH, SKOS

from ontology import SHAPES_FILE, VOCABULARY_FILE
from ontology.namespaces import GY

VOCAB = Graph().parse(VOCABULARY_FILE, format="turtle")
TERMS = sorted({s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in VOCAB.subjects(RDF.type, t) if str(s).startswith(str(GY))})

#: Terms DESIGN.md names; outside tools query them.
DESIGN_TERMS = ("Region", "country", "adminLevel", "Agreement", "party", "signedOn", "cooperationField",
                "agreementType", "signedWith", "SubCommittee", "foundedIn", "meetingCount", "activityField",
                "coordinates", "memberOf", "Official", "Program", "Event")


@pytest.mark.parametrize("term", TERMS, ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_every_term_has_korean_and_english_labels_and_comments(term):
    labels = {label.language for label in VOCAB.objects(term, RDFS.label)}
    comments = {c.language for c in VOCAB.objects(term, RDFS.comment)}
    assert {"ko", "en"} <= labels, f"{term} lacks a ko/en rdfs:label"
    assert comments, f"{term} lacks an rdfs:comment"


def test_design_terms_exist():
    missing = [t for t in DESIGN_TERMS if GY[t] not in TERMS]
    assert missing == []


def test_member_of_specialises_org_and_signed_with_matches_wikidata():
    assert (GY.memberOf, RDFS.subPropertyOf, ORG.memberOf) in VOCAB
    assert str(VOCAB.value(GY.signedWith, SKOS.closeMatch)) == "http://www.wikidata.org/prop/direct/P190"


def test_shapes_cover_region_and_agreement():
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    targets = set(shapes.objects(None, SH.targetClass))
    assert {GY.Region, GY.Agreement} <= targets


def test_every_predicate_and_class_the_graph_uses_is_named_in_korean_and_english(graph_store):
    """Entity pages name relations by rdfs:label in the page's language: none may fall back to an IRI."""
    rows = graph_store.query("""SELECT DISTINCT ?term WHERE { { ?s ?term ?o } UNION { ?s a ?term }
      FILTER NOT EXISTS { ?term rdfs:label ?ko FILTER(LANG(?ko) = "ko") ?term rdfs:label ?en FILTER(LANG(?en) = "en") }
    }""")
    assert sorted(row["term"].value for row in rows) == []
