"""Generality of decision 0068's sentence rules beyond the lines they were tuned on.

The rules: a contrast after a signing (``맺었으나 … 종료했다``, ``체결했지만``), two pairs sharing one verb
(``맺은 바 있다``), ``결연한`` alone, a place right before a body (``인민대표대회``, ``인민정치협상회의``: no
region pair), heads whose places are glued to their titles (``가나시장과``, ``가나현지사가``: a registry partner,
an invented one, a county's head), a report entry's month and day (``○ 4. 8.``), and a news site's blocks beside
the article named with other spellings (``related-articles``, ``popularNews``, ``sns_share``, ``adBanner``). They
are tried in other wordings, regions and formats, with full-width digits, and on negatives (a plan, an
anniversary, a visit, a university's MOU, a region and its own city) that must not become agreements. The pages
are written by the tests; the foreign names are invented or taken from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts, from_file
from tests.readers.test_people import POSTS
from tests.readers.test_report_prose import party_ids


def _facts(tmp_path: Path, kind: str, lines: list[str]) -> set:
    return facts(build(page(tmp_path, kind, lines)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "강릉시는 2008년 일본 가나시와 자매결연을 맺었으나 2020년 교류를 종료했다.",
            ("가나시", "강릉시", "2008", "sister"),
        ),
        (
            "속초시는 2011년 중국 시안시와 우호교류 협약을 체결했지만 2019년 관계를 종료하였다.",
            ("속초시", "시안시", "2011", "friendship"),
        ),
        (
            "양양군은 2005년 5월 일본 마바현과 우호교류 협약을 체결하였으나 2018년 협약이 만료되었다.",
            ("마바현", "양양군", "2005-05", "friendship"),
        ),
    ],
)
def test_a_contrast_after_a_signing_dates_no_signing(tmp_path: Path, sentence: str, expected: tuple):
    assert _facts(tmp_path, "txt", ["국제교류 현황", sentence]) == {expected}


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_two_pairs_sharing_one_verb_of_a_finished_signing(tmp_path: Path, kind: str):
    lines = [
        "강릉시 국제교류 소개",
        "강릉시는 2015년 일본 가나시와 우호교류 협약을, 2018년 중국 시안시와 자매결연을 맺은 바 있다.",
    ]
    assert _facts(tmp_path, kind, lines) == {
        ("가나시", "강릉시", "2015", "friendship"),
        ("강릉시", "시안시", "2018", "sister"),
    }


def test_a_tie_made_names_its_own_date(tmp_path: Path):
    for sentence, year in [
        ("강릉시가 2008년 결연한 일본 가나시와는 2019년 교류를 재개했다.", "2008"),
        (
            "강릉시가 2012년 결연한 중국 시안시와는 2023년 청소년 교류를 재개하였다.",
            "2012",
        ),
    ]:
        found = _facts(tmp_path, "txt", ["국제교류 현황", sentence])
        assert {(d, t) for _, _, d, t in found} == {(year, "sister")}, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "강원특별자치도의회와 중국 지린성 인민대표대회 간 우호교류 협약을 2018년 6월 12일 체결했다.",
        "강원특별자치도의회와 중국 지린성 인민정치협상회의는 2018년 6월 12일 우호교류 협약을 체결했다.",
        "전라남도의회는 2021년 4월 2일 중국 마바성 인민대표대회와 우호교류 협약을 체결하였다.",
    ],
)
def test_negative_a_council_and_a_peoples_congress_are_no_region_pair(tmp_path: Path, sentence: str):
    assert _facts(tmp_path, "txt", ["의회 국제교류 현황", sentence]) == set()


NEWS = ["{home} 보도자료", "2024. 4. 10."]
ENTRIES = ["강릉시 국제교류 추진 실적(2024년)", "□ 주요 실적"]
#: A line under a news page's head (``news``) or a report's (``entry``), and the one fact it states (labels sorted).
STATED = [
    "news 홍길동 강릉시장과 일본 다라 마바 가나시장이 지난 8일 자매결연 협정을 갱신하였다."
    " => 가나시|강릉시|2024-04-08|sister",
    "news 홍길동 강릉시장과 중국 시안시장이 지난 8일 우호교류 협약을 체결하였다."
    " => 강릉시|시안시|2024-04-08|friendship",
    "news 홍길동 양양군수와 일본 다라 마바 가나현지사가 지난 8일 우호교류 협정을 갱신하였다."
    " => 가나현|양양군|2024-04-08|friendship",
    "entry ○ 4. 8. 일본 가나시와 우호교류 협약을 체결하였다. => 가나시|강릉시|2024-04-08|friendship",
    "entry ○ 10. 21. 중국 시안시와 자매결연 협정을 체결하였다. => 강릉시|시안시|2024-10-21|sister",
    "entry ○ ４. ８. 일본 가나시와 우호교류 협약을 체결하였다. => 가나시|강릉시|2024-04-08|friendship",
    "entry ○ 2023. 4. 8. 일본 가나시와 우호교류 협약을 체결하였다. => 가나시|강릉시|2023-04-08|friendship",
]


@pytest.mark.parametrize("case", STATED)
def test_heads_glued_to_their_titles_and_a_report_entrys_month_and_day(tmp_path: Path, case: str):
    """Heads whose places are glued to their titles sign for them (a registry partner, an invented one, a county's
    head); a report entry's month and day (full-width digits too) takes the year its heading names."""
    head, rest = case.split(" ", 1)
    line, fact = rest.split(" => ")
    if head == "news":
        lines = [NEWS[0].format(home="양양군" if "양양" in line else "강릉시"), NEWS[1], line]
    else:
        lines = [*ENTRIES, line, "○ 6. 2. 중국 시안시 대표단 방문"]
    for kind in ("txt", "html", "docx"):
        assert _facts(tmp_path, kind, lines) == {tuple(fact.split("|"))}, kind


@pytest.mark.parametrize(
    "sentence",
    [
        "홍길동 강릉시장과 일본 가나시장이 지난 8일 자매결연 30주년 기념식에 참석하였다.",
        "홍길동 강릉시장과 일본 가나시장이 지난 8일 자매결연 협정 체결을 추진하기로 하였다.",
        "홍길동 강릉시장과 중국 시안시장이 지난 8일 우호교류 협약 체결을 추진키로 했다.",
        "홍길동 강릉시장과 일본 가나시장이 지난 8일 우호교류 협약 체결을 위한 실무 협의를 하였다.",
        "강릉 중앙시장과 주문진시장이 지난 8일 상생 협약을 체결하였다.",
    ],
)
def test_negative_heads_that_meet_plan_or_are_markets(tmp_path: Path, sentence: str):
    assert _facts(tmp_path, "txt", [NEWS[0].format(home="강릉시"), NEWS[1], sentence]) == set()


@pytest.mark.parametrize(
    "entry",
    [
        "○ 4. 8. 일본 가나시와 우호교류 협약 체결 예정",
        "○ 4. 8. 일본 가나시 대표단 방문",
        "○ 4. 8. 일본 가나시와 자매결연 10주년 기념식 개최",
        "○ 4. 8. 강릉원주대학교와 일본 가나대학 간 MOU 체결",
    ],
)
def test_negative_report_entries_that_sign_nothing(tmp_path: Path, entry: str):
    assert _facts(tmp_path, "txt", [*ENTRIES, entry]) == set()


ARTICLE = (
    '<div class="news_title"><h2>양양군, 일본 가나현과 우호교류</h2><p>입력 2024.05.20 10:12</p></div>'
    '<div id="newsContent"><p>양양군은 지난 14일 일본 가나현과 우호교류 협약을 체결했다고 20일 밝혔다.</p></div>'
)
BESIDE = (
    '<div class="related-articles"><ul><li><a>고성군은 2019년 중국 다라시와 우호협약을 맺었다</a></li></ul></div>'
    '<div id="popularNews"><ol><li>동해시는 1994년 일본 마바시와 자매결연을 맺었다</li></ol></div>'
    '<div class="sns_share">공유하기</div><div class="adBanner">삼척시는 2020년 베트남 사하시와 MOU를 체결했다</div>'
)


@pytest.mark.parametrize("order", ["beside_after", "beside_before"])
def test_news_blocks_beside_the_article_under_other_names(tmp_path: Path, order: str):
    inner = ARTICLE + BESIDE if order == "beside_after" else BESIDE + ARTICLE
    path = tmp_path / "news.html"
    path.write_text(
        "<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'><title>양양군, 일본 가나현과 우호교류"
        f"</title></head><body><div id='wrap'>{inner}</div></body></html>",
        encoding="utf-8",
    )
    assert {(a, b, d) for a, b, d, _ in facts(build(from_file(path)))} == {("가나현", "양양군", "2024-05-14")}


TRIP = ["강릉시 대표단 일본 방문 결과 보고", "○ 기간: 2024. 7. 8. ~ 7. 12.", "○ 방문지: 일본 가나시"]


def _posts(tmp_path: Path, kind: str, lines: list[str]) -> set:
    built = build(page(tmp_path, kind, lines))
    built.dataset.default_union = True
    return {(str(r.name), str(r.role), str(r.org).rsplit("/", 1)[-1]) for r in built.dataset.query(POSTS)}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("○ 단장: 김민수 부시장", ("김민수", "부시장", "kr-gangwon-gangneung")),
        ("○ 면담: 야마다 타로 부시장", ("야마다 타로", "부시장", "jp-가나시")),
        ("○ 면담: 가나시 부시장 야마다 타로 외 5명", ("야마다 타로", "부시장", "jp-가나시")),
    ],
)
def test_a_trip_reports_officials_serve_their_own_region(tmp_path: Path, line: str, expected: tuple):
    for kind in ("txt", "docx"):
        assert _posts(tmp_path, kind, [*TRIP, line]) == {expected}, kind


WIRES = [
    "Posted on 2023-10-09|MUAN, Oct. 9 (Yonhap) -- South Jeolla Province signed a friendship agreement with"
    " Xi'an, China, on Thursday, provincial officials said.|cn-shaanxi-xian kr-jeonnam 2023-10-05",
    "Updated 2025-03-14|SOKCHO, March 14 (Yonhap) -- Sokcho City signed a sister city agreement with"
    " Maba City, Japan, on Wednesday.|jp-maba kr-gangwon-sokcho 2025-03-12",
    "Posted on 2025-03-14|SOKCHO, March 14 (Yonhap) -- Sokcho Mayor visited Maba City, Japan, on Wednesday to"
    " mark the 20th anniversary of their sister city ties.|",
    "Posted on 2025-03-14|SOKCHO, March 14 (Yonhap) -- Sokcho City will sign a sister city agreement with"
    " Maba City, Japan, on Friday.|",
]


@pytest.mark.parametrize("wire", WIRES)
def test_english_wire_stories_date_a_weekday_against_their_dateline(tmp_path: Path, wire: str):
    """A weekday is the last such day up to the dateline's (a registry partner, an invented one, a province); a
    visit for an anniversary and a plan sign nothing."""
    posted, story, expected = wire.split("|")
    built = build(page(tmp_path, "txt", ["Exchange news", posted, story]))
    assert party_ids(built) == ({tuple(expected.split())} if expected else set())


@pytest.mark.parametrize(
    "sentence",
    [
        "강릉시가 결연한 일본 가나시와 2019년 청소년 교류를 재개했다.",
        "속초시는 자매결연을 맺은 중국 시안시와 2022년 문화 교류를 이어갔다.",
        "양양군과 우호교류 협약을 체결한 일본 마바현 대표단이 지난 8일 군청을 방문하였다.",
    ],
)
@pytest.mark.parametrize("kind", ["txt", "html"])
def test_negative_a_tie_without_its_date_gives_no_date_of_another_event(tmp_path: Path, sentence: str, kind: str):
    """``결연한``, ``맺은``, ``체결한`` name the tie but not when: the date is of the exchange resumed or the visit."""
    assert _facts(tmp_path, kind, ["국제교류 현황", sentence]) == set()


def test_a_tie_told_before_a_signing_keeps_the_signings_date(tmp_path: Path):
    """A tie told as what the partner is, then a signing verb: the date after it is the signing's."""
    lines = ["국제교류 현황", "강릉시는 결연한 일본 가나시와 2019년 우호교류 협약을 체결했다."]
    assert {(d, t) for _, _, d, t in _facts(tmp_path, "txt", lines)} == {("2019", "friendship")}


@pytest.mark.parametrize(
    "line",
    [
        "○ 4. 8. 강원특별자치도와 강릉시 간 업무협약 체결",
        "강원특별자치도와 강릉시는 2024년 4월 8일 관광 활성화 업무협약을 체결했다.",
        "강릉시는 2024년 4월 8일 강원특별자치도와 우호교류 협약을 체결했다.",
    ],
)
@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_negative_a_region_and_its_own_city_sign_no_exchange_agreement(tmp_path: Path, line: str, kind: str):
    """A province and a city inside it (the registry's parent) agree on their own affairs: no exchange agreement."""
    assert _facts(tmp_path, kind, [*ENTRIES, line]) == set()


def test_a_region_and_a_foreign_partner_beside_its_own_city_still_sign(tmp_path: Path):
    """Only the nested pair is dropped: the province's own agreement with a foreign region on the line stays."""
    lines = [*ENTRIES, "강원특별자치도는 2024년 4월 8일 일본 가나현과 우호교류 협약을 체결했다."]
    assert _facts(tmp_path, "txt", lines) == {("가나현", "강원특별자치도", "2024-04-08", "friendship")}


@pytest.mark.parametrize("name", ["남궁민수", "제갈성", "황보영희", "선우진", "독고영재"])
def test_a_korean_name_with_a_two_syllable_family_name_is_no_foreign_official(tmp_path: Path, name: str):
    """남궁, 제갈, 황보 …: Korean family names of two syllables; the delegation's head serves the Korean region."""
    for kind in ("txt", "docx"):
        assert _posts(tmp_path, kind, [*TRIP, f"○ 단장: {name} 부시장"]) == {(name, "부시장", "kr-gangwon-gangneung")}


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("○ 4. 8. 강릉시-시안시 자매결연 협약 체결", {("강릉시", "시안시", "2024-04-08", "sister")}),
        ("○ ４. ８. 강릉시–시안시 우호교류 협약 체결", {("강릉시", "시안시", "2024-04-08", "friendship")}),
        ("- 10. 21. 강릉시~시안시 자매결연 협정 서명", {("강릉시", "시안시", "2024-10-21", "sister")}),
        ("○ 4. 8. 강릉시-시안시 자매결연 협약 체결 예정", set()),
        ("○ 4. 8. 강릉시-시안시 자매결연 10주년 기념식", set()),
    ],
)
@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_dash_pair_in_a_report_entry_takes_the_entrys_day(tmp_path: Path, entry: str, expected: set, kind: str):
    """``○ 4. 8. 가나시-다라시 자매결연 협약 체결``: the pair signs on the entry's month and day, in the year its
    heading names; a plan or an anniversary on such an entry signs nothing."""
    assert _facts(tmp_path, kind, [*ENTRIES, entry]) == expected
