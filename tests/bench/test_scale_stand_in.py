"""The stand-in build's disk at 1000×: the stand-in pieces are deleted once the graph stages have read them."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from scale_stand_in import cpu_progress, drop_extraction_caches  # noqa: E402

from graph.extraction_cache import CACHE_DIR  # noqa: E402


def test_the_pieces_and_the_builds_links_to_them_are_deleted_and_the_rest_kept(tmp_path, capsys):
    data = tmp_path / "data-1000"
    (data / CACHE_DIR).mkdir(parents=True)
    work = tmp_path / ".data-1000.building-12-abc"
    (work / CACHE_DIR).mkdir(parents=True)
    (work / "graph.nq").write_text("kept\n")
    for n in range(3):
        piece = data / CACHE_DIR / f"{n}.nq"
        piece.write_bytes(b"x" * 500_000)
        os.link(piece, work / CACHE_DIR / piece.name)  # as ExtractionCache carries a previous build's entries
    other = tmp_path / ".data-10.building-13-abc" / CACHE_DIR  # another scale's build is not touched
    other.mkdir(parents=True)
    (other / "0.nq").write_text("other\n")
    drop_extraction_caches(data)
    assert not (data / CACHE_DIR).exists() and not (work / CACHE_DIR).exists()
    assert (work / "graph.nq").read_text() == "kept\n" and (other / "0.nq").exists()
    assert "[stand-in pieces] 2 MB deleted" in capsys.readouterr().err


def test_a_hook_runs_as_its_stage_starts_and_cpu_seconds_are_printed_as_it_ends():
    seen = []
    progress = cpu_progress({"copy corpus": lambda: seen.append(sorted(progress.timings))})
    progress.stream = io.StringIO()
    with progress.stage("validate"):
        pass
    with progress.stage("copy corpus"):
        seen.append("inside")
    assert seen == [["validate"], "inside"]
    assert "[copy corpus]" in progress.stream.getvalue() and "s CPU, load average" in progress.stream.getvalue()
