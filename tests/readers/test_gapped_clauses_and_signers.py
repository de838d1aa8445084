"""Parallel clauses whose verb is gapped or whose second pair has no date of its own, the places of a signers' list,
relations raised or begun in other words, and head lines that do not name the document's own region: a trip's
destination field and a translator's credit (decision 0086). Foreign places invented and placed by country words;
Korean ones the registry's. Text, DOCX and a saved news page; exact facts; perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, facts
from tests.readers.test_news_clauses_and_posts import _as

NEWS = """경기도 국제교류 소식
2025. 4. 18.

{line}
"""


def _pairs(doc) -> set[tuple[str, str, str]]:
    return {(a, b, d) for a, b, d, _ in facts(build(doc))}


@pytest.mark.parametrize(("line", "expected"), [
    ("이천시는 9일 일본 다라시와 우호교류 협약을, 여주시는 같은 날 중국 마바시와 자매결연 협정을 체결했다.",
     {("다라시", "이천시", "2025-04-09"), ("마바시", "여주시", "2025-04-09")}),
    ("오산시는 2019년 3월 5일 일본 다라시와 자매결연 협정을, 용인시는 같은 날 중국 마바시와 양해각서를 각각 체결했다.",
     {("다라시", "오산시", "2019-03-05"), ("마바시", "용인시", "2019-03-05")}),
    ("구리시는 12일 일본 다라시와 자매결연 협정을, 남양주시는 당일 중국 마바시와 우호협력 양해각서를 맺었다.",
     {("구리시", "다라시", "2025-04-12"), ("남양주시", "마바시", "2025-04-12")}),
    ("오산시는 2019년 3월 일본 다라시와 자매결연 협정을, 용인시는 이듬해 중국 마바시와 양해각서를 맺었다.",
     {("다라시", "오산시", "2019-03"), ("마바시", "용인시", "2020")}),
    ("오산시는 2019년 일본 다라시와 우호교류 협약을, 용인시는 같은 해 중국 마바시와 자매결연을 맺었다.",
     {("다라시", "오산시", "2019"), ("마바시", "용인시", "2019")}),
])
def test_a_gapped_clause_takes_the_date_of_the_part_before(line: str, expected: set):
    assert _pairs(document("n.txt", NEWS.format(line=line))) == expected


@pytest.mark.parametrize("line", [
    "17일 일본 다라시와 오산시는 우호도시 협약서에 서명했고, 중국 마바시와 용인시는 교류 양해각서(MOU)를 체결했다.",
    "이날 일본 다라시와 오산시는 우호도시 협약서에 서명했고, 중국 마바시와 용인시는 교류 양해각서(MOU)를 체결했다.",
    "오산시는 17일 일본 다라시와 우호도시 협약을 맺었고, 용인시는 중국 마바시와 교류 양해각서(MOU)를 체결했다.",
])
def test_a_second_clause_without_a_date_signs_on_the_day_of_the_first(line: str):
    text = NEWS.format(line=line).replace("2025. 4. 18.", "2025. 4. 18.\n오산시는 17일 교류회의를 열었다.")
    found = _pairs(document("n.txt", text))
    assert found == {("다라시", "오산시", "2025-04-17"), ("마바시", "용인시", "2025-04-17")}


@pytest.mark.parametrize("fmt", ["txt", "docx", "html"])
def test_gapped_clauses_in_every_format(tmp_path: Path, fmt: str):
    line = "이천시는 9일 일본 다라시와 우호교류 협약을, 여주시는 같은 날 중국 마바시와 자매결연 협정을 체결했다."
    assert _pairs(_as(tmp_path, f"n.{fmt}", NEWS.format(line=line))) == {
        ("다라시", "이천시", "2025-04-09"), ("마바시", "여주시", "2025-04-09")}


@pytest.mark.parametrize(("line", "expected"), [
    # no word saying the same day: the second part has no date, so no signing is guessed for it
    ("이천시는 9일 일본 다라시와 우호교류 협약을, 여주시는 중국 마바시와 자매결연 협정을 체결했다.",
     {("다라시", "이천시", "2025-04-09")}),
    # the first clause's date is a year, not a day: the later clause is not dated by it
    ("오산시는 1997년 일본 다라시와 우호도시 협약을 맺었고, 용인시는 중국 마바시와 교류 양해각서를 체결했다.",
     {("다라시", "오산시", "1997")}),
    # a plan in the second clause stays a plan (no agreement)
    ("이천시는 9일 일본 다라시와 우호교류 협약을 맺었고, 여주시는 중국 마바시와 양해각서를 체결할 예정이다.",
     {("다라시", "이천시", "2025-04-09")}),
    # a date changed in the first part moves both
    ("이천시는 10일 일본 다라시와 우호교류 협약을, 여주시는 같은 날 중국 마바시와 자매결연 협정을 체결했다.",
     {("다라시", "이천시", "2025-04-10"), ("마바시", "여주시", "2025-04-10")}),
])
def test_gapped_clause_perturbations(line: str, expected: set):
    assert _pairs(document("n.txt", NEWS.format(line=line))) == expected


VISIT = """일본 사바노시 대표단 방문 결과보고
2023. 6. 20. 안동시 국제교류팀
1. 추진 결과
{line}
"""


@pytest.mark.parametrize("line", [
    "○ 6. 18.(수) 안동시청 시민회관에서 우호교류 협약 체결 (서명: 홍길동 안동시장, 마바 사아 사바노시장)",
    "○ 6. 18.(수) 안동시청에서 우호교류 협약 체결(서명자 : 마바 사아 사바노시장, 홍길동 안동시장)",
    "○ 6. 18. 우호교류 협약 체결 — 서명: 홍길동 안동시장·마바 사아 사바노시장",
    "○ 2023. 6. 18. 시청 시민회관에서 자매결연 협정서에 서명 (서명 : 안동시장 홍길동, 사바노시장 마바 사아)",
])
def test_the_places_of_a_signers_list_are_the_pair(line: str):
    assert _pairs(document("v.txt", VISIT.format(line=line))) == {("사바노시", "안동시", "2023-06-18")}


def test_signers_list_perturbations():
    one = VISIT.format(line="○ 6. 18.(수) 안동시청 시민회관에서 우호교류 협약 체결 (서명: 홍길동 안동시장)")
    assert ("사바노시", "안동시", "2023-06-18") not in _pairs(document("v.txt", one))
    plan = VISIT.format(line="○ 6. 18.(수) 우호교류 협약 체결 예정 (서명: 홍길동 안동시장, 마바 사아 사바노시장)")
    assert _pairs(document("v.txt", plan)) == set()
    moved = VISIT.format(line="○ 6. 20.(금) 안동시청에서 우호교류 협정 체결 (서명: 홍길동 안동시장, 마바 사아 "
                              "사바노시장)")
    assert _pairs(document("v.txt", moved)) == {("사바노시", "안동시", "2023-06-20")}


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_signers_list_in_every_format(tmp_path: Path, fmt: str):
    text = VISIT.format(line="○ 6. 18.(수) 안동시청 시민회관에서 우호교류 협약 체결 (서명: 홍길동 안동시장, "
                             "마바 사아 사바노시장)")
    assert _pairs(_as(tmp_path, f"v.{fmt}", text)) == {("사바노시", "안동시", "2023-06-18")}


SPEECH = """여수시 시정 소식
2024. 3. 4.
{line}
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("2006년 우호도시 협약을 체결한 중국 다라시와는 문화 교류를 이어 왔으며, 2016년에는 자매도시로 관계를 "
     "격상한 바 있다.", {("다라시", "여수시", "2006"), ("다라시", "여수시", "2016")}),
    ("시는 2006년 중국 다라시와 우호도시 협약을 체결하였고, 2016년 자매도시로 격상해 교류하고 있다.",
     {("다라시", "여수시", "2006"), ("다라시", "여수시", "2016")}),
    ("여수시와 중국 다라시는 2019년 자매도시가 되었다.", {("다라시", "여수시", "2019")}),
    ("시는 2019년 5월 중국 다라시와 우호도시가 됐다.", {("다라시", "여수시", "2019-05")}),
])
def test_a_relation_raised_or_begun_is_a_signing(line: str, expected: set):
    assert _pairs(document("s.txt", SPEECH.format(line=line))) == expected


@pytest.mark.parametrize("line", [
    "여수시와 중국 다라시는 내년 자매도시가 될 전망이다.",
    "시는 중국 다라시와 자매도시가 된 지 오래다.",
    "시는 2006년 중국 다라시와 우호도시 협약을 체결하였고, 자매도시로 격상하기로 합의했다.",
])
def test_relations_to_be_raised_or_begun_sign_nothing_new(line: str):
    assert all(d == "2006" for _, _, d in _pairs(document("s.txt", SPEECH.format(line=line))))


TRIP = """공무국외출장 결과보고서
출장지 : 중국 산둥성 다라시
출장기간 : 2024. 4. 15. ~ 4. 18.
출장자 : 오산시장 홍길동 외 5명
{line}
○ 오산시 국제협력과 작성
"""


@pytest.mark.parametrize("line", [
    "○ 2024. 4. 16. 다라시와 우호교류 협약을 체결함.",
    "○ 2024. 4. 16. 다라시 인민정부에서 우호교류 협약 체결",
])
def test_a_trips_destination_is_not_the_documents_own_region(line: str):
    assert _pairs(document("t.txt", TRIP.format(line=line))) == {("다라시", "오산시", "2024-04-16")}


TRANSLATED = """일본 효고현 내 시정촌과 한국 지방자치단체의 교류 현황
(원본: 효고현 통계 2022년판 / 번역: 경상남도 국제협력과, 2023. 5.)

1989년 10월 경상북도와 자매결연을 체결하였다.
"""


@pytest.mark.parametrize("credit", [
    "(원본: 효고현 통계 2022년판 / 번역: 경상남도 국제협력과, 2023. 5.)",
    "번역 : 경상남도 국제협력과 (2023. 5.)",
])
def test_a_translators_office_is_not_the_documents_own_region(credit: str):
    text = TRANSLATED.replace("(원본: 효고현 통계 2022년판 / 번역: 경상남도 국제협력과, 2023. 5.)", credit)
    assert _pairs(document("c.txt", text)) == {("경상북도", "효고현", "1989-10")}


def test_a_writers_office_still_names_the_region_when_the_title_does_not():
    text = "국제교류 현황\n작성: 경상남도 국제관계대사실\n\n1989년 10월 일본 가나현과 자매결연을 체결하였다.\n"
    assert _pairs(document("c.txt", text)) == {("가나현", "경상남도", "1989-10")}


GUESTS = """여수시 시정 소식
2024. 3. 4.
1992년 자매결연을 맺은 일본 {place}와는 올해로 결연 32주년이 됩니다.
올봄 시청을 방문한 마바 사아 {place}장님께 환영의 뜻을 전합니다.
교류단은 베트남 {other}를 찾아 쩐반남 {other} 인민위원회 위원장과 교류의향서를 교환했다.
"""


@pytest.mark.parametrize(("place", "other", "fmt"), [
    ("다라시", "가나시", "txt"), ("사하시", "무라시", "txt"), ("다라시", "가나시", "docx"),
    ("다라시", "가나시", "html"),
])
def test_people_after_a_place_with_two_particles_and_a_verb(tmp_path: Path, place: str, other: str,
                                                                         fmt: str):
    from tests.readers.test_people_in_any_sentence import posts_of

    got = posts_of(_as(tmp_path, f"g.{fmt}", GUESTS.format(place=place, other=other)), tmp_path)
    assert {(n, r) for n, r, _ in got} == {("마바 사아", "시장"), ("쩐반남", "인민위원회 위원장")}
    assert not any(n.startswith("찾아") for n, _, _ in got)  # the verb after the object is no part of the name
    orgs = {(n, r): o for n, r, o in got}
    assert orgs[("마바 사아", "시장")].startswith("region/jp-")


def test_people_perturbations(tmp_path: Path):
    from tests.readers.test_people_in_any_sentence import posts_of

    # a place named with one particle only still places the mayor; without any country word the place stays unplaced
    text = GUESTS.format(place="다라시", other="가나시").replace("다라시와는", "다라시와")
    assert ("마바 사아", "시장") in {(n, r) for n, r, _ in posts_of(document("g.txt", text), tmp_path)}
    unplaced = GUESTS.format(place="다라시", other="가나시").replace("일본 다라시와는", "다라시와는")
    assert ("마바 사아", "시장") not in {(n, r) for n, r, _ in posts_of(document("g.txt", unplaced), tmp_path)}
    # a name after an object that ends like a verb's linking form but is followed by no title stays no post
    met = GUESTS.format(place="다라시", other="가나시").replace("쩐반남 가나시 인민위원회 위원장과", "쩐반남과")
    assert not any(n.startswith("찾아") for n, _, _ in posts_of(document("g.txt", met), tmp_path))


AUDIT = """가평군 국제교류 현황
2024. 1. 10.
{line}
"""


@pytest.mark.parametrize(("line", "agreements", "intents"), [
    # a visit's date is no signing though a renewal is spoken of (the renewal discussed signs nothing)
    ("가평군 대표단은 2023. 9. 1. 일본 가나시를 방문해 2013. 9. 1. 맺은 자매결연 협정의 갱신을 협의했다.",
     {("가나시", "가평군", "2013-09-01")}, set()),
    ("가평군 대표단은 2023. 9. 1. 일본 가나시를 찾아 2013. 9. 1. 체결한 자매결연의 재체결 여부를 검토했다.",
     {("가나시", "가평군", "2013-09-01")}, set()),
    # a signing restated in brackets, in a clause that signs nothing of its own
    ("※ 일본 가나시와의 자매결연(2010. 3. 5. 체결)은 5년마다 갱신하며, 2024. 5. 2. 가나시 대표단이 방문하였음.",
     {("가나시", "가평군", "2010-03-05")}, set()),
    # two dates, each with its own relation and signing word: two signings, each of its own type
    ("가평군과 일본 가나시는 2019년 5월 3일 의향서 교환에 이어 2020년 6월 1일 자매결연 협정을 체결했다.",
     {("가나시", "가평군", "2019-05-03"), ("가나시", "가평군", "2020-06-01")}, set()),
    # an exchanged letter followed by something else proposed is a signed letter
    ("가평군은 2019년 5월 3일 일본 가나시와 우호교류 의향서를 교환하며 교류를 제안했다.",
     {("가나시", "가평군", "2019-05-03")}, set()),
    ("가평군은 2019년 5월 3일 일본 가나시에 우호교류 의향서를 전달했다.", set(), {("가나시", "가평군", "2019-05-03")}),
    # a raise agreed to be made is a plan, one made a signing
    ("가평군은 2001년 중국 마바시와 우호도시 협정을 맺었고, 2016년 자매도시로 격상하기로 합의했다.",
     {("가평군", "마바시", "2001")}, {("가평군", "마바시", "2016")}),
    ("가평군은 2001년 중국 마바시와 우호도시 협정을 맺었고, 2016년 자매도시로 격상했다.",
     {("가평군", "마바시", "2001"), ("가평군", "마바시", "2016")}, set()),
    # the pair whose signing a head congratulated, not the head's place
    ("중국 다라시 시장은 2023년 5월 3일 가평군과 일본 가나시의 자매결연 협정 체결을 축하했다.",
     {("가나시", "가평군", "2023-05-03")}, set()),
])
def test_dates_with_their_own_words_and_the_pair_a_clause_is_about(line: str, agreements: set, intents: set):
    result = build(document("a.txt", AUDIT.format(line=line)))
    assert {(a, b, d) for a, b, d, _ in facts(result)} == agreements
    assert {(a, b, d) for a, b, d, _ in facts(result, "AgreementIntent")} == intents


def test_each_dates_own_relation_types_its_signing():
    line = "가평군과 일본 가나시는 2019년 5월 3일 의향서 교환에 이어 2020년 6월 1일 자매결연 협정을 체결했다."
    assert {(d, t) for _, _, d, t in facts(build(document("a.txt", AUDIT.format(line=line))))} == {
        ("2019-05-03", "letterOfIntent"), ("2020-06-01", "sister")}


BRIEF = """국제교류 소식지
2025. 6. 1.

{line}
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("[충청북도] 청주시, 미국 오리건주 가나빌시와 자매결연 — 5월 14일 가나빌 시청에서 협정서에 서명했다.",
     {("가나빌시", "청주시", "2025-05-14")}),
    ("[충청북도] 청주시 국제교류팀은 미국 오리건주 가나빌시와 5월 14일 자매결연 협정서에 서명했다.",
     {("가나빌시", "청주시", "2025-05-14")}),
    ("[청주시] 옥천군과 미국 오리건주 가나빌시, 5월 14일 자매결연 협정서에 서명",
     {("가나빌시", "옥천군", "2025-05-14")}),
    ("[수원시]미국 오리건주 가나빌시와 자매결연 — 5월 14일 가나빌 시청에서 협정서에 서명했다.",
     {("가나빌시", "수원시", "2025-05-14")}),
    ("수원시-미국 오리건주 가나빌시와 자매결연, 5월 14일 가나빌 시청에서 협정서에 서명했다.",
     {("가나빌시", "수원시", "2025-05-14")}),
    ("수원시 : 미국 오리건주 가나빌시와 자매결연, 5월 14일 가나빌 시청에서 협정서에 서명했다.",
     {("가나빌시", "수원시", "2025-05-14")}),
])
def test_a_bracketed_tag_before_a_region_and_subjects_written_tight(line: str, expected: set):
    assert _pairs(document("b.txt", BRIEF.format(line=line))) == expected


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_korean_sentence_running_on_into_a_latin_title(tmp_path: Path, fmt: str):
    text = AUDIT.format(line="가평군은 2023년 5월 3일 미국 오리건주 가나빌시와\n'Sister City Agreement of Friendship "
                             "and Cooperation'을 체결했다.")
    assert _pairs(_as(tmp_path, f"l.{fmt}", text)) == {("가나빌시", "가평군", "2023-05-03")}
    ended = AUDIT.format(line="가평군은 2023년 5월 3일 미국 오리건주 가나빌시와 자매결연을 맺었다.\nThe two cities "
                              "signed a sister city agreement.")
    assert _pairs(_as(tmp_path, f"e.{fmt}", ended)) == {("가나빌시", "가평군", "2023-05-03")}


PARTNER_LIST = """춘천시 국제교류 안내
2023-11-02
{line}
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("춘천시의 교류도시인 중국 지린성 다라시(1995년 자매결연)와 일본 가나시(2012. 7. 우호교류 협정), 미국 "
     "마바시(2016년 MOU 체결 후 2020. 9. 14. 자매결연으로 격상)와의 교류를 이어 가고 있다.",
     {("다라시", "춘천시", "1995"), ("가나시", "춘천시", "2012-07"), ("마바시", "춘천시", "2016"),
      ("마바시", "춘천시", "2020-09-14")}),
    ("시는 미국 마바시(2016년 MOU 체결 후 2020. 9. 14. 자매결연으로 격상)와의 교류를 이어 가고 있다.",
     {("마바시", "춘천시", "2016"), ("마바시", "춘천시", "2020-09-14")}),
    # a partner's bracket with one date, the others' dates their own
    ("춘천시의 교류도시인 중국 다라시(1995년 자매결연)와 미국 마바시(2016년 MOU 체결)와의 교류는 이어집니다.",
     {("다라시", "춘천시", "1995"), ("마바시", "춘천시", "2016")}),
])
def test_dates_in_a_partners_bracket_are_that_partners(line: str, expected: set):
    assert _pairs(document("p.txt", PARTNER_LIST.format(line=line))) == expected


def test_partner_bracket_perturbations():
    # a visit in the bracket signs nothing; a planned raise is no signing
    visit = PARTNER_LIST.format(line="시는 미국 마바시(2016년 MOU 체결 후 2020. 9. 14. 대표단 방문)와의 교류를 "
                                     "이어 가고 있다.")
    assert _pairs(document("p.txt", visit)) == {("마바시", "춘천시", "2016")}
    plan = PARTNER_LIST.format(line="시는 미국 마바시(2016년 MOU 체결, 2025년 자매결연 격상 추진)와의 교류를 "
                                    "이어 가고 있다.")
    assert ("마바시", "춘천시", "2025") not in _pairs(document("p.txt", plan))


OWN_HEAD = """충청북도 대표단 몽골 방문 결과
2025. 7. 10. 국제교류과
3. 주요 성과
{line}
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("○ 7. 2.(수) 몽골 다라아이막 도청 회의실에서 홍길동 지사와 가나 마바 다라아이막 지사가 우호교류 협약서에 서명함",
     {("다라아이막", "충청북도", "2025-07-02")}),
    ("○ 7. 2.(수) 홍길동 도지사와 가나 마바 몽골 다라아이막 지사가 우호교류 협약서에 서명하였음",
     {("다라아이막", "충청북도", "2025-07-02")}),
])
def test_the_documents_own_head_named_without_a_place_signs_for_it(line: str, expected: set):
    assert _pairs(document("o.txt", OWN_HEAD.format(line=line))) == expected


def test_own_head_perturbations():
    # a city's mayor is no head of the province the document is about; a plan signs nothing
    mayor = OWN_HEAD.format(line="○ 7. 2.(수) 몽골 다라아이막 도청 회의실에서 홍길동 시장과 가나 마바 다라아이막 "
                                 "지사가 우호교류 협약서에 서명함")
    assert _pairs(document("o.txt", mayor)) == set()
    plan = OWN_HEAD.format(line="○ 7. 2.(수) 몽골 다라아이막 도청 회의실에서 홍길동 지사와 가나 마바 다라아이막 지사가 "
                                "「우호교류 협약」에 서명할 예정임")
    assert _pairs(document("o.txt", plan)) == set()


CAPTIONS = """경상북도 국제교류 사진첩
2023. 12. 28.

{line}
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("사진: 홍길동 김천시장(왼쪽)과 대표단이 기념 촬영을 했다. 김천시와 중국 다라시는 이날 우호도시 협약을 "
     "맺었다. (2023년 4월 11일)", {("김천시", "다라시", "2023-04-11")}),
    ("김천시와 중국 다라시는 이날 우호도시 협약을 맺었다. (2023. 4. 12. 시청 광장)",
     {("김천시", "다라시", "2023-04-12")}),
    # no day closing the line: the document's own day, as before
    ("김천시와 중국 다라시는 이날 우호도시 협약을 맺었다.", {("김천시", "다라시", "2023-12-28")}),
])
def test_this_day_in_a_caption_is_the_captions_day(line: str, expected: set):
    assert _pairs(document("c.txt", CAPTIONS.format(line=line))) == expected


FORUM = """포항시 항만포럼 소식
2025. 9. 3.
{line}
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("러시아 다라시의 가나 마바 부시장은 \"포항시와 2009년 맺은 자매결연을 문화 교류로 넓히겠다\"고 말했다.",
     {("다라시", "포항시", "2009")}),
    ("일본 사하시의 다나 카라 시장은 포항시와 2008년 자매결연을 맺었다고 소개했다.", {("사하시", "포항시", "2008")}),
    # the subject stays the topic when a head of another place only attends
    ("포항시는 러시아 다라시의 가나 마바 시장이 참석한 가운데 2025년 9월 1일 일본 사하시와 우호협약을 체결했다.",
     {("사하시", "포항시", "2025-09-01")}),
])
def test_a_place_whose_named_head_speaks_or_signs_is_the_subject(line: str, expected: set):
    assert _pairs(document("f.txt", FORUM.format(line=line))) == expected


def test_each_date_in_a_partners_bracket_is_typed_by_its_own_words():
    line = "시는 미국 마바시(2017년 MOU 체결 후 2021. 8. 11. 자매결연으로 격상)와의 교류를 이어 가고 있다."
    assert {(d, t) for _, _, d, t in facts(build(document("p.txt", PARTNER_LIST.format(line=line))))} == {
        ("2017", "mou"), ("2021-08-11", "sister")}


@pytest.mark.parametrize("line", [
    "○ 일본 다라현 상호파견 근무를 마친 주무관 최다은 → 국제통상과",
    "○ 일본 다라현 교류 업무를 맡은 주무관 최다은이 복귀했다.",
])
def test_a_verb_after_its_object_before_a_title_is_no_name(tmp_path: Path, line: str):
    from tests.readers.test_people_in_any_sentence import people

    text = f"경상남도 인사발령\n2026. 1. 1.\n{line}\n"
    assert not any(n in ("마친", "맡은") for n, _ in people(document("o.txt", text), tmp_path))


BOTH_SIDES = """일본 다라현 대표단 경상북도 방문 일정(안)

> 작성일: 2025-09-02 | 경상북도 국제통상과

참고

{line}
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("- 양 도·현은 2015년 우호교류 협정을 체결하였으며, 이번 서명식은 10년 만의 갱신임",
     {("경상북도", "다라현", "2015")}),
    ("- 양측은 2015년 우호교류 협정을 체결하였다.", {("경상북도", "다라현", "2015")}),
    # a title naming two foreign places beside the own region names no single other side
    ("- 양측은 2015년 우호교류 협정을 체결하였다.|일본 다라현, 중국 사하성 대표단 경상북도 방문 일정(안)", set()),
])
def test_both_sides_with_no_sentence_before_are_the_titles_pair(line: str, expected: set):
    line, _, title = line.partition("|")
    text = BOTH_SIDES.format(line=line)
    text = text.replace("일본 다라현 대표단 경상북도 방문 일정(안)", title) if title else text
    assert _pairs(document("b.txt", text)) == expected


AGENDA = """2024년 제1차 울산광역시 국제교류위원회 회의 결과
2024. 3. 5.

3. 심의 사항

{heading}

{item}
"""


@pytest.mark.parametrize(("heading", "item", "expected"), [
    ("안건 2. 러시아 다라주 교류 중단 유지(안)",
     "- 2011년 우호교류 협정 체결 이후 2022년부터 교류 중단 → 중단 상태 유지 의결", {("다라주", "울산광역시", "2011")}),
    ("의안 3) 일본 사하시 교류 현황 보고", "- 2014. 5. 2. 자매결연 협정 체결",
     {("사하시", "울산광역시", "2014-05-02")}),
    # an agenda item that plans a signing signs nothing
    ("안건 1. 인도 마바시 우호협력 협정 체결(안)", "- 체결 시기: 2024. 9. 중 (마바시 방문 시)", set()),
])
def test_an_agenda_items_place_is_the_partner_of_its_signing(heading: str, item: str, expected: set):
    assert _pairs(document("a.txt", AGENDA.format(heading=heading, item=item))) == expected


SECOND_AUDIT = """{title}
2025. 6. 1.
{line}
"""


@pytest.mark.parametrize(("title", "line", "expected"), [
    # a Korean subject's visit: the head without a place is the visited place's, not the document's
    ("평택시 국제교류 소식", "이웃 오산시는 5월 3일 일본 가나시를 찾아 마바 사아 시장과 자매결연 협약을 체결했다.",
     {("가나시", "오산시", "2025-05-03")}),
    # a later clause telling of an earlier signing, or of one not made, takes no day from the clause before
    ("가평군 국제교류 소식",
     "가평군은 2023년 5월 3일 일본 가나시와 자매결연을 맺었으며, 앞서 중국 마바시와도 우호교류 협약을 체결한 바 있다.",
     {("가나시", "가평군", "2023-05-03")}),
    ("가평군 국제교류 소식",
     "가평군은 2023년 5월 3일 일본 가나시와 자매결연을 맺었으며, 중국 다라시와는 우호교류 협약을 체결하지 못했다.",
     {("가나시", "가평군", "2023-05-03")}),
    # words before a head's title that are no name: the place with 의 is no subject
    ("가평군 국제교류 소식", "일본 가나현의 초청으로 방문한 홍길동 군수는 2023년 5월 3일 중국 다라시와 우호교류 협약을 "
     "체결했다.", {("가평군", "다라시", "2023-05-03")}),
    # became partners, then something else later: no signing on the later date
    ("가평군 국제교류 소식", "가평군과 일본 가나시는 자매도시가 된 이후 2015년 5월 3일 청소년 교류를 시작했다.", set()),
    # a raise asked for is no raise made
    ("가평군 국제교류 소식",
     "일본 가나시는 2023년 5월 3일 가평군에 우호도시 관계를 자매결연으로 격상해 줄 것을 요청했다.", set()),
    # a list entry's remark planning a renewal leaves its signing a signing
    ("가평군 국제교류 현황", "1. 일본 가나시 — 2013. 5. 3. 자매결연 체결 (5년마다 갱신 여부 검토)",
     {("가나시", "가평군", "2013-05-03")}),
    # a signing another Korean place made, restated: that place's
    ("양평군 국제교류 소식",
     "양평군은 이웃 가평군이 맺은 일본 가나시와의 자매결연(2010. 3. 5. 체결)을 본보기로 삼았다.",
     {("가나시", "가평군", "2010-03-05")}),
    # a caption's later sentence with its own bracket does not date 이날
    ("구미시 국제교류 사진첩",
     "구미시와 중국 다라시는 이날 우호도시 협약을 맺었다. 사진은 지난해 다라시 방문 당시 모습 (2024. 5. 3. 다라시청)",
     {("구미시", "다라시", "2025-06-01")}),
    # a source credit or a destination field naming the document's own region keeps it the subject
    ("국제교류 연혁\n(자료 출처: 가평군 기획예산담당관실)", "1997년 10월 2일 일본 가나시와 자매결연을 맺었다.",
     {("가나시", "가평군", "1997-10-02")}),
    ("공무국외출장 결과보고서\n출장명 : 가평군 대표단 일본 가나시 방문",
     "○ 2024. 4. 16. 가나시와 자매결연 협약을 체결함.",
     {("가나시", "가평군", "2024-04-16")}),
])
def test_second_audit_shapes(title: str, line: str, expected: set):
    text = SECOND_AUDIT.format(title=title, line=line)
    if "\n" in title:  # a second head line instead of the date line
        text = text.replace("\n2025. 6. 1.", "", 1)
    assert _pairs(document("s.txt", text)) == expected
