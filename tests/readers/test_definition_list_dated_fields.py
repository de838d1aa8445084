"""Definition-list cards (``<dt>``/``<dd>``, or a label line and its value line) with dated fields that name no
signing: ``최초 교류`` / ``2001. 5. 대표단 방문`` above the signing date and ``교류 중단`` / ``2016. 3. (…)`` below it.
Neither cuts the card from its name nor turns its signing into an ended relation. Written as HTML, plain lines and
DOCX paragraphs, with perturbations. Foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts, from_file

HEAD = ["자매·우호도시 소개", "2025. 8. 31. 기준 / 제천시 국제교류팀"]
CARDS = [("중국 가나성 다라시", [("구분", "자매도시"), ("최초 교류", "2001. 5. 대표단 상호 방문"),
                             ("협약 체결", "2003. 9. 17."), ("재체결", "2013. 9. 17. / 2023. 9. 18."),
                             ("교류분야", "한방, 청소년, 체육")]),
         ("미국 마바주 사하시", [("구분", "자매도시"), ("협약 체결", "1997. 6. 2."),
                             ("교류 중단", "2016. 3. (시 재정 사정으로 교류 중단)"),
                             ("비고", "협약은 유효, 2025년 교류 재개 협의 중")])]
FACTS = {("다라시", "제천시", "2003-09-17", "sister"), ("다라시", "제천시", "2013-09-17", "sister"),
         ("다라시", "제천시", "2023-09-18", "sister"), ("사하시", "제천시", "1997-06-02", "sister")}


def _doc(tmp_path: Path, kind: str, cards=CARDS):
    lines = list(HEAD)
    for name, fields in cards:
        lines.append(name)
        for label, value in fields:
            lines += [label, value]
    if kind != "html":  # a definition list's markup is the page's own (below)
        return page(tmp_path, kind, lines, name="cards")
    sections = "".join(f"<section><h3>{name}</h3><dl>" + "".join(f"<dt>{a}</dt><dd>{b}</dd>" for a, b in fields)
                       + "</dl></section>\n" for name, fields in cards)
    path = tmp_path / "cards.html"
    path.write_text(f"<html><head><title>자매·우호도시 | 제천시청</title></head><body><nav><a>홈</a></nav><main>"
                    f"<h2>{HEAD[0]}</h2><p>{HEAD[1]}</p>\n{sections}</main><footer>제천시청</footer></body></html>",
                    encoding="utf-8")
    return from_file(path)


@pytest.mark.parametrize("kind", ["html", "txt", "docx"])
def test_dated_fields_naming_no_signing_leave_the_card_and_its_signings(tmp_path: Path, kind: str):
    assert facts(build(_doc(tmp_path, kind))) == FACTS


@pytest.mark.parametrize("kind", ["html", "txt"])
def test_perturbed_a_date_changed_a_field_added_and_an_end_stated_as_the_signing_field(tmp_path: Path, kind: str):
    first = (CARDS[0][0], [*CARDS[0][1][:2], ("최초 방문", "2000. 4. 시장 방문"), ("협약 체결", "2003. 9. 18."),
                           *CARDS[0][1][3:]])
    second = (CARDS[1][0], [CARDS[1][1][0], ("협약 체결", "1997. 6. 2."), ("교류 중단", "2016. 3. 교류 잠정 중단")])
    assert facts(build(_doc(tmp_path, kind, [first, second]))) == (
        FACTS - {("다라시", "제천시", "2003-09-17", "sister")}) | {("다라시", "제천시", "2003-09-18", "sister")}
