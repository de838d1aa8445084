"""Scale study at sizes this machine cannot build in minutes (100×, 1000×): what is measured, what extrapolated.

``bench/scale.py`` runs the real build (stand-in passage vectors only) up to 10×. At 100× and more a real
build takes hours here (0.7 s of CPU a document for extraction alone: 1.4 h at 100×, 14 h at 1000×), so for
those sizes this module measures per unit on a sample and builds the size-dependent parts from stand-ins:

- **generated for real**: the corpus (``bench/generate_corpus.py``), so documents and characters are exact;
- **measured on a sample, extrapolated** (``SAMPLE_PER_SHAPE`` documents of each shape): extraction CPU per
  document, SHACL validation CPU per quad (the sample streamed with and without validation), BM25 tokenising
  per passage, the passage model per passage; passages per character come from the largest real build;
- **built at full size from stand-ins, then measured**: the graph and the store, through the streaming build
  (:mod:`graph.stream_build`) over **stand-in pieces** — every document's extraction is the sample's
  extraction of a document of the same shape, renamed to it (its graph, spans and fact nodes get the
  document's name; regions, people and posts stay shared), so quads per document and their shapes are
  those of real extraction, not the document's own facts; SHACL is skipped for these copies (its cost is
  the sample's per quad). Build CPU, wall, peak memory, sizes and the README SPARQL mix are measured on it;
  at 1000× (about 55 M quads, some 50 GB of store and graph files) it is not built: those figures are
  extrapolated linearly from the streamed 10× and 100× builds;
- **the FAISS index at full size**: stand-in vectors, noisy copies of real passage vectors (cosine about
  0.9 to their original), the index type :mod:`index.dense` picks for that count, its build time, size,
  search time and recall@10 against exact search (computed chunk by chunk).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE_PER_SHAPE = 6
RECALL_QUERIES = 200
#: Re-ranking factors whose recall an inverted-file row reports (1: the codes alone).
REFINE_FACTORS = (1, 2, 4, 8, 16)
NOISE = 0.5  # norm of the Gaussian noise added to a unit vector: cosine about 0.9 to it
_ID = "https://w3id.org/gyoryu/id/"
_SHARED = ("region", "country", "organization", "person", "post", "field-area", "subcommittee", "graph", "doc",
           "source")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DAY = re.compile(r'"(\d{4}-\d{2}-\d{2})"\^\^<' + re.escape(_XSD) + "date>")
_MONTH = re.compile(r'"(\d{4})-(\d{2})"\^\^<' + re.escape(_XSD) + "gYearMonth>")
_YEAR = re.compile(r'"(\d{4})"\^\^<' + re.escape(_XSD) + "gYear>")
_FACT_IRI = re.compile(r"<" + re.escape(_ID) + r"([a-z-]+)/([^>]*)>")


def shape_of(doc_id: str) -> str:
    return doc_id.rsplit("_", 1)[-1].split(".")[0]


def sample_documents(documents: list, per_shape: int = SAMPLE_PER_SHAPE) -> list:
    """Evenly spaced documents of each shape (``g000123_news.txt`` → ``news``)."""
    by_shape = defaultdict(list)
    for doc in documents:
        by_shape[shape_of(doc.id)].append(doc)
    out = []
    for docs in by_shape.values():
        step = max(1, len(docs) // per_shape)
        out += docs[::step][:per_shape]
    return sorted(out, key=lambda d: d.id)


def extract_sample(sample: list) -> tuple[dict, float]:
    """Each sample document's extraction (N-Quads text, report dict) and the mean CPU seconds per document."""
    from dataclasses import asdict

    from graph.build import extract_piece

    pieces, cpu = {}, 0.0
    for doc in sample:
        started = time.process_time()
        piece, _ = extract_piece(doc)
        cpu += time.process_time() - started
        report = {"issues": [asdict(i) for i in piece.report.issues], "summaries": piece.report.summaries}
        pieces[doc.id] = (piece.dataset.serialize(format="nquads"), report)
    return pieces, cpu / len(sample)


def renamed(text: str, source_id: str, target_id: str, copy: int) -> str:
    """A sample document's N-Quads as the extraction of ``target_id``, its ``copy``-th copy: its graph, document,
    spans and fact nodes take the target's name, and its dates move by ``copy`` days, months or years (as
    precise as stated), so copies do not restate each other's signings; registry entities, minted regions,
    people and posts stay shared."""
    source_stem, target_stem = source_id.rsplit(".", 1)[0], target_id.rsplit(".", 1)[0]
    text = text.replace(source_stem, target_stem)

    def rename(m: re.Match) -> str:
        kind, rest = m.group(1), m.group(2)
        return m.group(0) if kind in _SHARED else f"<{_ID}{kind}/{rest}--{target_stem}>"

    def day(m: re.Match) -> str:
        return f'"{(date.fromisoformat(m.group(1)) + timedelta(days=copy)).isoformat()}"^^<{_XSD}date>'

    def month(m: re.Match) -> str:
        months = int(m.group(1)) * 12 + int(m.group(2)) - 1 + copy
        return f'"{months // 12:04d}-{months % 12 + 1:02d}"^^<{_XSD}gYearMonth>'

    def year(m: re.Match) -> str:
        return f'"{int(m.group(1)) + copy:04d}"^^<{_XSD}gYear>'

    text = _DAY.sub(day, text)
    text = _MONTH.sub(month, text)
    return _FACT_IRI.sub(rename, _YEAR.sub(year, text))


def write_stand_in_pieces(documents: list, pieces: dict, cache_dir: Path) -> int:
    """Put a stand-in piece for every document into an extraction cache folder; the quads written."""
    from graph.extraction_cache import document_key

    by_shape = defaultdict(list)
    for doc_id in sorted(pieces):
        by_shape[shape_of(doc_id)].append(doc_id)
    cache_dir.mkdir(parents=True, exist_ok=True)
    quads = 0
    for n, doc in enumerate(documents):
        options = by_shape[shape_of(doc.id)]
        source = doc.id if doc.id in pieces else options[n % len(options)]
        text, report = pieces[source]
        text = renamed(text, source, doc.id, n // len(options) + 1) if source != doc.id else text
        key = document_key(doc)
        (cache_dir / f"{key}.nq").write_text(text, encoding="utf-8")
        report = json.loads(json.dumps(report, ensure_ascii=False).replace(source, doc.id))
        (cache_dir / f"{key}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        quads += text.count("\n")
    return quads


def stream_child(corpus: Path, cache_dir: Path, out: Path, validate: bool) -> None:
    """In a child process: the streaming build of ``corpus`` from the pieces in ``cache_dir`` (none extracted)."""
    from corpus import load_corpus
    from graph.extraction_cache import ExtractionCache
    from graph.store import GRAPH_FILE, STORE_DIR
    from graph.stream_build import stream_graph
    from runtime.progress import Progress

    documents = load_corpus(corpus)
    out.mkdir(parents=True, exist_ok=True)
    progress = Progress(quiet=True)
    result = stream_graph(documents, None, progress, ExtractionCache(out / "spool", cache_dir), None,
                          out / GRAPH_FILE, out / STORE_DIR, validate=validate)
    (out / "streamed.json").write_text(json.dumps({"quads": result.quads, "stored": result.stored,
                                                   "timings_s": progress.timings,
                                                   "extracted": 0}), encoding="utf-8")


def streamed_build(corpus: Path, cache_dir: Path, out: Path, validate: bool = False) -> dict:
    """Run :func:`stream_child` in a child process: its figures, CPU seconds, wall seconds and peak RSS (MB)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, "--stream-child", str(corpus), str(cache_dir), str(out),
                              "1" if validate else "0"], env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"streamed build failed: {child.stderr.read().decode()[-3000:]}")
    figures = json.loads((out / "streamed.json").read_text())
    return {**figures, "wall_s": round(time.perf_counter() - started, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def validation_cpu_per_quad(sample: list, pieces: dict, workdir: Path) -> float:
    """SHACL CPU seconds per quad: the sample streamed in this process with and without validation."""
    from graph.extraction_cache import ExtractionCache
    from graph.stream_build import stream_graph
    from runtime.progress import Progress

    cache_dir = workdir / "sample-pieces"
    write_stand_in_pieces(sample, pieces, cache_dir)
    cpu = {}
    for validate in (False, True):
        out = workdir / f"sample-{validate}"
        out.mkdir(parents=True, exist_ok=True)
        started = time.process_time()
        result = stream_graph(sample, None, Progress(quiet=True), ExtractionCache(out / "spool", cache_dir), None,
                              out / "graph.nq", out / "graph.oxigraph", validate=validate)
        cpu[validate] = time.process_time() - started
    return max(0.0, cpu[True] - cpu[False]) / result.quads


def stand_in_vectors(seeds: np.ndarray, start: int, count: int, seed: int = 13) -> np.ndarray:
    """Rows ``start..start+count`` of the stand-in vectors: noisy copies of real vectors, L2-normalised."""
    rng = np.random.default_rng([seed, start])
    picks = seeds[rng.integers(0, len(seeds), count)]
    noise = rng.standard_normal(picks.shape).astype(np.float32)
    noise *= NOISE / np.linalg.norm(noise, axis=1, keepdims=True)
    vectors = picks + noise
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def faiss_study(count: int, seeds: np.ndarray, workdir: Path, chunk: int = 200_000) -> dict:
    """The index :mod:`index.dense` picks for ``count`` stand-in vectors: kind, build s, MB, recall@10, search ms."""
    import faiss

    from index.dense import Refined, build_faiss, index_kind, refined, save_faiss

    path = workdir / f"vectors-{count}.npy"
    vectors = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(count, seeds.shape[1]))
    for start in range(0, count, chunk):
        vectors[start:start + chunk] = stand_in_vectors(seeds, start, min(chunk, count - start))
    vectors.flush()
    vectors = np.load(path, mmap_mode="r")
    started, cpu = time.perf_counter(), time.process_time()
    index = build_faiss(vectors)
    build_s, build_cpu = time.perf_counter() - started, time.process_time() - cpu
    save_faiss(index, workdir / "index.faiss")
    queries = stand_in_vectors(seeds, count + 1, RECALL_QUERIES, seed=7)
    best = np.full((RECALL_QUERIES, 10), -np.inf, dtype=np.float32)
    best_ids = np.zeros((RECALL_QUERIES, 10), dtype=np.int64)
    for start in range(0, count, chunk):  # exact top 10, chunk by chunk
        exact = faiss.IndexFlatIP(seeds.shape[1])
        exact.add(np.ascontiguousarray(vectors[start:start + chunk]))
        scores, ids = exact.search(queries, 10)
        merged_scores = np.concatenate([best, scores], axis=1)
        merged_ids = np.concatenate([best_ids, ids + start], axis=1)
        order = np.argsort(-merged_scores, axis=1)[:, :10]
        best = np.take_along_axis(merged_scores, order, axis=1)
        best_ids = np.take_along_axis(merged_ids, order, axis=1)
    served = refined(index, vectors)  # as a search process serves it
    recall, search_ms = recall_and_ms(served, queries, best_ids)
    by_factor = {}
    if isinstance(served, Refined):  # recall and p50 ms (CPU ms a search beside) by the re-ranking factor
        for factor in REFINE_FACTORS:
            cpu = time.process_time()
            found, ms = recall_and_ms(Refined(index, vectors, factor) if factor > 1 else index, queries, best_ids)
            by_factor[factor] = {"recall10": round(found, 3), "ms": round(ms, 2),
                                 "cpu_ms": round((time.process_time() - cpu) * 1000 / len(queries), 2)}
    size, kind = (workdir / "index.faiss").stat().st_size / 1e6, index_kind(served)
    del vectors, served
    path.unlink()
    (workdir / "index.faiss").unlink()
    return {"faiss": kind, "faiss_build_s": round(build_s, 1), "faiss_build_cpu_s": round(build_cpu, 1),
            "faiss_mb": round(size, 1), "faiss_recall10": round(recall, 3), "faiss_ms": round(search_ms, 2),
            **({"refine": by_factor} if by_factor else {})}


def recall_and_ms(index, queries: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """Recall@10 of ``index`` against the exact top 10 ``truth`` of ``queries``, and its p50 search ms."""
    from index.dense import search_faiss

    hits, took = 0, []
    for q, want in zip(queries, truth, strict=True):
        started = time.perf_counter()
        ids, _ = search_faiss(index, q, 10)
        took.append((time.perf_counter() - started) * 1000)
        hits += len(set(ids.tolist()) & set(want.tolist()))
    return hits / (10 * len(queries)), statistics.median(took)


FAISS_RESULTS = ROOT / "bench" / "scale_faiss.json"


def record_faiss(count: int, seeds_file: Path, workdir: Path, hnsw_limit: int | None = None) -> dict:
    """Measure :func:`faiss_study` at ``count`` vectors (``hnsw_limit``: force the type) into ``scale_faiss.json``."""
    import index.dense as dense

    if hnsw_limit is not None:
        dense.HNSW_LIMIT = hnsw_limit
    started = time.process_time()
    row = {"vectors": count, **faiss_study(count, np.load(seeds_file).astype(np.float32), workdir),
           "seed_vectors": len(np.load(seeds_file)), "cpu_s": round(time.process_time() - started),
           "load_average": round(os.getloadavg()[0], 1)}
    rows = [r for r in (json.loads(FAISS_RESULTS.read_text()) if FAISS_RESULTS.exists() else [])
            if (r["vectors"], r["faiss"].split("(")[0]) != (count, row["faiss"].split("(")[0])]
    FAISS_RESULTS.write_text(json.dumps(sorted([*rows, row], key=lambda r: (r["vectors"], r["faiss"])), indent=1))
    return row


def main() -> int:
    if len(sys.argv) == 6 and sys.argv[1] == "--stream-child":
        stream_child(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5] == "1")
        return 0
    if len(sys.argv) >= 4 and sys.argv[1] == "--faiss":  # --faiss COUNT SEEDS.npy [HNSW_LIMIT]
        import tempfile

        with tempfile.TemporaryDirectory(prefix="gyoryu-faiss-") as tmp:
            limit = int(sys.argv[4]) if len(sys.argv) > 4 else None
            print(json.dumps(record_faiss(int(sys.argv[2]), Path(sys.argv[3]), Path(tmp), limit)))
        return 0
    raise SystemExit("usage: bench/scale_projection.py --faiss COUNT SEEDS.npy [HNSW_LIMIT] (else used by scale.py)")


if __name__ == "__main__":
    raise SystemExit(main())
