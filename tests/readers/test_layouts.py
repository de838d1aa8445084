"""More layouts: a consulate table (countries from column headers), web cards, a dated timeline, 특례시 names."""

from __future__ import annotations

from tests.readers.helpers import build, document, facts


def test_consulate_table_countries_from_column_headers_and_qualified_names():
    rows = [["일본 측", "한국 측", "구분", "체결일", "비고"],
            ["니가타현", "전북특별자치도", "자매결연", "1995. 8. 21.", ""],
            ["", "", "", "2015. 8. 21.", "갱신"],
            ["니가타시", "경상남도 창원시", "우호교류", "2007.3.5", "구 마산시"],
            ["쓰루오카시", "전라남도 목포시", "자매결연", "1990년", ""],
            ["", "대구광역시 중구", "우호교류", "2019년 6월", "교류 추진 중"]]
    text = "주니가타 대한민국 총영사관 관할 한일 지방자치단체 교류 현황\n" + "\n".join("\t".join(r) for r in rows)
    result = build(document("consulate.txt", text))
    assert facts(result) == {
        ("니가타현", "전북특별자치도", "1995-08-21", "sister"), ("니가타현", "전북특별자치도", "2015-08-21", "sister"),
        ("니가타시", "창원시", "2007-03-05", "friendship"), ("목포시", "쓰루오카시", "1990", "sister")}
    assert facts(result, "AgreementIntent") == {("쓰루오카시", "중구", "2019-06", "friendship")}


def test_cards_and_a_dated_timeline():
    cards = "\n".join(["수원시 국제 우호도시", "미국 클리블랜드시", "자매결연", "체결일 : 2005. 10. 24.", "",
                       "중국 지난시", "우호도시", "체결일 : 1993. 10. 27.", "", "베트남 하이즈엉성",
                       "교류의향서 전달 (2024. 5.)"])
    assert facts(build(document("cards.txt", cards))) == {
        ("수원시", "클리블랜드시", "2005-10-24", "sister"), ("수원시", "지난시", "1993-10-27", "friendship")}
    timeline = "\n".join(["# 창원시 국제교류 연혁", "", "- 1968. 12. 5. 일본 기시와다시와 자매결연 (구 마산시)",
                          "- 2006년 6월: 중국 원저우시 우호도시 협정 체결",
                          "- 2010. 3. 18. 중국 원저우시 자매결연으로 격상",
                          "2016. 5. 10. 러시아 하바롭스크시 자매결연 체결"])
    assert facts(build(document("timeline.md", timeline))) == {
        ("기시와다시", "창원시", "1968-12-05", "sister"), ("원저우시", "창원시", "2006-06", "friendship"),
        ("원저우시", "창원시", "2010-03-18", "sister"), ("창원시", "하바롭스크시", "2016-05-10", "sister")}


def test_special_city_names_and_a_name_without_suffix_in_a_city_column():
    rows = [["시", "상대 도시", "국가", "체결일자", "유형"],
            ["수원특례시", "클리블랜드", "미국", "2005-10-24", "자매결연"],
            ["고양특례시", "평택시", "", "2010.5.1", "상생협약"],
            ["창원특례시", "기시와다시", "일본", "1968. 12. 5.", "자매결연"]]
    text = "특례시 국제교류 협약 현황\n" + "\n".join("\t".join(r) for r in rows)
    assert facts(build(document("special.txt", text))) == {
        ("수원시", "클리블랜드", "2005-10-24", "sister"), ("고양시", "평택시", "2010-05-01", "cooperationAgreement"),
        ("기시와다시", "창원시", "1968-12-05", "sister")}
