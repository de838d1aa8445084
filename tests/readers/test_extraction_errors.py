"""The error-taxonomy tool (eval/extraction_errors.py) on a judged set written by the test: exact causes, tune only."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[2] / "eval" / "extraction_errors.py"
TABLE = "강릉시 자매도시 현황\n국가 | 도시명 | 체결일자\n일본 | 지치부시 | 1983. 5. 4.\n중국 | 허난성 | 2005년 3월\n"


def _tool():
    spec = importlib.util.spec_from_file_location("extraction_errors_tool", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def _write(tmp_path: Path, rows: list[dict], docs: dict[str, str]) -> Path:
    (tmp_path / "docs").mkdir(parents=True)
    for name, text in docs.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "judgements.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                               encoding="utf-8")
    return tmp_path


def _judged_set(tmp_path: Path) -> Path:
    tune = {"doc": "a.txt", "split": "tune", "subject_id": "kr-gangwon-gangneung", "agreements": [
        {"parties": ["강릉시", "지치부시"], "party_ids": ["kr-gangwon-gangneung", None], "countries": ["KR", "JP"],
         "date": "1983-05-04", "line": 3},
        {"parties": ["강릉시", "허난성"], "party_ids": ["kr-gangwon-gangneung", "cn-henan"], "countries": ["KR", "CN"],
         "date": "2005", "line": 4},
        {"parties": ["강릉시", "다라시"], "party_ids": ["kr-gangwon-gangneung", None], "countries": ["KR", "JP"],
         "date": "1990", "line": 1}],
        "not_facts": [], "officials": [{"name": "홍길동", "role": "시장", "line": 1}]}
    # the held-out document is not even written: reading it would fail the test
    heldout = {"doc": "missing.txt", "split": "heldout", "agreements": []}
    return _write(tmp_path, [tune, heldout], {"a.txt": TABLE})


def test_causes_of_a_tune_document(tmp_path):
    tool = _tool()
    result = tool.run([_judged_set(tmp_path)])
    assert result.documents == 1
    counts = {kind: dict(per) for kind, per in result.counts().items()}
    assert counts == {"agreement missed": {"date precision": 1, "no candidate on the judged lines": 1},
                      "agreement wrong": {"date precision": 1},
                      "official missed": {"person missed": 1}}
    assert dict(result.totals) == {"agreements judged": 3, "agreements predicted": 2, "agreements correct": 1,
                                   "agreements found": 1}
    text = tool.format_taxonomy(result)
    assert "강릉시 – 허난성 2005 (line 4)" in text and "built: 허난성 – 강릉시 2005-03 (lines 4-4)" in text
    assert "line: 강릉시 자매도시 현황" in text  # the judged line of the fact nothing was built for
    assert "== agreement missed: 2" in text


def test_other_splits_and_sets_without_tune_are_refused(tmp_path, capsys):
    tool = _tool()
    directory = _judged_set(tmp_path / "one")
    with pytest.raises(SystemExit):
        tool.main([str(directory), "--split", "heldout"])
    assert "refused" in capsys.readouterr().err
    held = _write(tmp_path / "two", [{"doc": "missing.txt", "split": "heldout", "agreements": []}], {})
    with pytest.raises(SystemExit, match="no tune documents"):
        tool.run([held])
