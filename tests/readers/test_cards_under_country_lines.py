"""Lists whose entries spread over lines or share one: a bulleted partner with its ``체결일:`` on the indented line
below, under a plain country line (``중국`` between blank lines, which a DOCX drops), the card's country is its
section's; tree branches (``┌``, ``├``, ``└``) are bullets; an entry of clauses set apart by `` / ``, each with its
own subject, partner and date, gives each pair its own signing; a year holding an entry's full date (``(2024. 8.
29.) ← 2024년 신규``) is the same signing. Written as Markdown, text, DOCX and HTML, perturbed; the foreign names are
invented but for two registry aimags."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file
from tests.readers.table_files import party_countries

CARDS = ["강릉시 해외 자매·우호도시", "", "> 강릉시청 누리집 › 국제교류 (최종 수정 2025-02-03)", "",
         "강릉시는 현재 **2개국 3개 도시**와 교류하고 있습니다.", "", "중국", "",
         "- **가나시** (자매도시)", "  체결일: 2007.10.23", "- **다라시** (우호도시)", "  체결일: 2015.6.9", "",
         "일본", "", "- **마바시** (우호도시)", "  체결일: 2001년 5월 17일"]
FACTS = {("가나시", "강릉시", "2007-10-23", "sister"), ("강릉시", "다라시", "2015-06-09", "friendship"),
         ("강릉시", "마바시", "2001-05-17", "friendship")}


@pytest.mark.parametrize("kind", ["md", "txt", "docx"])
def test_a_card_under_a_plain_country_line_is_placed_there(tmp_path: Path, kind: str):
    lines = CARDS if kind == "md" else [t.replace("**", "") for t in CARDS]
    doc = from_file(docx_file(tmp_path / "c.docx", lines)) if kind == "docx" else document(f"c.{kind}",
                                                                                            "\n".join(lines))
    built = build(doc)
    assert facts(built) == FACTS
    assert {k: v for k, v in party_countries(built).items() if k != "강릉시"} == {"가나시": "CN", "다라시": "CN",
                                                                            "마바시": "JP"}


def test_perturbed_a_card_added_and_a_date_changed():
    lines = [*CARDS, "- **사하시** (자매도시)", "  체결일: 2011년 4월"]
    lines[9] = "  체결일: 2008.1.2"
    assert facts(build(document("c.md", "\n".join(lines)))) == {
        ("가나시", "강릉시", "2008-01-02", "sister"), ("강릉시", "다라시", "2015-06-09", "friendship"),
        ("강릉시", "마바시", "2001-05-17", "friendship"), ("강릉시", "사하시", "2011-04", "sister")}


TREE = ["2025년 고창군 국제교류 추진계획", "2025. 1. 기획예산실", "", "Ⅱ. 교류 현황",
        " ┌ 일본 가나현 다라시: 자매결연 (2016. 2. 10.)", " ├ 중국 마바성 사하시: 우호교류 (2019. 5.)",
        " └ 경기 군포시: 자매결연 (2024. 8. 29.) ← 2024년 신규", "", "Ⅲ. 2025년 추진계획",
        " 1) 베트남 아자성 차카현과 우호교류 협약 체결 (2025. 5월 예정)"]
TREE_FACTS = {("고창군", "다라시", "2016-02-10", "sister"), ("고창군", "사하시", "2019-05", "friendship"),
              ("고창군", "군포시", "2024-08-29", "sister")}


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_tree_branches_are_entries_and_a_year_holding_the_day_is_one_signing(tmp_path: Path, kind: str):
    if kind == "txt":
        doc = document("plan.txt", "\n".join(TREE))
    elif kind == "docx":
        doc = from_file(docx_file(tmp_path / "plan.docx", TREE))
    else:
        path = tmp_path / "plan.html"
        path.write_text("<html><head><title>계획</title></head><body>" + "".join(
            f"<p>{t}</p>" for t in TREE if t) + "</body></html>", encoding="utf-8")
        doc = from_file(path)
    assert facts(build(doc)) == TREE_FACTS
    assert {(a, b, d) for a, b, d, _ in facts(build(doc), "AgreementIntent")} == {("고창군", "차카현", "2025-05")}


def test_perturbed_a_branch_without_a_date_and_another_year():
    lines = list(TREE)
    lines[5] = " ├ 중국 마바성 사하시: 우호교류 추진 중"
    lines[6] = " └ 경기 군포시: 자매결연 (2024. 9. 1.) ← 2024년 신규"
    assert facts(build(document("plan.txt", "\n".join(lines)))) == {
        ("고창군", "다라시", "2016-02-10", "sister"), ("고창군", "군포시", "2024-09-01", "sister")}


SLASH = ["충청북도 대표단 몽골 방문 결과 보고", "", "□ 주요 성과", "  ○ 도지사 일행 가나아이막 방문",
         "", "□ 참고: 충북 청주시는 2010. 8. 16. 투브아이막과 자매결연 / 충북 괴산군은 2019. 5. 3. 셀렝그아이막과 "
         "우호협약"]


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_clauses_set_apart_by_a_slash_each_sign(tmp_path: Path, kind: str):
    doc = from_file(docx_file(tmp_path / "r.docx", SLASH)) if kind == "docx" else document("r.txt", "\n".join(SLASH))
    assert {(a, b, d) for a, b, d, _ in facts(build(doc))} == {("청주시", "투브아이막", "2010-08-16"),
                                                               ("괴산군", "셀렝그아이막", "2019-05-03")}
    lines = list(SLASH)
    lines[5] = lines[5].replace("2019. 5. 3.", "2020. 6. 1.")
    assert {(a, b, d) for a, b, d, _ in facts(build(document("r.txt", "\n".join(lines))))} == {
        ("청주시", "투브아이막", "2010-08-16"), ("괴산군", "셀렝그아이막", "2020-06-01")}
