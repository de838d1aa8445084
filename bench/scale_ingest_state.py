"""An ingest's graph-state step at scale: the state read whole or summary by summary (decision 0085), peak memory.

Usage: ``python bench/scale_ingest_state.py SEED_DATA COPIES WORKDIR [CODE_DIR ...]``. The seed data's
``graph-state.json`` is copied ``COPIES`` times into ``WORKDIR`` (each copy's document graphs, documents and the
IRIs of every agreement, span and fact node renamed ``--cN``; registry regions, countries, organisations, people
and posts shared, as in the stand-in pieces) and written with its index. Then, for each ``CODE_DIR`` (the
repository whose ``graph.incremental`` runs; this one by default), a child does what an ingest of one changed
document does with the state: read it, replace one summary, gather the plan's indexes and the mentions, take the
plan, write the new state. Prints one JSON line per child: its peak resident MB, CPU and wall seconds (the child's
own ``getrusage``), and the state file's MB.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import scale_projection as projection  # noqa: E402

_IRI = re.compile(re.escape(projection._ID) + r'([a-z-]+)/([^"]*)')
_PER_COPY_SHARED = set(projection._SHARED) - {"graph", "doc", "source"}

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import graph.incremental as incremental
from graph.reconcile_lines import plan_reconciliation
from graph.report import ExtractionReport
state_dir, out = Path(sys.argv[2]), Path(sys.argv[3])
incremental.extractor_version = lambda: json.loads((state_dir / "version.json").read_text())
wall, cpu = time.perf_counter(), time.process_time()
old = incremental.GraphState.read(state_dir)
assert old is not None
if hasattr(incremental, "ChangedSummaries"):
    summaries = incremental.ChangedSummaries(old.summaries)
else:
    summaries = dict(old.summaries)
first = next(iter(sorted(summaries)))
summaries[first] = dict(summaries[first])
new = incremental.GraphState(old.version, documents=old.documents, summaries=summaries)
if hasattr(new, "gather"):
    ix, mentions, _ = new.gather()
else:
    ix, mentions = new.indexes(), new.mentions()
new.keep(plan_reconciliation(ix, ExtractionReport()))
out.mkdir(exist_ok=True)
new.write(out)
print(json.dumps({"code": sys.argv[1], "graphs": len(list(summaries)), "nodes": len(mentions),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                  "cpu_s": round(time.process_time() - cpu, 1), "wall_s": round(time.perf_counter() - wall, 1),
                  "state_mb": round((state_dir / "graph-state.json").stat().st_size / 1e6, 1)}))
"""


def copied_state(seed: dict, copies: int) -> dict:
    """``seed``'s document graphs ``copies`` times, renamed per copy; the fixed graphs once; no redirects."""

    def rename(text: str, copy: int) -> str:
        def one(m: re.Match) -> str:
            return m.group(0) if m.group(1) in _PER_COPY_SHARED else f"{m.group(0)}--c{copy}"
        return _IRI.sub(one, text)

    fixed = {g for entry in seed["documents"].values() for g in entry["graphs"]} ^ set(seed["summaries"])
    documents, summaries = {}, {g: seed["summaries"][g] for g in fixed}
    for copy in range(copies):
        for doc_id, entry in seed["documents"].items():
            documents[f"{doc_id}--c{copy}"] = {"key": entry["key"],
                                               "graphs": [rename(g, copy) for g in entry["graphs"]]}
            for graph in entry["graphs"]:
                summaries[rename(graph, copy)] = json.loads(rename(json.dumps(seed["summaries"][graph],
                                                                              ensure_ascii=False), copy))
    return {"version": seed["version"], "documents": documents, "summaries": summaries, "redirects": {},
            "strips": {}, "set_aside": {}}


def main() -> int:
    if len(sys.argv) < 4:
        raise SystemExit(__doc__.split("\n\n")[1])
    seed_data, copies, work = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    codes = sys.argv[4:] or [str(ROOT)]
    sys.path.insert(0, str(ROOT))
    import graph.incremental as incremental

    state_dir = work / f"state-{copies}"
    if not (state_dir / incremental.STATE_FILE).is_file():
        state_dir.mkdir(parents=True, exist_ok=True)
        seed = json.loads((seed_data / incremental.STATE_FILE).read_text(encoding="utf-8"))
        incremental.GraphState(**copied_state(seed, copies)).write(state_dir)
        (state_dir / "version.json").write_text(json.dumps(seed["version"]))
    for n, code in enumerate(codes):
        subprocess.run([sys.executable, "-c", CHILD, code, str(state_dir), str(work / f"written-{n}")], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
