"""Dated tables with several date columns (최초 체결, 재체결, 만료일, 기준일), ditto marks (〃) standing for the cell
above, box-drawn text tables (│ … │), footnotes and count rows; in .tsv, text and DOCX; perturbed."""

from __future__ import annotations

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file, hwpx_file, tsv

HEADER = ["연번", "자치단체", "상대도시", "국가", "구분", "체결일", "재체결일", "만료일", "비고"]
ROWS = [
    ["1", "수원특례시", "하이퐁시", "베트남", "우호", "2010. 5. 3.", "2020. 5. 3.", "2025. 5. 2.", ""],
    ["2", "〃", "애들레이드시", "호주", "자매", "2000. 9. 21.", "", "", ""],
    ["3", "고양특례시", "가와사키시", "일본", "〃", "2005.10.24", "2015.10.24", "", "자동연장"],
    ["4", "용인특례시", "산타클라리타시", "미국", "자매", "2003. 4. 8.", "", "2028. 4. 7.", ""],
    ["5", "창원특례시", "기시와다시", "일본", "자매", "1968. 10. 11.", "-", "-", "구 마산시 체결"],
    ["6", "〃", "〃", "〃", "우호", "2019. 6. 1.", "", "", "친선교류 협약"],
    ["7", "수원특례시", "진주시", "중국", "교류 추진", "-", "", "", "2025년 체결 예정"],
]
FOOT = [["계", "7건"], ["※ 2024. 12. 31. 기준, 특례시 명칭은 2022. 1. 13. 시행"]]
FACTS = {
    ("수원시", "하이퐁시", "2010-05-03", "friendship"), ("수원시", "하이퐁시", "2020-05-03", "friendship"),
    ("수원시", "애들레이드시", "2000-09-21", "sister"),
    ("가와사키시", "고양시", "2005-10-24", "sister"), ("가와사키시", "고양시", "2015-10-24", "sister"),
    ("산타클라리타시", "용인시", "2003-04-08", "sister"),
    ("기시와다시", "창원시", "1968-10-11", "sister"), ("기시와다시", "창원시", "2019-06-01", "friendship")}


def _text(rows: list[list[str]]) -> str:
    return tsv(HEADER, *rows, *FOOT)


def test_renewal_and_expiry_columns_and_ditto_marks_for_a_party_a_relation_and_a_whole_row():
    result = build(document("special.tsv", _text(ROWS)))
    assert facts(result) == FACTS  # the expiry (만료일) and the reference date of the footnote sign nothing
    assert not facts(result, "AgreementIntent") & {f for f in facts(result) if f[2] == "2025"}


@pytest.mark.parametrize(("edit", "gone", "added"), [
    (lambda rows: rows + [["8", "〃", "하노이시", "베트남", "우호", "2024. 3. 5.", "", "", ""]], set(),
     {("수원시", "하노이시", "2024-03-05", "friendship")}),  # a row added: its ditto is the row above's party
    (lambda rows: [r if r[0] != "6" else [*r[:5], "2019. 7. 2.", *r[6:]] for r in rows],
     {("기시와다시", "창원시", "2019-06-01", "friendship")}, {("기시와다시", "창원시", "2019-07-02", "friendship")}),
    (lambda rows: [r if r[0] != "2" else ["2", "고양특례시", *r[2:]] for r in rows],
     {("수원시", "애들레이드시", "2000-09-21", "sister")}, {("고양시", "애들레이드시", "2000-09-21", "sister")}),
])
def test_perturbations_a_row_added_a_date_changed_a_ditto_written_out(edit, gone, added):
    assert facts(build(document("special.tsv", _text(edit([list(r) for r in ROWS]))))) == (FACTS - gone) | added


def test_first_signing_and_renewal_columns_with_two_renewals_in_one_cell_and_a_continuation_row():
    text = "강원특별자치도 시군 국제자매결연 현황(2024. 12. 기준)\n\n" + tsv(
        ["시군", "외국도시", "국가", "결연구분", "최초 체결", "재체결"],
        ["춘천시", "가와사키시", "일본", "자매결연", "1984. 7. 23.", "2014. 7. 23."],
        ["", "바탐시", "인도네시아", "우호교류", "2010. 3. 4.", ""],
        ["원주시", "로아노크시", "미국", "자매결연", "1988. 10. 17.", "2008. 10. 17. / 2018. 10. 17."],
        ["속초시", "훈춘시", "중국", "우호교류", "1995. 9. 18.", ""])
    text += "\n\n* 재체결은 협약 기간 만료에 따른 갱신임\n* 총 3개 시, 4개 도시"
    assert facts(build(document("gangwon.txt", text))) == {
        ("가와사키시", "춘천시", "1984-07-23", "sister"), ("가와사키시", "춘천시", "2014-07-23", "sister"),
        ("바탐시", "춘천시", "2010-03-04", "friendship"),
        ("로아노크시", "원주시", "1988-10-17", "sister"), ("로아노크시", "원주시", "2008-10-17", "sister"),
        ("로아노크시", "원주시", "2018-10-17", "sister"), ("속초시", "훈춘시", "1995-09-18", "friendship")}


def test_a_planned_signing_date_column_is_no_signing():
    text = "나주시 국제교류 현황\n" + tsv(
        ["상대도시", "국가", "체결일", "체결 예정일"],
        ["가나자와시", "일본", "2001. 5. 2.", ""],
        ["다라현 마바시", "중국", "", "2025. 10."])
    assert facts(build(document("naju.tsv", text))) == {("가나자와시", "나주시", "2001-05-02", "cooperationAgreement")}


BOX = """2024년도 보성군 국제교류 실적

Ⅱ. 교류도시 현황

 ┌────────┬──────────────────┬──────────────┬──────────────┐
 │ 국가   │ 도시                 │ 형태           │ 체결일         │
 ├────────┼──────────────────┼──────────────┼──────────────┤
 │ 일본   │ 가나시(다라현)       │ 자매결연         │ 2005.12.15     │
 │        │ 〃                 │ 자매결연 재체결    │ 2024.12.13     │
 │ 중국   │ 마바시 사아구        │ 우호교류         │ 2008. 9.       │
 │ 베트남 │ 자차시              │ 우호교류         │ 2017. 3. 21.   │
 └────────┴──────────────────┴──────────────┴──────────────┘
  ※ 가나시와는 2005년 결연 이후 매년 학생 교류(누적 1,240명)

Ⅲ. 2025년 계획
 - 카타시와 우호교류 협약 체결 추진(2025년 상반기)
"""
BOX_FACTS = {("가나시", "보성군", "2005-12-15", "sister"), ("가나시", "보성군", "2024-12-13", "sister"),
             ("보성군", "사아구", "2008-09", "friendship"), ("보성군", "자차시", "2017-03-21", "friendship")}


def test_a_box_drawn_text_table_with_a_ditto_renewal_row_is_read_as_rows_not_as_one_sentence():
    result = build(document("boseong.txt", BOX))
    assert facts(result) == BOX_FACTS
    assert {f[1] for f in facts(result, "AgreementIntent")} <= {"카타시"}


def test_the_box_drawn_table_with_full_width_bars_and_a_date_changed():
    text = BOX.replace("│", "｜").replace("2017. 3. 21.", "2018. 4. 2. ")
    moved = {("보성군", "자차시", "2017-03-21", "friendship")}
    assert facts(build(document("boseong.txt", text))) == (BOX_FACTS - moved) | {
        ("보성군", "자차시", "2018-04-02", "friendship")}


def test_a_docx_table_with_ditto_marks_and_renewal_and_expiry_columns(tmp_path):
    path = docx_file(tmp_path / "special.docx", ["특례시 국제교류 협약 현황", [HEADER, *ROWS], "※ 2024. 12. 31. 기준"])
    assert facts(build(from_file(path))) == FACTS


CONSULATE = [
    ["상대국 지역", "상대 자치단체", "한국 자치단체", "구분", "체결일", "최초 교류", "비고"],
    ["갸랴주", "갸랴주", "대전광역시", "우호협력", "2011. 10. 11.", "2008", ""],
    ["", "갸랴주 다라구", "대구 달서구", "교류협력 MOU", "2024. 9. 12.", "2019", "동포 교류"],
    ["", "갸랴주 마바구", "안산시", "우호교류(추진)", "", "2024", "2024. 11. 안산시 교류의향서 접수, 2025년 체결 검토"],
    ["사아주", "사아시", "포항시, 광양시", "우호교류", "2015 / 2018", "", "포항시 2015, 광양시 2018"],
    ["댜뱌주", "댜뱌주", "강원도(1998), 충청남도(2010)", "자매결연·우호교류", "", "1994", "지방정부 간 협정"],
    ["자차주", "자차시", "울산광역시 북구", "자매결연", "2012. 5.", "2010", ""],
    ["", "", "", "", "2022. 5.", "", "재체결(10주년)"],
]
CONSULATE_FACTS = {
    ("갸랴주", "대전광역시", "2011-10-11", "friendship"), ("다라구", "달서구", "2024-09-12", "mou"),
    ("사아시", "포항시", "2015", "friendship"), ("광양시", "사아시", "2018", "friendship"),
    ("강원특별자치도", "댜뱌주", "1998", "sister"), ("댜뱌주", "충청남도", "2010", "sister"),
    ("북구", "자차시", "2012-05", "sister"), ("북구", "자차시", "2022-05", "sister")}


@pytest.mark.parametrize("fmt", ["tsv", "hwpx"])
def test_consulate_table_several_korean_parties_in_one_cell_each_with_its_date_and_a_plan_row(tmp_path, fmt):
    title = "카자흐스탄 지방정부와 우리 지방자치단체 교류 현황"
    if fmt == "tsv":
        doc = document("consulate.tsv", title + "\n" + tsv(*CONSULATE))
    else:
        doc = from_file(hwpx_file(tmp_path / "consulate.hwpx", [title, CONSULATE]))
    result = build(doc)
    assert facts(result) == CONSULATE_FACTS
    planned = {("마바구", "안산시", "2024-11"), ("마바구", "안산시", "2025")}
    assert {f[:3] for f in facts(result, "AgreementIntent")} <= planned


def test_consulate_table_perturbed_the_dates_of_a_shared_cell_swapped():
    rows = [r if r[1] != "사아시" else [*r[:4], "2018 / 2015", "", ""] for r in CONSULATE]
    got = facts(build(document("consulate.tsv", "카자흐스탄 교류 현황\n" + tsv(*rows))))
    assert ("사아시", "포항시", "2018", "friendship") in got and ("광양시", "사아시", "2015", "friendship") in got


@pytest.mark.parametrize(("as_of", "planned"), [("2024. 12. 31. 기준", True), ("2025. 6. 30. 기준", False)])
def test_a_signing_dated_after_the_date_the_table_stands_at_is_a_plan(as_of, planned):
    text = f"경상북도 시군 협약 현황\n경상북도 국제통상과 | 2025. 1. 10. | {as_of}\n" + tsv(
        ["시군", "상대도시", "국가", "구분", "체결일", "재체결일", "비고"],
        ["안동시", "가나시", "중국", "자매결연", "1995. 5. 9.", "2025. 5. 9.", "30주년 재체결"],
        ["경주시", "다라시", "일본", "자매결연", "1970. 4. 15.", "", ""])
    result = build(document("gyeongbuk.tsv", text))
    signed = {("가나시", "안동시", "1995-05-09", "sister"), ("경주시", "다라시", "1970-04-15", "sister")}
    later = ("가나시", "안동시", "2025-05-09", "sister")
    assert facts(result) == (signed if planned else signed | {later})
    assert (later in facts(result, "AgreementIntent")) is planned


def test_a_web_page_table_with_cells_merged_down_and_footnote_marks_on_names(tmp_path):
    page = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>국제교류 현황 | 구미시청</title></head>
<body><div id="content"><h3>구미시 자매·우호도시 현황</h3><table>
<thead><tr><th>국가</th><th>도시</th><th>구분</th><th>체결일</th><th>비고</th></tr></thead><tbody>
<tr><td rowspan="2">일본</td><td>가나시¹</td><td>자매결연</td><td>1998. 5. 1.</td><td></td></tr>
<tr><td>다라시</td><td>우호교류</td><td>2001. 3. 2.</td><td>2011. 3. 2. 재체결</td></tr>
<tr><td rowspan="3">중국</td><td rowspan="2">마바시*</td><td>우호교류</td><td>2005. 7. 7.</td><td></td></tr>
<tr><td>자매결연</td><td>2015. 7. 7.</td><td>격상</td></tr>
<tr><td>사아시</td><td>우호교류</td><td>2019. 9. 9.</td><td></td></tr>
</tbody></table><p>¹ 2010년 통합 전 가나정 포함 * 2015년 격상</p></div></body></html>"""
    path = tmp_path / "gumi.html"
    path.write_text(page, encoding="utf-8")
    assert facts(build(from_file(path))) == {
        ("가나시", "구미시", "1998-05-01", "sister"), ("구미시", "다라시", "2001-03-02", "friendship"),
        ("구미시", "다라시", "2011-03-02", "friendship"), ("구미시", "마바시", "2005-07-07", "friendship"),
        ("구미시", "마바시", "2015-07-07", "sister"), ("구미시", "사아시", "2019-09-09", "friendship")}
