"""An exchange log whose 구분 column types its signing rows (``자매결연 체결``, ``재체결``) also holds rows typed by an
activity no word list names (``교류``, ``연수``, ``의향``): such a row dates no signing, unless its own cells state one
(``교류 | 우호교류 협정 체결``); a 해지 row keeps the signing above it and a 재체결 row is a further signing. Written as
TSV, HTML, DOCX and Markdown, perturbed; the foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, facts
from tests.readers.table_files import table_document

TITLE = "속초시 국제교류 주요 연혁"
ROWS = [["일자", "교류도시", "구분", "비고"],
        ["1995. 4. 1.", "일본 가나시", "자매결연 체결", ""],
        ["2000. 5. 5.", "일본 가나시", "방문", "시장 일행 방문"],
        ["2003. 9. 9.", "중국 다라시", "우호교류 협약", ""],
        ["2006. 2. 1.", "중국 다라시", "연수", "공무원 상호 파견"],
        ["2013. 9. 9.", "중국 다라시", "재체결", "10주년"],
        ["2018. 12. 31.", "중국 다라시", "해지", "협약 해지"],
        ["2019. 10. 1.", "일본 가나시", "교류", "청소년 교류"]]
FACTS = {("가나시", "속초시", "1995-04-01"), ("다라시", "속초시", "2003-09-09"), ("다라시", "속초시", "2013-09-09")}


def _doc(tmp_path: Path, kind: str, rows: list[list[str]]):
    return table_document(tmp_path, kind, TITLE, rows, "log")


def _labels(found: set) -> set:
    return {(a, b, d) for a, b, d, _ in found}


@pytest.mark.parametrize("kind", ["tsv", "md", "docx", "hwpx", "html"])
def test_rows_typed_by_an_activity_sign_nothing(tmp_path: Path, kind: str):
    assert _labels(facts(build(_doc(tmp_path, kind, ROWS)))) == FACTS


def test_perturbed_an_activity_row_stating_a_signing_and_a_log_typing_no_signings(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[7][3] = "청소년 교류 및 우호교류 협정 체결"  # its own cells state a signing
    assert _labels(facts(build(_doc(tmp_path, "tsv", rows)))) == FACTS | {("가나시", "속초시", "2019-10-01")}
    rows = [list(r) for r in ROWS]
    rows.insert(3, ["2001. 7. 1.", "미국 마바시", "교류", ""])  # a row added
    rows[1][2] = "자매결연 재체결"
    assert _labels(facts(build(_doc(tmp_path, "docx", rows)))) == FACTS
    status = [["교류도시", "구분", "일자"], ["일본 가나시", "자매결연", "1995. 4. 1."],
              ["중국 다라시", "교류", "2003. 9. 9."]]
    # no row is typed by a signing word: 교류 is a relation of its own here, as before
    assert _labels(facts(build(_doc(tmp_path, "tsv", status)))) == {("가나시", "속초시", "1995-04-01"),
                                                                    ("다라시", "속초시", "2003-09-09")}
