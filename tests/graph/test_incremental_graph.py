"""Incremental graph stages (decision 0030): after every step of a sequence of ingests, changes and removals, the
graph file, the store and the report equal a clean build of the resulting corpus, and only the graphs a step
touches are read, reconciled and validated again."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.facts import AUTOMATIC
from graph.incremental import STATE_FILE, STATE_INDEX_FILE, GraphState, Mentions, SummaryFile
from graph.set_aside import REJECTED
from graph.store import GRAPH_FILE, STORE_DIR
from gyoryu.build import build
from runtime.progress import Progress
from runtime.settings import Settings
from tests.graph.test_set_aside import BROKEN
from tests.graph.test_stream_build import RESTATED, SIGNED, SIGNED_AGAIN, with_test_extractor  # noqa: F401
from tests.readers.helpers import document

#: Both documents mint the same place the registry does not know; the first one (by graph IRI) describes it.
MINT_A = document("mint-a.txt", "강릉시 국제교류 소식\n\n"
                                "강릉시는 2019년 5월 24일 일본 가나하마시와 자매결연을 맺었다.\n")
MINT_B = document("mint-b.txt", "속초시 국제교류 소식\n\n"
                                "속초시는 2021년 4월 2일 일본 가나하마시와 우호교류 협약을 체결했다.\n")
SIGNED_LATER = document(SIGNED.id, "\n".join(SIGNED.lines).replace("2015년 3월 2일", "2016년 3월 2일"))
OTHER = document("other.txt", "춘천시 국제교류 소식\n\n"
                              "춘천시는 2018년 6월 1일 중국 다롄시와 우호교류 협약을 체결했다.\n")


class Steps(Progress):
    """Keeps the progress lines of the graph stages."""

    def __init__(self) -> None:
        super().__init__(quiet=True)
        self.lines: list[str] = []

    def step(self, message: str) -> None:
        self.lines.append(message)
        super().step(message)


def write_corpus(folder: Path, docs) -> Path:
    """``docs`` as a fresh corpus folder (``broken.txt`` titled ``automatic``: its test fact is automatic)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for doc in docs:
        (folder / doc.id).write_text("\n".join(doc.lines) + "\n", encoding="utf-8")
    rows = [f"{d.id}\t{AUTOMATIC if d.id == BROKEN.id else d.id}\t\t\t\t" for d in sorted(docs, key=lambda d: d.id)]
    (folder / "manifest.tsv").write_text("file\ttitle_ko\ttitle_en\tpublisher\tdate\tkind\n" + "\n".join(rows) + "\n",
                                         encoding="utf-8")
    return folder


def same_as_clean(data: Path, corpus: Path, clean: Path, settings: Settings) -> None:
    shutil.rmtree(clean, ignore_errors=True)
    built = build(corpus, clean, settings, Progress(quiet=True), with_index=False)
    assert (data / GRAPH_FILE).read_bytes() == (clean / GRAPH_FILE).read_bytes()
    assert set(ox.Store.read_only(str(data / STORE_DIR))) == set(ox.Store.read_only(str(clean / STORE_DIR)))
    assert json.loads((data / "report.json").read_text()) == json.loads((clean / "report.json").read_text())
    ours = json.loads((data / "manifest.json").read_text())["graph"]
    assert ours == built.manifest["graph"]
    # the state, written from the previous file's unchanged summaries and the new ones, is the clean build's
    assert (data / STATE_FILE).read_bytes() == (clean / STATE_FILE).read_bytes()
    assert (data / STATE_INDEX_FILE).read_bytes() == (clean / STATE_INDEX_FILE).read_bytes()


def affected(progress: Steps) -> tuple[int, int]:
    line = next(m for m in progress.lines if " graphs affected, " in m)
    words = line.split()
    return int(words[0]), int(words[2])


SEQUENCE = [
    ("restated with a year", [SIGNED, MINT_A, MINT_B, OTHER, RESTATED], 2),
    ("the same signing in a second document", [SIGNED, MINT_A, MINT_B, OTHER, RESTATED, SIGNED_AGAIN], 2),
    ("a signing's date changed", [SIGNED_LATER, MINT_A, MINT_B, OTHER, RESTATED, SIGNED_AGAIN], 3),
    ("the document that minted a region removed", [SIGNED_LATER, MINT_B, OTHER, RESTATED, SIGNED_AGAIN], 1),
    ("an automatic fact set aside", [SIGNED_LATER, MINT_B, OTHER, RESTATED, SIGNED_AGAIN, BROKEN], 1),
    ("the restated and the broken documents removed", [MINT_B, OTHER, RESTATED, SIGNED_AGAIN], 2),
    ("the minting document back", [MINT_A, MINT_B, OTHER, RESTATED, SIGNED_AGAIN], 2),
]


@pytest.mark.parametrize("stream_above", [10_000, 0], ids=["whole-graph build", "streaming build"])
def test_every_step_equals_a_clean_build_and_touches_only_its_graphs(tmp_path, with_test_extractor,  # noqa: F811
                                                                     stream_above):
    """From data of the whole-graph build and of the streaming build (every build streams at 0 documents: the
    first, then each clean build compared with; the ingests and removals stay incremental either way)."""
    settings = replace(Settings.from_env(), stream_above=stream_above)
    data = tmp_path / "data"
    first = Steps()
    build(write_corpus(tmp_path / "corpus", [SIGNED, MINT_A, MINT_B, OTHER]), data, settings, first,
          with_index=False)
    assert any(m.startswith("streaming 4 documents") for m in first.lines) == (stream_above == 0)
    assert (data / STATE_FILE).is_file()
    for what, docs, most in SEQUENCE:
        corpus = write_corpus(tmp_path / "corpus", docs)
        progress = Steps()
        build(corpus, data, settings, progress, with_index=False, incremental=True)
        touched, total = affected(progress)
        assert touched <= most and total == len(docs) + 2, what  # the registry and vocabulary graphs
        same_as_clean(data, corpus, tmp_path / "clean", settings)
        report = json.loads((data / "report.json").read_text())
        rejected = [(i["doc"], i["text"]) for i in report["issues"] if i["kind"] == REJECTED]
        assert rejected == ([(BROKEN.id, "tenure/test-홍길동")] if BROKEN in docs else []), what


def test_the_state_is_read_summary_by_summary_from_its_index(tmp_path, with_test_extractor):  # noqa: F811
    """With its index the state's fields are read from their spans and each summary is parsed when asked for; the
    values are those of the file read whole."""
    data = tmp_path / "data"
    build(write_corpus(tmp_path / "corpus", [SIGNED, MINT_A, MINT_B, RESTATED]), data, Settings.from_env(),
          Progress(quiet=True), with_index=False)
    whole = json.loads((data / STATE_FILE).read_text())
    state = GraphState.read(data)
    assert isinstance(state.summaries, SummaryFile) and len(state.summaries) == len(whole["summaries"]) == 6
    assert {g: state.summaries[g] for g in state.summaries} == whole["summaries"]
    assert (state.version, state.documents, state.redirects, state.strips, state.set_aside) == (
        whole["version"], whole["documents"], whole["redirects"], whole["strips"], whole["set_aside"])
    assert state.redirects  # the restated signing
    state.close()


@pytest.mark.parametrize("damage", ["no index", "index of another file"])
def test_a_state_without_a_matching_index_is_indexed_in_one_pass(tmp_path, with_test_extractor,  # noqa: F811
                                                                  damage):
    """The upgrade path: a state written before its index (or whose index is not its file's) is indexed by one
    pass over the file — the spans its index would give — and the ingest writes it with its index; the result
    is a clean build's. A file that is not such a state is no state (the next build is a whole one)."""
    settings = Settings.from_env()
    data = tmp_path / "data"
    build(write_corpus(tmp_path / "corpus", [SIGNED, MINT_A, OTHER]), data, settings, Progress(quiet=True),
          with_index=False)
    index = json.loads((data / STATE_INDEX_FILE).read_text())
    if damage == "no index":
        (data / STATE_INDEX_FILE).unlink()
        shift = 0
    else:  # the same JSON with white space around: the index no longer matches its size
        (data / STATE_FILE).write_bytes(b" \n" + (data / STATE_FILE).read_bytes() + b"\n")
        shift = 2
    state = GraphState.read(data)
    assert isinstance(state.summaries, SummaryFile) and len(state.summaries) == 5
    assert {g: [o - shift, n] for g, (o, n) in state.summaries.spans.items()} == index["summaries"]
    state.close()
    corpus = write_corpus(tmp_path / "corpus", [SIGNED, MINT_A, MINT_B, OTHER])
    build(corpus, data, settings, Steps(), with_index=False, incremental=True)
    same_as_clean(data, corpus, tmp_path / "clean", settings)
    for broken in (b"", b"[1, 2]", (data / STATE_FILE).read_bytes()[:-40]):
        (data / STATE_INDEX_FILE).unlink(missing_ok=True)
        (data / STATE_FILE).write_bytes(broken)
        assert GraphState.read(data) is None


def test_mentions_keep_a_graph_alone_as_its_iri():
    mentions = Mentions()
    for node, graph in [("n", "g1"), ("n", "g1"), ("o", "g1"), ("o", "g2"), ("o", "g3"), ("o", "g2")]:
        mentions.add(node, graph)
    assert dict(mentions) == {"n": {"g1"}, "o": {"g1", "g2", "g3"}} and "p" not in mentions
    assert mentions.get("p", set()) == set() and mentions._by["n"] == "g1"
    mentions["o"].add("g4")  # a copy: the mentions never change through what they give
    assert mentions["o"] == {"g1", "g2", "g3"}
