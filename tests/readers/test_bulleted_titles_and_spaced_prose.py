"""After the eleventh session's audit: a bulleted title over a table still names the document's own region (only a
line among entries of the same bullet is a list entry, decision 0074), and prose exported with double spaces inside
its sentences stays prose (only lines with no sentence's end, whose columns line up or stand under a header naming
table roles, are a space-laid table, decision 0080). The documents are written by the tests with a registry Korean
name and invented foreign ones."""

from __future__ import annotations

import pytest

from graph.readers.context import is_list_entry
from graph.readers.text_forms import aligned_rows
from tests.readers.helpers import build, document, facts


def _pairs(text: str) -> set[tuple[str, str, str]]:
    return {(a, b, d) for a, b, d, _ in facts(build(document("probe.txt", text)))}


TITLED = "{bullet}화천군 자매결연 현황{date}\n국가{s}도시{s}체결일{s}구분\n일본{s}가나시{s}1997.5.18{s}자매결연\n" \
         "중국{s}다라시{s}2008.10.9{s}우호교류"
TITLED_FACTS = {("가나시", "화천군", "1997-05-18"), ("다라시", "화천군", "2008-10-09")}


@pytest.mark.parametrize("bullet", ["■ ", "○ ", "▶ ", "1. ", "- ", ""])
@pytest.mark.parametrize("date", ["", " (2020. 12. 31. 기준)"])
@pytest.mark.parametrize("s", [" | ", "\t"])
def test_a_bulleted_title_over_a_table_names_the_documents_region(bullet: str, date: str, s: str):
    assert _pairs(TITLED.format(bullet=bullet, date=date, s=s)) == TITLED_FACTS


def test_perturbed_bulleted_title_a_row_added_and_a_date_changed():
    text = TITLED.format(bullet="■ ", date=" (2021. 6. 30. 현재)", s=" | ").replace("1997.5.18", "1998.6.1")
    assert _pairs(text + "\n미국 | 마바시 | 2013.7.1 | 자매결연") == {
        ("가나시", "화천군", "1998-06-01"), ("다라시", "화천군", "2008-10-09"), ("마바시", "화천군", "2013-07-01")}


def test_only_a_line_among_entries_of_the_same_bullet_is_a_list_entry():
    lines = ("■ 화천군 현황 (2020. 12. 31. 기준)", "", "- 가나시 (일본)", "- 다라시 (중국)", "  · 마바시", "○ 끝")
    assert [is_list_entry(lines, i) for i in range(len(lines))] == [False, False, True, True, False, False]
    assert [is_list_entry(("1. 가", "2. 나", "(1) 다", "(2) 라"), i) for i in range(4)] == [True] * 4


PROSE = """화천군 국제교류 소식
2019. 6. 1.

화천군은{gap}2019. 5. 24.{gap}일본 가나시와{gap}자매결연을 {verb}
이어{gap}2019. 5. 28.{gap}중국 다라시와는{gap}우호교류 협약을 맺었습니다.
두 도시와는{gap}청소년{gap}교류를 이어 갈 계획이다.  올해{gap}행사도 연다.
"""
PROSE_FACTS = {("가나시", "화천군", "2019-05-24"), ("다라시", "화천군", "2019-05-28")}


@pytest.mark.parametrize("gap", [" ", "  ", "   "])
@pytest.mark.parametrize("verb", ["체결했다.", "체결하였다.", "체결했습니다."])
def test_prose_exported_with_double_spaces_keeps_its_facts(gap: str, verb: str):
    assert _pairs(PROSE.format(gap=gap, verb=verb)) == PROSE_FACTS


def test_negative_prose_lines_with_gaps_are_left_as_they_are():
    lines = ("화천군은  2019. 5. 24.  일본 가나시와  자매결연을 체결했다.",
             "이어  2019. 5. 28.  중국 다라시와는  우호교류 협약을 맺었습니다.",
             "두 도시와는  청소년  교류를 이어 갈  계획",  # no sentence's end, and no column lines up
             "올해는  기념  행사와 함께  교류 사업을 넓히기로 하고 예산을  세움")
    assert aligned_rows(lines) == lines


ALIGNED = """화천군 자매도시

가나시        일본        1997. 5. 18.        자매결연
다라시        중국        2008. 10. 9.        우호교류
마바시        미국        2013. 7. 1.         자매결연"""


def test_a_table_laid_out_with_spaces_is_read_when_its_columns_line_up_or_its_header_names_roles():
    assert _pairs(ALIGNED) == {("가나시", "화천군", "1997-05-18"), ("다라시", "화천군", "2008-10-09"),
                               ("마바시", "화천군", "2013-07-01")}
    header = ("도시명  국가  체결일", "가나시   일본    1997. 5. 18.", "다라시  중국      2008. 10. 9.",
              "마바시      미국    2013. 7. 1.")  # columns that do not line up, under a header naming roles
    assert aligned_rows(header)[2] == "다라시 | 중국 | 2008. 10. 9."
    assert aligned_rows(header[1:]) == header[1:]  # the same rows without the header and unaligned: no table
