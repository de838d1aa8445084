"""People with posts in news and report sentences a reader of an unseen document meets: an age in brackets after
the name (``홍가람(58) 가나시장``), an honorific after it (``씨가``), a name with its particle before the next
person's title (``박소라와 부의장 이도윤``), a foreign name of one-syllable words after its title and closed by a
particle (``인민위원장 응우옌 반 남과``), a name in Latin letters, a name after ``…인`` with its particle, a Korean
name of four syllables after two family names (one of them rarer: ``국이나래``), and words after a title that are
never a name (``부시장 주재로``). Written as text, a saved news page and DOCX, with perturbations. Names invented;
places from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.people import double_surname, is_korean_name, name_with_particle
from tests.readers.helpers import build, store_of
from tests.readers.test_news_clauses_and_posts import _as
from tests.readers.test_people import POSTS

NEWS = """강릉시 국제교류 소식
2024. 5. 20.
홍가람(58) 강릉시장은 이날 랴오닝성 왕하오 성장과 우호교류 협약서에 서명했다.
전 강릉시장 최다온 씨가 명예대사로 위촉됐다.
강릉시는 17일 시청에서 김나은 부시장 주재로 준비 회의를 열었다.
강원특별자치도의회 의장 박소라와 부의장 이도윤이 동행했다.
베트남 하이퐁시 인민위원장 응우옌 반 남과 부위원장 쩐 티 마이가 환영 만찬을 열었다.
국이나래 강원특별자치도의회 부의장은 축사를 했다.
주한 미국대사관 정무참사관 Jennifer Rose와 면담했다.
랴오닝성 부성장인 리웨이는 교류 확대를 제안했다.
"""
PEOPLE = {("홍가람", "시장"), ("왕하오", "성장"), ("최다온", "시장"), ("김나은", "부시장"), ("박소라", "의장"),
          ("이도윤", "부의장"), ("응우옌 반 남", "인민위원장"), ("쩐 티 마이", "부위원장"), ("국이나래", "부의장"),
          ("Jennifer Rose", "정무참사관"), ("리웨이", "부성장")}


def people(doc, tmp_path: Path) -> set[tuple[str, str]]:
    store = store_of(build(doc).dataset, tmp_path)
    return {(r["name"].value, r["role"].value) for r in store.query(POSTS, use_default_graph_as_union=True)}


def posts_of(doc, tmp_path: Path) -> set[tuple[str, str, str]]:
    store = store_of(build(doc).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, r["org"].value)
            for r in store.query(POSTS, use_default_graph_as_union=True)}


@pytest.mark.parametrize("name", ["news.txt", "news.html", "news.docx"])
def test_people_of_news_sentences_in_every_format(tmp_path: Path, name: str):
    got = posts_of(_as(tmp_path, name, NEWS), tmp_path)
    assert {(n, r) for n, r, _ in got} == PEOPLE  # no ``씨가``, ``주재로``, ``박소라와``, ``응우옌 반 남과``
    orgs = {n: o for n, _, o in got}
    assert orgs["홍가람"] == orgs["김나은"] == "region/kr-gangwon-gangneung"
    assert orgs["왕하오"] == orgs["리웨이"] == "region/cn-liaoning"
    assert orgs["Jennifer Rose"] == "country/US"  # a mission's staff serve the sending country
    assert orgs["응우옌 반 남"] == orgs["쩐 티 마이"] and orgs["응우옌 반 남"].startswith("region/vn-")


def test_news_perturbations(tmp_path: Path):
    # another age, name and particle; a word that is no title after the name; a name of two common family names
    text = (NEWS.replace("홍가람(58)", "홍가온(61세)").replace("박소라와", "박소라,")
            .replace("리웨이는", "리웨이가").replace("국이나래 강원특별자치도의회 부의장은", "국이나래 씨는"))
    got = people(_as(tmp_path, "p.txt", text), tmp_path)
    assert got == (PEOPLE - {("홍가람", "시장"), ("국이나래", "부의장")}) | {("홍가온", "시장")}
    text = NEWS.replace("Jennifer Rose와", "Jennifer Rose 씨와").replace("응우옌 반 남과", "응우옌 반 남,")
    assert people(_as(tmp_path, "q.txt", text), tmp_path) == PEOPLE


def test_korean_names_of_four_syllables_and_names_with_particles():
    assert is_korean_name("국이나래") and is_korean_name("이국나래") and double_surname("봉김하늘")
    assert not is_korean_name("오노다이") and not is_korean_name("라마다나")  # two common syllables: a transliteration
    assert not double_surname("박국희와")
    assert name_with_particle("홍길동과") and name_with_particle("주재로") and name_with_particle("씨가")
    assert name_with_particle("남과")
    assert not any(name_with_particle(w) for w in ("나카가와", "후미히로", "홍길동"))


MINUTES = """제12회 강원특별자치도의회 회의록
일 시: 2025년 2월 19일(수)
○위원장 김가온  회의를 개의하겠습니다.
○박나래 위원  국장님, 작년에 협정을 맺었지요?
○국제통상국장 최다온  예, 그렇습니다.
○이하늘 위원  질문을 마치겠습니다.
"""
PRESS = """완주군 보도자료
2019. 9. 6.
완주군은 2019. 9. 5. 캐나다 온타리오주 가나턴시와 우호협력 양해각서를 체결했다.
이날 서명식에는 홍가람 완주군수와 대니얼 하트 가나턴 시장이 참석했다.
(온타리오주 경제협력팀장 마리아 로페스 정리)
"""
ROSTER = """국외출장 결과보고서
출장기간: 2018. 10. 15. ~ 10. 19.
성명 | 소속 | 직위
홍가람 | 양평군 | 군수
김나은 | 양평군 자치행정과 | 과장
"""
QUESTION = """서천군의회 서면질문 답변서
2023. 9. 27.
질문의원: 김나래 의원 (행정복지위원회)
답변자: 서천군수 홍가람
"""


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_members_bylines_spaced_places_and_affiliation_columns(tmp_path: Path, fmt: str):
    def read(name: str, text: str) -> set[tuple[str, str]]:
        return people(_as(tmp_path, f"{name}.{fmt}", text), tmp_path)

    # a council's minutes: speakers marked ○, members (위원) and a director glued to his unit
    assert read("minutes", MINUTES) == {("김가온", "위원장"), ("박나래", "위원"), ("이하늘", "위원"),
                                        ("최다온", "국제통상국장")}
    # a head's title written apart from its place (가나턴 시장: 가나턴시), a byline closed by 정리
    got = posts_of(_as(tmp_path, f"press.{fmt}", PRESS), tmp_path)
    assert {(n, r) for n, r, _ in got} == {("홍가람", "군수"), ("대니얼 하트", "시장"),
                                          ("마리아 로페스", "경제협력팀장")}
    assert {o for n, _, o in got if n == "대니얼 하트"} == {"region/ca-가나턴시"}
    # a delegation table whose posts are placed by its affiliation column; a written question's member
    assert read("roster", ROSTER) == {("홍가람", "군수"), ("김나은", "과장")}
    assert read("question", QUESTION) == {("김나래", "의원"), ("홍가람", "군수")}


def test_member_and_byline_perturbations(tmp_path: Path):
    minutes = MINUTES.replace("○이하늘 위원", "○이하늘 의원").replace("국장님", "김 국장님")
    assert people(_as(tmp_path, "m.txt", minutes), tmp_path) == {
        ("김가온", "위원장"), ("박나래", "위원"), ("이하늘", "의원"), ("최다온", "국제통상국장")}
    press = PRESS.replace("대니얼 하트 가나턴 시장이", "가나턴 시장 대니얼 하트가").replace("정리)", "작성)")
    assert people(_as(tmp_path, "p.txt", press), tmp_path) == {
        ("홍가람", "군수"), ("대니얼 하트", "시장"), ("마리아 로페스", "경제협력팀장")}
    roster = ROSTER.replace("성명 | 소속 | 직위", "이름 | 소속기관 | 직책") + "박다온 | 양평군 | 주무관\n"
    assert people(_as(tmp_path, "r.txt", roster), tmp_path) == {("홍가람", "군수"), ("김나은", "과장"),
                                                                ("박다온", "주무관")}
