"""The streaming build gives exactly the graph and store of the whole-graph build (decision 0028)."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.build
import graph.stream_build
from corpus import load_corpus
from graph.extraction_cache import ExtractionCache
from graph.extractors import MODULES, all_extractors
from graph.facts import AUTOMATIC
from graph.incremental import STATE_FILE, state_of, write_state_streamed
from graph.registry import Registry
from graph.set_aside import REJECTED
from graph.store import GRAPH_FILE, STORE_DIR
from graph.stream_build import StreamValidationError, stream_graph
from gyoryu.build import BuildError, build
from runtime.progress import Progress
from runtime.settings import Settings
from tests.graph.test_set_aside import BROKEN, UNDATED
from tests.readers.helpers import document

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from generate_corpus import generate  # noqa: E402

#: One signing stated in two documents (one node, owned by one graph), restated with a year in a third.
SIGNED = document("a-news.txt", """부산광역시 국제교류 소식

부산광역시는 2015년 3월 2일 랴오닝성과 경제 및 관광 분야의 우호교류 협약을 체결했다고 밝혔다.
박가람 부산광역시장은 "랴오닝성과의 협력이 새로운 계기가 될 것"이라고 말했다.
""")
SIGNED_AGAIN = document("b-news.txt", """지방정부 국제교류 소식
2016. 4. 1.

부산광역시는 2015년 3월 2일 랴오닝성과 경제, 관광 및 체육 분야의 우호교류 협약을 체결했다고 밝혔다.
개막식에는 박가람 부산광역시장이 참석하였다.
""")
RESTATED = document("c-news.txt", """교류 소식

부산광역시는 2015년 랴오닝성과 우호교류 협약을 체결했다고 밝혔다.
""")


@pytest.fixture
def with_test_extractor(monkeypatch):
    """The broken-tenure extractor of the set-aside tests (an automatic fact that breaks a shape)."""
    monkeypatch.setattr(graph.build, "all_extractors",
                        lambda: all_extractors((*MODULES, "tests.graph.test_set_aside")))


def quads_of(store_dir: Path) -> set:
    return set(ox.Store.read_only(str(store_dir)))


def write_corpus(folder: Path, docs, titles: dict[str, str] | None = None) -> Path:
    """``docs`` as a corpus folder; ``titles`` (by file) go into ``manifest.tsv`` (``automatic``: see BROKEN). Rows
    already in the folder's manifest (a generated corpus's: titles and dates give reports their year) are kept."""
    folder.mkdir(exist_ok=True)
    for doc in docs:
        (folder / doc.id).write_text("\n".join(doc.lines) + "\n", encoding="utf-8")
    manifest = folder / "manifest.tsv"
    kept = {line.split("\t", 1)[0]: line for line in manifest.read_text(encoding="utf-8").splitlines()[1:]
            if line.strip()} if manifest.exists() else {}
    rows = [kept.get(p.name) or f"{p.name}\t{(titles or {}).get(p.name, p.stem)}\t\t\t\t"
            for p in sorted(folder.glob("*.txt"))]
    (folder / "manifest.tsv").write_text("file\ttitle_ko\ttitle_en\tpublisher\tdate\tkind\n" + "\n".join(rows) + "\n",
                                         encoding="utf-8")
    return folder


def test_streamed_graph_and_store_equal_the_whole_graph_build(tmp_path, with_test_extractor, monkeypatch):
    """Restated signings, a node owned by one of two graphs, a fact set aside, generated documents, several batches
    (merged two at a time, in passes)."""
    monkeypatch.setattr(graph.stream_build, "MERGE_FAN_IN", 2)
    generate(0.15, tmp_path / "corpus")
    corpus = write_corpus(tmp_path / "corpus", [SIGNED, SIGNED_AGAIN, RESTATED, UNDATED, BROKEN],
                          {BROKEN.id: AUTOMATIC})
    settings = replace(Settings.from_env(), stream_above=10_000)
    whole = build(corpus, tmp_path / "whole", settings, Progress(quiet=True), with_index=False)
    documents = load_corpus(corpus)
    cache = ExtractionCache(tmp_path / "spool", tmp_path / "whole" / "extraction-cache")
    (tmp_path / "streamed").mkdir()
    streamed = stream_graph(documents, None, Progress(quiet=True), cache, None, tmp_path / "streamed" / GRAPH_FILE,
                            tmp_path / "streamed" / STORE_DIR, batch_quads=1_500)
    assert len(documents) > 8 and cache.hits == len(documents)
    assert (tmp_path / "streamed" / GRAPH_FILE).read_bytes() == (tmp_path / "whole" / GRAPH_FILE).read_bytes()
    assert streamed.quads == whole.manifest["graph"]["quads"]
    assert quads_of(tmp_path / "streamed" / STORE_DIR) == quads_of(tmp_path / "whole" / STORE_DIR)
    assert dict(streamed.report.counts) == whole.manifest["graph"]["counts"]
    assert streamed.report.summaries["reconciliation"] == [
        "cn-liaoning--kr-busan--2015 restates cn-liaoning--kr-busan--2015-03-02"]
    assert [(i.doc, i.line, i.text) for i in streamed.report.of_kind(REJECTED)] == [
        ("broken.txt", 2, "tenure/test-홍길동")]
    assert streamed.set_aside == 1
    # the graph state written one summary at a time with the build's plan: the bytes of the state kept whole
    (tmp_path / "kept whole").mkdir()
    state_of(documents, cache, Registry.default(), streamed.report).write(tmp_path / "kept whole")
    write_state_streamed(documents, cache, Registry.default(), streamed.report, streamed.plan, tmp_path / "streamed")
    written = (tmp_path / "streamed" / STATE_FILE).read_bytes()
    assert written == (tmp_path / "kept whole" / STATE_FILE).read_bytes()
    state = json.loads(written)
    assert state["redirects"] and state["strips"] and state["set_aside"] and len(state["summaries"]) > 8


def test_build_stream_flag_writes_the_same_data(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", [SIGNED, SIGNED_AGAIN, RESTATED])
    settings = Settings.from_env()
    whole = build(corpus, tmp_path / "whole", replace(settings, stream_above=100), Progress(quiet=True),
                  with_index=False)
    streamed = build(corpus, tmp_path / "streamed", replace(settings, stream_above=0), Progress(quiet=True),
                     with_index=False)
    assert "extract" in streamed.manifest["timings_s"] and "validate" in streamed.manifest["timings_s"]
    assert (tmp_path / "streamed" / GRAPH_FILE).read_bytes() == (tmp_path / "whole" / GRAPH_FILE).read_bytes()
    assert streamed.manifest["graph"] == whole.manifest["graph"]
    assert quads_of(tmp_path / "streamed" / STORE_DIR) == quads_of(tmp_path / "whole" / STORE_DIR)
    # what an ingest works from: the same graph state whichever way the data was built
    assert (tmp_path / "streamed" / STATE_FILE).read_bytes() == (tmp_path / "whole" / STATE_FILE).read_bytes()


def test_a_curated_fact_breaking_a_shape_fails_the_streamed_build(tmp_path, with_test_extractor):
    corpus = write_corpus(tmp_path / "corpus", [SIGNED, BROKEN])
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "kept.txt").write_text("previous data")
    with pytest.raises(BuildError, match="tenure/test-홍길동"):
        build(corpus, tmp_path / "data", replace(Settings.from_env(), stream_above=0), Progress(quiet=True),
              with_index=False)
    assert (tmp_path / "data" / "kept.txt").read_text() == "previous data"
    with pytest.raises(StreamValidationError, match="MinCount on gy:asOf"):
        stream_graph(load_corpus(corpus), None, Progress(quiet=True), ExtractionCache(tmp_path / "spool"), None,
                     tmp_path / GRAPH_FILE, tmp_path / STORE_DIR)


def test_a_damaged_cached_piece_is_extracted_again(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", [SIGNED, SIGNED_AGAIN, RESTATED])
    settings = replace(Settings.from_env(), stream_above=0)
    build(corpus, tmp_path / "data", settings, Progress(quiet=True), with_index=False)
    first = (tmp_path / "data" / GRAPH_FILE).read_bytes()
    damaged = sorted((tmp_path / "data" / "extraction-cache").glob("*.nq"))[0]
    damaged.write_text(damaged.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    build(corpus, tmp_path / "data", settings, Progress(quiet=True), with_index=False)
    assert (tmp_path / "data" / GRAPH_FILE).read_bytes() == first


def test_runs_past_the_fan_in_are_merged_in_passes_into_the_same_file(tmp_path, monkeypatch):
    """Eleven sorted runs with lines repeated across them and lines naming a removed node: merged three at a time
    (never more files open), the same lines in the same order as one merge of all of them; the merged runs are gone."""
    import random

    rng = random.Random(5)
    quads = [f"<http://x/s{n % 37}> <http://x/p> <http://x/o{n}> <http://x/g{n % 5}> .\n" for n in range(400)]
    removed = {"http://x/s3"}
    texts = ["".join(sorted(rng.sample(quads, 60))) for _ in range(11)]

    def runs(folder: Path) -> list[Path]:
        folder.mkdir()
        for n, text in enumerate(texts):
            (folder / f"run-{n:06d}.nq").write_text(text, encoding="utf-8")
        return sorted(folder.glob("run-*.nq"))

    once = graph.stream_build._merge_runs(runs(tmp_path / "once"), tmp_path / "once.nq", removed)
    widths = []
    merge = graph.stream_build.heapq.merge
    monkeypatch.setattr(graph.stream_build.heapq, "merge", lambda *files: widths.append(len(files)) or merge(*files))
    monkeypatch.setattr(graph.stream_build, "MERGE_FAN_IN", 3)
    passes = graph.stream_build._merge_runs(runs(tmp_path / "passes"), tmp_path / "passes.nq", removed)
    expected = sorted({q for text in texts for q in text.splitlines(keepends=True)} - {
        q for q in quads if q.startswith("<http://x/s3> ")})
    assert (tmp_path / "passes.nq").read_text(encoding="utf-8") == "".join(expected)
    assert (tmp_path / "once.nq").read_bytes() == (tmp_path / "passes.nq").read_bytes()
    assert once == passes == len(expected)
    assert max(widths) == 3 and len(widths) > 4  # 11 runs -> 4 -> 2 -> the file
    assert not list((tmp_path / "passes").glob("run-*"))  # each merged group deleted as it went
