"""Dated timelines (Markdown, a web page, text, an office file): entries opening with a full date, a year alone
(``2018 가나시 …``), or a month and day under a year heading (``### 2010년`` / ``3월 18일``, ``10. 2.``); the
document's subject from its title; anniversaries, mergers and plans are not signings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file

TIMELINE = """# 청주시 국제교류 연혁

청주시의 해외 자매·우호도시 체결 연혁입니다.

## 1990년대

- 1993.10.27 중국 청룡시와 우호교류 협약 체결
- 1996. 5. 6. 미국 레드우드시 자매결연
- '98.11.20 일본 하루미시와 자매결연 체결 (구 청원군)

### 2010년

- 3월 18일 중국 청룡시 자매결연으로 격상
- 10. 2. 몽골 다르항솜 우호교류 협약 체결

### 2016년
- 5. 10. 러시아 하바롭스크시 우호교류 협약
- 9월 카자흐스탄 쿠스타나이주와 교류의향서 체결

## 최근

- 2018 베트남 박닌성 우호교류 협약 체결
- 2019.05.24 우즈베키스탄 사마르칸트시와 우호도시 협정
- 2020.1.1 청원군과 통합, 청주시 출범
- 2022. 5. 레드우드시 자매결연 26주년 기념 방문
- 2023. 3. 일본 하루미시와 자매결연 25주년 기념 협약 갱신
- 2025. 상반기 베트남 후에시와 우호교류 협약 체결 예정
"""
EXPECTED = {
    ("청룡시", "청주시", "1993-10-27", "friendship"), ("레드우드시", "청주시", "1996-05-06", "sister"),
    ("청주시", "하루미시", "1998-11-20", "sister"), ("청룡시", "청주시", "2010-03-18", "sister"),
    ("다르항솜", "청주시", "2010-10-02", "friendship"), ("청주시", "하바롭스크시", "2016-05-10", "friendship"),
    ("청주시", "쿠스타나이주", "2016-09", "letterOfIntent"), ("박닌성", "청주시", "2018", "friendship"),
    ("사마르칸트시", "청주시", "2019-05-24", "friendship"), ("청주시", "하루미시", "2023-03", "sister"),
}


def _html(markdown: str) -> str:
    """The timeline as a saved web page: headings, lists, a menu and a footer."""
    body, open_list = [], False
    for line in markdown.splitlines():
        if line.startswith("- "):
            body.append(("" if open_list else "<ul>") + f"<li>{line[2:]}</li>")
            open_list = True
            continue
        if open_list:
            body.append("</ul>")
            open_list = False
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{line.lstrip('# ')}</h{level}>")
        elif line.strip():
            body.append(f"<p>{line}</p>")
    body.append("</ul>" if open_list else "")
    return ('<html><head><title>연혁 | 청주시청</title></head><body><nav><a href="/">홈</a> <a href="/a">자매도시</a>'
            '</nav><main>' + "\n".join(body) + "</main><footer>청주시청 상당로 1 | 2019.05.24 개편</footer>"
            "</body></html>")


def test_markdown_timeline_with_year_headings_and_traps(tmp_path: Path):
    path = tmp_path / "timeline.md"
    path.write_text(TIMELINE, encoding="utf-8")
    result = build(from_file(path))
    assert facts(result) == EXPECTED
    assert facts(result, "AgreementIntent") == {("청주시", "후에시", "", "friendship")}


@pytest.mark.parametrize("name", ["timeline.html", "timeline.txt", "timeline.docx"])
def test_timeline_in_other_formats(tmp_path: Path, name: str):
    path = tmp_path / name
    if name.endswith(".html"):
        path.write_text(_html(TIMELINE), encoding="utf-8")
    elif name.endswith(".txt"):
        path.write_text(TIMELINE.replace("#", "").replace("- ", "○ "), encoding="utf-8")
    else:
        docx_file(path, [line.lstrip("# ") for line in TIMELINE.splitlines() if line.strip()])
    assert facts(build(from_file(path))) == EXPECTED


def test_perturbed_timeline_entry_added_date_changed_plan_and_noise():
    added = TIMELINE.replace("## 최근\n", "## 최근\n\n- 2017. 4. 3. 일본 사카이미나토시와 우호교류 협약 체결\n")
    new = ("사카이미나토시", "청주시", "2017-04-03", "friendship")
    assert facts(build(document("t.md", added))) == EXPECTED | {new}
    changed = TIMELINE.replace("### 2016년", "### 2015년")
    got = facts(build(document("t.md", changed)))
    assert ("청주시", "하바롭스크시", "2015-05-10", "friendship") in got and ("청주시", "하바롭스크시", "2016-05-10",
                                                                          "friendship") not in got
    plan = TIMELINE.replace("- 2018 베트남", "- 2018. 2. 미국 레드우드시와 우호교류 확대 협의 중\n- 2018 베트남")
    assert facts(build(document("t.md", plan))) == EXPECTED
    noisy = TIMELINE.replace("1993.10.27", "1993 .10. 27").replace("- 10. 2.", "-  10 . 2 .")
    assert facts(build(document("t.md", noisy))) == EXPECTED


SEVERAL = """# 청주시 해외교류 연혁

- 2008. 4. 18. 멕시코 톨루카시, 2008. 6. 3. 터키 부르사시와 각각 자매결연 체결
- 2016. 5. 10.
  - 러시아 하바롭스크시와 우호교류 협약 체결
  - 하바롭스크시 청소년 교류단 방문
- 2018년 중국 청룡시와 자매결연으로 격상
"""
SEVERAL_FACTS = {("부르사시", "청주시", "2008-06-03", "sister"), ("청주시", "톨루카시", "2008-04-18", "sister"),
                 ("청주시", "하바롭스크시", "2016-05-10", "friendship"), ("청룡시", "청주시", "2018", "sister")}


def _nested_html(markdown: str) -> str:
    """``markdown``'s list (items and items indented under them) as nested ``<ul>`` of a web page."""
    items = [(len(line) - len(line.lstrip()), line.strip()[2:]) for line in markdown.splitlines()[1:] if line.strip()]
    body = ""
    for i, (indent, text) in enumerate(items):
        opens = i + 1 < len(items) and items[i + 1][0] > indent
        closes = indent and (i + 1 == len(items) or items[i + 1][0] < indent)
        body += f"<li>{text}" + ("<ul>" if opens else "</li>") + ("</ul></li>" if closes else "")
    return f"<html><body><main><h1>{markdown.splitlines()[0][2:]}</h1><ul>{body}</ul></main></body></html>"


@pytest.mark.parametrize("name", ["several.md", "several.html", "several.docx"])
def test_entries_with_their_dates_first_and_a_date_with_its_events_indented_below(tmp_path: Path, name: str):
    path = tmp_path / name
    if name.endswith(".md"):
        path.write_text(SEVERAL, encoding="utf-8")
    elif name.endswith(".html"):
        path.write_text(_nested_html(SEVERAL), encoding="utf-8")
    else:  # a paragraph per entry, the date and its event on one line
        docx_file(path, [line.strip("# -") for line in SEVERAL.replace("10.\n  - ", "10. ").splitlines()])
    assert facts(build(from_file(path))) == SEVERAL_FACTS
    swapped = SEVERAL.replace("2008. 6. 3.", "2009. 7. 1.")
    assert facts(build(document("t.md", swapped))) == (SEVERAL_FACTS - {("부르사시", "청주시", "2008-06-03", "sister")}
                                                       ) | {("부르사시", "청주시", "2009-07-01", "sister")}


NESTED = """# 안산시 국제교류 연혁

## 1990년대
- 1995.05.12 일본 가나가와현 후지사와시와 자매결연 체결
- 1999. 3. 후지사와시와 자매결연 5주년 기념 교류전 개최
- 2006.11 러시아 사할린주 유즈노사할린스크시와 교류의향서 체결
- 2019.10 유즈노사할린스크시와 우호도시 협약으로 격상

### 2005년
- 3월 12일: 미국 메릴랜드주 헤이거스타운시와 자매결연
- 10월 헤이거스타운시 청소년 교류

### 2016년
- 1월 20일 : 일본 나카쓰시와 우호도시 협약 체결 (※ 2026년 갱신 예정)

| 연월일 | 주요 내용 |
|---|---|
| 2019.4.2 | 베트남 하노이시 롱비엔군과 우호교류 협약 체결 |
| 2021 | 롱비엔군 공무원 연수 |
"""
NESTED_FACTS = {("안산시", "후지사와시", "1995-05-12", "sister"), ("안산시", "헤이거스타운시", "2005-03-12", "sister"),
                ("나카쓰시", "안산시", "2016-01-20", "friendship"), ("롱비엔군", "안산시", "2019-04-02", "friendship"),
                ("안산시", "유즈노사할린스크시", "2006-11", "letterOfIntent"),
                ("안산시", "유즈노사할린스크시", "2019-10", "friendship")}


def test_timeline_units_after_their_parent_month_entries_plans_in_remarks_and_markdown_rows():
    """The unit after its parent is the partner (가나현 다라시와), an entry opening with a month is no heading of the
    next (its relation does not make ``10월 … 청소년 교류`` a signing), a plan in an entry's remark leaves the entry's
    own date a signing, a bordered Markdown row opening with a date is an entry, and a unit placed once after its
    foreign parent (러시아 가나주 다라시) keeps that country where it stands alone."""
    result = build(document("nested.md", NESTED))
    assert facts(result) == NESTED_FACTS
    assert facts(result, "AgreementIntent") == {("나카쓰시", "안산시", "2026", "friendship")}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("- 10월 헤이거스타운시 청소년 교류", "- 10월 7일 캐나다 온타리오주 키치너시와 우호교류 협약 체결", set(),
     {("안산시", "키치너시", "2005-10-07", "friendship")}),
    ("1월 20일 :", "2월 3일 :", {("나카쓰시", "안산시", "2016-01-20", "friendship")},
     {("나카쓰시", "안산시", "2016-02-03", "friendship")}),
    ("| 2019.4.2 |", "| 2019.4 |", {("롱비엔군", "안산시", "2019-04-02", "friendship")},
     {("롱비엔군", "안산시", "2019-04", "friendship")}),
])
def test_nested_timeline_perturbed(old, new, gone, added):
    assert facts(build(document("nested.md", NESTED.replace(old, new)))) == (NESTED_FACTS - gone) | added


PROVINCE_LOG = """# 가나도 국제교류 일지

## 2016년
- 04.18 몽골 다라아이막과 우호교류 양해각서(MOU) 체결
- 10.02 가나도-하루미현 자매결연 20주년 기념식 (다라시)

## 2018년
- 12월 중국 산둥성과 경제교류 강화 방안 협의(체결 없음)

## 2019년
- 8.30 일본 하루미현과 자매결연 갱신 협정 서명 — 두 번째 갱신
- 5.9 호주 퀸즐랜드주 방문단 접견
- 9.22 폴란드 마워폴스카주와 우호교류 협정 체결

## 2022년
- 11월 당진시, 중국 장쑤성 롄윈강시와 우호도시 협약 체결
"""


def test_province_log_month_day_entries_a_signing_denied_and_the_province_s_own_city_signing():
    """``04.18`` and ``8.30`` (month.day, no closing dot) under a year heading date their entries and are no heading
    of the next (the 기념식 in 다라시 does not make 다라시 the subject, 호주 does not place the next partner); a
    consultation with ``(체결 없음)`` signs nothing; ``당진시, … 롄윈강시와`` is the province's own city signing."""
    text = PROVINCE_LOG.replace("가나도", "충청남도").replace("다라시", "공주시")
    assert facts(build(document("log.md", text))) == {
        ("다라아이막", "충청남도", "2016-04-18", "friendship"), ("충청남도", "하루미현", "2019-08-30", "sister"),
        ("마워폴스카주", "충청남도", "2019-09-22", "friendship"), ("당진시", "롄윈강시", "2022-11", "friendship")}
