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

Scales above ``--project-above`` (default 50: 100× and 1000×) are not extracted and embedded for real. Up to
``--end-to-end-up-to`` (default 100) they run end to end from stand-ins (``bench/scale_stand_in.py``: the real
streaming build, passages, BM25, FAISS and profiles over stand-in extraction pieces and stand-in vectors, then the
same queries); above it see ``bench/scale_projection.py`` for what is measured, what is built from stand-ins and
what is extrapolated; their rows say which figure is which.

``--merge ROW.json`` measures nothing: it puts a row printed by ``bench/scale_stand_in.py`` (a file holding the JSON
object, or output whose last ``{…}`` line is it) into the results file — replacing the row of the same scale and
kind (end to end from stand-ins, copies, projected, built whole), keeping the others — then writes the section,
the plot and, with ``--readme``, the row's line in the README's table of measures, from the results alone.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import scale_projection as projection  # noqa: E402
import scale_stand_in as stand_in  # noqa: E402
from compare import machine, median_ms  # noqa: E402
from generate_corpus import generate  # noqa: E402

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

    from index.dense import build_faiss, index_kind, refined

    chosen = refined(build_faiss(vectors), vectors)  # as a search process serves it
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    queries = np.random.default_rng(7).standard_normal((RECALL_QUERIES, vectors.shape[1])).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    _, truth = exact.search(queries, 10)
    recall, search_ms = projection.recall_and_ms(chosen, queries, truth)
    return index_kind(chosen), recall, search_ms


def measure(scale: float, workdir: Path) -> dict:
    """Generate, build and query one scale."""
    corpus, data = workdir / f"corpus-{scale:g}", workdir / f"data-{scale:g}"
    counts = generate(scale, corpus)
    started = time.perf_counter()
    timings, rss = child_build(corpus, data)
    wall = time.perf_counter() - started
    manifest = json.loads((data / "manifest.json").read_text())
    kind, recall, faiss_ms = faiss_recall(np.load(data / "index" / "embeddings.npy"))
    figures = query_figures(data)
    return {"scale": scale, **counts, "passages": manifest["index"]["passages"], "quads": manifest["graph"]["quads"],
            "build_s": round(wall, 1), "stages_s": timings, "peak_rss_mb": round(rss),
            "graph_mb": round(size_mb(data / GRAPH_FILE), 1), "store_mb": round(size_mb(data / STORE_DIR), 1),
            "index_mb": round(size_mb(data / "index"), 1), **figures,
            "embed_extrapolated_s": round(figures["embed_s_per_passage"] * manifest["index"]["passages"]),
            "faiss": kind, "faiss_recall10": round(recall, 3), "faiss_ms": round(faiss_ms, 2)}


def query_figures(data: Path) -> dict:
    """On built data: p50 search per mode in-process (the real query embedding, every search embeds its query),
    the query embedding alone, the process's peak resident MB once the engine is loaded and has searched (in a
    fresh process: the search process's own peak), the model's seconds a passage on a sample of the passages, the
    README SPARQL mix on the on-disk read-only store, and the load average."""
    from index.search import MODES, SearchEngine

    engine = SearchEngine.load(data, replace(Settings.from_env(), embed_cache_size=0))
    queries = [q["query"] for q in read_jsonl(QUESTIONS)][::QUERY_STRIDE]
    search = {mode: statistics.median(median_ms(lambda q=q, m=mode: engine.search(q, 10, m), 3) for q in queries)
              for mode in MODES}
    search["query embedding alone"] = statistics.median(
        median_ms(lambda q=q: engine.embedder.encode_queries([q]), 3) for q in queries)
    search_peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)  # loaded and searched
    stride = max(1, len(engine.passages) // EMBED_SAMPLE)
    sample = [p.text for p in engine.passages[::stride]][:EMBED_SAMPLE]
    engine.embedder.encode_passages(sample[:2])
    t0 = time.perf_counter()
    engine.embedder.encode_passages(sample)
    per_passage = (time.perf_counter() - t0) / len(sample)
    return {"embed_s_per_passage": round(per_passage, 4), "search_ms": search, "search_peak_rss_mb": search_peak_mb,
            "sparql_ms": sparql_mix_ms(data / STORE_DIR), "load_average": round(os.getloadavg()[0], 1)}


def sparql_mix_ms(store_dir: Path) -> float:
    """p50 of the README SPARQL questions (without search) on an on-disk store, median over the questions."""
    from graph.sparql import execute
    from graph.store import OxigraphStore

    store = OxigraphStore.open_read_only(store_dir)
    # no row limit: at 100× a README question answers more than /sparql's 10,000 rows (the endpoint refuses it)
    return round(statistics.median(median_ms(lambda q=e["query"]: execute(store, q, "json", max_results=1 << 40), 3)
                                   for e in all_examples() if "SERVICE" not in e["query"]), 2)


def measure_projected(scale: float, workdir: Path, full: list[dict], seeds_from: Path | None,
                      stream_up_to: float) -> dict:
    """One scale past a whole build: generated for real, measured on a sample, stand-ins at full size."""
    from corpus import load_corpus
    from index.embedder import Embedder
    from index.korean import KoreanTokenizer
    from index.passages import segment_all

    corpus = workdir / f"corpus-{scale:g}"
    started = time.process_time()
    counts = generate(scale, corpus)
    generate_cpu = time.process_time() - started
    documents = load_corpus(corpus)
    sample = projection.sample_documents(documents)
    pieces, extract_cpu = projection.extract_sample(sample)
    validate_cpu = projection.validation_cpu_per_quad(sample, pieces, workdir / f"validate-{scale:g}")
    sample_quads = sum(text.count("\n") for text, _ in pieces.values()) / len(sample)
    reference = max(full, key=lambda r: r["scale"])  # passages per character and index stages of the largest build
    passages = round(counts["characters"] * reference["passages"] / reference["characters"])
    texts = [p.embed_text for p in segment_all(sample)]
    embedder = Embedder.load(Settings.from_env())
    chosen = texts[:: max(1, len(texts) // EMBED_SAMPLE)][:EMBED_SAMPLE]
    embedder.encode_passages(chosen[:2])
    t0 = time.process_time()
    sample_vectors = embedder.encode_passages(chosen)
    embed_cpu = (time.process_time() - t0) / len(chosen)
    t0 = time.process_time()
    KoreanTokenizer().batch([p.lexical_text for p in segment_all(sample)])
    tokenise_cpu = (time.process_time() - t0) / len(texts)
    queries = [q["query"] for q in read_jsonl(QUESTIONS)][::QUERY_STRIDE]
    query_ms = statistics.median(median_ms(lambda q=q: embedder.encode_queries([q]), 3) for q in queries)
    row = {"scale": scale, "projected": True, **counts, "passages": passages,
           "generate_cpu_s": round(generate_cpu, 1), "sample_documents": len(sample),
           "extract_cpu_s_per_document": round(extract_cpu, 3), "sample_quads_per_document": round(sample_quads),
           "validate_cpu_s_per_quad": round(validate_cpu, 6), "embed_s_per_passage": round(embed_cpu, 4),
           "tokenise_cpu_s_per_passage": round(tokenise_cpu, 5), "query_embedding_ms": round(query_ms, 1)}
    cache = workdir / f"pieces-{scale:g}"
    if scale <= stream_up_to:
        row["quads_stand_in_pieces"] = projection.write_stand_in_pieces(documents, pieces, cache)
        streamed = projection.streamed_build(corpus, cache, workdir / f"streamed-{scale:g}")
        row.update({"quads": streamed["quads"], "streamed": streamed,
                    "graph_mb": round(size_mb(workdir / f"streamed-{scale:g}" / GRAPH_FILE), 1),
                    "store_mb": round(size_mb(workdir / f"streamed-{scale:g}" / STORE_DIR), 1),
                    "sparql_ms": sparql_mix_ms(workdir / f"streamed-{scale:g}" / STORE_DIR)})
    seeds = sample_vectors
    if seeds_from is not None and (seeds_from / "index" / "embeddings.npy").exists():
        seeds = np.load(seeds_from / "index" / "embeddings.npy")
    row.update(projection.faiss_study(passages, np.asarray(seeds, dtype=np.float32), workdir))
    row["faiss_seed_vectors"] = len(seeds)
    return row


#: What a row from ``bench/scale_stand_in.py`` must hold to be merged (what the tables and the plot read of it).
END_TO_END_KEYS = ("scale", "stand_in", "documents", "passages", "quads", "build_s", "cpu_s", "cpu_stages_s",
                   "peak_rss_mb", "load_average_before", "load_average_after", "graph_mb", "store_mb", "index_mb",
                   "search_ms", "sparql_ms", "faiss", "faiss_recall10", "faiss_ms", "extrapolated_cpu_s")
#: How the README's table of measures names a merged end-to-end row (the line is replaced when merged again).
README_MARK = "end to end from stand-ins (`bench/scale.py --merge`"


def row_kind(row: dict) -> str:
    """Which kind of row: several kinds may share a scale (the 1000× copies and the 1000× end-to-end run)."""
    for kind, key in (("end to end", "stand_in"), ("copies", "copies_of"), ("projected", "projected")):
        if row.get(key):
            return kind
    return "built whole"


def read_row(path: Path) -> dict:
    """The end-to-end row in ``path`` (the JSON object, or the last line of output that is one); a clear error
    when it is not one or lacks what the tables and the plot read."""
    text = path.read_text(encoding="utf-8")
    try:
        row = json.loads(text)
    except ValueError:
        objects = [line for line in text.splitlines() if line.strip().startswith("{")]
        try:
            row = json.loads(objects[-1])
        except (IndexError, ValueError):
            raise SystemExit(f"{path}: no JSON row in it") from None
    if not isinstance(row, dict):
        raise SystemExit(f"{path}: not a JSON object")
    missing = [key for key in END_TO_END_KEYS if key not in row]
    missing += [f"search_ms.{m}" for m in ("hybrid", "dense", "lexical", "query embedding alone")
                if m not in row.get("search_ms", {})]
    missing += [f"cpu_stages_s.{s}" for s in ("extract", "validate") if s not in row.get("cpu_stages_s", {})]
    missing += [f"extrapolated_cpu_s.{s}" for s in ("extraction", "SHACL", "model")
                if s not in row.get("extrapolated_cpu_s", {})]
    if missing:
        raise SystemExit(f"{path}: not an end-to-end row of bench/scale_stand_in.py (missing {', '.join(missing)})")
    return row


def merged(rows: list[dict], row: dict) -> list[dict]:
    """``rows`` with ``row`` in place of the one of its scale and kind, in scale order."""
    kept = [r for r in rows if (r["scale"], row_kind(r)) != (row["scale"], row_kind(row))]
    return sorted([*kept, row], key=lambda r: r["scale"])


def readme_line(row: dict) -> str:
    """The README's line of measures for an end-to-end row: what was built, the build, the queries."""
    s, e = row["search_ms"], row["extrapolated_cpu_s"]
    return (f"| {row['scale']:g}× {README_MARK}; `bench/scale_stand_in.py`, load {row['load_average_before'][0]}–"
            f"{row['load_average_after'][0]}): documents / passages / quads; build; search process; queries | "
            f"{row['documents']:,} / {row['passages']:,} / {row['quads']:,}; {row['cpu_s']:,} s CPU "
            f"({row['build_s']:,} s wall), peak {row['peak_rss_mb']:,} MB, graph.nq / store / index "
            f"{row['graph_mb']:,} / {row['store_mb']:,} / {row['index_mb']:,} MB; peak "
            f"{row.get('query_peak_rss_mb', '–')} MB; hybrid / dense / lexical {s['hybrid']:.1f} / {s['dense']:.1f} / "
            f"{s['lexical']:.1f} ms (query embedding {s['query embedding alone']:.1f}), SPARQL mix {row['sparql_ms']} "
            f"ms, {row['faiss']} recall@10 {row['faiss_recall10']}; not run: extraction / SHACL / model "
            f"{e['extraction']:,} / {e['SHACL']:,} / {e['model']:,} s CPU (est.) | — |")


def put_readme_line(path: Path, row: dict) -> None:
    """Replace the README line of ``row``'s scale made by an earlier merge, or add it after the last line of
    measures from stand-ins."""
    lines = path.read_text(encoding="utf-8").split("\n")
    mark = f"| {row['scale']:g}× {README_MARK}"
    at = [n for n, line in enumerate(lines) if line.startswith(mark)]
    if at:
        lines[at[0]] = readme_line(row)
    else:
        after = [n for n, line in enumerate(lines) if line.startswith("| ") and "from stand-ins" in line]
        if not after:
            raise SystemExit(f"{path}: no table line of measures from stand-ins to put the row after")
        lines.insert(after[-1] + 1, readme_line(row))
    path.write_text("\n".join(lines), encoding="utf-8")


def put_section(path: Path, text: str) -> None:
    """Put ``text`` (the ``### Scale…`` section) into ``path`` where the previous one was (else at the end)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    blocks = old.split("\n### ")
    at = [n for n, block in enumerate(blocks) if ("### " + block if n else block).startswith("### Scale")]
    if not at:
        path.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")
        return
    blocks[at[0]] = text.removeprefix("### ") if at[0] else text  # its last newline: the blank line before the next
    path.write_text("\n### ".join(blocks), encoding="utf-8")


def section_where(path: Path | None) -> str | None:
    """The machine line of the scale section already in ``path`` (a merge measures nothing: the load is the
    measurements', not the merge's)."""
    if path is None or not path.exists():
        return None
    return next((line.removeprefix("### Scale: ") for line in path.read_text(encoding="utf-8").splitlines()
                 if line.startswith("### Scale: ")), None)


def built_whole(row: dict) -> bool:
    """A row of a real build (not projected, not run from stand-ins, not copies of a smaller build)."""
    return not row.get("projected") and not row.get("stand_in") and not row.get("copies_of")


def extrapolate(row: dict, rows: list[dict]) -> dict:
    """Fill a projected row's estimates: per unit costs × its size; streamed figures from the largest streamed
    row when this size was not streamed (linear in quads); index stages per passage from the largest full build."""
    full = max((r for r in rows if built_whole(r)), key=lambda r: r["scale"])
    streamed = [r for r in rows if r.get("streamed")]
    if "quads" not in row:
        row["quads"] = row["sample_quads_per_document"] * row["documents"]
    if not row.get("streamed"):
        ref = max(streamed, key=lambda r: r["scale"]) if streamed else None
        factor = row["quads"] / ref["quads"] if ref else None  # linear in quads; nothing when no size was streamed
        row["streamed_estimate"] = {k: round(ref["streamed"][k] * factor, 1) if ref else None
                                    for k in ("cpu_s", "peak_rss_mb")}
        row["graph_mb"] = round(ref["graph_mb"] * factor, 1) if ref else None
        row["store_mb"] = round(ref["store_mb"] * factor, 1) if ref else None
    per_passage = sum(full["stages_s"].get(k, 0) for k in ("passages", "bm25", "profiles")) / full["passages"]
    stream_cpu = row["streamed"]["cpu_s"] if row.get("streamed") else row["streamed_estimate"]["cpu_s"] or 0
    row["estimate_cpu_s"] = {
        "extraction": round(row["extract_cpu_s_per_document"] * row["documents"]),
        "SHACL": round(row["validate_cpu_s_per_quad"] * row["quads"]),
        "graph and store (streamed)": round(stream_cpu),
        "passages, BM25, profiles": round(per_passage * row["passages"]),
        "FAISS": row["faiss_build_cpu_s"],
    }
    row["embed_extrapolated_s"] = round(row["embed_s_per_passage"] * row["passages"])
    flat_mb = full["passages"] * 384 * 4 / 1e6  # the exact index of the full build, replaced by the measured one
    row["index_mb"] = round((full["index_mb"] - flat_mb) / full["passages"] * row["passages"] + row["faiss_mb"], 1)
    row["whole_graph_rss_mb_est"] = round(full["peak_rss_mb"] / full["quads"] * row["quads"])
    return row


def markdown(rows: list[dict], where: str) -> str:
    lines = [f"### Scale: {where}", "",
             "Synthetic corpora from `bench/generate_corpus.py` (seed 13); passage vectors are stand-ins, the "
             "model's cost is extrapolated from a sample (see `bench/scale.py`).", "",
             "| scale | documents | passages | quads | build s (stand-in vectors) | embedding s, extrapolated | "
             "peak MB | graph.nq / store / index MB | hybrid / dense / lexical ms | query embedding ms | "
             "SPARQL mix ms | FAISS (recall@10) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |"]
    full = [r for r in rows if built_whole(r)]
    projected = [r for r in rows if r.get("projected")]
    for r in full:
        s = r["search_ms"]
        lines.append(f"| {r['scale']:g}× | {r['documents']} | {r['passages']} | {r['quads']} | {r['build_s']} | "
                     f"{r['embed_extrapolated_s']} | {r['peak_rss_mb']} | {r['graph_mb']} / {r['store_mb']} / "
                     f"{r['index_mb']} | {s['hybrid']:.1f} / {s['dense']:.1f} / {s['lexical']:.1f} | "
                     f"{s['query embedding alone']:.1f} | {r['sparql_ms']} | {r['faiss']} ({r['faiss_recall10']}) |")
    lines += ["", "| scale | " + " | ".join(full[0]["stages_s"]) + " |",
              "| ---: | " + " | ".join("---:" for _ in full[0]["stages_s"]) + " |"]
    lines += [f"| {r['scale']:g}× | " + " | ".join(f"{r['stages_s'].get(k, 0):.1f}" for k in full[0]["stages_s"]) + " |"
              for r in full]
    ends = [r for r in rows if r.get("stand_in")]
    if ends:
        lines += stand_in_markdown(ends)
    if projected:
        lines += projected_markdown(projected)
    copies = [r for r in rows if r.get("copies_of")]
    if copies:
        lines += copies_markdown(copies)
    if projection.FAISS_RESULTS.exists():
        lines += faiss_markdown(json.loads(projection.FAISS_RESULTS.read_text()))
    return "\n".join(lines) + "\n"


def copies_markdown(rows: list[dict]) -> list[str]:
    """The scales measured on copies of a smaller build (``bench/scale_copies.py``): the store, the glossary and
    FAISS at full size, measured; the rest not built (CPU estimated from the 100× row's unit costs)."""
    lines = ["", "Copies of a smaller build (`bench/scale_copies.py`): that build's `graph.nq` copied with every "
             "document's graph, facts and fact nodes renamed, bulk-loaded straight into the on-disk store (no "
             "`graph.nq` written); FAISS over as many stand-in vectors as the copies' passages. Measured: the store, "
             "the README SPARQL mix on it, the glossary the search process reads from it, FAISS. Not built: "
             "passages, BM25, line vectors, profiles (their CPU estimated from the 100× row's, per document).", "",
             "| scale | copies of (store: copies, scale) | documents / passages | store quads (named graphs) / "
             "stored | store: CPU s / wall s / peak MB / MB | open ms | SPARQL mix ms | glossary: terms / CPU s / "
             "peak MB | FAISS: type, build CPU s, "
             "MB, recall@10, ms, peak MB | load average | not built: CPU s (est.) |",
             "| ---: | ---: | --- | --- | --- | ---: | ---: | --- | --- | --- | --- |"]
    for r in rows:
        st, g, f = r["store"], r["search_store"], r["faiss_study"]
        lines.append(f"| {r['scale']:g}× | {r['copies']} × {r['copies_of']:g}× (store: {r['store_copies']}, "
                     f"{r['store_scale']:g}×) | {r['documents']} / {r['passages']} | "
                     f"{r['quads']} / {st['stored']} | {st['cpu_s']} / {st['wall_s']} / {st['peak_rss_mb']} / "
                     f"{st['store_mb']} | {g['store_open_ms']} | {g['sparql_ms']} | {g['glossary_terms']} / "
                     f"{g['glossary_cpu_s']} / {g['peak_rss_mb']} | {f['faiss']}, {f['faiss_build_cpu_s']}, "
                     f"{f['faiss_mb']}, {f['faiss_recall10']}, {f['faiss_ms']}, {f['peak_rss_mb']} | "
                     f"{r['load_average_before'][0]}–{r['load_average_after'][0]} | "
                     + "; ".join(f"{k} {v}" for k, v in r["not_built_cpu_s_est"].items()) + " |")
    for r in rows:
        for key, how in (("search_process", ""), ("search_process_before", ", before: passages and links held as "
                                                                            "Python objects")):
            if not r.get(key):
                continue
            s, ix = r[key]["search"], r[key]["index"]
            lines += ["", f"Search process at {r['scale']:g}×{how} (`bench/scale_index_copies.py`: the 10× index "
                      f"copied {ix['copies']} times, {s['passages']} passages, index {ix['index_mb']} MB; load average "
                      f"{s['load_average']}): load {s['load_cpu_s']} s CPU / {s['load_wall_s']} s wall, resident "
                      f"{s['peak_rss_mb_loaded']} MB loaded, {s['peak_rss_mb_searched']} MB searched, child peak "
                      f"{s['child_peak_rss_mb']} MB; p50 ms (wall) / mean CPU ms: "
                      + "; ".join(f"{m} {s['search_ms'][m]} / {s['search_cpu_ms_mean'].get(m, '—')}"
                                  for m in s["search_ms"]) + "."]
    return lines


def faiss_markdown(rows: list[dict]) -> list[str]:
    """FAISS alone by size (``bench/scale_projection.py --faiss``), an inverted file's recall by re-ranking factor."""
    lines = ["", "FAISS alone over stand-in vectors (`bench/scale_projection.py --faiss COUNT SEEDS`; recall@10 "
             "against exact search over the same vectors, 200 queries; the type as a search process serves it):", "",
             "| vectors | type | build s / CPU s | MB | recall@10 | p50 ms | recall@10 (p50 ms, CPU ms) by re-ranking "
             "factor | load average |", "| ---: | --- | --- | ---: | ---: | ---: | --- | --- |"]
    for r in rows:
        factors = "; ".join(f"×{f}: {v['recall10']} ({v['ms']}, {v['cpu_ms']})" for f, v in r.get("refine", {}).items())
        lines.append(f"| {r['vectors']} | {r['faiss']} | {r['faiss_build_s']} / {r['faiss_build_cpu_s']} | "
                     f"{r['faiss_mb']} | {r['faiss_recall10']} | {r['faiss_ms']} | {factors or '—'} | "
                     f"{r.get('load_average') or r.get('note', '—')} |")
    return lines


def stand_in_markdown(rows: list[dict]) -> list[str]:
    """The scales run end to end from stand-ins (``bench/scale_stand_in.py``): every figure measured on that run,
    except the last column (per-unit costs measured on the sample, multiplied out)."""
    lines = ["", "End to end from stand-ins (`bench/scale_stand_in.py`): the corpus generated; one `gyoryu build` on "
             "its streaming path (graph and index) over stand-in extraction pieces (a sample's real extraction "
             "renamed to every document; SHACL skipped for the copies), stand-in vectors (noisy copies of real "
             "passage vectors) and stand-in term counts (Kiwi once per distinct word); then the queries on the built "
             "data in a second process. CPU seconds per stage; wall time at the load shown (2 shared cores, "
             "`nice 10`).", "",
             "| scale | documents | passages / lines | quads (graph.nq) | build wall s / CPU s | load average | "
             "graph + store CPU s | index CPU s: passages / vectors / lines / terms / FAISS / BM25 / profiles | "
             "build peak MB | search process peak MB | graph.nq / store / index MB | hybrid / dense / lexical ms | "
             "query embedding ms | SPARQL mix ms | FAISS passages (recall@10, ms); lines | "
             "not run: extraction / SHACL / model / Kiwi CPU s (est.) |",
             "| ---: | ---: | --- | ---: | --- | --- | ---: | --- | ---: | ---: | --- | --- | ---: | ---: | --- "
             "| --- |"]
    for r in rows:
        c, s, e = r["cpu_stages_s"], r["search_ms"], r["extrapolated_cpu_s"]
        parts = (r.get("index_stream") or {}).get("parts", {})
        index_cpu = " / ".join(f"{parts[k]['cpu_s']:.0f}" if k in parts else "–" for k in
                               ("passages", "embed", "lines", "bm25 tokens", "faiss", "bm25", "profiles"))
        lines.append(f"| {r['scale']:g}× | {r['documents']} | {r['passages']} / {r.get('line_vectors')} | "
                     f"{r['quads']} | {r['build_s']} / {r['cpu_s']} | "
                     f"{r['load_average_before'][0]}–{r['load_average_after'][0]} | "
                     f"{c['extract'] + c['validate']:.0f} | {index_cpu} | {r['peak_rss_mb']} | "
                     f"{r.get('query_peak_rss_mb', '–')} | {r['graph_mb']} / {r['store_mb']} / {r['index_mb']} | "
                     f"{s['hybrid']:.1f} / {s['dense']:.1f} / {s['lexical']:.1f} | {s['query embedding alone']:.1f} | "
                     f"{r['sparql_ms']} | {r['faiss']} ({r['faiss_recall10']}, {r['faiss_ms']}); "
                     f"{r.get('line_faiss', '–')} | {e['extraction']} / {e['SHACL']} / {e['model']} / "
                     f"{e.get('kiwi (over the stand-in tokens)', '–')} |")
    return lines


def projected_markdown(rows: list[dict]) -> list[str]:
    """The projected scales: **measured** figures in bold, the rest estimated as their column says."""
    lines = ["", "Past 10× (`bench/scale_projection.py`): documents and characters generated for real; costs per "
             "document, quad or passage measured on a sample and multiplied out (*est.*); the graph and store "
             "streamed from stand-in pieces (the sample's extraction renamed to each document) and measured where "
             "a streamed column is bold; FAISS built and measured at full size on stand-in vectors (noisy copies of "
             "real passage vectors).", "",
             "| scale | documents | passages (est.) | quads | streamed graph + store: CPU s / peak MB | "
             "graph.nq / store MB | extraction CPU s (est.) | SHACL CPU s (est.) | passages+BM25+profiles s (est.) | "
             "embedding s (est.) | FAISS: type, build s, MB | recall@10 | FAISS ms | query embedding ms | "
             "SPARQL mix ms |",
             "| ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |"]
    for r in rows:
        e = r["estimate_cpu_s"]
        if r.get("streamed"):
            graph = f"**{r['streamed']['cpu_s']} / {r['streamed']['peak_rss_mb']}**"
            sizes = f"**{r['graph_mb']} / {r['store_mb']}**"
            quads = f"**{r['quads']}**"
        else:
            graph = f"{r['streamed_estimate']['cpu_s']} / {r['streamed_estimate']['peak_rss_mb']} (est.)"
            sizes = f"{r['graph_mb']} / {r['store_mb']} (est.)"
            quads = f"{r['quads']} (est.)"
        sparql = f"**{r['sparql_ms']}**" if r.get("sparql_ms") is not None else "not built"
        lines.append(f"| {r['scale']:g}× | **{r['documents']}** | {r['passages']} | {quads} | {graph} | {sizes} | "
                     f"{e['extraction']} | {e['SHACL']} | {e['passages, BM25, profiles']} | "
                     f"{r['embed_extrapolated_s']} | **{r['faiss']}, {r['faiss_build_s']}, {r['faiss_mb']}** | "
                     f"**{r['faiss_recall10']}** | **{r['faiss_ms']}** | **{r['query_embedding_ms']}** | {sparql} |")
    lines += ["", "Per unit, measured on the sample: " + "; ".join(
        f"{r['scale']:g}×: extraction {r['extract_cpu_s_per_document']} s CPU a document "
        f"({r['sample_documents']} documents, {r['sample_quads_per_document']} quads each), SHACL "
        f"{r['validate_cpu_s_per_quad'] * 1e6:.0f} µs a quad, BM25 tokenising "
        f"{r['tokenise_cpu_s_per_passage'] * 1e3:.1f} ms "
        f"and the model {r['embed_s_per_passage']} s CPU a passage" for r in rows) + "."]
    return lines


def _or_nan(value: float | None) -> float:
    return float("nan") if value is None else value


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    full = [r for r in rows if built_whole(r)]
    ahead = [r for r in rows if r.get("projected")]
    ends = [r for r in rows if r.get("stand_in")]
    fx, px = [r["passages"] for r in full], [r["passages"] for r in ahead]
    fig, (left, right, third) = plt.subplots(1, 3, figsize=(16, 4.8))
    series = [("build CPU s without the model", "C0", [r["stages_s"]["CPU seconds"] for r in full],
               [sum(r["estimate_cpu_s"].values()) for r in ahead]),
              ("embedding s (extrapolated)", "C1", [r["embed_extrapolated_s"] for r in full],
               [r["embed_extrapolated_s"] for r in ahead]),
              ("peak MB: whole graph in rdflib / streamed", "C2", [r["peak_rss_mb"] for r in full],
               [_or_nan((r.get("streamed") or r["streamed_estimate"])["peak_rss_mb"]) for r in ahead]),
              ("store + index MB", "C3", [r["store_mb"] + r["index_mb"] for r in full],
               [_or_nan(r["store_mb"]) + r["index_mb"] for r in ahead])]
    for label, colour, measured, estimated in series:
        left.loglog(fx, measured, "o-", color=colour, label=label)
        if ahead:
            left.loglog([fx[-1], *px], [measured[-1], *estimated], "o--", color=colour, mfc="none")
    for r in ends:  # end to end from stand-ins: measured, the model's and extraction's CPU left out
        left.loglog([r["passages"]] * 4, [r["cpu_s"], r["extrapolated_cpu_s"]["model"], r["peak_rss_mb"],
                                          r["store_mb"] + r["index_mb"]], "D", color="k", mfc="none")
        for y, colour in ((r["cpu_s"], "C0"), (r["extrapolated_cpu_s"]["model"], "C1"), (r["peak_rss_mb"], "C2"),
                          (r["store_mb"] + r["index_mb"], "C3")):
            left.loglog([r["passages"]], [y], "D", color=colour)
    if ends:
        left.plot([], [], "kD", mfc="none", label="end to end from stand-ins (measured; model extrapolated)")
    for r in (r for r in rows if r.get("copies_of")):  # copies: the store measured, the index not built
        left.loglog([r["store_passages"]], [r["store"]["store_mb"]], "*", color="C3", markersize=11,
                    label=f"store MB, {r['store_scale']:g}× from copies (measured)")
        left.loglog([r["store_passages"]], [r["search_store"]["peak_rss_mb"]], "P", color="C2", markersize=9,
                    label=f"glossary process peak MB, {r['store_scale']:g}× store (measured)")
        right.loglog([r["store_passages"]], [r["sparql_ms"]], "*", color="C5", markersize=11,
                     label=f"SPARQL mix, {r['store_scale']:g}× store from copies")
        right.loglog([r["passages"]], [r["faiss_ms"]], "*", color="C4", markersize=11)
        searched = r.get("search_process", {}).get("search", {}).get("search_ms", {})
        for mode, colour in (("hybrid", "C0"), ("dense", "C1"), ("lexical", "C2"), ("query embedding alone", "C3")):
            if mode in searched:  # the search process at this size (bench/scale_index_copies.py)
                right.loglog([r["passages"]], [searched[mode]], "*", color=colour, markersize=11)
    if ahead:
        left.loglog(px, [r["whole_graph_rss_mb_est"] for r in ahead], "x:", color="C2",
                    label="peak MB if the whole graph were held (est.)")
    else:  # no projected rows: continue the largest build linearly to 100× and 1000× (dotted, extrapolated)
        last = full[-1]
        ex = [last["passages"] * f for f in (1, 10, 100)]
        for colour, value in (("C0", last["stages_s"]["CPU seconds"]), ("C1", last["embed_extrapolated_s"]),
                              ("C2", last["peak_rss_mb"]), ("C3", last["store_mb"] + last["index_mb"])):
            left.loglog(ex, [value * f for f in (1, 10, 100)], ":", color=colour)
        left.plot([], [], "k:", label="extrapolated linearly to 100× and 1000×")
    streamed_file = ROOT / "bench" / "scale_streamed.json"
    for r in json.loads(streamed_file.read_text()) if streamed_file.exists() else []:
        at = full[-1]["passages"] * r["quads"] / full[-1]["quads"]
        left.loglog([at], [r["peak_rss_mb"]], "*", color="C2", markersize=12,
                    label=f"peak MB, streaming build ({r['quads']:,} quads, measured)")
        left.loglog([at], [r["cpu_s"]], "*", color="C0", markersize=12, label="CPU s, streaming graph + store")
    left.set_xlabel("passages (solid: built; open, dashed: stand-ins and extrapolation)")
    left.legend(fontsize=7)
    for mode, colour in (("hybrid", "C0"), ("dense", "C1"), ("lexical", "C2"), ("query embedding alone", "C3")):
        right.loglog(fx, [r["search_ms"][mode] for r in full], "o-", color=colour, label=f"search {mode}")
    right.loglog(fx, [r["faiss_ms"] for r in full], "o-", color="C4", label="FAISS search alone")
    right.loglog(fx, [r["sparql_ms"] for r in full], "s-", color="C5", label="README SPARQL mix (on-disk)")
    if ahead:
        right.loglog([fx[-1], *px], [full[-1]["faiss_ms"], *[r["faiss_ms"] for r in ahead]], "o--", color="C4",
                     mfc="none")
        right.loglog([fx[-1], *px], [full[-1]["search_ms"]["query embedding alone"],
                                     *[r["query_embedding_ms"] for r in ahead]], "o--", color="C3", mfc="none")
        built = [r for r in ahead if r.get("sparql_ms") is not None]
        right.loglog([fx[-1], *[r["passages"] for r in built]],
                     [full[-1]["sparql_ms"], *[r["sparql_ms"] for r in built]], "s--", color="C5", mfc="none")
        for r in ahead:
            right.annotate(f"{r['faiss'].split('(')[0]}\nrecall {r['faiss_recall10']}", (r["passages"], r["faiss_ms"]),
                           fontsize=6)
    if ends:  # the largest whole build and the end-to-end rows, in size order
        line = sorted([full[-1], *ends], key=lambda r: r["passages"])
        xs = [r["passages"] for r in line]
        for key, colour in (("hybrid", "C0"), ("dense", "C1"), ("lexical", "C2"), ("query embedding alone", "C3")):
            right.loglog(xs, [r["search_ms"][key] for r in line], "D--", color=colour)
        right.loglog(xs, [r["faiss_ms"] for r in line], "D--", color="C4")
        right.loglog(xs, [r["sparql_ms"] for r in line], "D--", color="C5")
    right.set_xlabel("passages (diamonds: end to end from stand-ins)")
    right.set_ylabel("p50 ms")
    right.legend(fontsize=7)
    faiss_rows = json.loads(projection.FAISS_RESULTS.read_text()) if projection.FAISS_RESULTS.exists() else []
    points = [(r["passages"], "IndexFlatIP", r["faiss_recall10"], r["faiss_ms"]) for r in full]
    points += [(r["vectors"], r["faiss"].split("(")[0], r["faiss_recall10"], r["faiss_ms"]) for r in faiss_rows]
    points += [(r["passages"], r["faiss"].split("(")[0], r["faiss_recall10"], r["faiss_ms"]) for r in ends]
    points += [(r["passages"], r["faiss"].split("(")[0], r["faiss_recall10"], r["faiss_ms"]) for r in rows
               if r.get("copies_of")]
    for kind, marker in (("IndexFlatIP", "o"), ("IndexHNSWFlat", "s"), ("IndexIVFScalarQuantizer", "^"),
                         ("IndexIVFPQ", "v")):
        mine = sorted(p for p in points if p[1] == kind)
        if mine:
            third.semilogx([p[0] for p in mine], [p[2] for p in mine], marker, color="C0", label=f"{kind} recall@10")
            third.semilogx([p[0] for p in mine], [p[3] / 10 for p in mine], marker, color="C1", mfc="none",
                          label=f"{kind} search ms / 10")
    third.set_xlabel("vectors (stand-ins: noisy copies of real seed vectors past 10×)")
    third.set_ylim(0, 1.05)
    third.set_title("FAISS by size: recall@10 against exact search", fontsize=9)
    third.legend(fontsize=7)
    fig.suptitle("Gyoryu scale study (bench/scale.py, bench/scale_projection.py)")
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
    parser.add_argument("--project-above", type=float, default=50,
                        help="scales above this are projected (bench/scale_projection.py), not built whole")
    parser.add_argument("--end-to-end-up-to", type=float, default=100,
                        help="largest projected scale run end to end from stand-ins (bench/scale_stand_in.py; "
                             "needs --data)")
    parser.add_argument("--stream-up-to", type=float, default=100,
                        help="largest projected scale whose graph and store are streamed from stand-ins")
    parser.add_argument("--data", type=Path, help="built seed data whose real passage vectors seed the stand-ins")
    parser.add_argument("--workdir", type=Path, help="keep the corpora and built data here (default: a temporary "
                        "directory, removed at the end)")
    parser.add_argument("--merge", type=Path, help="merge this end-to-end row (bench/scale_stand_in.py's output) "
                        "into the results instead of measuring anything")
    parser.add_argument("--readme", type=Path, help="with --merge: put the row's line into this README's measures")
    args = parser.parse_args(argv)
    rows = json.loads(args.results.read_text()) if args.results.exists() else []
    if args.merge:
        row = read_row(args.merge)
        report(merged(rows, row), args, section_where(args.write))
        if args.readme:
            put_readme_line(args.readme, row)
        return 0
    done = {(r["scale"], row_kind(r)): r for r in rows}
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
    kept = nullcontext(args.workdir) if args.workdir else tempfile.TemporaryDirectory(prefix="gyoryu-scale-")
    with kept as tmp:
        for scale in args.scales:
            if args.project_above < scale <= args.end_to_end_up_to and args.data is not None:
                row = stand_in.end_to_end(scale, Path(tmp), args.data)
            elif scale > args.project_above:
                full = [r for r in done.values() if not r.get("projected")]
                row = measure_projected(scale, Path(tmp), [r for r in full if not r.get("stand_in")],
                                        args.data, args.stream_up_to)
            else:
                row = measure(scale, Path(tmp))
            done[(scale, row_kind(row))] = row
            args.results.write_text(json.dumps(sorted(done.values(), key=lambda r: r["scale"]), indent=1))
            print(json.dumps(row), flush=True)
    return report(sorted(done.values(), key=lambda r: r["scale"]), args)


def report(rows: list[dict], args: argparse.Namespace, where: str | None = None) -> int:
    """Estimates of the projected rows, the results file, the section (printed; into ``--write``), the plot."""
    for r in rows:
        if r.get("projected"):
            extrapolate(r, rows)
    args.results.write_text(json.dumps(rows, indent=1))
    text = markdown(rows, where or machine())
    print(text)
    if args.write:
        put_section(args.write, text)
    if args.plot:
        plot(rows, args.plot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
