"""The reading form of old and scanned documents (decision 0080): Hanja relation and admin words beside Hangul, 단기
(檀紀) years and Hanja date units, OCR letters for digits, letter-spaced scans and tables laid out with spaces. The
pages are written by the tests in several formats; the foreign names are invented, the Korean ones are registry
names. Each case is checked against the same page written in plain Hangul, and against traps (counts, phone
numbers, budgets, plans) that must stay what they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Document
from graph.readers.text_forms import aligned_rows, reading_document, reading_form
from tests.fixtures.pages import page
from tests.readers.helpers import build, document, facts

OLD_RECORD = [
    "영동군 姉妹結緣 및 友好交流 現況",
    "(檀紀 4335年 3月 作成)",
    "一. 國內 姉妹結緣",
    "1. 서울特別市 송파구 — 1991年 11月 8日 姉妹結緣 締結",
    "二. 國外 友好交流",
    "1. 日本 가나縣 다라시 — 檀紀 4329年 6月 友好交流 協定 締結",
    "2. 中國 마바省 사아시 — 友好交流 意向書 交換 豫定(1999年 中)",
]
OLD_FACTS = {("송파구", "영동군", "1991-11-08", "sister"), ("다라시", "영동군", "1996-06", "friendship")}


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx", "hwpx"])
def test_an_old_record_with_hanja_words_and_dangi_years_in_every_format(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, OLD_RECORD))) == OLD_FACTS


def test_the_same_record_in_hangul_gives_the_same_facts(tmp_path: Path):
    hangul = [reading_form(line) for line in OLD_RECORD]
    assert "締結" not in "".join(hangul) and "단기 4329년 6월" in hangul[5]
    assert facts(build(page(tmp_path, "txt", hangul))) == OLD_FACTS


def test_perturbed_kangxi_radicals_full_width_digits_and_a_two_digit_year(tmp_path: Path):
    """A PDF's Kangxi radical (⽇, U+2F47) for 日, full-width digits, ``'91. 11. 8.`` for the Korean partner."""
    lines = [*OLD_RECORD[:3], "1. 서울特別市 송파구 — '91. 11. 8. 姉妹結緣 締結", OLD_RECORD[4],
             "1. \u2f47本 가나縣 다라시 — 檀紀 ４３２９年 ６月 友好交流 協定 締結"]
    assert facts(build(page(tmp_path, "txt", lines))) == OLD_FACTS


def test_negative_a_planned_exchange_of_letters_in_hanja_signs_nothing(tmp_path: Path):
    lines = [OLD_RECORD[0], "1. 中國 마바省 사아시 — 友好交流 意向書 交換 豫定(1999年 中)",
             "2. 日本 가나縣 다라시 — 姉妹結緣 締結 推進 中"]
    assert facts(build(page(tmp_path, "docx", lines))) == set()


SCAN = [
    "(OCR 판독본)",
    "영 동 군   국 제 자 매 도 시  현 황",
    "                           2O2O. l2. 31. 기준",
    "연번  도 시 명          국 가     결 연 일         구 분",
    " 1   가 나 시(加那市)    일 본     l996. 5. 17.    자 매 결 연",
    " 2   다 라 시           중 국     2OO8. 1O. 9.    우 호 교 류",
    " 3   마 바 포 틀 랜 드 미 국     2O13. 7. l.     자매 결연",
    " 4   사 아 시          베트남    2Ol7. 4. 21.   MOU",
    " 5   자 차 시          몽골      -               교류의향서  전 달(2O2l. 6.)  *추진중*",
    "ㆍ 담 당 : 국 제 교 류 팀 (전화) 043-74O-1234, 예 산 l2,OOO천원",
]
SCAN_FACTS = {
    ("가나시", "영동군", "1996-05-17", "sister"),
    ("다라시", "영동군", "2008-10-09", "friendship"),
    ("마바포틀랜드", "영동군", "2013-07-01", "sister"),
    ("사아시", "영동군", "2017-04-21", "mou"),
}


def test_a_letter_spaced_ocr_table_laid_out_with_spaces(tmp_path: Path):
    assert facts(build(page(tmp_path, "txt", SCAN))) == SCAN_FACTS


def test_perturbed_scan_a_row_added_and_a_date_changed(tmp_path: Path):
    lines = [*SCAN[:5], SCAN[5].replace("2OO8. 1O. 9.", "2OlO. 3. 3O."),
             " 6   타 파 시           일 본     l999. 9. 9.    우 호 교 류", *SCAN[6:]]
    expected = (SCAN_FACTS - {("다라시", "영동군", "2008-10-09", "friendship")}) | {
        ("다라시", "영동군", "2010-03-30", "friendship"), ("영동군", "타파시", "1999-09-09", "friendship")}
    assert facts(build(page(tmp_path, "txt", lines))) == expected


def test_the_scan_keeps_its_cited_lines_as_written():
    doc = document("scan", "\n".join(SCAN))
    reading = reading_document(doc)
    assert len(reading.lines) == len(doc.lines) and doc.lines[4] == SCAN[4]  # the stored line is untouched
    assert reading.lines[4] == " 1 | 가나시(加那市) | 일본 | 1996. 5. 17. | 자매결연"
    assert reading.lines[9].endswith("043-740-1234, 예산 12,000천원")  # a phone number and a budget stay numbers


def test_negative_prose_and_its_numbers_are_left_as_written():
    lines = ("가나시와 그 외 두 곳은 3 개 시 군 과 교류한다.", "문의  055-123-4567  담당자",
             "MOU 1건, O2O 사업, I. 개요", "11번가, 네이버 등  판매  7,638")
    assert reading_document(Document("prose", lines, "")).lines == lines


def test_a_table_laid_out_with_spaces_needs_three_rows():
    assert aligned_rows(("가나  다라  마바", "사아  자차  카타")) == ("가나  다라  마바", "사아  자차  카타")
    assert aligned_rows(("가  나  다", "라  마  바", "사  아  자"))[2] == "사 | 아 | 자"
