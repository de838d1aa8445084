"""Every extractor and general reader on hostile documents: nothing escapes, every cited line exists."""

from __future__ import annotations

from functools import cache

from hypothesis import example, given
from hypothesis import strategies as st
from rdflib import Dataset, Literal

from graph.build import MAX_READ_LINE, extract_document
from graph.extractors import all_extractors
from graph.readers import lists, table_rows
from graph.reconcile import reconcile
from graph.registry import Registry
from graph.report import ExtractionReport
from ontology.namespaces import GY
from tests.fuzz.strategies import MEGABYTE_LINE, WORDS, document, document_lines


@cache
def registry() -> Registry:
    return Registry.default()


def extract(*docs) -> Dataset:
    """Every extractor on each document, then the cross-document reconciliation, as the build runs them."""
    dataset, report = Dataset(), ExtractionReport()
    extractors = all_extractors()
    for doc in docs:
        extract_document(dataset, doc, registry(), report, extractors)
    reconcile(dataset, report)
    return dataset


def cited_lines(dataset: Dataset) -> list[tuple[int, int]]:
    starts = {s: o for s, _, o, _ in dataset.quads((None, GY.lineStart, None, None))}
    ends = {s: o for s, _, o, _ in dataset.quads((None, GY.lineEnd, None, None))}
    assert set(starts) == set(ends)
    return [(int(starts[s]), int(ends[s])) for s in starts]


def assert_cited_lines_exist(dataset: Dataset, n_lines: int) -> None:
    for start, end in cited_lines(dataset):
        assert 1 <= start <= end <= n_lines, (start, end, n_lines)


@given(document_lines())
@example([""])
@example(["\x00\x01\x7f", "\u2028\u2029\ufeff", "기관명\t체결일자", "\t\t\t", "서울특별시\t\t2019. 5. 24.\t"])
@example(["NEAR 분과위원회 코디네이터", "분과위원회 | 코디네이터 | ", " | | | ", "도야마현 (2010년)"])
@example(["민간위탁 수탁", "추진지역 예산소요 업무추진계획 【", "□ 사업명 : ", "ㅇ 예산 : 백만원 %"])
def test_extractors_never_fail_and_cite_existing_lines(lines: list[str]) -> None:
    doc = document(lines)
    dataset = extract(doc)
    assert_cited_lines_exist(dataset, len(doc.lines))


@given(document_lines(), document_lines())
def test_two_documents_reconcile(first: list[str], second: list[str]) -> None:
    a, b = document(first, "a.txt"), document(second, "b.txt")
    dataset = extract(a, b)
    for graph in dataset.graphs():
        doc = {"a.txt": a, "b.txt": b}.get(str(graph.identifier).rsplit("/", 1)[-1])
        if doc is not None:
            for _, _, start in graph.triples((None, GY.lineStart, None)):
                assert isinstance(start, Literal) and 1 <= int(start) <= len(doc.lines)


def test_a_megabyte_line_among_tables() -> None:
    # A line at the readers' limit is read; a megabyte line is reported and left to search.
    lines = ["기관명\t체결일자", "서울특별시\t2019. 5. 24.", MEGABYTE_LINE, "NEAR 분과위원회 코디네이터",
             MEGABYTE_LINE[:MAX_READ_LINE]]
    doc = document(lines)
    assert len(MEGABYTE_LINE.encode()) >= 2**20 - 2048
    assert_cited_lines_exist(extract(doc), len(doc.lines))


@given(st.lists(st.sampled_from(WORDS), max_size=40).map(tuple))
def test_general_readers_find_tables_and_items_inside_the_document(lines: tuple[str, ...]) -> None:
    for table in table_rows.find_tables(lines):
        for row in table.rows:
            assert 1 <= row.line <= len(lines)
    for item in lists.items(lines):
        start, end = item.lines
        assert 1 <= start <= end <= len(lines)
