"""The store's union default graph, loaded through the bulk loader, is the set union of the named graphs."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from graph.report import ExtractionReport, Issue
from graph.store import _UNION, bulk_load_with_union
from index.build import remembered_counts

QUADS = """<http://x/a> <http://x/p> "하나"@ko <http://x/g1> .
<http://x/a> <http://x/p> "하나"@ko <http://x/g2> .
<http://x/a> <http://x/q> <http://x/b> <http://x/g2> .
_:n <http://x/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <http://x/g1> .
"""


def test_bulk_loaded_union_equals_the_sparql_insert(tmp_path: Path) -> None:
    quads = tmp_path / "graph.nq"
    quads.write_text(QUADS, encoding="utf-8")
    bulk = ox.Store()
    bulk_load_with_union(bulk, quads)
    inserted = ox.Store()
    inserted.bulk_load(path=str(quads), format=ox.RdfFormat.N_QUADS)
    inserted.update(_UNION)
    default = list(bulk.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(default) == 3  # the triple stated in g1 and g2 once
    assert len(bulk) == 4 + 3
    blank = {q.subject for q in bulk if isinstance(q.subject, ox.BlankNode)}
    assert len(blank) == 1  # the same node in its graph and in the default graph
    assert {re.sub(r"_:\w+", "_:b", str(q)) for q in bulk} == {re.sub(r"_:\w+", "_:b", str(q)) for q in inserted}


def test_a_report_records_each_issue_once_in_order() -> None:
    report = ExtractionReport(issues=[Issue("unresolved", "a.txt", 1, "가")])
    report.add_issue("unresolved", "a.txt", 1, "가")
    report.add_issue("anomaly", "b.txt", 2, "나", "x")
    report.add_issue("anomaly", "b.txt", 2, "나", "x")
    report.add_issue("unresolved", "a.txt", 3, "가")
    assert [(i.doc, i.line) for i in report.issues] == [("a.txt", 1), ("b.txt", 2), ("a.txt", 3)]


def test_token_counts_are_computed_once_a_text() -> None:
    asked: list[list[str]] = []

    def counts(texts: list[str]) -> list[int]:
        asked.append(list(texts))
        return [len(t) for t in texts]

    remembered = remembered_counts(counts)
    assert remembered(["가나", "다", "가나"]) == [2, 1, 2]
    assert remembered(["다", "라마바"]) == [1, 3]
    assert asked == [["가나", "다"], ["라마바"]]
