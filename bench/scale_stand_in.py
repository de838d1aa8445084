"""The scale study end to end at 100× and 1000×: the real build over stand-in extractions and stand-in vectors.

At those sizes extraction (about 0.7 s of CPU a document) and the passage model (0.1 s a passage) would take
hours to days here, so — as issue 13 asks — the indexes are built from stand-ins and everything else runs for
real, in one ``gyoryu build`` (its streaming path) in a child process:

1. the corpus is generated (``bench/generate_corpus.py``);
2. ``SAMPLE_PER_SHAPE`` documents of each shape are extracted for real (CPU per document measured); every
   document's extraction cache entry is then a **stand-in piece**: the extraction of a sample document of its
   shape renamed to it (:func:`scale_projection.renamed`), written where ``gyoryu build`` looks for the previous
   build's extraction cache, so no document is extracted again;
3. the build streams the graph into ``graph.nq`` and the on-disk store (SHACL skipped for the copies: measured
   per quad on the sample instead), cuts the documents and fact nodes into passages, embeds them with
   **stand-in vectors** (noisy copies of real passage vectors, cosine about 0.9 to them, so FAISS sees clustered
   data), builds FAISS (the type :mod:`index.dense` picks for the size), BM25 and the partner profiles;
4. on the built data: search per mode in-process (the real query embedding), the README SPARQL mix on the
   on-disk store, FAISS recall@10 of the built index against exact search (chunk by chunk).

Usage (from ``bench/scale.py --end-to-end-up-to``, or alone):
``python bench/scale_stand_in.py SCALE WORKDIR SEEDS_DATA`` prints the row as JSON.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale_projection as projection  # noqa: E402

from runtime.settings import Settings  # noqa: E402

_SEEDS_ENV = "GYORYU_STAND_IN_SEEDS"
#: Set in the build child's environment when passage term counts come from :func:`stand_in_tokens`.
_STAND_IN_TOKENS_ENV = "GYORYU_STAND_IN_TOKENS"
#: Set in the build child's environment to delete the stand-in pieces after the graph stages (disk at 1000×).
_DROP_CACHE_ENV = "GYORYU_STAND_IN_DROP_CACHE"
#: Largest scale tokenised by the real Kiwi over every passage; above it Kiwi runs once per distinct word.
REAL_KIWI_UP_TO = 100
#: Smallest scale whose stand-in pieces are deleted once the graph stages have read them (16 GB at 1000×).
DROP_PIECES_FROM = 1000
KIWI_SAMPLE = 400
KIWI_STRIDE = 97


def stand_in_embedder(seeds: np.ndarray):
    """An :class:`index.embedder.Embedder` whose passage vectors are noisy copies of ``seeds`` (no weights loaded),
    each chosen by its text, so the same text gets the same vector in every chunk and worker."""
    from index.embedder import Embedder

    class StandInVectors(Embedder):
        @classmethod
        def load(cls, settings: Settings, *, lazy: bool = True) -> Embedder:
            return super().load(settings, lazy=True)

        def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
            out = np.empty((len(texts), self.dim), dtype=np.float32)
            for n, text in enumerate(texts):
                start = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=6).digest(), "big")
                out[n] = projection.stand_in_vectors(seeds, start, 1)[0]
            return out

    return StandInVectors


def stand_in_tokens() -> None:
    """Passage term counts from Kiwi run once per distinct whitespace word (remembered) instead of once per passage
    text: the same kinds and number of terms at a fraction of the cost (the generated corpus has about 90,000
    distinct words at 100×); morphemes that depend on the words around them may differ. Kiwi's real cost per
    passage is measured on a sample of the built passages (:func:`kiwi_per_passage`) and multiplied out."""
    from functools import lru_cache

    from index.korean import KoreanTokenizer, join_spaced_syllables, kiwi

    @lru_cache(maxsize=1 << 20)
    def word_tokens(word: str) -> tuple[str, ...]:
        return tuple(KoreanTokenizer._from_morphemes(kiwi().tokenize(word)))

    def batch(self, texts) -> list[list[str]]:
        return [[t for word in join_spaced_syllables(text).split() for t in word_tokens(word)] for text in texts]

    KoreanTokenizer.batch = batch


def kiwi_per_passage(data: Path, sample: int = KIWI_SAMPLE) -> float:
    """Kiwi's CPU seconds per passage (the real ``KoreanTokenizer.batch``) on every n-th built passage."""
    from index.artifacts import PASSAGES
    from index.korean import KoreanTokenizer, kiwi
    from index.passages import Passage

    fields = set(Passage.__dataclass_fields__)
    texts = []
    with open(data / "index" / PASSAGES, encoding="utf-8") as rows:
        for n, line in enumerate(rows):
            if n % KIWI_STRIDE == 0:
                texts.append(Passage.from_json({k: v for k, v in json.loads(line).items() if k in fields}).lexical_text)
            if len(texts) >= sample:
                break
    kiwi().tokenize("준비")
    started = time.process_time()
    KoreanTokenizer().batch(texts)
    return (time.process_time() - started) / len(texts)


def cpu_progress(before: dict | None = None):
    """A :class:`runtime.progress.Progress` that also prints each stage's CPU seconds (``cpu_timings``) as it ends;
    ``before`` maps a stage's name to a callable run as the stage starts."""
    from runtime.progress import Progress

    class CpuProgress(Progress):
        @contextmanager
        def stage(self, name: str) -> Iterator[None]:
            if before and name in before:
                before[name]()
            with super().stage(name):
                yield
            print(f"[{name}] {round(self.cpu_timings[name], 1)} s CPU, load average {os.getloadavg()[0]:.1f}",
                  file=self.stream, flush=True)

    return CpuProgress()


def drop_extraction_caches(data: Path) -> None:
    """Delete the stand-in pieces once the graph stages have read them (the previous data's and the build's own
    hard links to them), printing their size: at 1000× they are some 16 GB the index stages never read."""
    from scale import size_mb

    from graph.extraction_cache import CACHE_DIR

    folders = [data / CACHE_DIR, *data.parent.glob(f".{data.name}.building-*/{CACHE_DIR}")]
    mb = max(size_mb(folder) for folder in folders if folder.is_dir())
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"[stand-in pieces] {mb:.0f} MB deleted after the graph stages", file=sys.stderr, flush=True)


def build_child(corpus: Path, data: Path, seeds_file: Path) -> None:
    """In the child: ``gyoryu build`` on its streaming path, extraction cache of stand-in pieces, stand-in vectors;
    progress on stderr, CPU seconds per stage into ``DATA.cpu.json`` beside the data."""
    import graph.stream_build
    import index.build
    from gyoryu.build import build

    graph.stream_build.stream_graph = partial(graph.stream_build.stream_graph, validate=False)
    import index.stream_index

    index.build.Embedder = index.stream_index.Embedder = stand_in_embedder(np.load(seeds_file).astype(np.float32))
    if os.environ.get(_STAND_IN_TOKENS_ENV) == "1":
        stand_in_tokens()
    before = {}
    if os.environ.get(_DROP_CACHE_ENV) == "1":
        before["copy corpus"] = partial(drop_extraction_caches, data)
    progress = cpu_progress(before)
    build(corpus, data, replace(Settings.from_env(), stream_above=0), progress)
    cpu = {name: round(seconds, 1) for name, seconds in progress.cpu_timings.items()}
    (data.parent / f"{data.name}.cpu.json").write_text(json.dumps(cpu))


def run_build(corpus: Path, data: Path, seeds_file: Path, real_kiwi: bool, drop_pieces: bool = False) -> dict:
    """:func:`build_child` in a child process: stage timings, wall and CPU seconds, peak resident MB; with
    ``drop_pieces`` the stand-in pieces are deleted after the graph stages (:func:`drop_extraction_caches`)."""
    load_before = os.getloadavg()
    started = time.perf_counter()
    with open(data.parent / f"{data.name}.stderr", "w+b") as err:
        child = subprocess.Popen([sys.executable, __file__, "--build-child", str(corpus), str(data), str(seeds_file)],
                                 env={**os.environ, "PYTHONPATH": str(ROOT),
                                      _STAND_IN_TOKENS_ENV: "0" if real_kiwi else "1",
                                      _DROP_CACHE_ENV: "1" if drop_pieces else "0"}, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        if status:
            err.seek(0)
            raise SystemExit(f"build failed: {err.read().decode()[-3000:]}")
    manifest = json.loads((data / "manifest.json").read_text())
    return {"timings_s": manifest["timings_s"],
            "cpu_stages_s": json.loads((data.parent / f"{data.name}.cpu.json").read_text()), "build_s": round(wall, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024),
            "load_average_before": [round(x, 1) for x in load_before],
            "load_average_after": [round(x, 1) for x in os.getloadavg()],
            "quads": manifest["graph"]["quads"], "passages": manifest["index"]["passages"],
            "faiss": manifest["index"]["faiss"]}


def built_recall(data: Path, seeds: np.ndarray, queries: int = projection.RECALL_QUERIES) -> tuple[float, float]:
    """Recall@10 and p50 ms of the built FAISS index against exact search over the built vectors."""
    import faiss

    from index import artifacts
    from index.dense import load_faiss, refined

    vectors = np.load(data / "index" / artifacts.EMBEDDINGS, mmap_mode="r")
    index = refined(load_faiss(data / "index" / artifacts.FAISS), vectors)  # as a search process serves it
    asked = projection.stand_in_vectors(seeds, len(vectors) + 1, queries, seed=7)
    exact = faiss.IndexFlatIP(vectors.shape[1])
    best_scores, best_ids = [], []
    for start in range(0, len(vectors), 200_000):
        exact.reset()
        exact.add(np.ascontiguousarray(vectors[start:start + 200_000]))
        scores, ids = exact.search(asked, 10)
        best_scores.append(scores)
        best_ids.append(ids + start)
    scores, ids = np.concatenate(best_scores, axis=1), np.concatenate(best_ids, axis=1)
    truth = np.take_along_axis(ids, np.argsort(-scores, axis=1)[:, :10], axis=1)
    return projection.recall_and_ms(index, asked, truth)


def query_child(data: Path, seeds_file: Path) -> None:
    """In a child: search and SPARQL latency (``scale.query_figures``) and FAISS recall on the built data, as JSON."""
    from scale import query_figures

    figures = query_figures(data)  # first, so that its peak is the search engine's alone
    recall, faiss_ms = built_recall(data, np.load(seeds_file).astype(np.float32))
    print(json.dumps({**figures, "faiss_recall10": round(recall, 3), "faiss_ms": round(faiss_ms, 2)}))


def run_queries(data: Path, seeds_file: Path) -> dict:
    """:func:`query_child` in a child process, with its peak resident MB (the search engine loaded at this size)."""
    with open(data.parent / f"{data.name}.queries.stderr", "w+b") as err:
        child = subprocess.Popen([sys.executable, __file__, "--query-child", str(data), str(seeds_file)],
                                 env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=err)
        out = child.stdout.read().decode()
        _, status, usage = os.wait4(child.pid, 0)
        if status:
            err.seek(0)
            raise SystemExit(f"queries failed: {err.read().decode()[-3000:]}")
    return {**json.loads(out.strip().splitlines()[-1]), "query_peak_rss_mb": round(usage.ru_maxrss / 1024)}


def profile_fact_texts(data: Path) -> int:
    """How many profiles' facts written out as text the build embedded (with stand-in vectors here; the model's
    cost is extrapolated over them as over the passages)."""
    from index.artifacts import PROFILES
    from index.profiles import embeds_facts

    return sum(1 for p in json.loads((data / "index" / PROFILES).read_text(encoding="utf-8")) if embeds_facts(p))


def index_files_mb(data: Path) -> dict:
    """Sizes of the index's large files, in MB."""
    from scale import size_mb

    folder = data / "index"
    names = {"passages": "passages.jsonl", "vectors": "embeddings.npy", "faiss": "passages.faiss",
             "line_vectors": "line_vectors.npy", "line_faiss": "lines.faiss", "bm25": "bm25",
             "term_counts": "term_counts.npz"}
    return {name: round(size_mb(folder / file), 1) for name, file in names.items() if (folder / file).exists()}


def end_to_end(scale: float, workdir: Path, seeds_data: Path) -> dict:
    """Generate, build from stand-ins and query one scale; the row (every figure measured on this run)."""
    from generate_corpus import generate
    from scale import size_mb

    from corpus import load_corpus
    from graph.extraction_cache import CACHE_DIR
    from graph.store import GRAPH_FILE, STORE_DIR

    corpus, data = workdir / f"corpus-{scale:g}", workdir / f"data-{scale:g}"
    counts = generate(scale, corpus)
    documents = load_corpus(corpus)
    sample = projection.sample_documents(documents)
    pieces, extract_cpu = projection.extract_sample(sample)
    validate_cpu = projection.validation_cpu_per_quad(sample, pieces, workdir / f"validate-{scale:g}")
    stand_in_quads = projection.write_stand_in_pieces(documents, pieces, data / CACHE_DIR)
    del documents
    seeds_file = workdir / "seed-vectors.npy"
    seeds = np.load(seeds_data / "index" / "embeddings.npy").astype(np.float32)
    np.save(seeds_file, seeds)
    print(f"{time.strftime('%H:%M:%S')} {scale:g}×: corpus and stand-in pieces ready, building", file=sys.stderr,
          flush=True)
    real_kiwi = scale <= REAL_KIWI_UP_TO
    built = run_build(corpus, data, seeds_file, real_kiwi, drop_pieces=scale >= DROP_PIECES_FROM)
    print(f"{time.strftime('%H:%M:%S')} {scale:g}×: built, querying", file=sys.stderr, flush=True)
    manifest = json.loads((data / "manifest.json").read_text())
    kiwi_s = kiwi_per_passage(data)
    row = {"scale": scale, "stand_in": True, **counts, **built, "sample_documents": len(sample),
           "extract_cpu_s_per_document": round(extract_cpu, 3), "validate_cpu_s_per_quad": round(validate_cpu, 6),
           "kiwi_cpu_s_per_passage": round(kiwi_s, 5), "kiwi": "real" if real_kiwi else "once per distinct word",
           "stand_in_piece_quads": stand_in_quads,
           "seed_vectors": len(seeds), "line_vectors": manifest["index"].get("line_vectors"),
           "line_faiss": manifest["index"].get("line_faiss"), "index_stream": manifest["index"].get("stream"),
           "graph_mb": round(size_mb(data / GRAPH_FILE), 1), "store_mb": round(size_mb(data / STORE_DIR), 1),
           "index_mb": round(size_mb(data / "index"), 1), "index_files_mb": index_files_mb(data),
           **run_queries(data, seeds_file)}
    row["profile_fact_texts"] = profile_fact_texts(data)
    row["extrapolated_cpu_s"] = {"extraction": round(extract_cpu * row["documents"]),
                                 "SHACL": round(validate_cpu * row["quads"]),
                                 "model": round(row["embed_s_per_passage"] * (row["passages"] + row["line_vectors"]
                                                                             + row["profile_fact_texts"]))}
    if not real_kiwi:
        row["extrapolated_cpu_s"]["kiwi (over the stand-in tokens)"] = round(kiwi_s * row["passages"])
    return row


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--build-child":
        build_child(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "--query-child":
        query_child(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    if len(sys.argv) == 4:
        print(json.dumps(end_to_end(float(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])), ensure_ascii=False))
        return 0
    raise SystemExit("usage: bench/scale_stand_in.py SCALE WORKDIR SEEDS_DATA")


if __name__ == "__main__":
    raise SystemExit(main())
