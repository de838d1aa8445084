"""The project's retrieval evaluation: nDCG@10, Recall@10 and MRR per mode, and partner recall.

The dev set (``eval/devset.jsonl``) holds Korean and English paraphrase queries, each with
judged relevant line spans. A returned passage is relevant when its lines overlap a judged
span; each judged span counts once (so many passages over the same span are not rewarded),
and the ideal ranking puts one passage per judged span first. Partner queries
(``eval/partners.jsonl``) list the entities a good answer contains; partner recall@10 is the
share of them (up to 10) among the first ten partners.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

from index.artifacts import read_jsonl
from index.search import MODES, SearchEngine
from runtime.progress import Progress
from runtime.settings import REPO_ROOT, Settings

EVAL_DIR = REPO_ROOT / "eval"
DEVSET = EVAL_DIR / "devset.jsonl"
PARTNER_SET = EVAL_DIR / "partners.jsonl"
K = 10


def _squash(label: str) -> str:
    return "".join(label.split())


def judge(ranked_spans: list[tuple[str, int, int]], relevant: list[list]) -> list[int]:
    """For each returned span, the index of the judged span it newly covers, or -1.

    >>> judge([("a", 1, 3), ("a", 2, 2), ("b", 9, 9)], [["a", 2, 2], ["b", 1, 1]])
    [0, -1, -1]
    """
    seen: set[int] = set()
    out = []
    for doc, start, end in ranked_spans:
        match = -1
        for j, (rdoc, rstart, rend) in enumerate(relevant):
            if j not in seen and doc == rdoc and start <= rend and end >= rstart:
                match = j
                break
        if match >= 0:
            seen.add(match)
        out.append(match)
    return out


def metrics(judged: list[int], n_relevant: int, k: int = K) -> dict[str, float]:
    """nDCG@k, Recall@k and MRR from :func:`judge`'s output.

    >>> metrics([-1, 0, 1], 2)["recall@10"], round(metrics([-1, 0], 1)["mrr"], 2)
    (1.0, 0.5)
    """
    top = judged[:k]
    dcg = sum(1 / math.log2(i + 2) for i, j in enumerate(top) if j >= 0)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(n_relevant, k)))
    first = next((i for i, j in enumerate(top) if j >= 0), None)
    return {"ndcg@10": dcg / ideal if ideal else 0.0,
            "recall@10": sum(1 for j in top if j >= 0) / n_relevant if n_relevant else 0.0,
            "mrr": 1 / (first + 1) if first is not None else 0.0}


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(sum(r[key] for r in rows) / len(rows), 4) for key in rows[0]} if rows else {}


def evaluate_passages(engine: SearchEngine, queries: list[dict]) -> tuple[dict, dict, list[dict]]:
    """Mean metrics per mode, per language and mode, and per query."""
    per_mode: dict[str, list[dict]] = {m: [] for m in MODES}
    per_lang: dict[str, dict[str, list[dict]]] = {}
    details = []
    for q in queries:
        vector = engine.embed_query(q["query"])
        row = {"id": q["id"], "lang": q["lang"]}
        for mode in MODES:
            ranked = engine.ranked(q["query"], mode, query_vector=vector)[:K]
            spans = [(engine.passages[pid].doc, engine.passages[pid].line_start, engine.passages[pid].line_end)
                     for pid, _ in ranked]
            m = metrics(judge(spans, q["relevant"]), len(q["relevant"]))
            per_mode[mode].append(m)
            per_lang.setdefault(q["lang"], {mode: [] for mode in MODES})[mode].append(m)
            row[mode] = round(m["ndcg@10"], 3)
        details.append(row)
    by_mode = {mode: _mean(rows) for mode, rows in per_mode.items()}
    by_lang = {lang: {mode: _mean(rows) for mode, rows in modes.items()} for lang, modes in per_lang.items()}
    return by_mode, by_lang, details


def evaluate_partners(engine: SearchEngine, queries: list[dict]) -> dict:
    """Mean partner recall@10 over the partner queries."""
    from index.partners import rank_partners

    recalls = []
    for q in queries:
        result = rank_partners(engine, q["query"], k=K, type=q.get("type"))
        found = {_squash(p["label"]) for p in result["partners"]}
        expected = {_squash(label) for label in q["expected"]}
        recalls.append(len(found & expected) / min(len(expected), K))
    return {"recall@10": round(sum(recalls) / len(recalls), 4) if recalls else 0.0, "queries": len(recalls)}


def run_eval(data_dir: Path, settings: Settings, progress: Progress | None = None,
             engine: SearchEngine | None = None) -> dict:
    """Evaluate the index in ``data_dir`` on the project's dev sets."""
    progress = progress or Progress(quiet=True)
    started = time.perf_counter()
    with progress.stage("eval"):
        engine = engine or SearchEngine.load(data_dir, settings)
        queries = read_jsonl(DEVSET)
        by_mode, by_lang, details = evaluate_passages(engine, queries)
        progress.step(f"{len(queries)} passage queries")
        partners = evaluate_partners(engine, read_jsonl(PARTNER_SET))
        progress.step(f"{partners['queries']} partner queries")
    languages: dict[str, int] = {}
    for q in queries:
        languages[q["lang"]] = languages.get(q["lang"], 0) + 1
    return {"queries": len(queries), "languages": languages, "k": K, "modes": by_mode, "by_language": by_lang,
            "partners": partners, "per_query": details, "model": engine.manifest.get("model", {}).get("id"),
            "seconds": round(time.perf_counter() - started, 2)}


def format_eval(result: dict) -> str:
    """A terminal table of :func:`run_eval`'s result."""
    langs = ", ".join(f"{n} {lang}" for lang, n in sorted(result["languages"].items()))
    lines = [f"Retrieval evaluation: {result['queries']} queries ({langs}), model {result.get('model')}", "",
             f"{'mode':<10}{'nDCG@10':>10}{'Recall@10':>11}{'MRR':>8}"]
    for mode in ("lexical", "dense", "hybrid"):
        m = result["modes"][mode]
        lines.append(f"{mode:<10}{m['ndcg@10']:>10.3f}{m['recall@10']:>11.3f}{m['mrr']:>8.3f}")
    for lang, modes in sorted(result["by_language"].items()):
        cells = "  ".join(f"{mode} {modes[mode]['ndcg@10']:.3f}" for mode in ("lexical", "dense", "hybrid"))
        lines.append(f"  nDCG@10 [{lang}]: {cells}")
    p = result["partners"]
    lines += ["", f"partner recall@10: {p['recall@10']:.3f} over {p['queries']} queries"]
    return "\n".join(lines)
