"""List entries in more forms: a nested entry dated by its parent (``같은 날``, ``당일``) naming a pair of its own
with a dash, and a note wrapped onto an indented line (a renaming date is no signing); perturbed."""

from __future__ import annotations

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file, hwpx_file

TIMELINE = """# 충청남도 국제교류 연혁

## 2017년

- 03.02 중국 가나성과 우호교류 협약 체결
- 09.15 미국 다라주와 **자매결연** 체결
  - 같은 날 천안시-다라주 마바시 청소년 교류 협약 병행 체결
- 11.20 다라주 대표단 방문
  - 같은 날 공주시 문화 행사 참관
"""
TIMELINE_FACTS = {("가나성", "충청남도", "2017-03-02"), ("다라주", "충청남도", "2017-09-15"),
                  ("마바시", "천안시", "2017-09-15")}


def _signings(result) -> set[tuple[str, str, str]]:
    return {f[:3] for f in facts(result)}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("  - 같은 날", "  - 당일", set(), set()),
    ("09.15 미국", "09.16 미국", {("다라주", "충청남도", "2017-09-15"), ("마바시", "천안시", "2017-09-15")},
     {("다라주", "충청남도", "2017-09-16"), ("마바시", "천안시", "2017-09-16")}),  # the nested entry follows its parent
    ("천안시-다라주 마바시", "아산시-다라주 마바시", {("마바시", "천안시", "2017-09-15")},
     {("마바시", "아산시", "2017-09-15")}),
])
def test_a_nested_entry_of_the_same_day_names_its_own_pair(old, new, gone, added):
    text = TIMELINE.replace(old, new) if old else TIMELINE
    assert _signings(build(document("chungnam.md", text))) == (TIMELINE_FACTS - gone) | added


def test_a_note_wrapped_onto_an_indented_line_states_a_renaming_not_a_signing():
    text = """몽골 지방정부와 한국 지자체 교류 현황

| 시도 | 자치단체 | 상대 지방정부 | 구분 | 체결일 |
| 강원도 | 강원도 | 가나아이막 | 우호교류 | 2004.09 |
| 전라북도 | 전라북도 | 다라아이막 | 자매결연 | 2011.05 |

※ 표의 '강원도', '전라북도'는 체결 당시 명칭이며 현재 강원특별자치도(2023. 6. 11.),
  전북특별자치도(2024. 1. 18.)로 바뀌었음
※ 서울특별시와 울란바타르시는 1995년 10월 자매결연을 맺은 이래 교류를 이어 가고 있음
"""
    assert _signings(build(document("mongolia.txt", text))) == {
        ("가나아이막", "강원특별자치도", "2004-09"), ("다라아이막", "전북특별자치도", "2011-05"),
        ("서울특별시", "울란바타르시", "1995-10")}


SPACED = """거제시 해외 자매·우호도시 소개

※ 결연일은 협약서 서명일임

▣ 중국 산둥성 가나시(加那市)
  · 구    분 : 자매도시
  · 결 연 일 : 1999. 5. 17.
  · 인    구 : 57만 명
  · 주요교류사업 : 2009년 결연 10주년 상호 방문

▣ 일본 나가사키현 다라시
  · 구    분 : 우호도시 → 자매도시
  · 결 연 일 : 우호도시 협약 2005. 2. 14., 자매도시 격상 2015년 2월

▣ 베트남 마바성 사아시
  · 구    분 : 우호도시
  · 결 연 일 : '16. 11. 3.
  · 주요교류사업 : 2023. 3. 사아시 공무원 연수

▣ 호주 자차주 카타시 (추진)
  · 구    분 : 우호도시(협약 추진)
  · 추진내용 : 2024. 10. 카타시장 서한 접수, 2025년 협약 체결 예정
"""
SPACED_FACTS = {("가나시", "거제시", "1999-05-17"), ("거제시", "다라시", "2005-02-14"), ("거제시", "다라시", "2015-02"),
                ("거제시", "사아시", "2016-11-03")}


def test_cards_whose_labels_are_spaced_to_align_their_colons():
    result = build(document("geoje.txt", SPACED))
    assert _signings(result) == SPACED_FACTS
    assert not {f for f in facts(result, "AgreementIntent") if "사아시" in f}  # the plan below is 카타시's


def test_spaced_cards_perturbed_a_card_added_and_a_date_changed():
    text = SPACED.replace("'16. 11. 3.", "'17. 1. 9.") + "\n▣ 미국 파하주 하나시\n  · 구    분 : 자매도시\n"
    text += "  · 결 연 일 : 2008년\n"
    moved = {("거제시", "사아시", "2016-11-03")}
    assert _signings(build(document("geoje.txt", text))) == (SPACED_FACTS - moved) | {
        ("거제시", "사아시", "2017-01-09"), ("거제시", "하나시", "2008")}


def test_cards_of_a_region_the_text_does_not_settle_give_no_pair_of_a_place_and_its_parent():
    result = build(document("goseong.txt", SPACED.replace("거제시", "고성군")))  # two 고성군: no subject
    assert _signings(result) == set()


ENGLISH = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sister Cities</title></head><body>
<nav>Home > International Relations > Sister Cities</nav>
<main><h1>Sister &amp; Friendship Cities</h1>
<p>Gimhae City maintains formal ties with cities around the world. The dates below are the dates of signing.</p>
<h2>Sister Cities</h2>
<ul>
<li>Ganaville, Dara State, USA – signed Feb. 2, 1984; renewed on the 30th anniversary in 2014</li>
<li>Maba, Saa Prefecture, Japan – signed 4 December 1988</li>
<li>Jacha, China – Friendship City from December 7, 1993; upgraded to Sister City in May 2013</li>
<li>Kata, Vietnam – MOU under discussion, expected 2025</li>
</ul>
<h2>Friendship Cities</h2>
<table><tr><th>City</th><th>Country</th><th>Signed</th><th>Notes</th></tr>
<tr><td>Hanagrad</td><td>Russia</td><td>2007-06-05</td><td>Trade office opened 2010</td></tr>
<tr><td>Saa District, Ulaanbaatar</td><td>Mongolia</td><td>2016-09-02</td><td>Youth exchange</td></tr>
<tr><td>Perth (Western Australia)</td><td>Australia</td><td>–</td><td>MOU under discussion, expected 2025</td></tr>
</table>
<p>Last updated: 2025-01-09</p>
</main></body></html>
"""


def test_an_english_page_whose_own_city_is_named_in_its_first_sentence(tmp_path):
    path = tmp_path / "gimhae_en.html"
    path.write_text(ENGLISH, encoding="utf-8")
    assert facts(build(from_file(path))) == {
        ("Ganaville", "김해시", "1984-02-02", "sister"), ("Ganaville", "김해시", "2014", "sister"),
        ("Maba", "김해시", "1988-12-04", "sister"), ("Jacha", "김해시", "1993-12-07", "friendship"),
        ("Jacha", "김해시", "2013-05", "sister"), ("Hanagrad", "김해시", "2007-06-05", "friendship"),
        ("Saa District", "김해시", "2016-09-02", "friendship")}  # the district (as written), not the capital


def test_an_english_page_with_an_entry_changed_and_no_city_named_reads_nothing_from_its_list(tmp_path):
    path = tmp_path / "gimhae_en.html"
    path.write_text(ENGLISH.replace("signed 4 December 1988", "signed 5 December 1989"), encoding="utf-8")
    assert ("Maba", "김해시", "1989-12-05", "sister") in facts(build(from_file(path)))
    path.write_text(ENGLISH.replace("Gimhae City maintains", "The city maintains"), encoding="utf-8")
    assert facts(build(from_file(path))) == set()  # no region of its own: reported, not guessed


def test_a_card_field_below_its_date_stating_a_renewal_is_a_further_signing(tmp_path):
    page = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>자매·우호도시 | 익산시청</title></head>
<body><div id="contents"><h2>자매·우호도시</h2>
<h4>중국 산둥성 가나시</h4><table><tr><th>구분</th><td>우호도시</td></tr><tr><th>협약일</th><td>2006. 6. 15.</td></tr>
<tr><th>비고</th><td>2016. 6. 15. 우호도시 협약 갱신(10년)</td></tr>
<tr><th>주요교류사업</th><td>항로 협력</td></tr></table>
<h4>베트남 다라성 마바시</h4><table><tr><th>구분</th><td>우호도시</td></tr>
<tr><th>협약일</th><td>2017년 11월 22일</td></tr>
<tr><th>비고</th><td>2019. 3. 시장 방문</td></tr></table>
</div></body></html>"""
    path = tmp_path / "iksan.html"
    path.write_text(page, encoding="utf-8")
    assert _signings(build(from_file(path))) == {("가나시", "익산시", "2006-06-15"), ("가나시", "익산시", "2016-06-15"),
                                                 ("마바시", "익산시", "2017-11-22")}


MD_CARDS = """# 울진군 해외 자매·우호도시

## 1. 일본 가나시

- **국가/지역**: 일본 돗토리현
- **결연일**: 1998. 11. 20.
- **구분**: 자매결연
- **주요 교류**: 청소년 홈스테이

## 2. 중국 다라시

- **국가/지역**: 중국 지린성
- **우호교류 협약**: 2005년 3월 4일
- **자매결연 격상**: 2012. 10. 8.

## 3. 러시아 마바시

- **국가/지역**: 러시아 연해주
- **구분**: 교류 추진 중(2025년 협약 예정)

## 4. 베트남 사아성

| 항목 | 내용 |
| 구분 | 우호교류 |
| 체결일 | 2019. 4. 2. |
| 비고 | 2024. 4. 재체결 |
"""
MD_FACTS = {("가나시", "울진군", "1998-11-20"), ("다라시", "울진군", "2005-03-04"), ("다라시", "울진군", "2012-10-08"),
            ("사아성", "울진군", "2019-04-02"), ("사아성", "울진군", "2024-04")}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("1998. 11. 20.", "1999. 1. 5.", {("가나시", "울진군", "1998-11-20")}, {("가나시", "울진군", "1999-01-05")}),
    ("- **구분**: 교류 추진 중(2025년 협약 예정)", "- **결연일**: 2016. 7. 1.", set(),
     {("마바시", "울진군", "2016-07-01")}),
])
def test_markdown_cards_named_in_a_heading_above_their_bold_fields_or_a_small_table(old, new, gone, added):
    text = MD_CARDS.replace(old, new) if old else MD_CARDS
    assert _signings(build(document("uljin.md", text))) == (MD_FACTS - gone) | added  # 돗토리현, 지린성: parents


def test_entries_naming_the_place_then_its_country_and_parent_and_a_definition_list_after_them(tmp_path):
    page = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>자매도시 | 상주시청</title></head><body>
<div id="content"><h3>상주시 국제자매도시</h3>
<ul class="sister">
<li><strong>가나시</strong> <span>일본 돗토리현</span> <em>1998. 11. 20. 자매결연</em></li>
<li><strong>다라시</strong> <span>중국 지린성</span> <em>2005. 3. 4. 우호도시 / 2012. 10. 8. 자매도시 격상</em></li>
<li><strong>마바주</strong> <span>미국</span> <em>교류 협의 중</em></li>
</ul>
<dl class="city"><dt>사아시 (베트남)</dt><dd>2016년 9월 우호교류 협약 체결</dd>
<dt>자차시 (몽골)</dt><dd>결연일 : 2019. 5. 2. (우호교류)</dd></dl>
</div></body></html>"""
    path = tmp_path / "sangju.html"
    path.write_text(page, encoding="utf-8")
    result = build(from_file(path))
    assert _signings(result) == {("가나시", "상주시", "1998-11-20"), ("다라시", "상주시", "2005-03-04"),
                                 ("다라시", "상주시", "2012-10-08"), ("사아시", "상주시", "2016-09"),
                                 ("상주시", "자차시", "2019-05-02")}
    assert not {f for f in facts(result, "AgreementIntent") if "마바주" in f}  # the entry below is 사아시's


SMALL_TABLES = ["봉화군 국제자매도시 현황", "1. 가나시 (일본)",
                [["구분", "자매도시"], ["소재지", "일본 돗토리현"], ["결연일", "1998. 11. 20."],
                 ["주요교류", "청소년"]],
                "2. 다라시 (중국)",
                [["구분", "우호도시 → 자매도시"], ["소재지", "중국 지린성"],
                 ["결연일", "우호 2005. 3. 4. / 자매 2012. 10. 8."]],
                "3. 마바시 (러시아)",
                [["구분", "교류 추진"], ["소재지", "러시아 연해주"], ["비고", "2025년 협약 체결 예정"]],
                "4. 사아시 (베트남)",
                [["구분", "우호도시"], ["결연일", "2019. 4. 2."], ["비고", "2024. 4. 2. 재체결"]]]
SMALL_FACTS = {("가나시", "봉화군", "1998-11-20", "sister"), ("다라시", "봉화군", "2005-03-04", "friendship"),
               ("다라시", "봉화군", "2012-10-08", "sister"), ("봉화군", "사아시", "2019-04-02", "friendship"),
               ("봉화군", "사아시", "2024-04-02", "friendship")}


@pytest.mark.parametrize("fmt", ["docx", "hwpx"])
def test_cards_as_a_small_table_per_city_whose_location_field_names_the_parent(tmp_path, fmt):
    write = docx_file if fmt == "docx" else hwpx_file
    assert facts(build(from_file(write(tmp_path / f"bonghwa.{fmt}", SMALL_TABLES)))) == SMALL_FACTS


def test_text_cards_with_bracketed_names_country_group_lines_and_one_line_entries():
    text = """의성군 해외 교류도시 현황
2024. 12. 31. 현재

【가나시】 일본 돗토리현
 - 결연 연월일 : 1998년 11월
 - 교류 분야 : 농업, 청소년

【다라시】 중국 지린성
 - 우호교류 협정 체결일 : 2005. 3. 4.
 - 자매결연 체결일 : 2012. 10. 8.

【마바주】 미국
 - 교류 현황 : 2019년 방문단 교류, 협약 미체결

일본
 사아시
 체결일: 2003. 7. 1.
 구분: 우호도시

가타시(필리핀) — 2018. 8. 8. 우호교류 협약 체결
"""
    assert _signings(build(document("uiseong.txt", text))) == {
        ("가나시", "의성군", "1998-11"), ("다라시", "의성군", "2005-03-04"), ("다라시", "의성군", "2012-10-08"),
        ("사아시", "의성군", "2003-07-01"), ("가타시", "의성군", "2018-08-08")}


def test_a_date_in_brackets_after_an_approval_is_no_signing_date():
    text = """부산광역시 구·군 국제교류 현황

※ 영도구-일본 가나시 2010년 체결은 위원회 승인(2010. 5. 27.) 후 서명
"""
    assert _signings(build(document("busan.txt", text))) == {("가나시", "영도구", "2010")}
