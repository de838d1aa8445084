"""Documents written by a helper who never read the reader code (tests/fixtures/challenge): scored like the judged
set, each read exactly — every judged agreement found, none wrong — but for one card whose name ends like a common
word (마쓰도시: ``…도시`` is the word for city), which is left unread rather than guessed."""

from __future__ import annotations

from pathlib import Path

from graph.extraction_eval import run_extraction_eval

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "challenge"


def test_challenge_documents_are_read_exactly():
    result = run_extraction_eval(FIXTURES)
    got = {d["doc"][:2]: (d["agreements"]["gold"], d["agreements"]["predicted"], d["agreements"]["correct"],
                          d["missed"], d["wrong"]) for d in result["documents"]}
    assert got["04"] == (10, 10, 10, [], [])  # dt/dd cards, the page's office in its <title>, an ended relation
    assert got["14"] == (21, 21, 21, [], [])  # bilingual columns, several Korean parties in one cell
    gold, predicted, correct, missed, wrong = got["06"]  # numbered cards, further steps as nested items
    assert (gold, predicted, correct) == (10, 9, 9) and [m.split(" (")[0] for m in missed] == [
        "화성시 – 마쓰도시 2019-02-14"] and wrong == []
