"""Crashes fuzzing found, kept as exact cases."""

from __future__ import annotations

from graph.build import build_graph
from tests.fuzz.strategies import document


def test_an_agreement_table_whose_rows_cannot_be_grouped_is_reported_not_fatal() -> None:
    # A region in the heading, a header, and a row whose name cell (고성군, a homograph) resolves to nothing.
    doc = document(["서울특별시", "연번\t기관명\t체결일자\t협력분야", "서울특별시\t고성군\t서울특별시"], "table.txt")
    result = build_graph([doc])
    issues = [(i.line, i.text) for i in result.report.of_kind("anomaly") if i.doc == "table.txt"]
    assert (3, "table rows") in issues
    assert result.report.counts.get("Agreement", 0) == 0


def test_an_overlong_line_is_reported_and_left_to_search() -> None:
    from graph.build import MAX_READ_LINE

    long = "중국 톈진시, 산시성 " * (MAX_READ_LINE // 10)
    doc = document(["NEAR 분과위원회 코디네이터", long, "일본 야마구치현은 옵저버 자격으로 참여"], "long.txt")
    result = build_graph([doc])
    issues = [(i.line, i.detail) for i in result.report.of_kind("anomaly") if i.doc == "long.txt"]
    assert (2, f"line longer than {MAX_READ_LINE} characters: not read for facts (still searchable)") in issues
