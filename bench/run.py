"""Benchmark: query latency (embedding + search) per mode, partner latency, and build time per stage.

Usage: ``.venv/bin/python bench/run.py --data DIR [--rebuild] [--write bench/RESULTS.md]``

With ``--rebuild`` the graph and index are first built from the embedded corpus into ``DIR``
in a separate process (so build-time threads do not disturb the latency measurement) and
the build's per-stage times are reported too; otherwise only query latency is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.artifacts import read_jsonl  # noqa: E402
from index.evaluation import QUESTIONS  # noqa: E402
from index.modes import MODES  # noqa: E402
from index.search import SearchEngine  # noqa: E402
from runtime.settings import Settings  # noqa: E402

REPEATS = 3


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by linear interpolation."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low, high = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def build(data: Path, settings: Settings) -> dict[str, float]:
    """Build graph and index into ``data``; seconds per stage."""
    from corpus import load_corpus
    from graph.build import build_graph
    from graph.registry import Registry
    from index.build import build_index
    from runtime.progress import Progress

    progress = Progress(quiet=True)
    documents = load_corpus()
    registry = Registry.default()
    with progress.stage("graph"):
        dataset = build_graph(documents, registry).dataset
    build_index(documents, dataset, registry, data, settings, progress)
    return dict(progress.timings)


def measure(engine: SearchEngine, queries: list[str]) -> dict[str, dict[str, float]]:
    """Latency (ms) of ``engine.search`` per mode and of partner ranking, over every query × REPEATS."""
    from index.partners import rank_partners

    out: dict[str, dict[str, float]] = {}
    runs = {mode: (lambda q, m=mode: engine.search(q, k=10, mode=m)) for mode in MODES}
    runs["partners"] = lambda q: rank_partners(engine, q, k=10)
    for name, run in runs.items():
        times = []
        for _ in range(REPEATS):
            for q in queries:
                start = time.perf_counter()
                run(q)
                times.append((time.perf_counter() - start) * 1000)
        out[name] = {"p50": percentile(times, 0.5), "p95": percentile(times, 0.95), "n": len(times)}
    return out


def measure_http(engine: SearchEngine, queries: list[str]) -> dict[str, dict[str, float]]:
    """Warm ``/api/search`` (hybrid, k=10) against query embedding alone, side by side on each distinct question.

    The embedding cache is off, so every request embeds its question; each question is first embedded alone,
    then asked over HTTP (Flask's WSGI test client: routing, validation, search, JSON), so both see the same
    machine load. ``overhead`` is the per-question difference. ``api_search_cached`` asks every question a
    second time with the cache on.
    """
    from urllib.parse import urlencode

    from api.app import create_app

    rows: dict[str, list[float]] = {"embedding": [], "api_search": [], "overhead": [], "api_search_cached": []}
    for cache in (0, 256):
        engine.settings = replace(engine.settings, embed_cache_size=cache)
        engine._query_cache.clear()
        client = create_app(engine.settings, search_engine=engine).test_client()
        client.get("/api/search?" + urlencode({"q": "워밍업 warm-up", "k": 10}))
        for q in queries:
            url = "/api/search?" + urlencode({"q": q, "k": 10})
            if cache:
                client.get(url)  # fill the cache, then time the repeat
                start = time.perf_counter()
                assert client.get(url).status_code == 200
                rows["api_search_cached"].append((time.perf_counter() - start) * 1000)
                continue
            start = time.perf_counter()
            engine.embedder.encode_queries([q])
            embedded = time.perf_counter()
            assert client.get(url).status_code == 200
            end = time.perf_counter()
            rows["embedding"].append((embedded - start) * 1000)
            rows["api_search"].append((end - embedded) * 1000)
            rows["overhead"].append(((end - embedded) - (embedded - start)) * 1000)
    return {name: {"p50": percentile(v, 0.5), "p95": percentile(v, 0.95), "n": len(v)} for name, v in rows.items()}


def report(latency: dict, stages: dict[str, float] | None, engine: SearchEngine,
           http: dict | None = None) -> str:
    """RESULTS.md text."""
    cpu = f"{os.cpu_count()} CPU cores, {platform.machine()}, Python {platform.python_version()}"
    lines = ["# Benchmark results", "",
             f"Measured with `bench/run.py` on {cpu}; {engine.manifest['passages']} passages, "
             f"model `{engine.manifest['model']['id']}`, FAISS `{engine.manifest['faiss']}`.",
             f"Queries: the {len(read_jsonl(QUESTIONS))} judged questions of `eval/questions.jsonl` (Korean and "
             "English), "
             f"each run {REPEATS} times; latency includes query embedding.", "",
             "| query | p50 ms | p95 ms |", "| --- | ---: | ---: |"]
    for name, row in latency.items():
        lines.append(f"| {name} | {row['p50']:.1f} | {row['p95']:.1f} |")
    if http:
        lines += ["", "Warm `/api/search` (hybrid, k=10) against query embedding alone, each distinct question once, "
                  "embedding cache off (`api_search_cached`: the same questions repeated, cache on); `overhead` is "
                  "the per-question difference:", "", "| measured | p50 ms | p95 ms |", "| --- | ---: | ---: |"]
        lines += [f"| {name} | {row['p50']:.1f} | {row['p95']:.1f} |" for name, row in http.items()]
    if stages:
        lines += ["", "| build stage | seconds |", "| --- | ---: |"]
        lines += [f"| {name} | {seconds:.1f} |" for name, seconds in stages.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="data directory holding (or receiving) the index")
    parser.add_argument("--rebuild", action="store_true", help="build graph and index first, timing each stage")
    parser.add_argument("--write", type=Path, help="write the results as Markdown to this file")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    settings = replace(Settings.from_env(), data_dir=args.data)
    if args.build_only:
        print(json.dumps(build(args.data, settings)))
        return 0
    stages = None
    if args.rebuild:
        done = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--build-only"],
                              check=True, capture_output=True, text=True)
        stages = json.loads(done.stdout.strip().splitlines()[-1])
    questions = [q["query"] for q in read_jsonl(QUESTIONS)]
    engine = SearchEngine.load(args.data, replace(settings, embed_cache_size=0))
    latency = measure(engine, questions)
    http = measure_http(engine, questions)
    text = report(latency, stages, engine, http)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
