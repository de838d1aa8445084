"""The extraction scorer on a judged set written by the test: exact precision and recall per split."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graph.extraction_eval import run_extraction_eval

TABLE = "강릉시 자매도시 현황\n국가 | 도시명 | 체결일자\n일본 | 지치부시 | 1983. 5. 4.\n중국 | 허난성 | 2005년 3월\n"
LIST = "춘천시 자매도시\n○ 일본 가나자와시 (1990. 5. 1.)\n○ 중국 허난성 (2007)\n"


def _judged(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TABLE, encoding="utf-8")
    (tmp_path / "docs" / "b.txt").write_text(LIST, encoding="utf-8")
    rows = [
        {"doc": "a.txt", "split": "tune", "shape": "table", "agreements": [
            {"parties": ["강릉시", "지치부시"], "party_ids": ["kr-gangwon-gangneung", None], "countries": ["KR", "JP"],
             "date": "1983-05-04"},
            {"parties": ["강릉시", "허난성"], "party_ids": ["kr-gangwon-gangneung", "cn-henan"], "date": "2005-03"}]},
        {"doc": "b.txt", "split": "heldout", "shape": "list", "agreements": [
            {"parties": ["춘천시", "가나자와시"], "party_ids": ["kr-gangwon-chuncheon", None],
             "countries": ["KR", "JP"], "date": "1990-05-01"},
            {"parties": ["춘천시", "허난성"], "party_ids": ["kr-gangwon-chuncheon", "cn-henan"], "date": "2008"},
            {"parties": ["춘천시", "선양시"], "party_ids": ["kr-gangwon-chuncheon", None], "countries": ["KR", "CN"],
             "date": "2010"}]},
    ]
    (tmp_path / "judgements.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                               encoding="utf-8")
    return tmp_path


def test_precision_and_recall_per_split(tmp_path):
    result = run_extraction_eval(_judged(tmp_path))
    tune, heldout = result["splits"]["tune"]["agreements"], result["splits"]["heldout"]["agreements"]
    assert (tune["predicted"], tune["correct"], tune["precision"], tune["recall"]) == (2, 2, 1.0, 1.0)
    # the list states 허난성 in 2007, judged 2008 (a wrong date), and 선양시 is not in the text
    assert (heldout["predicted"], heldout["correct"], heldout["gold"]) == (2, 1, 3)
    assert (heldout["precision"], heldout["recall"]) == (0.5, 0.333)
    # held-out documents only in their split's aggregate: no row of their own, mistakes or counts
    assert [(d["doc"], d["split"]) for d in result["documents"]] == [("a.txt", "tune")]
    assert result["calibration"] and all(c["precision"] >= c["confidence"] for c in result["calibration"])


def test_text_report_has_rows_for_tune_documents_only(tmp_path):
    from graph.extraction_eval import format_extraction_eval

    result = run_extraction_eval(_judged(tmp_path))
    result["documents"].append({**result["documents"][0], "doc": "b.txt", "split": "heldout"})  # an older result
    lines = format_extraction_eval(result).splitlines()
    assert [line.split()[:2] for line in lines[1:5]] == [["heldout", "agreements"], ["heldout", "officials"],
                                                          ["tune", "agreements"], ["tune", "officials"]]
    rows = [line for line in lines if ".txt" in line]
    assert len(rows) == 1 and rows[0].startswith("tune") and "a.txt" in rows[0]
    assert "b.txt" not in "\n".join(lines)


def test_cli_reports_both_splits():
    out = subprocess.run([sys.executable, "-m", "gyoryu", "eval", "--extraction", "--json"], capture_output=True,
                         text=True, check=True, timeout=600).stdout
    result = json.loads(out)
    assert set(result["splits"]) == {"tune", "heldout"}
    assert result["splits"]["tune"]["agreements"]["gold"] == 55
    # per document: the tune half only (a held-out document is in its split's aggregate alone)
    assert result["documents"] and {d["split"] for d in result["documents"]} == {"tune"}
    assert sum(d["agreements"]["gold"] for d in result["documents"]) == 55
    assert result["near"]["target"]["gold"] == 210
    assert result["near"]["target"]["recall"] >= 0.9  # the target on the NEAR report's officials
    # calibrated on the tune half: facts with confidence ≥ c have precision ≥ c there
    assert result["calibration"] and all(c["precision"] >= c["confidence"] for c in result["calibration"])
