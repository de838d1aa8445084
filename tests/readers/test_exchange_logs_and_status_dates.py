"""An exchange log whose 구분 column says what each dated row is (체결, 갱신, 방문, 행사, 종료): only the signing rows
are signings. A status table with several date columns (``체결 | 갱신 | 최근 교류 일자``): a later date column whose
header names no signing, renewal or relation dates something else. Written as TSV, CSV and DOCX, perturbed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

LOG_TITLE = "순천시 국제교류 연혁 (2025. 6. 30. 기준)"
LOG = [["일자", "상대 도시", "국가", "구분", "내용"],
       ["2003. 4.", "가나시", "일본", "체결", "자매결연 협정 체결"],
       ["2008. 10.", "가나시", "일본", "방문", "가나시 대표단 순천 방문"],
       ["2013. 4.", "가나시", "일본", "갱신", "자매결연 10주년 협정 갱신"],
       ["2016. 9.", "다라시", "중국", "체결", "우호교류 협약 체결"],
       ["2019. 5.", "다라시", "중국", "행사", "순천만 정원박람회 참가"],
       ["2021. 12.", "다라시", "중국", "종료", "협약 기간 만료로 교류 종료"]]
LOG_FACTS = {("가나시", "순천시", "2003-04", "cooperationAgreement"), ("가나시", "순천시", "2013-04", "sister"),
             ("다라시", "순천시", "2016-09", "friendship")}
STATUS_TITLE = "강릉시 해외 교류도시 현황"
STATUS = [["상대 도시", "국가", "구분", "체결", "갱신", "최근 교류 일자", "비고"],
          ["마바시", "일본", "자매결연", "1997. 5. 2.", "2017. 5. 2.", "2024. 10. 3.", "청소년 교류"],
          ["사하시", "중국", "우호교류", "2005. 8. 9.", "", "2019. 6.", "협약 기간 만료"]]
STATUS_FACTS = {("강릉시", "마바시", "1997-05-02", "sister"), ("강릉시", "마바시", "2017-05-02", "sister"),
                ("강릉시", "사하시", "2005-08-09", "friendship")}


def _doc(tmp_path: Path, kind: str, title: str, rows: list[list[str]]):
    return page(tmp_path, kind, [title, rows], name="table")


def _labels(found: set) -> set:
    return {(a, b, d) for a, b, d, _ in found}


@pytest.mark.parametrize("kind", ["tsv", "csv", "docx"])
def test_an_exchange_log_signs_only_on_its_signing_rows(tmp_path: Path, kind: str):
    assert _labels(facts(build(_doc(tmp_path, kind, LOG_TITLE, LOG)))) == _labels(LOG_FACTS)


@pytest.mark.parametrize("kind", ["tsv", "csv", "docx"])
def test_a_later_date_column_naming_no_signing_dates_none(tmp_path: Path, kind: str):
    assert facts(build(_doc(tmp_path, kind, STATUS_TITLE, STATUS))) == STATUS_FACTS


def test_perturbed_a_visit_row_made_a_renewal_and_a_renewal_column_headed_as_such(tmp_path: Path):
    log = [list(r) for r in LOG]
    log[2][3], log[2][4] = "재체결", "자매결연 협정 재체결"
    assert _labels(facts(build(_doc(tmp_path, "tsv", LOG_TITLE, log)))) == _labels(LOG_FACTS) | {
        ("가나시", "순천시", "2008-10")}
    status = [list(r) for r in STATUS]
    status[0][5] = "재체결"
    assert facts(build(_doc(tmp_path, "tsv", STATUS_TITLE, status))) == STATUS_FACTS | {
        ("강릉시", "마바시", "2024-10-03", "sister"), ("강릉시", "사하시", "2019-06", "friendship")}
