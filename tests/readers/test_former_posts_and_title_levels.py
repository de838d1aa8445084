"""A post held before, in brackets after a name, is a statement of its own (audit B12), and a head's or deputy's
title under a foreign region's heading goes to a region of its level (audit B13).

``김다온 (前 홍천군수)`` says 김다온 was 홍천군's 군수: the former post is in the place the bracket names, never in
the organisation of the name's current post; a bracket naming only units or fields (``(前 회계과장)``) is a post in
that organisation; one naming a place that cannot be placed gives nothing. ``의정부시장`` is the place 의정부시 and
its 시장, not 의정 + 부시장. Under ``야마가타현`` a 지사 is the prefecture's, a 시장 is no prefecture's: the city the
heading names (minted when the registry lacks it), else no post. All documents are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, store_of

POSTS = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?name ?role ?org ?former WHERE { ?t a gy:Tenure ; gy:official/rdfs:label ?name ; gy:post ?p .
  ?p gy:role ?role ; org:postIn ?org . OPTIONAL { ?t gy:former ?former } }"""

HOME = "region/kr-gangwon-hoengseong"


def posts(text: str, tmp_path: Path) -> set[tuple[str, str, str, bool]]:
    """``(name, role, organisation, former)`` of every tenure the document's graph states."""
    store = store_of(build(document("doc.txt", text)).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, "/".join(r["org"].value.rsplit("/", 2)[-2:]),
             r["former"] is not None and r["former"].value == "true")
            for r in store.query(POSTS, use_default_graph_as_union=True)}


def test_a_former_post_in_brackets_is_in_the_place_it_names(tmp_path: Path):
    text = """횡성군 인사발령
2026. 1. 2.

○ 관광정책과장 지방서기관 김다온 (前 홍천군수)
□ 자치행정국장 이나래(전 원주시 부시장)
인사 사항: 기획감사실장 박가람 ( 전 의정부시장 ), 재무과장 최하늘 (前 회계과장)
"""
    assert posts(text, tmp_path) == {
        ("김다온", "관광정책과장", HOME, False), ("김다온", "군수", "region/kr-gangwon-hongcheon", True),
        ("이나래", "자치행정국장", HOME, False), ("이나래", "부시장", "region/kr-gangwon-wonju", True),
        ("박가람", "기획감사실장", HOME, False), ("박가람", "시장", "region/kr-gyeonggi-uijeongbu", True),
        ("최하늘", "재무과장", HOME, False), ("최하늘", "회계과장", HOME, True),  # units only: the same county
    }


def test_a_former_post_in_a_sentence_and_perturbations(tmp_path: Path):
    sentence = "횡성군 소식\n2026. 3. 4.\n\n이날 기념식에서 김다온(前 홍천군수) 씨가 축사를 했다.\n"
    assert posts(sentence, tmp_path) == {("김다온", "군수", "region/kr-gangwon-hongcheon", True)}
    # a place the registry lacks in the bracket: no former post anywhere, the current one stays
    unknown = "횡성군 인사발령\n2026. 1. 2.\n\n○ 관광정책과장 김다온 (前 가나다라군수)\n"
    assert posts(unknown, tmp_path) == {("김다온", "관광정책과장", HOME, False)}
    # a body named apart in the bracket is no unit of the current post's organisation
    ministry = "횡성군 인사발령\n2026. 1. 2.\n\n○ 관광정책과장 김다온 (前 가나다부 정책국장)\n"
    assert posts(ministry, tmp_path) == {("김다온", "관광정책과장", HOME, False)}


def test_a_place_ending_in_bu_glued_to_a_head_title(tmp_path: Path):
    text = "횡성군 소식\n2026. 3. 4.\n\n개막식에는 한가온 의정부시장과 서다은 의정부 부시장이 참석했다.\n"
    assert posts(text, tmp_path) == {("한가온", "시장", "region/kr-gyeonggi-uijeongbu", False),
                                     ("서다은", "부시장", "region/kr-gyeonggi-uijeongbu", False)}
    table = "횡성군 방문단 명단\n2026. 3. 4.\n\n성명 | 직위\n한가온 | 의정부시장\n서다은 | 홍천부군수\n"
    assert posts(table, tmp_path) == {("한가온", "시장", "region/kr-gyeonggi-uijeongbu", False),
                                      ("서다은", "부군수", "region/kr-gangwon-hongcheon", False)}


def test_a_title_under_a_foreign_heading_goes_to_a_region_of_its_level(tmp_path: Path):
    prefecture = """횡성군 대표단 방문 결과
2026. 5. 6.

3. 일본 야마가타현 면담 인사

직위 | 성명
지사 | 사토 다로
시장 | 스즈키 하나
국제교류과장 | 다나카 지로
"""
    assert posts(prefecture, tmp_path) == {("사토 다로", "지사", "region/jp-yamagata", False),
                                           ("다나카 지로", "국제교류과장", "region/jp-yamagata", False)}
    city = """횡성군 대표단 일본 방문 결과
2026. 5. 6.

가. 면담 인사 (야마가타현 가나다시)
성 명 | 직 위
스즈키 하나 | 시장
고바 야시 | 부시장
"""
    found = posts(city, tmp_path)
    assert {(n, r) for n, r, _, _ in found} == {("스즈키 하나", "시장"), ("고바 야시", "부시장")}
    assert {o for _, _, o, _ in found} == {"region/jp-가나다시"}  # the heading's city, minted in Japan
    seating = """횡성군 접견 좌석 배치
2026. 5. 6.

야마가타현 측 | 시장 스즈키 하나 | 부지사 사토 다로
횡성군 측 | 군수 김다온 | 부군수 이나래
"""
    assert {p for p in posts(seating, tmp_path) if p[2].startswith("region/jp")} == {
        ("사토 다로", "부지사", "region/jp-yamagata", False)}


#: Articles of an agreement: a body longer than the lines a document's own date line is looked for in.
FIELDS = ("문화", "관광", "체육", "청소년", "경제", "농업", "환경", "교육", "보건", "행정", "예술", "학술", "의료")
ARTICLES = "".join(f"제{k}조 양 시군은 {field} 분야에서 교류한다.\n" for k, field in enumerate(FIELDS, start=1))

WHEN = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name ?when WHERE { ?t a gy:Tenure ; gy:official/rdfs:label ?name ; gy:asOf ?when }"""


@pytest.mark.parametrize("text, expected", [
    # an agreement's text: no date line of its own, the signing day stated above the signatures
    ("강릉시와 홍천군 간 우호교류 협약서\n\n" + ARTICLES +
     "이 협약서는 2026년 3월 4일 강릉시에서 작성되었다.\n\n강릉시장 김도윤          홍천군수 이하린\n",
     {("김도윤", "2026-03-04"), ("이하린", "2026-03-04")}),
    # a letter whose day is written under the sender
    ("교류 협의 요청\n\n수신: 홍천군수\n발신: 강릉시 국제교류팀장 김도윤\n\n" + ARTICLES
     + "\n2026. 5. 6. 보냄\n\n붙임 1부.\n붙임 2부.\n붙임 3부.\n붙임 4부.\n", {("김도윤", "2026-05-06")}),
    # a joint statement signed in a table of posts over names, its day in the closing sentence
    ("강릉시–홍천군 청소년 교류 공동선언문\n\n" + ARTICLES +
     "이 선언문은 2026년 7월 1일 강릉시청에서 서명하였다.\n\n강릉시장 | 홍천군수\n김도윤 (서명) | 이하린 (서명)\n",
     {("김도윤", "2026-07-01"), ("이하린", "2026-07-01")}),
    # perturbation: no day stated anywhere, no tenure
    ("강릉시와 홍천군 간 우호교류 협약서\n\n" + ARTICLES + "\n강릉시장 김도윤          홍천군수 이하린\n", set()),
])
def test_a_document_without_a_date_of_its_own_dates_a_post_by_the_day_it_states_nearest(
        tmp_path: Path, text: str, expected: set):
    store = store_of(build(document("undated.txt", text)).dataset, tmp_path)
    assert {(r["name"].value, str(r["when"].value)) for r in store.query(WHEN, use_default_graph_as_union=True)} \
        == expected
