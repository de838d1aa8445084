"""The general list reader: bulleted and numbered items, the subject from the title or heading."""

from __future__ import annotations

from tests.readers.helpers import build, document, facts

SECTIONS = """춘천시 자매·우호도시
가. 일본
 ○ 가나자와시 : 자매결연 (1990. 5. 1.)
 ○ 기후현 가카미가하라시 - 우호교류, 2002년 3월
나. 중국
 1) 허난성 우호교류 '05.03.02
 2) 선양시(2003) 자매결연, 2013년 재체결
다. 국내
 - 전라남도 2019.05.24 상생협약
 - 경기 수원시: 우호교류 협약 체결 예정 (2026년)
"""
EXPECTED = {
    ("가나자와시", "춘천시", "1990-05-01", "sister"),
    ("가카미가하라시", "춘천시", "2002-03", "friendship"),
    ("춘천시", "허난성", "2005-03-02", "friendship"),
    ("선양시", "춘천시", "2003", "sister"),
    ("선양시", "춘천시", "2013", "sister"),
    ("전라남도", "춘천시", "2019-05-24", "cooperationAgreement"),
}


def test_bulleted_and_numbered_items_under_country_sections():
    result = build(document("chuncheon.txt", SECTIONS))
    assert facts(result) == EXPECTED
    assert facts(result, "AgreementIntent") == {("수원시", "춘천시", "2026", "friendship")}


def test_numbered_list_with_heading_subject_and_web_dates():
    text = """시정 소식
■ 경상북도 국내 자매결연 현황
1. 서울특별시 2008년9월11일
2. 대구광역시 남구 2019.5.24
3. 제주특별자치도 2010 3월 2일
"""
    assert facts(build(document("gb.txt", text))) == {
        ("경상북도", "서울특별시", "2008-09-11", "sister"),
        ("경상북도", "남구", "2019-05-24", "sister"),
        ("경상북도", "제주특별자치도", "2010-03-02", "sister"),
    }


def test_perturbed_list_item_added_and_date_changed():
    more = SECTIONS.replace(" 2) 선양시", " 3) 칭다오시 2015.7.1 우호교류\n 2) 선양시")
    assert facts(build(document("c.txt", more))) == EXPECTED | {("춘천시", "칭다오시", "2015-07-01", "friendship")}
    changed = SECTIONS.replace("1990. 5. 1.", "1991. 6. 2.")
    assert ("가나자와시", "춘천시", "1991-06-02", "sister") in facts(build(document("c.txt", changed)))


NOTES = """춘천시 해외 교류 현황
 ○ 일본 가나자와시 : 자매결연 (1990. 5. 1.)
 ○ 중국 허난성 다라시 : 우호교류 (2005. 3. 2.)

※ 가나자와시 다라구는 가나자와시의 구임
※ 강원도-다라아이막 양해각서는 2016. 4. 18. 도청에서 체결(도 국제협력과 자료)
※ 표의 '강원도'는 체결 당시 명칭이며 2023. 6. 11. 강원특별자치도로 바뀌었음
"""


def test_notes_are_no_headings_and_a_note_names_its_own_pair():
    """``※`` notes are no heading of the lines below them; a note opening with its own Korean party
    (``강원도-다라아이막 양해각서는 …``) signs that pair, not the list's subject; a renaming date signs nothing."""
    text = NOTES.replace("다라아이막", "돈드고비아이막")
    assert facts(build(document("notes.txt", text))) == {
        ("가나자와시", "춘천시", "1990-05-01", "sister"), ("다라시", "춘천시", "2005-03-02", "friendship"),
        ("강원특별자치도", "돈드고비아이막", "2016-04-18", "mou")}
