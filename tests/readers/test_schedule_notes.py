"""A schedule's note cell that dates the signing of the place visited (decision 0093): ``9. 10.(수) | 포항시 방문 |
… | 포항시–일본 사카타시 자매도시(2008년 체결)`` is that pair's signing, even in a schedule whose own signing row
names no partner the reader can pair. Written by the tests (invented foreign names, registry Korean regions) as
Markdown, DOCX and HTML schedules of three wordings, with perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

HEAD = ["충청남도 해외 대표단 초청 계획", "초청 기간: 2025. 9. 8.(월) ~ 9. 10.(수)", "세부 일정"]
HEADER = ["일자", "시간", "내용", "장소", "비고"]
ROWS = [["9. 8.(월)", "15:00", "입국 및 환영", "청주국제공항", "국제통상과장 영접"],
        ["9. 9.(화)", "11:00", "우호협력 협정 갱신 서명식", "도청 대회의실", "협정서 2부 준비"],
        ["9. 10.(수)", "10:00", "서산시 방문", "대산항", "서산시–일본 사바시 자매도시(2009년 체결)"]]


@pytest.mark.parametrize("note", [
    "서산시–일본 사바시 자매도시(2009년 체결)",
    "서산시·일본 사바시 2009. 4. 3. 자매결연",
    "일본 사바시와 서산시는 2009년 자매결연 체결",
])
@pytest.mark.parametrize("kind", ["md", "docx", "html"])
def test_a_schedule_note_dates_the_visited_pairs_signing(tmp_path: Path, kind: str, note: str):
    rows = [HEADER, *ROWS[:2], [*ROWS[2][:4], note]]
    date = "2009-04-03" if "4. 3." in note else "2009"
    assert facts(build(page(tmp_path, kind, [*HEAD, rows]))) == {("사바시", "서산시", date, "sister")}


def test_perturbed_the_visited_place_changed_and_a_planned_note(tmp_path: Path):
    rows = [HEADER, *ROWS[:2],
            ["9. 10.(수)", "10:00", "당진시 방문", "당진항", "당진시–일본 사바시 우호도시(2012. 5. 7. 체결)"],
            ["9. 10.(수)", "15:00", "아산시 방문", "시청", "아산시–일본 나가시 자매결연 2026년 체결 예정"]]
    assert facts(build(page(tmp_path, "md", [*HEAD, rows]))) == {("당진시", "사바시", "2012-05-07", "friendship")}
