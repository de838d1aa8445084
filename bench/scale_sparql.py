"""The README's SPARQL questions one by one on a large on-disk store: time, CPU and rows, as stored and compacted.

Issue 13 point 2 asks why the README questions slow down on the large stores of ``bench/scale_copies.py`` (0.4–55 s
a question on the 470× store). This runs every README question without ``SERVICE`` (``graph.examples``) on a store
opened read-only, in-process (``OxigraphStore.query``, every row read), and reports per question the median wall and
CPU milliseconds, the rows and a digest of them; with ``--reference`` also the texts the questions had before a
rewrite (``BEFORE`` of ``tests/graph/test_example_shapes.py``), to show what the rewrite gained on the same rows.
With ``--compact DIR`` the store is first copied into ``DIR`` (``Store.backup``: hard links) and compacted there
(``Store.optimize``, CPU and wall timed), and the questions run on both.

Usage: ``python bench/scale_sparql.py STORE_DIR [--compact DIR] [--reference] [--repeat N] [--only ID,ID]``
(prints JSON; progress on stderr). A question slower than ``ONCE_ABOVE_S`` on its first run is not repeated.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ONCE_ABOVE_S = 5.0


def timed(run, repeat: int) -> dict:
    """Median wall and CPU ms of ``run()`` over ``repeat`` runs (one run when the first is slower than
    :data:`ONCE_ABOVE_S`), and what the last run returned."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        result = run()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        if walls[0] > ONCE_ABOVE_S * 1000:
            break
    return {"wall_ms": round(statistics.median(walls), 1), "cpu_ms": round(statistics.median(cpus), 1),
            "runs": len(walls), "result": result}


def answer_rows(store, text: str) -> list[tuple]:
    """Every row of a SELECT, in order, as tuples of values (what the endpoint serialises)."""
    from graph.queries import term_value

    solutions = store.query(text)
    names = [v.value for v in solutions.variables]
    return [tuple(term_value(s[n]) for n in names) for s in solutions]


def questions(only: set[str] | None, reference: bool) -> list[tuple[str, str, str]]:
    """(id, variant, text) of the README questions without SERVICE; with ``reference`` also the texts they had
    before a rewrite (kept by the test that checks both give the same rows)."""
    from graph.examples import all_examples
    chosen = [e for e in all_examples() if "SERVICE" not in e["query"] and (not only or e["id"] in only)]
    asked = [(e["id"], "readme", e["query"]) for e in chosen]
    if reference:
        spec = importlib.util.spec_from_file_location("shapes", ROOT / "tests" / "graph" / "test_example_shapes.py")
        shapes = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(shapes)
        asked += [(e["id"], "before", shapes.BEFORE[e["id"]]) for e in chosen if e["id"] in shapes.BEFORE]
    return asked


def study(store_dir: Path, asked: list[tuple[str, str, str]], repeat: int) -> list[dict]:
    """Each question on the store opened read-only: wall and CPU ms, rows, a digest of the rows."""
    import hashlib

    from graph.store import OxigraphStore

    started = time.perf_counter()
    store = OxigraphStore.open_read_only(store_dir)
    store.query("ASK { ?s ?p ?o }")
    print(f"{time.strftime('%H:%M:%S')} opened {store_dir} in {(time.perf_counter() - started) * 1000:.0f} ms",
          file=sys.stderr, flush=True)
    figures = []
    for qid, variant, text in asked:
        measured = timed(lambda t=text: answer_rows(store, t), repeat)
        rows = measured.pop("result")
        digest = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:12]
        figures.append({"id": qid, "variant": variant, **measured, "rows": len(rows), "rows_sha": digest,
                        "load_average": round(os.getloadavg()[0], 1)})
        print(f"{time.strftime('%H:%M:%S')} {figures[-1]}", file=sys.stderr, flush=True)
    return figures


def compact_copy(store_dir: Path, target: Path) -> dict:
    """``store_dir`` copied into ``target`` (hard links) and compacted there: CPU and wall s, size before and after."""
    import pyoxigraph as ox
    from scale import size_mb

    if target.exists():
        shutil.rmtree(target)
    before = size_mb(store_dir)
    ox.Store.read_only(str(store_dir)).backup(str(target))
    store = ox.Store(str(target))
    cpu, wall = time.process_time(), time.perf_counter()
    store.optimize()
    store.flush()
    figures = {"optimize_cpu_s": round(time.process_time() - cpu, 1), "optimize_wall_s":
               round(time.perf_counter() - wall, 1), "store_mb_before": round(before, 1)}
    del store
    figures["store_mb_after"] = round(size_mb(target), 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--compact", type=Path, help="compact a copy of the store here and run the questions on it")
    parser.add_argument("--reference", action="store_true", help="also run the questions as session 8 shipped them")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="comma-separated question ids")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    asked = questions(set(args.only.split(",")) if args.only else None, args.reference)
    report: dict = {"store": str(args.store), "load_average_before": [round(x, 1) for x in os.getloadavg()],
                    "as_stored": study(args.store, asked, args.repeat)}
    if args.compact:
        report["compaction"] = compact_copy(args.store, args.compact)
        print(f"{time.strftime('%H:%M:%S')} compacted {report['compaction']}", file=sys.stderr, flush=True)
        report["compacted"] = study(args.compact, asked, args.repeat)
    report["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
