"""Scale study: build time, memory, index size, search and SPARQL latency against corpus size.

Usage: ``.venv/bin/python bench/scale.py --scales 10 100 [--write bench/RESULTS.md] [--plot bench/scale.png]``

For each scale, ``bench/generate_corpus.py`` writes a synthetic corpus of that many times the seed
text, and ``gyoryu build`` runs on it in a child process whose passage embedder is replaced by
**stand-in vectors** (random, L2-normalised, seeded): the real model costs about a tenth of a second
a passage on this machine, so it is measured per passage on a sample of the generated passages and
the full cost is extrapolated (column *embedding, extrapolated*). Everything else — extraction,
SHACL validation, the on-disk store, passages, tokenisation, FAISS, BM25, profiles — runs for real.
Then, on the built data: search per mode in-process (the real query embedding, against the
stand-in passage vectors) and the README questions on the on-disk read-only store. The FAISS
recall@10 of the index type ``index/dense.py`` picks for that size is measured against exact search
(``IndexFlatIP``) with 200 queries; random vectors are a hard case for HNSW, so it is a lower bound.
Results accumulate in ``bench/scale.json`` (one entry per scale, rerun scales replaced).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare import machine, median_ms  # noqa: E402
from generate_corpus import generate  # noqa: E402
from load import write_section  # noqa: E402

from graph.examples import all_examples  # noqa: E402
from graph.store import GRAPH_FILE, STORE_DIR  # noqa: E402
from index.artifacts import read_jsonl  # noqa: E402
from index.evaluation import QUESTIONS  # noqa: E402
from runtime.settings import Settings  # noqa: E402

EMBED_SAMPLE = 32
RECALL_QUERIES = 200
QUERY_STRIDE = 12  # every 12th judged question (22 of 255)


def stand_in_build(corpus: Path, data: Path) -> None:
    """``gyoryu build`` with passage vectors replaced by seeded random unit vectors (runs in the child)."""
    import index.build
    from gyoryu.build import build
    from index.embedder import Embedder
    from runtime.progress import Progress

    class StandInEmbedder(Embedder):
        @classmethod
        def load(cls, settings: Settings, *, lazy: bool = True) -> Embedder:
            return super().load(settings, lazy=True)  # the weights are never needed

        def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
            vectors = np.random.default_rng(len(texts)).standard_normal((len(texts), self.dim)).astype(np.float32)
            return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    index.build.Embedder = StandInEmbedder
    build(corpus, data, Settings.from_env(), Progress(quiet=True))


def child_build(corpus: Path, data: Path) -> tuple[dict[str, float], float]:
    """Run :func:`stand_in_build` in a child process; stage timings and peak resident memory (MB)."""
    child = subprocess.Popen([sys.executable, __file__, "--build-child", str(corpus), str(data)],
                             env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"build failed: {child.stderr.read().decode()[-3000:]}")
    timings = json.loads((data / "manifest.json").read_text())["timings_s"]
    return {**timings, "CPU seconds": round(usage.ru_utime + usage.ru_stime, 1)}, usage.ru_maxrss / 1024


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def faiss_recall(vectors: np.ndarray) -> tuple[str, float, float]:
    """The index kind chosen for ``vectors``, its recall@10 against exact search, its p50 search ms."""
    import faiss

    from index.dense import build_faiss, index_kind, search_faiss

    chosen = build_faiss(vectors)
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    queries = np.random.default_rng(7).standard_normal((RECALL_QUERIES, vectors.shape[1])).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    _, truth = exact.search(queries, 10)
    hits, took = 0, []
    for q, want in zip(queries, truth, strict=True):
        started = time.perf_counter()
        ids, _ = search_faiss(chosen, q, 10)
        took.append((time.perf_counter() - started) * 1000)
        hits += len(set(ids.tolist()) & set(want.tolist()))
    return index_kind(chosen), hits / (10 * RECALL_QUERIES), statistics.median(took)


def measure(scale: float, workdir: Path) -> dict:
    """Generate, build and query one scale."""
    from graph.sparql import execute
    from graph.store import OxigraphStore
    from index.search import MODES, SearchEngine

    corpus, data = workdir / f"corpus-{scale:g}", workdir / f"data-{scale:g}"
    counts = generate(scale, corpus)
    started = time.perf_counter()
    timings, rss = child_build(corpus, data)
    wall = time.perf_counter() - started
    manifest = json.loads((data / "manifest.json").read_text())
    settings = Settings.from_env()
    engine = SearchEngine.load(data, replace(settings, embed_cache_size=0))  # every search embeds its query
    queries = [q["query"] for q in read_jsonl(QUESTIONS)][::QUERY_STRIDE]
    search = {mode: statistics.median(median_ms(lambda q=q, m=mode: engine.search(q, 10, m), 3) for q in queries)
              for mode in MODES}
    search["query embedding alone"] = statistics.median(
        median_ms(lambda q=q: engine.embedder.encode_queries([q]), 3) for q in queries)
    passages = [p["text"] for p in read_jsonl(data / "index" / "passages.jsonl")]
    sample = passages[:: max(1, len(passages) // EMBED_SAMPLE)][:EMBED_SAMPLE]
    engine.embedder.encode_passages(sample[:2])
    t0 = time.perf_counter()
    engine.embedder.encode_passages(sample)
    per_passage = (time.perf_counter() - t0) / len(sample)
    store = OxigraphStore.open_read_only(data / STORE_DIR)
    sparql = statistics.median(median_ms(lambda q=e["query"]: execute(store, q, "json"), 3)
                               for e in all_examples() if "SERVICE" not in e["query"])
    kind, recall, faiss_ms = faiss_recall(np.load(data / "index" / "embeddings.npy"))
    return {"scale": scale, **counts, "passages": manifest["index"]["passages"], "quads": manifest["graph"]["quads"],
            "build_s": round(wall, 1), "stages_s": timings, "peak_rss_mb": round(rss),
            "embed_s_per_passage": round(per_passage, 4),
            "embed_extrapolated_s": round(per_passage * manifest["index"]["passages"]),
            "graph_mb": round(size_mb(data / GRAPH_FILE), 1), "store_mb": round(size_mb(data / STORE_DIR), 1),
            "index_mb": round(size_mb(data / "index"), 1), "search_ms": search, "sparql_ms": round(sparql, 2),
            "faiss": kind, "faiss_recall10": round(recall, 3), "faiss_ms": round(faiss_ms, 2),
            "load_average": round(os.getloadavg()[0], 1)}


def markdown(rows: list[dict], where: str) -> str:
    lines = [f"### Scale: {where}", "",
             "Synthetic corpora from `bench/generate_corpus.py` (seed 13); passage vectors are stand-ins, the "
             "model's cost is extrapolated from a sample (see `bench/scale.py`).", "",
             "| scale | documents | passages | quads | build s (stand-in vectors) | embedding s, extrapolated | "
             "peak MB | graph.nq / store / index MB | hybrid / dense / lexical ms | query embedding ms | "
             "SPARQL mix ms | FAISS (recall@10) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |"]
    for r in rows:
        s = r["search_ms"]
        lines.append(f"| {r['scale']:g}× | {r['documents']} | {r['passages']} | {r['quads']} | {r['build_s']} | "
                     f"{r['embed_extrapolated_s']} | {r['peak_rss_mb']} | {r['graph_mb']} / {r['store_mb']} / "
                     f"{r['index_mb']} | {s['hybrid']:.1f} / {s['dense']:.1f} / {s['lexical']:.1f} | "
                     f"{s['query embedding alone']:.1f} | {r['sparql_ms']} | {r['faiss']} ({r['faiss_recall10']}) |")
    lines += ["", "| scale | " + " | ".join(rows[0]["stages_s"]) + " |",
              "| ---: | " + " | ".join("---:" for _ in rows[0]["stages_s"]) + " |"]
    lines += [f"| {r['scale']:g}× | " + " | ".join(f"{r['stages_s'].get(k, 0):.1f}" for k in rows[0]["stages_s"]) + " |"
              for r in rows]
    return "\n".join(lines) + "\n"


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [r["passages"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    left.loglog(x, [r["build_s"] for r in rows], "o:", label="build, stand-in vectors (s wall)")
    left.loglog(x, [r["stages_s"]["CPU seconds"] for r in rows], "o-", label="build, stand-in vectors (s CPU)")
    left.loglog(x, [r["embed_extrapolated_s"] for r in rows], "s--", label="embedding, extrapolated (s)")
    left.loglog(x, [r["peak_rss_mb"] for r in rows], "^-", label="peak resident memory (MB)")
    left.loglog(x, [r["index_mb"] + r["store_mb"] for r in rows], "v-", label="store + index size (MB)")
    left.set_xlabel("passages")
    left.legend(fontsize=8)
    for mode in ("hybrid", "dense", "lexical", "query embedding alone"):
        right.semilogx(x, [r["search_ms"][mode] for r in rows], "o-", label=f"search {mode}")
    right.semilogx(x, [r["sparql_ms"] for r in rows], "s-", label="README SPARQL mix (on-disk)")
    right.set_xlabel("passages")
    right.set_ylabel("p50 ms")
    right.legend(fontsize=8)
    fig.suptitle("Gyoryu scale study (bench/scale.py)")
    fig.tight_layout()
    fig.savefig(path, dpi=90)


def main(argv: list[str] | None = None) -> int:
    if argv is None and len(sys.argv) == 4 and sys.argv[1] == "--build-child":
        stand_in_build(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="*", default=[10, 100],
                        help="scales to measure (none: only report what the results file holds)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "scale.json")
    parser.add_argument("--write", type=Path, help="put the section into this RESULTS.md")
    parser.add_argument("--plot", type=Path, help="write the PNG plot here")
    args = parser.parse_args(argv)
    done = {r["scale"]: r for r in (json.loads(args.results.read_text()) if args.results.exists() else [])}
    with tempfile.TemporaryDirectory(prefix="gyoryu-scale-") as tmp:
        for scale in args.scales:
            done[scale] = measure(scale, Path(tmp))
            args.results.write_text(json.dumps(sorted(done.values(), key=lambda r: r["scale"]), indent=1))
            print(json.dumps(done[scale]), flush=True)
    rows = sorted(done.values(), key=lambda r: r["scale"])
    text = markdown(rows, machine())
    print(text)
    if args.write:
        write_section(args.write, text)
    if args.plot:
        plot(rows, args.plot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
