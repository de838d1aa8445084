"""The 1000× row: the store, the glossary and FAISS measured at full size, built from copies of a 10× build.

A build at 1000× from stand-ins (``bench/scale_stand_in.py``) costs some 19,000 s of CPU here, ten times 100×'s,
most of it per document or per passage (SHACL, the passage cutting, Kiwi, profiles) and none of it what the study
is about. So this row keeps at full size only what grows with the data and is served — and says so:

* **the store, measured**: the 10× build's ``graph.nq`` (real streaming build over stand-in pieces) copied
  ``COPIES`` times, each copy's document graphs, documents, spans, agreements and fact nodes renamed (``--cN``;
  registry regions, countries, organisations, people and posts stay shared, as in the stand-in pieces), the
  registry and ontology graphs once; streamed straight into a new on-disk store by the bulk loader with its union
  default graph, as the build writes it (no ``graph.nq`` is written). Build CPU, wall, peak, size; the time to open
  it read-only; the README SPARQL mix on it; the glossary the search process reads from it (CPU, peak);
* **FAISS, measured**: as many stand-in vectors as ``COPIES`` times the 10× passages (noisy copies of real
  passage vectors), the index type :mod:`index.dense` picks, its build, size, search ms and recall@10 against
  exact search (:func:`scale_projection.faiss_study`);
* **not built, extrapolated** from the 100× row's per-unit CPU (its ``cpu_stages_s`` × 10): SHACL, passages,
  Kiwi, profiles, line vectors; extraction and the model per document and per passage as measured on samples.

Copies restate the same names, so the glossary has the 10× build's names with ``COPIES`` times the entities
behind the renamed ones; dates are not moved.

Usage: ``python bench/scale_copies.py SOURCE_DATA WORKDIR SEEDS_DATA [COPIES [MINUTES [SNAPSHOT [SEARCH]]]]``
(prints the row as JSON and puts it into ``bench/scale.json``; the store stops taking copies when less than
``MIN_FREE_GB`` are free on the work directory's disk or after ``MINUTES``, and the row is then at the scale of the
copies it holds; a step that finished is not run again in the same ``WORKDIR``; with ``SNAPSHOT`` the store as it
is after that many copies is also kept in ``WORKDIR/snapshot-SNAPSHOT``, for the SPARQL study of
``bench/scale_sparql.py``; ``SEARCH``: the JSON of ``bench/scale_index_copies.py`` for as many copies, whose search
process and FAISS the row then carries).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale_projection as projection  # noqa: E402

COPIES = 100
RESULTS = ROOT / "bench" / "scale.json"
MIN_FREE_GB = 15
MARK = b"\x01"
_ID = projection._ID.encode()
_FIXED_GRAPHS = (_ID + b"graph/registry>", _ID + b"graph/ontology>")
_PER_DOCUMENT = (b"graph", b"doc", b"source")  # shared kinds in the stand-in pieces, named after a document
_IRI = re.compile(b"<" + re.escape(_ID) + rb"([a-z-]+)/([^>]*)>")


def templates(graph_nq: Path) -> tuple[bytes, bytes, bytes]:
    """The fixed graphs' quads, and the document graphs' quads and triples with :data:`MARK` where a copy's number
    goes (every IRI of a document, span, agreement or fact node)."""
    shared = {kind.encode() for kind in projection._SHARED} - set(_PER_DOCUMENT)

    def rename(m: re.Match) -> bytes:
        return m.group(0) if m.group(1) in shared else m.group(0)[:-1] + b"--c" + MARK + b">"

    fixed, quads, triples = [], [], []
    with open(graph_nq, "rb") as lines:
        for line in lines:
            if line.rstrip().endswith(b"> .") and line.rstrip()[:-2].rstrip().endswith(_FIXED_GRAPHS):
                fixed.append(line)
                continue
            copy = _IRI.sub(rename, line)
            quads.append(copy)
            triples.append(copy[:copy.rindex(b" <", 0, len(copy) - 3)] + b" .\n")
    return b"".join(fixed), b"".join(quads), b"".join(triples)


def store_child(source: Path, store_dir: Path, copies: int, stop_at: float, snapshot_at: int = 0) -> None:
    """In a child: the store of ``copies`` renamed copies of ``source``'s document graphs (see the module), one
    copy's quads and union triples at a time; stops before a copy when the disk under the store has less than
    :data:`MIN_FREE_GB` free or the clock passed ``stop_at`` (epoch seconds), and says how many copies it holds.
    With ``snapshot_at``, once that many copies are loaded the store is also saved as it then is into
    ``snapshot-N`` beside it (``Store.backup``: hard links to the store's files, so minutes of loading are not
    repeated for a smaller store to study while the large one goes on).
    Not compacted at the end (``optimize``): the build compacts, and at this size that is a long write of its own."""
    import pyoxigraph as ox

    from graph.store import GRAPH_FILE

    fixed, quads, triples = templates(source / GRAPH_FILE)
    store = ox.Store(str(store_dir))
    store.bulk_load(fixed, format=ox.RdfFormat.N_QUADS)
    store.bulk_load(b"".join(line.rsplit(b" <", 1)[0] + b" .\n" for line in fixed.splitlines(keepends=True)),
                    format=ox.RdfFormat.N_TRIPLES)
    done, stopped = 0, None
    for done in range(copies):
        free = shutil.disk_usage(store_dir).free / 1e9
        if free < MIN_FREE_GB or time.time() > stop_at:
            stopped = f"before copy {done}: {free:.1f} GB free at {time.strftime('%H:%M:%S')}"
            break
        number = str(done).encode()
        store.bulk_load(quads.replace(MARK, number), format=ox.RdfFormat.N_QUADS, lenient=True)
        store.bulk_load(triples.replace(MARK, number), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        print(f"{time.strftime('%H:%M:%S')} copy {done} loaded", file=sys.stderr, flush=True)
        if done + 1 == snapshot_at:
            store.flush()
            store.backup(str(store_dir.parent / f"snapshot-{snapshot_at}"))
            print(f"{time.strftime('%H:%M:%S')} snapshot of {snapshot_at} copies", file=sys.stderr, flush=True)
    else:
        done = copies
    store.flush()
    print(json.dumps({"copies_loaded": done, "stopped": stopped, "stored": len(store),
                      "named_graph_quads": fixed.count(b"\n") + quads.count(b"\n") * done}))


def glossary_child(store_dir: Path) -> None:
    """In a child: open the store read-only (ms), the README SPARQL mix, then the glossary the search process reads
    (CPU s, peak MB in the parent), as JSON."""
    from scale import sparql_mix_ms

    from graph.registry import Registry
    from graph.store import OxigraphStore
    from index.query_links import glossary_from_store

    registry = Registry.default()
    started = time.perf_counter()
    store = OxigraphStore.open_read_only(store_dir)
    store.query("ASK { ?s ?p ?o }")
    opened_ms = (time.perf_counter() - started) * 1000
    sparql = sparql_mix_ms(store_dir)
    cpu, wall = time.process_time(), time.perf_counter()
    glossary = glossary_from_store(store, registry)
    print(json.dumps({"store_open_ms": round(opened_ms, 1), "sparql_ms": sparql,
                      "glossary_cpu_s": round(time.process_time() - cpu, 1),
                      "glossary_wall_s": round(time.perf_counter() - wall, 1), "glossary_terms": len(glossary.terms),
                      "glossary_korean_names": len(glossary._ko_terms)}))


def faiss_child(count: int, seeds_file: Path, workdir: Path) -> None:
    """In a child: :func:`scale_projection.faiss_study` at ``count`` stand-in vectors, as JSON."""
    print(json.dumps(projection.faiss_study(count, np.load(seeds_file).astype(np.float32), workdir)))


def child(*args: str) -> dict:
    """This script with ``args`` in a child process: its JSON, with wall and CPU seconds and peak MB."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=sys.stderr)
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    if status:
        raise SystemExit(f"{args[0]} failed (status {status})")
    return {**json.loads(out.strip().splitlines()[-1]), "wall_s": round(time.perf_counter() - started, 1),
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024)}


def step(workdir: Path, name: str, *args: str) -> dict:
    """:func:`child` ``--name args``, or what it wrote into ``WORKDIR/name.json`` on an earlier run (steps are
    run once: a run that stopped goes on from the next step)."""
    done = workdir / f"{name}.json"
    if not done.exists():
        done.write_text(json.dumps(child(f"--{name}", *args)))
    return json.loads(done.read_text())


def row(source: Path, workdir: Path, seeds_data: Path, copies: int, stop_at: float, snapshot_at: int = 0,
        search_file: Path | None = None) -> dict:
    """Build the store and FAISS at up to ``copies`` times ``source`` and measure them (see the module); the row at
    ``copies`` times ``source``'s scale, FAISS at that size, the store and what is measured on it at the copies it
    holds when it stopped (``store_copies``, ``store_scale``: all of them unless the disk or the clock stopped it);
    the estimates of what is not built at the store's size. With ``search_file`` (the JSON of
    ``bench/scale_index_copies.py`` at the same number of copies) FAISS is the served index measured there and the
    row carries that search process's figures (``search_process``) instead of a FAISS study of its own."""
    from scale import size_mb

    from graph.store import STORE_DIR

    manifest = json.loads((source / "manifest.json").read_text())
    scale, documents = manifest_scale(source), len(manifest["index"]["documents"])
    hundred = next(r for r in json.loads(RESULTS.read_text()) if r["scale"] == 100)
    store_dir = workdir / STORE_DIR
    print(f"{time.strftime('%H:%M:%S')} {copies} copies of {source}", file=sys.stderr, flush=True)
    load = [round(x, 1) for x in os.getloadavg()]
    store = step(workdir, "store", str(source), str(store_dir), str(copies), str(stop_at), str(snapshot_at))
    store["store_mb"] = round(size_mb(store_dir), 1)
    wanted, copies = copies, store["copies_loaded"]
    print(f"{time.strftime('%H:%M:%S')} store {store}", file=sys.stderr, flush=True)
    queries = step(workdir, "glossary", str(store_dir))
    print(f"{time.strftime('%H:%M:%S')} glossary {queries}", file=sys.stderr, flush=True)
    faiss_vectors = manifest["index"]["passages"] * wanted  # at the full size even when the store stopped short
    searched = json.loads(search_file.read_text()) if search_file else None
    if searched:  # the search index of bench/scale_index_copies.py at this size: its FAISS, recall measured
        search = searched["search"]
        built = searched["index"]["faiss"]
        faiss = {"faiss": search["faiss"], "faiss_recall10": search["faiss_recall10"], "faiss_ms": search["faiss_ms"],
                 "faiss_build_cpu_s": built["build_cpu_s"], "faiss_mb": built["mb"],
                 "peak_rss_mb": search["child_peak_rss_mb"]}
    else:
        seeds_file = workdir / "seed-vectors.npy"
        np.save(seeds_file, np.load(seeds_data / "index" / "embeddings.npy").astype(np.float32))
        faiss = step(workdir, "faiss", str(faiss_vectors), str(seeds_file), str(workdir))
    passages = manifest["index"]["passages"] * copies
    print(f"{time.strftime('%H:%M:%S')} faiss {faiss}", file=sys.stderr, flush=True)
    factor = documents * copies / hundred["documents"]
    lines = manifest["index"]["line_vectors"] * copies
    not_built = {"extraction (0.19 s a document, 100× sample)": round(hundred["extract_cpu_s_per_document"]
                                                                      * documents * copies),
                 "SHACL (204 µs a quad, 100× sample)": round(hundred["validate_cpu_s_per_quad"]
                                                             * store["named_graph_quads"]),
                 "model (per passage and line)": round(hundred["embed_s_per_passage"] * (passages + lines)),
                 "Kiwi (per passage)": round(hundred["kiwi_cpu_s_per_passage"] * passages),
                 **{f"{k} (100×'s × {factor:.1f})": round(hundred["cpu_stages_s"][k] * factor)
                    for k in ("index passages", "index embed", "index lines", "index profiles")}}
    return {"scale": float(round(scale * wanted)), "copies_of": scale, "copies": wanted, "store_copies": copies,
            "store_scale": float(round(scale * copies)), "documents": documents * wanted,
            "passages": manifest["index"]["passages"] * wanted, "store_passages": passages, "line_vectors": lines,
            "source_quads": manifest["graph"]["quads"], "quads": store["named_graph_quads"], "store": store,
            "search_store": queries, "sparql_ms": queries["sparql_ms"],
            "faiss_study": {**faiss, "vectors": faiss_vectors}, "faiss": faiss["faiss"],
            "faiss_recall10": faiss["faiss_recall10"], "faiss_ms": faiss["faiss_ms"],
            "load_average_before": load, "load_average_after": [round(x, 1) for x in os.getloadavg()],
            "not_built_cpu_s_est": not_built, **({"search_process": searched} if searched else {})}


def manifest_scale(source: Path) -> float:
    """The scale of a data dir named ``data-SCALE`` by ``bench/scale_stand_in.py``."""
    return float(source.name.rsplit("-", 1)[-1])


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--store"]:
        store_child(Path(args[1]), Path(args[2]), int(args[3]), float(args[4]), int(args[5]))
    elif args[:1] == ["--glossary"]:
        glossary_child(Path(args[1]))
    elif args[:1] == ["--faiss"]:
        faiss_child(int(args[1]), Path(args[2]), Path(args[3]))
    elif len(args) in (3, 4, 5, 6, 7):
        copies = int(args[3]) if len(args) > 3 else COPIES
        stop_at = time.time() + float(args[4]) * 60 if len(args) > 4 else float("inf")
        snapshot_at = int(args[5]) if len(args) > 5 else 0
        search_file = Path(args[6]) if len(args) > 6 else None
        measured = row(Path(args[0]), Path(args[1]), Path(args[2]), copies, stop_at, snapshot_at, search_file)
        print(json.dumps(measured, ensure_ascii=False))
        rows = [r for r in json.loads(RESULTS.read_text()) if r["scale"] != measured["scale"]]
        RESULTS.write_text(json.dumps(sorted([*rows, measured], key=lambda r: r["scale"]), indent=1))
    else:
        raise SystemExit("usage: bench/scale_copies.py SOURCE_DATA WORKDIR SEEDS_DATA "
                         "[COPIES [MINUTES [SNAPSHOT [SEARCH]]]]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
