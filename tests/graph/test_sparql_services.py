"""Reserved SERVICE blocks: parsed from real query text, replaced by VALUES, everything else left alone."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.sparql import QueryError, check_query
from graph.sparql_services import (
    SERVICES,
    ServiceCall,
    ServiceError,
    expand_services,
    has_reserved_services,
    reserved_blocks,
    values_block,
)

GY = "https://w3id.org/gyoryu/ontology#"


def calls_of(text: str) -> list[ServiceCall]:
    return [b.call for b in reserved_blocks(text)]


def test_design_shapes_parse_into_inputs_and_outputs() -> None:
    text = """PREFIX g: <https://w3id.org/gyoryu/ontology#>
    SELECT * WHERE {
      SERVICE g:search { ?hit g:query "청소년 교류" ; g:limit 20 ;
                         g:score ?score ; g:doc ?doc ; g:lineStart ?from ; g:lineEnd ?to ;
                         g:text ?text ; g:about ?entity . }
      SERVICE gy:similar { ?region gy:like region:kr-chungbuk ; gy:limit 10 ; gy:score ?s . }
    }"""
    search, similar = calls_of(text)
    assert (search.service, search.subject, search.inputs) == ("search", "hit", {"query": "청소년 교류", "limit": 20})
    assert search.outputs == {"score": "score", "doc": "doc", "lineStart": "from", "lineEnd": "to",
                              "text": "text", "about": "entity"}
    assert similar.inputs == {"like": ox.NamedNode("https://w3id.org/gyoryu/id/region/kr-chungbuk"), "limit": 10}
    assert (similar.subject, similar.outputs, similar.limit) == ("region", {"score": "s"}, 10)


def test_full_iris_silent_typed_and_escaped_constants() -> None:
    text = (f'SELECT * {{ SERVICE SILENT <{GY}search> {{ ?h <{GY}query> "say \\"hi\\"\\n"@en ; '
            f'<{GY}limit> "3"^^<http://www.w3.org/2001/XMLSchema#integer> ; <{GY}mode> \'lexical\' }} }}')
    (call,) = calls_of(text)
    assert call.inputs == {"query": 'say "hi"\n', "limit": 3, "mode": "lexical"}
    (call,) = calls_of('SELECT * { SERVICE gy:similar { ?r gy:need """청소년\n교류""" ; gy:includeExisting true } }')
    assert call.inputs == {"need": "청소년\n교류", "includeExisting": True}


def test_services_in_strings_comments_and_other_services_are_not_reserved() -> None:
    text = '''SELECT * { # SERVICE gy:search { ?h gy:query "x" }
      ?s rdfs:label "SERVICE gy:search { ?h gy:query 'x' }" .
      SERVICE <http://example.org/sparql> { ?s ?p ?o } }'''
    assert calls_of(text) == []
    assert not has_reserved_services(text)
    assert expand_services(text, lambda call: []) == text
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        check_query(expand_services(text, lambda call: []), 10000)


def test_a_prefix_bound_elsewhere_is_not_the_reserved_service() -> None:
    text = 'PREFIX gy: <http://example.org/other#> SELECT * { SERVICE gy:search { ?h gy:query "x" } }'
    assert calls_of(text) == []


@pytest.mark.parametrize(("text", "message"), [
    ('SERVICE gy:search { <http://x> gy:query "x" }', "subject must be a variable"),
    ("SERVICE gy:search { ?h gy:query ?q }", "give a constant"),
    ('SERVICE gy:search { ?h gy:query "x" ; gy:score "1" }', "give a variable"),
    ('SERVICE gy:search { ?h gy:query "x" ; gy:colour ?c }', "not a term of gy:search"),
    ('SERVICE gy:search { ?h rdfs:label "x" }', "use gy: inputs"),
    ("SERVICE gy:search { ?h gy:limit 3 }", "needs exactly one of gy:query"),
    ('SERVICE gy:similar { ?r gy:like region:kr-seoul ; gy:need "x" }', "exactly one of gy:like, gy:need"),
    ('SERVICE gy:search { ?h gy:query "x" ; gy:limit "ten" }', "must be an integer"),
    ('SERVICE gy:search { ?h gy:query "x" ; gy:limit 2.5 }', "expected an integer"),
    ('SERVICE gy:similar { ?r gy:like "연천군" }', "must be an IRI"),
    ('SERVICE gy:search { ?h gy:query "x" ; gy:query "y" }', "given twice"),
    ('SERVICE gy:search { ?h gy:query "x" ; gy:score ?h }', "one variable of its own"),
    ('SERVICE gy:search { ?h gy:query "x" { ?a ?b ?c } }', "no nested groups"),
    ('SERVICE gy:search ?h', "must be followed by"),
    ('SERVICE gy:search { ?h nope:query "x" }', "unknown prefix"),
])
def test_malformed_blocks_are_clear_query_errors(text: str, message: str) -> None:
    with pytest.raises(ServiceError, match=message) as caught:
        expand_services(f"SELECT * {{ {text} }}", lambda call: [])
    assert isinstance(caught.value, QueryError)
    assert has_reserved_services(f"SELECT * {{ {text} }}")


def test_an_unclosed_block_is_an_error() -> None:
    with pytest.raises(ServiceError, match="not closed"):
        expand_services('SELECT * { SERVICE gy:search { ?h gy:query "x"', lambda call: [])


def test_blocks_become_values_that_the_engine_joins() -> None:
    store = ox.Store()
    a, b = ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b")
    store.add(ox.Quad(a, ox.NamedNode("http://x/name"), ox.Literal("에이")))
    store.add(ox.Quad(b, ox.NamedNode("http://x/name"), ox.Literal("비")))
    rows = [{"subject": b, "score": ox.Literal("0.9", datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#decimal")), "text": ox.Literal('line "1"\nline 2')},
            {"subject": ox.NamedNode("http://x/unknown"), "score": ox.Literal(0.1)}]
    text = ('SELECT ?name ?score ?text WHERE { SERVICE gy:search { ?hit gy:query "q" ; gy:score ?score ; '
            'gy:text ?text } ?hit <http://x/name> ?name }')
    expanded = expand_services(text, lambda call: rows)
    assert "SERVICE" not in expanded
    solutions = list(store.query(expanded, prefixes={"gy": GY}))
    assert [(s["name"].value, s["score"].value, s["text"].value) for s in solutions] == [
        ("비", "0.9", 'line "1"\nline 2')]


def test_values_block_leaves_missing_outputs_undefined_and_handles_no_rows() -> None:
    call = ServiceCall("search", "hit", {"query": "x"}, {"score": "s", "about": "e"})
    assert values_block(call, [{"subject": ox.NamedNode("http://x/1"), "score": ox.Literal("1")}]) == \
        'VALUES (?hit ?s ?e) { (<http://x/1> "1" UNDEF) }'
    assert values_block(call, []) == "VALUES (?hit ?s ?e) {  }"


def test_evaluator_errors_name_the_service() -> None:
    def failing(call: ServiceCall) -> list:
        raise LookupError("unknown region 'x'")
    with pytest.raises(ServiceError, match="gy:similar: unknown region"):
        expand_services('SELECT * { SERVICE gy:similar { ?r gy:need "x" } }', failing)


def test_every_service_term_is_in_the_vocabulary() -> None:
    from rdflib import RDFS, Graph, URIRef

    from ontology import VOCABULARY_FILE

    graph = Graph().parse(VOCABULARY_FILE)
    terms = set(SERVICES) | {name for spec in SERVICES.values() for name in [*spec.inputs, *spec.outputs]}
    for name in sorted(terms):
        labels = {lit.language for lit in graph.objects(URIRef(GY + name), RDFS.label)}
        assert {"ko", "en"} <= labels, name
