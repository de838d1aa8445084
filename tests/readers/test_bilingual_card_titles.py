"""Cards with a bilingual title and a sentence below it, one-line cards whose fields are set apart by dots, and era
years glossing a year (decision 0088). A card's title written in Korean and then in Latin letters after a slash
(``일본 도야마현 가나시 / Gana, Toyama, Japan``) names its place by its Korean part (the Latin part restates it, even
when the Korean name has no place suffix); its date line may go on with a second sentence (``… 자매결연 체결. 2016년
결연 10주년을 맞아 …``), whose words are no place. The pages are written by the tests (invented foreign names, a
registry city as the subject) in several formats, with perturbations and traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.dates import find_dates
from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

CARDS = [("중국 가나성 다라시 / Dara, Gana, China", "2002년 6월 15일 우호도시 협정을 맺고, 2012년 자매도시로 격상."),
         ("일본 도야마현 마바시 / Maba, Toyama, Japan",
          "2006년 3월 8일 자매결연 체결. 2016년 결연 10주년 기념 청소년 교류가 열렸다."),
         ("러시아 연해주 사아보스크 / Saabosk, Primorsky Krai, Russia",
          "2013년 5월 우호교류 협정 체결(의회 동의 완료).")]
FACTS = {("다라시", "제천시", "2002-06-15", "friendship"), ("마바시", "제천시", "2006-03-08", "sister"),
         ("사아보스크", "제천시", "2013-05", "friendship")}


def cards_page(cards=CARDS) -> list[str]:
    lines = ["제천시 자매도시 / Sister Cities of Jecheon",
             "제천시는 여러 나라 도시들과 자매·우호 관계를 맺고 있습니다."]
    for title, body in cards:
        lines += [title, body, "The English summary of the card above."]
    return lines


@pytest.mark.parametrize("kind", ["txt", "html", "docx", "hwpx"])
def test_each_bilingual_card_gives_its_korean_titled_place(tmp_path: Path, kind: str):
    got = facts(build(page(tmp_path, kind, cards_page())))
    assert {f for f in got if f[2] != "2012"} == FACTS


def test_perturbed_a_card_added_and_a_date_changed(tmp_path: Path):
    cards = [CARDS[0], (CARDS[1][0], CARDS[1][1].replace("2006년 3월 8일", "2007년 4월 2일")), CARDS[2],
             ("베트남 가라성 / Gara, Vietnam", "2018년 6월 4일 우호교류 협정 체결. 이후 공무원 연수 교류.")]
    expected = (FACTS - {("마바시", "제천시", "2006-03-08", "sister")}) | {
        ("마바시", "제천시", "2007-04-02", "sister"), ("가라성", "제천시", "2018-06-04", "friendship")}
    assert {f for f in facts(build(page(tmp_path, "txt", cards_page(cards)))) if f[2] != "2012"} == expected


def test_negative_a_second_sentences_words_are_no_partner(tmp_path: Path):
    lines = ["제천시 자매도시", "일본 도야마현 마바시",
             "2006년 3월 8일 자매결연 체결. 2016년 결연 10주년을 맞아 학생 교류."]
    got = facts(build(page(tmp_path, "txt", lines)))
    assert got == {("마바시", "제천시", "2006-03-08", "sister")}
    assert not any("주년" in a or "주년" in b or "체결" in a or "체결" in b for a, b, _, _ in got)


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_one_line_cards_with_fields_set_apart_by_dots(tmp_path: Path, kind: str):
    lines = ["제천시 국제교류 안내", "시 자매·우호도시",
             "가나시(일본) · 자매도시 · 1972. 3. 9.", "다라시(미국) · 우호도시 · 1991. 11. 25."]
    assert facts(build(page(tmp_path, kind, lines))) == {("가나시", "제천시", "1972-03-09", "sister"),
                                                          ("다라시", "제천시", "1991-11-25", "friendship")}


@pytest.mark.parametrize(("text", "iso"), [
    ("2019년(레이와 원년) 7월 체결", ["2019-07"]), ("2014년(平成26年) 4월 2일 협정", ["2014-04-02"]),
    ("1975년（쇼와 50년） 체결", ["1975"]), ("레이와 2년 6월 1일", ["2020-06-01"]),
    ("2016년(2016년 4월) 체결", ["2016", "2016-04"]),  # a date in the bracket, no era: no gloss, and no signing
    # word before it to refine (decision 0088, A3)
])
def test_an_era_year_in_brackets_glosses_the_year_before_it(text: str, iso: list[str]):
    assert [d.value.iso for d in find_dates(text)] == iso


def test_a_list_entry_with_an_era_gloss_keeps_its_month(tmp_path: Path):
    lines = ["제천시 자매도시", "- 일본 도야마현 가나시 : 자매결연 1990년(헤이세이 2년) 3월 체결"]
    assert facts(build(page(tmp_path, "txt", lines))) == {("가나시", "제천시", "1990-03", "sister")}
