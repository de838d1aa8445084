"""Sentences a reader of an unseen document meets about renewals, letters of intent and news briefs: a letter of
intent signed or exchanged is a signing of type letterOfIntent; handed over or aimed at (``목표로``) it is a plan
(decision 0081);
``2005년 … 체결 후 2015년 재체결`` is two signings; a renewal note naming the tie's first signing (``재체결은 1988. 12.
20. 최초 체결 자매결연의 갱신임``) gives that signing and ``재체결`` is never a place; a news brief's subject before its
comma (``▶ 가나시, 미국 다라시와 자매결연``) and a dash pair with a country word after the dash (``가나시–중국
다라시``) are the pair, not the document's own region with each. Text, a saved news page and DOCX, with
perturbations. Foreign places invented and placed by country words; Korean ones the registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, facts
from tests.readers.test_news_clauses_and_posts import _as
from tests.readers.test_report_prose import party_ids

LETTERS = """강원특별자치도 국제교류 현황
2024. 1. 10.
강원특별자치도와 중국 랴오닝성은 우호교류 의향서 교환(2016. 4. 7.) 이후 정식 협정은 맺지 않았다.
도는 2019. 5. 3. 일본 돗토리현과 우호교류 의향서에 서명하였다.
도는 베트남 가나성에 2023년 5월 우호교류 의향서를 전달하였다.
도는 몽골 다라아이막과 2025년 중 우호교류 의향서 서명을 목표로 협의하고 있다.
"""
LETTER_FACTS = {("jp-tottori", "kr-gangwon", "2019-05-03"), ("cn-liaoning", "kr-gangwon", "2016-04-07")}

RENEWALS = """속초시 국제교류 현황
2024. 1. 10.
속초시는 2005년 미국 가나빌시와 자매결연 체결 후 2015년 재체결하였다.
※ 2. 7. 돗토리현 재체결은 1988. 12. 20. 최초 체결 자매결연의 갱신임.
"""
RENEWAL_FACTS = {("kr-gangwon-sokcho", "us-가나빌시", "2005"), ("kr-gangwon-sokcho", "us-가나빌시", "2015"),
                 ("jp-tottori", "kr-gangwon-sokcho", "1988-12-20")}

BRIEFS = """가나연구원 국제협력 뉴스레터 제7호
2025. 6. 2.
▶ 속초시, 미국 오리건주 가나빌시와 자매결연 — 5월 14일 가나빌시 시청에서 협정서에 서명했다.
▶ 동해시–중국 다라시 우호도시 20주년(2005년 4월 체결) 기념 사진전 개최
"""
BRIEF_FACTS = {("kr-gangwon-sokcho", "us-가나빌시", "2025-05-14"), ("cn-다라시", "kr-gangwon-donghae", "2005-04")}


SHAPES = {"letters": (LETTERS, LETTER_FACTS), "renewals": (RENEWALS, RENEWAL_FACTS), "briefs": (BRIEFS, BRIEF_FACTS)}


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_in_every_format(tmp_path: Path, shape: str, fmt: str):
    text, expected = SHAPES[shape]
    assert party_ids(build(_as(tmp_path, f"{shape}.{fmt}", text))) == expected  # never a place named 재체결


def test_letters_signed_or_exchanged_are_letters_of_intent_and_those_handed_over_plans():
    result = build(document("letters.txt", LETTERS))
    assert {t for *_, t in facts(result)} == {"letterOfIntent"}
    assert len(facts(result, "AgreementIntent")) == 2  # handed over (전달), aimed at (목표로)


PERTURBATIONS = [
    (LETTERS, {"서명하였다": "서명하기로 하였다", "의향서 교환(2016. 4. 7.)": "의향서 서명(2017. 3. 2.)"},
     {("cn-liaoning", "kr-gangwon", "2017-03-02")}),
    (RENEWALS, {"2015년 재체결하였다": "2015년 재체결을 추진하고 있다", "1988. 12. 20.": "1989. 1. 5."},
     {("kr-gangwon-sokcho", "us-가나빌시", "2005"), ("jp-tottori", "kr-gangwon-sokcho", "1989-01-05")}),
    (BRIEFS, {"자매결연 — 5월 14일": "자매결연 추진 — 5월 14일", "협정서에 서명했다": "의향서를 전달했다",
              "동해시–중국 다라시": "동해시–중국 마바시"}, {("cn-마바시", "kr-gangwon-donghae", "2005-04")}),
]


@pytest.mark.parametrize(("text", "changes", "expected"), PERTURBATIONS)
def test_perturbations(text: str, changes: dict[str, str], expected: set):
    # a plan instead of a signing or renewal signs nothing; a changed date or partner moves the fact
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    assert party_ids(build(document("p.txt", text))) == expected
