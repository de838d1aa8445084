"""The build on one and on several local workers: a synthetic corpus built with ``GYORYU_BUILD_WORKERS`` 1 and 2,
and the per-document costs that say when more workers, or a cluster, pay.

Usage: ``.venv/bin/python bench/workers.py [--scale 10] [--workers 1 2] [--graph-only] [--write bench/RESULTS.md]``

``--graph-only`` builds only the graph (``gyoryu build --graph-only``): the per-document work left is extraction,
the part workers spread when the passage vectors are reused; each stage's progress goes to ``DATA.log``.

``bench/generate_corpus.py`` writes the corpus (seed 13). Each build runs in a child process, as
``bench/scale.py`` does, with **stand-in passage vectors** (seeded random unit vectors; the real model
would take hours at 10×), but every worker still loads the real model once, as a real build's workers
do. Measured beside the builds: extraction seconds per document (the one-worker build's extract stage),
the real model's embedding seconds per passage (a sample, in this process), and a worker's start-up
(a fresh process importing the code and loading the model). From those the section states how many
documents a build needs before a second worker pays back its start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.embedder import Embedder  # noqa: E402
from runtime.settings import Settings  # noqa: E402

EMBED_SAMPLE = 32


class StandInEmbedder(Embedder):
    """The real model (loaded, tokenising), with seeded random unit vectors for passages; module level, so
    worker processes unpickle it by name."""

    def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        vectors = np.random.default_rng(len(texts)).standard_normal((len(texts), self.dim)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def child_build(corpus: Path, data: Path, workers: int, with_index: bool = True) -> None:
    """``gyoryu build`` with ``workers`` local workers and stand-in vectors (runs in the child; progress on
    stderr)."""
    import index.build
    from gyoryu.build import build
    from runtime.progress import Progress

    index.build.Embedder = StandInEmbedder
    build(corpus, data, replace(Settings.from_env(), build_workers=workers), Progress(), with_index=with_index)


def timed_build(corpus: Path, data: Path, workers: int, with_index: bool = True) -> dict:
    """Wall time, stage timings and CPU seconds (the child and its worker processes) of one build."""
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    log = data.parent / f"{data.name}.log"
    with log.open("w+b") as err:
        child = subprocess.Popen([sys.executable, __file__, "--build-child", str(corpus), str(data), str(workers),
                                  "1" if with_index else "0"], env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # includes the workers the child waited for
    if status:
        raise SystemExit(f"build failed: {log.read_text()[-3000:]}")
    wall = time.perf_counter() - started
    manifest = json.loads((data / "manifest.json").read_text())
    return {"workers": workers, "wall_s": round(wall, 1), "stages_s": manifest["timings_s"],
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "passages": manifest["index"].get("passages", 0),
            "load_average_before": round(load_before, 1), "load_average": round(os.getloadavg()[0], 1)}


def worker_start_s(settings: Settings) -> float:
    """Seconds from starting one worker process to its first passage vector (imports and model load included)."""
    from index.embedding_tasks import encode_chunk
    from runtime.executors import ProcessExecutor

    started = time.perf_counter()
    executor = ProcessExecutor(1)
    try:
        list(executor.map(partial(encode_chunk, Embedder.load, settings), [["워밍업 passage"]], ["start-up"]))
    finally:
        executor.close()
    return time.perf_counter() - started


def embed_s_per_passage(settings: Settings, texts: list[str]) -> float:
    """The real model's seconds per passage on ``texts``, in this process (after a warm-up)."""
    embedder = Embedder.load(settings)
    embedder.encode_passages(texts[:2])
    started = time.perf_counter()
    embedder.encode_passages(texts)
    return (time.perf_counter() - started) / len(texts)


def markdown(scale: float, documents: int, runs: list[dict], costs: dict, where: str) -> str:
    """The RESULTS.md section."""
    one = next(r for r in runs if r["workers"] == 1)
    lines = [f"### Workers: the {scale:g}× corpus built with {' and '.join(str(r['workers']) for r in runs)} local "
             f"workers", "",
             f"{where}. Synthetic corpus from `bench/generate_corpus.py` (seed 13): {documents} documents, "
             f"{one['passages']} passages; stand-in passage vectors (every worker still loads the real model). "
             "1 worker is the build's own process (the default); N > 1 are fresh local processes "
             "(`--workers N`).", "",
             "| workers | build s (wall) | extract s | embed s | other stages s | CPU s (all processes) "
             "| load average after |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in runs:
        stages = r["stages_s"]
        embed = stages.get("embed", 0.0)
        other = stages["total"] - stages["extract"] - embed
        lines.append(f"| {r['workers']} | {r['wall_s']:.1f} | {stages['extract']:.1f} | {embed:.1f} "
                     f"| {other:.1f} | {r['cpu_s']:.1f} | {r['load_average']:.1f} |")
    per_doc = one["stages_s"]["extract"] / documents
    passages_per_doc = (one["passages"] or costs.get("passages_per_document", 0) * documents) / documents
    real_per_doc = per_doc + passages_per_doc * costs["embed_s_per_passage"]
    break_even = costs["worker_start_s"] * 2 / real_per_doc  # 2 workers halve N·c; one start-up is paid per worker
    lines += ["", "| per-document cost (measured) | value |", "| --- | --- |",
              f"| extraction, s per document (1 worker) | {per_doc:.2f} |",
              f"| passages per document | {passages_per_doc:.0f} |",
              f"| real embedding, s per passage (this process) | {costs['embed_s_per_passage']:.3f} |",
              f"| real build work, s per document (extraction + embedding) | {real_per_doc:.1f} |",
              f"| worker start-up, s (process, imports, model load) | {costs['worker_start_s']:.1f} |",
              f"| documents before a second worker saves its start-up (2 × start-up ÷ s per document) "
              f"| {break_even:.0f} |", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from compare import machine
    from generate_corpus import generate
    from load import write_section

    from corpus import load_corpus
    from index.artifacts import read_jsonl

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--write", type=Path, help="put the Markdown section into this file")
    parser.add_argument("--graph-only", action="store_true", help="build only the graph (extraction on the workers)")
    parser.add_argument("--workdir", type=Path, help="keep the corpus, data and logs here (default: a temporary one)")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    with tempfile.TemporaryDirectory(prefix="gyoryu-workers-") as tmp:
        work = args.workdir or Path(tmp)
        corpus = work / "corpus"
        counts = generate(args.scale, corpus)
        runs = []
        for w in sorted(set(args.workers) | {1}):
            runs.append(timed_build(corpus, work / f"data-{w}", w, not args.graph_only))
            print(json.dumps(runs[-1]), flush=True)
        passages_file = work / "data-1" / "index" / "passages.jsonl"
        passages = ([p["text"] for p in read_jsonl(passages_file)] if passages_file.exists()
                    else [line for doc in load_corpus(corpus)[:EMBED_SAMPLE] for line in doc.lines if line.strip()])
    sample = passages[:: max(1, len(passages) // EMBED_SAMPLE)][:EMBED_SAMPLE]
    costs = {"embed_s_per_passage": embed_s_per_passage(settings, sample), "worker_start_s": worker_start_s(settings)}
    scale_rows = [r for r in json.loads((ROOT / "bench" / "scale.json").read_text()) if r["scale"] == args.scale]
    if args.graph_only and scale_rows:  # passages a document, from the scale study's build of the same corpus
        costs["passages_per_document"] = scale_rows[0]["passages"] / scale_rows[0]["documents"]
    result = {"scale": args.scale, **counts, "runs": runs, **costs}
    print(json.dumps(result, indent=1))
    text = markdown(args.scale, counts["documents"], runs, costs, machine())
    print(text)
    if args.write:
        write_section(args.write, text)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--build-child":
        child_build(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1")
    else:
        raise SystemExit(main())
