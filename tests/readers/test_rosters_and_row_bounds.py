"""Runs of title–name pairs and table rows as bounds of a statement.

A line listing officials title first (``부시장 이도윤  기획조정실장 김하린  국제협력관 박서준``) pairs each name
with the title before it, whatever separates the pairs (two spaces, one space, a middle dot, a comma); the same
officials listed name first pair each name with the title after it. A name never runs from one table row into the
next (long rows are joined like wrapped lines): the last word of a row's answer is no first word of the next row's
name. The documents are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, document, store_of

POSTS = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?name ?role ?org WHERE { ?t a gy:Tenure ; gy:official/rdfs:label ?name ; gy:post ?p .
  ?p gy:role ?role ; org:postIn ?org }"""

CITY = "region/kr-gangwon-gangneung"
STAFF = {("이도윤", "부시장", CITY), ("김하린", "기획조정실장", CITY), ("박서준", "국제협력관", CITY)}


def posts(doc, tmp_path: Path) -> set[tuple[str, str, str]]:
    store = store_of(build(doc).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, "/".join(r["org"].value.rsplit("/", 2)[-2:]))
            for r in store.query(POSTS, use_default_graph_as_union=True)}


@pytest.mark.parametrize("line", [
    "○출석공무원  부시장 이도윤  기획조정실장 김하린  국제협력관 박서준",  # minutes: two spaces between pairs
    "배석자: 부시장 이도윤 기획조정실장 김하린 국제협력관 박서준",  # one space
    "배석 | 부시장 이도윤 · 기획조정실장 김하린 · 국제협력관 박서준",  # a table cell, middle dots
    "배석자: 이도윤 부시장, 김하린 기획조정실장, 박서준 국제협력관",  # name first: the title after
])
def test_a_run_of_title_name_pairs(tmp_path: Path, line: str):
    text = f"강릉시 국제교류 협의회 결과\n2026. 4. 8.\n\n{line}\n"
    assert posts(document("roster.txt", text), tmp_path) == STAFF


ROWS = [
    ["질의위원", "질의 요지", "답변자", "답변 요지"],
    ["최서연 위원", "가나시와의 협약 추진 상황은?", "국제협력과장 정하람",
     "가나시와 연내 협약 체결을 목표로 실무 협의를 계속하고 있으며 세부 일정은 미확정"],
    ["한지우 위원장", "다라시와의 교류 계획은?", "국제협력과장 정하람",
     "올해 하반기 대표단 방문을 검토하고 있으며 예산은 추경에 반영할 예정"],
    ["오세린 위원", "청소년 교류 사업의 성과는?", "국제협력과장 정하람", "상호 방문 인원이 늘었음"],
]


@pytest.mark.parametrize("kind", ["txt", "tsv", "docx", "html"])
def test_a_name_never_runs_across_table_rows(tmp_path: Path, kind: str):
    doc = page(tmp_path, kind, ["강릉시의회 행정사무감사 질의 답변 요지", "2026. 4. 8.", ROWS])
    got = {(n, r) for n, r, _ in posts(doc, tmp_path)}
    assert got == {("최서연", "위원"), ("한지우", "위원장"), ("오세린", "위원"), ("정하람", "국제협력과장")}


@pytest.mark.parametrize("line", [
    "○시장 홍성우  박선영 의원님의 질문에 답변드리겠습니다.",
    "○시장 홍성우 박선영 의원의 질의에 답하겠습니다.",
    "◇ 시장 홍성우: 박선영 의원님 말씀에 동의합니다.",
])
def test_a_speakers_name_is_no_first_word_of_the_next_name(tmp_path: Path, line: str):
    doc = document("minutes.txt", f"강릉시의회 본회의 회의록\n2026. 4. 8.\n\n{line}\n")
    assert {(n, r) for n, r, _ in posts(doc, tmp_path)} == {("홍성우", "시장"), ("박선영", "의원")}
