"""CPU time a request costs beyond its real work: ``/api/search`` beyond the query's model run, ``/sparql`` beyond
the worker's query, the static file as the floor. A loaded machine moves wall times by milliseconds; CPU per request
hardly moves, so steps on the request path are judged by these figures (decision 0070).

Usage: ``python bench/request_cpu.py --data DIR [--rounds 3] [--stride 6] [--json OUT]``

Serves the built data as ``bench/compare.py`` does (waitress on loopback, query-vector cache off, the lean client),
asks every ``stride``-th judged question of the tune half ``rounds`` times as a new question, and reports per request
(medians over askings, ms):

- ``search beyond model``: the process's CPU over the request (server threads, the lexical helper, this client)
  less the CPU of the query's model run (the ONNX session's run on the request's thread);
- ``search server beyond model``: the same without this client's thread;
- ``floor``: a static file's request, process CPU (server and client);
- ``sparql beyond run``: CPU of ``/sparql`` (this process and the query workers) less the worker's own query run as
  timed in-process on the on-disk store, per README question;
- ``sparql server`` / ``floor server``: this process's CPU per ``/sparql`` request (a README question as a form POST)
  and per static file request without this client's thread: the server's request, main and helper threads alone
  (the workers not counted), asked in turn so that the machine's load weighs on both alike (decision 0078).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from compare import Client, process_cpu_s, serve  # noqa: E402

from graph.examples import all_examples  # noqa: E402
from index.artifacts import read_jsonl  # noqa: E402
from index.evaluation import QUESTIONS  # noqa: E402


class ModelClock:
    """Thread CPU seconds spent in the ONNX session's runs (wrapped on the encoder instance)."""

    def __init__(self, encoder) -> None:
        self.seconds = 0.0
        for name in ("_one", "_both"):
            run = getattr(encoder, name)
            setattr(encoder, name, self._timed(run))

    def _timed(self, run):
        def timed(ids):
            began = time.thread_time()
            try:
                return run(ids)
            finally:
                self.seconds += time.thread_time() - began
        return timed


def search_cpu(app, url: str, rounds: int, stride: int) -> dict[str, float]:
    """Medians over askings of CPU ms per hybrid ``/api/search`` beyond the model run (with and without the client)."""
    engine = app.extensions["gyoryu"].search
    clock = ModelClock(engine.embedder.model)
    client = Client(url)
    queries = [q["query"] for q in read_jsonl(QUESTIONS) if q.get("split") == "tune"][::stride]
    beyond, server, model = [], [], []
    for _ in range(rounds):
        for q in queries:
            engine.forget_queries()
            clock.seconds = 0.0
            process, own = time.process_time(), time.thread_time()
            client.get("/api/search", {"q": q, "mode": "hybrid"})
            total, mine = time.process_time() - process, time.thread_time() - own
            beyond.append((total - clock.seconds) * 1000)
            server.append((total - mine - clock.seconds) * 1000)
            model.append(clock.seconds * 1000)
    floor = []
    for _ in range(rounds * len(queries)):
        process = time.process_time()
        client.get("/static/app.css")
        floor.append((time.process_time() - process) * 1000)
    return {"search beyond model": statistics.median(beyond), "search server beyond model": statistics.median(server),
            "model": statistics.median(model), "floor": statistics.median(floor), "askings": len(beyond)}


def sparql_cpu(app, url: str, repeats: int) -> dict[str, float]:
    """Median over README questions of the mean (``/sparql`` CPU with its workers − the query in-process on disk),
    ms, over ``repeats`` askings each."""
    from graph.sparql import execute
    from graph.store import OxigraphStore

    pool = app.extensions["gyoryu"].sparql
    client = Client(url)
    disk = OxigraphStore.open_read_only(pool.shared.path)
    gaps = []
    for example in all_examples():
        q = example["query"]
        if "SERVICE" in q:
            continue
        client.post_form("/sparql", {"query": q}, "application/sparql-results+json")  # warm
        # the workers' CPU comes from /proc in clock ticks: a mean over many askings per question
        before = process_cpu_s(pool.pids)
        for _ in range(repeats):
            client.post_form("/sparql", {"query": q}, "application/sparql-results+json")
        http = process_cpu_s(pool.pids) - before
        before = time.process_time()
        for _ in range(repeats):
            execute(disk, q, "json")
        gaps.append((http - (time.process_time() - before)) * 1000 / repeats)
    return {"sparql beyond run": statistics.median(gaps), "sparql askings": len(gaps)}


def sparql_server_cpu(url: str, repeats: int) -> dict[str, float]:
    """Medians over askings of the server threads' CPU ms per ``/sparql`` request and per static file request
    (this process less this client's thread), each README question asked in turn with the static file."""
    client = Client(url)
    questions = [e["query"] for e in all_examples() if "SERVICE" not in e["query"]]
    sparql, floor = [], []

    def server_ms(run) -> float:
        process, own = time.process_time(), time.thread_time()
        run()
        return ((time.process_time() - process) - (time.thread_time() - own)) * 1000

    for q in questions:  # warm
        client.post_form("/sparql", {"query": q}, "application/sparql-results+json")
    for _ in range(repeats):
        for q in questions:
            sparql.append(server_ms(lambda q=q: client.post_form("/sparql", {"query": q},
                                                                  "application/sparql-results+json")))
            floor.append(server_ms(lambda: client.get("/static/app.css")))
    return {"sparql server": statistics.median(sparql), "floor server": statistics.median(floor),
            "sparql server mean": statistics.mean(sparql), "floor server mean": statistics.mean(floor)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stride", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=40, help="askings of each README question")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--sparql-only", action="store_true", help="only the /sparql figures (no search askings)")
    args = parser.parse_args(argv)
    app, server, url = serve(args.data)
    try:
        Client(url).get("/static/app.css")
        result = {} if args.sparql_only else search_cpu(app, url, args.rounds, args.stride)
        result.update(sparql_server_cpu(url, args.repeats))
        result.update(sparql_cpu(app, url, args.repeats))
    finally:
        server.close()
        app.extensions["gyoryu"].close()
    print(json.dumps({k: round(v, 3) for k, v in result.items()}))
    if args.json:
        args.json.write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
