"""Load and soak on loopback: the real ``gyoryu serve`` under concurrent clients, bounded in count and time.

Usage: ``.venv/bin/python bench/load.py --data DIR [--clients 8] [--seconds 60] [--write bench/RESULTS.md]``
(``--soak`` = 4 clients for 300 s; ``--write`` replaces the run's section of that file). Each client
loops over a mix of search, partners, SPARQL example queries and entity pages; two clients also
send a runaway SPARQL query now and then, which must be stopped with 503 while everyone else is
still answered. Reports requests, errors (anything but 200, and the runaways' 503), p50/p99 per
route, throughput and the server's resident memory (process and its SPARQL workers) after warm-up
and after the run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.examples import all_examples  # noqa: E402
from index.artifacts import read_jsonl  # noqa: E402
from index.evaluation import QUESTIONS  # noqa: E402

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
#: Seconds between two runaway queries of one runaway-sending client.
RUNAWAY_EVERY = 20.0
RUNAWAY_CLIENTS = 2
ENTITY_QUERY = ("SELECT ?s WHERE { ?s a ?t FILTER(?t IN (<https://w3id.org/gyoryu/ontology#Region>, "
                "<https://w3id.org/gyoryu/ontology#Agreement>, <https://w3id.org/gyoryu/ontology#SubCommittee>)) "
                "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/gyoryu/id/')) } ORDER BY ?s LIMIT 300")
ROUTES = ("search", "partners", "sparql", "entity")
STARTUP_LIMIT_S = 300
TIMEOUT_S = 60


def percentile(values: list[float], q: int) -> float:
    """The ``q``-th percentile (inclusive method)."""
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid: int) -> int:
    """Resident memory (kB) of one process."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def descendants(pid: int) -> list[int]:
    """``pid``'s child processes, recursively (the SPARQL workers)."""
    children: dict[int, list[int]] = defaultdict(list)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children[int(fields[1])].append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def memory(pid: int) -> dict[str, float]:
    """Resident MB of the server process and of it with its workers."""
    tree = 0
    for p in [pid, *descendants(pid)]:
        with contextlib.suppress(OSError):
            tree += rss_kb(p)
    return {"server_mb": round(rss_kb(pid) / 1024, 1), "with_workers_mb": round(tree / 1024, 1)}


class Server:
    """``python -m gyoryu serve`` on a free loopback port."""

    def __init__(self, data: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "GYORYU_DATA": str(data), "GYORYU_PORT": str(self.port), "GYORYU_HOST": "127.0.0.1",
               "PYTHONPATH": str(ROOT)}
        self.log = open(os.devnull, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen([sys.executable, "-m", "gyoryu", "serve"], cwd=ROOT, env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gyoryu serve exited with {self.proc.returncode}")
            try:
                if requests.get(self.url + "/healthz", timeout=5).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise RuntimeError("gyoryu serve did not become ready")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(60)
        self.log.close()


class Mix:
    """The requests a client draws from."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.questions = [q["query"] for q in read_jsonl(QUESTIONS)]
        self.queries = [e["query"] for e in all_examples()]
        rows = requests.get(url + "/sparql", params={"query": ENTITY_QUERY, "format": "json"},
                            timeout=TIMEOUT_S).json()["results"]["bindings"]
        self.entities = ["/id/" + r["s"]["value"].split("/gyoryu/id/", 1)[1] for r in rows]
        if not self.entities:
            raise RuntimeError("no entities to request")

    def request(self, session: requests.Session, route: str, rng: random.Random) -> requests.Response:
        if route == "search":
            return session.get(self.url + "/api/search", params={"q": rng.choice(self.questions), "k": 10},
                               timeout=TIMEOUT_S)
        if route == "partners":
            return session.get(self.url + "/api/partners", params={"q": rng.choice(self.questions), "k": 5},
                               timeout=TIMEOUT_S)
        if route == "sparql":
            return session.get(self.url + "/sparql", params={"query": rng.choice(self.queries)},
                               headers={"Accept": "application/sparql-results+json"}, timeout=TIMEOUT_S)
        if route == "entity":
            return session.get(self.url + rng.choice(self.entities), headers={"Accept": "text/html"},
                               timeout=TIMEOUT_S)
        return session.get(self.url + "/sparql", params={"query": RUNAWAY}, timeout=TIMEOUT_S)


def client(mix: Mix, n: int, until: float, log: list[tuple[str, int, float]], lock: threading.Lock) -> None:
    """One client: requests back to back until ``until``; runaway clients also send a runaway query."""
    rng = random.Random(n)
    session = requests.Session()
    next_runaway = time.monotonic() + 5 + 3 * n if n < RUNAWAY_CLIENTS else float("inf")
    while time.monotonic() < until:
        route = "runaway" if time.monotonic() >= next_runaway else rng.choice(ROUTES)
        if route == "runaway":
            next_runaway += RUNAWAY_EVERY
        start = time.perf_counter()
        try:
            status = mix.request(session, route, rng).status_code
        except requests.RequestException:
            status = 0
        with lock:
            log.append((route, status, (time.perf_counter() - start) * 1000))


def warm_up(mix: Mix) -> None:
    """Every route once per SPARQL worker, so memory is measured with everything loaded."""
    rng = random.Random(0)
    with requests.Session() as session:
        for _ in range(4):
            for route in ROUTES:
                mix.request(session, route, rng).raise_for_status()


def run(data: Path, clients: int, seconds: float) -> dict:
    """Start the server, warm it up, load it, and summarise."""
    server = Server(data)
    try:
        server.wait_ready()
        mix = Mix(server.url)
        warm_up(mix)
        before = memory(server.proc.pid)
        log: list[tuple[str, int, float]] = []
        lock = threading.Lock()
        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(mix, n, started + seconds, log, lock))
                   for n in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        after = memory(server.proc.pid)
    finally:
        server.stop()
    return summarise(log, elapsed, clients, before, after)


def summarise(log: list[tuple[str, int, float]], elapsed: float, clients: int, before: dict, after: dict) -> dict:
    routes: dict[str, dict] = {}
    for route in (*ROUTES, "runaway"):
        times = [ms for r, _, ms in log if r == route]
        statuses: dict[int, int] = defaultdict(int)
        for r, status, _ in log:
            if r == route:
                statuses[status] += 1
        routes[route] = {"requests": len(times), "statuses": dict(statuses),
                         "p50_ms": round(percentile(times, 50), 1) if times else None,
                         "p99_ms": round(percentile(times, 99), 1) if times else None}
    errors = sum(1 for r, status, _ in log if (status != 503 if r == "runaway" else status != 200))
    growth = {k: round(100 * (after[k] - before[k]) / before[k], 1) for k in before}
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(log), "errors": errors,
            "throughput_rps": round(len(log) / elapsed, 1), "routes": routes,
            "memory_before": before, "memory_after": after, "memory_growth_pct": growth}


def markdown(result: dict, title: str) -> str:
    """A RESULTS.md section."""
    before, after, growth = result["memory_before"], result["memory_after"], result["memory_growth_pct"]
    lines = [f"### {title}", "",
             f"{result['clients']} clients for {result['seconds']} s on loopback: {result['requests']} requests, "
             f"{result['throughput_rps']} per second, {result['errors']} errors (runaway 503s expected, not counted). "
             f"Resident memory (server / with SPARQL workers): {before['server_mb']} / {before['with_workers_mb']} MB "
             f"after warm-up, {after['server_mb']} / {after['with_workers_mb']} MB after the run "
             f"({growth['server_mb']:+} % / {growth['with_workers_mb']:+} %).", "",
             "| route | requests | statuses | p50 ms | p99 ms |", "| --- | ---: | --- | ---: | ---: |"]
    for route, row in result["routes"].items():
        statuses = ", ".join(f"{s}×{n}" for s, n in sorted(row["statuses"].items()))
        lines.append(f"| {route} | {row['requests']} | {statuses} | {row['p50_ms']} | {row['p99_ms']} |")
    return "\n".join(lines) + "\n"


def write_section(path: Path, text: str) -> None:
    """Put ``text`` (a ``### Load…`` or ``### Soak…`` section) into ``path``, replacing the previous one of its kind."""
    kind = text.split(":", 1)[0]
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = [block for block in old.split("\n### ") if not ("### " + block).startswith(kind)]
    path.write_text("\n### ".join(kept).rstrip("\n") + "\n\n" + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="built data directory to serve")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--soak", action="store_true", help="4 clients for 300 s")
    parser.add_argument("--write", type=Path, help="put the Markdown section into this file")
    args = parser.parse_args(argv)
    clients, seconds = (4, 300.0) if args.soak else (args.clients, args.seconds)
    if not 1 <= clients <= 16 or not 1 <= seconds <= 600:
        parser.error("at most 16 clients and 600 seconds")
    result = run(args.data, clients, seconds)
    print(json.dumps(result, indent=1))
    text = markdown(result, ("Soak" if args.soak else "Load") + f": {clients} clients, {seconds:g} s")
    print(text)
    if args.write:
        write_section(args.write, text)
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
