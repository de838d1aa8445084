"""The date parser, the Korean tokenizer and the passage builder on hostile text."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from graph.dates import DateMention, date_range, find_dates, month_day, parse_date, stated_date, year_month
from index.korean import KoreanTokenizer
from index.passages import segment
from tests.fuzz.strategies import MEGABYTE_LINE, document, document_lines, line

TOKENIZER = KoreanTokenizer()


@given(line, st.booleans(), st.integers(1, 9999))
@example("2019. 13. 45. '99.2.30 0000-00-00 2024년 2월 30일 ~ 2023년 1월 1일", True, 2024)
@example("9" * 5000 + ". 1. 1.", False, 1)
def test_dates_are_real_dates_inside_the_text(text: str, bare_years: bool, year: int) -> None:
    for mention in find_dates(text, bare_years=bare_years):
        assert isinstance(mention, DateMention)
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.surface
        mention.value.iso  # noqa: B018 - every stated date has an ISO form
    found = stated_date(text, bare_years=bare_years)
    assert found is None or found.iso
    for value in (parse_date(text), month_day(text, year)):
        assert value is None or isinstance(value, date)
    assert year_month(text) is None or len(year_month(text)) == 2
    span = date_range(text, year)
    assert span is None or span[0] <= span[1]


def test_dates_in_a_megabyte_line() -> None:
    mentions = find_dates(MEGABYTE_LINE, bare_years=True)
    assert mentions and all(MEGABYTE_LINE[m.start:m.end] == m.surface for m in mentions)


@given(line)
@example("")
@example("\x00\x01\ufeff\u200b\u2028 전 라 남 도 ㄱㅏ 😀 日本 Русский")
def test_tokenizer_returns_lower_case_tokens(text: str) -> None:
    tokens = TOKENIZER.tokens(text)
    assert all(isinstance(t, str) and t and t == t.lower() for t in tokens)


def test_tokenizer_on_a_megabyte_line() -> None:
    assert "서울특별시" in TOKENIZER.tokens(MEGABYTE_LINE[: 2**20])


@given(document_lines(), st.integers(40, 2000))
@example(["\t\t", "<ul>", "Ⅱ. 분과위원회", "", "a\tb\tc"], 40)
def test_passages_cite_existing_lines_in_order(lines: list[str], max_chars: int) -> None:
    doc = document(lines)
    passages = segment(doc, max_chars=max_chars)
    previous = 0
    for p in passages:
        assert 1 <= p.line_start <= p.line_end <= len(doc.lines)
        assert p.line_start > previous and p.doc == doc.id and p.text.strip()
        previous = p.line_end


def test_passages_of_megabyte_lines() -> None:
    doc = document(["제목", MEGABYTE_LINE, "", MEGABYTE_LINE])
    passages = segment(doc)
    assert {p.line_start for p in passages} <= {1, 2, 4}
    assert all(p.line_end <= 4 for p in passages)
