"""A Korean region opening a headline or a brief with no particle — after a bullet, inside brackets, before a comma,
a middle dot or a dash — is the subject when a partner with 와/과 (or, after a middle dot, one place) follows; a
renewal note with the tie's first signing date and its renewal date gives both signings, whatever its wording; a
bilingual page's English line is no part of the Korean sentence after it (decision 0081). Foreign places invented
and placed by country words; Korean ones the registry's. Text, DOCX and a saved news page; perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, facts
from tests.readers.test_news_clauses_and_posts import _as

HEADLINE = """경기도 국제교류 소식지
2025. 6. 1.

{line}
"""
SIGNED = ("가나빌시", "수원시", "2025-05-14")


@pytest.mark.parametrize("line", [
    "▶ 수원시, 미국 오리건주 가나빌시와 자매결연 — 5월 14일 가나빌 시청에서 협정서에 서명했다.",
    "[수원시] 미국 오리건주 가나빌시와 자매결연 — 5월 14일 가나빌 시청에서 협정서에 서명했다.",
    "【수원시】 미국 오리건주 가나빌시와 자매결연 — 5월 14일 가나빌 시청에서 협정서에 서명했다.",
    "▶ 수원시·미국 오리건주 가나빌시 자매결연 — 5월 14일 가나빌 시청에서 협정서에 서명했다.",
    "수원시 — 미국 오리건주 가나빌시와 자매결연, 5월 14일 가나빌 시청에서 협정서에 서명했다.",
    "○ 수원시ㆍ가나빌시(미국) 자매결연 협정 서명(5. 14.)",
])
def test_a_korean_region_opening_a_headline_is_its_subject_in_any_layout(line: str):
    assert {(a, b, d) for a, b, d, _ in facts(build(document("h.txt", HEADLINE.format(line=line))))} == {SIGNED}


@pytest.mark.parametrize("line", [
    "[속보] 미국 오리건주 가나빌시와 자매결연 — 5월 14일 협정서에 서명했다.",  # a label, no region: the document's
    "▶ 수원시·용인시, 미국 가나빌시와 자매결연 — 5월 14일 협정서에 서명했다.",  # two Korean cities: no pair of them
])
def test_no_opening_region_or_a_list_of_them_pairs_no_korean_regions(line: str):
    found = {(a, b, d) for a, b, d, _ in facts(build(document("h.txt", HEADLINE.format(line=line))))}
    assert ("수원시", "용인시", "2025-05-14") not in found and all("가나빌시" in pair for pair in found)


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_bracketed_subjects_in_every_format(tmp_path: Path, fmt: str):
    text = HEADLINE.format(line="[수원시] 미국 오리건주 가나빌시와 자매결연 — 5월 14일 가나빌 시청에서 협정서에 "
                                "서명했다.")
    assert {(a, b, d) for a, b, d, _ in facts(build(_as(tmp_path, f"h.{fmt}", text)))} == {SIGNED}


NOTE = """속초시 국제교류 현황
2024. 1. 10.
{line}
"""
BOTH = {("다라시", "속초시", "1991-06-03"), ("다라시", "속초시", "2011-09-08")}


@pytest.mark.parametrize("line", [
    "※ 2011. 9. 8. 일본 다라시 재체결은 1991. 6. 3. 최초 체결 자매결연의 갱신임.",
    "※ 일본 다라시와의 자매결연(1991. 6. 3. 체결)은 2011. 9. 8. 갱신되었음.",
    "시는 일본 다라시와 1991. 6. 3. 맺은 자매결연을 2011. 9. 8. 재체결하였다.",
    "일본 다라시와의 자매결연은 1991. 6. 3. 체결, 2011. 9. 8. 갱신.",
    "속초시는 1991년 6월 3일 일본 다라시와 자매결연을 맺었고 2011년 9월 8일 협정을 갱신했다.",
    "※ 1991. 6. 3. 최초 체결한 일본 다라시와의 자매결연을 2011. 9. 8. 갱신함.",
])
def test_a_renewal_note_gives_the_first_signing_and_the_renewal(line: str):
    assert {(a, b, d) for a, b, d, _ in facts(build(document("n.txt", NOTE.format(line=line))))} == BOTH


def test_renewal_note_perturbations():
    # a renewal without its year gives only the first signing; a date changed moves its signing
    no_year = NOTE.format(line="※ 9. 8. 일본 다라시 재체결은 1991. 6. 3. 최초 체결 자매결연의 갱신임.")
    assert {(a, b, d) for a, b, d, _ in facts(build(document("n.txt", no_year)))} == {
        ("다라시", "속초시", "1991-06-03")}
    moved = NOTE.format(line="※ 일본 다라시와의 자매결연(1990. 3. 4. 체결)은 2010. 5. 6. 갱신되었음.")
    assert {(a, b, d) for a, b, d, _ in facts(build(document("n.txt", moved)))} == {
        ("다라시", "속초시", "1990-03-04"), ("다라시", "속초시", "2010-05-06")}


BILINGUAL = """속초시 자매도시 / Sister Cities of Sokcho
일본 돗토리현 가나시 / Gana, Tottori, Japan
2004년 11월 23일 자매결연 체결.
Sister city agreement signed on November 23, 2004. Citizen delegations exchanged for the 20th anniversary in 2024.
러시아 연해주 다라보스토크 / Darabostok, Primorsky Krai, Russia
2011년 우호교류 의향서 교환(정식 협정은 미체결).
Letter of intent for friendship exchange signed in 2011 (no formal agreement yet).
"""


def test_an_english_line_is_no_part_of_the_korean_sentence_after_it():
    found = {(a, b, d) for a, b, d, _ in facts(build(document("b.txt", BILINGUAL)))}
    # a long name after its parent place, no suffix; the 2004 line is the card reader's (its partner is the heading's)
    assert {f for f in found if f[2] != "2004-11-23"} == {("다라보스토크", "속초시", "2011")}
    assert not any(d == "2004-11-23" and {"다라보스토크", "연해주"} & {a, b} for a, b, d in found)  # the line above's


RESPECTIVELY = """경기도 국제협력 소식
2025. 6. 20.
이천시와 여주시는 지난 11일 각각 중국 가나시, 일본 다라시와 우호교류 협약을 체결했다.
강릉시와 속초시, 동해시는 2024년 5월 2일 각각 일본 마바시, 중국 사아시, 미국 타라빌시와 자매결연을 맺었다.
안성시와 평택시는 지난 12일 중국 자하시, 일본 파라시와 각각 우호교류 협약을 체결했다.
지난 13일 구리시와 하남시는 각각 중국 카타시와 일본 하다시를 방문해 자매결연 협정을 체결했다.
"""
RESPECTIVE_PAIRS = {("가나시", "이천시", "2025-06-11"), ("다라시", "여주시", "2025-06-11"),
                    ("강릉시", "마바시", "2024-05-02"), ("사아시", "속초시", "2024-05-02"),
                    ("동해시", "타라빌시", "2024-05-02"), ("안성시", "자하시", "2025-06-12"),
                    ("파라시", "평택시", "2025-06-12"), ("구리시", "카타시", "2025-06-13"),
                    ("하남시", "하다시", "2025-06-13")}


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_subjects_and_partners_listed_respectively_pair_in_order(tmp_path: Path, fmt: str):
    assert {(a, b, d) for a, b, d, _ in facts(build(_as(tmp_path, f"r.{fmt}", RESPECTIVELY)))} == RESPECTIVE_PAIRS


def test_respective_pairs_follow_the_order_of_the_partners():
    swapped = RESPECTIVELY.replace("중국 가나시, 일본 다라시와", "일본 다라시, 중국 가나시와")
    found = {(a, b, d) for a, b, d, _ in facts(build(document("r.txt", swapped)))}
    assert found == RESPECTIVE_PAIRS - {("가나시", "이천시", "2025-06-11"), ("다라시", "여주시", "2025-06-11")} | {
        ("다라시", "이천시", "2025-06-11"), ("가나시", "여주시", "2025-06-11")}
    # as many partners as subjects, or the pairs are not read respectively (each with each is no reading either)
    uneven = RESPECTIVELY.replace("중국 가나시, 일본 다라시와", "중국 가나시와")
    found = {(a, b, d) for a, b, d, _ in facts(build(document("r.txt", uneven)))}
    assert not {("다라시", "여주시", "2025-06-11"), ("다라시", "이천시", "2025-06-11")} & found


PAPERS = """전북특별자치도 국제협력 소식
2025. 9. 26.
전북특별자치도와 일본 가나현은 2025년 9월 25일 자매결연 협정서를 교환했다.
전북특별자치도 대표단은 2025년 9월 20일 중국 다라성과 우호교류 협약서를 교환하기 위해 출국했다.
"""
HEADS = """부산광역시 국제협력 소식
2025. 9. 26.
박가나 부산광역시장은 25일 중국 다라성 부성장과 우호협력 협정에 서명했다.
같은 날 김마바 전북특별자치도지사와 마바 사아 일본 가나현 지사는 자매결연 협정서를 교환했다.
"""


def test_an_agreements_signed_copies_exchanged_are_a_signing_and_an_exchange_aimed_at_none():
    result = build(document("papers.txt", PAPERS))
    assert {(a, b, d, t) for a, b, d, t in facts(result)} == {("가나현", "전북특별자치도", "2025-09-25", "sister")}
    assert {(a, b, d) for a, b, d, _ in facts(result, "AgreementIntent")} == {
        ("다라성", "전북특별자치도", "2025-09-20")}


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_places_named_by_their_heads_titles_sign_as_the_places(tmp_path: Path, fmt: str):
    # a head's title glued to its place (가나도지사와) or written apart after it (가나현 지사는) binds the place
    found = {(a, b, d) for a, b, d, _ in facts(build(_as(tmp_path, f"heads.{fmt}", HEADS)))}
    assert found == {("가나현", "전북특별자치도", "2025-09-25"), ("다라성", "부산광역시", "2025-09-25")}
