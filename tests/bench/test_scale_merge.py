"""Merging an end-to-end row into the scale study (``bench/scale.py --merge``): the results file, the section of
RESULTS.md, the plot and the README line from the row alone, other rows and sections untouched."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import scale  # noqa: E402

README = """# Project

| measure | figure | target |
| --- | --- | --- |
| 10× build | 525 s CPU | — |
| 100× from stand-ins, one run | 1,896 s CPU | — |
| search at 10× | 9.0 s | — |
"""


def synthetic_row(scale_of: float, documents: int) -> dict:
    """The study's 100× end-to-end row as if measured at ``scale_of`` (synthetic figures: a test, not a result)."""
    rows = json.loads((ROOT / "bench" / "scale.json").read_text())
    row = json.loads(json.dumps(next(r for r in rows if r.get("stand_in") and r["scale"] == 100)))
    return {**row, "scale": scale_of, "documents": documents, "passages": 4_321_000, "peak_rss_mb": 12_345}


@pytest.fixture
def study(tmp_path):
    for name in ("scale.json", "RESULTS.md"):
        shutil.copy(ROOT / "bench" / name, tmp_path / name)
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    return tmp_path


def merge(study: Path, row_file: Path) -> int:
    return scale.main(["--merge", str(row_file), "--results", str(study / "scale.json"), "--write",
                       str(study / "RESULTS.md"), "--plot", str(study / "scale.png"), "--readme",
                       str(study / "README.md")])


def test_a_row_merged_from_a_file(study, capsys):
    before = json.loads((study / "scale.json").read_text())
    results_before = (study / "RESULTS.md").read_text()
    row = synthetic_row(1000.0, 70_452)
    # the run's output: progress lines, then the row
    (study / "row.json").write_text("1000×: building\n" + json.dumps(row, ensure_ascii=False) + "\n")
    assert merge(study, study / "row.json") == 0

    after = json.loads((study / "scale.json").read_text())
    assert [(r["scale"], scale.row_kind(r)) for r in after] == sorted(
        [(r["scale"], scale.row_kind(r)) for r in before] + [(1000.0, "end to end")], key=lambda k: k[0])
    assert next(r for r in after if r.get("stand_in") and r["scale"] == 1000) == row
    assert [r for r in after if r is not None and r != row] == before  # every other row as it was

    text = (study / "RESULTS.md").read_text()
    lines = text.splitlines()
    ends = [line for line in lines if line.startswith(("| 100× | 7035 |", "| 1000× | 70452 |"))]
    assert [line.split(" | ")[:3] for line in ends] == [["| 100×", "7035", "311428 / 263963"],
                                                         ["| 1000×", "70452", "4321000 / 263963"]]
    assert "| 12345 |" in ends[1]
    # the other sections, and the section's place and machine line, as they were
    start = results_before.index("### Scale: ")
    assert text[:start] == results_before[:start]
    end_before = results_before.index("\n### ", start + 1) if "\n### " in results_before[start + 1:] else None
    if end_before is not None:
        assert text[text.index("\n### ", start + 1):] == results_before[end_before:]
    assert lines[results_before[:start].count("\n")] == results_before[start:].splitlines()[0]
    assert (study / "scale.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    readme = (study / "README.md").read_text().splitlines()
    assert readme[6].startswith("| 1000× end to end from stand-ins (`bench/scale.py --merge`")
    assert "70,452 / 4,321,000 / 5,939,783" in readme[6] and "peak 12,345 MB" in readme[6]
    assert readme[7] == "| search at 10× | 9.0 s | — |"

    # merged again with another figure: the same row replaced, nothing added
    (study / "row.json").write_text(json.dumps({**row, "peak_rss_mb": 11_111}))
    assert merge(study, study / "row.json") == 0
    again = json.loads((study / "scale.json").read_text())
    assert len(again) == len(after) and next(r for r in again if r.get("stand_in") and r["scale"] == 1000)[
        "peak_rss_mb"] == 11_111
    readme = (study / "README.md").read_text().splitlines()
    assert len(readme) == 8 and "peak 11,111 MB" in readme[6]
    capsys.readouterr()


def test_a_row_without_what_the_tables_read_is_refused(study):
    row = synthetic_row(1000.0, 70_452)
    del row["search_ms"]["dense"], row["sparql_ms"]
    (study / "row.json").write_text(json.dumps(row))
    results = (study / "scale.json").read_bytes()
    with pytest.raises(SystemExit, match=r"missing sparql_ms, search_ms\.dense"):
        merge(study, study / "row.json")
    (study / "row.json").write_text("1000×: building\nKilled\n")
    with pytest.raises(SystemExit, match="no JSON row"):
        merge(study, study / "row.json")
    assert (study / "scale.json").read_bytes() == results
