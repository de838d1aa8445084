"""A trip report's schedule table (``일자 | 시간 | 일정 | 비고``, no party column): a row whose event states a finished
signing with one foreign place is the report's region's signing with it on that day (the day's year is the
report's; a row with an empty day cell goes on with the day above); visits, talks and plans sign nothing. Written as
DOCX, HWPX and a Markdown pipe table, with perturbations. Foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

HEAD = ["국외출장 결과보고서 (이탈리아·프랑스 교류도시 방문)", "이천시 문화관광과 | 보고일 2025. 6. 20.",
        "Ⅰ. 출장 개요", "○ 방문국: 이탈리아(가나), 프랑스(다라)", "Ⅱ. 세부 일정"]
ROWS = [["일자", "시간", "일정", "비고"],
        ["6. 8.(일)", "12:30", "인천국제공항 출발", ""],
        ["6. 10.(화)", "11:00", "가나시 자매결연 협정 체결식", "가나시장 서명"],
        ["", "15:00", "가나시 도자박물관 방문", "전시 교류 협의"],
        ["6. 12.(목)", "09:00", "다라 이동(항공)", ""],
        ["", "14:00", "다라시청 방문, 우호교류 의향서 서명", "다라 부시장 서명"],
        ["6. 13.(금)", "10:00", "다라시 우호교류 협약 체결 협의", "2026년 체결 예정"]]
TAIL = ["Ⅲ. 향후 계획", "○ 가나시 대표단 초청: 2025. 9."]
FACTS = {("가나시", "이천시", "2025-06-10", "sister"), ("다라시", "이천시", "2025-06-12", "letterOfIntent")}


def _doc(tmp_path: Path, kind: str, rows=ROWS):
    return page(tmp_path, kind, [*HEAD, rows, *TAIL], name="trip")


@pytest.mark.parametrize("kind", ["docx", "hwpx", "md"])
def test_a_signing_in_a_schedule_row_is_dated_by_its_day(tmp_path: Path, kind: str):
    assert facts(build(_doc(tmp_path, kind))) == FACTS


def test_perturbed_a_day_changed_a_visit_instead_of_a_signing_and_a_row_added(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[2][0] = "6. 11.(수)"
    rows[5][2] = "다라시청 방문, 우호교류 의향서 교환 협의"
    rows.insert(4, ["", "17:00", "가나시 청소년센터와 교류 협의", ""])
    assert facts(build(_doc(tmp_path, "docx", rows))) == {("가나시", "이천시", "2025-06-11", "sister")}
