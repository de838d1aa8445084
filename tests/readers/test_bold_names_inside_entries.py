"""A partner's name set in Markdown bold inside a list entry, after its country or parent (decision 0083): ``일본
가나현 **다라시** — 1985년 4월 자매결연``. The bold marks are formatting: the entry reads as ``일본 가나현 다라시``
(the unit, not its parent), whatever flag, bullet or dash it has; an entry led by its bold name keeps its marks (the
bold-entry layout). Written by the tests with invented foreign names and a registry county as the subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.text_forms import plain_bold
from tests.readers.helpers import build, facts, from_file

ENTRIES = ["일본 가나현 **다라시** — 1985년 4월 자매결연을 맺었다.",
           "미국 마바주 **사아시** — 1998년 10월 12일 자매결연.",
           "베트남 **자차시** (카타성) — 2022년 12월 우호교류 협약."]
FACTS = {("다라시", "영동군", "1985-04", "sister"), ("사아시", "영동군", "1998-10-12", "sister"),
         ("영동군", "자차시", "2022-12", "friendship")}


def wiki(entries: list[str], bullet: str = "- ", flags: bool = False) -> str:
    flag = ("\U0001F1EF\U0001F1F5 ", "\U0001F1FA\U0001F1F8 ", "\U0001F1FB\U0001F1F3 ", "\U0001F1E8\U0001F1F3 ")
    lines = [f"{bullet}{flag[n] if flags else ''}{entry}" for n, entry in enumerate(entries)]
    return "\n".join(["# 영동군", "", "## 국제 교류", "", "### 자매도시 및 우호도시", "", *lines, ""])


def _read(tmp_path: Path, text: str):
    """The Markdown page ``text`` written to a file and read back as ``gyoryu ingest`` reads it."""
    path = tmp_path / "wiki.md"
    path.write_text(text, encoding="utf-8")
    return from_file(path)


@pytest.mark.parametrize("bullet", ["- ", "* ", "1. "])
@pytest.mark.parametrize("flags", [False, True])
def test_a_bold_partner_after_its_country_or_parent(tmp_path: Path, bullet: str, flags: bool):
    assert facts(build(_read(tmp_path, wiki(ENTRIES, bullet, flags)))) == FACTS


def test_perturbed_an_entry_added_and_a_date_changed(tmp_path: Path):
    entries = [ENTRIES[0].replace("1985년 4월", "1987년 5월"), *ENTRIES[1:],
               "중국 타파성 **하카시** — 2005년 3월 2일 우호교류 협정 체결."]
    expected = (FACTS - {("다라시", "영동군", "1985-04", "sister")}) | {
        ("다라시", "영동군", "1987-05", "sister"), ("영동군", "하카시", "2005-03-02", "friendship")}
    assert facts(build(_read(tmp_path, wiki(entries)))) == expected


def test_bold_marks_opening_an_entry_or_a_label_stay():
    assert plain_bold("**다라시** — 1985년 자매결연") == "**다라시** — 1985년 자매결연"
    assert plain_bold("- **국가**: 일본 가나현") == "- **국가**: 일본 가나현"
    assert plain_bold("일본 가나현 **다라시** (1985)") == "일본 가나현   다라시   (1985)"
    assert len(plain_bold("중국 **다라시**와 **마바시**")) == len("중국 **다라시**와 **마바시**")
