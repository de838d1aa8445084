"""Benchmark of the SPARQL service: the README questions in-process and through ``/sparql``, cheap
queries while runaway queries run, and how fast a stopped worker is replaced.

Usage: ``.venv/bin/python bench/sparql_service.py --data DIR`` (prints a Markdown summary).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import requests
from waitress.server import create_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.app import create_app  # noqa: E402
from graph.examples import all_examples  # noqa: E402
from graph.sparql import execute  # noqa: E402
from graph.store import OxigraphStore  # noqa: E402
from runtime.settings import Settings  # noqa: E402

REPEATS = 7
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = "ASK { <https://w3id.org/gyoryu/id/region/kr-seoul> ?p ?o }"


def median_ms(run, repeats: int = REPEATS) -> float:
    took = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        took.append(time.perf_counter() - started)
    return statistics.median(took) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("data"))
    args = parser.parse_args()
    queries = [e["query"] for e in all_examples() if "SERVICE" not in e["query"]]
    memory = OxigraphStore.load(args.data)
    app = create_app(replace(Settings.from_env(), data_dir=args.data, query_timeout=5.0))
    server = create_server(app, host="127.0.0.1", port=0, threads=6)
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{server.effective_port}/sparql"
    pool = app.extensions["gyoryu"].sparql
    disk = OxigraphStore.open_read_only(pool.shared.path)

    def over_http(q: str) -> None:
        requests.post(url, data={"query": q}, headers={"Accept": "application/sparql-results+json"}, timeout=60)

    rows = []
    for q in queries:
        over_http(q)
        rows.append((median_ms(lambda q=q: execute(memory, q, "json")),
                     median_ms(lambda q=q: execute(disk, q, "json")),
                     median_ms(lambda q=q: over_http(q))))
    alone = median_ms(lambda: over_http(ASK), 25)
    runaways = [threading.Thread(target=over_http, args=(RUNAWAY,)) for _ in range(2)]
    for t in runaways:
        t.start()
    time.sleep(0.5)
    loaded = median_ms(lambda: over_http(ASK), 25)
    for t in runaways:
        t.join()
    time.sleep(2)
    print(f"machine: {platform.machine()}, {platform.python_version()}; {len(queries)} README questions, "
          f"{REPEATS} runs each, JSON results")
    print("| query mix | p50 ms |\n| --- | ---: |")
    for name, i in (("in-process, in-memory store", 0), ("in-process, on-disk read-only store", 1),
                    ("`/sparql` (waitress, worker pool)", 2)):
        print(f"| {name} | {statistics.median(r[i] for r in rows):.2f} |")
    print(f"\nASK through `/sparql`: p50 {alone:.2f} ms alone, {loaded:.2f} ms while two runaway queries run")
    print("stopped workers replaced in (ms): " + ", ".join(f"{s * 1000:.0f}" for s in pool.replacements))
    server.close()
    app.extensions["gyoryu"].close()


if __name__ == "__main__":
    main()
