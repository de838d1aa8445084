"""Search at 100× and 1000× from copies of a 10× index: the whole search process, per mode, at full size.

``bench/scale_copies.py`` builds the store at 1000× from renamed copies of a 10× stand-in build; this does the same
for the search index, so that the search process (``index.search.SearchEngine``) is loaded and queried at the size
the store has. Into a new data directory it writes ``COPIES`` copies of the 10× index:

* ``passages.jsonl``: every passage once per copy, the IRIs of documents, spans, agreements and fact nodes renamed
  as ``bench/scale_copies.py`` renames them in the graph (``--cN``; registry entities shared);
* ``embeddings.npy``: per copy, each source vector plus Gaussian noise (norm ``scale_projection.NOISE``, cosine about
  0.9 to it), L2-normalised — stand-in vectors near the text they stand for; ``passages.faiss`` built over them
  by :func:`index.dense.build_faiss` (the type it picks for the size);
* ``lines.faiss`` / ``lines.json``: the line index the same way (noisy copies of the source's line vectors, owners
  shifted per copy);
* ``bm25``: the BM25 weights of the copied rows (every term's document frequency and the passage count times
  ``COPIES``, the lengths as in the source: :meth:`index.lexical.LexicalIndex.from_counts`'s formula) written
  column by column straight into the memory-mapped files a search process maps (no matrix held in memory), and
  the passages × terms rows :meth:`index.lexical.LexicalIndex.save` writes beside them (decision 0078) copy by copy;
* profiles as in the source (partners are registry entities, shared by the copies); the store: a symbolic link to
  the one of ``bench/scale_copies.py`` (the glossary is read from it).

Then, in a fresh child process: ``SearchEngine.load`` (wall, CPU), search per mode over the bench's questions
(median of 3 each, the real query embedding), the query embedding alone, the process's peak resident memory.

Usage: ``python bench/scale_index_copies.py SOURCE_DATA TARGET_DATA COPIES STORE_DIR [--write-only] [--no-lines]``
(prints JSON; a part whose output exists is not written again; ``--write-only``: no search child, e.g. while the
store is still being loaded; ``--no-lines``: no line index, which at 1000× is a second FAISS build of 2.6 M
vectors), or ``--search TARGET_DATA [SEED_VECTORS]`` for the search figures alone (with FAISS recall@10 against
exact search when the seed vectors, e.g. ``index/embeddings.npy`` of a seed build, are given), or ``--passages
PASSAGES.jsonl objects|mapped`` for what reading the passages alone costs (CPU, anonymous and mapped memory) each way.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale_projection as projection  # noqa: E402

_JSON_IRI = re.compile(re.escape(projection._ID.encode()) + rb'([a-z-]+)/([^"]*)"')
_RENAMED = {kind.encode() for kind in projection._SHARED} - {b"graph", b"doc", b"source"}
_CHUNK = 100_000


def renamed_passages(source: Path, target: Path, copies: int) -> int:
    """``passages.jsonl`` of ``copies`` renamed copies (see the module); the rows written."""
    text = source.read_bytes()
    rows = 0
    with open(target, "wb") as out:
        for copy in range(copies):
            suffix = b"--c" + str(copy).encode() + b'"'
            out.write(_JSON_IRI.sub(lambda m, s=suffix: m.group(0) if m.group(1) in _RENAMED else m.group(0)[:-1] + s,
                                    text))
            rows += text.count(b"\n")
    return rows


def noisy_copies(source: np.ndarray, target: Path, copies: int) -> np.memmap:
    """``copies`` noisy copies of ``source``'s rows one after the other, as a ``.npy`` file (see the module)."""
    n, dim = source.shape
    out = np.lib.format.open_memmap(target, mode="w+", dtype=np.float32, shape=(n * copies, dim))
    for copy in range(copies):
        rng = np.random.default_rng([29, copy])
        for start in range(0, n, _CHUNK):
            rows = np.asarray(source[start:start + _CHUNK], dtype=np.float32)
            noise = rng.standard_normal(rows.shape).astype(np.float32)
            noise *= projection.NOISE / np.linalg.norm(noise, axis=1, keepdims=True)
            rows = rows + noise
            out[copy * n + start:copy * n + start + len(rows)] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    out.flush()
    return np.load(target, mmap_mode="r")


def faiss_over(vectors: np.ndarray, target: Path) -> dict:
    """:func:`index.dense.build_faiss` over ``vectors`` saved at ``target``: its kind, build CPU s, MB."""
    from index.dense import build_faiss, index_kind, save_faiss

    cpu = time.process_time()
    index = build_faiss(vectors)
    save_faiss(index, target)
    return {"kind": index_kind(index), "build_cpu_s": round(time.process_time() - cpu, 1),
            "mb": round(target.stat().st_size / 1e6, 1)}


def bm25_copies(source_index: Path, target: Path, copies: int) -> dict:
    """The BM25 files of ``copies`` copies of the source's passages (see the module), written column by column."""
    import scipy.sparse as sp

    from index.lexical import K1, B
    from index.term_counts import TermCounts

    counts = TermCounts.load(source_index)
    n = len(counts.keys)
    total = n * copies
    df = counts.document_frequencies() * copies
    idf = np.log(1 + (total - df + 0.5) / (df + 0.5)).astype(np.float32)
    lengths = counts.lengths()
    rows = np.repeat(np.arange(n), np.diff(counts.indptr))
    norm = K1 * ((1 - B) + B * lengths / lengths.mean())
    tf = counts.counts.astype(np.float32)
    weights = (idf[counts.indices] * (tf / (norm[rows] + tf))).astype(np.float32)
    csc = sp.csr_matrix((weights, counts.indices, counts.indptr), shape=(n, len(counts.vocab))).tocsc()
    csc.sort_indices()
    column_lengths = np.diff(csc.indptr).astype(np.int64)
    column_of = np.repeat(np.arange(len(column_lengths)), column_lengths)
    within = np.arange(len(csc.data), dtype=np.int64) - csc.indptr[:-1].astype(np.int64)[column_of]
    first = csc.indptr[:-1].astype(np.int64)[column_of] * copies + within
    target.mkdir(parents=True, exist_ok=True)
    nnz = len(csc.data) * copies
    data = np.lib.format.open_memmap(target / "data.csc.index.npy", mode="w+", dtype=np.float32, shape=(nnz,))
    indices = np.lib.format.open_memmap(target / "indices.csc.index.npy", mode="w+", dtype=np.int32, shape=(nnz,))
    for copy in range(copies):  # column j: copy 0's rows, then copy 1's (shifted by n), … — sorted within the column
        at = first + copy * column_lengths[column_of]
        data[at] = csc.data
        indices[at] = csc.indices + copy * n
    data.flush()
    indices.flush()
    np.save(target / "indptr.csc.index.npy", (csc.indptr.astype(np.int64) * copies).astype(np.int32))
    passage_rows(csc.tocsr(), target, copies)
    params = json.loads((source_index / "bm25" / "params.index.json").read_text())
    (target / "params.index.json").write_text(json.dumps({**params, "num_docs": total}, indent=4))
    shutil.copy(source_index / "bm25" / "vocab.index.json", target / "vocab.index.json")
    return {"nnz": int(nnz), "mb": round(sum(f.stat().st_size for f in target.iterdir()) / 1e6, 1)}


def passage_rows(rows, target: Path, copies: int) -> None:
    """The passages × terms rows :meth:`index.lexical.LexicalIndex.save` writes beside bm25s's files
    (:data:`index.lexical.ROW_FILES`, decision 0078) for ``copies`` copies of ``rows`` (the source's rows with the
    copies' weights), one copy at a time into the memory-mapped files, in the types ``save`` writes them."""
    from index.lexical import ROW_FILES

    nnz = len(rows.data) * copies
    # as scipy picks the index type of the rows a build makes (``csc.tocsr()``): 32 bits while they fit
    index_type = np.int32 if max(nnz, rows.shape[1]) <= np.iinfo(np.int32).max else np.int64
    data = np.lib.format.open_memmap(target / ROW_FILES["data"], mode="w+", dtype=rows.data.dtype, shape=(nnz,))
    indices = np.lib.format.open_memmap(target / ROW_FILES["indices"], mode="w+", dtype=index_type, shape=(nnz,))
    indptr = np.empty(rows.shape[0] * copies + 1, dtype=index_type)
    for copy in range(copies):
        at = slice(copy * len(rows.data), (copy + 1) * len(rows.data))
        data[at] = rows.data
        indices[at] = rows.indices
        indptr[copy * rows.shape[0]:(copy + 1) * rows.shape[0]] = rows.indptr[:-1].astype(np.int64) + at.start
    indptr[-1] = nnz
    data.flush()
    indices.flush()
    np.save(target / ROW_FILES["indptr"], indptr)


def write_copies(source: Path, target: Path, copies: int, store_dir: Path, lines: bool = True) -> dict:
    """The copied index in ``target`` (see the module); what was written, with CPU s per part. Without ``lines``
    no line index is written (the search process then runs without the line retriever, as for an index built
    without one)."""
    from graph.store import STORE_DIR
    from index import artifacts
    from index.line_vectors import LINE_FAISS, LINES

    src, out = artifacts.index_dir(source), artifacts.index_dir(target)
    out.mkdir(parents=True, exist_ok=True)
    figures: dict = {"copies": copies}
    cpu = time.process_time()
    if not (out / artifacts.PASSAGES).exists():
        figures["passages"] = renamed_passages(src / artifacts.PASSAGES, out / artifacts.PASSAGES, copies)
    figures["passages_cpu_s"] = round(time.process_time() - cpu, 1)
    cpu = time.process_time()
    if not (out / artifacts.FAISS).exists():
        vectors = noisy_copies(np.load(src / artifacts.EMBEDDINGS, mmap_mode="r"), out / artifacts.EMBEDDINGS, copies)
        figures["faiss"] = faiss_over(vectors, out / artifacts.FAISS)
    else:  # written by an earlier run: its kind and size (its build CPU was that run's)
        from index.dense import index_kind, load_faiss

        figures["faiss"] = {"kind": index_kind(load_faiss(out / artifacts.FAISS, mmap=True)), "build_cpu_s": None,
                            "mb": round((out / artifacts.FAISS).stat().st_size / 1e6, 1)}
    figures["vectors_cpu_s"] = round(time.process_time() - cpu, 1)
    cpu = time.process_time()
    figures["line_index"] = lines
    if lines and (src / LINE_FAISS).exists() and not (out / LINE_FAISS).exists():
        from index.dense import load_faiss

        line_index = load_faiss(src / LINE_FAISS)
        line_vectors = line_index.reconstruct_n(0, line_index.ntotal)
        lines = noisy_copies(line_vectors, out / "line_vectors.tmp.npy", copies)
        figures["line_faiss"] = faiss_over(lines, out / LINE_FAISS)
        del lines
        (out / "line_vectors.tmp.npy").unlink()
        owners = np.asarray(artifacts.read_json(src / LINES)["passages"], dtype=np.int64)
        passages = int(artifacts.read_json(src / artifacts.MANIFEST)["passages"])
        shifted = np.concatenate([owners + copy * passages for copy in range(copies)])
        kept = {k: v for k, v in artifacts.read_json(src / LINES).items() if k != "keys"}  # keys: the build's reuse
        (out / LINES).write_text(json.dumps({**kept, "passages": shifted.tolist()}))
    figures["lines_cpu_s"] = round(time.process_time() - cpu, 1)
    cpu = time.process_time()
    if not (out / artifacts.BM25 / "params.index.json").exists():
        figures["bm25"] = bm25_copies(src, out / artifacts.BM25, copies)
    figures["bm25_cpu_s"] = round(time.process_time() - cpu, 1)
    for name in (artifacts.PROFILES, artifacts.PROFILE_VECTORS, "profile_text_vectors.npy"):
        if (src / name).exists():
            shutil.copy(src / name, out / name)
    manifest = artifacts.read_json(src / artifacts.MANIFEST)
    manifest.update(passages=manifest["passages"] * copies, line_vectors=manifest.get("line_vectors", 0) * copies,
                    faiss=figures.get("faiss", {}).get("kind", manifest.get("faiss")), documents=[])
    artifacts.write_json(out / artifacts.MANIFEST, manifest)
    link = target / STORE_DIR
    if not link.exists():
        link.symlink_to(store_dir.resolve())
    figures["index_mb"] = round(sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6, 1)
    return figures


def resident_mb() -> dict:
    """This process's resident memory now, MB: anonymous (its own objects and arrays) and file-backed (mapped index
    files' pages, which the kernel may drop and read again), from ``/proc/self/status``."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return {name: round(int(fields[key].split()[0]) / 1024) for name, key in (("anonymous", "RssAnon"),
                                                                              ("file", "RssFile"))}


def passage_memory(path: Path, mapped: bool) -> dict:
    """CPU s and resident MB (see :func:`resident_mb`) of reading ``path`` as a search process does: every row parsed
    into objects (:func:`index.entity_links.read_passages`, with the entity rows and fact flags the engine derives) or
    mapped (:class:`index.passage_file.PassageFile`)."""
    import resource

    from index.entity_links import read_passages
    from index.passage_file import PassageFile

    before, cpu = resident_mb(), time.process_time()
    if mapped:
        rows = PassageFile(path)
        count = len(rows)
    else:
        passages, links = read_passages(path)
        is_fact = np.array([bool(p.summary) for p in passages], dtype=bool)  # as SearchEngine.__post_init__
        entity_passages: dict[str, list[int]] = {}
        for pid, link in enumerate(links):
            for entity in link.entities:
                entity_passages.setdefault(entity.iri, []).append(pid)
        kept = passages, links, is_fact, entity_passages  # resident while measured below
        count = len(kept[0])
    after = resident_mb()
    return {"rows": count, "mapped": mapped, "cpu_s": round(time.process_time() - cpu, 1),
            "anonymous_mb": after["anonymous"] - before["anonymous"], "file_mb": after["file"],
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def search_child(data: Path, seeds: Path | None = None) -> None:
    """In a fresh child: the search process loaded (wall, CPU), search per mode and the query embedding alone (p50
    over the bench's questions, median of 3 each), peak resident MB after loading and after searching; with
    ``seeds`` (real passage vectors, ``.npy``) then recall@10 and ms of the passage FAISS index against exact search
    over its own vectors (200 stand-in queries near ``seeds``), as JSON."""
    import resource

    from compare import median_ms
    from scale import QUERY_STRIDE

    from index.artifacts import read_jsonl
    from index.evaluation import QUESTIONS
    from index.search import MODES, SearchEngine
    from runtime.settings import Settings

    wall, cpu = time.perf_counter(), time.process_time()
    engine = SearchEngine.load(data, replace(Settings.from_env(), embed_cache_size=0))
    loaded = {"load_wall_s": round(time.perf_counter() - wall, 1), "load_cpu_s": round(time.process_time() - cpu, 1),
              "peak_rss_mb_loaded": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
              "resident_mb_loaded": resident_mb()}
    print(f"{time.strftime('%H:%M:%S')} loaded {loaded}", file=sys.stderr, flush=True)
    queries = [q["query"] for q in read_jsonl(QUESTIONS)][::QUERY_STRIDE]
    search, search_cpu = {}, {}
    for mode in MODES:
        cpu = time.process_time()
        search[mode] = round(statistics.median(median_ms(lambda q=q, m=mode: engine.search(q, 10, m), 3)
                                               for q in queries), 2)
        search_cpu[mode] = round((time.process_time() - cpu) * 1000 / (3 * len(queries)), 2)
        print(f"{time.strftime('%H:%M:%S')} {mode} {search[mode]} ms", file=sys.stderr, flush=True)
    cpu = time.process_time()
    search["query embedding alone"] = round(statistics.median(
        median_ms(lambda q=q: engine.embedder.encode_queries([q]), 3) for q in queries), 2)
    search_cpu["query embedding alone"] = round((time.process_time() - cpu) * 1000 / (3 * len(queries)), 2)
    searched = {**loaded, "passages": len(engine.passages), "questions": len(queries), "search_ms": search,
                "search_cpu_ms_mean": search_cpu, "faiss": engine.manifest.get("faiss"),
                "peak_rss_mb_searched": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "resident_mb_searched": resident_mb(),
                "load_average": round(os.getloadavg()[0], 1)}
    if seeds is not None:  # the served index against exact search over the same vectors
        from scale_stand_in import built_recall

        cpu = time.process_time()
        recall, faiss_ms = built_recall(data, np.load(seeds).astype(np.float32))
        searched.update(faiss_recall10=round(recall, 3), faiss_ms=round(faiss_ms, 2),
                        recall_cpu_s=round(time.process_time() - cpu, 1))
    print(json.dumps(searched))


def run_search(data: Path, seeds: Path | None = None) -> dict:
    """:func:`search_child` in a child process, with its CPU s and peak resident MB as the kernel counts them."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--search", str(data), *([str(seeds)] if seeds else [])],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=sys.stderr)
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    if status:
        raise SystemExit(f"search child failed (status {status})")
    return {**json.loads(out.strip().splitlines()[-1]), "child_wall_s": round(time.perf_counter() - started, 1),
            "child_cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "child_peak_rss_mb": round(usage.ru_maxrss / 1024)}


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--passages"] and len(args) == 3 and args[2] in ("objects", "mapped"):
        print(json.dumps(passage_memory(Path(args[1]), args[2] == "mapped")))
    elif args[:1] == ["--search"] and len(args) in (2, 3):
        search_child(Path(args[1]), Path(args[2]) if len(args) == 3 else None)
    elif len(args) >= 4 and set(args[4:]) <= {"--write-only", "--no-lines"}:
        load = [round(x, 1) for x in os.getloadavg()]
        cpu, wall = time.process_time(), time.perf_counter()
        written = write_copies(Path(args[0]), Path(args[1]), int(args[2]), Path(args[3]), "--no-lines" not in args)
        written.update(write_cpu_s=round(time.process_time() - cpu, 1),
                       write_wall_s=round(time.perf_counter() - wall, 1))
        print(f"{time.strftime('%H:%M:%S')} written {written}", file=sys.stderr, flush=True)
        search = None if "--write-only" in args else run_search(Path(args[1]))
        print(json.dumps({"index": written, "search": search, "load_average_before": load,
                          "load_average_after": [round(x, 1) for x in os.getloadavg()]}, ensure_ascii=False))
    else:
        raise SystemExit("usage: bench/scale_index_copies.py SOURCE_DATA TARGET_DATA COPIES STORE_DIR [--write-only] "
                         "[--no-lines] "
                         "| --search DATA [SEED_VECTORS] | --passages PASSAGES.jsonl objects|mapped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
