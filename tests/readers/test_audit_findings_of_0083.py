"""The audit's findings on decision 0083 (decision 0088): a bracketed date refines a coarse one only right after the
signing's verb or noun or the partner (A3: never after another event, ``첫 교류행사(…)``; a weekday may close it);
a relation to be raised (``격상하기로 합의``, ``승격 추진``) is a plan, not a signing (A7); a country named in one list
entry or row is not carried into the next entry's Hanja place names (A8). Written by the tests (invented foreign
names, registry Korean names) in several wordings and formats, with negatives."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.dates import find_dates
from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

HEAD = ["가평군 국제교류 현황", "2024. 1. 10. 가평군 자치행정과"]


@pytest.mark.parametrize(("text", "iso"), [
    ("가평군은 1997년 일본 가나시와 자매결연을 맺은 뒤 첫 교류행사(1997. 10. 2.)를 열었다.", ["1997", "1997-10-02"]),
    ("2001년 5월 우호교류 협정 체결 후 교류행사(2001. 5. 20.) 개최", ["2001-05", "2001-05-20"]),
    ("1997년 자매결연, 기념식수(1997. 10. 2.)", ["1997", "1997-10-02"]),
    ("가평군은 1997년 일본 가나시와 자매결연 협정을 맺었으며(1997. 6. 12.(목)) 이후", ["1997-06-12"]),
    ("1997년 가나시(1997. 6. 12.)와 결연", ["1997-06-12"]),
    ("2003년 5월 우호협약(2003. 5. 17.) 체결", ["2003-05-17"]),
])
def test_a_bracket_refines_only_after_the_signing_or_the_partner(text: str, iso: list[str]):
    assert [d.value.iso for d in find_dates(text)] == iso


def test_an_events_bracketed_day_is_no_signing_day(tmp_path: Path):
    lines = [*HEAD, "가평군은 1997년 일본 가나시와 자매결연을 맺은 뒤 첫 교류행사(1997. 10. 2.)를 열었다."]
    assert facts(build(page(tmp_path, "txt", lines))) == {("가나시", "가평군", "1997", "sister")}


@pytest.mark.parametrize("kind", ["txt", "md", "docx"])
@pytest.mark.parametrize("plan", ["승격하기로 합의", "격상하기로 합의", "격상을 추진", "격상 여부 검토"])
def test_a_relation_to_be_raised_is_a_plan(tmp_path: Path, kind: str, plan: str):
    lines = [*HEAD, f"- 중국 마바시 — 2001년 우호도시 협정, 2016년 11월 3일 자매도시 관계로 {plan}"]
    built = build(page(tmp_path, kind, lines))
    assert facts(built) == {("가평군", "마바시", "2001", "friendship")}
    assert facts(built, "AgreementIntent") == {("가평군", "마바시", "2016-11-03", "sister")}


@pytest.mark.parametrize("raised", ["자매결연으로 격상", "자매도시로 승격", "자매결연 관계로 격상"])
def test_a_relation_raised_is_still_a_signing(tmp_path: Path, raised: str):
    lines = [*HEAD, f"- 중국 마바시 — 2001년 우호도시 협정 체결, 2016년 11월 3일 {raised}"]
    assert facts(build(page(tmp_path, "txt", lines))) == {("가평군", "마바시", "2001", "friendship"),
                                                          ("가평군", "마바시", "2016-11-03", "sister")}


@pytest.mark.parametrize("mark", ["1. ", "- ", "○ "])
def test_an_entrys_country_stays_in_its_entry(tmp_path: Path, mark: str):
    second = "2. " if mark == "1. " else mark
    lines = ["沃川郡 姉妹結緣 現況", f"{mark}中國 加那市 — 1995年 3月 2日 友好交流 協定 締結",
             f"{second}城東區 — 1994年 5月 21日 姉妹結緣 締結"]
    got = facts(build(page(tmp_path, "txt", lines)))
    assert ("성동구", "옥천군", "1994-05-21", "sister") in got
    assert not any("城東" in a or "城東" in b for a, b, _, _ in got)


def test_a_country_heading_still_carries_to_its_entries(tmp_path: Path):
    lines = ["沃川郡 姉妹結緣 現況", "中國", "1. 加那市 — 1995年 3月 2日 友好交流 協定 締結"]
    assert facts(build(page(tmp_path, "txt", lines))) == {("加那市", "옥천군", "1995-03-02", "friendship")}


@pytest.mark.parametrize("order", ["country after", "country first"])
@pytest.mark.parametrize("small", ["country first", "country after"])
def test_a_scans_column_order_is_each_tables_own(tmp_path: Path, order: str, small: str):
    """A15: a small table of planned partners above the table of signings, its columns in either order."""
    from tests.readers.test_scan_country_cells import FACTS, scan

    lines = scan(order)
    header = "국 가   도 시 명   비 고" if small == "country first" else "도 시 명   국 가   비 고"
    row = " 몽 골    사 하 시    협 의 중" if small == "country first" else " 사 하 시    몽 골    협 의 중"
    planned = ["", "※ 추 진 중 인  도 시", header, row, ""]
    assert facts(build(page(tmp_path, "txt", [*lines[:3], *planned, *lines[3:]]))) == FACTS
