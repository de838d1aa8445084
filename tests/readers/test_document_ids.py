"""Document ids that an IRI cannot hold as they are (spaces, #, %): facts still cite them, exactly."""

from __future__ import annotations

from index.entity_links import ProvenanceIndex
from index.fact_passages import fact_passages
from ontology.namespaces import doc_id_of, document_iri
from tests.readers.helpers import build, document, facts, store_of

NEWS = """강릉시 국제교류 소식

서울특별시와 강릉시는 2025년 3월 5일 서울시청에서 우호교류 협약을 체결했다.
"""


def test_a_file_name_with_spaces_and_hash_gives_cited_facts(tmp_path):
    doc_id = "교류 소식 #2 (100%).txt"
    result = build(document(doc_id, NEWS))
    assert facts(result) == {("강릉시", "서울특별시", "2025-03-05", "friendship")}
    store = store_of(result.dataset, tmp_path)  # N-Quads written and parsed again: the IRIs are valid
    rows = list(store.query("""SELECT ?doc ?start WHERE {
        ?a a <https://w3id.org/gyoryu/ontology#Agreement> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?s .
        ?s <https://w3id.org/gyoryu/ontology#document> ?doc ; <https://w3id.org/gyoryu/ontology#lineStart> ?start }""",
        use_default_graph_as_union=True))
    assert [(doc_id_of(r["doc"].value), int(r["start"].value)) for r in rows] == [(doc_id, 3)]
    assert rows[0]["doc"].value == str(document_iri(doc_id))
    assert " " not in rows[0]["doc"].value and "#" not in rows[0]["doc"].value
    # the index reads the document id back from the span IRIs: provenance and fact passages cite the file
    assert doc_id in ProvenanceIndex.from_dataset(result.dataset).by_doc
    passages, _ = fact_passages(result.dataset, [document(doc_id, NEWS)])
    assert {(p.doc, p.line_start) for p in passages if "강릉" in p.text} == {(doc_id, 3)}
