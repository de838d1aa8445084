"""The partner-profile stage alone, timed part by part, on built data or on a build directory whose index
stopped before it (decision 0090).

Usage: ``python bench/scale_profiles.py DATA OUT [SEED_VECTORS]``

What :func:`index.stream_index.build_index_streamed` runs last, over the same inputs: the profiles' passages from the
links each row of ``DATA/index/passages.jsonl`` keeps (:func:`index.profiles.linked_partners`, as the build's chunks
add them), the graph from the on-disk store ``DATA/graph.oxigraph``, the passage vectors memory-mapped; the facts
written out as text are embedded with stand-in vectors when ``SEED_VECTORS`` is given (noisy copies of those rows,
as ``bench/scale_stand_in.py``'s build does), else with the real model. ``profiles.json`` and
``profile_vectors.npy`` are written into ``OUT``, never into ``DATA``. Prints one JSON object: per part wall and
CPU seconds and the peak resident MB after it, the counts, and the model's CPU seconds a fact text (measured on a
sample when stand-ins were used, to extrapolate as the study does for passages).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from index import artifacts  # noqa: E402
from index.entity_links import PassageLinks  # noqa: E402
from index.profiles import assemble_profiles, graph_partners, graph_profiles, linked_partners  # noqa: E402
from index.store_facts import StoreFacts  # noqa: E402
from runtime.settings import Settings  # noqa: E402

#: Rows of passages.jsonl whose links are added at once (the build's chunks are about this size).
LINK_CHUNK = 10_000
#: Fact texts the real model embeds to measure its cost a text when stand-ins made the vectors.
MODEL_SAMPLE = 32


def peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


class Parts:
    """Wall and CPU seconds per part and the peak resident MB after each."""

    def __init__(self) -> None:
        self.figures: dict[str, dict] = {}

    @contextmanager
    def part(self, name: str):
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.figures[name] = {"wall_s": round(time.perf_counter() - wall, 1),
                              "cpu_s": round(time.process_time() - cpu, 1), "peak_rss_mb": peak_mb()}
        print(f"{time.strftime('%H:%M:%S')} {name}: {self.figures[name]}", file=sys.stderr, flush=True)


def passage_links(index: Path, refs: dict[str, dict], passage_ids: dict[str, list[int]]) -> int:
    """Add the profiles' passages from ``passages.jsonl``, chunk by chunk as the build does; the rows read."""
    chunk: list[PassageLinks] = []
    first = 0
    for row in artifacts.iter_jsonl(index / artifacts.PASSAGES):
        chunk.append(PassageLinks.from_json(row))
        if len(chunk) == LINK_CHUNK:
            linked_partners(chunk, first, refs, passage_ids)
            first, chunk = first + len(chunk), []
    linked_partners(chunk, first, refs, passage_ids)
    return first + len(chunk)


def encoder(seed_vectors: Path | None):
    """``encode(texts)`` for the fact texts (stand-in or real) and the settings the model loads with."""
    from index.embedder import Embedder

    settings = Settings.from_env()
    if seed_vectors is None:
        return Embedder.load(settings, lazy=True).encode_passages, settings
    from scale_stand_in import stand_in_embedder

    return stand_in_embedder(np.load(seed_vectors).astype(np.float32)).load(settings).encode_passages, settings


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        raise SystemExit("usage: bench/scale_profiles.py DATA OUT [SEED_VECTORS]")
    data, out = Path(argv[0]), Path(argv[1])
    seeds = Path(argv[2]) if len(argv) == 3 else None
    out.mkdir(parents=True, exist_ok=True)
    parts = Parts()
    refs: dict[str, dict] = {}
    passage_ids: dict[str, list[int]] = defaultdict(list)
    with parts.part("passage links"):
        rows = passage_links(data / "index", refs, passage_ids)
    facts = StoreFacts(data / "graph.oxigraph")
    with parts.part("graph partners"):
        graph_partners(facts, refs)
    with parts.part("graph part"):
        graph = graph_profiles(facts, refs)
    encode, settings = encoder(seeds)
    embedded: list[str] = []

    def timed_encode(texts: list[str]) -> np.ndarray:
        embedded.extend(texts)
        with parts.part("fact texts"):
            return encode(texts)

    vectors = np.load(data / "index" / artifacts.EMBEDDINGS, mmap_mode="r")
    with parts.part("profiles and vectors (fact texts included)"):
        profiles, profile_vectors, _, _ = assemble_profiles(refs, passage_ids, facts, vectors, timed_encode, graph)
    with parts.part("write"):
        artifacts.write_json(out / artifacts.PROFILES, profiles)
        np.save(out / artifacts.PROFILE_VECTORS, profile_vectors)
    figures = {"rows": rows, "profiles": len(profiles), "fact_texts": len(embedded),
               "passage_ids": sum(len(ids) for ids in passage_ids.values()),
               "largest_profile_passages": max((len(ids) for ids in passage_ids.values()), default=0),
               "fact_text_vectors": "stand-in" if seeds else "model", "parts": parts.figures}
    if seeds is not None and embedded:
        from index.embedder import Embedder

        model = Embedder.load(settings, lazy=True)
        sample = embedded[:: max(1, len(embedded) // MODEL_SAMPLE)][:MODEL_SAMPLE]
        model.encode_passages(sample[:2])
        started = time.process_time()
        model.encode_passages(sample)
        figures["model_cpu_s_per_fact_text"] = round((time.process_time() - started) / len(sample), 4)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
