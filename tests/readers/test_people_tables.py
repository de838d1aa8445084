"""People listed in a table with their posts (a trip report's delegation), in pipe text, tab text, DOCX and HWPX:
the post cell's last word is the role, a place glued to its title or a council at its start is where the post is,
else the document's own region; rows end at a line that is no row of the same width. Names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import write_page
from tests.readers.helpers import build, from_file, store_of
from tests.readers.test_people import POSTS

HEAD = ["공무국외출장 결과보고", "고창군 미래전략과 | 보고일 2025. 6. 20.", "1. 출장 기간: 2025. 6. 9. ~ 6. 15.",
        "2. 출장자"]
ROWS = [["구분", "성명", "직위"],
        ["단장", "한가온", "고창군수"],
        ["수행", "유다온", "농업기술센터소장"],
        ["", "임나래", "미래전략과 국제협력팀장"],
        ["", "국하람", "미래전략과 주무관(통역)"],
        ["동행", "설보람", "고창군의회 산업건설위원장"],
        ["", "박새론", "의원"]]
TAIL = ["3. 세부 일정", "6. 10. 생테밀리옹시청 방문, 시 현황 청취"]
EXPECTED = {("한가온", "군수", "region/kr-jeonbuk-gochang"),
            ("유다온", "농업기술센터소장", "region/kr-jeonbuk-gochang"),
            ("임나래", "국제협력팀장", "region/kr-jeonbuk-gochang"),
            ("국하람", "주무관", "region/kr-jeonbuk-gochang"),
            ("설보람", "산업건설위원장", "organization/minted-고창군의회"),
            ("박새론", "의원", "region/kr-jeonbuk-gochang")}


def _posts(doc, tmp_path: Path) -> set[tuple[str, str, str]]:
    store = store_of(build(doc).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, r["org"].value)
            for r in store.query(POSTS, use_default_graph_as_union=True)}


def _write(tmp_path: Path, fmt: str, rows: list[list[str]]) -> Path:
    return write_page(tmp_path / f"trip.{fmt}", [*HEAD, rows, *TAIL])


@pytest.mark.parametrize("fmt", ["txt", "tsv", "docx", "hwpx"])
def test_a_delegation_table_in_every_format(tmp_path: Path, fmt: str):
    assert _posts(from_file(_write(tmp_path, fmt, ROWS)), tmp_path) == EXPECTED


def test_columns_in_another_order_and_other_header_words(tmp_path: Path):
    rows = [["직책", "이름", "역할"], *([r[2], r[1], r[0]] for r in ROWS[1:])]
    assert _posts(from_file(_write(tmp_path, "txt", rows)), tmp_path) == EXPECTED


def test_rows_that_name_no_person_or_no_post_and_a_row_of_another_width(tmp_path: Path):
    rows = [*ROWS, ["", "운전원 2명", "차량 지원"], ["", "강하늘", "통역 지원"], ["합계 7명"]]
    assert _posts(from_file(_write(tmp_path, "txt", rows)), tmp_path) == EXPECTED
    # a table without a column of posts names no one
    rows = [["구분", "성명", "비고"], *ROWS[1:]]
    assert not any(p[0] in ("유다온", "임나래", "국하람", "박새론") for p in _posts(from_file(_write(
        tmp_path, "txt", rows)), tmp_path))


REPORT = """공무국외출장 결과보고
고창군 미래전략과 | 보고일 2025. 6. 20.
1. 출장 개요
가. 방문국: 프랑스, 스페인
나. 출장자: 한가온 고창군수, 설보람 고창군의회 의장, 미래전략과장 유다온
2. 출장 결과
가. 마바시와 우호교류 협약 체결(6. 10.): 한가온 고창군수와 피에르 다르송 마바시장이 서명
나. 사라시와 교류의향서 서명(6. 12.): 사라시 부시장 마리아 엘레나 로살레스 서명
다. 가나구 대표단(단장 왕하오 부구장)이 6. 13. 고창군을 방문함
"""
REPORT_POSTS = {("한가온", "군수", "region/kr-jeonbuk-gochang"), ("설보람", "의장", "organization/minted-고창군의회"),
                ("피에르 다르송", "시장", "region/es-마바시"),
                ("마리아 엘레나 로살레스", "부시장", "region/es-사라시")}


@pytest.mark.parametrize("fmt", ["txt", "hwpx"])
def test_foreign_names_of_several_words_around_posts_abroad(tmp_path: Path, fmt: str):
    path = write_page(tmp_path / f"report.{fmt}", REPORT.strip("\n").split("\n"))
    got = _posts(from_file(path), tmp_path)
    assert got >= REPORT_POSTS
    assert not any(name in ("고창군수", "마리아", "마바시", "사라시") or name.endswith("부구장") for name, _, _ in got)
    assert ("왕하오", "부구장") in {(name, role) for name, role, _ in got}


def test_a_place_named_with_a_country_on_its_line_keeps_that_country(tmp_path: Path):
    text = REPORT.replace("피에르 다르송 마바시장이", "프랑스 마바시의 피에르 다르송 마바시장이")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert ("피에르 다르송", "시장", "region/fr-마바시") in _posts(from_file(path), tmp_path)


def test_words_after_a_title_at_a_line_end_are_no_name(tmp_path: Path):
    text = "포항시 국제교류 소식\n2024. 9. 5.\n언론사, 포항시 사무총장 특별 인터뷰 보도\n포항시 부시장 김다라\n"
    path = tmp_path / "n.txt"
    path.write_text(text, encoding="utf-8")
    names = {name for name, _, _ in _posts(from_file(path), tmp_path)}
    assert "김다라" in names and not any("인터뷰" in n or "특별" in n for n in names)
