"""Heads of places that share a name, Japanese names in Hangul, and staff of a place the text did not place.

* ``한가람 중구청장``: six metropolitan cities have a 중구; the one meant is the one the region written right before
  the title holds (``울산 중구청장``, ``경남 고성군수``), else the document's own region. Before, no post was read.
* Japanese names in Hangul: a Japanese surname that ends like a particle (``모리에``) or a place
  (``다카이시``), or is a place's name itself (``후쿠이``), stays the first word of the name of a post in Japan when
  both words render kana; a deputy's ``부`` that completes a placed city (``다카부시``) is the city's.
* A Japanese name whose post names no placed region (``마루자키시청 국제과장 야마다 겐``) holds no post in the Korean
  region the sentence before names (audit17 pe8).

All names and documents are invented; each case is read in plain text, Markdown, HTML and DOCX.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, store_of

POSTS = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?name ?role ?org WHERE { ?t a gy:Tenure ; gy:official/rdfs:label ?name ; gy:post ?p .
  ?p gy:role ?role ; org:postIn ?org . }"""

KINDS = ("txt", "md", "html", "docx")


def posts(tmp_path: Path, kind: str, text: str) -> set[tuple[str, str, str]]:
    """``(name, role, organisation id)`` of every tenure the page's graph states."""
    doc = page(tmp_path, kind, paragraphs(text))
    store = store_of(build(doc).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, r["org"].value.rsplit("/", 1)[-1])
            for r in store.query(POSTS, use_default_graph_as_union=True)}


HOMONYMS = [
    # the document's own district, written alone before its head's title
    ("""울산광역시 중구 소식
2025. 4. 2.
구청 상황실에서 한가람 중구청장이 교류 방안을 설명했다.""", {("한가람", "구청장", "kr-ulsan-jung")}),
    # the city written right before the glued title, another city's district the document's own
    ("""대구광역시 동구 보도자료
2025. 4. 2.
이날 행사에는 오다온 동구청장과 박나래 광주 동구청장이 함께했다.""",
     {("오다온", "구청장", "kr-daegu-dong"), ("박나래", "구청장", "kr-gwangju-dong")}),
    # the province's short name before a county two provinces share; the name after the title
    ("""군정 소식지 제12호
2025년 5월 7일
기념식에서 경남 고성군수 윤새봄이 축사를 했고, 강원 고성군수 문하람이 답사를 했다.""",
     {("윤새봄", "군수", "kr-gyeongnam-goseong"), ("문하람", "군수", "kr-gangwon-goseong")}),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", range(len(HOMONYMS)))
def test_the_head_of_a_place_that_shares_its_name(tmp_path: Path, kind: str, case: int):
    text, expected = HOMONYMS[case]
    assert posts(tmp_path, kind, text) == expected


def test_a_shared_name_nothing_settles_gives_no_post(tmp_path: Path):
    # perturbation: the document is no district's and no city is written before the title
    text = """교류 소식
2025. 4. 2.
이날 행사에는 오다온 동구청장이 함께했다."""
    assert posts(tmp_path, "txt", text) == set()


JAPANESE = """강릉시 보도자료
2025. 6. 20.
강릉시는 일본 하루나현 다카부시, 일본 시마노현 하나노시, 일본 오카노현, 일본 유키노현 미즈호리시와 교류한다.
{line}"""

JAPANESE_LINES = [
    ("협약식에는 다카이시 준지 하나노시장과 모리에 가즈토 미즈호리시장이 참석했다.",
     {("다카이시 준지", "시장", "jp-하나노시"), ("모리에 가즈토", "시장", "jp-미즈호리시")}),
    ("▲ 후쿠이 고헤이 오카노현 부지사(왼쪽)가 인사말을 하고 있다.",
     {("후쿠이 고헤이", "부지사", "jp-오카노현")}),
    ("같은 날 사카이 가즈히로 오카노현 지사와 모리에 가즈토 미즈호리시 부시장은 협정서를 교환했다.",
     {("사카이 가즈히로", "지사", "jp-오카노현"), ("모리에 가즈토", "부시장", "jp-미즈호리시")}),
    ("- 서명: '구마가와 신야 다카부시장', 모리에 가즈토 미즈호리시 부시장",
     {("구마가와 신야", "시장", "jp-다카부시"), ("모리에 가즈토", "부시장", "jp-미즈호리시")}),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", range(len(JAPANESE_LINES)))
def test_a_japanese_name_before_a_post_in_japan(tmp_path: Path, kind: str, case: int):
    line, expected = JAPANESE_LINES[case]
    assert posts(tmp_path, kind, JAPANESE.format(line=line)) == expected


def test_a_korean_noun_before_a_name_stays_out(tmp_path: Path):
    # perturbation: words that hold syllables no kana renders (현장에, 회의에) are no surname
    text = JAPANESE.format(line="이날 현장에 준지 하나노시장이 왔고, 회의에 가즈토 미즈호리시장도 왔다.")
    assert {p[0] for p in posts(tmp_path, "txt", text)} <= {"준지", "가즈토"}
    # a word ending like a particle after a Korean noun is no given name (행사 중 … 지사가: no name at all)
    text = JAPANESE.format(line="행사 중 오카노현 지사가 인사했고, 환영식으로 오카노현 부지사가 답했다.")
    assert posts(tmp_path, "txt", text) == set()


HEAD = "가평군 보도자료\n2025. 6. 20.\n"
UNPLACED = [
    HEAD + "가평군청 관광과장 이수민이 동행했다.\n마루자키시청 국제과장 야마다 겐도 마중을 나왔다.",
    HEAD + "가평군 대표단이 방문했다. 다카노시 측은 가와무라 다이스케 시장이 서명했다.",
    HEAD + "가평군 대표단이 방문했다.\n- 영접: 국제교류과장 오노 마사히로 (다카노시)",
]


@pytest.mark.parametrize("kind", ("txt", "html", "docx"))
@pytest.mark.parametrize("case", range(len(UNPLACED)))
def test_staff_of_an_unplaced_foreign_office_hold_no_home_post(tmp_path: Path, kind: str, case: int):
    found = posts(tmp_path, kind, UNPLACED[case])
    assert not {p for p in found if p[2].startswith("kr-") and " " in p[0]}, found


def test_the_same_staff_placed_abroad_hold_their_post(tmp_path: Path):
    # perturbation: the city placed in Japan, the post is there
    text = HEAD + "일본 마루자키시 대표단이 방문했다.\n마루자키시 국제과장 야마다 겐이 마중을 나왔다."
    assert ("야마다 겐", "국제과장", "jp-마루자키시") in posts(tmp_path, "txt", text)


GIVEN_NAMES = [  # a given name ending like a city (히로시, 다카시) before a head's title is no city (audit18 D12)
    ("대표단은 마루자키시 다나카 히로시 시장과 모리에 가즈토 부시장 등 10명이다.",
     {("다나카 히로시", "시장", "jp-마루자키시"), ("모리에 가즈토", "부시장", "jp-마루자키시")}),
    ("- 마루자키시: 다나카 히로시 시장, 모리에 가즈토 부시장",
     {("다나카 히로시", "시장", "jp-마루자키시"), ("모리에 가즈토", "부시장", "jp-마루자키시")}),
    ("이날 오노 다카시 시장(마루자키시)이 기념사를 했다.", {("오노 다카시", "시장", "jp-마루자키시")}),
]


@pytest.mark.parametrize("kind", ("txt", "html", "docx"))
@pytest.mark.parametrize("case", range(len(GIVEN_NAMES)))
def test_a_given_name_that_ends_like_a_city(tmp_path: Path, kind: str, case: int):
    line, expected = GIVEN_NAMES[case]
    text = f"가평군 보도자료\n2025. 6. 20.\n가평군은 자매도시인 일본 마루자키시 대표단을 맞았다.\n{line}"
    found = posts(tmp_path, kind, text)
    assert {p for p in found if p[2].startswith("jp-")} == expected


def test_a_city_the_text_names_on_its_own_stays_a_city(tmp_path: Path):
    # perturbation: 다카시 is a city here, named on its own in the sentence before
    text = ("가평군 보도자료\n2025. 6. 20.\n가평군은 일본 다카시와 교류한다. 다카시는 대표단을 보냈다.\n"
            "대표단은 다카시 시장 오노 겐 등 10명이다.")
    assert ("오노 겐", "시장", "jp-다카시") in posts(tmp_path, "txt", text)
