"""Past the streaming threshold the index is built chunk by chunk from the store (decision 0042): the same files."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

import index.stream_index
from gyoryu.build import build
from index.latent_terms import LATENT_IDS, LATENT_KEYS, LATENT_WEIGHTS
from index.term_counts import TermCounts
from index.vector_file import RowsFile
from runtime.progress import Progress
from runtime.settings import Settings
from tests.graph.test_stream_build import RESTATED, SIGNED, SIGNED_AGAIN, write_corpus

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from generate_corpus import generate  # noqa: E402

#: Manifest entries only the streamed index has, or that are timings.
#: How the build ran, not what it built: left out when the two manifests are compared.
HOW_BUILT = {"stream", "line_faiss", "seconds", "early_line_vectors", "line_process_cpu_s", "line_process_before_stage"}


def test_streamed_index_writes_the_files_of_the_whole_index(tmp_path, monkeypatch):
    """Generated documents and a signing restated by three, cut into chunks of two documents: every index file
    (passages, vectors, line vectors, FAISS, BM25, term counts, profiles, reuse keys) is byte for byte the same."""
    generate(0.05, tmp_path / "corpus")
    corpus = write_corpus(tmp_path / "corpus", [SIGNED, SIGNED_AGAIN, RESTATED])
    monkeypatch.setattr(index.stream_index, "CHUNK_DOCUMENTS", 2)
    for name, above in (("whole", 10_000), ("streamed", 0)):  # a streamed index has no latent terms (decision 0084)
        build(corpus, tmp_path / name, replace(Settings.from_env(), stream_above=above), Progress(quiet=True))
    whole, streamed = tmp_path / "whole" / "index", tmp_path / "streamed" / "index"
    latent = {LATENT_IDS, LATENT_WEIGHTS, LATENT_KEYS}
    assert latent <= {p.name for p in whole.iterdir()} and not latent & {p.name for p in streamed.iterdir()}
    files = sorted(p.relative_to(whole) for p in whole.rglob("*")
                   if p.is_file() and p.name != "manifest.json" and p.name not in latent)
    assert sorted(p.relative_to(streamed) for p in streamed.rglob("*") if p.is_file() and p.name != "manifest.json") \
        == files
    assert [f for f in files if (whole / f).read_bytes() != (streamed / f).read_bytes()] == []
    manifests = [json.loads((folder / "manifest.json").read_text()) for folder in (whole, streamed)]
    assert manifests[1]["stream"]["chunk_documents"] == 2
    assert {k: v for k, v in manifests[0].items() if k not in HOW_BUILT} == \
        {k: v for k, v in manifests[1].items() if k not in HOW_BUILT}
    assert manifests[0]["passages"] > 100 and manifests[1]["faiss"] == "IndexFlatIP"
    assert "stream" not in manifests[0]


def test_rows_file_is_an_npy_of_every_row(tmp_path):
    with RowsFile(tmp_path / "v.npy", 3) as rows:
        rows.append(np.arange(6, dtype=np.float32).reshape(2, 3))
        rows.append(np.zeros((0, 3), dtype=np.float32))
        rows.append(np.full((1, 3), 7, dtype=np.float32))
    assert np.load(tmp_path / "v.npy").tolist() == [[0, 1, 2], [3, 4, 5], [7, 7, 7]]
    assert np.load(tmp_path / "v.npy", mmap_mode="r").shape == (3, 3)


def test_stacked_term_counts_equal_one_assembly():
    tokens = [["관광", "강릉"], [], ["관광", "관광", "속초"], ["강릉"]]
    keys = ["a", "b", "c", "d"]
    whole = TermCounts.from_tokens(tokens, keys)
    parts = TermCounts.stacked([TermCounts.from_tokens(tokens[a:b], keys[a:b]) for a, b in ((0, 1), (1, 3), (3, 4))])
    assert (parts.vocab, parts.keys) == (whole.vocab, whole.keys)
    for name in ("indptr", "indices", "counts"):
        assert getattr(parts, name).tolist() == getattr(whole, name).tolist()
    assert parts.vocab == ["", "강릉", "관광", "속초"]


def test_fact_spool_gives_each_documents_passages_back_in_any_order(tmp_path):
    """The first pass spools each document's fact passages; the second takes them in document id order."""
    from index.entity_links import EntityRef, PassageLinks
    from index.passages import Passage
    from index.stream_index import _FactSpool

    made = {doc: ([Passage(doc=doc, line_start=n, line_end=n + 1, text=f"{doc} 줄 {n}", title=doc, summary="요약",
                           summary_en="summary", method="automatic", confidence=0.5) for n in range(3)],
                  [PassageLinks((EntityRef(f"https://example.org/{doc}", "강릉시", "Region"),), ())] * 3)
            for doc in ("c.txt", "a.txt", "b.txt")}
    spool = _FactSpool(tmp_path)
    for doc, (passages, links) in made.items():
        spool.put(doc, passages, links)
    spool.end_of_writes()
    assert [spool.take(doc) for doc in sorted(made)] == [made[doc] for doc in sorted(made)]
    spool.close()
    assert list(tmp_path.iterdir()) == []  # the spool leaves no file behind
