"""Partner cards whose fields sit on lines of their own: a label line alone with its value on the next line
(``협약일자`` / ``2010년 5월 3일``, ``유형`` / ``우호교류``) under a numbered name line, and bulleted fields under a
heading naming the partner (``■ 가나시(일본)`` / `` - 자매결연`` / `` - 2005. 3. 12.``). Each card's partner signs with
the document's region on its date; a card whose step is a plan, or a bare date under no signing label, signs
nothing. Written as text, HTML, DOCX and HWPX, with perturbations; the foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file, hwpx_file

TITLE = "강릉시 해외 자매·우호도시"
LABEL_LINES = ["1. 가나시 (일본)", "체결일:", "2005. 3. 12.", "유형: 자매결연", "",
               "2. 다라시 (중국)", "협약일자", "2010년 5월 3일", "유형", "우호교류"]
BULLETS = ["■ 가나시(일본)", " - 자매결연", " - 2005. 3. 12.", "■ 다라시(중국)", " - 우호교류 협약", " - 2010. 5. 3."]
FACTS = {("가나시", "강릉시", "2005-03-12", "sister"), ("강릉시", "다라시", "2010-05-03", "friendship")}


def _doc(tmp_path: Path, kind: str, lines: list[str]):
    if kind == "txt":
        return document("cards.txt", "\n".join([TITLE, *lines]))
    if kind == "docx":
        return from_file(docx_file(tmp_path / "cards.docx", [TITLE, *lines]))
    if kind == "hwpx":
        return from_file(hwpx_file(tmp_path / "cards.hwpx", [TITLE, *lines]))
    body = "".join(f"<h4>{t}</h4>" if t.startswith("■") else f"<p>{t}</p>" for t in lines if t.strip())
    path = tmp_path / "cards.html"
    path.write_text(f"<html><head><title>{TITLE}</title></head><body><h2>{TITLE}</h2>{body}</body></html>",
                    encoding="utf-8")
    return from_file(path)


@pytest.mark.parametrize("kind", ["txt", "html", "docx", "hwpx"])
def test_a_label_line_with_its_value_on_the_next_line(tmp_path: Path, kind: str):
    assert facts(build(_doc(tmp_path, kind, LABEL_LINES))) == FACTS


@pytest.mark.parametrize("kind", ["txt", "docx", "hwpx"])
def test_bulleted_fields_under_a_heading_naming_the_partner(tmp_path: Path, kind: str):
    assert facts(build(_doc(tmp_path, kind, BULLETS))) == FACTS


def test_bulleted_fields_on_a_web_page(tmp_path: Path):
    path = tmp_path / "cards.html"
    path.write_text(f"<html><head><title>{TITLE}</title></head><body><h2>{TITLE}</h2>"
                    "<h4>■ 가나시(일본)</h4><ul><li>자매결연</li><li>2005. 3. 12.</li></ul>"
                    "<h4>■ 다라시(중국)</h4><ul><li>우호교류 협약</li><li>2010. 5. 3.</li></ul></body></html>",
                    encoding="utf-8")
    assert facts(build(from_file(path))) == FACTS


def test_perturbed_a_planned_card_a_changed_date_and_a_timeline_without_labels(tmp_path: Path):
    lines = [*BULLETS[:3], "■ 마바시(미국)", " - 교류 추진 중", " - 2024. 5.", *BULLETS[3:], " - 청소년 교류"]
    assert facts(build(_doc(tmp_path, "txt", lines))) == FACTS
    lines = list(LABEL_LINES)
    lines[7] = "2011년 6월"
    assert facts(build(_doc(tmp_path, "docx", lines))) == {("가나시", "강릉시", "2005-03-12", "sister"),
                                                           ("강릉시", "다라시", "2011-06", "friendship")}
    timeline = ["■ 가나시(일본)", " - 2005. 3. 12.", " - 2008. 4. 1."]  # dates under no label: no card's
    assert facts(build(_doc(tmp_path, "txt", timeline))) == set()
