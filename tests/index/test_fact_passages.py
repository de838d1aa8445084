"""Fact passages: the facts citing one span are said by one passage (at most MAX_FACTS), with all their entities."""

from __future__ import annotations

from index.fact_passages import MAX_FACTS, fact_passages
from tests.readers.helpers import build, document, facts


def _passages(text: str):
    doc = document("news.txt", text)
    result = build(doc)
    passages, links = fact_passages(result.dataset, [doc])
    return facts(result), passages, links


def test_facts_citing_one_line_are_one_passage_saying_each():
    found, passages, links = _passages(
        "강원 교류 소식\n\n서울특별시는 2025년 3월 5일 강릉시, 속초시, 동해시와 각각 우호교류 협약을 체결했다.\n\n"
        "부산광역시와 삼척시는 2024년 6월 1일 자매결연 협약을 체결했다.\n")
    assert len(found) == 4
    assert [(p.line_start, p.line_end) for p in passages] == [(3, 3), (5, 5)]
    three, one = passages
    assert [name for name in ("강릉시", "속초시", "동해시") if name in three.summary] == ["강릉시", "속초시", "동해시"]
    assert all(name in three.summary_en for name in ("Gangneung", "Sokcho", "Donghae"))
    assert three.summary.count("맺었다") == 3 and three.summary_en.count("signed") == 3
    assert {e.label for e in links[0].entities} == {"서울특별시", "강릉시", "속초시", "동해시"}
    assert "삼척시" in one.summary and "강릉시" not in one.summary
    assert {e.label for e in links[1].entities} == {"부산광역시", "삼척시"}


def test_a_line_stating_more_facts_than_one_passage_says_is_cut_into_passages_of_the_same_lines():
    partners = ["강릉시", "속초시", "동해시", "삼척시", "태백시", "원주시", "춘천시", "홍천군"]
    found, passages, _ = _passages(f"강원 교류 소식\n\n서울특별시는 2025년 3월 5일 {', '.join(partners)}와 각각 "
                                   "우호교류 협약을 체결했다.\n")
    assert len(found) == len(partners) > MAX_FACTS
    assert [(p.line_start, p.line_end) for p in passages] == [(3, 3), (3, 3)]
    assert [p.summary.count("맺었다") for p in passages] == [MAX_FACTS, len(partners) - MAX_FACTS]
    said = [name for p in passages for name in partners if name in p.summary]
    assert sorted(said) == sorted(partners)  # each fact said once
    assert all(p.text == passages[0].text and "홍천군" in p.text for p in passages)


def test_one_read_of_the_graph_serves_provenance_fact_passages_and_profiles():
    import numpy as np

    from index.entity_links import ProvenanceIndex
    from index.fact_passages import read_facts
    from index.profiles import build_profiles

    doc = document("news.txt", "강원 교류 소식\n\n서울특별시는 2025년 3월 5일 강릉시, 속초시와 각각 우호교류 협약을 "
                               "체결했다.\n\n부산광역시와 삼척시는 2024년 6월 1일 자매결연 협약을 체결했다.\n")
    dataset = build(doc).dataset
    shared = read_facts(dataset)
    provenance = ProvenanceIndex.from_facts(shared)
    assert provenance.by_doc == ProvenanceIndex.from_dataset(dataset).by_doc
    assert [(s.start, s.end, sorted(e.label for e in s.entities)) for s in provenance.by_doc["news.txt"]] == [
        (3, 3, ["강릉시", "서울특별시"]), (3, 3, ["서울특별시", "속초시"]), (5, 5, ["부산광역시", "삼척시"])]
    assert fact_passages(dataset, [doc], shared) == fact_passages(dataset, [doc])
    passages, links = fact_passages(dataset, [doc], shared)
    vectors = np.eye(len(passages), 4, dtype=np.float32)
    encode = lambda texts: np.ones((len(texts), 4), dtype=np.float32)  # noqa: E731
    assert build_profiles(dataset, passages, links, vectors, encode, shared)[0] == \
        build_profiles(dataset, passages, links, vectors, encode)[0]
    assert {p["label"] for p in build_profiles(dataset, passages, links, vectors, encode, shared)[0]} >= {
        "서울특별시", "강릉시", "속초시", "부산광역시", "삼척시"}


def test_a_documents_own_sources_give_the_same_passages_as_every_source_of_its_nodes():
    """The streamed index passes a document's span nodes (decision 0109): a node derived from many documents is
    not read whole for each, and the passages are those of reading all its sources."""
    from rdflib.namespace import PROV

    from index.fact_passages import read_facts
    from ontology.namespaces import GY, document_iri

    line = "서울특별시는 2025년 3월 5일 강릉시와 우호교류 협약을 체결했다."
    docs = [document("a.txt", f"강원 교류 소식\n\n{line}\n"),
            document("b.md", "# 교류 현황\n\n- 부산광역시와 삼척시는 2024년 6월 1일 자매결연 협약을 체결했다.\n"
                             f"- {line}\n")]
    dataset = build(*docs).dataset
    shared = read_facts(dataset)
    agreements = [n for n in shared.types if "Agreement" in shared.types[n]]
    assert sorted(len(shared.out[n][PROV.wasDerivedFrom]) for n in agreements) == [1, 2]  # one shared by both
    for doc in docs:
        sources = shared.into[document_iri(doc.id)][GY.document]
        whole = fact_passages(dataset, [doc], shared)
        assert whole[0] and fact_passages(dataset, [doc], shared, sources=sources) == whole
        assert fact_passages(dataset, [doc], shared, sources=[]) == ([], [])
    by_doc = {doc.id: [(p.line_start, p.summary) for p in fact_passages(dataset, [doc], shared, sources=shared.into[
        document_iri(doc.id)][GY.document])[0]] for doc in docs}
    assert [start for start, _ in by_doc["a.txt"]] == [3] and "강릉시" in by_doc["a.txt"][0][1]
    assert [start for start, summary in by_doc["b.md"] if "강릉시" in summary] == [4]
