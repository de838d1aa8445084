"""The general table reader on synthetic tables: pipe, tab, grouped with continuations and renewals, perturbed."""

from __future__ import annotations

from graph.readers.table_rows import find_tables
from tests.readers.helpers import build, document, facts

PIPE = """강릉시 국제 자매·우호도시 현황
연번 | 국가 | 도시명 | 체결일자 | 구분
1 | 일본 | 지치부시 | 1983. 5. 4. | 자매결연
2 |  | 이와미자와시 | '19.05.24 | 우호교류
 |  |  | 2021.3.2 | 재체결
3 | 중국 | 허난성 | 2005년 3월 | 우호교류
4 | 미국 | 하와이주 | 1990년 | 자매결연
5 | 러시아 | 블라디보스토크 | 2008-07-11 | 우호교류 추진 중
"""
EXPECTED_PIPE = {
    ("강릉시", "지치부시", "1983-05-04", "sister"),
    ("강릉시", "이와미자와시", "2019-05-24", "friendship"),
    ("강릉시", "이와미자와시", "2021-03-02", "friendship"),
    ("강릉시", "허난성", "2005-03", "friendship"),
    ("강릉시", "하와이주", "1990", "sister"),
}


def test_pipe_table_with_group_labels_and_renewal_row():
    result = build(document("gangneung.txt", PIPE))
    assert facts(result) == EXPECTED_PIPE
    assert facts(result, "AgreementIntent") == {("강릉시", "블라디보스토크", "2008-07-11", "friendship")}


def test_tab_table_two_party_columns_with_group_label_printed_once():
    text = "\n".join([
        "지방자치단체 국제교류 현황 (주 ○○ 총영사관)",
        "\t".join(["국내 자치단체", "상대 도시", "체결일", "유형"]),
        "\t".join(["경기도", "가나가와현", "1990.4.20", "자매결연"]),
        "\t".join(["", "아이치현", "2005.10.5", "우호교류"]),
        "\t".join(["충청북도", "야마나시현", "1992.10.29", "자매결연"]),
        "\t".join(["", "", "2012.10.29", "갱신"]),
    ])
    result = build(document("consulate.txt", text.replace("(주 ○○ 총영사관)", "(일본)")))
    assert facts(result) == {
        ("가나가와현", "경기도", "1990-04-20", "sister"),
        ("경기도", "아이치현", "2005-10-05", "friendship"),
        ("야마나시현", "충청북도", "1992-10-29", "sister"),
        ("야마나시현", "충청북도", "2012-10-29", "sister"),
    }


def test_headerless_table_roles_from_content_and_fields_continuation():
    text = """전라남도 국내 교류 협약
서울특별시 | 2004.12.17 | 문화관광, 농수축산물
 |  | 청소년, 재난 구호
부산광역시 | 2010년 5월 | 해양관광
"""
    result = build(document("jeonnam.txt", text))
    assert facts(result) == {("서울특별시", "전라남도", "2004-12-17", "cooperationAgreement"),
                             ("부산광역시", "전라남도", "2010-05", "cooperationAgreement")}


def test_perturbations_row_added_date_changed_and_spaced_syllables():
    added = PIPE + "6 | 몽골 | 울란바토르시 | 2024.1.28 | 우호교류\n"  # the registry spells it 울란바타르시
    assert facts(build(document("g.txt", added))) == EXPECTED_PIPE | {
        ("강릉시", "울란바타르시", "2024-01-28", "friendship")}
    changed = PIPE.replace("1983. 5. 4.", "1984. 6. 5.")
    assert facts(build(document("g.txt", changed))) == (EXPECTED_PIPE - {
        ("강릉시", "지치부시", "1983-05-04", "sister")}) | {("강릉시", "지치부시", "1984-06-05", "sister")}
    spaced = PIPE.replace("강릉시 국제", "강 릉 시 국제").replace("허난성", "허 난 성")
    assert facts(build(document("g.txt", spaced))) == EXPECTED_PIPE


def test_unknown_place_without_suffix_or_country_is_reported_not_minted():
    text = "강릉시 교류 현황\n상대 | 체결일자\n아무개 | 2020.1.1\n"
    result = build(document("x.txt", text))
    assert facts(result) == set()
    assert any(i.line == 3 and i.kind == "unresolved" for i in result.report.issues)


def test_repeated_header_after_page_break_is_one_table():
    lines = ("연번 | 도시 | 체결일", "1 | 가 | 2020.1.1", "연번 | 도시 | 체결일", "2 | 나 | 2021.1.1")
    tables = find_tables(lines)
    assert len(tables) == 1 and [r.line for r in tables[0].rows] == [2, 4]


def test_a_renewal_date_column_gives_further_signings():
    text = "경주시 해외 자매도시\n상대도시 | 국가 | 체결일 | 재체결일\n나라시 | 일본 | 1970.5.30 | 2010.5.30\n" \
           "시안시 | 중국 | 1994.3.10 | \n"
    assert facts(build(document("gyeongju.txt", text))) == {
        ("경주시", "나라시", "1970-05-30", "sister"), ("경주시", "나라시", "2010-05-30", "sister"),
        ("경주시", "시안시", "1994-03-10", "sister")}
