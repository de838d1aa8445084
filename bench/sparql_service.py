"""Benchmark of the SPARQL service: the README questions in-process and through ``/sparql``, cheap
queries while runaway queries run, and how fast a stopped worker is replaced.

``--remote``: the same README questions on each remote store (an oxigraph server and Virtuoso,
started on loopback and loaded as the build loads them), from the client in-process and through
``/sparql`` with ``GYORYU_STORE`` set to the store, beside the embedded store; and the load time.

Usage: ``.venv/bin/python bench/sparql_service.py --data DIR [--remote]`` (prints a Markdown summary).
"""

from __future__ import annotations

import argparse
import os
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


def serve_app(settings: Settings):
    """The app under waitress on a free loopback port: ``(app, server, base URL)``."""
    app = create_app(settings)
    server = create_server(app, host="127.0.0.1", port=0, threads=6)
    threading.Thread(target=server.run, daemon=True).start()
    return app, server, f"http://127.0.0.1:{server.effective_port}"


def remote_stores(data: Path, queries: list[str]) -> None:
    """README questions on the embedded store and on each remote store, in-process and through ``/sparql``."""
    from graph.remote_store import RemoteStore
    from graph.store_load import load_store
    from graph.store_servers import KINDS, start_store_server

    session = requests.Session()

    def mix(run) -> float:
        return statistics.median(median_ms(lambda q=q: run(q)) for q in queries)

    def over_http(base: str):
        return lambda q: session.post(base + "/sparql", data={"query": q}, timeout=60,
                                      headers={"Accept": "application/sparql-results+json"}).raise_for_status()

    memory = OxigraphStore.load(data)
    app, server, base = serve_app(replace(Settings.from_env(), data_dir=data, query_timeout=10.0))
    for q in queries:
        over_http(base)(q)
    rows = [("embedded pyoxigraph", "—", mix(lambda q: execute(memory, q, "json")), mix(over_http(base)))]
    server.close()
    app.extensions["gyoryu"].close()
    for kind in KINDS:
        with start_store_server(kind, 10.0) as store_server:
            started = time.perf_counter()
            load_store(data / "graph.nq", store_server.load_url, store_server.query_url)
            loaded = f"{time.perf_counter() - started:.2f} s"
            store = RemoteStore(store_server.query_url)
            app, server, base = serve_app(replace(Settings.from_env(), data_dir=data, query_timeout=10.0,
                                                  store=store_server.query_url))
            for q in queries:
                over_http(base)(q)
            rows.append((f"{kind} server on loopback", loaded, mix(lambda q, s=store: execute(s, q, "json")),
                         mix(over_http(base))))
            server.close()
            app.extensions["gyoryu"].close()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load average "
          f"{load}; {len(queries)} README questions, {REPEATS} runs each, median of the per-question medians, JSON")
    print("| store | load (graph.nq) | in-process client, p50 ms | `/sparql`, p50 ms |\n| --- | ---: | ---: | ---: |")
    for name, loaded, direct, http in rows:
        print(f"| {name} | {loaded} | {direct:.2f} | {http:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--remote", action="store_true", help="only the embedded store beside the remote stores")
    args = parser.parse_args()
    queries = [e["query"] for e in all_examples() if "SERVICE" not in e["query"]]
    if args.remote:
        remote_stores(args.data, queries)
        return
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
