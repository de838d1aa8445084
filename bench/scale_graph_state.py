"""The streaming build's graph state (``graph-state.json``) kept whole or written one summary at a time: peak memory.

Usage: ``python bench/scale_graph_state.py CORPUS CACHE_DIR VERSION COUNT whole|streamed``: the first ``COUNT``
documents of a generated corpus whose extraction pieces are in ``CACHE_DIR`` under the extraction code version
``VERSION`` (as :mod:`bench.scale_stand_in` wrote them); the reconciliation plan is taken first (as the streaming
build takes it), then the state is written — ``whole``: :func:`graph.incremental.state_of` then ``write`` (every
summary in memory, the plan taken again from them); ``streamed``: :func:`graph.incremental.write_state_streamed`.
Prints JSON: resident MB before the state step and its peak (sampled every 0.1 s), CPU and wall seconds of the
state step, the file's MB.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    if len(sys.argv) != 6 or sys.argv[5] not in ("whole", "streamed"):
        raise SystemExit(__doc__.split("\n\n")[1])
    corpus, cache_dir, version, count, how = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), \
        sys.argv[5]
    import graph.extraction_cache as extraction_cache

    extraction_cache.extractor_version = lambda: version
    import graph.incremental as incremental
    from corpus import load_corpus
    from graph.extraction_cache import ExtractionCache
    from graph.incremental import STATE_FILE, fixed_lines, state_of, write_state_streamed
    from graph.quad_lines import lines_by_graph
    from graph.reconcile_lines import LineIndexes, plan_reconciliation
    from graph.registry import Registry
    from graph.report import ExtractionReport

    incremental.extractor_version = lambda: version
    documents = load_corpus(corpus)[:count]
    cache, registry = ExtractionCache(cache_dir), Registry.default()
    ix = LineIndexes()
    for doc in documents:
        for lines in lines_by_graph(cache.lines(doc)):
            ix.read(lines)
    for lines in fixed_lines(registry).values():
        ix.read(lines)
    plan = plan_reconciliation(ix, ExtractionReport())
    del ix
    before, peak, done = rss_mb(), [0.0], threading.Event()

    def sample() -> None:  # the state step's own peak (the plan's indexes, freed, may have peaked higher)
        while not done.wait(0.1):
            peak[0] = max(peak[0], rss_mb())

    threading.Thread(target=sample, daemon=True).start()
    wall, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory(dir=cache_dir.parent) as out:
        if how == "whole":
            state_of(documents, cache, registry, ExtractionReport()).write(Path(out))
        else:
            write_state_streamed(documents, cache, registry, ExtractionReport(), plan, Path(out))
        size = (Path(out) / STATE_FILE).stat().st_size / 1e6
    done.set()
    print(json.dumps({"how": how, "documents": len(documents), "rss_before_mb": round(before),
                      "state_peak_rss_mb": round(max(peak[0], rss_mb())),
                      "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "state_cpu_s": round(time.process_time() - cpu, 1),
                      "state_wall_s": round(time.perf_counter() - wall, 1), "state_mb": round(size, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
