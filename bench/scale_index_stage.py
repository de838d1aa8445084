"""The streamed index stage alone, part by part, on a built data directory (decision 0098).

Usage: ``python bench/scale_index_stage.py DATA OUT SEED_VECTORS [KEEP_NODES]``

What :func:`index.stream_index.build_index_streamed` runs in a build past the streaming threshold, over the same
inputs: the documents of ``DATA/corpus``, the graph read from the on-disk store ``DATA/graph.oxigraph``, stand-in
vectors and stand-in term counts as ``bench/scale_stand_in.py``'s build uses them (the model and Kiwi are measured
per passage there and extrapolated). The index files are written into ``OUT`` (never into ``DATA``), so two code
trees can be timed on one built graph and their files compared byte for byte. Prints one JSON object: the parts
(wall and CPU seconds, MB read from disk, voluntary waits, peak resident MB), the counts, the whole stage's CPU
seconds and the load average before and after. ``KEEP_NODES`` replaces :data:`index.store_facts.KEEP_NODES` (the
store's node descriptions kept in memory): a small graph with a cache as small, in proportion, as the default one is
beside the 1000× graph (some 8.5 million nodes) shows what the stage does once the cache no longer holds a document's
nodes between its passes.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale_stand_in import stand_in_embedder, stand_in_tokens  # noqa: E402

from corpus import load_corpus  # noqa: E402
from corpus.loader import CORPUS_COPY  # noqa: E402
from graph.registry import Registry  # noqa: E402
from graph.store import STORE_DIR  # noqa: E402
from runtime.executors import SerialExecutor  # noqa: E402
from runtime.progress import Progress  # noqa: E402
from runtime.settings import Settings  # noqa: E402


def index_stage(data: Path, out: Path, seeds_file: Path, keep_nodes: int | None = None) -> dict:
    """Build the streamed index of ``data``'s corpus and store into ``out``; its figures (see the module)."""
    import index.store_facts
    import index.stream_index
    from index.reuse import Reuse

    if keep_nodes is not None:
        index.store_facts.KEEP_NODES = keep_nodes
    embedder_class = stand_in_embedder(np.load(seeds_file).astype(np.float32))
    index.stream_index.Embedder = embedder_class
    stand_in_tokens()
    documents = load_corpus(data / CORPUS_COPY)
    settings = Settings.from_env()
    embedder = embedder_class.load(settings, lazy=True)
    out.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()
    wall, usage = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    figures = index.stream_index.build_index_streamed(
        documents, data / STORE_DIR, Registry.default(), out, settings, Progress(quiet=True), embedder,
        Reuse(None, embedder.sha256), None, SerialExecutor())
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {"documents": len(documents), "passages": figures["passages"], "line_vectors": figures["line_vectors"],
            "wall_s": round(time.perf_counter() - wall, 1),
            "cpu_s": round(after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime, 1),
            "peak_rss_mb": round(after.ru_maxrss / 1024), "keep_nodes": index.store_facts.KEEP_NODES,
            "parts": figures["stream"]["parts"],
            "load_average_before": round(load_before[0], 1), "load_average_after": round(os.getloadavg()[0], 1)}


def main() -> int:
    if len(sys.argv) not in (4, 5):
        raise SystemExit("usage: bench/scale_index_stage.py DATA OUT SEED_VECTORS [KEEP_NODES]")
    keep = int(sys.argv[4]) if len(sys.argv) == 5 else None
    print(json.dumps(index_stage(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), keep)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
