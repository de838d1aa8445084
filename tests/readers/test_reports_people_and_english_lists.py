"""People of trip reports, reception tables and news, and English partner lists (names invented; Korean parties and
places from the registry):

* a name closed by the act after it (``부시장 홍길동 면담``, ``총영사 홍길동 간담회``, ``부시장 왕린 일행 방문``), a
  mission named by its host before the sending country (``주가나 대한민국 대사 홍길동 면담``: 주가나 is no name);
* a body of a place (``가나성 인민대표대회``) is the post's organisation, its units the role (``상무위원회 부주임``);
* a field glued before a head's or deputy's title (``문화복지정무부시장``, ``경제장관``), and a Korean name with a title
  of the document's own local government and no place named (the document's region, only when the level fits);
* a Japanese family name ending like a particle (``모리카와 켄``);
* an indented report's bullets, joined into one line by the reader's stream, are statements of their own;
* a reception table whose name column is ``외빈`` and whose names are foreign, its post cells read as sentences;
* English: ``Consul General X of the Consulate General of Gana in Busan``; ``an agreement with Gana Province, signed on
  …``; ``X's other partners include A (USA, sister city since 1997), B, Germany (sister city, 5 May 2015) and C,
  China, with which an MOU was signed in May 2017``; a registry name followed by another country than its own
  (``Jinan, China``) is no registry place of Korea.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, from_file
from tests.readers.test_people import posts
from tests.readers.test_report_prose import party_ids

TRIP = """충청북도 대표단 방문 결과 보고
□ 방문 개요
  ○ 기간: 2024. 7. 8.(월) ~ 7. 12.(금)
□ 주요 성과
  ○ 7. 9.(화) 마라성 인민대표대회 방문
    - 중국 마라성 인민대표대회 상무위원회 부주임 사위안 면담
  ○ 7. 10.(수) 중국 다라시 부시장 왕린 일행 방문
    - 서명: 이서진 도지사, 중국 다라시 시장 장웨이
  ○ 7. 11.(목) 주가나 대한민국 대사 이여진 면담
  ○ 7. 12.(금) 주상하이 대한민국 총영사 박도윤 간담회
  ※ 7. 12. 만찬은 이행숙 문화복지정무부지사가 대신함.
"""
TRIP_POSTS = {
    ("사위안", "상무위원회 부주임", "organization/minted-마라성인민대표대회"),
    ("왕린", "부시장", "region/cn-다라시"),
    ("이서진", "도지사", "region/kr-chungbuk"),
    ("장웨이", "시장", "region/cn-다라시"),
    ("이여진", "주가나 대한민국 대사", "country/KR"),
    ("박도윤", "주상하이 대한민국 총영사", "country/KR"),
    ("이행숙", "문화복지정무부지사", "region/kr-chungbuk"),
}


def test_an_indented_trip_report_names_each_official_once(tmp_path: Path):
    got = posts(TRIP.replace("충청북도 대표단", "충청북도 대표단 2024."), tmp_path)
    assert got == TRIP_POSTS


def test_trip_report_perturbations(tmp_path: Path):
    # the own region a city: a governor's deputy title is no post of it, a deputy mayor's is
    city = TRIP.replace("충청북도 대표단", "청주시 대표단 2024.").replace("이서진 도지사, ", "")
    got = posts(city, tmp_path)
    assert not any(name == "이행숙" for name, _, _ in got)
    got = posts(city.replace("문화복지정무부지사", "문화복지정무부시장"), tmp_path)
    assert ("이행숙", "문화복지정무부시장", "region/kr-chungbuk-cheongju") in got
    # a name with no act or particle after it is still read at the end of its line; a person with no post none
    got = posts(TRIP.replace("충청북도 대표단", "충청북도 대표단 2024.").replace(" 면담\n", "\n")
                + "  ○ 수행: 통역 홍다라\n", tmp_path)
    assert got == TRIP_POSTS


NEWS = """중구, 일본 마라현 다라시와 우호교류 협정
2024.03.27
서울 중구는 지난 23일 일본 마라현 다라시와 우호교류 협정을 체결했다고 27일 밝혔다.
협정식에는 정하람 중구청장과 모리카와 켄 다라시장이 참석했다.
"""


def test_a_japanese_family_name_ending_like_a_particle(tmp_path: Path):
    got = posts(NEWS, tmp_path)
    assert ("모리카와 켄", "시장", "region/jp-다라시") in got
    assert ("겐", "시장", "region/jp-다라시") not in got


RECEPTION = [
    "2024년 청주시 외빈 접견 현황",
    "작성: 국제협력과 / 2025. 1. 10.",
    ["일자", "국가", "외빈", "직위", "주요 내용"],
    ["1. 16.", "중국", "천하오밍", "마라시 부시장", "교류 논의"],
    ["2. 7.", "일본", "오가타 시오리", "다라시장", "자매결연 협정 재체결 서명"],
    ["3. 21.", "미국", "제니퍼 로즈", "주한 미국대사관 정무참사관", "협력 논의"],
    ["4. 9.", "베트남", "응우옌 반 타인", "사아시 인민위원회 위원장", "MOU 체결"],
    ["5. 14.", "몽골", "바야르사이한", "울란바타르시장", "청년 교류 논의"],
    ["6. 3.", "필리핀", "마리아 산토스", "주한 필리핀 대사", "계절근로 협력"],
    ["10. 22.", "중국", "리훙", "산둥성 외사판공실 주임", "협정 체결 추진 합의"],
    ["12. 2.", "독일", "클라우스 베버", "라바시 경제장관", "항만 협력 논의"],
]
RECEPTION_POSTS = {
    ("천하오밍", "부시장", "region/cn-마라시"),
    ("오가타 시오리", "시장", "region/jp-다라시"),
    ("제니퍼 로즈", "정무참사관", "country/US"),
    ("응우옌 반 타인", "인민위원회 위원장", "region/vn-사아시"),
    ("바야르사이한", "시장", "region/mn-ulaanbaatar"),
    ("마리아 산토스", "주한 필리핀 대사", "country/PH"),
    ("리훙", "외사판공실 주임", "region/cn-shandong"),
    ("클라우스 베버", "경제장관", "region/de-라바시"),
}


def _reception(tmp_path: Path, fmt: str):
    if fmt == "docx":
        blocks = [b for b in RECEPTION if isinstance(b, str)] + [[b for b in RECEPTION if isinstance(b, list)]]
        return from_file(docx_file(tmp_path / "reception.docx", blocks))
    rows = [" | ".join(block) if isinstance(block, list) else block for block in RECEPTION]
    if fmt == "md":
        rows.insert(3, " | ".join("---" for _ in RECEPTION[2]))
        path = tmp_path / "reception.md"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        return from_file(path)
    return document("reception.txt", "\n".join(rows))


@pytest.mark.parametrize("fmt", ["txt", "md", "docx"])
def test_a_reception_table_of_foreign_guests(tmp_path: Path, fmt: str):
    from tests.readers.helpers import store_of
    from tests.readers.test_people import POSTS

    store = store_of(build(_reception(tmp_path, fmt)).dataset, tmp_path)
    got = {(r["name"].value, r["role"].value, r["org"].value)
           for r in store.query(POSTS, use_default_graph_as_union=True)}
    assert got >= RECEPTION_POSTS
    assert {name for name, _, _ in got} == {name for name, _, _ in RECEPTION_POSTS}  # no second post of anyone


def test_reception_table_perturbations(tmp_path: Path):
    # a row added and a name changed; a row whose post cell names no post gives nobody
    rows = [*RECEPTION, ["12. 9.", "일본", "다나카 히로시", "가나현 지사", "예방"],
            ["12. 20.", "일본", "스즈키", "관광객", "-"]]
    rows[3] = ["1. 16.", "중국", "천하이", "마라시 부시장", "교류 논의"]
    text = "\n".join(" | ".join(r) if isinstance(r, list) else r for r in rows)
    got = posts(text, tmp_path)
    assert ("천하이", "부시장", "region/cn-마라시") in got and ("다나카 히로시", "지사", "region/jp-가나현") in got
    assert not any(name in ("천하오밍", "스즈키") for name, _, _ in got)


ENGLISH = """Suwon Special City | Press Release
Date: 2024-06-12
Suwon Special City signed a sister city agreement with Gana City, Vietnam, on June 10.
Mayor Lee Jae-jun signed the agreement in the presence of Consul General Pham Thu Lan of the Consulate General of \
Vietnam in Busan.
Suwon's relations with Vietnam date back to a friendship agreement with Dara Province, signed on 8 March 2011.
Suwon's other partners include Marville (USA, sister city since 1997), Sarburg im Tal, Germany (sister city, \
15 October 2015), Jinan, China (friendship, 2009) and Lamsheim, Germany, with which an MOU on culture was signed \
in May 2017.
The city plans to sign a friendship agreement with Tarapolis, Romania, next year.
"""
ENGLISH_FACTS = {
    ("kr-gyeonggi-suwon", "vn-gana", "2024-06-10"), ("kr-gyeonggi-suwon", "vn-dara", "2011-03-08"),
    ("kr-gyeonggi-suwon", "us-marville", "1997"), ("de-sarburgimtal", "kr-gyeonggi-suwon", "2015-10-15"),
    ("cn-jinan", "kr-gyeonggi-suwon", "2009"), ("de-lamsheim", "kr-gyeonggi-suwon", "2017-05"),
}


@pytest.mark.parametrize("name", ["release.txt", "release.docx"])
def test_an_english_release_lists_partners_in_a_sentence(tmp_path: Path, name: str):
    lines = ENGLISH.strip("\n").split("\n")
    doc = from_file(docx_file(tmp_path / name, lines)) if name.endswith(".docx") else document(name, ENGLISH)
    assert party_ids(build(doc)) == ENGLISH_FACTS
    got = posts(ENGLISH, tmp_path, "release_posts.txt")
    assert ("Pham Thu Lan", "Consul General", "country/VN") in got


def test_english_list_perturbations():
    # a partner's bracket without a date gives nothing; a plan in a with-which clause neither; a date moved moves
    text = ENGLISH.replace("(friendship, 2009)", "(friendship)").replace(
        "with which an MOU on culture was signed in May 2017", "with which an MOU is planned for 2025").replace(
        "since 1997", "since 1998")
    got = party_ids(build(document("r.txt", text)))
    assert got == (ENGLISH_FACTS - {("cn-jinan", "kr-gyeonggi-suwon", "2009"),
                                    ("de-lamsheim", "kr-gyeonggi-suwon", "2017-05"),
                                    ("kr-gyeonggi-suwon", "us-marville", "1997")}) | {
        ("kr-gyeonggi-suwon", "us-marville", "1998")}
    # Jinan with no country is the registry's Korean county (a domestic partner)
    got = party_ids(build(document("r2.txt", ENGLISH.replace("Jinan, China (friendship, 2009)",
                                                              "Jinan (friendship, 2009)"))))
    assert ("kr-gyeonggi-suwon", "kr-jeonbuk-jinan", "2009") in got


WIRE = """Gangneung signs friendship pact with Japanese city
Posted on 2024-05-20
GANGNEUNG, May 20 (Yonhap) -- Gangneung City signed a friendship agreement with Gana City, Japan, on Tuesday, \
city officials said.
Gangneung already has sister city ties with Dara, Russia (signed in 2004) and Mara, China (2010).
The city plans to sign a similar agreement with Sara, Vietnam, next year.
"""
WIRE_FACTS = {("jp-gana", "kr-gangwon-gangneung", "2024-05-14"), ("kr-gangwon-gangneung", "ru-dara", "2004"),
              ("cn-mara", "kr-gangwon-gangneung", "2010")}


@pytest.mark.parametrize("name", ["wire.txt", "wire.docx"])
def test_a_wire_story_dates_a_weekday_against_its_dateline_and_lists_ties(tmp_path: Path, name: str):
    lines = WIRE.strip("\n").split("\n")
    doc = from_file(docx_file(tmp_path / name, lines)) if name.endswith(".docx") else document(name, WIRE)
    assert party_ids(build(doc)) == WIRE_FACTS


def test_wire_perturbations():
    # the dateline's own weekday is that day; a tie without its year gives nothing; the week moves with the dateline
    text = WIRE.replace("on Tuesday", "on Monday").replace("Mara, China (2010)", "Mara, China (friendship)")
    assert party_ids(build(document("w.txt", text))) == {("jp-gana", "kr-gangwon-gangneung", "2024-05-20"),
                                                         ("kr-gangwon-gangneung", "ru-dara", "2004")}
    text = WIRE.replace("2024-05-20", "2024-06-03").replace("May 20", "June 3")
    assert ("jp-gana", "kr-gangwon-gangneung", "2024-05-28") in party_ids(build(document("w2.txt", text)))
