"""News printed in narrow columns and pasted clippings (decision 0103): a wrap that parts a word from its particle
(``… 대회의실`` / ``에서 …``), a narrow column whose short lines each stop mid-sentence, a source field that is no part
of the headline below it, a clipping's pasted article dated by its own source line, and a sentence that opens with its
time going on with the pair signed in the sentence before. Every text is written here, in several layouts and file
formats, with a perturbation; foreign places are invented and placed by country words, Korean ones the registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.line_wraps import column_width, glued_particle, wrapped_at_width
from graph.readers.sentences import sentences
from tests.fixtures.pages import write_page
from tests.readers.helpers import build, document, facts, from_file

COLUMN_NEWS = [
    "양평군은 지난 15일 군청 대회의실에서 일본 마나시와 자매결연 협약을 맺었다. 협약식에는 양 도시 관계자 "
    "40여 명이 참석했고 두 도시는 관광과 청소년 분야의 교류를 넓히기로 했다.",
    "가평군은 같은 날 중국 사라시와 우호교류 협약을 맺고 공무원 연수를 함께 하기로 했다. 군 대표단은 다음 달 "
    "열리는 축제 기간에 사라시를 방문해 교류 방안을 논의할 예정이다.",
]
COLUMN_FACTS = {("마나시", "양평군", "2024-04-15", "sister"), ("가평군", "사라시", "2024-04-15", "friendship")}


def _wrapped(paragraph: str, width: int) -> list[str]:
    """``paragraph`` word-wrapped to lines of at most ``width`` characters (a narrow printed column)."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _page(tmp_path: Path, kind: str, blocks: list[str]) -> set[tuple]:
    return facts(build(from_file(write_page(tmp_path / f"news.{kind}", blocks))))


@pytest.mark.parametrize(("kind", "width"), [("txt", 22), ("docx", 26), ("hwpx", 19), ("md", 24)])
def test_a_narrow_column_s_short_lines_run_on_to_the_sentence_end(tmp_path: Path, kind: str, width: int):
    lines = ["교류 소식", "2024년 4月 19일".replace("月", "월")]
    for paragraph in COLUMN_NEWS:
        lines += _wrapped(paragraph, width)
    assert all(len(x) < 30 for x in lines)  # every line shorter than a running line elsewhere
    assert _page(tmp_path, kind, lines) == COLUMN_FACTS


def test_the_same_news_unwrapped_and_a_headline_in_the_column_stay_apart(tmp_path: Path):
    assert _page(tmp_path, "txt", ["교류 소식", "2024년 4월 19일", *COLUMN_NEWS]) == COLUMN_FACTS
    # a short headline inside the column (no full line, no sentence going on) stays a title: its places are no party
    lines = ["교류 소식", "2024년 4월 19일", *_wrapped(COLUMN_NEWS[0], 22), "홍천군·다라시 청소년 교류",
             *_wrapped(COLUMN_NEWS[1], 22)]
    assert _page(tmp_path, "txt", lines) == COLUMN_FACTS


def test_column_width_needs_lines_of_one_width():
    narrow = tuple(_wrapped(" ".join(COLUMN_NEWS), 24))
    assert column_width(narrow) is not None
    assert column_width(tuple(COLUMN_NEWS) + ("짧은 제목", "2024년 4월 19일")) is None  # paragraphs one a line
    width = column_width(narrow)
    assert not wrapped_at_width(narrow, len(narrow), width)  # the last line has nothing to run on into


@pytest.mark.parametrize(("first", "second"), [
    ("양평군과 일본 마나시가 지난 15일 군청 대회의실", "에서 자매결연 협약을 맺었다."),
    ("양평군은 지난 15일 일본 마나시", "와 자매결연 협약을 맺었다."),
    ("양평군은 지난 15일 일본 마나시와 자매결연 협약", "을 맺었다."),
    ("지난 15일 일본 마나시와 자매결연을 맺은 곳은 양평군",
     "이다. 양평군은 지난 15일 일본 마나시와 자매결연 협약을 맺었다."),
])
@pytest.mark.parametrize("kind", ["txt", "docx", "hwpx"])
def test_a_line_opening_with_a_lone_particle_joins_the_word_before(tmp_path: Path, first: str, second: str,
                                                                  kind: str):
    blocks = ["양평군 소식", "2024년 4월 19일", first, second]
    assert _page(tmp_path, kind, blocks) == {("마나시", "양평군", "2024-04-15", "sister")}


def test_a_glued_particle_is_joined_without_a_space():
    got = sentences(("소식", "양평군은 군청 대회의실", "에서 협약을 맺었다."))
    assert [s.text for s in got] == ["소식", "양평군은 군청 대회의실에서 협약을 맺었다."]
    assert glued_particle("대회의실", "을 맺었다.") and not glued_particle("MOU", "를 맺었다.")
    # the demonstrative 이 after a Hangul heading opens a sentence of its own
    assert not glued_particle("가평군 소식", "이 밖에 군은")


@pytest.mark.parametrize("field", [
    "출처: 다라일보 2024.01.10 (인터넷판) / 스크랩: 국제협력팀",
    "자료 : 마바신문 2024. 1. 10. 지면 3면, 국제교류팀 정리",
    "스크랩 출처: 사라방송 뉴스 2024-01-10 / 담당 국제교류팀",
])
@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_source_field_does_not_run_on_into_the_headline_below(tmp_path: Path, field: str, kind: str):
    blocks = ["언론보도 스크랩", field, "양평군, 日 마나시와 우호교류 의향서 교환",
              "양평군은 지난 8일 군청에서 일본 마나시와 우호교류 의향서를 교환했다고 10일 밝혔다."]
    assert _page(tmp_path, kind, blocks) == {("마나시", "양평군", "2024-01-08", "letterOfIntent")}


def test_a_field_ending_open_still_runs_on():
    got = sentences(("제목", "목적: 양평군과 일본 마나시의", "우호교류 협약 체결"))
    assert got[-1].text == "목적: 양평군과 일본 마나시의 우호교류 협약 체결"


@pytest.mark.parametrize("source", [
    "2. 주요 기사 원문 (다라일보 2024.7.3.)",
    "[마바신문 2024. 7. 3. 기사 발췌]",
    "출처: 사라방송 2024-07-03",
])
@pytest.mark.parametrize("kind", ["txt", "docx", "hwpx"])
def test_a_pasted_article_takes_the_day_of_its_source_line(tmp_path: Path, source: str, kind: str):
    blocks = ["양평군 국제교류팀 | 작성 2024.10.2.", "국제교류 언론보도 스크랩", source,
              "양평군은 2일 군청에서 일본 마나시와 자매결연 갱신 협약을 체결했다."]
    assert _page(tmp_path, kind, blocks) == {("마나시", "양평군", "2024-07-02", "sister")}


def test_without_a_source_line_the_file_s_date_stands():
    text = ("양평군 국제교류팀 | 작성 2024.10.4.\n국제교류 언론보도 스크랩\n"
            "양평군은 2일 군청에서 일본 마나시와 자매결연 갱신 협약을 체결했다.")
    assert facts(build(document("c.txt", text))) == {("마나시", "양평군", "2024-10-02", "sister")}


NEWS = "가평군 소식\n입력 2023.10.16 18:20\n{text}"


@pytest.mark.parametrize(("second", "date"), [
    ("지난해 10월에는 교류 범위를 체육 분야로 넓히는 교류 확대 협약을 맺기도 했다.", "2022-10"),
    ("2019년에도 청소년 교류 협약을 체결했다.", "2019"),
    ("이듬해 5월 관광 교류 협약을 맺었다.", "2016-05"),
])
def test_a_sentence_opening_with_its_time_goes_on_with_the_pair_signed_before(second: str, date: str):
    first = "가평군과 일본 마나시는 2015년 자매결연을 맺은 이후 해마다 청소년 홈스테이를 이어 오고 있다."
    got = facts(build(document("n.txt", NEWS.format(text=f"{first}\n{second}"))))
    assert got == {("가평군", "마나시", "2015", "sister"), ("가평군", "마나시", date, "cooperationAgreement")}


@pytest.mark.parametrize("first", [
    "가평군 대표단은 지난 13일 일본 마나시를 방문해 축제에 참가했다.",
    "가평군은 일본 마나시와 내년 자매결연을 추진할 계획이다.",
])
def test_a_sentence_opening_with_its_time_after_no_signing_takes_no_pair(first: str):
    text = f"{first}\n지난해 10월에는 교류 확대 협약을 맺기도 했다."
    assert facts(build(document("n.txt", NEWS.format(text=text)))) == set()


def test_a_two_column_pdf_page_s_wrapped_lines_are_read_as_sentences(tmp_path: Path):
    from tests.corpus.pdf_printer import html_page, print_pdf

    columns = "".join(f'<p style="break-before:{"column" if i else "auto"}">{p}</p>' for i, p in enumerate(COLUMN_NEWS))
    body = f'<h1>교류 소식</h1><p>2024년 4월 19일</p><div style="columns:2;column-gap:2em">{columns}</div>'
    html = html_page("소식", body).replace("</style>", "p{word-break:keep-all}</style>")
    doc = from_file(print_pdf(html, tmp_path / "news.pdf"))
    assert all(len(line) < 30 for line in doc.lines)  # narrow columns: no line long enough to run on by length
    assert facts(build(doc)) == COLUMN_FACTS


@pytest.mark.parametrize("heading", ["일본 다라시 청소년 방문단 환영 행사", "베트남 사라성 농업연수단 방문 소식 안내"])
def test_a_column_wide_heading_above_a_sentence_with_its_own_subject_stays_a_title(tmp_path: Path, heading: str):
    news = ("가평군은 19일 중국 마라시와 청소년 교류 협약을 체결했다고 밝혔다. 이번 협약으로 두 도시 "
            "청소년들이 해마다 서로 방문하게 된다.")
    lines = ["가평군 국제교류 소식지", "2024. 6. 20.", heading, *_wrapped(news, 18)]
    assert _page(tmp_path, "txt", lines) == {("가평군", "마라시", "2024-06-19", "cooperationAgreement")}


def test_a_source_cited_after_a_sentence_does_not_redate_the_text_below():
    text = ("가평군 소식\n2024. 6. 20.\n가평군은 2018년 9월 1일 중국 마라시와 우호교류 협약을 체결했다"
            "(다라일보 2018.9.3. 보도).\n군은 지난 10일 베트남 사라성과 농업 교류 협약을 체결했다.")
    assert facts(build(document("c.txt", text))) == {("가평군", "마라시", "2018-09-01", "friendship"),
                                                     ("가평군", "사라성", "2024-06-10", "cooperationAgreement")}


@pytest.mark.parametrize("second", [
    "2019년에는 현지 대학 한 곳과 학생 교류 협약을 맺었다.",
    "지난해 10월에는 관내 기업 10곳과 수출 협약을 체결했다.",
    "이듬해 3월에는 지역 농협이 직거래 협약을 맺기도 했다.",
])
def test_a_sentence_opening_with_its_time_and_naming_its_own_party_takes_no_pair(second: str):
    first = "가평군과 일본 마나시는 2015년 자매결연을 맺었다."
    got = facts(build(document("n.txt", NEWS.format(text=f"{first}\n{second}"))))
    assert got == {("가평군", "마나시", "2015", "sister")}


@pytest.mark.parametrize(("heading", "news"), [
    ("베트남 사라성 농업연수단 환영식",
     "군은 이날 중국 마라시와도 문화 교류 협약을 맺었다. 마라시 대표단은 닷새 동안 군에 머물 예정이다."),
    ("일본 다라시 청소년 교류단 방문기",
     "시는 같은 날 중국 마라시와 관광 교류 협약도 체결했다. 두 도시는 내년에 공동 축제를 연다."),
])
@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_subheading_inside_a_column_above_a_one_syllable_subject_stays_a_title(tmp_path: Path, heading: str,
                                                                               news: str, kind: str):
    first = ("가평군은 19일 일본 하나시와 청소년 교류 협약을 체결했다. 협약에 따라 양 도시 청소년들은 매년 "
             "여름 홈스테이를 이어가기로 했다.")
    lines = ["가평소식 2024. 6. 20.", *_wrapped(first, 19), heading, *_wrapped(news, 19)]
    assert len(heading) >= 0.85 * 19  # as wide as the column: only the sentence around it tells it is a title
    got = _page(tmp_path, kind, lines)
    assert got == {("가평군", "하나시", "2024-06-19", "cooperationAgreement"),
                   ("가평군", "마라시", "2024-06-19", "cooperationAgreement")}
    # perturbation: a column line ending on a verb form (… 맺은 / 것은 …) still runs on into the line below
    wrap = ("가평군소식", "2024. 6. 20.", "협약을 맺었다. 이번에 협약을 맺은", "것은 두 도시의 오랜 우정 덕분이다.")
    assert [s.text for s in sentences(wrap)][-1] == "이번에 협약을 맺은 것은 두 도시의 오랜 우정 덕분이다."


@pytest.mark.parametrize("citation", ["[다라일보, 2018. 9. 3.]", " (다라일보 2018. 9. 3.)", "[다라신문 2018.9.3]"])
def test_a_bracketed_citation_after_a_sentence_end_does_not_redate_the_next_line(citation: str):
    text = ("가평군, 사라성과 농업 교류 협약\n2024. 6. 20. 가평군 보도자료\n가평군과 중국 마라시는 2018년 9월 1일 "
            f"우호교류 협약을 체결했다.{citation}\n군은 지난 10일 베트남 사라성과 농업 교류 협약을 체결했다.")
    got = facts(build(document("c.txt", text)))
    assert ("가평군", "사라성", "2024-06-10", "cooperationAgreement") in got
    assert ("가평군", "마라시", "2018-09-01", "friendship") in got
    # perturbation: the same bracket opening its own line above a pasted article is its source line
    pasted = text.replace(f"다.{citation}\n", f"다.\n{citation.strip()}\n")
    assert ("가평군", "사라성", "2018-08-10", "cooperationAgreement") in facts(build(document("c.txt", pasted)))
