"""Words that stand where a name could but are none: a verb's linking form after its object (``30주년을 맞아
지사가``), a word with its particle before a title whose own name follows (``부성장 천핑과 전라남도 행정부지사
최영호``), a name with the copula (``문태호입니다``: 문태호), a place's office (``남구청``, ``강릉시청``: the place), a
noun listed before a Korean name (``격상, 김태영 지사``), a noun before a place whose title and name are in brackets
(``… 추진 / 부천시(시장 서재원)``), and role or act nouns (``사회자``, ``제출``, ``전원``). Each is checked in several
wordings and layouts; the documents are invented.
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

GANGNEUNG, JEONNAM, SHANDONG = "region/kr-gangwon-gangneung", "region/kr-jeonnam", "region/cn-shandong"


def posts(doc, tmp_path: Path) -> set[tuple[str, str, str]]:
    store = store_of(build(doc).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, "/".join(r["org"].value.rsplit("/", 2)[-2:]))
            for r in store.query(POSTS, use_default_graph_as_union=True)}


def text(*lines: str) -> str:
    return "강릉시 국제교류 소식\n2026. 4. 8.\n\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("line, expected", [
    ("교류 10주년을 맞아 지사가 강릉시를 방문하였다.", set()),
    ("창립 30주년을 맞아 홍길동 강릉시장이 축사를 했다.", {("홍길동", "시장", GANGNEUNG)}),
    ("대표단을 맞아 부시장 김하린이 환영사를 했다.", {("김하린", "부시장", GANGNEUNG)}),
    ("개교 50주년을 맞아 강릉시 부시장 김하린이 축사를 했다.", {("김하린", "부시장", GANGNEUNG)}),
])
def test_a_linking_verb_after_its_object_is_no_name(tmp_path: Path, line: str, expected: set):
    assert posts(document("a.txt", text(line)), tmp_path) == expected


PAIR = {("천핑", "부성장", SHANDONG), ("최영호", "행정부지사", JEONNAM)}


@pytest.mark.parametrize("line", [
    "서명식에는 산둥성 부성장 천핑과 전라남도 행정부지사 최영호가 참석했다.",
    "협약서에는 산둥성 부성장 천핑과 전라남도 행정부지사 최영호가 서명했다.",
    "서명 | 산둥성 부성장 천핑과 전라남도 행정부지사 최영호",
    "서명식은 산둥성 부성장 천핑, 전라남도 행정부지사 최영호가 함께 진행했다.",  # perturbation: a comma
])
def test_a_word_with_its_particle_before_a_title_whose_name_follows(tmp_path: Path, line: str):
    assert posts(document("b.txt", text(line)), tmp_path) == PAIR


@pytest.mark.parametrize("kind, blocks", [
    ("txt", ["교류 담당자는 국제협력팀장 문태호입니다."]),
    ("txt", ["문의하실 곳은 주무관 문태호입니다 (033-000-0000)."]),
    ("docx", [[["질문", "답변"], ["교류 담당자는?", "국제협력팀장 문태호입니다."]]]),
])
def test_a_name_with_the_copula(tmp_path: Path, kind: str, blocks: list):
    doc = page(tmp_path, kind, ["강릉시 국제교류 자주 묻는 질문", "2026. 4. 8.", *blocks])
    assert {(n, o) for n, _, o in posts(doc, tmp_path)} == {("문태호", GANGNEUNG)}


@pytest.mark.parametrize("line, expected", [
    ("울산광역시 남구청 기획예산실 국제교류팀장 배수진 052-000-0000",
     ("배수진", "국제교류팀장", "region/kr-ulsan-nam")),
    ("문의: 강릉시청 국제교류팀장 김하린 (033-000-0000)", ("김하린", "국제교류팀장", GANGNEUNG)),
    ("이날 김하린 강릉시청 국제교류팀장이 참석했다.", ("김하린", "국제교류팀장", GANGNEUNG)),
])
def test_a_places_office_is_the_place(tmp_path: Path, line: str, expected: tuple):
    doc = document("c.txt", "경상남도 국제교류 소식\n2026. 4. 8.\n\n" + line + "\n")
    assert posts(doc, tmp_path) == {expected}


def test_nouns_standing_where_a_name_could(tmp_path: Path):
    doc = document("d.txt", text(
        "14년 만에 자매결연으로 격상, 김태영 강원특별자치도지사와 마바 사아 가나현지사 서명",
        "- 오는 6월 미국 로체스터시와 자매결연 추진",
        " 부천시(시장 서재원)는 지난 15일 협약을 체결했다.",
        "2. 협정 체결 동의안(강릉시장 제출)",
        "- 심의 결과: 원안 의결 (위원 전원 찬성)",
        "사진: 왼쪽부터 홍수연 사회자, 윤가람 강릉시 주무관",
    ))
    assert {(n, r) for n, r, _ in posts(doc, tmp_path)} == {
        ("김태영", "도지사"), ("서재원", "시장"), ("윤가람", "주무관")}
