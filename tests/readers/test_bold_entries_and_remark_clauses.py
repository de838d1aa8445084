"""List entries led by their name in bold (``**가나시** — 2007년 … 협약. 2017년 … 재협약.``) read as bulleted entries,
their renewal in a second sentence included, and a dated entry naming a relation is no heading of the entries below
it; a table's remark dates only the clauses that state a signing (``MOU 체결 계획 (2026), 2025-08 실무방문`` dates
none). Found by the error taxonomy of blind challenge sets 9 and 10 (tune halves); the pages are written by the tests
with registry Korean names and invented foreign ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, document, facts


def _pairs(doc) -> set[tuple[str, str, str]]:
    return {(a, b, d) for a, b, d, _ in facts(build(doc))}


ENTRIES = ["**가나시 (일본)** — 2007년 9월 우호교류 협약. 2017년 9월 재협약.",
           "**다라시 (중국)** — 2010. 8. 25. 자매결연 체결",
           "**마바현 (일본)** — 2012. 4. 3. 우호협력 양해각서(MOU) 체결"]


@pytest.mark.parametrize("mark", ["**{}**", "- {}"])
def test_entries_led_by_a_bold_name_read_as_bulleted_ones_their_renewal_included(mark: str):
    lines = [mark.format(e[2:].split("**", 1)[0]) + e.split("**", 2)[2] for e in ENTRIES]
    text = "\n".join(["화천군 국제교류 요약", "", *lines])
    assert _pairs(document("entries.md", text)) == {
        ("가나시", "화천군", "2007-09"), ("가나시", "화천군", "2017-09"), ("다라시", "화천군", "2010-08-25"),
        ("마바현", "화천군", "2012-04-03")}


def test_perturbed_bold_entries_a_date_changed_an_entry_added_and_a_plan():
    text = "\n".join(["화천군 국제교류 요약", "", ENTRIES[0].replace("2017년 9월", "2018년 3월"), *ENTRIES[1:],
                      "**사하시 (베트남)** — 2019. 5. 6. 자매결연 체결",
                      "**아자시 (몽골)** — 교류 의향서 전달, 2026년 협약 체결 예정"])
    assert _pairs(document("entries.md", text)) == {
        ("가나시", "화천군", "2007-09"), ("가나시", "화천군", "2018-03"), ("다라시", "화천군", "2010-08-25"),
        ("마바현", "화천군", "2012-04-03"), ("사하시", "화천군", "2019-05-06")}


def test_negative_a_dated_entry_of_a_korean_region_is_no_heading_of_the_next_entry():
    text = "\n".join(["화천군 국제교류 요약", "", "- 강원특별자치도 양구군 — 2007년 9월 우호교류 협약",
                      "- 가나시 (일본) — 2010. 8. 25. 자매결연 체결"])
    got = _pairs(document("entries.md", text))
    assert ("가나시", "화천군", "2010-08-25") in got and all("가나시" not in p or "화천군" in p for p in got)


REMARKS = [["연번", "시군명", "상대국", "상대도시", "유형", "체결일자", "비고"],
           ["1", "가평군", "중국", "가나시", "자매결연", "1999-10-27", "2019-10-27 재체결"],
           ["2", "가평군", "일본", "다라시", "우호도시", "2003-11-03", "갱신 2013-11-03, 갱신 2023-11-03"],
           ["3", "가평군", "베트남", "마바성", "", "", "MOU 체결 계획 (2026), 2025-08 실무방문"]]


@pytest.mark.parametrize("kind", ["csv", "md", "docx"])
def test_a_remark_dates_only_its_clauses_stating_a_signing(tmp_path: Path, kind: str):
    assert _pairs(page(tmp_path, kind, ["경기도 시군 국제교류 현황", REMARKS])) == {
        ("가나시", "가평군", "1999-10-27"), ("가나시", "가평군", "2019-10-27"), ("가평군", "다라시", "2003-11-03"),
        ("가평군", "다라시", "2013-11-03"), ("가평군", "다라시", "2023-11-03")}


def test_perturbed_remark_a_signing_and_a_visit_in_one_cell(tmp_path: Path):
    rows = [*REMARKS[:3], ["3", "가평군", "베트남", "마바성", "", "", "2024-05-02 MOU 체결, 2025-08 실무방문"]]
    got = _pairs(page(tmp_path, "tsv", ["경기도 시군 국제교류 현황", rows]))
    assert ("가평군", "마바성", "2024-05-02") in got and ("가평군", "마바성", "2025-08") not in got
