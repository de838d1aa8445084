"""News facts (decision 0103): a correction notice read as corrected, a tie between two bodies told after a region's
signing (not the region's), and English news — a byline with its time (``Published : Oct. 7, 2024 - 16:40``) dating
``on Oct. 4``, a typographic possessive (``Vietnam’s``), a sentence opening with its date, a letter of intent
exchanged by ``the two regions``. Every text is written here in several wordings and formats, with a perturbation;
foreign places are invented and placed by country words, Korean ones the registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import write_page
from tests.readers.helpers import build, document, facts, from_file


def _read(text: str, kind: str = "Agreement") -> set[tuple]:
    return facts(build(document("n.txt", text)), kind)


def _page(tmp_path: Path, kind: str, blocks: list[str]) -> set[tuple]:
    return facts(build(from_file(write_page(tmp_path / f"news.{kind}", blocks))))


@pytest.mark.parametrize(("notice", "day"), [
    ("본지 2월 3일자 5면 '양평군, 日 마나시와 자매결연' 기사에서 협약 체결일을 '1월 30일'로 보도했으나, "
     "실제 체결일은 1월 31일이기에 바로잡습니다.", "2025-01-31"),
    ("지난 3일자 '양평군, 일본 마나시와 자매결연 협약' 기사 중 체결일자를 '1월 28일'로 잘못 표기했으나 실제로는 "
     "1월 29일에 체결됐습니다.", "2025-01-29"),
    ("'양평군, 일본 마나시와 자매결연 협약 체결' 기사의 체결일 '1월 20일'은 '1월 21일'로 바로잡습니다.", "2025-01-21"),
])
@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_a_correction_notice_gives_the_corrected_day(tmp_path: Path, notice: str, day: str, kind: str):
    blocks = ["[정정보도] 양평군–마나시 자매결연 기사", "입력 2025.02.04 09:00", notice,
              "독자 여러분께 혼란을 드려 사과드립니다."]
    assert _page(tmp_path, kind, blocks) == {("마나시", "양평군", day, "sister")}


def test_a_quoted_name_of_a_day_is_no_correction():
    text = ("양평군 소식\n입력 2025.02.04\n양평군은 지난 1월 31일 일본 마나시와 자매결연 협약을 맺고 "
            "이날을 '우호의 날'로 정했다.")
    assert _read(text) == {("마나시", "양평군", "2025-01-31", "sister")}


@pytest.mark.parametrize("bodies", [
    "가평문화재단과 마나시 국제교류과는 같은 날 공동 공연 협약을 체결했다.",
    "가평군체육회와 마나시 체육협회가 같은 날 교류 협약을 맺었다.",
    "같은 날 가평관광공사와 마나시 관광국도 공동 마케팅 협약을 체결했다.",
])
def test_a_tie_between_bodies_after_a_regions_signing_is_not_the_region_s(bodies: str):
    text = ("가평군 소식\n입력 2024.12.06\n가평군은 5일 일본 마나시와 우호협력 협약을 맺었다.\n"
            f"양평군도 마나시와 자매결연을 추진 중이다.\n{bodies}")
    assert _read(text) == {("가평군", "마나시", "2024-12-05", "friendship")}
    # perturbation: the region itself named as the one that signs the second tie
    region = text.replace(bodies, "양평군은 같은 날 마나시와 관광 교류 협약을 체결했다.")
    assert _read(region) == {("가평군", "마나시", "2024-12-05", "friendship"),
                             ("마나시", "양평군", "2024-12-05", "cooperationAgreement")}


@pytest.mark.parametrize(("byline", "sentence"), [
    ("Published : Oct. 7, 2024 - 16:40 Updated : Oct. 7, 2024 - 18:02",
     "Yangpyeong County signed a friendship exchange agreement with Japan's Mana City on Oct. 4, expanding "
     "cooperation in tourism."),
    ("Posted: October 7, 2024 09:15",
     "On Oct. 4, Yangpyeong County signed a friendship agreement with the Japanese city of Mana."),
    ("Published 2024.10.07 - 11:20",
     "Yangpyeong County and Japan’s Mana City signed a friendship agreement on October 4."),
])
@pytest.mark.parametrize("kind", ["txt", "html"])
def test_an_english_byline_with_its_time_dates_a_day_without_its_year(tmp_path: Path, byline: str, sentence: str,
                                                                    kind: str):
    got = _page(tmp_path, kind, ["Yangpyeong signs pact with Japanese city", byline, sentence])
    assert {(a, b, d) for a, b, d, _ in got} == {("Mana", "양평군", "2024-10-04")}


def test_an_english_day_without_a_year_and_no_byline_gives_nothing():
    text = ("Yangpyeong signs pact\nYangpyeong County signed a friendship agreement with Japan's Mana City on "
            "Oct. 4.")
    assert _read(text) == set()


@pytest.mark.parametrize("sentence", [
    "On June 19, 2024, Yangpyeong County signed a letter of intent with the Vietnamese province of Sara.",
    "On 19 June 2024, Yangpyeong County signed a letter of intent with Vietnam’s Sara Province.",
    "Vietnam’s Sara Province and Yangpyeong County signed a letter of intent on June 19, 2024.",
])
def test_an_english_sentence_opening_with_its_date_or_a_curly_possessive(sentence: str):
    got = _read(f"Yangpyeong County News\nJune 20, 2024\n{sentence}")
    assert {(a, b, d, t) for a, b, d, t in got} == {(got and next(iter(got))[0], "양평군", "2024-06-19",
                                                     "letterOfIntent")}
    assert next(iter(got))[0].startswith("Sara")


@pytest.mark.parametrize("exchange", [
    "The two regions first exchanged a letter of intent on exchanges in 2019, but the pandemic delayed a formal pact.",
    "The two cities exchanged letters of intent in 2019.",
    "In 2019 the two sides exchanged an MOU on youth exchanges.",
])
def test_a_letter_of_intent_exchanged_by_the_two_regions(exchange: str):
    text = ("Yangpyeong signs pact\nPublished : Oct. 7, 2024\nYangpyeong County signed a friendship agreement with "
            f"Japan's Mana City on Oct. 4.\n{exchange}")
    got = {(d, t) for _, _, d, t in _read(text)}
    assert ("2024-10-04", "friendship") in got and len(got) == 2
    assert any(d == "2019" for d, _ in got)


def test_views_exchanged_on_an_agreement_are_no_signing():
    text = ("Yangpyeong signs pact\nPublished : Oct. 7, 2024\nYangpyeong County signed a friendship agreement with "
            "Japan's Mana City on Oct. 4.\nThe two cities exchanged views on a sister-city agreement in 2019.")
    assert {d for _, _, d, _ in _read(text)} == {"2024-10-04"}


@pytest.mark.parametrize(("sentence", "day"), [
    ("양평군은 오늘 군청에서 일본 마나시와 우호교류 협약을 체결했습니다.", "2024-05-18"),
    ("일본 마나시와 양평군이 어제 마나시 시청에서 우호교류 협약을 맺었습니다.", "2024-05-17"),
    ("양평군은 그제 일본 마나시와 우호교류 협약에 서명했다고 밝혔습니다.", "2024-05-16"),
])
@pytest.mark.parametrize("kind", ["txt", "html"])
def test_a_broadcast_s_today_and_yesterday_are_the_document_s_day_and_the_one_before(
        tmp_path: Path, sentence: str, day: str, kind: str):
    got = _page(tmp_path, kind, ["양평군, 日 마나시와 우호교류 협약", "입력 2024.05.18 10:00", sentence])
    assert {(a, b, d) for a, b, d, _ in got} == {("마나시", "양평군", day)}


def test_today_without_a_dated_document_or_as_nowadays_gives_no_day():
    undated = "양평군, 日 마나시와 우호교류 협약\n양평군은 오늘 일본 마나시와 우호교류 협약을 체결했습니다."
    assert _read(undated) == set()
    nowadays = ("양평군 소식\n입력 2024.05.18 10:00\n양평군은 2019년 일본 마나시와 우호교류 협약을 맺었고 "
                "오늘날까지 교류를 이어 오고 있다.")
    assert _read(nowadays) == {("마나시", "양평군", "2019", "friendship")}


def test_a_correction_of_the_form_x_is_a_mistake_for_y():
    text = ("[바로잡습니다]\n입력 2024.03.06\n본지 3월 4일자 5면 '가평군, 일본 마나시와 우호교류 협약' 기사에서 "
            "협약 체결일 '2월 27일'은 '2월 28일'의 잘못이기에 바로잡습니다.")
    assert _read(text) == {("가평군", "마나시", "2024-02-28", "friendship")}


@pytest.mark.parametrize(("word", "day"), [
    ("어제는", "2024-06-19"), ("오늘은", "2024-06-20"), ("어제도", "2024-06-19")])
def test_today_and_yesterday_with_a_particle(word: str, day: str):
    text = f"가평군 소식\n2024년 6월 20일\n{word} 가평군이 중국 마라시와 문화 교류 협약을 맺었습니다."
    assert _read(text) == {("가평군", "마라시", day, "cooperationAgreement")}


@pytest.mark.parametrize("end", ["Japan's Mana City.", "Japan's Mana City in Aichi.", "Mana City, Japan."])
def test_an_english_place_ending_a_sentence_is_one_place_without_the_full_stop(end: str):
    got = _read(f"Gapyeong News\nJune 20, 2024\nIn May 2023, Gapyeong County signed a sister-city agreement with {end}")
    assert {(a, b) for a, b, _, _ in got} == {("Mana", "가평군")}


@pytest.mark.parametrize(("trailer", "kind"), [
    ("2024/05/21 14:05 송고", "txt"), ("2024.05.21. 14:05 송고", "html"), ("2024-05-21 14:05:10 입력", "docx")])
def test_a_wire_story_s_trailer_under_the_text_dates_its_bare_day(tmp_path: Path, trailer: str, kind: str):
    lead = ("(가평=가나뉴스) 홍길순 기자 = 가평군은 21일 군청에서 몽골 마라시와 기후 협력 양해각서(MOU)를 "
            "체결했다고 밝혔다.")
    blocks = ["가평군, 마라시와 기후 협력 MOU", lead, "두 도시는 숲 조성에 협력하기로 했다.", "hong@gana.co.kr",
              trailer]
    assert _page(tmp_path, kind, blocks) == {("가평군", "마라시", "2024-05-21", "mou")}


def test_without_its_trailer_a_wire_story_s_bare_day_has_no_month():
    text = ("가평군, 마라시와 MOU\n가평군은 21일 군청에서 몽골 마라시와 양해각서(MOU)를 체결했다고 밝혔다.\n"
            "두 도시는 숲 조성에 협력하기로 했다.\nhong@gana.co.kr")
    assert _read(text) == set()
    assert _read(text + "\n2024/05/21 14:05 송고") == {("가평군", "마라시", "2024-05-21", "mou")}
